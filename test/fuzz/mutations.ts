/**
 * Mutations of a valid dataset, and edits of its JSON text. Each knows, where
 * it can, what it does to a valid dataset on its own (its verdict): a check
 * on the validator that does not reuse it. test/fuzz/mutate.ts applies them.
 */
import fc from 'fast-check';
import { MAX_COUNT, measureIndex, yearIndex } from './datasets.js';

/** What the data should come to: a chart, a schema problem, not JSON at all, or unknown (it depends). */
export type Verdict = 'ok' | 'schema' | 'not-json' | 'unknown';
/** `count`: a valid count, so fine unless the measure's total no longer adds up. */
export type ValueVerdict = Verdict | 'count';
export type Json = Record<string, unknown>;

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

export const TOTAL_CHANGES = ['below', 'above', 'text', 'negative', 'fraction', 'huge', 'null', 'delete'] as const;

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

export const mutationArb = fc.oneof(
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
export type Mutation = typeof mutationArb extends fc.Arbitrary<infer T> ? T : never;

/** Edits of the JSON text itself, after the structure is written. `keep`: valid JSON, the verdict is the structure's. */
export const TEXT_EDITS: [string, Verdict | 'keep'][] = [
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

export const RAW_MARK = 'FUZZ-RAW-TOKEN-';
