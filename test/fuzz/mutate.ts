/**
 * Applying the mutations of test/fuzz/mutations.ts to a copy of a valid
 * dataset, and the edits of its JSON text; each says what it does to the
 * data's validity on its own.
 */
import { MAX_COUNT, at } from './datasets.js';
import { type Json, type Mutation, RAW_MARK, TOTAL_CHANGES, type ValueVerdict, type Verdict } from './mutations.js';

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const listOf = (value: unknown): unknown[] | undefined => (Array.isArray(value) ? (value as unknown[]) : undefined);

function measureAt(draft: Json, i: number): Json | undefined {
  const measure = at(listOf(draft.measures) ?? [], i);
  return isRecord(measure) ? measure : undefined;
}

/** A valid count replaces a value: fine when no published total has to add up. */
function countVerdict(verdict: ValueVerdict, measure: Json): Verdict {
  if (verdict !== 'count') return verdict;
  return measure.total === undefined ? 'ok' : 'unknown';
}

/** Sets a measure's published total against the sum of its years. */
function changeTotal(measure: Json, values: unknown[], change: (typeof TOTAL_CHANGES)[number]): Verdict {
  const reported = values.filter((v): v is number => typeof v === 'number');
  const total = reported.reduce((a, b) => a + b, 0);
  const allReported = reported.length === values.length;
  switch (change) {
    case 'below':
      measure.total = total - 1;
      return 'schema';
    case 'above':
      measure.total = total + 1;
      return allReported || total + 1 > MAX_COUNT ? 'schema' : 'ok';
    case 'text':
      measure.total = String(total);
      return 'schema';
    case 'negative':
      measure.total = -5;
      return 'schema';
    case 'fraction':
      measure.total = total + 0.5;
      return 'schema';
    case 'huge':
      measure.total = 1e13;
      return 'schema';
    case 'null':
      measure.total = null;
      return 'ok';
    case 'delete':
      delete measure.total;
      return 'ok';
  }
}

/** What a mutation works on, found before it changes anything. */
interface Target {
  draft: Json;
  /** The measure the mutation names, if it names one and it is there. */
  measure: Json | undefined;
  values: unknown[] | undefined;
  years: unknown[] | undefined;
  /** Tokens written into the JSON text in place of `${RAW_MARK}${index}`. */
  raw: string[];
}

type Of<K extends Mutation['kind']> = Extract<Mutation, { kind: K }>;
const VALUE_KINDS = ['value', 'raw-value', 'total', 'values-length', 'all-null', 'all-zero'] as const;
const YEAR_KINDS = ['year-label', 'rename-year', 'duplicate-year', 'swap-years', 'more-years'] as const;
const isOf = <K extends Mutation['kind']>(kinds: readonly K[], m: Mutation): m is Of<K> => (kinds as readonly string[]).includes(m.kind);

/** Applies one mutation to a deep copy of a valid dataset; says what it does to its validity on its own. */
export function mutate(draft: Json, m: Mutation, raw: string[]): Verdict {
  const measure = 'measure' in m ? measureAt(draft, m.measure) : undefined;
  const target: Target = { draft, measure, values: listOf(measure?.values), years: listOf(draft.years), raw };
  if (isOf(VALUE_KINDS, m)) return mutateValues(target, m);
  if (isOf(YEAR_KINDS, m)) return mutateYears(target, m);
  return mutateFields(target, m);
}

function mutateValues({ measure, values, raw }: Target, m: Of<(typeof VALUE_KINDS)[number]>): Verdict {
  switch (m.kind) {
    case 'value': {
      if (!measure || !values?.length) return 'unknown';
      values[m.year % values.length] = m.value[0];
      return countVerdict(m.value[1], measure);
    }
    case 'raw-value': {
      if (!measure || !values?.length) return 'unknown';
      values[m.year % values.length] = `${RAW_MARK}${raw.length}`;
      raw.push(m.token[0]);
      return countVerdict(m.token[1], measure);
    }
    case 'total':
      return measure && values ? changeTotal(measure, values, m.change) : 'unknown';
    case 'values-length': {
      if (!values) return 'unknown';
      if (m.delta < 0) values.pop();
      else values.push(1);
      return 'schema';
    }
    case 'all-null': {
      if (!values) return 'unknown';
      values.fill(null);
      return 'schema';
    }
    case 'all-zero': {
      if (!measure || !values) return 'unknown';
      values.fill(0);
      if (m.minusZeroTotal) {
        measure.total = `${RAW_MARK}${raw.length}`;
        raw.push('-0');
      } else delete measure.total;
      return 'ok';
    }
  }
}

function mutateYears({ draft, years }: Target, m: Of<(typeof YEAR_KINDS)[number]>): Verdict {
  switch (m.kind) {
    case 'year-label': {
      if (!years) return 'unknown';
      years[m.year % years.length] = m.label;
      return 'schema';
    }
    case 'rename-year': {
      // Same start year, so still in order; a note that names the old label no longer finds it.
      if (!years) return 'unknown';
      const i = m.year % years.length;
      const old = years[i];
      years[i] = `FY ${String(old)}`;
      const named = (listOf(draft.measures) ?? []).some(
        (x) => isRecord(x) && (listOf(x.notes) ?? []).some((n) => isRecord(n) && listOf(n.years)?.includes(old)),
      );
      return named ? 'schema' : 'ok';
    }
    case 'duplicate-year': {
      if (!years) return 'unknown';
      if (years.length === 1) years.push(years[0]);
      else {
        const i = m.year % (years.length - 1);
        years[i + 1] = years[i];
      }
      return 'schema';
    }
    case 'swap-years': {
      if (!years || years.length < 2) return 'ok';
      const i = m.year % (years.length - 1);
      [years[i], years[i + 1]] = [years[i + 1], years[i]];
      return 'schema';
    }
    case 'more-years':
      return moreYears(draft, m.count);
  }
}

/** A longer series in the same style, each measure's new years reported as 1 and its total dropped. */
function moreYears(draft: Json, count: number): Verdict {
  const labels = listOf(draft.years);
  const first = labels?.[0];
  if (!labels || typeof first !== 'string' || !/^\d{4}(\/\d{2})?$/.test(first)) return 'unknown';
  const start = Number(first.slice(0, 4));
  const academic = first.includes('/');
  const added = count - labels.length;
  for (let i = labels.length; i < count; i++) {
    const year = start + i;
    labels.push(academic ? `${year}/${String((year + 1) % 100).padStart(2, '0')}` : String(year));
  }
  for (const x of listOf(draft.measures) ?? []) {
    if (!isRecord(x)) continue;
    listOf(x.values)?.push(...Array<number>(Math.max(0, added)).fill(1));
    delete x.total;
  }
  // Past 9999 a label's first four digits no longer increase.
  return start + count - 1 <= 9999 ? 'ok' : 'schema';
}

function mutateFields({ draft, measure }: Target, m: Exclude<Mutation, Of<(typeof VALUE_KINDS | typeof YEAR_KINDS)[number]>>): Verdict {
  switch (m.kind) {
    case 'drop': {
      if (m.field === 'years' || m.field === 'measures') Reflect.deleteProperty(draft, m.field);
      else if (measure) Reflect.deleteProperty(measure, m.field);
      else return 'unknown';
      return 'schema';
    }
    case 'wrong-type': {
      if (m.field === 'years' || m.field === 'measures' || m.field === 'totalLabel') draft[m.field] = m.value;
      else if (measure) measure[m.field] = m.value;
      else return 'unknown';
      return 'schema';
    }
    case 'label': {
      if (!measure) return 'unknown';
      measure.label = m.value;
      return 'ok';
    }
    case 'junk': {
      const target = m.where === 'root' ? draft : m.where === 'measure' ? measure : sourceOf(draft);
      if (!isRecord(target)) return 'unknown';
      // defineProperty, so that "__proto__" becomes an own key in the JSON rather than a prototype.
      Object.defineProperty(target, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
      return 'ok';
    }
    case 'duplicate-id':
      return duplicateId(draft, measure);
    case 'source': {
      draft.source = m.value[0];
      return m.value[1];
    }
    case 'note': {
      if (!measure) return 'unknown';
      const notes = listOf(measure.notes) ?? (measure.notes = []);
      if (!Array.isArray(notes)) return 'unknown';
      notes.push(m.note[0]);
      return m.note[1];
    }
    case 'too-many': {
      if (m.what === 'years') draft.years = Array.from({ length: 201 }, (_, i) => String(1000 + i));
      else {
        const first = measureAt(draft, 0);
        draft.measures = Array.from({ length: 21 }, (_, i) => ({ ...first, id: `m${i}` }));
      }
      return 'schema';
    }
  }
}

/** The dataset's source, made up if it has none, for a junk key to go in. */
const sourceOf = (draft: Json) => (isRecord(draft.source) ? draft.source : (draft.source = { label: 'Fuzz source' }));

/** Gives a second measure the first's id (adding one if there is only one). */
function duplicateId(draft: Json, measure: Json | undefined): Verdict {
  const measures = listOf(draft.measures);
  const first = measures?.[0];
  if (!measures || !isRecord(first)) return 'unknown';
  if (measures.length === 1) measures.push(structuredClone(first));
  else if (measure && measure !== first) measure.id = first.id;
  else {
    const second = measures[1];
    if (isRecord(second)) second.id = first.id;
  }
  return 'schema';
}

export function editText(text: string, edit: string, position: number): string {
  switch (edit) {
    case 'truncate':
      return text.slice(0, position % text.length);
    case 'trailing-comma':
      return `${text.slice(0, -1)},}`;
    case 'byte-order-mark':
      return `\ufeff${text}`;
    case 'comment':
      return `/* data */${text}`;
    case 'single-quotes':
      return text.replaceAll('"', "'");
    case 'empty':
      return '';
    case 'spaces-only':
      return ' \n\t ';
    case 'array':
      return '[1,2,3]';
    case 'null':
      return 'null';
    case 'string':
      return JSON.stringify(text.slice(0, 50));
    case 'number':
      return '42';
    case 'oversize':
      // Valid JSON, but more text than the widget reads.
      return `${text}${' '.repeat(1_000_001)}`;
    default:
      return `\n   ${text}\n `;
  }
}
