/**
 * `ceop-stats/svelte`: exports what `ceop-stats` does, defines <ceop-stats> in
 * the browser, and types
 * it in Svelte 5 templates (`svelte/elements`, as Svelte's docs type custom
 * elements): each attribute with its allowed values, and
 * `onceop-stats-ready` and `onceop-stats-error` with their event's `detail`.
 * @module
 */
import type { HTMLAttributes } from 'svelte/elements';
import type { CeopStatsAttributes, CeopStatsEventAttributes } from './frameworks/types.js';
import { CeopStats as CeopStatsElement } from './ceop-stats-element.js';
import { defineOnce } from './runtime/define.js';
import { onServer } from './runtime/server.js';

export * from './exports.js';
export type { CeopStatsAttributes, CeopStatsEventMap, CeopStatsOptions } from './frameworks/types.js';

type CeopStatsSvelteAttributes = HTMLAttributes<CeopStatsElement> & CeopStatsAttributes & CeopStatsEventAttributes;

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'ceop-stats': CeopStatsSvelteAttributes;
  }
}

// A component's script runs on the server too (server rendering), where the element draws nothing and needs no
// definition: unlike `ceop-stats`, this entry is meant for such code, so it does not warn there.
if (!onServer) defineOnce('ceop-stats', CeopStatsElement);
