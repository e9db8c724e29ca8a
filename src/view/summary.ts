/**
 * The sentence that says what the chart shows, generated from the data: the
 * latest value shown, whether it is a record (and for how many years in a
 * row), the change from the year before, and the total. It is the chart's
 * accessible description and the line under the heading. This file finds the
 * facts; the language's messages word them.
 */
import { type Dataset, type Measure, isPartialTotal, measureTotal } from '../model/dataset.js';
import { formatCount, formatPercent } from '../model/format.js';
import type { Change, LatestFacts, Messages } from '../messages/en.js';
import { recordStreak, recordYears } from '../model/records.js';

export interface SummaryInput {
  dataset: Dataset;
  measure: Measure;
  /** Index of the last year shown. */
  last: number;
  locale: string;
  messages: Messages;
}

function compare(value: number, previous: number, year: string, locale: string): Change {
  if (value === previous) return { kind: 'same', year };
  if (previous === 0) return { kind: 'up-from-zero', year };
  const change = (value - previous) / previous;
  return { kind: change > 0 ? 'more' : 'fewer', year, percent: formatPercent(Math.abs(change), locale) };
}

/** E.g. "Children safeguarded or protected: 414 in 2010/11, a record for the fifth year in a row and 49% more than in 2009/10. 1,038 since April 2006." */
export function summarize({ dataset, measure, last, locale, messages }: SummaryInput): string {
  const { years } = dataset;
  const values = measure.values;
  // The latest year shown that has a value; a gap at the end is said, not skipped silently.
  let index = last;
  while (index >= 0 && values[index] === null) index--;
  const sentences: string[] = [];
  if (index < 0) {
    sentences.push(messages.noneReported(measure.label));
  } else {
    if (index < last) sentences.push(messages.notReportedIn(years[last]!));
    const facts: LatestFacts = { label: measure.label, value: formatCount(values[index]!, locale), year: years[index]! };
    const records = recordYears(values, measure.total).slice(0, index + 1);
    if (records[index]) {
      const streak = recordStreak(records);
      facts.record = { streak, since: years[index - streak + 1]! };
    }
    const previous = index > 0 ? values[index - 1] : undefined;
    if (previous !== undefined && previous !== null) facts.change = compare(values[index]!, previous, years[index - 1]!, locale);
    sentences.push(messages.latestValue(facts));
  }
  sentences.push(messages.totalSentence(formatCount(measureTotal(measure), locale), dataset.totalLabel, isPartialTotal(measure)));
  return sentences.join(' ');
}
