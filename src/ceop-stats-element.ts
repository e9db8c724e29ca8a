/**
 * The element's class without defining it (package export "./element"), for
 * a page that registers it under its own terms. The class, its documentation
 * and its parts are in element/.
 * @module
 */
export { CeopStats } from './element/ceop-stats-element.js';
export type { CeopStatsErrorDetail, CeopStatsReadyDetail } from './element/ceop-stats-element.js';
