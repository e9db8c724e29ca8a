/**
 * Attributes: valid values (with stray case and whitespace), near misses,
 * blanks, junk, huge strings, markup and odd Unicode; and how a case's
 * choices become attribute values once its data is known.
 */
import fc from 'fast-check';
import type { Dataset } from '../../src/model/dataset.js';
import { ATTRIBUTES, type AttributeProperty } from '../../src/model/attribute-table.js';
import { at, labelArb, measureIndex, startOf, yearIndex } from './datasets.js';

/** null: the attribute is removed. */
export type AttributeValue = string | null;

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

export function attributeChoicesArb(clean: boolean) {
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

export type AttributeName = keyof AttributeChoices;
/**
 * Every attribute in the table is fuzzed here or named with the reason it is
 * not: a new attribute does not compile until it is one or the other.
 */
const NOT_FUZZED = {
  summary: 'text shown as given, as heading is (test/unit/widget-view.test.ts, test/unit/summary.test.ts)',
  noAnimation: 'set on every widget (newWidget in test/fuzz/run.ts), so that a case is read at its final values',
  src: 'a request per case; what src loads is read as inline JSON is (test/element/data-in.test.ts)',
  sourceLabel: 'the source line only (test/unit/widget-view.test.ts, test/element/theming.test.ts)',
  sourceUrl: 'the source line only (test/unit/widget-view.test.ts, test/element/theming.test.ts)',
  noSource: 'the source line only (test/unit/widget-view.test.ts, test/element/theming.test.ts)',
  downloads: 'buttons only (test/element/downloads.test.ts)',
} satisfies Record<Exclude<AttributeProperty, AttributeName>, string>;
export const ATTRIBUTE_NAMES = (Object.keys(ATTRIBUTES) as AttributeProperty[]).filter(
  (name): name is AttributeName => !(name in NOT_FUZZED),
);

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

export function resolveAttributes(choices: AttributeChoices, data: Dataset, ordered: boolean): Record<AttributeName, AttributeValue> {
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
