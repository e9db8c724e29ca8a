/**
 * Test-server plugin: the README's framework snippets, compiled in Node as a
 * reader's build would compile them, served as ES modules so a test can mount
 * them with the real framework runtime.
 *
 *   /readme-snippet/react.js   the ```jsx block under "React 19"; exports the component
 *                              (default), `CeopStats` of ceop-stats/react, createElement,
 *                              useLayoutEffect, createRoot, hydrateRoot and renderToString
 *   /readme-snippet/vue.js     the ```vue block under "Vue 3", compiled with the compiler
 *                              options of the ```js Vite config beside it; exports the
 *                              component (default) and createApp
 *   /readme-snippet/svelte.js  the ```svelte block under "Svelte 5"; exports the component
 *                              (default), mount, unmount and the compiler's warnings
 *   /readme-snippet/reserve.css  the ```css block under "Room before the script loads", as written
 *
 * The README is read on every request, so a test always runs what the README says now.
 * A snippet's `import 'ceop-stats'` (or `/vue`, `/svelte`, `/react`) is resolved
 * to this repo's source, and each framework runs its development build, or its
 * production build under MODE=prod.
 */
import { Buffer } from 'node:buffer';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import * as esbuild from 'esbuild';
import { compile as compileSvelte } from 'svelte/compiler';
import { compileScript, parse as parseSfc } from 'vue/compiler-sfc';

const PREFIX = '/readme-snippet/';
/** The package's entries, as the test server serves their source. */
const SOURCE_ENTRIES = {
  'ceop-stats': '/src/ceop-stats.ts',
  'ceop-stats/vue': '/src/vue.ts',
  'ceop-stats/svelte': '/src/svelte.ts',
};

/** The body of the first ```language block in the README section under `heading` (any level). */
export function readmeBlock(readme, heading, language) {
  const lines = readme.split('\n');
  const start = lines.findIndex((line) => /^#+ /.test(line) && line.replace(/^#+ /, '') === heading);
  if (start < 0) throw new Error(`README has no heading "${heading}"`);
  const level = /^#+/.exec(lines[start])[0].length;
  // The section ends at the next heading of the same or a higher level.
  let end = lines.findIndex((line, i) => i > start && new RegExp(`^#{1,${level}} `).test(line));
  if (end < 0) end = lines.length;
  const section = lines.slice(start + 1, end).join('\n');
  const match = new RegExp('^```' + language + '\\n([\\s\\S]*?)^```', 'm').exec(section);
  if (!match) throw new Error(`README has no \`\`\`${language} block under "${heading}"`);
  return match[1];
}

/** A module that fails to import with the compiler's message, so the test shows why. */
const failingModule = (error) => `throw new Error(${JSON.stringify(`README snippet did not compile: ${error.message ?? error}`)});`;

/**
 * React publishes CommonJS only, which a browser cannot import: esbuild bundles
 * the snippet with React and React DOM into one module (one React, so hooks and
 * the root share it), as a reader's bundler would. NODE_ENV picks React's
 * development or production build. ceop-stats/react is bundled from its source
 * for the same reason (it imports React); its own imports of the element stay
 * the test server's, so the page has one element class.
 */
async function reactModule(readme, production) {
  const jsx = readmeBlock(readme, 'React 19', 'jsx');
  const result = await esbuild.build({
    stdin: {
      contents: [
        "export { default } from 'readme:snippet';",
        "export { CeopStats } from 'ceop-stats/react';",
        "export { createElement, useLayoutEffect } from 'react';",
        "export { createRoot, hydrateRoot } from 'react-dom/client';",
        "export { renderToString } from 'react-dom/server';",
      ].join('\n'),
      resolveDir: process.cwd(),
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    target: 'es2021',
    write: false,
    jsx: 'automatic',
    jsxDev: !production,
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
    // Left for the test server to resolve to the repo's source (see resolveImport).
    external: ['ceop-stats', 'ceop-stats/vue', 'ceop-stats/svelte'],
    logLevel: 'silent',
    plugins: [
      {
        name: 'readme-snippet',
        setup(build) {
          build.onResolve({ filter: /^readme:snippet$/ }, () => ({ path: 'ArrestsChart.jsx', namespace: 'readme' }));
          build.onLoad({ filter: /.*/, namespace: 'readme' }, () => ({ contents: jsx, loader: 'jsx', resolveDir: process.cwd() }));
          build.onResolve({ filter: /^ceop-stats\/react$/ }, () => ({ path: join(process.cwd(), 'src', 'react.ts') }));
          // The component's imports of the element, its names and helpers: the test server's modules.
          build.onResolve({ filter: /^\.\.?\// }, ({ path, importer }) =>
            importer.endsWith(join('src', 'react.ts'))
              ? { path: posix.join('/src', path.replace(/\.js$/, '.ts')), external: true }
              : undefined,
          );
        },
      },
    ],
  });
  return result.outputFiles[0].text;
}

/**
 * The README's vite.config.js, run with stand-ins for `vite` and
 * `@vitejs/plugin-vue` (neither is installed), for the template compiler
 * options it gives the Vue plugin.
 */
async function viteCompilerOptions(configSource) {
  const result = await esbuild.build({
    stdin: { contents: configSource, loader: 'js', resolveDir: process.cwd() },
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'vite-stand-ins',
        setup(build) {
          build.onResolve({ filter: /^(vite|@vitejs\/plugin-vue)$/ }, ({ path }) => ({ path, namespace: 'stand-in' }));
          build.onLoad({ filter: /.*/, namespace: 'stand-in' }, ({ path }) => ({
            contents:
              path === 'vite'
                ? 'export const defineConfig = (config) => config;'
                : "export default (options = {}) => ({ name: 'vite:vue', options });",
            loader: 'js',
          }));
        },
      },
    ],
  });
  const url = `data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`;
  const config = (await import(url)).default;
  const vue = (config.plugins ?? []).flat().find((plugin) => plugin?.name === 'vite:vue');
  if (!vue) throw new Error('the README Vite config does not use @vitejs/plugin-vue');
  return vue.options.template?.compilerOptions ?? {};
}

/** The SFC through vue/compiler-sfc, as @vitejs/plugin-vue compiles a `<script setup>` component. */
async function vueModule(readme, production) {
  const source = readmeBlock(readme, 'Vue 3', 'vue');
  const compilerOptions = await viteCompilerOptions(readmeBlock(readme, 'Vue 3', 'js'));
  // The parse already tells elements from components, so it needs the options too, as the Vite plugin gives them.
  const { descriptor, errors } = parseSfc(source, { filename: 'ArrestsChart.vue', templateParseOptions: compilerOptions });
  if (errors.length) throw errors[0];
  if (!descriptor.scriptSetup) throw new Error('the Vue snippet has no <script setup>');
  const script = compileScript(descriptor, {
    id: 'readme-vue',
    isProd: production,
    inlineTemplate: true,
    templateOptions: { compilerOptions },
  });
  return `${script.content}\nexport { createApp } from 'vue';\n`;
}

/** The component through svelte/compiler, client output, in dev mode unless production. */
async function svelteModule(readme, production) {
  const source = readmeBlock(readme, 'Svelte 5', 'svelte');
  const { js, warnings } = compileSvelte(source, { filename: 'ArrestsChart.svelte', generate: 'client', dev: !production });
  const messages = warnings.map((w) => `${w.code}: ${w.message}`);
  return `${js.code}\nexport { mount, unmount } from 'svelte';\nexport const compileWarnings = ${JSON.stringify(messages)};\n`;
}

const BUILDERS = {
  'react.js': reactModule,
  'vue.js': vueModule,
  'svelte.js': svelteModule,
  'reserve.css': async (readme) => readmeBlock(readme, 'Room before the script loads', 'css'),
};

/** @param {{ production: boolean }} options */
export function readmeSnippetsPlugin({ production }) {
  let rootDir = process.cwd();
  const browserPath = (...parts) => {
    const file = join(rootDir, 'node_modules', ...parts);
    if (!existsSync(file)) throw new Error(`readme-snippets plugin: ${file} is missing`);
    return `/${relative(rootDir, file).split(sep).join('/')}`;
  };
  let paths;

  return {
    name: 'readme-snippets',
    serverStart({ config }) {
      rootDir = config.rootDir;
      paths = {
        // Vue's bundler build reads process.env.NODE_ENV, which only a bundler replaces;
        // its browser builds are the same runtime with the mode fixed.
        vue: browserPath('vue', 'dist', production ? 'vue.runtime.esm-browser.prod.js' : 'vue.runtime.esm-browser.js'),
        // The test server resolves packages without the "browser" export condition that
        // Vite and other app bundlers use: Svelte's bare entry would be its server build,
        // and esm-env would say BROWSER is false under the "development" condition.
        svelte: browserPath('svelte', 'src', 'index-client.js'),
        esmEnvBrowser: browserPath('esm-env', 'true.js'),
        esmEnvDir: browserPath('esm-env', 'package.json').replace(/package\.json$/, ''),
      };
    },

    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const build = BUILDERS[context.path.slice(PREFIX.length)];
      if (!build) return undefined;
      try {
        const readme = await readFile(join(rootDir, 'README.md'), 'utf8');
        return { body: await build(readme, production), type: context.path.endsWith('.css') ? 'css' : 'js' };
      } catch (error) {
        if (context.path.endsWith('.css')) throw error;
        return { body: failingModule(error), type: 'js' };
      }
    },

    resolveImport({ source, context }) {
      if (context.path.startsWith(PREFIX)) {
        if (Object.hasOwn(SOURCE_ENTRIES, source)) return SOURCE_ENTRIES[source];
        if (source === 'vue') return paths.vue;
        if (source === 'svelte') return paths.svelte;
      }
      if (source === 'esm-env/browser' && context.path.startsWith(paths.esmEnvDir)) return paths.esmEnvBrowser;
      return undefined;
    },
  };
}
