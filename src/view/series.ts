/**
 * The one model of what a widget shows, from which the chart, the table, the
 * counters, the CSV and the PNG are all made: the years in range, their
 * values, which bars are highlighted, records, notes, what each year's
 * tooltip and announcement say, the measure's total and every counter.
 * Records are decided on the full series, then cut to the range, so that
 * "record" means the same in a two-year range as in the full one.
 */
import { type Dataset, isPartialTotal, measureTotal, notesForYear } from '../model/dataset.js';
import { formatCount } from '../model/format.js';
import type { WidgetOptions } from '../model/attributes.js';
import { HIGHLIGHTS } from '../model/attribute-table.js';
import type { Messages } from '../messages/en.js';
import { counterLabel } from '../messages/index.js';
import { recordYears } from '../model/records.js';

/** A total of one measure over every year of the data, as a counter shows it. */
export interface Counter {
  value: number;
  label: string;
  /** The period the total covers, as the counter's sentence says it; undefined when some years are not in the total. */
  period: string | undefined;
}

export interface Series {
  /** The measure shown. */
  measure: { id: string; label: string };
  /** How numbers are written. */
  locale: string;
  /** The years in range. */
  labels: string[];
  values: (number | null)[];
  records: boolean[];
  highlighted: boolean[];
  highlightLabel: string;
  /** Tooltip lines per year in range. */
  tooltips: string[][];
  /** What the live region says when a year is chosen with the keyboard. */
  announcements: string[];
  /** Notes per year in range, for the data table. */
  notes: string[][];
  /** The measure's total over every year of the data (not only those in range), as the table and the CSV end. */
  total: { label: string; value: number };
  /** Every measure's total, in the data's order. */
  counters: Counter[];
}

/** @param dataset the data in the widget's language (see localizeData). */
export function seriesOf({ measure, first, last, highlight, locale }: WidgetOptions, dataset: Dataset, messages: Messages): Series {
  const years = dataset.years;
  const allRecords = recordYears(measure.values, measure.total);
  const labels = years.slice(first, last + 1);
  const values = measure.values.slice(first, last + 1);
  const records = allRecords.slice(first, last + 1);
  const highlighted = HIGHLIGHTS[highlight].picks({ values, records });
  const notes = labels.map((year) => notesForYear(measure, year).map((note) => note.text));
  const tooltips = labels.map((_, i) => {
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
    measure: { id: measure.id, label: measure.label },
    locale,
    labels,
    values,
    records,
    highlighted,
    highlightLabel: messages[HIGHLIGHTS[highlight].label],
    tooltips,
    announcements,
    notes,
    total: { label: messages.totalRow(dataset.totalLabel, isPartialTotal(measure)), value: measureTotal(measure) },
    counters: dataset.measures.map((counted) => ({
      value: measureTotal(counted),
      label: counterLabel(counted, messages),
      period: isPartialTotal(counted) ? undefined : dataset.totalLabel,
    })),
  };
}
