import { defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { selectBrowsers, stopEnginesPlugin } from './test/infra/browsers.mjs';
import { START_BUDGET_MS } from './test/infra/webkit-launcher.mjs';
import { captureConsolePlugin } from './test/infra/capture-console-plugin.mjs';
import { devtoolsPlugin } from './test/infra/devtools-plugin.mjs';
import { readmeSnippetsPlugin } from './test/infra/readme-snippets-plugin.mjs';
import { serverLogPlugin } from './test/infra/server-log-plugin.mjs';
import { ssrPlugin } from './test/infra/ssr-plugin.mjs';
import { summaryReporter } from './test/infra/summary-reporter.mjs';
import { testApi } from './test/infra/test-api-plugin.mjs';
import { wordpressMiddleware, wordpressPlugin } from './test/infra/wordpress/plugin.mjs';

/**
 * The browser suite, in Chromium, Firefox and WebKit (see test/infra/browsers.mjs).
 * MODE=prod runs it against Lit's production build; the default is Lit's
 * development build, which adds runtime checks and warnings.
 */
const mode = process.env.MODE === 'prod' ? 'prod' : 'dev';

/**
 * Files that test only the built bundle (dist/), in pages of their own: the
 * bundle holds Lit's production build whatever the mode, so the prod run
 * would repeat their dev run exactly (112 s of it, measured in all three
 * engines). They run once, in dev.
 */
const BUNDLE_ONLY = ['builder', 'csp', 'demo', 'embed', 'wordpress'].map((name) => `test/integration/${name}.test.ts`);

/** The tests run the colour stand-in the bundle ships in place of Chart.js's colour parser (rollup.config.mjs). */
const colorsAsGiven = {
  name: 'colors-as-given',
  resolveImport: ({ source }) => (source === '@kurkle/color' ? '/src/chart/color-as-given.ts' : undefined),
};

export default {
  files: ['test/**/*.test.ts', ...(mode === 'prod' ? BUNDLE_ONLY.map((file) => `!${file}`) : [])],
  nodeResolve: { exportConditions: mode === 'dev' ? ['development'] : [] },
  plugins: [
    colorsAsGiven,
    esbuildPlugin({ ts: true, target: 'es2021', tsconfig: 'tsconfig.json' }),
    stopEnginesPlugin,
    captureConsolePlugin,
    devtoolsPlugin,
    serverLogPlugin,
    readmeSnippetsPlugin({ production: mode === 'prod' }),
    ssrPlugin(),
    wordpressPlugin,
  ],
  middleware: [wordpressMiddleware, testApi],
  browsers: await selectBrowsers(),
  concurrentBrowsers: 3,
  // One test file at a time per browser: a page in the background gets no animation frames.
  concurrency: 1,
  // Hang guards, not measures. A file's start includes the new browsers test/infra/webkit-launcher.mjs may need (START_BUDGET_MS).
  browserStartTimeout: START_BUDGET_MS + 30000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 300000,
  reporters: [defaultReporter(), summaryReporter(`browser-${mode}`)],
  // A hang guard, not a measure: a test waits for what it means (test/helpers/eventually.ts), however slow the machine.
  testFramework: { config: { timeout: 60000 } },
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
};
