/**
 * `ceop-stats/svelte`: defines <ceop-stats>, as `ceop-stats` does, and types
 * it in Svelte 5 templates (`svelte/elements`, as Svelte's docs type custom
 * elements): each attribute with its allowed values, and
 * `onceop-stats-ready` and `onceop-stats-error` with their event's `detail`.
 * @module
 */
import type { HTMLAttributes } from 'svelte/elements';
import type { CeopStats } from './ceop-stats-element.js';
import type { CeopStatsAttributes, CeopStatsEventAttributes } from './frameworks/types.js';

export * from './ceop-stats.js';
export type { CeopStatsAttributes, CeopStatsEventMap, CeopStatsOptions } from './frameworks/types.js';

type CeopStatsSvelteAttributes = HTMLAttributes<CeopStats> & CeopStatsAttributes & CeopStatsEventAttributes;

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'ceop-stats': CeopStatsSvelteAttributes;
  }
}
