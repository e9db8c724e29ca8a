/**
 * `npm run size`: gzip -9 sizes of the built files against their budgets.
 * Exits non-zero when a budget is exceeded, so CI fails.
 *
 * The targets are #14's (entry 13 KB, entry and chart chunk together 54 KB;
 * #13 asked for 12 and 50, which Chart.js's smallest bar chart with tooltips,
 * about 45.6 KB, and Lit, about 6.3 KB, left out of reach). The
 * budgets below are ceilings just above what the build measures now, so any
 * growth fails CI; the targets are printed beside them. `page` is what a
 * reader of a page with the bundled figures in English fetches; the other
 * chunks (Welsh texts, outside data, downloads) only pages that use them.
 * The reflowing layout (#11) added 0.5 KB to the entry; the controllers (#12)
 * cost about what moving the table's template and styles into a chunk of its
 * own saved; the widget's own tooltip (#14) took Chart.js's Tooltip plugin out
 * of the chart chunk (45.9 to 41.6 KB); the sliced wake-up (#14) and the
 * wpautop check (#13) added 0.2 KB to the entry. Writing English and Welsh
 * numbers without Intl (#14) added 0.2 KB to it, and took the page's first
 * Intl.NumberFormat, 15-40 ms of locale data, out of its first long task.
 * The entry became a loader (#14) that fetches the element's chunk and the
 * chart's side by side: #14's 13 KB target for "the entry" is held against
 * what a first paint needs, the loader and the element's chunk together.
 * Drawing colours as CSS gives them, with a stand-in for Chart.js's colour
 * parser (#14), took the chart chunk from 41.6 to 38.2 KB; TypeScript's
 * private fields in place of #private, which es2021 lowers to WeakMaps, 38.0.
 * Taking over a server's render (#28: the shadow root kept until the first
 * render replaces it, no count-up, the code for its data and texts awaited)
 * and the loader's check for a server added 0.25 KB to the first paint
 * (17,725 to 17,984 bytes); the server's own code is in dist/lib/ only.
 * Saying in the widget that a chunk the network dropped could not be loaded,
 * and asking for the table's again (#26's CI flake), added 0.22 KB to the
 * first paint (17,987 to 18,213 bytes), the media controller (#29) 31 bytes:
 * budgets first paint 17.9, page 56.6, total 65.5 KB. The loading look's
 * room worked out from the data it expects (#29, item 7: the placeholders lay
 * out that view's texts and counters; the styles lost their fixed line counts,
 * 96 bytes, the templates and loadingRoom took 200) and the bounded caches
 * (#29, item 8: 44 bytes) took the first paint from 18,244 to 18,417 bytes;
 * esbuild's CSS minifier on every css`` template (#29) took the total from
 * 66,996 to 66,936 (the table's chunk 1,351 to 1,119): budgets first paint
 * 18.0, page 56.7 KB. The one attribute table and the one model of what is
 * shown (#29, items 1 and 2: the table's literal, the rules of highlight, the
 * properties made from the table, the counters in the model) took the
 * element's chunk from 17,850 to 18,029 bytes before the loading room; all of
 * #29 together took the first paint from 18,212 to 18,595 bytes (+383, 2.1%)
 * while the chart's chunk lost 161 (the tricks that went): budgets first
 * paint 18.2, page 56.8 KB.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const KB = 1024;
const BUDGETS = {
  entry: { budget: 0.5 * KB, target: undefined, what: 'dist/ceop-stats.js, the loader a page loads' },
  'first-paint': {
    budget: 18.2 * KB,
    target: 13 * KB,
    what: "the loader and the element's chunk (ceop-stats-element.js): all that the first paint needs",
  },
  chart: { budget: 38.8 * KB, target: undefined, what: 'the chart chunk: Chart.js (bar chart) and our adapter, with the tooltip' },
  page: {
    budget: 56.8 * KB,
    target: 54 * KB,
    what: "the loader, the element's chunk and the chart chunk: what a page with a chart fetches",
  },
  total: { budget: 65.5 * KB, target: undefined, what: 'every chunk of the widget together, including those only some pages fetch' },
  'embed-resize': { budget: 1 * KB, target: undefined, what: 'dist/embed-resize.js, the script a page around iframe embeds loads' },
  'embed-page': {
    budget: 2 * KB,
    target: undefined,
    what: "dist/embed.html, embed.css and embed.js: the iframe embed's own files, besides the widget",
  },
};

const gzipOf = (name) => gzipSync(readFileSync(`dist/${name}`), { level: 9 }).length;
const EMBED_FILES = ['embed.js', 'embed-resize.js'];

const files = readdirSync('dist')
  .filter((name) => name.endsWith('.js'))
  .map((name) => {
    const bytes = readFileSync(`dist/${name}`);
    return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  })
  .sort((a, b) => b.gzip - a.gzip);

const entry = files.find((f) => f.name === 'ceop-stats.js');
const element = files.find((f) => f.name === 'ceop-stats-element.js');
const chart = files.find((f) => f.name === 'ceop-stats-bar-chart.js');
if (!entry || !element || !chart) {
  console.error('dist/ is missing ceop-stats.js, the element chunk or the bar-chart chunk: run npm run build first');
  process.exit(1);
}
if (!EMBED_FILES.every((name) => files.some((f) => f.name === name))) {
  console.error('dist/ is missing the iframe embed (embed.js, embed-resize.js): run npm run build first');
  process.exit(1);
}
const widgetFiles = files.filter((f) => !EMBED_FILES.includes(f.name));
const measured = {
  entry: entry.gzip,
  'first-paint': entry.gzip + element.gzip,
  chart: chart.gzip,
  page: entry.gzip + element.gzip + chart.gzip,
  total: widgetFiles.reduce((sum, f) => sum + f.gzip, 0),
  'embed-resize': gzipOf('embed-resize.js'),
  'embed-page': gzipOf('embed.html') + gzipOf('embed.css') + gzipOf('embed.js'),
};
const kb = (n) => `${(n / KB).toFixed(1)} KB`;

console.log('file | raw | gzip -9');
for (const f of files) console.log(`${f.name} | ${kb(f.raw)} | ${kb(f.gzip)}`);
console.log('');
let failed = false;
for (const [key, { budget, target, what }] of Object.entries(BUDGETS)) {
  const ok = measured[key] <= budget;
  failed ||= !ok;
  const targetNote = target ? `; target ${kb(target)}${measured[key] <= target ? ' met' : ' missed'}` : '';
  console.log(`${ok ? 'ok  ' : 'OVER'} ${key}: ${kb(measured[key])} of a ${kb(budget)} budget${targetNote} (${what})`);
}
mkdirSync('bench', { recursive: true });
writeFileSync('bench/size.json', `${JSON.stringify({ files, measured, budgets: BUDGETS }, null, 2)}\n`);
process.exit(failed ? 1 : 0);
