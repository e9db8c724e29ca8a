/**
 * What the chart shows for a set of options: the years in range, their values,
 * which bars are highlighted and what each year's tooltip says. Records are
 * decided on the full series, then cut to the range, so that "record" means
 * the same in a two-year view as in the full one.
 */
import { notesForYear } from './dataset.js';
import { formatCount } from './format.js';
import type { WidgetOptions } from './options.js';
import { recordYears } from './records.js';
import { STRINGS } from './strings.js';

export interface SeriesView {
  labels: string[];
  values: (number | null)[];
  records: boolean[];
  highlighted: boolean[];
  highlightLabel: string;
  /** Tooltip lines per year in range. */
  details: string[][];
}

export function seriesView({ measure, first, last, highlight, locale }: WidgetOptions, years: string[]): SeriesView {
  const allRecords = recordYears(measure.values, measure.total);
  const labels = years.slice(first, last + 1);
  const values = measure.values.slice(first, last + 1);
  const records = allRecords.slice(first, last + 1);
  const highlighted =
    highlight === 'records' ? records : highlight === 'latest' ? values.map((_, i) => i === values.length - 1) : values.map(() => false);
  const details = labels.map((year, i) => {
    const value = values[i];
    const lines = [value === null || value === undefined ? STRINGS.notReported : `${measure.label}: ${formatCount(value, locale)}`];
    if (records[i]) lines.push(STRINGS.recordTooltip);
    for (const note of notesForYear(measure, year)) lines.push(note.text);
    return lines;
  });
  return {
    labels,
    values,
    records,
    highlighted,
    highlightLabel: highlight === 'latest' ? STRINGS.latest : STRINGS.record,
    details,
  };
}
