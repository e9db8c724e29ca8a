// Records where the text after the widgets starts before any widget has
// upgraded, the layout shifts the browser reports (where it supports the
// Layout Instability API), and each widget's ready event.
// Page coordinates, not viewport ones: the test scrolls to bring each widget into view.
const pageTop = (element) => element.getBoundingClientRect().top + window.scrollY;
window.__pageTop = () => pageTop(document.getElementById('after'));
window.__afterTopBefore = window.__pageTop();
window.__layoutShift = null;
window.__shifts = [];
if (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes.includes('layout-shift')) {
  window.__layoutShift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.__layoutShift += entry.value;
      // What moved, for a failure message: each source's element and how far.
      window.__shifts.push(
        `${entry.value.toFixed(4)} at ${Math.round(entry.startTime)} ms: ` +
          entry.sources
            .map(
              (s) =>
                `${s.node?.nodeName ?? '?'}#${s.node?.id ?? ''} ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)} (h ${Math.round(s.previousRect.height)}→${Math.round(s.currentRect.height)})`,
            )
            .join(', '),
      );
    }
  }).observe({ type: 'layout-shift', buffered: true });
}
window.__ready = 0;
document.addEventListener('ceop-stats-ready', () => window.__ready++);
