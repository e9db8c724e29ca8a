/**
 * Type-level tests of the element's global typings (HTMLElementTagNameMap,
 * HTMLElementEventMap). Never run: `npm run typecheck` compiles this file, and
 * a wrong type or an unused @ts-expect-error fails it. (The name keeps it out
 * of the browser suite, which runs test/**\/*.test.ts.)
 */
import type { CeopStats, CeopStatsErrorDetail, CeopStatsReadyDetail } from '../../src/ceop-stats.js';
import type { AttributeProperty, Choice, ChoiceProperty } from '../../src/model/attribute-table.js';

/** `true` only when A and B are the same type, not merely assignable one way. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the standard exact-equality test needs T in both.
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

export function tagAndEventTypings(): unknown[] {
  const checked: unknown[] = [];
  const created = document.createElement('ceop-stats');
  const createdIsCeopStats: Equals<typeof created, CeopStats> = true;
  const found: CeopStats | null = document.querySelector('ceop-stats');
  checked.push(createdIsCeopStats, found);

  created.noAnimation = true;
  // @ts-expect-error -- `noAnimation` is a boolean, not an attribute string.
  created.noAnimation = 'no-animation';

  created.addEventListener('ceop-stats-error', (event) => {
    const detailIsErrorDetail: Equals<typeof event.detail, CeopStatsErrorDetail> = true;
    const code: 'attribute' | 'fetch-failed' | 'http-status' | 'timeout' | 'not-json' | 'schema' = event.detail.code;
    const message: string = event.detail.message;
    // @ts-expect-error -- the error detail has `code` and `message`, no `reason`.
    const reason: unknown = event.detail.reason;
    checked.push(detailIsErrorDetail, code, message, reason);
  });

  created.addEventListener('ceop-stats-ready', (event) => {
    const detailIsReadyDetail: Equals<typeof event.detail, CeopStatsReadyDetail> = true;
    const years: string[] = event.detail.years;
    // @ts-expect-error -- the ready detail names the measure `metric`, not `measure`.
    const measure: unknown = event.detail.measure;
    checked.push(detailIsReadyDetail, years, measure);
  });

  return checked;
}

/**
 * The element's fields, which carry each attribute's documentation, hold to
 * the attribute table: a field for every attribute in it, and a choice
 * attribute's field takes exactly the values the table allows.
 */
export function fieldsHoldToTheAttributeTable(element: CeopStats): unknown[] {
  const everyAttributeHasAField: Pick<CeopStats, AttributeProperty> = element;
  type FieldTakesTheChoices = { [P in ChoiceProperty]: Equals<NonNullable<CeopStats[P]>, Choice<P>> };
  const choices: Equals<FieldTakesTheChoices[ChoiceProperty], true> = true;
  const booleans: Equals<CeopStats['noAnimation' | 'noSource' | 'downloads'], boolean> = true;
  return [everyAttributeHasAField, choices, booleans];
}
