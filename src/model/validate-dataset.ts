/**
 * One validator for every way data comes in, so that the chart, the counters
 * and every text are always computed from data that has passed the same
 * checks. Loaded only when data comes from outside the bundle.
 */
import { type Result, attempt, fail, webUrl } from './result.js';
import { type Dataset, type Measure, type MeasureNote, type Source, describeValue, startYear } from './dataset.js';

/** Values above this are surely a typo (or a unit mix-up) rather than a count. */
export const MAX_VALUE = 1e12;
const MAX_YEARS = 200;
const MAX_MEASURES = 20;
const MAX_LABEL_LENGTH = 200;
const MAX_NOTE_LENGTH = 2000;
const ID_PATTERN = /^[a-z][a-z0-9-]{0,63}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, where: string, maxLength: number): string {
  if (typeof value !== 'string' || value.trim() === '') {
    fail(`${where}: expected text, got ${describeValue(value)}`);
  }
  if (value.length > maxLength) {
    fail(`${where}: text is ${value.length} characters long; at most ${maxLength} are allowed`);
  }
  return value.trim();
}

function source(value: unknown, where: string): Source {
  if (!isRecord(value)) fail(`${where}: expected an object with "label" and optional "url"`);
  const result: Source = { label: text(value.label, `${where} label`, MAX_LABEL_LENGTH) };
  if (value.url !== undefined) {
    const url = text(value.url, `${where} url`, 2000);
    if (!webUrl(url, 'https://example.invalid/')) fail(`${where} url: only http and https links are allowed, got ${describeValue(url)}`);
    result.url = url;
  }
  return result;
}

/** A count: a whole, non-negative, finite number no larger than MAX_VALUE. */
export function countProblem(value: unknown): string | undefined {
  if (typeof value !== 'number') return `${describeValue(value)} is not a whole number`;
  if (!Number.isFinite(value)) return `${describeValue(value)} is not a finite number`;
  if (!Number.isInteger(value)) return `${describeValue(value)} is not a whole number`;
  if (value < 0) return `${describeValue(value)} is negative; counts cannot be`;
  if (value > MAX_VALUE) return `${describeValue(value)} is larger than ${MAX_VALUE} (1e12)`;
  return undefined;
}

function measure(value: unknown, index: number, years: string[]): Measure {
  const where = `measure ${index + 1}`;
  if (!isRecord(value)) fail(`${where}: expected an object with "id", "label" and "values"`);
  const id = text(value.id, `${where} id`, 64);
  if (!ID_PATTERN.test(id)) {
    fail(`${where} id ${describeValue(id)}: use lower-case letters, digits and hyphens, starting with a letter`);
  }
  const label = text(value.label, `${id} label`, MAX_LABEL_LENGTH);
  if (!Array.isArray(value.values)) fail(`${id}: "values" must be a list with one entry per year`);
  if (value.values.length !== years.length) {
    fail(`${id}: ${value.values.length} values for ${years.length} years; give one per year (null where not reported)`);
  }
  const values = value.values.map((v: unknown, i: number) => {
    if (v === null) return null;
    const problem = countProblem(v);
    if (problem) fail(`${id}, ${years[i]}: ${problem}`);
    // -0 is a valid count of nothing, but it would be shown as "-0".
    return (v as number) + 0;
  });
  const reported = values.filter((v): v is number => v !== null);
  if (reported.length === 0) fail(`${id}: no year has a value; a measure needs at least one`);
  const result: Measure = { id, label, values };
  if (value.total !== undefined && value.total !== null) {
    const problem = countProblem(value.total);
    if (problem) fail(`${id}, total: ${problem}`);
    const total = (value.total as number) + 0;
    const sum = reported.reduce((a, b) => a + b, 0);
    if (total < sum) fail(`${id}, total: ${total} is less than the ${sum} of the years reported`);
    if (reported.length === values.length && total !== sum) {
      fail(`${id}, total: ${total} differs from ${sum}, the sum of its years`);
    }
    result.total = total;
  }
  if (value.notes !== undefined) {
    if (!Array.isArray(value.notes)) fail(`${id}, notes: expected a list`);
    result.notes = value.notes.map((note: unknown, n: number) => {
      const noteWhere = `${id}, note ${n + 1}`;
      if (!isRecord(note)) fail(`${noteWhere}: expected an object with "text"`);
      const out: MeasureNote = { text: text(note.text, noteWhere, MAX_NOTE_LENGTH) };
      if (note.id !== undefined) out.id = text(note.id, `${noteWhere} id`, 64);
      if (note.years !== undefined) {
        if (!Array.isArray(note.years)) fail(`${noteWhere}: "years" must be a list of year labels`);
        out.years = note.years.map((y: unknown) => {
          if (typeof y !== 'string' || !years.includes(y)) {
            fail(`${noteWhere}: ${describeValue(y)} is not one of the years`);
          }
          return y;
        });
      }
      return out;
    });
  }
  return result;
}

/**
 * Checks that `input` is a dataset the widget can show truthfully, and returns
 * a clean copy (trimmed text, no unknown fields) or the first problem, worded
 * for the editor who has to fix it.
 */
export function validateDataset(input: unknown): Result<Dataset> {
  return attempt('schema', () => {
    if (!isRecord(input)) fail('expected an object with "years" and "measures"');
    if (!Array.isArray(input.years)) fail('"years" must be a list of year labels');
    if (input.years.length === 0) fail('"years" is empty; at least one year is needed');
    if (input.years.length > MAX_YEARS) {
      fail(`${input.years.length} years is more than the ${MAX_YEARS} a chart can show legibly`);
    }
    const years = input.years.map((y: unknown, i: number) => text(y, `year ${i + 1}`, 40));
    const seen = new Set<string>();
    let previous: number | undefined;
    years.forEach((year, i) => {
      if (seen.has(year)) fail(`year ${describeValue(year)} appears twice`);
      seen.add(year);
      const start = startYear(year);
      if (start === undefined)
        fail(`year ${i + 1} ${describeValue(year)}: expected a label with a four-digit year, e.g. "2010" or "2010/11"`);
      if (previous !== undefined && start <= previous) {
        fail(`year ${describeValue(year)} comes after ${describeValue(years[i - 1])}: years must be in increasing order`);
      }
      previous = start;
    });
    if (!Array.isArray(input.measures) || input.measures.length === 0) {
      fail('"measures" must be a list with at least one measure');
    }
    if (input.measures.length > MAX_MEASURES) {
      fail(`${input.measures.length} measures is more than the ${MAX_MEASURES} allowed`);
    }
    const measures = input.measures.map((m: unknown, i: number) => measure(m, i, years));
    const ids = new Set<string>();
    for (const m of measures) {
      if (ids.has(m.id)) fail(`measure id ${describeValue(m.id)} appears twice`);
      ids.add(m.id);
    }
    const dataset: Dataset = { years, measures };
    if (input.totalLabel !== undefined) dataset.totalLabel = text(input.totalLabel, 'totalLabel', MAX_LABEL_LENGTH);
    if (input.source !== undefined) dataset.source = source(input.source, 'source');
    return dataset;
  });
}
