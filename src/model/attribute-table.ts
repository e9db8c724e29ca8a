/**
 * Every attribute of <ceop-stats>, once: its name, the values it allows, its
 * default, and what a change to it makes the widget do. Derived from here: the
 * element's reactive properties, which changes work out the view again or ask
 * for data again, the option types the parsers take (attributes.ts), the
 * manifest's attribute list (scripts/api-docs.mjs reads this literal), and
 * from the manifest the framework types, the README table and the WordPress
 * plugin's list; the builder's list is the element's observedAttributes, and
 * the fuzz test draws its values from here and checks that the bars drawn
 * follow these rules. The rules themselves are checked on their own, in
 * test/unit/series.test.ts and test/element/ceop-stats.test.ts: the fuzz test, using them
 * as its oracle, cannot catch a wrong one.
 *
 * What each attribute means to an editor is written once, in the JSDoc of its
 * field in the element, which a type test (test/package/typings.test-d.ts) holds to
 * this table.
 */
import type { PropertyDeclarations } from 'lit';

/** What changing an attribute makes the widget do. */
type Changes =
  /** Work out what is shown again (see widget-view.ts). */
  | 'view'
  /** Ask for data again: it names the request for `src`. */
  | 'request'
  /** Render again, nothing more. */
  | 'render';

interface AttributeSpec {
  /** The attribute's name in HTML, where it is not the property's (Lit's default, the property's name in lower case). */
  attribute?: string;
  changes: Changes;
  /** A presence attribute: true when present, whatever its value. */
  boolean?: true;
  /** The allowed values, compared without regard to case or surrounding spaces. */
  values?: readonly string[];
  /** The value the widget takes when the attribute is absent or blank, as an editor would write it; none where it depends on the data. */
  default?: string;
  /** The lowest and highest whole number allowed. */
  range?: readonly [number, number];
}

export const ATTRIBUTES = {
  metric: { changes: 'view' },
  from: { changes: 'view' },
  to: { changes: 'view' },
  highlight: { changes: 'view', values: ['records', 'latest', 'none'], default: 'records' },
  heading: { changes: 'view' },
  summary: { changes: 'view' },
  locale: { changes: 'view' },
  noAnimation: { attribute: 'no-animation', changes: 'view', boolean: true },
  theme: { changes: 'view', values: ['light', 'dark', 'auto'], default: 'auto' },
  src: { changes: 'request' },
  credentials: { changes: 'request', values: ['omit', 'same-origin', 'include'], default: 'omit' },
  timeout: { changes: 'request', default: '10000', range: [1, 120000] },
  sourceLabel: { attribute: 'source-label', changes: 'view' },
  sourceUrl: { attribute: 'source-url', changes: 'view' },
  noSource: { attribute: 'no-source', changes: 'view', boolean: true },
  downloads: { changes: 'render', boolean: true },
} as const satisfies Record<string, AttributeSpec>;

/** An attribute by the name of the property that reflects it (`noAnimation` for `no-animation`). */
export type AttributeProperty = keyof typeof ATTRIBUTES;

/** The attributes whose change makes the widget do `changes`. */
export type AttributesThat<C extends Changes> = {
  [P in AttributeProperty]: (typeof ATTRIBUTES)[P]['changes'] extends C ? P : never;
}[AttributeProperty];

/** The attributes that allow only listed values. */
export type ChoiceProperty = {
  [P in AttributeProperty]: (typeof ATTRIBUTES)[P] extends { values: readonly string[] } ? P : never;
}[AttributeProperty];

/** The values a choice attribute allows, such as `'records' | 'latest' | 'none'`. */
export type Choice<P extends ChoiceProperty> = (typeof ATTRIBUTES)[P]['values'][number];

/**
 * Attribute values as the page wrote them; null or blank means "not set".
 * Typed unknown because frameworks may set the properties to numbers or worse.
 */
export type RawAttributes<P extends AttributeProperty> = { [K in P]?: unknown };

export const attributesThat = <C extends Changes>(changes: C): AttributesThat<C>[] =>
  (Object.keys(ATTRIBUTES) as AttributeProperty[]).filter(
    (property): property is AttributesThat<C> => ATTRIBUTES[property].changes === changes,
  );

/** What a year's bar is, for the rule that picks it out. */
interface BarFacts {
  /** The years shown's values, null where not reported. */
  values: readonly (number | null)[];
  /** Whether each year shown is a record (higher than every year before it, in the whole series). */
  records: readonly boolean[];
}

/** The built-in text (a key of the messages) that names highlighted bars. */
type HighlightLabel = 'record' | 'latest';

/** What each `highlight` value picks out, and the name of the highlighted bars in the legend, table and tooltips. */
export const HIGHLIGHTS: Record<Choice<'highlight'>, { picks: (bars: BarFacts) => boolean[]; label: HighlightLabel }> = {
  records: { picks: ({ records }) => [...records], label: 'record' },
  latest: { picks: ({ values }) => values.map((_, i) => i === values.length - 1), label: 'latest' },
  none: { picks: ({ values }) => values.map(() => false), label: 'record' },
};

/** The attribute's name in HTML. */
export const attributeName = (property: AttributeProperty): string => (ATTRIBUTES[property] as AttributeSpec).attribute ?? property;

/** Lit's declaration of each attribute's property: reflected, so that the page and devtools show what the widget uses. */
export const reactiveProperties = (): PropertyDeclarations =>
  Object.fromEntries(
    Object.entries(ATTRIBUTES).map(([property, spec]: [string, AttributeSpec]) => [
      property,
      { reflect: true, ...(spec.attribute ? { attribute: spec.attribute } : {}), ...(spec.boolean ? { type: Boolean } : {}) },
    ]),
  );
