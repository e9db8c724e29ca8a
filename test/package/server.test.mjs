/**
 * `node --test test/package/server.test.mjs` (after `npm run build`): the server API,
 * ceop-stats/server, as a server imports it (the package's own name, through
 * `exports`): Lit's SSR of <ceop-stats> for every attribute and data source,
 * the README's plain Node and Eleventy code run as written, and every package
 * entry imported in Node without throwing.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fetchWhenUp, freePort, readmeBlock } from '../apps/harness.mjs';
import { userProject } from './user-project.mjs';

const root = join(import.meta.dirname, '../..');

const { renderCeopStats } = await import('ceop-stats/server');

/** The text of the elements with this class, in order, tags and comments removed, spaces collapsed. */
function texts(html, className) {
  const pattern = new RegExp(`<(\\w+)[^>]*class="[^"]*\\b${className}\\b[^"]*"[^>]*>([\\s\\S]*?)</\\1>`, 'g');
  return [...html.matchAll(pattern)].map((match) => clean(match[2]));
}
const clean = (html) =>
  html
    .replace(/<!--[\s\S]*?-->|<\?>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
const counters = (html) => texts(html, 'counter-value');
/** The shadow root's HTML: what the server renders for the element itself. */
const shadow = (html) => {
  const match = /<template shadowroot="open" shadowrootmode="open">([\s\S]*)<\/template>/.exec(html);
  assert.ok(match, 'a declarative shadow root');
  return match[1].replace(/<style>[\s\S]*?<\/style>|<!--[\s\S]*?-->|<\?>/g, '');
};
/** The figures of the table in the chart's box: year and value per row. */
const tableRows = (html) =>
  [...shadow(html).matchAll(/<th scope="row" role="rowheader">([^<]*)<\/th>\s*<td role="cell" class="number">([\s\S]*?)<\/td>/g)].map(
    (match) => [clean(match[1]), clean(match[2])],
  );

const TABLE = `<table>
  <thead><tr><th>Year</th><th data-metric="referrals">Referrals</th></tr></thead>
  <tbody><tr><td>2019/20</td><td>1,234</td></tr><tr><td>2020/21</td><td>2,345</td></tr></tbody>
</table>`;
const JSON_DATA = JSON.stringify({
  source: { label: 'Example source', url: 'https://example.org/' },
  years: ['2019/20', '2020/21', '2021/22'],
  measures: [{ id: 'visits', label: 'Visits', values: [11, 22, 33] }],
});

describe('renderCeopStats: the bundled figures', () => {
  const html = renderCeopStats({});
  const root = shadow(html);

  test('is a <ceop-stats> with a declarative shadow root and the styles in it', () => {
    assert.match(html, /^<!--[^>]*--><ceop-stats\s*><template shadowroot="open" shadowrootmode="open"><style>/);
    assert.match(html, /<\/template>[\s\S]*<\/ceop-stats>/);
  });

  test('has the heading, summary, toolbar and source line', () => {
    assert.deepEqual(texts(root, 'heading'), ['Children safeguarded or protected']);
    assert.match(texts(root, 'summary')[0], /1,038 since April 2006/);
    assert.deepEqual(texts(root, 'toggle'), ['Show table']);
    assert.match(texts(root, 'source')[0], /^Source:/);
    assert.match(root, /aria-busy="false"/);
  });

  test('shows the counters at their final values, not 0', () => {
    assert.deepEqual(counters(root), ['1,038', '1,644', '394']);
  });

  test("has the data table in the chart's box, with every year, and no canvas", () => {
    assert.match(root, /<div class="chart" part="chart"\s*><div class="table-wrap"/);
    assert.ok(!root.includes('<canvas'), 'no canvas: nothing would draw it without JavaScript');
    const rows = tableRows(html);
    assert.deepEqual(rows[0], ['2006/07', '76']);
    assert.deepEqual(rows.at(-1), ['Total since April 2006', '1,038']);
    assert.match(html, /\.chart>\.table-wrap\{[^}]*height:100%/, "the table scrolls inside the chart's box");
  });
});

describe('renderCeopStats: every attribute', () => {
  test('metric, from, to: the measure and years shown', () => {
    const html = renderCeopStats({ metric: 'arrests', from: '2008', to: '2009' });
    assert.deepEqual(texts(shadow(html), 'heading'), ['Arrests']);
    assert.deepEqual(tableRows(html).slice(0, 2), [
      ['2008/09', '334'],
      ['2009/10', '417'],
    ]);
    assert.deepEqual(counters(shadow(html)), ['1,038', '1,644', '394'], 'the totals are the whole period, as in the browser');
  });

  test('highlight: checked as in the browser (it colours bars only, so the table is the same)', () => {
    for (const highlight of ['records', 'latest', 'none'])
      assert.deepEqual(counters(shadow(renderCeopStats({ highlight }))), ['1,038', '1,644', '394']);
    assert.match(texts(shadow(renderCeopStats({ highlight: 'most' })), 'alert')[0], /highlight="most" is not allowed/);
  });

  test("heading and summary: the editor's texts, escaped", () => {
    const html = renderCeopStats({ heading: 'Arrests "since 2006" <UK> & Wales', summary: 'Our summary.' });
    assert.match(html, /heading="Arrests &quot;since 2006&quot; &lt;UK&gt; &amp; Wales"/);
    assert.deepEqual(texts(shadow(html), 'heading'), ['Arrests "since 2006" <UK> & Wales']);
    assert.deepEqual(texts(shadow(html), 'summary'), ['Our summary.']);
  });

  test('locale: cy renders the Welsh texts; de formats the numbers', () => {
    const welsh = shadow(renderCeopStats({ locale: 'cy' }));
    assert.match(welsh, /lang="cy"/);
    assert.deepEqual(texts(welsh, 'toggle'), ['Dangos tabl']);
    assert.ok(!welsh.includes('Show table'));
    assert.deepEqual(counters(shadow(renderCeopStats({ locale: 'de' }))), ['1.038', '1.644', '394']);
  });

  test('theme and no-animation', () => {
    assert.match(shadow(renderCeopStats({ theme: 'dark' })), /class="card dark"/);
    const still = renderCeopStats({ 'no-animation': true });
    assert.match(still, /<ceop-stats\s+no-animation\s*>/);
    assert.deepEqual(counters(shadow(still)), ['1,038', '1,644', '394']);
  });

  test('source-label, source-url and no-source', () => {
    const html = shadow(renderCeopStats({ 'source-label': 'Our source', 'source-url': 'https://example.org/s' }));
    assert.match(html, /<a href="https:\/\/example.org\/s"[^>]*>Our source<\/a>/);
    assert.deepEqual(texts(shadow(renderCeopStats({ 'no-source': true })), 'source'), []);
    // A relative link stays relative: the reader's browser resolves it against the page, as the widget does.
    assert.match(shadow(renderCeopStats({ 'source-url': '../sources?x=1&y=2' })), /<a href="\.\.\/sources\?x=1&amp;y=2"/);
  });

  test('downloads: the buttons', () => {
    const buttons = texts(shadow(renderCeopStats({ downloads: true })), 'download').filter(Boolean);
    assert.deepEqual(buttons, ['Download data (CSV)', 'Download image (PNG)']);
    assert.deepEqual(texts(shadow(renderCeopStats({})), 'download'), []);
  });

  test('src, credentials, timeout: the loading look, no figures, nothing fetched', () => {
    const html = shadow(renderCeopStats({ src: 'https://example.org/data.json', credentials: 'include', timeout: '5000' }));
    assert.match(html, /aria-busy="true"/);
    assert.match(html, /class="chart loading"/);
    assert.deepEqual(texts(html, 'status'), ['Loading data…']);
    assert.deepEqual(counters(html), []);
    assert.ok(!html.includes('1,038'));
  });

  test('a bad value: the same alert as in the browser, and no figures', () => {
    const html = shadow(renderCeopStats({ metric: 'nope' }));
    assert.match(texts(html, 'alert')[0], /metric="nope" is not a measure in the data/);
    assert.deepEqual(counters(html), []);
  });

  test('attribute names are checked', () => {
    assert.throws(() => renderCeopStats({ 'a"b': 'x' }), TypeError);
  });
});

describe("renderCeopStats: the editor's content", () => {
  test("a table: exactly the editor's figures, and the table itself after the shadow root", () => {
    const html = renderCeopStats({}, TABLE);
    assert.deepEqual(texts(shadow(html), 'heading'), ['Referrals']);
    assert.deepEqual(counters(shadow(html)), ['3,579']);
    assert.deepEqual(tableRows(html), [
      ['2019/20', '1,234'],
      ['2020/21', '2,345'],
      ['Total', '3,579'],
    ]);
    assert.ok(!shadow(html).includes('1,038'), 'none of the bundled figures');
    assert.ok(html.endsWith(`${TABLE}<!--/lit-part--></ceop-stats><!--/lit-part-->`), 'the content as given');
  });

  test('a table in a locale: its numbers read in it', () => {
    const html = renderCeopStats({ locale: 'de' }, TABLE.replace('1,234', '1.234').replace('2,345', '2.345'));
    assert.deepEqual(counters(shadow(html)), ['3.579']);
  });

  test("inline JSON: exactly the editor's figures and source", () => {
    const html = renderCeopStats({}, `<script type="application/json">${JSON_DATA}</script>`);
    assert.deepEqual(texts(shadow(html), 'heading'), ['Visits']);
    assert.deepEqual(counters(shadow(html)), ['66']);
    assert.deepEqual(tableRows(html).slice(0, 3), [
      ['2019/20', '11'],
      ['2020/21', '22'],
      ['2021/22', '33'],
    ]);
    assert.match(texts(shadow(html), 'source')[0], /Example source/);
  });

  test('JSON before a table wins, as in the browser', () => {
    const html = renderCeopStats({}, `${TABLE}<script type="application/json">${JSON_DATA}</script>`);
    assert.deepEqual(counters(shadow(html)), ['66']);
  });

  test('bad data: the alert, never the bundled figures', () => {
    const badTable = shadow(renderCeopStats({}, TABLE.replace('1,234', 'lots')));
    assert.match(texts(badTable, 'alert')[0], /table row 2, cell 2 \(Referrals, 2019\/20\): "lots" is not a whole number/);
    const badJson = shadow(renderCeopStats({}, '<script type="application/json">{ nope</script>'));
    assert.match(texts(badJson, 'alert')[0], /inline JSON: not JSON/);
    for (const html of [badTable, badJson]) assert.deepEqual(counters(html), []);
  });

  test('content without data (a paragraph) leaves the bundled figures', () => {
    assert.deepEqual(counters(shadow(renderCeopStats({}, '<p>Hello</p>'))), ['1,038', '1,644', '394']);
  });

  test('`src` wins over the content, as in the browser: the loading look', () => {
    assert.deepEqual(counters(shadow(renderCeopStats({ src: 'data.json' }, TABLE))), []);
  });
});

describe("the README's server code, run as written", () => {
  const project = userProject('ceop-stats-server-');
  const readme = () => readFileSync(join(root, 'README.md'), 'utf8');

  test("Eleventy: the shortcodes render the widget, with the editor's table in the paired one", async () => {
    writeFileSync(join(project.path(), 'eleventy.config.js'), readmeBlock(readme(), 'Server rendering', 'js', 1));
    const shortcodes = {};
    const copies = [];
    const config = {
      addShortcode: (name, fn) => (shortcodes[name] = fn),
      addPairedShortcode: (name, fn) => (shortcodes[name] = fn),
      addPassthroughCopy: (copy) => copies.push(copy),
    };
    const { default: configure } = await import(join(project.path(), 'eleventy.config.js'));
    configure(config);
    assert.deepEqual(counters(shadow(shortcodes.ceopStats({ metric: 'arrests' }))), ['1,038', '1,644', '394']);
    assert.deepEqual(counters(shadow(shortcodes.ceopStatsWith(TABLE, { metric: 'referrals' }))), ['3,579']);
    assert.deepEqual(copies, [{ 'node_modules/ceop-stats/dist/ceop-stats*.js': 'ceop-stats' }]);
  });

  test('plain Node: the page holds the widget with its figures', async () => {
    writeFileSync(join(project.path(), 'server.js'), readmeBlock(readme(), 'Server rendering', 'js', 0));
    const port = await freePort();
    const child = spawn(process.execPath, ['server.js'], {
      cwd: project.path(),
      env: { ...process.env, PORT: String(port) },
      stdio: 'inherit',
    });
    try {
      const page = await fetchWhenUp(`http://127.0.0.1:${port}/`);
      assert.match(page, /<script type="module" src="\/ceop-stats\/ceop-stats.js"><\/script>/);
      assert.deepEqual(texts(shadow(page), 'heading'), ['Arrests since 2006']);
      assert.deepEqual(counters(shadow(page)), ['1,038', '1,644', '394']);
    } finally {
      child.kill();
    }
  });
});

describe('every package entry, imported in Node', () => {
  const importIn = (specifier) =>
    execFileSync(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(specifier)}); console.log('imported');`], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  const run = (specifier) => {
    try {
      return { stdout: importIn(specifier), stderr: '' };
    } catch (error) {
      return { stdout: error.stdout, stderr: error.stderr, failed: true };
    }
  };

  for (const specifier of [
    'ceop-stats',
    'ceop-stats/element',
    'ceop-stats/server',
    'ceop-stats/react',
    'ceop-stats/vue',
    'ceop-stats/svelte',
  ]) {
    test(`${specifier} does not throw`, () => {
      const result = run(specifier);
      assert.ok(!result.failed, result.stderr);
      assert.match(result.stdout, /imported/);
    });
  }

  test('ceop-stats/bundle does not throw, and says it does nothing on a server', () => {
    const { stdout, stderr, status } = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', "await import('ceop-stats/bundle'); console.log('imported');"],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    assert.equal(status, 0, stderr);
    assert.match(stdout, /imported/);
    assert.match(stderr, /the browser bundle does nothing on a server; ceop-stats\/server renders the widget there/);
  });

  test('ceop-stats/react, /vue and /svelte say nothing on a server, where their components render too', () => {
    for (const specifier of ['ceop-stats/react', 'ceop-stats/vue', 'ceop-stats/svelte']) {
      const { stderr, status } = spawnSync(process.execPath, ['--input-type=module', '-e', `await import('${specifier}');`], {
        cwd: root,
        encoding: 'utf8',
      });
      assert.equal(status, 0, stderr);
      assert.equal(stderr, '', specifier);
    }
  });

  test('ceop-stats imported on a server says that the widget needs it in the browser too', () => {
    const { stderr } = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', "await import('ceop-stats'); process.stderr.write('end');"],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    assert.match(stderr, /<ceop-stats>: imported on a server, where the widget draws nothing[\s\S]*ceop-stats\/server[\s\S]*end$/);
  });
});

describe('ceop-stats/react on a server', () => {
  test("React's server render writes the options as the element's attributes, and nothing warns", () => {
    const { stdout, stderr, status } = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { CeopStats } from 'ceop-stats/react';
process.stdout.write(renderToString(createElement(CeopStats, {
  metric: 'arrests', from: '2008', noAnimation: true, noSource: false, sourceUrl: 'https://example.org/?a=1&b="2"', className: 'figures',
  onReady: () => {},
}, createElement('table', null))));`,
      ],
      { cwd: root, encoding: 'utf8' },
    );
    assert.equal(status, 0, stderr);
    assert.equal(stderr, '');
    assert.equal(
      stdout,
      '<ceop-stats metric="arrests" from="2008" no-animation="" source-url="https://example.org/?a=1&amp;b=&quot;2&quot;" class="figures"><table></table></ceop-stats>',
    );
  });
});
