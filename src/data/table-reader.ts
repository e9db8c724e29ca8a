/**
 * Reads the editor's own figures from a plain HTML `<table>` (the widget's
 * child, which is also what readers without JavaScript see) into a Dataset
 * that has passed the same validator as every other way data comes in.
 *
 * Only `textContent` is read: nothing in the table is ever parsed as HTML.
 */
import { describeValue } from '../model/dataset.js';
import { numberFormat } from '../model/format.js';
import { boundedCache } from '../model/bounded-cache.js';
import { type Result, attempt, fail, problemResult } from '../model/result.js';
import { countProblem, MAX_VALUE, validateDataset } from '../model/validate-dataset.js';
import type { Dataset } from '../model/dataset.js';

/** Cell texts that mean "not reported" (compared in lower case). */
const NOT_REPORTED = new Set(['', '-', '\u2013', '\u2014', 'n/r', 'n/a']);

/** A cell's text as the reader sees it: whitespace collapsed and trimmed. */
function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** What the reader uses of a cell, a row and a table: the browser's elements have it, and so do the server API's stand-ins. */
export interface CellLike {
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
}
export interface RowLike {
  readonly cells: ArrayLike<CellLike>;
  readonly parentElement: { readonly localName: string } | null;
}
export interface TableLike {
  readonly rows: ArrayLike<RowLike>;
  readonly tHead: { readonly rows: ArrayLike<RowLike> } | null;
  readonly tFoot: { readonly rows: ArrayLike<RowLike> } | null;
}

function cellText(cell: CellLike): string {
  return clean(cell.textContent ?? '');
}

interface Separators {
  /** Accepted group separators, after whitespace has been collapsed to a plain space. */
  groups: string[];
  decimal: string;
}

const separatorCache = boundedCache<Separators>(16);

function numberParts(locale: string): Intl.NumberFormatPart[] {
  try {
    return numberFormat(locale, 'plain').formatToParts(12345.6);
  } catch {
    // Not a valid locale tag: read numbers the English way rather than fail.
    return numberFormat('en', 'plain').formatToParts(12345.6);
  }
}

function separators(locale: string): Separators {
  return separatorCache(locale, () => {
    const parts = numberParts(locale);
    const group = parts.find((p) => p.type === 'group')?.value ?? '';
    const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
    let groups: string[];
    if (group === '') groups = [];
    // fr and others group with a (narrow) no-break space; editors type any space.
    else if (/^\s+$/.test(group)) groups = [' '];
    // de-CH groups with a typographic apostrophe; editors often type a plain one.
    else if (group === '\u2019') groups = ['\u2019', "'"];
    else groups = [group];
    return { groups, decimal };
  });
}

/** The digits of a whole number written plainly or with correct groups of three, else undefined. */
function wholeDigits(text: string, { groups, decimal }: Separators): string | undefined {
  if (/^\d+$/.test(text)) return text;
  const [group] = groups;
  if (group === undefined || text.includes(decimal)) return undefined;
  let unified = text;
  for (const other of groups.slice(1)) unified = unified.split(other).join(group);
  const parts = unified.split(group);
  if (parts.length < 2) return undefined;
  const [first, ...rest] = parts;
  if (first === undefined || !/^\d{1,3}$/.test(first)) return undefined;
  if (!rest.every((part) => /^\d{3}$/.test(part))) return undefined;
  return parts.join('');
}

/**
 * Parses one cell's text as a count: returns a number, null (not reported),
 * or a problem string. Exported for tests.
 */
export function parseCount(text: string, locale: string): number | null | { problem: string } {
  const value = clean(text);
  if (NOT_REPORTED.has(value.toLowerCase())) return null;
  const negative = value.startsWith('-') || value.startsWith('\u2212');
  const digits = wholeDigits(negative ? value.slice(1) : value, separators(locale));
  if (digits === undefined) return { problem: `${describeValue(value)} is not a whole number` };
  const magnitude = Number(digits);
  if (!Number.isFinite(magnitude)) {
    // Hundreds of digits: say what is wrong with them without printing Infinity.
    return {
      problem: negative
        ? `${describeValue(value)} is negative; counts cannot be`
        : `${describeValue(value)} is larger than ${MAX_VALUE} (1e12)`,
    };
  }
  const count = negative ? -magnitude : magnitude;
  const problem = countProblem(count);
  if (problem !== undefined) return { problem };
  // "-0" is zero; never hand on a negative zero.
  return count === 0 ? 0 : count;
}

/** A measure id from its label, e.g. "offender-networks-dismantled". */
export function slugify(label: string): string {
  let slug = label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '') return 'measure';
  if (!/^[a-z]/.test(slug)) slug = `m-${slug}`;
  return slug.slice(0, 64).replace(/-+$/, '');
}

function cellCount(count: number): string {
  return `${count} cell${count === 1 ? '' : 's'}`;
}

interface CandidateMeasure {
  id: string;
  label: string;
  values: (number | null)[];
  total?: number;
}

function read(table: TableLike, locale: string): Dataset {
  // table.rows lists thead rows, then body rows, then tfoot rows: the order the editor sees.
  const rows = Array.from(table.rows);
  const rowNumber = (row: RowLike): number => rows.indexOf(row) + 1;
  const head = table.tHead?.rows[0] ?? rows[0];
  if (!head) fail('table: no header row');
  const headerCells = Array.from(head.cells);
  if (headerCells.length < 2) fail('table: the header row needs a year column and at least one measure');
  const width = headerCells.length;

  const measures: CandidateMeasure[] = headerCells.slice(1).map((cell, j) => {
    const label = cellText(cell);
    if (label === '') {
      fail(`table row ${rowNumber(head)}, cell ${j + 2}: the heading is empty; give the measure a name`);
    }
    const metric = cell.getAttribute('data-metric')?.trim();
    return { id: metric ? metric : slugify(label), label, values: [] };
  });

  const years: string[] = [];
  rows.forEach((row, index) => {
    const section = row.parentElement?.localName;
    if (row === head || section === 'thead' || section === 'tfoot') return;
    const texts = Array.from(row.cells, cellText);
    if (texts.every((t) => t === '')) return;
    const where = `table row ${index + 1}`;
    if (texts.length !== width) fail(`${where}: ${cellCount(texts.length)}, but the header has ${width}`);
    const year = texts[0]!;
    if (year === '') fail(`${where}, cell 1: the year is missing`);
    years.push(year);
    measures.forEach((m, j) => {
      const parsed = parseCount(texts[j + 1]!, locale);
      if (parsed !== null && typeof parsed === 'object') {
        fail(`${where}, cell ${j + 2} (${m.label}, ${year}): ${parsed.problem}`);
      }
      m.values.push(parsed);
    });
  });
  if (years.length === 0) fail('table: no rows of data');

  const totals = table.tFoot?.rows[0];
  if (totals && totals !== head) {
    const texts = Array.from(totals.cells, cellText);
    if (!texts.every((t) => t === '')) {
      if (texts.length !== width) {
        fail(`table totals row: ${cellCount(texts.length)}, but the header has ${width}`);
      }
      measures.forEach((m, j) => {
        const parsed = parseCount(texts[j + 1]!, locale);
        if (parsed !== null && typeof parsed === 'object') {
          fail(`table totals row, cell ${j + 2} (${m.label}): ${parsed.problem}`);
        }
        if (parsed !== null) m.total = parsed;
      });
    }
  }

  const result = validateDataset({ years, measures });
  if (!result.ok) fail(`table: ${result.message}`);
  return result.value;
}

/**
 * Reads an editor's table into a validated Dataset. `locale` is the page's
 * locale (BCP 47), used for thousands separators. Never throws.
 */
export function readTable(table: TableLike, locale: string): Result<Dataset> {
  try {
    return attempt('schema', () => read(table, locale));
  } catch {
    return problemResult('schema', 'table: could not be read');
  }
}

/** Says what went wrong when the widget's data sits after it instead of inside it (see stray-data.ts). */
export function strayDataMessage(data: Element): string {
  return (
    `the ${data.localName === 'table' ? 'table' : 'JSON'} after this widget is outside it, so it is not shown: a paragraph closed the element before its data ` +
    "(WordPress's automatic paragraphs do this). Use the [ceop_stats] shortcode, the CEOP stats block, or a Custom HTML block."
  );
}
