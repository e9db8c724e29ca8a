/**
 * The element's options and events as framework templates and the React
 * component take them, derived from the generated names (names.ts) and the
 * element's own property types, so each allowed value is written once, on
 * the element.
 */
import type { CeopStats } from '../ceop-stats-element.js';
import type { ATTRIBUTE_NAMES, CeopStatsEventMap } from './names.js';

export type { CeopStatsEventMap } from './names.js';

type Property = keyof typeof ATTRIBUTE_NAMES;

/** The element's options by property name (`noAnimation`), with the values each takes. */
export type CeopStatsOptions = { [P in Property]?: CeopStats[P] };

/** The element's options by attribute name (`no-animation`), as HTML and Svelte templates write them. */
export type CeopStatsAttributes = { [P in Property as (typeof ATTRIBUTE_NAMES)[P]]?: CeopStats[P] };

/** A listener for each event as React 19 and Svelte 5 name it: `on` and the event's exact name (`onceop-stats-ready`). */
export type CeopStatsEventAttributes = {
  [E in keyof CeopStatsEventMap as `on${E}`]?: (event: CeopStatsEventMap[E]) => void;
};
