/**
 * A case: the data as JSON text (or none: the bundled figures), attributes,
 * the page's `lang`, how the attributes are set, and whether it gets a fresh
 * element.
 */
import fc from 'fast-check';
import { CEOP_FIGURES } from '../../src/model/ceop-figures.js';
import type { Dataset } from '../../src/model/dataset.js';
import { type AttributeName, type AttributeValue, attributeChoicesArb, resolveAttributes } from './attributes.js';
import { validDatasetArb } from './datasets.js';
import { editText, mutate } from './mutate.js';
import { type Json, type Mutation, RAW_MARK, TEXT_EDITS, type Verdict, mutationArb } from './mutations.js';

/** The usual `lang` of the page around the widget (some cases try others): the locale when `locale` is not set. */
export const PAGE_LOCALE = 'en-GB';

const VIAS = ['attributes', 'strings', 'numbers', 'objects', 'arrays'] as const;
type Via = (typeof VIAS)[number];

export interface FuzzCase {
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

/**
 * A value as a framework might set the property, which reads as the same
 * text (src/model/attributes.ts takes properties as unknown for this reason).
 */
export function asProperty(value: string, via: Exclude<Via, 'attributes'>): unknown {
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

type TextEdit = [(typeof TEXT_EDITS)[number], number] | null;

/** A valid dataset mutated, written as JSON and its text edited; with what that comes to, as far as the generator knows. */
function writeData(base: Dataset, mutations: Mutation[], textEdit: TextEdit, pretty: boolean): { json: string; verdict: Verdict } {
  const draft = structuredClone(base) as unknown as Json;
  const raw: string[] = [];
  const verdicts = mutations.map((m) => mutate(draft, m, raw));
  // Together, mutations can undo each other: only a lone one has a known effect.
  let verdict: Verdict = verdicts.length === 0 ? 'ok' : verdicts.length === 1 ? verdicts[0]! : 'unknown';
  let json = JSON.stringify(draft, null, pretty ? 2 : undefined).replace(
    new RegExp(`"${RAW_MARK}(\\d+)"`, 'g'),
    (_, n: string) => raw[Number(n)]!,
  );
  if (textEdit) {
    const [[edit, editVerdict], position] = textEdit;
    json = editText(json, edit, position);
    if (editVerdict !== 'keep') verdict = editVerdict;
  }
  return { json, verdict };
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
      const { json, verdict } = bundled ? { json: undefined, verdict: 'ok' as const } : writeData(base, mutations, textEdit, pretty);
      const attributes = resolveAttributes(choices, data, clean || ordered);
      return { json, verdict, attributes, pageLang, via, decoyTable: decoyTable && !bundled, fresh };
    });
}

/** Two in five cases are clean (valid data, valid or absent attributes), so that many render. */
export const fuzzCaseArb = fc.oneof({ weight: 2, arbitrary: caseArbFor(true) }, { weight: 3, arbitrary: caseArbFor(false) });
