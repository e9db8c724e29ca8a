/**
 * Test-server plugin: pages whose widget the server API rendered, as a Node
 * server would send them, so a browser test can watch the page's script take
 * the server's render over.
 *
 *   /ssr/page.html?client=bundle|hydrate&attrs=JSON&content=HTML
 *
 * `client=bundle` loads the self-contained bundle, dist/ceop-stats.js, with no
 * hydrate support; `client=hydrate` loads Lit's hydrate support, then the
 * element from src/ (one copy of Lit, as an app's bundler would have it). The
 * page's first script records, from the first frame on, every counter value
 * and toolbar text on screen, the layout shifts, the ready event and console
 * errors, for the test to read from the frame's window.
 *
 * dist/lib/server.js is imported afresh for each run of the suite: run `npm
 * run build` first.
 */
const PATH = '/ssr/page.html';

const RECORDER = `<script>
  window.record = { counters: [], toggles: [], cards: [], shifts: 0, ready: [], errors: [] };
  const record = window.record;
  addEventListener('error', (event) => record.errors.push(String(event.message)));
  const error = console.error;
  console.error = (...args) => { record.errors.push(args.map(String).join(' ')); error.apply(console, args); };
  document.addEventListener('ceop-stats-ready', (event) => record.ready.push(event.detail));
  if (PerformanceObserver.supportedEntryTypes.includes('layout-shift')) {
    new PerformanceObserver((list) => { for (const entry of list.getEntries()) record.shifts += entry.value; }).observe({ type: 'layout-shift', buffered: true });
  }
  const seen = (list, value) => { if (list.at(-1) !== value) list.push(value); };
  (function sample() {
    // From the frame the parser has passed the widget (the paragraph after it is there): before, its shadow root fills.
    const root = document.querySelector('ceop-stats + p') && document.querySelector('ceop-stats').shadowRoot;
    if (root) {
      seen(record.counters, [...root.querySelectorAll('.counter-value')].map((c) => c.textContent.trim()).join(' / '));
      seen(record.toggles, root.querySelector('.toggle')?.textContent.trim() ?? '');
      seen(record.cards, root.querySelectorAll('.card').length);
    }
    requestAnimationFrame(sample);
  })();
</script>`;

const CLIENTS = {
  bundle: '<script type="module" src="/dist/ceop-stats.js"></script>',
  hydrate: `<script type="module">
  import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
  import '/src/ceop-stats.ts';
</script>`,
};

export function ssrPlugin() {
  return {
    name: 'ssr-pages',
    async serve(context) {
      if (context.path !== PATH) return undefined;
      const { renderCeopStats } = await import('../../dist/lib/server.js');
      const attributes = JSON.parse(context.query.attrs ?? '{}');
      const widget = renderCeopStats(attributes, context.query.content ?? '');
      const client = CLIENTS[context.query.client] ?? CLIENTS.bundle;
      const body = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Server-rendered widget</title>${RECORDER}</head>
<body style="margin: 0; width: 600px">
<h1 style="margin: 0; font: 16px/1.5 sans-serif">A page</h1>
${widget}
<p>After the widget.</p>
${client}
</body>
</html>`;
      return { body, type: 'html' };
    },
  };
}
