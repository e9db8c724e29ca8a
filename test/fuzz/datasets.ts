/**
 * Valid datasets, the starting point every mutation works from, and the small
 * helpers that name a measure or a year by its position in one.
 */
import fc from 'fast-check';
import type { Dataset, Measure } from '../../src/model/dataset.js';

export const MAX_COUNT = 1e12;

/** A measure or a year by position, wrapped round to one the data has. */
export const measureIndex = fc.nat({ max: 2 });
export const yearIndex = fc.nat({ max: 11 });

export const at = <T>(list: readonly T[], i: number): T | undefined => list[i % Math.max(1, list.length)];
export const sum = (values: readonly (number | null)[]) => values.reduce<number>((a, v) => a + (v ?? 0), 0);
/** The year a label starts in: 2006 for "2006" and "2006/07". */
export const startOf = (label: string) => Number(/\d{4}/.exec(label)![0]);

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

export const labelArb = fc.oneof(
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
type MeasureDraft = typeof measureDraftArb extends fc.Arbitrary<infer T> ? T : never;

/** A measure from its draft: values cut to the years, at least one reported, a total that adds up. */
function measureFrom(id: string, draft: MeasureDraft, years: string[]): Measure {
  const values: (number | null)[] = draft.values.slice(0, years.length);
  if (!values.some((v) => v !== null)) values[0] = 100;
  const measure: Measure = { id, label: draft.label, values };
  const reported = sum(values);
  const allReported = values.every((v) => v !== null);
  const total = draft.total === 'sum' ? reported : draft.total === 'more' && !allReported ? reported + draft.extra : undefined;
  if (total !== undefined && total <= MAX_COUNT) measure.total = total;
  if (draft.note) measure.notes = [{ text: 'Figures revised', years: [years[0]!] }];
  return measure;
}

export const validDatasetArb: fc.Arbitrary<Dataset> = fc
  .record({
    years: yearLabelsArb,
    ids: fc.uniqueArray(fc.constantFrom(...ID_POOL), { minLength: 1, maxLength: 3 }),
    measures: fc.array(measureDraftArb, { minLength: 3, maxLength: 3 }),
    totalLabel: fc.option(fc.constantFrom('since April 2006', 'in total <b>so far</b>')),
    source: fc.option(fc.constantFrom({ label: 'CEOP Annual Review' }, { label: 'CEOP', url: 'https://www.ceop.police.uk/' })),
  })
  .map(({ years, ids, measures, totalLabel, source }) => {
    const dataset: Dataset = { years, measures: ids.map((id, i) => measureFrom(id, measures[i]!, years)) };
    if (totalLabel !== null) dataset.totalLabel = totalLabel;
    if (source !== null) dataset.source = source;
    return dataset;
  });
