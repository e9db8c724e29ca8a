/**
 * A seeded property-based fuzz test: random attribute values and random,
 * mutated datasets (inline JSON) thrown at the element in the browser, at
 * least 1,000 cases per run. For each case: no uncaught error, and either a
 * valid render whose bars, heading and counters match the data, or the alert
 * with the message of the `ceop-stats-error` event and nothing half-drawn.
 *
 * The seed changes every run and is printed at the start (by the test
 * runner, so that an engine that crashes mid-run does not take it along) and
 * in any failure.
 * To replay a failure, put its seed (and fast-check's `path`, which replays
 * the shrunk case directly) in REPLAY below.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import fc from 'fast-check';
import type { CeopStats, CeopStatsErrorDetail, CeopStatsReadyDetail } from '../src/ceop-stats.js';
import { CEOP_FIGURES } from '../src/model/ceop-figures.js';
import { datasetFromJson } from '../src/data/loaders.js';
import type { Dataset, Measure } from '../src/model/dataset.js';
import { validateDataset } from '../src/model/validate-dataset.js';
import type { Messages } from '../src/messages/en.js';
import { LANGUAGES, localizeData, messagesFor } from '../src/messages/index.js';
import { parseFetchOptions, parseOptions, resolveLocale } from '../src/model/attributes.js';
import { ATTRIBUTES, type AttributeProperty, HIGHLIGHTS, attributeName } from '../src/model/attribute-table.js';
import {
  MARKER_STYLE,
  alertText,
  barHeights,
  canvasOf,
  captureWarnings,
  counterValues,
  headingText,
  readBars,
  shadow,
  watchUncaughtErrors,
} from './helpers.js';

const REPLAY: { seed?: number; path?: string } = {};
const NUM_RUNS = 1000;
/** The usual `lang` of the page around the widget (some cases try others): the locale when `locale` is not set. */
const PAGE_LOCALE = 'en-GB';
const MAX_COUNT = 1e12;

// ---------------------------------------------------------------------------
// Valid datasets: the starting point every mutation works from.
// ---------------------------------------------------------------------------

/** 1 to 12 consecutive years, labelled "2006" or, academic style, "2006/07". */
const yearLabelsArb = fc
  .record({ start: fc.integer({ min: 1000, max: 9988 }), count: fc.integer({ min: 1, max: 12 }), academic: fc.boolean() })
  .map(({ start, count, academic }) =>
    Array.from({ length: count }, (_, i) => {
      const year = start + i;
      return academic ? `${year}/${String((year + 1) % 100).padStart(2, '0')}` : String(year);
    }),
  );

const ID_POOL = ['children', 'arrests', 'networks', 'cases', 'a', 'x-1', 'b2', 'victims-identified'] as const;

const labelArb = fc.oneof(
  fc.constantFrom(
    'Children safeguarded or protected',
    'Arrests',
    '  Padded label  ',
    'Ünïcödé ✓ 😀 👩‍👩‍👧',
    'مراجعات سنوية',
    '<img src=x onerror="window.__fuzzXss=1">',
    'x'.repeat(200),
  ),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''),
);

/**
 * Twelve counts within a factor of ten of each other, so that every bar is
 * tall enough to find in the pixels; some years not reported.
 */
const readableValuesArb = fc
  .tuple(
    fc.constantFrom(1, 3, 1000, 123_457, 10_000_000),
    fc.array(fc.option(fc.integer({ min: 10, max: 100 }), { freq: 8 }), { minLength: 12, maxLength: 12 }),
  )
  .map(([scale, values]) => values.map((v) => (v === null ? null : v * scale)));

/** Twelve counts of any size side by side: zeros, ones and 10^12. */
const wildValuesArb = fc.array(
  fc.option(fc.oneof(fc.constantFrom(0, 1, 999_999_999_999, MAX_COUNT), fc.integer({ min: 0, max: 1_000_000 })), { freq: 5 }),
  { minLength: 12, maxLength: 12 },
);

const measureDraftArb = fc.record({
  label: labelArb,
  values: fc.oneof({ weight: 4, arbitrary: readableValuesArb }, { weight: 1, arbitrary: wildValuesArb }),
  /** sum: the published total equals the years' sum; more: it also covers years not reported. */
  total: fc.constantFrom('none', 'sum', 'more'),
  extra: fc.integer({ min: 1, max: 1000 }),
  note: fc.boolean(),
});

const sum = (values: readonly (number | null)[]) => values.reduce<number>((a, v) => a + (v ?? 0), 0);

const validDatasetArb: fc.Arbitrary<Dataset> = fc
  .record({
    years: yearLabelsArb,
    ids: fc.uniqueArray(fc.constantFrom(...ID_POOL), { minLength: 1, maxLength: 3 }),
    measures: fc.array(measureDraftArb, { minLength: 3, maxLength: 3 }),
    totalLabel: fc.option(fc.constantFrom('since April 2006', 'in total <b>so far</b>')),
    source: fc.option(fc.constantFrom({ label: 'CEOP Annual Review' }, { label: 'CEOP', url: 'https://www.ceop.police.uk/' })),
  })
  .map(({ years, ids, measures, totalLabel, source }) => {
    const dataset: Dataset = {
      years,
      measures: ids.map((id, i): Measure => {
        const draft = measures[i]!;
        const values: (number | null)[] = draft.values.slice(0, years.length);
        if (!values.some((v) => v !== null)) values[0] = 100;
        const measure: Measure = { id, label: draft.label, values };
        const reported = sum(values);
        const allReported = values.every((v) => v !== null);
        const total = draft.total === 'sum' ? reported : draft.total === 'more' && !allReported ? reported + draft.extra : undefined;
        if (total !== undefined && total <= MAX_COUNT) measure.total = total;
        if (draft.note) measure.notes = [{ text: 'Figures revised', years: [years[0]!] }];
        return measure;
      }),
    };
    if (totalLabel !== null) dataset.totalLabel = totalLabel;
    if (source !== null) dataset.source = source;
    return dataset;
  });

// ---------------------------------------------------------------------------
// Mutations. Each knows, where it can, what it does to a valid dataset on its
// own: a check on the validator that does not reuse it.
// ---------------------------------------------------------------------------

/** What the data should come to: a chart, a schema problem, not JSON at all, or unknown (it depends). */
type Verdict = 'ok' | 'schema' | 'not-json' | 'unknown';
/** `count`: a valid count, so fine unless the measure's total no longer adds up. */
type ValueVerdict = Verdict | 'count';
type Json = Record<string, unknown>;

const BAD_VALUES: [unknown, ValueVerdict][] = [
  [-1, 'schema'],
  [-1000, 'schema'],
  [0.5, 'schema'],
  [2.25, 'schema'],
  [MAX_COUNT + 1, 'schema'],
  [1e15, 'schema'],
  [Number.MAX_SAFE_INTEGER, 'schema'],
  ['12', 'schema'],
  ['', 'schema'],
  ['lots', 'schema'],
  [true, 'schema'],
  [[], 'schema'],
  [[1], 'schema'],
  [{ value: 1 }, 'schema'],
  [0, 'count'],
  [1, 'count'],
  [MAX_COUNT, 'count'],
  [null, 'unknown'],
];

/** Number-like tokens written into the JSON text, where JSON.stringify cannot put them. */
const RAW_TOKENS: [string, ValueVerdict][] = [
  ['NaN', 'not-json'],
  ['Infinity', 'not-json'],
  ['-Infinity', 'not-json'],
  ['0x10', 'not-json'],
  ['+1', 'not-json'],
  ['01', 'not-json'],
  ['.5', 'not-json'],
  ['1.', 'not-json'],
  ['undefined', 'not-json'],
  ['1e999', 'schema'],
  ['-1e999', 'schema'],
  ['1e-7', 'schema'],
  ['-0', 'count'],
  ['1.0', 'count'],
  ['1e3', 'count'],
  ['1E2', 'count'],
];

const TOTAL_CHANGES = ['below', 'above', 'text', 'negative', 'fraction', 'huge', 'null', 'delete'] as const;

/** Replacements that break a field whatever the rest of the dataset is. */
const WRONG_TYPES = {
  years: ['2001', {}, [2001], [], 42, null],
  measures: [{}, 'children', [], [null], [42], null],
  values: ['1,2,3', {}, 7, null],
  id: ['Cases', '1abc', '', '  ', 'a b', 'a'.repeat(65), 'ü', 42, null, ['a']],
  label: ['', ' \n\t ', 'x'.repeat(201), 5, null, {}],
  totalLabel: ['', ' ', 3],
} as const;
type WrongTypeField = keyof typeof WRONG_TYPES;

const SOURCES: [unknown, Verdict][] = [
  [{ label: 'x', url: 'javascript:alert(1)' }, 'schema'],
  [{ label: 'x', url: ' javascript:alert(1)' }, 'schema'],
  [{ label: 'x', url: 'data:text/html,<script>alert(1)</script>' }, 'schema'],
  ['CEOP', 'schema'],
  [{ url: 'https://example.org/' }, 'schema'],
  [{ label: '  ', url: 'https://example.org/' }, 'schema'],
  [{ label: 'CEOP', url: 'https://example.org/?q=<script>' }, 'ok'],
  [{ label: 'CEOP', url: '/relative/path.json' }, 'ok'],
  [{ label: 'CEOP', url: '//example.org/x' }, 'ok'],
];

const NOTES: [unknown, Verdict][] = [
  [{ text: 'x', years: ['0000/00'] }, 'schema'],
  [{ text: 'x', years: 'all' }, 'schema'],
  [{ text: '' }, 'schema'],
  [{ text: 'x'.repeat(2001) }, 'schema'],
  [{ text: 'ok', id: '' }, 'schema'],
  ['note', 'schema'],
  [{ text: 'A note <script>window.__fuzzXss=3</script>' }, 'ok'],
];

const JUNK_KEYS = ['extra', '__proto__', 'constructor', 'toString', 'valueOf', 'polluted', '', 'ÿ-ü'];
const JUNK_VALUES: unknown[] = [1, 'x', null, { polluted: true }, [1, 2], { toString: 'x' }];

const measureIndex = fc.nat({ max: 2 });
const yearIndex = fc.nat({ max: 11 });

const mutationArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('value'), measure: measureIndex, year: yearIndex, value: fc.constantFrom(...BAD_VALUES) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('raw-value'), measure: measureIndex, year: yearIndex, token: fc.constantFrom(...RAW_TOKENS) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('total'), measure: measureIndex, change: fc.constantFrom(...TOTAL_CHANGES) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('year-label'),
      year: yearIndex,
      label: fc.constantFrom<unknown>('', '   ', 'two thousand', 'x'.repeat(41), 2001, null, ['2001']),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename-year'), year: yearIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate-year'), year: yearIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('swap-years'), year: yearIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('values-length'), measure: measureIndex, delta: fc.constantFrom(-1, 1) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('drop'),
      measure: measureIndex,
      field: fc.constantFrom('years', 'measures', 'id', 'label', 'values'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(...(Object.keys(WRONG_TYPES) as WrongTypeField[])).chain((field) =>
      fc.record({
        kind: fc.constant('wrong-type'),
        measure: measureIndex,
        field: fc.constant(field),
        value: fc.constantFrom<unknown>(...WRONG_TYPES[field]),
      }),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('label'),
      measure: measureIndex,
      value: fc.constantFrom('  Padded  ', 'x'.repeat(200), '<b>bold</b>'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('junk'),
      measure: measureIndex,
      where: fc.constantFrom('root', 'measure', 'source'),
      key: fc.constantFrom(...JUNK_KEYS),
      value: fc.constantFrom(...JUNK_VALUES),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate-id'), measure: measureIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('all-null'), measure: measureIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('all-zero'), measure: measureIndex, minusZeroTotal: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('source'), value: fc.constantFrom(...SOURCES) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('note'), measure: measureIndex, note: fc.constantFrom(...NOTES) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('too-many'), what: fc.constantFrom('years', 'measures') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('more-years'), count: fc.constantFrom(13, 40, 200) }) },
);
type Mutation = typeof mutationArb extends fc.Arbitrary<infer T> ? T : never;

/** Edits of the JSON text itself, after the structure is written. `keep`: valid JSON, the verdict is the structure's. */
const TEXT_EDITS: [string, Verdict | 'keep'][] = [
  ['truncate', 'not-json'],
  ['trailing-comma', 'not-json'],
  ['byte-order-mark', 'not-json'],
  ['comment', 'not-json'],
  ['single-quotes', 'not-json'],
  ['empty', 'not-json'],
  ['spaces-only', 'not-json'],
  ['array', 'schema'],
  ['null', 'schema'],
  ['string', 'schema'],
  ['number', 'schema'],
  ['surrounding-whitespace', 'keep'],
  ['oversize', 'schema'],
];

const RAW_MARK = 'FUZZ-RAW-TOKEN-';

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const listOf = (value: unknown): unknown[] | undefined => (Array.isArray(value) ? (value as unknown[]) : undefined);
const at = <T>(list: readonly T[], i: number): T | undefined => list[i % Math.max(1, list.length)];

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

/** Applies one mutation to a deep copy of a valid dataset; says what it does to its validity on its own. */
function mutate(draft: Json, m: Mutation, raw: string[]): Verdict {
  const measure = 'measure' in m ? measureAt(draft, m.measure) : undefined;
  const values = listOf(measure?.values);
  const years = listOf(draft.years);
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
    case 'values-length': {
      if (!values) return 'unknown';
      if (m.delta < 0) values.pop();
      else values.push(1);
      return 'schema';
    }
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
      const target =
        m.where === 'root'
          ? draft
          : m.where === 'measure'
            ? measure
            : isRecord(draft.source)
              ? draft.source
              : (draft.source = { label: 'Fuzz source' });
      if (!isRecord(target)) return 'unknown';
      // defineProperty, so that "__proto__" becomes an own key in the JSON rather than a prototype.
      Object.defineProperty(target, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
      return 'ok';
    }
    case 'duplicate-id': {
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
    case 'more-years': {
      // A longer series in the same style, each measure's new years reported as 1 and its total dropped.
      const labels = listOf(draft.years);
      const first = labels?.[0];
      if (!labels || typeof first !== 'string' || !/^\d{4}(\/\d{2})?$/.test(first)) return 'unknown';
      const start = Number(first.slice(0, 4));
      const academic = first.includes('/');
      const added = m.count - labels.length;
      for (let i = labels.length; i < m.count; i++) {
        const year = start + i;
        labels.push(academic ? `${year}/${String((year + 1) % 100).padStart(2, '0')}` : String(year));
      }
      for (const x of listOf(draft.measures) ?? []) {
        if (!isRecord(x)) continue;
        listOf(x.values)?.push(...Array<number>(Math.max(0, added)).fill(1));
        delete x.total;
      }
      // Past 9999 a label's first four digits no longer increase.
      return start + m.count - 1 <= 9999 ? 'ok' : 'schema';
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

function editText(text: string, edit: string, position: number): string {
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

// ---------------------------------------------------------------------------
// Attributes: valid values (with stray case and whitespace), near misses,
// blanks, junk, huge strings, markup and odd Unicode.
// ---------------------------------------------------------------------------

/** null: the attribute is removed. */
type AttributeValue = string | null;

const JUNK: string[] = [
  '',
  ' ',
  '\t\n ',
  'null',
  'undefined',
  'NaN',
  '0',
  '-1',
  '[object Object]',
  '<img src=x onerror=window.__fuzzXss=1>',
  '"><script>window.__fuzzXss=2</script>',
  '😀',
  'e\u0301',
  '\u202eevil',
  '\u0000',
  '\ud800',
  'x'.repeat(10_000),
];

const junkArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...JUNK) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);

/** What a page may leave around a value; the widget trims it all. */
const paddingArb = fc.constantFrom<[string, string]>(['', ''], [' ', ' '], ['\n  ', '\n'], ['\u00a0', ''], ['\t', ' ']);
const letterCaseArb = fc.constantFrom('lower', 'upper', 'title');

function styled(value: string, letterCase: string, [before, after]: [string, string]): string {
  const cased =
    letterCase === 'upper' ? value.toUpperCase() : letterCase === 'title' ? value.charAt(0).toUpperCase() + value.slice(1) : value;
  return `${before}${cased}${after}`;
}

/** Weights of absent, valid, near-miss and junk values: `clean` cases never go wrong on purpose. */
function weights(clean: boolean) {
  return clean ? { absent: 1, valid: 2, near: 0, junk: 0 } : { absent: 4, valid: 8, near: 1, junk: 1 };
}

function keywordArb(valid: readonly string[], nearMisses: readonly string[], clean: boolean): fc.Arbitrary<AttributeValue> {
  const w = weights(clean);
  return fc.oneof(
    { weight: w.absent, arbitrary: fc.constant(null) },
    { weight: w.valid, arbitrary: fc.tuple(fc.constantFrom(...valid), letterCaseArb, paddingArb).map(([v, c, p]) => styled(v, c, p)) },
    { weight: w.near, arbitrary: fc.constantFrom(...nearMisses) },
    { weight: w.junk, arbitrary: junkArb },
  );
}

/** A metric or year named by position in the data, resolved once the data is known. */
interface MetricPick {
  measure: number;
  form: 'id' | 'upper' | 'padded' | 'plural' | 'prefix' | 'hyphenated';
}
interface YearPick {
  year: number;
  form: 'start' | 'padded' | 'label' | 'before' | 'after' | 'zero-padded' | 'full-width';
}

function pickArb<T>(valid: fc.Arbitrary<T>, near: fc.Arbitrary<T>, clean: boolean): fc.Arbitrary<T | AttributeValue> {
  const w = weights(clean);
  return fc.oneof(
    { weight: w.absent, arbitrary: fc.constant(null) },
    { weight: w.valid, arbitrary: valid },
    { weight: w.near, arbitrary: near },
    { weight: w.junk, arbitrary: junkArb },
  );
}

const LOCALES = [
  'en-GB',
  'de',
  'fr-CH',
  'ar-EG',
  'hi-IN',
  'ja',
  'zh-Hans-CN',
  'th-TH-u-nu-thai',
  'en-u-nu-arab',
  'fa',
  'cy',
  'EN-gb',
  'de-CH-1996',
];
const NEAR_LOCALES = [
  'en_GB',
  'english',
  'en-',
  'e',
  '123',
  'i-klingon',
  'x-private',
  'en-a-bbb-a-ccc',
  'de-1996-1996',
  'root',
  'und',
  'tlh',
  'en-GB-u',
  '*',
];

function attributeChoicesArb(clean: boolean) {
  const w = weights(clean);
  return fc.record({
    metric: pickArb<MetricPick>(
      fc.record({ measure: measureIndex, form: fc.constantFrom('id', 'upper', 'padded') }),
      fc.record({ measure: measureIndex, form: fc.constantFrom('plural', 'prefix', 'hyphenated') }),
      clean,
    ),
    from: pickArb<YearPick>(
      fc.record({ year: yearIndex, form: fc.constantFrom('start', 'padded', 'label') }),
      fc.record({ year: yearIndex, form: fc.constantFrom('before', 'after', 'zero-padded', 'full-width') }),
      clean,
    ),
    to: pickArb<YearPick>(
      fc.record({ year: yearIndex, form: fc.constantFrom('start', 'padded', 'label') }),
      fc.record({ year: yearIndex, form: fc.constantFrom('before', 'after', 'zero-padded', 'full-width') }),
      clean,
    ),
    highlight: keywordArb(ATTRIBUTES.highlight.values, ['record', 'Latest!', 'no ne', 'all', 'highlight'], clean),
    theme: keywordArb(ATTRIBUTES.theme.values, ['Dark mode', 'darker', 'system', 'lite'], clean),
    locale: fc.oneof(
      { weight: w.absent, arbitrary: fc.constant(null) },
      { weight: w.valid, arbitrary: fc.tuple(fc.constantFrom(...LOCALES), paddingArb).map(([v, p]) => styled(v, 'lower', p)) },
      { weight: w.near, arbitrary: fc.constantFrom(...NEAR_LOCALES) },
      { weight: w.junk, arbitrary: junkArb },
    ),
    heading: fc.oneof(
      { weight: 2, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: labelArb },
      { weight: clean ? 0 : 1, arbitrary: junkArb },
    ),
    // Only checked without src, but checked: a bad one is an attribute problem.
    credentials: fc.oneof(
      { weight: 12, arbitrary: fc.constant(null) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom(...ATTRIBUTES.credentials.values), letterCaseArb, paddingArb)
          .map(([v, c, p]) => styled(v, c, p)),
      },
      { weight: clean ? 0 : 1, arbitrary: fc.constantFrom('always', 'cors', '') },
    ),
    timeout: fc.oneof(
      { weight: 12, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom('1', '120000', ' 500 ') },
      { weight: clean ? 0 : 1, arbitrary: fc.constantFrom('0', '120001', '1e3', 'soon', '-5', '1234567', '5.5') },
    ),
  });
}
type AttributeChoices = typeof attributeChoicesArb extends (clean: boolean) => fc.Arbitrary<infer T> ? T : never;

type AttributeName = keyof AttributeChoices;
/**
 * Every attribute in the table is fuzzed here or named with the reason it is
 * not: a new attribute does not compile until it is one or the other.
 */
const NOT_FUZZED = {
  summary: 'text shown as given, as heading is (test/widget-view.test.ts, test/summary.test.ts)',
  noAnimation: 'set on every widget here (newWidget), so that a case is read at its final values',
  src: 'a request per case; what src loads is read as inline JSON is (test/data-in.test.ts)',
  sourceLabel: 'the source line only (test/widget-view.test.ts, test/theming.test.ts)',
  sourceUrl: 'the source line only (test/widget-view.test.ts, test/theming.test.ts)',
  noSource: 'the source line only (test/widget-view.test.ts, test/theming.test.ts)',
  downloads: 'buttons only (test/downloads.test.ts)',
} satisfies Record<Exclude<AttributeProperty, AttributeName>, string>;
const ATTRIBUTE_NAMES = (Object.keys(ATTRIBUTES) as AttributeProperty[]).filter((name): name is AttributeName => !(name in NOT_FUZZED));

const startOf = (label: string) => Number(/\d{4}/.exec(label)![0]);

function resolveMetric(choice: MetricPick | AttributeValue, data: Dataset): AttributeValue {
  if (choice === null || typeof choice === 'string') return choice;
  const id = at(data.measures, choice.measure)!.id;
  const forms: Record<MetricPick['form'], string> = {
    id,
    upper: id.toUpperCase(),
    padded: ` ${id}\n`,
    plural: `${id}s`,
    prefix: id.slice(0, -1),
    hyphenated: `${id}-`,
  };
  return forms[choice.form];
}

function resolveYear(choice: YearPick | AttributeValue, data: Dataset): AttributeValue {
  if (choice === null || typeof choice === 'string') return choice;
  const label = at(data.years, choice.year)!;
  const start = startOf(label);
  const forms: Record<YearPick['form'], string> = {
    start: String(start),
    padded: ` ${start} `,
    label,
    before: String(startOf(data.years[0]!) - 1),
    after: String(startOf(data.years[data.years.length - 1]!) + 1),
    'zero-padded': `0${start}`,
    'full-width': String(start).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
  };
  return forms[choice.form];
}

// ---------------------------------------------------------------------------
// A case: the data as JSON text (or none: the bundled figures), attributes,
// and whether it gets a fresh element.
// ---------------------------------------------------------------------------

const VIAS = ['attributes', 'strings', 'numbers', 'objects', 'arrays'] as const;
type Via = (typeof VIAS)[number];

interface FuzzCase {
  /** Inline JSON, or undefined for no data child (the bundled figures). */
  json: string | undefined;
  /** What the generator knows the data comes to, independently of the validator. */
  verdict: Verdict;
  attributes: Record<AttributeName, AttributeValue>;
  /** The `lang` of the element's container: the locale when `locale` is not set. */
  pageLang: string;
  /** Set as attributes, or as properties the way a framework might: strings, numbers, objects with a toString, one-item arrays. */
  via: Via;
  /** A <table> next to the JSON, which the JSON must win over. */
  decoyTable: boolean;
  /** A new element rather than the one reused across cases. */
  fresh: boolean;
}

function caseArbFor(clean: boolean): fc.Arbitrary<FuzzCase> {
  return fc
    .record({
      base: validDatasetArb,
      mutations: clean
        ? fc.constant<Mutation[]>([])
        : fc.oneof(fc.constant<Mutation[]>([]), fc.array(mutationArb, { minLength: 1, maxLength: 3 })),
      textEdit: clean
        ? fc.constant(null)
        : fc.oneof(
            { weight: 8, arbitrary: fc.constant(null) },
            { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...TEXT_EDITS), fc.nat()) },
          ),
      pretty: fc.boolean(),
      bundled: fc.nat({ max: 19 }).map((n) => n === 0),
      decoyTable: fc.nat({ max: 9 }).map((n) => n === 0),
      fresh: fc.nat({ max: 24 }).map((n) => n === 0),
      ordered: fc.boolean(),
      choices: attributeChoicesArb(clean),
      pageLang: fc.oneof(
        { weight: 6, arbitrary: fc.constant(PAGE_LOCALE) },
        { weight: 1, arbitrary: fc.constantFrom('de', 'ar-EG', 'fr-CA', 'hi-IN-u-nu-deva', '', ' de ', 'not a tag', 'x-klingon') },
      ),
      via: fc.oneof({ weight: 6, arbitrary: fc.constant<Via>('attributes') }, { weight: 1, arbitrary: fc.constantFrom(...VIAS.slice(1)) }),
    })
    .map(({ base, mutations, textEdit, pretty, bundled, decoyTable, fresh, ordered, choices, pageLang, via }): FuzzCase => {
      const data = bundled ? CEOP_FIGURES : base;
      let json: string | undefined;
      let verdict: Verdict = 'ok';
      if (!bundled) {
        const draft = structuredClone(base) as unknown as Json;
        const raw: string[] = [];
        const verdicts = mutations.map((m) => mutate(draft, m, raw));
        // Together, mutations can undo each other: only a lone one has a known effect.
        verdict = verdicts.length === 0 ? 'ok' : verdicts.length === 1 ? verdicts[0]! : 'unknown';
        json = JSON.stringify(draft, null, pretty ? 2 : undefined).replace(
          new RegExp(`"${RAW_MARK}(\\d+)"`, 'g'),
          (_, n: string) => raw[Number(n)]!,
        );
        if (textEdit) {
          const [[edit, editVerdict], position] = textEdit;
          json = editText(json, edit, position);
          if (editVerdict !== 'keep') verdict = editVerdict;
        }
      }
      const attributes = resolveAttributes(choices, data, clean || ordered);
      return { json, verdict, attributes, pageLang, via, decoyTable: decoyTable && !bundled, fresh };
    });
}

function resolveAttributes(choices: AttributeChoices, data: Dataset, ordered: boolean): Record<AttributeName, AttributeValue> {
  let from = resolveYear(choices.from, data);
  let to = resolveYear(choices.to, data);
  // Clean cases keep from <= to; others may well ask for a backwards range.
  if (ordered && from !== null && to !== null && /^\s*\d{4}\s*$/.test(from) && /^\s*\d{4}\s*$/.test(to) && Number(from) > Number(to))
    [from, to] = [to, from];
  return {
    metric: resolveMetric(choices.metric, data),
    from,
    to,
    highlight: choices.highlight,
    theme: choices.theme,
    locale: choices.locale,
    heading: choices.heading,
    credentials: choices.credentials,
    timeout: choices.timeout,
  };
}

/** Two in five cases are clean (valid data, valid or absent attributes), so that many render. */
const fuzzCaseArb = fc.oneof({ weight: 2, arbitrary: caseArbFor(true) }, { weight: 3, arbitrary: caseArbFor(false) });

// ---------------------------------------------------------------------------
// The oracle: what the widget should show for a case.
// ---------------------------------------------------------------------------

type Expected =
  | {
      kind: 'ready';
      metric: string;
      years: string[];
      heading: string;
      counters: string[];
      /** The bars' colours, left to right, when every bar is tall enough to read from the pixels. */
      bars?: { colors: ('bar' | 'record')[]; values: number[] };
    }
  | { kind: 'error'; code: CeopStatsErrorDetail['code']; matches: (message: string) => boolean; describe: string };

const blank = (value: AttributeValue): value is null => value === null || value.trim() === '';
const allows = (name: 'highlight' | 'theme' | 'credentials', word: string) => (ATTRIBUTES[name].values as readonly string[]).includes(word);

/** The first attribute the widget must refuse, by simple rules written out again here; or undefined. */
function firstBadFetchAttribute(a: Record<AttributeName, AttributeValue>): string | undefined {
  const word = (v: string) => v.trim().toLowerCase();
  if (!blank(a.credentials) && !allows('credentials', word(a.credentials))) return 'credentials';
  if (!blank(a.timeout)) {
    const t = a.timeout.trim();
    const [min, max] = ATTRIBUTES.timeout.range;
    if (!/^\d+$/.test(t) || t.length > String(max).length || Number(t) < min || Number(t) > max) return 'timeout';
  }
  return undefined;
}

function firstBadOption(a: Record<AttributeName, AttributeValue>, data: Dataset): string | undefined {
  const word = (v: string) => v.trim().toLowerCase();
  const starts = data.years.map(startOf);
  if (!blank(a.metric) && !data.measures.some((m) => m.id === word(a.metric!))) return 'metric';
  const yearAt = (v: AttributeValue) => (blank(v) ? undefined : /^\d{4}$/.test(v.trim()) ? starts.indexOf(Number(v.trim())) : -1);
  const from = yearAt(a.from);
  const to = yearAt(a.to);
  if (from === -1) return 'from';
  if (to === -1) return 'to';
  if (from !== undefined && to !== undefined && from > to) return 'from';
  if (!blank(a.highlight) && !allows('highlight', word(a.highlight))) return 'highlight';
  if (!blank(a.theme) && !allows('theme', word(a.theme))) return 'theme';
  if (!blank(a.locale)) {
    try {
      Intl.getCanonicalLocales(a.locale.trim());
    } catch {
      return 'locale';
    }
  }
  return undefined;
}

/**
 * Records: years higher than every earlier year. A year not reported could
 * have been as high as the published total leaves over (or anything, with no
 * total), so a year after one is a record only if it beats that too.
 */
function certainRecords(values: readonly (number | null)[], total: number | undefined): boolean[] {
  const unreportedMax = total === undefined ? Infinity : Math.max(0, total - sum(values));
  return values.map((v, i) => v !== null && values.slice(0, i).every((earlier) => (earlier ?? unreportedMax) < v));
}

/** Without `locale`: the page's language if it is a language tag, else the browser's if the page has none, else en-GB. */
function pageFallbackLocale(lang: string): string {
  const tag = lang || navigator.language;
  try {
    return Intl.getCanonicalLocales(tag).length === 1 ? tag : 'en-GB';
  } catch {
    return 'en-GB';
  }
}

/**
 * The values as the widget gets them, for the exact wording of its messages:
 * numbers and arrays are quoted as themselves, but an object is read through
 * its toString, so a message should quote that text (not "{}").
 */
function rawValues(c: FuzzCase): Record<AttributeName, unknown> {
  const entries = ATTRIBUTE_NAMES.map((name) => {
    const value = c.attributes[name];
    if (c.via === 'attributes' || value === null) return [name, value];
    return [name, c.via === 'objects' ? value : asProperty(value, c.via)];
  });
  return Object.fromEntries(entries) as Record<AttributeName, unknown>;
}

/** The built-in texts of a case's language (every language's messages are loaded before the cases start). */
function messagesOf(c: FuzzCase): Messages {
  return messagesFor(resolveLocale(rawValues(c).locale, c.pageLang || navigator.language)) as Messages;
}

function expectOutcome(c: FuzzCase): Expected {
  const a = c.attributes;
  // parseFetchOptions and parseOptions give the exact wording; the rules above say which attribute it must be about.
  const raw = rawValues(c);
  const fetch = parseFetchOptions(raw, document.baseURI);
  const data = c.json === undefined ? validateDataset(CEOP_FIGURES) : undefined;
  if (data && !data.ok) throw new Error(`the bundled figures do not validate: ${data.message}`);
  const loaded = c.json === undefined ? undefined : datasetFromJson(c.json, 'inline JSON');
  const dataset = data?.ok ? data.value : loaded?.ok ? loaded.value : undefined;

  // What the generator knows about the data must agree with the validator.
  if (c.json !== undefined && c.verdict !== 'unknown') {
    const got = loaded?.ok ? 'ok' : loaded?.code;
    expect(
      got,
      `the data should come to "${c.verdict}" (generator) but the validator says ${loaded?.ok ? 'ok' : loaded?.message}`,
    ).to.equal(c.verdict);
  }
  if (loaded && !loaded.ok && loaded.code === 'not-json') expect(() => JSON.parse(c.json!) as unknown, 'JSON.parse of not-JSON').to.throw();

  const badFetch = firstBadFetchAttribute(a);
  expect(fetch.ok, `credentials/timeout accepted: ${JSON.stringify([a.credentials, a.timeout])}`).to.equal(badFetch === undefined);
  if (!fetch.ok) {
    const message = fetch.message;
    expect(message.startsWith(`${badFetch}=`), `"${message}" is about ${badFetch}`).to.equal(true);
    return { kind: 'error', code: 'attribute', matches: (m) => m === message, describe: message };
  }
  if (!dataset) {
    const problem = loaded!.ok ? undefined : loaded!;
    if (problem?.code === 'not-json')
      return { kind: 'error', code: 'not-json', matches: (m) => m.startsWith('inline JSON: not JSON'), describe: 'inline JSON: not JSON…' };
    const message = problem!.message;
    return { kind: 'error', code: 'schema', matches: (m) => m === message, describe: message };
  }

  const fallbackLocale = pageFallbackLocale(c.pageLang);
  const options = parseOptions(raw, dataset, c.pageLang || navigator.language);
  const bad = firstBadOption(a, dataset);
  expect(options.ok, `attributes accepted: ${JSON.stringify(a).slice(0, 300)}`).to.equal(bad === undefined);
  if (!options.ok) {
    const message = options.message;
    expect(message.startsWith(`${bad}=`), `"${message}" is about ${bad}`).to.equal(true);
    return { kind: 'error', code: 'attribute', matches: (m) => m === message, describe: message };
  }

  const word = (v: string) => v.trim().toLowerCase();
  const measure = blank(a.metric) ? dataset.measures[0]! : dataset.measures.find((m) => m.id === word(a.metric!))!;
  const starts = dataset.years.map(startOf);
  const first = blank(a.from) ? 0 : starts.indexOf(Number(a.from.trim()));
  const last = blank(a.to) ? starts.length - 1 : starts.indexOf(Number(a.to.trim()));
  const years = dataset.years.slice(first, last + 1);
  const values = measure.values.slice(first, last + 1);
  const highlight = blank(a.highlight) ? ATTRIBUTES.highlight.default : (word(a.highlight) as keyof typeof HIGHLIGHTS);
  const records = certainRecords(measure.values, measure.total).slice(first, last + 1);
  const format = new Intl.NumberFormat(blank(a.locale) ? fallbackLocale : a.locale.trim());
  const counters = dataset.measures.map((m) => {
    const total = m.total ?? sum(m.values);
    // A count is never negative: zero must not read "-0".
    return format.format(total === 0 ? 0 : total);
  });

  const reported = values.filter((v): v is number => v !== null);
  const tallest = Math.max(0, ...reported);
  // readBars finds bars at least 4 px tall and 3 px wide; long year labels would squeeze the plot.
  const readable =
    years.length <= 12 && years.every((y) => /^\d{4}(\/\d{2})?$/.test(y)) && tallest > 0 && reported.every((v) => v >= tallest / 10);
  const lit = HIGHLIGHTS[highlight].picks({ values, records });
  const bars = readable
    ? {
        colors: values.flatMap((v, i) => (v === null ? [] : [lit[i] ? ('record' as const) : ('bar' as const)])),
        values: reported,
      }
    : undefined;
  // The bundled figures speak the widget's language; an editor's data keeps its own words.
  const label =
    c.json === undefined ? localizeData(CEOP_FIGURES, messagesOf(c)).measures.find((m) => m.id === measure.id)!.label : measure.label;
  return { kind: 'ready', metric: measure.id, years, heading: a.heading?.trim() || label, counters, ...(bars ? { bars } : {}) };
}

// ---------------------------------------------------------------------------
// Running a case in the browser.
// ---------------------------------------------------------------------------

/** One turn of the event loop: by then every microtask (the MutationObserver, Lit's update) has run. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Every ready and error event from the widgets, per case; waits for one with a deadline. */
class EventLog {
  events: CustomEvent[] = [];
  #wake: (() => void) | undefined;

  constructor(target: EventTarget) {
    for (const type of ['ceop-stats-ready', 'ceop-stats-error']) {
      target.addEventListener(type, (event) => {
        this.events.push(event as CustomEvent);
        this.#wake?.();
      });
    }
  }

  async waitFor(type: string, ms: number): Promise<void> {
    const seen = () => this.events.some((e) => e.type === type);
    if (seen()) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.#wake = () => {
        if (!seen()) return;
        clearTimeout(timer);
        resolve();
      };
    });
    this.#wake = undefined;
  }
}

function newWidget(): CeopStats {
  const el = document.createElement('ceop-stats');
  el.setAttribute('style', MARKER_STYLE);
  el.setAttribute('no-animation', '');
  return el;
}

let caseNumber = 0;

/**
 * Children first, then attributes: the MutationObserver's callback is queued
 * before Lit's update, so one update sees the new data and the new attributes
 * together. The comment changes on every case, so even identical data is
 * read again and a valid case always ends in a new ready event.
 */
function setUp(el: CeopStats, c: FuzzCase): void {
  const children: Node[] = [document.createComment(`fuzz case ${caseNumber}`)];
  if (c.decoyTable) {
    const table = document.createElement('table');
    table.createTBody().insertRow().insertCell().textContent = 'not the data';
    children.push(table);
  }
  if (c.json !== undefined) {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = c.json;
    children.push(script);
  }
  el.replaceChildren(...children);
  const properties = el as unknown as Record<AttributeName, unknown>;
  for (const name of ATTRIBUTE_NAMES) {
    const value = c.attributes[name];
    if (c.via !== 'attributes') properties[name] = value === null ? undefined : asProperty(value, c.via);
    else if (value === null) el.removeAttribute(attributeName(name));
    else el.setAttribute(attributeName(name), value);
  }
}

/**
 * A value as a framework might set the property, which reads as the same
 * text (src/model/attributes.ts takes properties as unknown for this reason).
 */
function asProperty(value: string, via: Exclude<Via, 'attributes'>): unknown {
  const text = value.trim();
  switch (via) {
    case 'strings':
      return value;
    case 'numbers':
      return text !== '' && String(Number(text)) === text ? Number(text) : value;
    case 'objects':
      return { toString: () => value };
    case 'arrays':
      return [value];
  }
}

/** Whether the chart is on show: neither its box nor anything around it hidden. */
function chartShown(el: CeopStats): boolean {
  const canvas = canvasOf(el);
  return canvas.closest('[hidden]') === null && canvas.getClientRects().length > 0;
}

/** Every accessible name in the widget, where the chart's description is, wherever it is put. */
function ariaLabels(el: CeopStats): string {
  return [...shadow(el).querySelectorAll('[aria-label]')].map((n) => n.getAttribute('aria-label') ?? '').join('\n');
}

function checkReady(el: CeopStats, events: CustomEvent[], expected: Extract<Expected, { kind: 'ready' }>): void {
  expect(
    events.map((e) => e.type),
    'events',
  ).to.deep.equal(['ceop-stats-ready']);
  const detail = events[0]!.detail as CeopStatsReadyDetail;
  expect(detail, 'ready detail').to.deep.equal({ metric: expected.metric, years: expected.years });
  expect(alertText(el), 'alert').to.equal(undefined);
  expect(chartShown(el), 'chart shown').to.equal(true);
  expect(headingText(el), 'heading').to.equal(expected.heading.trim());
  expect(counterValues(el), 'counters').to.deep.equal(expected.counters);
  const description = ariaLabels(el);
  for (const year of new Set([expected.years[0]!, expected.years[expected.years.length - 1]!]))
    expect(description, 'chart description').to.contain(year);
  if (!expected.bars) return;
  const bars = readBars(canvasOf(el));
  expect(
    bars.map((b) => b.color),
    'bars drawn (colours, left to right)',
  ).to.deep.equal(expected.bars.colors);
  // Heights in proportion to the values, within the rounding of two edges.
  const { values } = expected.bars;
  const heights = barHeights(bars);
  const tallest = Math.max(...values);
  const unit = heights[values.indexOf(tallest)]! / tallest;
  values.forEach((v, i) => expect(heights[i]!, `bar ${i + 1} height for ${v} (tallest ${tallest})`).to.be.closeTo(v * unit, 3));
}

async function checkError(
  el: CeopStats,
  events: CustomEvent[],
  expected: Extract<Expected, { kind: 'error' }>,
  lastReported: string | undefined,
  title: string,
): Promise<void> {
  const types = events.map((e) => e.type);
  // No event only when it is the very problem reported last (it is not reported twice running).
  if (lastReported === undefined || types.length > 0)
    expect(types, `events (expected the error: ${expected.describe})`).to.deep.equal(['ceop-stats-error']);
  let message: string;
  if (events.length === 1) {
    const detail = events[0]!.detail as CeopStatsErrorDetail;
    expect(detail.code, `error code for: ${detail.message}`).to.equal(expected.code);
    message = detail.message;
  } else {
    // The same problem as the case before is not reported twice: it must still be on show.
    message = lastReported!;
  }
  expect(expected.matches(message), `message "${message}", expected ${expected.describe}`).to.equal(true);
  await el.updateComplete;
  const alert = shadow(el).querySelector('[role="alert"]');
  expect(alert, 'alert').to.not.equal(null);
  expect(alert!.querySelector('span')?.textContent, 'alert message').to.equal(message);
  expect(alertText(el), 'alert text').to.contain(title);
  expect(chartShown(el), 'chart shown').to.equal(false);
  expect(shadow(el).querySelector('.counters'), 'counters').to.equal(null);
  expect(headingText(el), 'heading').to.equal(undefined);
}

describe('fuzz: random attributes and mutated datasets', () => {
  it(`${NUM_RUNS} seeded cases: no uncaught error, and bars that match the data or the alert`, async () => {
    const seed = REPLAY.seed ?? Date.now() % 2 ** 31;
    // Printed by the test runner, at once: a browser's console reaches the output only when its file ends, so a crashed engine would take it along.
    await executeServerCommand('server-log', `fuzz seed ${seed}${REPLAY.path ? ` path ${REPLAY.path}` : ''}`);
    const wrapper = await fixture<HTMLDivElement>(html`<div lang=${PAGE_LOCALE} style="width: 600px"></div>`);
    const log = new EventLog(wrapper);
    const uncaught = watchUncaughtErrors();
    const warnings = captureWarnings();
    let shared: CeopStats | undefined;
    /** The last problem the shared element reported: it does not report the same one twice running. */
    let sharedLastReported: string | undefined;
    const tally: Record<string, number> = {};
    const started = performance.now();

    const runCase = async (c: FuzzCase): Promise<void> => {
      caseNumber++;
      const expected = expectOutcome(c);
      const fresh = c.fresh || !shared;
      const el = fresh ? newWidget() : shared!;
      const lastReported = fresh ? undefined : sharedLastReported;
      wrapper.setAttribute('lang', c.pageLang);
      log.events = [];
      warnings.calls.length = 0;
      const uncaughtBefore = uncaught.errors.length;
      try {
        setUp(el, c);
        if (fresh) wrapper.append(el);
        if (!shared) shared = el;
        // The MutationObserver's callback, queued first, asks for the update; then wait for that update,
        // which rejects if it throws. Ready comes from it; one more task lets anything late show up.
        await Promise.resolve();
        await el.updateComplete;
        if (expected.kind === 'ready') await log.waitFor('ceop-stats-ready', 2000);
        await nextTask();
        const events = [...log.events];
        if (expected.kind === 'ready') {
          checkReady(el, events, expected);
          tally[expected.bars ? 'ready, bars read' : 'ready'] = (tally[expected.bars ? 'ready, bars read' : 'ready'] ?? 0) + 1;
        } else {
          await checkError(el, events, expected, lastReported, messagesOf(c).errorTitle);
          tally[`error: ${expected.code}`] = (tally[`error: ${expected.code}`] ?? 0) + 1;
        }
        // Each problem reported is warned about once; nothing else warns.
        const reported = events
          .filter((e) => e.type === 'ceop-stats-error')
          .map((e) => `<ceop-stats>: ${(e.detail as CeopStatsErrorDetail).message}`);
        expect(
          warnings.calls.map((call) => String(call[0])),
          `console.warn calls: ${JSON.stringify(warnings.calls.map((call) => String(call[0])))}`,
        ).to.deep.equal(reported);
        expect(shadow(el).querySelectorAll('img, script').length, 'markup in the shadow DOM').to.equal(0);
        expect(uncaught.errors.slice(uncaughtBefore), 'uncaught errors').to.deep.equal([]);
        if (el === shared) {
          const error = events.find((e) => e.type === 'ceop-stats-error');
          if (error) sharedLastReported = (error.detail as CeopStatsErrorDetail).message;
          else if (expected.kind === 'ready') sharedLastReported = undefined;
        }
      } catch (error) {
        // A failed case may leave the element in any state: shrinking starts again from a new one.
        if (el === shared) {
          shared = undefined;
          sharedLastReported = undefined;
        }
        throw error;
      } finally {
        if (el !== shared) el.remove();
      }
    };

    // The widget loads the code for inline JSON, and the chart code, on first use; the harness waits
    // only a task for each case, so load both once before the cases start.
    {
      const warmUp = await fixture<HTMLDivElement>(html`<div style="width: 600px"></div>`);
      const el = document.createElement('ceop-stats');
      el.noAnimation = true;
      el.innerHTML = '<script type="application/json">{"years":["2001"],"measures":[{"id":"a","label":"A","values":[1]}]}</script>';
      const ready = new Promise((resolve) => el.addEventListener('ceop-stats-ready', resolve, { once: true }));
      warmUp.append(el);
      await ready;
      warmUp.remove();
      for (const language of Object.keys(LANGUAGES)) await messagesFor(language);
    }

    try {
      const property = fc.asyncProperty(fuzzCaseArb, runCase);
      // Every case runs, however slow the machine: no time limit until a case has failed.
      const found = await fc.check(property, {
        seed,
        ...(REPLAY.path ? { path: REPLAY.path } : {}),
        numRuns: NUM_RUNS,
        endOnFailure: true,
      });
      if (found.failed) {
        // Then shrunk from that case, for a while, not forever; the failure is reported whether or not shrinking ends.
        const shrink = {
          seed,
          path: found.counterexamplePath ?? '',
          includeErrorInReport: true,
          plugins: [fc.interruptAfterTimeLimit(120_000)],
        };
        await fc.assert(property, shrink);
        // Not failing again (a case that depends on the state earlier cases left) is still the first failure.
        throw new Error(fc.defaultReportMessage(found));
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`fuzz: ${caseNumber} cases in ${seconds} s: ${JSON.stringify(tally)}`);
      await nextTask();
      expect(uncaught.errors, 'uncaught errors').to.deep.equal([]);
      expect((window as unknown as { __fuzzXss?: number }).__fuzzXss, 'markup ran').to.equal(undefined);
      expect(({} as Record<string, unknown>).polluted, 'Object.prototype polluted').to.equal(undefined);
      expect(caseNumber, 'cases run').to.be.at.least(NUM_RUNS);
    } catch (error) {
      let message = error instanceof Error ? error.message : String(error);
      // Some engines print the failed assertion's stack, not its message, in fast-check's report.
      if (error instanceof Error && error.cause instanceof Error) message += `\nCause: ${error.cause.message}`;
      throw new Error(
        `fuzz failed with seed ${seed} (to replay, set REPLAY = { seed: ${seed}, path: <the path below> } in test/fuzz.test.ts)\n${message}`,
        {
          cause: error,
        },
      );
    } finally {
      warnings.restore();
      uncaught.stop();
    }
  }).timeout(600_000);
});
