import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import esbuild from 'rollup-plugin-esbuild';
import { minifyCss, minifyCssTemplates } from './scripts/minify-css-templates.mjs';

/** Chart.js's colour parser, @kurkle/color, replaced by src/chart/color-as-given.ts (which says why). */
function colorsAsGiven() {
  const stand = fileURLToPath(new URL('src/chart/color-as-given.ts', import.meta.url));
  return { name: 'colors-as-given', resolveId: (id) => (id === '@kurkle/color' ? stand : null) };
}

/**
 * dist/ceop-stats.js: the entry a page loads, a loader (src/bundle/loader.ts) that
 * fetches the element's chunk, dist/ceop-stats-element.js, which defines
 * <ceop-stats> and draws everything but the chart, and the chart chunk beside
 * it when a widget may be in view. Chart.js and the chart adapter are that
 * chunk, and the code for data from outside the bundle, the table, the
 * downloads and the Welsh texts are chunks of their own; each is fetched by
 * dynamic import, relative to the entry's own URL, only when a widget needs it.
 */
const bundle = {
  input: 'src/bundle/loader.ts',
  // The loader exports nothing.
  preserveEntrySignatures: false,
  output: {
    dir: 'dist',
    format: 'es',
    sourcemap: true,
    entryFileNames: 'ceop-stats.js',
    // Stable names, so an embed can preload the element and chart chunks (README, Performance); a versioned path does the cache busting.
    chunkFileNames: (chunk) => (chunk.name === 'ceop-stats' ? 'ceop-stats-element.js' : 'ceop-stats-[name].js'),
  },
  plugins: [
    colorsAsGiven(),
    // Lit's production build (no "development" export condition).
    nodeResolve({ browser: true }),
    esbuild({ target: 'es2021', tsconfig: 'tsconfig.json' }),
    // After esbuild: it finds the templates in JavaScript.
    minifyCssTemplates(),
    terser({ ecma: 2021, module: true, compress: { passes: 3 }, format: { comments: false } }),
  ],
};

/**
 * In the unbundled build, the element's chart controller imports the chart's
 * module as the file beside it that libChart (below) builds, by the path it
 * writes (its only importer, src/element/chart-controller.ts).
 */
const CHART_MODULE = 'ceop-stats:chart-module';
function chartModuleBuiltApart() {
  return {
    name: 'chart-module-built-apart',
    resolveId: (source, importer) =>
      source === '../chart/bar-chart.js' && importer?.endsWith('/src/element/chart-controller.ts')
        ? { id: CHART_MODULE, external: true }
        : null,
  };
}

/**
 * dist/lib/chart/bar-chart.js: the chart chunk of the unbundled build,
 * built as the bundle's is (Chart.js inside, without its colour parser,
 * minified with terser), so that an app's bundler copies it rather than
 * builds Chart.js again. Measured in a Vite 8 app (test/apps/vite.test.mjs):
 * with `chart.js` imported by name, the app's chart chunk was 49.0 KB gzip,
 * 3.4 KB of it the colour parser and about 6 KB what Vite's minifier leaves
 * that terser does not; built here, it is the bundle's size. The cost: an app
 * that draws charts of its own with Chart.js has a second copy of it (see
 * the README's Package section).
 */
const libChart = {
  input: 'src/chart/bar-chart.ts',
  output: { file: 'dist/lib/chart/bar-chart.js', format: 'es' },
  plugins: [
    colorsAsGiven(),
    nodeResolve({ browser: true }),
    esbuild({ target: 'es2021', tsconfig: 'tsconfig.json' }),
    minifyCssTemplates(),
    terser({ ecma: 2021, module: true, compress: { passes: 3 }, format: { comments: false } }),
  ],
};

/**
 * dist/lib/: the unbundled ES modules for bundler users, one file per source
 * file (the chart's modules excepted: libChart), importing lit from the
 * user's node_modules. esbuild
 * compiles them as it does the bundle (tsc's own output wraps its decorator
 * helpers in `this &&`, which makes rollup users' builds warn); tsc adds only
 * the .d.ts files beside them. dist/lib/server.js, the server API, imports
 * @lit-labs/ssr and parse5 from the server's node_modules (optional peer
 * dependencies: only a server that renders the widget installs them), and
 * dist/lib/react.js, vue.js and svelte.js their framework, which the app has.
 */
const lib = {
  input: ['src/ceop-stats.ts', 'src/ceop-stats-element.ts', 'src/server.ts', 'src/react.ts', 'src/vue.ts', 'src/svelte.ts'],
  external: (id) => /^(lit|@lit|@lit-labs|parse5|react|vue|svelte)(\/|$)/.test(id),
  preserveEntrySignatures: 'strict',
  output: {
    dir: 'dist/lib',
    format: 'es',
    preserveModules: true,
    preserveModulesRoot: 'src',
    entryFileNames: '[name].js',
    paths: { [CHART_MODULE]: '../chart/bar-chart.js' },
    // The React component uses hooks: marked as client code, so that a React Server Component (Next.js) may render it.
    // Rollup drops a directive written in the source, so it is added here.
    banner: (chunk) => (chunk.fileName === 'react.js' ? "'use client';" : ''),
  },
  plugins: [chartModuleBuiltApart(), esbuild({ target: 'es2021', tsconfig: 'tsconfig.json' }), minifyCssTemplates()],
};

/** A CSS file minified into dist/. */
function minifiedCssFile(from, to) {
  return {
    name: 'minified-css-file',
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: to, source: `${await minifyCss(readFileSync(from, 'utf8'))}\n` });
    },
  };
}

/** Copies files into dist/ as they are. */
function copyFiles(files) {
  return {
    name: 'copy-files',
    generateBundle() {
      for (const [from, to] of Object.entries(files)) this.emitFile({ type: 'asset', fileName: to, source: readFileSync(from) });
    },
  };
}

const minify = () => [
  esbuild({ target: 'es2021', tsconfig: 'tsconfig.json' }),
  terser({ ecma: 2021, module: true, format: { comments: false } }),
];

/**
 * dist/embed.html, the iframe embed's page, and its script dist/embed.js,
 * which imports the element's chunk beside it rather than a second copy: the
 * page reads the element's attributes as soon as it runs, so it imports the
 * element itself, not the loader (embed.html preloads both of its chunks).
 */
const embedPage = {
  input: 'src/embed/embed-page.ts',
  external: (id) => id.endsWith('/ceop-stats.js'),
  makeAbsoluteExternalsRelative: false,
  output: {
    file: 'dist/embed.js',
    format: 'es',
    sourcemap: true,
    paths: (id) => (id.endsWith('/ceop-stats.js') ? './ceop-stats-element.js' : id),
  },
  plugins: [...minify(), copyFiles({ 'src/embed/embed.html': 'embed.html' }), minifiedCssFile('src/embed/embed.css', 'embed.css')],
};

/** dist/embed-resize.js, for the page around the iframes: a classic script, pasted beside the iframe code. */
const embedResize = {
  input: 'src/embed/embed-resize.ts',
  output: { file: 'dist/embed-resize.js', format: 'iife' },
  plugins: [esbuild({ target: 'es2019', tsconfig: 'tsconfig.json' }), terser({ ecma: 2019, format: { comments: false } })],
};

export default [bundle, lib, libChart, embedPage, embedResize];

// For test/package/chart-js-range.test.mjs, which builds the chart chunk again with another Chart.js.
export { libChart };
