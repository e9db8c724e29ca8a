/**
 * What every entry that defines the element exports (`ceop-stats`, `/vue`, `/svelte`).
 * @module
 */
export { CeopStats } from './ceop-stats-element.js';
export type { CeopStatsErrorDetail, CeopStatsReadyDetail } from './ceop-stats-element.js';
export { CEOP_FIGURES, CEOP_FIGURE_SOURCES } from './model/ceop-figures.js';
export type { Dataset, Measure, MeasureNote, Source } from './model/dataset.js';
