/**
 * `ceop-stats/vue`: exports what `ceop-stats` does, defines <ceop-stats> in
 * the browser, and types it
 * in Vue templates: each attribute with its allowed values, and `@ceop-stats-ready`
 * and `@ceop-stats-error` with their event's `detail`. The shape is the one
 * Vue's guide gives for custom elements ("Web Components and TypeScript"):
 * Vue's language tools read a global component's `$props` and `$emit`.
 * @module
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { CeopStatsEventMap, CeopStatsOptions } from './frameworks/types.js';
import { CeopStats as CeopStatsElement } from './ceop-stats-element.js';
import { defineOnce } from './runtime/define.js';
import { onServer } from './runtime/server.js';

export * from './exports.js';
export type { CeopStatsAttributes, CeopStatsEventMap, CeopStatsOptions } from './frameworks/types.js';

declare module 'vue' {
  interface GlobalComponents {
    'ceop-stats': new () => CeopStatsElement & {
      /** @deprecated Types the template's attributes only; not a property of the element. */
      $props: HTMLAttributes & CeopStatsOptions & PublicProps;
      /** @deprecated Types the template's event listeners only; not a method of the element. */
      $emit: EmitFn<{ [E in keyof CeopStatsEventMap]: (event: CeopStatsEventMap[E]) => void }>;
    };
  }
}

// A component's script runs on the server too (server rendering), where the element draws nothing and needs no
// definition: unlike `ceop-stats`, this entry is meant for such code, so it does not warn there.
if (!onServer) defineOnce('ceop-stats', CeopStatsElement);
