/**
 * The entry a page loads: defines <ceop-stats> on import.
 * @module
 */
import { CeopStats } from './ceop-stats-element.js';
import { defineOnce } from './runtime/define.js';

export { CeopStats } from './ceop-stats-element.js';
export type { CeopStatsErrorDetail, CeopStatsReadyDetail } from './ceop-stats-element.js';
export { CEOP_FIGURES, CEOP_FIGURE_SOURCES } from './data/ceop-figures.js';
export type { Dataset, Measure, MeasureNote, Source } from './data/dataset.js';

defineOnce('ceop-stats', CeopStats);
