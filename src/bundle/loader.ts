/**
 * The bundle's entry, dist/ceop-stats.js: a loader of a few hundred bytes.
 * It asks for the element's chunk at once and, when a widget on the page may
 * be in view, for the chart's chunk beside it, so that the two download side
 * by side rather than one after the other (BENCHMARKS.md has the comparison
 * with a single entry). The element still asks for the chart chunk itself for
 * widgets added later, or in view only later.
 *
 * It shares no code with the chunks: a page may load it with a query string
 * (WordPress adds `?ver=`), and a chunk that imported from it would fetch and
 * run it a second time under its bare name.
 * @module
 */

/**
 * Whether the document's first widget is within a viewport's height of the
 * visible area (the element's own test, in src/runtime/near-viewport.ts):
 * widgets come in document order, so when the first is far, the rest are too.
 * It costs the page's first layout, which the element would force anyway.
 */
function firstWidgetNearViewport(): boolean {
  const widget = document.querySelector('ceop-stats');
  if (!widget) return false;
  const { top, bottom } = widget.getBoundingClientRect();
  return bottom >= -innerHeight && top <= 2 * innerHeight;
}

// Imported on a server (a server component, a build step), where it has no page: said, rather than thrown or silent.
if (typeof document === 'undefined') {
  console.warn('<ceop-stats>: the browser bundle does nothing on a server; ceop-stats/server renders the widget there.');
} else {
  import('../ceop-stats.js').catch((error: unknown) => console.warn('<ceop-stats>: the widget code could not be loaded.', error));
  // A failure here is the element's to report, when it asks for the same chunk.
  if (firstWidgetNearViewport()) import('../chart/bar-chart.js').catch(() => undefined);
}
