/** Shared test helpers, by what they read: the widget's DOM, its canvas, errors and warnings, media queries, layout shifts. */
export * from './widget.js';
export * from './canvas.js';
export * from './errors.js';
export * from './media.js';
export * from './layout-shifts.js';
