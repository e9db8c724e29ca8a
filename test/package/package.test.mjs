/**
 * `npm run test:node` (after `npm run build`): the package as npm would
 * publish it, seen by a user's tools: what `npm pack` ships, whether every
 * `exports` target exists, whether a bundler and TypeScript can consume the
 * unbundled build, and whether the manifest holds what the README promises.
 *
 * The consumer is a temporary project whose node_modules/ceop-stats links to
 * this folder, so that `ceop-stats/element` resolves through `exports` as it
 * would for a user, and `lit` and `chart.js` from our own node_modules.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { before, describe, test } from 'node:test';
import { userProject } from './user-project.mjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { build } from 'esbuild';
import { rollup } from 'rollup';
import ts from 'typescript';

const root = join(import.meta.dirname, '../..');
const read = (path) => readFileSync(join(root, path), 'utf8');
const pkg = JSON.parse(read('package.json'));
/** Chart.js's version string, which its code holds (`Chart.version`): how a chunk is known to hold Chart.js, minified or not. */
const CHART_JS_VERSION = JSON.stringify(JSON.parse(read('node_modules/chart.js/package.json')).version);

before(() => {
  assert.ok(existsSync(join(root, 'dist/lib/ceop-stats.js')), 'dist/ is missing or stale: run `npm run build` first');
});

describe('npm pack', () => {
  /** Paths as npm lists them, relative to the package root. */
  let packed;
  before(() => {
    const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    packed = new Set(JSON.parse(output)[0].files.map((file) => file.path));
  });

  test('ships the bundle, every chunk, and their source maps', () => {
    const bundle = readdirSync(join(root, 'dist')).filter((name) => /^ceop-stats(-.+)?\.js$/.test(name));
    assert.ok(bundle.includes('ceop-stats.js') && bundle.length > 1, `the bundle's entry and chunks are built: ${bundle.join(', ')}`);
    for (const name of bundle) {
      assert.ok(packed.has(`dist/${name}`), `dist/${name} is packed`);
      assert.ok(packed.has(`dist/${name}.map`), `dist/${name}.map is packed`);
    }
    assert.ok(packed.has('dist/ceop-stats.d.ts'), 'the bundle has its declaration file');
  });

  test("ships the iframe embed: its page, style, script and the host page's resizer", () => {
    for (const name of ['embed.html', 'embed.css', 'embed.js', 'embed-resize.js'])
      assert.ok(packed.has(`dist/${name}`), `dist/${name} is packed`);
  });

  test('ships the unbundled modules with their declarations, one per source file', () => {
    // src/embed/ (the iframe embed's page and host script) and src/bundle/ (the bundle's loader) are built into dist/
    // beside the bundle, not modules to import.
    const sources = readdirSync(join(root, 'src'), { recursive: true }).filter(
      (name) => name.endsWith('.ts') && !name.endsWith('.d.ts') && !/^(embed|bundle)\//.test(name),
    );
    // A module of types only compiles to no code: it ships its declarations alone.
    const typesOnly = (source) =>
      ts
        .transpileModule(read(`src/${source}`), { compilerOptions: { verbatimModuleSyntax: false } })
        .outputText.replace(/^export \{\};\s*|\s+/gm, '') === '';
    // Built into other files: src/exports.ts only re-exports (Rollup writes its exports into the entries that use it),
    // and the chart's modules are one file, chart/bar-chart.js (libChart in rollup.config.mjs), with the colour parser's stand-in.
    const builtInto = new Set(['exports.ts', 'chart/year-tooltip.ts', 'chart/color-as-given.ts']);
    for (const source of sources.filter((name) => !builtInto.has(name))) {
      const base = `dist/lib/${source.replace(/\.ts$/, '')}`;
      const files = typesOnly(source) ? [`${base}.d.ts`] : [`${base}.js`, `${base}.d.ts`];
      for (const file of files) assert.ok(packed.has(file), `${file} (from src/${source}) is packed`);
    }
  });

  test('ships the manifest, README and package.json', () => {
    for (const file of ['custom-elements.json', 'README.md', 'package.json']) assert.ok(packed.has(file), `${file} is packed`);
    if (existsSync(join(root, 'LICENSE'))) assert.ok(packed.has('LICENSE'), 'LICENSE is packed');
  });

  test('ships nothing else', () => {
    const allowed = [
      /^dist\/ceop-stats(-[\w-]+)?\.js(\.map)?$/,
      /^dist\/ceop-stats\.d\.ts$/,
      /^dist\/embed(\.html|\.css|\.js|\.js\.map|-resize\.js)$/,
      /^dist\/lib\/([\w.-]+\/)*[\w.-]+\.(js|d\.ts|d\.ts\.map)$/,
      /^(custom-elements\.json|README\.md|package\.json|LICENSE)$/,
    ];
    const unexpected = [...packed].filter((path) => !allowed.some((pattern) => pattern.test(path)));
    assert.deepEqual(unexpected, [], 'files a user does not need: src, tests, demo, bench, scripts, CI, configs, test results');
  });
});

describe('package.json', () => {
  /** Every path a `exports` condition points at, with the subpath it serves. */
  const targets = [];
  const collect = (subpath, value) => {
    if (typeof value === 'string') targets.push({ subpath, target: value });
    else for (const nested of Object.values(value)) collect(subpath, nested);
  };
  for (const [subpath, value] of Object.entries(pkg.exports)) collect(subpath, value);

  test('every exports target, main, module and types exist after a build', () => {
    assert.ok(targets.length >= 5, 'exports has ., ./element, ./bundle, ./custom-elements.json, ./package.json');
    for (const { subpath, target } of targets) assert.ok(existsSync(join(root, target)), `exports["${subpath}"] → ${target} exists`);
    for (const field of ['main', 'module', 'types']) assert.ok(existsSync(join(root, pkg[field])), `${field} → ${pkg[field]} exists`);
  });

  test('the entries are the documented ones', () => {
    assert.equal(pkg.exports['.'].default, './dist/lib/ceop-stats.js');
    assert.equal(pkg.exports['./element'].default, './dist/lib/ceop-stats-element.js');
    assert.equal(pkg.exports['./bundle'].default, './dist/ceop-stats.js');
  });

  test('customElements points at a manifest of <ceop-stats> whose modules are all shipped', () => {
    const manifest = JSON.parse(read(pkg.customElements));
    const tags = manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .map((declaration) => declaration.tagName)
      .filter(Boolean);
    assert.deepEqual(tags, ['ceop-stats']);
    for (const module of manifest.modules) assert.ok(existsSync(join(root, module.path)), `manifest module ${module.path} exists`);
  });
});

describe('a user project', () => {
  const project = userProject('ceop-stats-user-');

  const bundle = async (source) => {
    const result = await build({
      stdin: { contents: source, resolveDir: project.path(), loader: 'js' },
      absWorkingDir: project.path(),
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      outdir: join(project.path(), 'out'),
      write: false,
      logLevel: 'silent',
    });
    assert.deepEqual(result.errors, []);
    const entry = result.outputFiles.find((file) => file.path.endsWith('stdin.js'));
    return { entry: entry.text, files: result.outputFiles, warnings: result.warnings.map((warning) => warning.text) };
  };

  test('a bundler builds the package entry, which defines the element, and keeps the chart code a lazy chunk', async () => {
    const { entry, files, warnings } = await bundle(`import { CeopStats } from 'ceop-stats'; console.log(CeopStats);`);
    assert.deepEqual(warnings, []);
    assert.match(entry, /customElements\.define\(/);
    assert.match(entry, /"ceop-stats"/);
    assert.match(entry, /import\("\.\/bar-chart-[\w-]+\.js"\)/, 'Chart.js stays behind a dynamic import');
    assert.ok(
      files.some((file) => file.text.includes(CHART_JS_VERSION)),
      'Chart.js is in a chunk',
    );
    assert.ok(!entry.includes(CHART_JS_VERSION), 'Chart.js is not in the entry');
  });

  test('Rollup builds the package entry too, with the chart code in its own chunk', async () => {
    writeFileSync(join(project.path(), 'app.js'), `import { CeopStats } from 'ceop-stats'; console.log(CeopStats);`);
    const warnings = [];
    const built = await rollup({
      input: join(project.path(), 'app.js'),
      plugins: [nodeResolve({ browser: true })],
      onwarn: (warning) => warnings.push(warning),
    });
    const { output } = await built.generate({ format: 'es', dir: join(project.path(), 'rollup-out') });
    await built.close();
    // TypeScript's inline decorator and private-field helpers test `this` at the top level; Rollup notes it is undefined there, which the helpers expect.
    const unexpected = warnings.filter(
      (warning) => !(warning.code === 'THIS_IS_UNDEFINED' && /__decorate|__classPrivateField/.test(warning.frame ?? '')),
    );
    assert.deepEqual(
      unexpected.map((warning) => `${warning.code}: ${warning.message}`),
      [],
    );
    assert.ok(
      output.some((chunk) => chunk.type === 'chunk' && chunk.isDynamicEntry && chunk.code.includes(CHART_JS_VERSION)),
      'Chart.js is a dynamically imported chunk',
    );
  });

  test('a bundler builds ./element without defining the element', async () => {
    const { entry, warnings } = await bundle(`import { CeopStats } from 'ceop-stats/element'; console.log(CeopStats);`);
    assert.deepEqual(warnings, []);
    assert.match(entry, /ceop-stats-ready/, 'the class is there');
    assert.doesNotMatch(entry, /customElements\.define\(/);
  });

  test('sideEffects lets a bundler drop the element when nothing of it is used', async () => {
    const { entry, warnings } = await bundle(`import 'ceop-stats/element';`);
    // esbuild says so when it drops a module for its package's sideEffects.
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /ceop-stats-element\.js" was marked as having no side effects/);
    assert.doesNotMatch(entry, /ceop-stats-ready|customElements\.define\(/);
  });

  test('TypeScript resolves the types of ., ./element and ./bundle, with bundler and Node resolution', () => {
    writeFileSync(
      join(project.path(), 'user.ts'),
      `import { CeopStats, CEOP_FIGURES, type CeopStatsErrorDetail } from 'ceop-stats';
import { CeopStats as Element } from 'ceop-stats/element';
import 'ceop-stats/bundle';
const element: CeopStats = document.createElement('ceop-stats');
const same: typeof Element = CeopStats;
element.addEventListener('ceop-stats-error', (event) => {
  const detail: CeopStatsErrorDetail = event.detail;
  console.log(detail.code, same, CEOP_FIGURES.measures.length);
});
`,
    );
    for (const [module, moduleResolution] of [
      [ts.ModuleKind.ESNext, ts.ModuleResolutionKind.Bundler],
      [ts.ModuleKind.NodeNext, ts.ModuleResolutionKind.NodeNext],
    ]) {
      const program = ts.createProgram([join(project.path(), 'user.ts')], {
        module,
        moduleResolution,
        target: ts.ScriptTarget.ES2022,
        lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
        strict: true,
        noEmit: true,
        types: [],
      });
      // Our declaration files are checked, Lit's and Chart.js's are not: that would triple the time and test them, not us.
      const ours = program
        .getSourceFiles()
        .filter((file) => file.fileName.startsWith(join(root, 'dist')) || file.fileName.endsWith('user.ts'));
      assert.ok(ours.length > 3, 'the program reads our declaration files');
      const diagnostics = [
        ...program.getOptionsDiagnostics(),
        ...program.getGlobalDiagnostics(),
        ...ours.flatMap((file) => [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]),
      ];
      const errors = diagnostics.map((diagnostic) => {
        const where = diagnostic.file ? `${diagnostic.file.fileName.replace(root, '<package>')}: ` : '';
        return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      });
      assert.deepEqual(errors, [], `moduleResolution ${ts.ModuleResolutionKind[moduleResolution]}`);
    }
  });
});

describe('custom-elements.json', () => {
  const manifest = JSON.parse(read('custom-elements.json'));
  const element = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .find((declaration) => declaration.tagName === 'ceop-stats');
  const names = (list) => (list ?? []).map((item) => item.name);

  test('describes the class CeopStats for the tag ceop-stats', () => {
    assert.equal(element?.name, 'CeopStats');
    assert.equal(element.customElement, true);
  });

  test('lists every attribute of the README table', () => {
    const table = /<!-- api:attributes -->([\s\S]*?)<!-- \/api:attributes -->/.exec(read('README.md'))?.[1] ?? '';
    const documented = [...table.matchAll(/^\| `([a-z-]+)` \|/gm)].map((match) => match[1]);
    assert.ok(documented.length >= 12, `the README lists the attributes: ${documented.join(', ')}`);
    assert.deepEqual(
      documented.filter((name) => !names(element.attributes).includes(name)),
      [],
    );
  });

  test('lists both events with their detail types', () => {
    const events = Object.fromEntries((element.events ?? []).map((event) => [event.name, event.type?.text]));
    assert.equal(events['ceop-stats-ready'], 'CustomEvent<CeopStatsReadyDetail>');
    assert.equal(events['ceop-stats-error'], 'CustomEvent<CeopStatsErrorDetail>');
  });

  test('lists the CSS custom properties, each with a default', () => {
    const expected = [
      'font-family',
      'text-color',
      'muted-color',
      'background',
      'bar-color',
      'record-color',
      'grid-color',
      'accent-color',
      'radius',
      'spacing',
      'chart-height',
    ].map((name) => `--ceop-stats-${name}`);
    assert.deepEqual(
      expected.filter((name) => !names(element.cssProperties).includes(name)),
      [],
    );
    assert.deepEqual(
      element.cssProperties.filter((property) => !property.default).map((property) => property.name),
      [],
      'every property states its default',
    );
  });

  test('lists the parts and the slot', () => {
    const expected = ['heading', 'summary', 'counters', 'counter', 'chart', 'table', 'toggle', 'source', 'alert'];
    assert.deepEqual(
      expected.filter((name) => !names(element.cssParts).includes(name)),
      [],
    );
    assert.deepEqual(names(element.slots), ['']);
  });

  test('shows only the public API: no private or protected members', () => {
    assert.deepEqual(
      element.members.filter((member) => member.privacy === 'private' || member.privacy === 'protected').map((member) => member.name),
      [],
    );
  });
});

describe("the README's commands", () => {
  test('npm pack --json prints only its JSON, with the build its prepack runs', () => {
    // What release tools read: the build's own progress goes to stderr.
    const output = execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    assert.equal(JSON.parse(output)[0].name, 'ceop-stats');
  });

  test('the address npm start prints shows the demo', async () => {
    // npm start is the build, then this server; the build is the test command's own.
    const probe = createServer().listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const { port } = probe.address();
    probe.close();
    // Its own process group: npx starts wds as a child, which must stop with it.
    const server = spawn('npx', ['wds', '--config', 'web-dev-server.config.mjs', '--port', String(port)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    });
    try {
      let printed = '';
      for await (const chunk of server.stdout) {
        printed += chunk;
        if (/http:\/\/\S+/.test(printed)) break;
      }
      // The first address printed, without its terminal colours.
      const address = stripVTControlCharacters(printed).match(/http:\/\/\S+/)[0];
      const response = await fetch(address);
      assert.equal(response.status, 200, `${address} answers`);
      assert.match(await response.text(), /<ceop-stats\b/, `${address} shows the demo (${response.url})`);
    } finally {
      process.kill(-server.pid);
    }
  });
});
