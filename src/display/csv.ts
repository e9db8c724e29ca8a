/**
 * The data table as a CSV file (RFC 4180): the same years, values, records,
 * notes and total row as src/data-table.ts shows, but with plain integers
 * whatever the locale, so a spreadsheet reads them as numbers. No DOM here,
 * so every rule is unit-testable.
 */
import { type Dataset, type Measure, type Source, isPartialTotal, measureTotal, startYear } from '../data/dataset.js';
import type { Messages } from '../messages/en.js';

/** The built-in texts the file uses: the widget's catalogue, so the file is in the language the table is. */
type CsvText = Pick<Messages, 'yearColumn' | 'record' | 'noteColumn' | 'totalRow' | 'sourcePrefix'>;

/** The years shown and what the table says about each: the parts of a Series the file needs. */
interface CsvSeries {
  labels: string[];
  values: (number | null)[];
  records: boolean[];
  notes: string[][];
}

export interface CsvInput {
  dataset: Dataset;
  measure: Measure;
  series: CsvSeries;
  source: Source | undefined;
  text: CsvText;
}

/** A byte-order mark, so spreadsheet programs read the file as UTF-8 rather than the system's code page. */
export const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * Spreadsheets run a cell that starts with one of these as a formula (tab and
 * carriage return count too, in some of them); a leading apostrophe makes it
 * text again. Labels and notes may come from an outside dataset.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Quoted only when it must be: a comma, a quote or a line break; quotes doubled. */
function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A cell of text from the data or the widget: neutralised, then quoted as needed. */
export function textCell(text: string): string {
  return field(FORMULA_START.test(text) ? `'${text}` : text);
}

/** A count as digits only (no grouping, whatever the locale); empty where not reported, never 0. */
export function numberCell(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** The CSV text, with its byte-order mark: header, one row per year shown, the total row, then a blank line and the source. */
export function buildCsv({ dataset, measure, series, source, text }: CsvInput): string {
  // The same total label as the table's footer (src/data-table.ts).
  const totalLabel = text.totalRow(dataset.totalLabel, isPartialTotal(measure));
  const rows = [
    [text.yearColumn, measure.label, text.record, text.noteColumn].map(textCell),
    ...series.labels.map((year, i) => [
      textCell(year),
      numberCell(series.values[i]),
      series.records[i] ? textCell(text.record) : '',
      textCell((series.notes[i] ?? []).join(' ')),
    ]),
    [textCell(totalLabel), numberCell(measureTotal(measure)), '', ''],
  ];
  if (source) rows.push([], [text.sourcePrefix, source.label, ...(source.url ? [source.url] : [])].map(textCell));
  return BOM + rows.map((cells) => cells.join(',') + CRLF).join('');
}

/** `ceop-stats-networks-2006-2010.csv`: the measure and the first and last years shown, by the year each starts in. */
export function downloadName(measureId: string, labels: string[], extension: 'csv' | 'png'): string {
  const first = labels[0];
  const last = labels[labels.length - 1];
  const years = [first, last].map((label) => (label === undefined ? undefined : startYear(label))).filter((year) => year !== undefined);
  return `${['ceop-stats', measureId, ...years].join('-')}.${extension}`;
}
