/**
 * The entry a page loads: defines <ceop-stats> on import.
 * @module
 */
import { CeopStats } from './ceop-stats-element.js';
import { defineOnce } from './runtime/define.js';
import { onServer } from './runtime/server.js';

// The same as src/exports.ts (for ceop-stats/vue and /svelte), written out so that the manifest lists each export.
export { CeopStats } from './ceop-stats-element.js';
export type { CeopStatsErrorDetail, CeopStatsReadyDetail } from './ceop-stats-element.js';
export { CEOP_FIGURES, CEOP_FIGURE_SOURCES } from './model/ceop-figures.js';
export type { Dataset, Measure, MeasureNote, Source } from './model/dataset.js';

defineOnce('ceop-stats', CeopStats);

// An import that runs only on a server leaves an empty element: said once, since nothing else shows it.
if (onServer) {
  console.warn(
    '<ceop-stats>: imported on a server, where the widget draws nothing: it needs this import to run in the browser too (client code). ' +
      "To put its figures in the server's HTML, render it with renderCeopStats from ceop-stats/server.",
  );
}
