/**
 * `ceop-stats/vue`: defines <ceop-stats>, as `ceop-stats` does, and types it
 * in Vue templates: each attribute with its allowed values, and `@ceop-stats-ready`
 * and `@ceop-stats-error` with their event's `detail`. The shape is the one
 * Vue's guide gives for custom elements ("Web Components and TypeScript"):
 * Vue's language tools read a global component's `$props` and `$emit`.
 * @module
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { CeopStats } from './ceop-stats-element.js';
import type { CeopStatsEventMap, CeopStatsOptions } from './frameworks/types.js';

export * from './ceop-stats.js';
export type { CeopStatsAttributes, CeopStatsEventMap, CeopStatsOptions } from './frameworks/types.js';

declare module 'vue' {
  interface GlobalComponents {
    'ceop-stats': new () => CeopStats & {
      /** @deprecated Types the template's attributes only; not a property of the element. */
      $props: HTMLAttributes & CeopStatsOptions & PublicProps;
      /** @deprecated Types the template's event listeners only; not a method of the element. */
      $emit: EmitFn<{ [E in keyof CeopStatsEventMap]: (event: CeopStatsEventMap[E]) => void }>;
    };
  }
}
