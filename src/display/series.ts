/**
 * What the chart shows for a set of options: the years in range, their values,
 * which bars are highlighted and what each year's tooltip says. Records are
 * decided on the full series, then cut to the range, so that "record" means
 * the same in a two-year range as in the full one.
 */
import { notesForYear } from '../data/dataset.js';
import { formatCount } from './format.js';
import type { WidgetOptions } from '../element/attributes.js';
import { HIGHLIGHTS } from '../element/attribute-table.js';
import type { Messages } from '../messages/en.js';
import { recordYears } from './records.js';

export interface Series {
  labels: string[];
  values: (number | null)[];
  records: boolean[];
  highlighted: boolean[];
  highlightLabel: string;
  /** Tooltip lines per year in range. */
  details: string[][];
  /** What the live region says when a year is chosen with the keyboard. */
  announcements: string[];
  /** Notes per year in range, for the data table. */
  notes: string[][];
}

export function seriesOf({ measure, first, last, highlight, locale }: WidgetOptions, years: string[], messages: Messages): Series {
  const allRecords = recordYears(measure.values, measure.total);
  const labels = years.slice(first, last + 1);
  const values = measure.values.slice(first, last + 1);
  const records = allRecords.slice(first, last + 1);
  const highlighted = HIGHLIGHTS[highlight].picks({ values, records });
  const notes = labels.map((year) => notesForYear(measure, year).map((note) => note.text));
  const details = labels.map((_, i) => {
    const value = values[i];
    const lines = [
      value === null || value === undefined ? messages.notReported : messages.valueLine(measure.label, formatCount(value, locale)),
    ];
    if (records[i]) lines.push(messages.recordTooltip);
    return [...lines, ...notes[i]!];
  });
  const announcements = labels.map((year, i) => {
    const value = values[i];
    if (value === null || value === undefined)
      return [messages.announcement(year, measure.label, undefined, false), ...notes[i]!].join(' ');
    return messages.announcement(year, measure.label, formatCount(value, locale), records[i]!);
  });
  return {
    labels,
    values,
    records,
    highlighted,
    highlightLabel: messages[HIGHLIGHTS[highlight].label],
    details,
    announcements,
    notes,
  };
}
