/**
 * BENCHMARKS.md from the results bench/run.mjs measured. Run on its own,
 * `node bench/report.mjs` writes it again from bench/results.json without
 * measuring anything.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** The issue's targets (#14), each read from one case of the results. */
const TARGETS = [
  { what: '1 widget, time to its chart drawn, ratio to naive', n: 1, key: 'allCharts', limit: 0.8, unit: '' },
  { what: '3 widgets side by side, all drawn, ratio to naive', n: 3, key: 'allCharts', limit: 0.8, unit: '' },
  { what: '50 widgets all in view (a tall viewport), all drawn, ratio to naive', n: 50, key: 'allCharts', limit: 1.0, unit: '' },
  { what: 'longest main-thread task, 50 widgets all in view', n: 50, key: 'longestTask', limit: 80, unit: ' ms' },
  { what: 'JS heap, 50 widgets, ratio to naive', n: 50, key: 'heap', limit: 0.8, unit: '' },
];

/** The widget page's and the preloaded page's value for a target. */
function targetValues(c, key) {
  if (key === 'longestTask') return [c.widget.longestTaskMs, c.preload.longestTaskMs];
  if (key === 'heap') return [c.ratios.heap, c.ratios.heapPreloaded];
  return [c.ratios.allCharts, c.ratios.allChartsPreloaded];
}

const ms = (v) => `${v.toFixed(0)} ms`;
const mb = (v) => `${v.toFixed(1)} MB`;
const x = (v) => v.toFixed(2);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const label = (n) => `${n} widget${Number(n) > 1 ? 's' : ''}`;

function profileTable(cases) {
  const head = [
    'widgets',
    'first chart: widget',
    'preloaded',
    'naive',
    'ratio',
    'ratio, preloaded',
    'all drawn: widget',
    'preloaded',
    'naive',
    'ratio',
    'ratio, preloaded',
    'longest task: widget',
    'preloaded',
    'naive',
    'TBT: widget',
    'preloaded',
    'naive',
    'heap: widget',
    'naive',
    'ratio',
  ];
  const rows = Object.entries(cases).map(([n, c]) => {
    const { widget: w, preload: p, naive: v, ratios: r } = c;
    return [
      label(n),
      ms(w.firstChartMs),
      ms(p.firstChartMs),
      ms(v.firstChartMs),
      `**${x(r.firstChart)}**`,
      `**${x(r.firstChartPreloaded)}**`,
      ms(w.allChartsMs),
      ms(p.allChartsMs),
      ms(v.allChartsMs),
      `**${x(r.allCharts)}**`,
      `**${x(r.allChartsPreloaded)}**`,
      ms(w.longestTaskMs),
      ms(p.longestTaskMs),
      ms(v.longestTaskMs),
      ms(w.totalBlockingMs),
      ms(p.totalBlockingMs),
      ms(v.totalBlockingMs),
      mb(w.heapMB),
      mb(v.heapMB),
      `**${x(r.heap)}**`,
    ];
  });
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

function targetsTable(results) {
  const rows = [];
  for (const target of TARGETS) {
    for (const [profile, cases] of Object.entries(results.cases)) {
      const [widget, preloaded] = targetValues(cases[target.n], target.key);
      const format = (v) => (target.unit ? `${v.toFixed(0)}${target.unit}` : x(v));
      const [a, b] = [widget <= target.limit, preloaded <= target.limit];
      const verdict = a && b ? 'met' : !a && !b ? 'missed' : a ? 'met without the preload line only' : 'met with the preload line only';
      rows.push(
        `| ${target.what} | ${profile} | ${format(widget)} | ${format(preloaded)} | ≤ ${target.unit ? `${target.limit}${target.unit}` : target.limit.toFixed(1)} | ${verdict} |`,
      );
    }
  }
  return `| measure | profile | widget | preloaded | target | |\n|---|---|---:|---:|---:|---|\n${rows.join('\n')}`;
}

function traceSection(trace) {
  if (!trace) return '';
  const tasks = trace.tasks.map(
    (t) =>
      `| ${t.startMs.toFixed(0)} ms | ${t.durationMs.toFixed(1)} ms | ${t.top.map((e) => `${e.what.replaceAll('|', '\\|')} (${e.selfMs.toFixed(1)})`).join('; ')} |`,
  );
  const fns = trace.functions.map((f) => `| ${f.selfMs.toFixed(1)} ms | \`${f.name.replaceAll('|', '\\|')}\` |`);
  return `
## Where the longest tasks go

One load of the 50-widget page (local, cold cache) recorded as a Chromium
trace (\`node bench/run.mjs --trace\`; tracing itself slows the page a little).
The 15 longest tasks on the page's main thread, with the trace events inside
each that took the most time of their own (milliseconds in brackets):

| start | duration | events with the most self time |
|---|---:|---|
${tasks.join('\n')}

The functions with the most self time inside tasks over 50 ms, from the
trace's sampled CPU profile:

| self time | function |
|---:|---|
${fns.join('\n')}

The longest task by source file (sampled self time; our bundles mapped back to their sources):

| self time | source |
|---:|---|
${(trace.longestBySource ?? []).map((f) => `| ${f.selfMs.toFixed(1)} ms | \`${f.name}\` |`).join('\n')}
`;
}

/** First paint and totals on screen, server-rendered against the script and the naive page (bench/first-paint.mjs). */
function firstPaintSection(firstPaint) {
  if (!firstPaint) return '';
  const ms = (value) => `${Math.round(value)} ms`;
  const rows = Object.entries(firstPaint).flatMap(([profile, pages]) =>
    [
      ['server-rendered', pages.serverRendered],
      ['script only', pages.widget],
      ['naive', pages.naive],
    ].map(([page, r]) => `| ${profile} | ${page} | ${ms(r.firstContentfulPaintMs)} | ${ms(r.totalsOnScreenMs)} |`),
  );
  return `
## First paint: server-rendered

One widget rendered on the server (\`renderCeopStats\` from \`ceop-stats/server\`,
then the bundle's script tag), against the same widget with the script alone
and the naive page, in the one-chart layout: Chromium's first contentful
paint, and the first animation frame in which the totals ("1,038") are on the
page (or the first contentful paint, if later), from navigation start.

| condition | page | first contentful paint | totals on screen |
|---|---|---:|---:|
${rows.join('\n')}
`;
}

export function report(results) {
  const m = results.machine;
  const c = results.cases;
  const lh = results.lighthouse;
  const sizeRows = results.size.files.map((f) => `| \`${f.name}\` | ${kb(f.raw)} | ${kb(f.gzip)} |`);
  const profiles = Object.entries(c)
    .map(([profile, cases]) => `### ${profile}\n\n${profileTable(cases)}`)
    .join('\n\n');
  const l = results.layouts;
  const vp = (n) => `${l[n].viewport.width} × ${l[n].viewport.height}`;
  return `# Benchmarks

Made by \`npm run bench\` on ${results.date.slice(0, 10)}: ${m.cpus} × ${m.cpu}, ${m.memoryGiB} GiB, Node ${m.node}, ${m.browser} headless.
Each figure is the median of ${results.pairs} runs of each page, alternating (the order rotated every round), every run in a fresh browser context (cold cache), after one load of the widget and the naive page that is not counted (a new browser's first load is its slowest).

## Pages and measures

Three pages, each with 1, 3 and 50 charts, every chart in view:

- **widget**: that many \`<ceop-stats no-animation>\` elements;
- **preloaded**: the same with the README's two \`<link rel="modulepreload">\` lines, for the element's chunk and the chart chunk;
- **naive**: what a developer would write without the widget: Chart.js's
  prebuilt \`chart.umd.min.js\` by a script tag, one \`new Chart\` per canvas with
  the same figures, animation off, a heading and the totals as text.

All three have the same layout: 1 chart in a ${vp(1)} window; 3 side by side,
a row of three ${l[3].width} px columns in ${vp(3)}; 50 in a grid of ${l[50].columns}
columns of ${l[50].width} px (5 rows) with ${l[50].chartHeight} px charts in a
${vp(50)} window. Each run checks that every canvas lies wholly inside the window.

Two conditions: \`local\` is this machine as it is (files from 127.0.0.1, no
network cost); \`mobile\` is Lighthouse's mobile model of a reader's phone
(4x slower CPU, 150 ms round trips, 1.6 Mbit/s). The server gzips every file,
as a reader's CDN or web server would.

- **first chart**, **all drawn**: from navigation start to the first animation
  frame in which the first canvas, and then every canvas (inside each
  widget's shadow root), has painted pixels; seen from outside the same way on
  both pages, by a script that reads the canvases every frame.
- **longest task**, **TBT**: Chromium's \`longtask\` entries (buffered, observed
  from the start of the document) from navigation start until all charts are
  drawn and ${results.settleMs} ms after; TBT is the sum over those tasks of their time past
  50 ms. (Lighthouse's TBT counts from first contentful paint instead.)
- **heap**: used JS heap after a forced garbage collection, at the end of the same window.

Ratios are widget (or preloaded) over naive in the same run: under 1 is the widget ahead.

## Results

${profiles}

${firstPaintSection(results.firstPaint)}
## Targets

From issue #14. "widget" is the plain page, "preloaded" the one with the
README's preload lines.

${targetsTable(results)}
${traceSection(results.trace)}
## Lighthouse

Lighthouse 12 with its mobile preset (simulated slow 4G and a 4x slower CPU) on
[demo/article.html](demo/article.html), an article with three widgets:

| category | score | target |
|---|---:|---:|
| performance | ${lh.performance} | ≥ 0.98 |
| accessibility | ${lh.accessibility} | 1 |
| best practices | ${lh.bestPractices} | 1 |
| cumulative layout shift | ${lh.cumulativeLayoutShift} | 0 |

Largest contentful paint ${Math.round(lh.largestContentfulPaintMs)} ms, total blocking time ${Math.round(lh.totalBlockingTimeMs)} ms.${lh.failing.length ? ` Audits not passed: ${lh.failing.join(', ')}.` : ''}

## Layout shift

Chromium's layout-shift entries over the whole load, from navigation start,
summed (an upper bound on CLS, which takes only the worst window), the worst
of ${Math.min(results.pairs, 3)} loads; each page scrolled to every widget in turn until all are drawn,
and the counters left to finish. The pages reserve room with the README's
snippet ("Room before the script loads"); \`demo/article.html\` has its own,
larger one for its big font.

| page | screen | layout shift | target |
|---|---|---:|---:|
${(results.layoutShift ?? []).map((r) => `| ${r.page} | ${r.width} × ${r.height} | ${r.worst.toFixed(4)} | ${r.page.includes('below') ? '0' : '≤ 0.01'} |`).join('\n')}

## Sizes (gzip -9)

| file | minified | gzip -9 |
|---|---:|---:|
${sizeRows.join('\n')}

The entry, \`ceop-stats.js\`, is a loader of ${kb(results.size.measured.entry)}. What the first paint needs,
the loader and the element's chunk: ${kb(results.size.measured['first-paint'])} (#14's target for "the entry", 13 KB).
The loader, the element's chunk and the chart chunk, what a page with a chart fetches: ${kb(results.size.measured.page)} (target 54 KB).
Every chunk, including the Welsh texts, outside data and downloads that only some pages fetch: ${kb(results.size.measured.total)}.
Of the element's chunk, Lit is about 6 KB; the rest is the element, its styles, its
English texts, its controllers, and the data and logic a first paint needs.
The chart chunk is ${kb(results.size.measured.chart)}: Chart.js's core, its bar controller and two scales, and our adapter and tooltip.
\`npm run size\` fails CI if any of these grows past its budget.

## Reading the timings

${readingNotes(results)}
`;
}

/** What the numbers show, worded from the numbers themselves so the notes stay true when they change. */
function readingNotes(r) {
  const c = r.cases;
  const both = (n, f) =>
    Object.entries(c)
      .map(([profile, cases]) => `${f(cases[n])} ${profile}`)
      .join(', ');
  const ratio = (n, key) => both(n, (k) => `${x(k.ratios[key])} (preloaded ${x(k.ratios[`${key}Preloaded`])})`);
  const local50 = c.local?.[50];
  const notes = [];
  notes.push(`Both pages are timed the same way from outside: a script reads each canvas
not yet painted on, every animation frame, and marks the frame in which the
first, then the last, has pixels. It reads five rows of each canvas rather
than every pixel (reading all of 50 canvases took up to 25 ms a frame); it costs the
same per canvas on both pages, but the widget page, whose charts come later,
pays it for more frames${local50 ? `: ${local50.widget.watchMs.toFixed(0)} ms in all on the 50-widget page locally against ${local50.naive.watchMs.toFixed(0)} ms on the naive one` : ''}.`);
  notes.push(`One chart, all drawn, widget over naive: ${ratio(1, 'allCharts')}. The time
is bound by the same thing on both pages: fetching, parsing and running
Chart.js, which is most of the bytes and most of the work. Without a preload
the widget makes two round trips in series (the loader, then the element's and
the chart's chunks side by side); the preload lines let all three come at once,
which matters on the modelled phone and little on 127.0.0.1.`);
  notes.push(`Three side by side, all drawn: ${ratio(3, 'allCharts')}. Fifty all in view:
first chart ${ratio(50, 'firstChart')}; all drawn ${ratio(50, 'allCharts')}. With every
chart in view there is nothing to put off: the lazy chart chunk and the
near-the-viewport-first order, which let the widget show the first of 50
charts down a page early, do not apply, and the widget draws the same
Chart.js charts as the naive page plus its own work for each (Lit's render,
a shadow root, the heading, counters and table). The naive page draws all its
charts in one task before the browser paints any; the widget renders in slices
with frames between them, so its first chart appears after the first slice
but the last after many. With three, Chart.js's first chart (its code run
cold) fills a slice alone, and each later one (about 20 ms of Chart.js's
work in a trace) fills another: the last chart comes two frames after the first, where
the naive page draws all three in one task. Longer slices for widgets in
view were measured against these (40 ms, \`npm run bench:ab\`, 9 pairs, on
2026-12-04): all drawn 0.98 of the time locally and 0.92 on the phone model
with three, 0.88 and 0.93 with fifty, but fifty's longest task 1.18 and 1.39
times as long and its total blocking time 1.16 and 1.32 times: not kept.
Its chart chunk is smaller than Chart.js's UMD file
(${kb(r.size.measured.chart)} against ${kb(naiveScriptGzip())}, gzip -9), which is what it gains on a slow network.`);
  if (local50)
    notes.push(`Longest task with 50 widgets: ${both(50, (k) => `${k.widget.longestTaskMs.toFixed(0)} ms (naive ${k.naive.longestTaskMs.toFixed(0)} ms)`)}; total blocking
time ${both(50, (k) => `${k.widget.totalBlockingMs.toFixed(0)} ms (naive ${k.naive.totalBlockingMs.toFixed(0)} ms)`)}. The target is 80 ms. The slices
keep the widget's longest task far under the naive page's single drawing
task, but a slice cannot be shorter than the one piece of work in it (one
chart's first drawing, one widget's first render, evaluating a module), and
under the phone model's 4x slower CPU those pieces pass 50 ms, so many slices
count towards the total blocking time.${r.trace ? ` ${traceNote(r.trace)}` : ''}`);
  notes.push(`JS heap with 50 widgets, widget over naive: ${both(50, (k) => x(k.ratios.heap))}. Every widget in view
holds a drawn Chart.js chart, as each of the naive page's canvases does, and
its own elements besides; the heap the widget saved before came from widgets
out of view, which do not load or draw their chart until they come near.`);
  return notes.join('\n\n');
}

/** The naive page's script, Chart.js's whole UMD build, gzipped as the sizes are. */
function naiveScriptGzip() {
  return gzipSync(readFileSync('node_modules/chart.js/dist/chart.umd.min.js'), { level: 9 }).length;
}

function traceNote(trace) {
  const longest = trace.tasks[0];
  if (!longest) return '';
  const sources = (trace.longestBySource ?? []).slice(0, 4).map((s) => `${s.name} ${s.selfMs.toFixed(0)} ms`);
  return `In the trace ("Where the longest tasks go") the longest task, ${longest.durationMs.toFixed(0)} ms from ${longest.startMs.toFixed(0)} ms, spent most of its own time in ${longest.top
    .slice(0, 3)
    .map((e) => `${e.what} (${e.selfMs.toFixed(0)} ms)`)
    .join(', ')}${sources.length ? `; by sampled source: ${sources.join(', ')}` : ''}.`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = JSON.parse(readFileSync('bench/results.json', 'utf8'));
  writeFileSync('BENCHMARKS.md', report(results));
  console.log('wrote BENCHMARKS.md from bench/results.json');
}
