/**
 * The data table as a CSV file (RFC 4180): the same years, values, records,
 * notes and total row as src/element/data-table.ts shows, but with plain integers
 * whatever the locale, so a spreadsheet reads them as numbers. No DOM here,
 * so every rule is unit-testable.
 */
import { type Source, startYear } from '../model/dataset.js';
import type { Messages } from '../messages/en.js';
import type { Series } from './series.js';

/** The built-in texts the file uses: the widget's messages, so the file is in the language the table is. */
type CsvText = Pick<Messages, 'yearColumn' | 'record' | 'noteColumn' | 'sourcePrefix'>;

export interface CsvInput {
  series: Pick<Series, 'measure' | 'labels' | 'values' | 'records' | 'notes' | 'total'>;
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
export function buildCsv({ series, source, text }: CsvInput): string {
  const rows = [
    [text.yearColumn, series.measure.label, text.record, text.noteColumn].map(textCell),
    ...series.labels.map((year, i) => [
      textCell(year),
      numberCell(series.values[i]),
      series.records[i] ? textCell(text.record) : '',
      textCell((series.notes[i] ?? []).join(' ')),
    ]),
    [textCell(series.total.label), numberCell(series.total.value), '', ''],
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
