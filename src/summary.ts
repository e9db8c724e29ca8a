/**
 * The sentence that says what the chart shows, generated from the data: the
 * latest value shown, whether it is a record (and for how many years in a
 * row), the change from the year before, and the total. It is the chart's
 * accessible description and the line under the heading.
 */
import { type Dataset, type Measure, isPartialTotal, measureTotal } from './dataset.js';
import { formatCount, percentFormat } from './format.js';
import { recordStreak, recordYears } from './records.js';

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

export function ordinal(n: number): string {
  if (n >= 1 && n <= ORDINALS.length) return ORDINALS[n - 1]!;
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

export interface SummaryInput {
  dataset: Dataset;
  measure: Measure;
  /** Index of the last year shown. */
  last: number;
  locale: string;
}

function changeClause(value: number, previous: number, previousYear: string, locale: string): string {
  if (value === previous) return `the same as in ${previousYear}`;
  if (previous === 0) return `up from 0 in ${previousYear}`;
  const change = (value - previous) / previous;
  const percent = percentFormat(locale).format(Math.abs(change));
  return `${percent} ${change > 0 ? 'more' : 'fewer'} than in ${previousYear}`;
}

/** E.g. "Children safeguarded or protected: 414 in 2010/11, a record for the fifth year in a row and 49% more than in 2009/10. 1,038 since April 2006." */
export function summarize({ dataset, measure, last, locale }: SummaryInput): string {
  const { years } = dataset;
  const values = measure.values;
  // The latest year shown that has a value; a gap at the end is said, not skipped silently.
  let index = last;
  while (index >= 0 && values[index] === null) index--;
  const sentences: string[] = [];
  const gap = index >= 0 && index < last ? `Not reported in ${years[last]!}. ` : '';
  if (index < 0) {
    sentences.push(`${measure.label}: not reported in the years shown.`);
  } else {
    const value = values[index]!;
    const year = years[index]!;
    const clauses: string[] = [];
    const records = recordYears(values, measure.total).slice(0, index + 1);
    if (records[index]) {
      const streak = recordStreak(records);
      clauses.push(streak > 1 ? `a record for the ${ordinal(streak)} year in a row` : 'a record');
    }
    const previous = index > 0 ? values[index - 1] : undefined;
    if (previous !== undefined && previous !== null) clauses.push(changeClause(value, previous, years[index - 1]!, locale));
    const tail = clauses.length ? `, ${clauses.join(' and ')}` : '';
    sentences.push(`${gap}${measure.label}: ${formatCount(value, locale)} in ${year}${tail}.`);
  }
  const partial = isPartialTotal(measure);
  const total = formatCount(measureTotal(measure), locale);
  const span = partial ? 'in the years reported' : (dataset.totalLabel ?? 'in total');
  sentences.push(`${total} ${span}.`);
  return sentences.join(' ');
}
