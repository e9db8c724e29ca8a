/**
 * `node bench/run.mjs --trace`: a Chromium performance trace of one load of
 * the 50-widget page (local profile, cold cache), to see where the longest
 * tasks go. Reads the trace's complete (`X`) events on the renderer's main
 * thread and its sampled CPU profile (`ProfileChunk`), and returns the 15
 * longest tasks, each with the events inside it that took the most self time,
 * and the 15 functions with the most self time inside tasks over 50 ms,
 * named through dist/'s source maps where the code is ours.
 */
import { Buffer } from 'node:buffer';
import { SourceMap } from 'node:module';

const CATEGORIES = [
  '-*',
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
  'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler',
];

/** Where an event's work came from, as far as its arguments say. */
function describe(event) {
  const data = event.args?.data ?? event.args?.beginData ?? {};
  const where = data.url || event.args?.fileName || '';
  const file = where ? where.replace(/^https?:\/\/[^/]+/, '') : '';
  const fn = data.functionName ? `${data.functionName}()` : '';
  return [event.name, fn, file && `${file}${data.lineNumber !== undefined ? `:${data.lineNumber}` : ''}`].filter(Boolean).join(' ');
}

/**
 * The page's main thread: the one that parsed its HTML (the browser also has
 * renderers of its own, for its UI), else the busiest renderer main thread.
 */
function mainThread(events, url) {
  const parse = events.find((e) => e.name === 'ParseHTML' && (e.args?.beginData?.url ?? '') === url);
  if (parse) return { pid: parse.pid, tid: parse.tid };
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let best;
  let bestTime = -1;
  for (const thread of mains) {
    const time = events
      .filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.pid === thread.pid && e.tid === thread.tid)
      .reduce((sum, e) => sum + e.dur, 0);
    if (time > bestTime) [best, bestTime] = [thread, time];
  }
  return best;
}

/** Self time of each `X` event of a task (its duration less its direct children's), largest first. */
function selfTimes(inside) {
  const stack = [];
  const rows = [];
  for (const event of inside) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= event.ts) stack.pop();
    const parent = stack.at(-1);
    const row = { event, self: event.dur };
    if (parent) parent.row.self -= Math.min(event.dur, parent.row.self);
    rows.push(row);
    stack.push({ ts: event.ts, dur: event.dur, row });
  }
  return rows.sort((a, b) => b.self - a.self);
}

const maps = new Map();
/** Files by the path they are served at (bench/run.mjs's copy of dist/), for their source maps. */
let served = new Map();
/** The source map of a file the bench served, if it has one. */
function sourceMap(url) {
  if (!maps.has(url)) {
    let map;
    try {
      const file = served.get(`${new URL(url).pathname}.map`);
      if (file) map = new SourceMap(JSON.parse(file.toString('utf8')));
    } catch {
      map = undefined;
    }
    maps.set(url, map);
  }
  return maps.get(url);
}

/** A sampled function by its original name and place when a source map knows it, else as the trace has it. */
function original(frame) {
  const file = (frame.url || '').replace(/^https?:\/\/[^/]+/, '');
  const entry = frame.url ? sourceMap(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber) : undefined;
  if (entry?.originalSource) {
    const source = entry.originalSource.replace(/^(\.\.\/)+/, '');
    return `${entry.name || frame.functionName || '(anonymous)'} ${source}:${entry.originalLine + 1} (${file})`;
  }
  return `${frame.functionName || '(anonymous)'}${file ? ` ${file}:${frame.lineNumber + 1}` : ''}`;
}

/** The sampled CPU profile of process `pid`: each sample's call frame, time and the time until the next sample (µs). */
function profileSamples(events, pid) {
  const starts = new Map(events.filter((e) => e.name === 'Profile' && e.pid === pid).map((e) => [e.id, e.args.data.startTime]));
  const byProfile = new Map();
  for (const chunk of events.filter((e) => e.name === 'ProfileChunk' && e.pid === pid)) {
    if (!byProfile.has(chunk.id)) byProfile.set(chunk.id, []);
    byProfile.get(chunk.id).push(chunk);
  }
  const out = [];
  for (const [id, list] of byProfile) {
    const nodes = new Map();
    const samples = [];
    let time = starts.get(id) ?? list[0].ts;
    for (const chunk of list) {
      const profile = chunk.args.data.cpuProfile ?? {};
      for (const node of profile.nodes ?? []) nodes.set(node.id, node);
      const deltas = chunk.args.data.timeDeltas ?? [];
      (profile.samples ?? []).forEach((node, i) => {
        time += deltas[i] ?? 0;
        samples.push({ node, time });
      });
    }
    for (let i = 0; i + 1 < samples.length; i++) {
      const frame = nodes.get(samples[i].node)?.callFrame;
      if (frame) out.push({ frame, at: samples[i].time, us: samples[i + 1].time - samples[i].time });
    }
  }
  return out;
}

/** Self time (ms) by `key` of the samples inside `windows` ([start, end] in µs), largest first. */
function selfTimeBy(samples, windows, key) {
  const totals = new Map();
  for (const { frame, at, us } of samples) {
    if (!windows.some(([start, end]) => at >= start && at < end)) continue;
    const name = key(frame);
    totals.set(name, (totals.get(name) ?? 0) + us);
  }
  return [...totals].map(([name, time]) => ({ name, selfMs: time / 1000 })).sort((a, b) => b.selfMs - a.selfMs);
}

/** Where a sampled function's code came from: the original file for our bundles, else the served one; V8's own entries by name. */
function sourceOf(frame) {
  const entry = frame.url ? sourceMap(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber) : undefined;
  if (entry?.originalSource) return entry.originalSource.replace(/^(\.\.\/)+/, '');
  return frame.url ? frame.url.replace(/^https?:\/\/[^/]+/, '') : frame.functionName || '(native)';
}

export async function traceLongTasks(browser, url, viewport, files) {
  served = files;
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ ...viewport, deviceScaleFactor: 1 });
    await page.tracing.start({ categories: CATEGORIES });
    await page.goto(url, { waitUntil: 'load', timeout: 60000 });
    await page.waitForFunction(() => performance.getEntriesByName('all-charts').length > 0, { timeout: 60000, polling: 50 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const { traceEvents: events } = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8'));
    const thread = mainThread(events, url);
    if (!thread) throw new Error('no CrRendererMain thread in the trace');
    const onThread = events
      .filter((e) => e.ph === 'X' && e.pid === thread.pid && e.tid === thread.tid && e.dur !== undefined)
      .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const tasks = onThread.filter((e) => e.name === 'RunTask');
    const longest = [...tasks].sort((a, b) => b.dur - a.dur).slice(0, 15);
    const origin = Math.min(...onThread.filter((e) => e.name === 'RunTask').map((e) => e.ts));
    const samples = profileSamples(events, thread.pid);
    const longWindows = tasks.filter((t) => t.dur > 50000).map((t) => [t.ts, t.ts + t.dur]);
    const report = {
      tasks: longest.map((task) => {
        const inside = onThread.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
        return {
          startMs: (task.ts - origin) / 1000,
          durationMs: task.dur / 1000,
          top: selfTimes(inside)
            .slice(0, 4)
            .map(({ event, self }) => ({ what: describe(event), selfMs: self / 1000 })),
        };
      }),
      functions: selfTimeBy(samples, longWindows, original).slice(0, 15),
      longestBySource: selfTimeBy(
        samples,
        longest.slice(0, 1).map((t) => [t.ts, t.ts + t.dur]),
        sourceOf,
      ).slice(0, 10),
    };
    console.log(
      'trace, 50 widgets, local: the 15 longest main-thread tasks (start from the first task, duration; the events in each with the most self time)',
    );
    for (const task of report.tasks)
      console.log(
        `  ${task.startMs.toFixed(0).padStart(5)} ms  ${task.durationMs.toFixed(1).padStart(6)} ms  ${task.top.map((t) => `${t.what} ${t.selfMs.toFixed(1)}`).join('; ')}`,
      );
    console.log('trace: the 15 functions with the most self time inside tasks over 50 ms (sampled)');
    for (const fn of report.functions) console.log(`  ${fn.selfMs.toFixed(1).padStart(6)} ms  ${fn.name}`);
    console.log('trace: the longest task by source file (sampled self time)');
    for (const source of report.longestBySource) console.log(`  ${source.selfMs.toFixed(1).padStart(6)} ms  ${source.name}`);
    return report;
  } finally {
    await context.close();
  }
}
