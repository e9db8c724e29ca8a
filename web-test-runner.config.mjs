import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { summaryReporter } from './test/summary-reporter.mjs';

/**
 * The browser suite. MODE=prod runs it against Lit's production build; the
 * default is Lit's development build, which adds runtime checks and warnings.
 */
const mode = process.env.MODE === 'prod' ? 'prod' : 'dev';

const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--force-device-scale-factor=1',
  // Test pages run side by side; without these a page in the background gets no animation frames.
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
];

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: mode === 'dev' ? ['development'] : [] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2021', tsconfig: 'tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/lib/chromium/chromium',
        headless: true,
        args: chromiumFlags,
      },
    }),
  ],
  // One test file at a time per browser: a page left in the background gets no animation frames.
  concurrency: 1,
  reporters: [defaultReporter(), summaryReporter(`browser-${mode}`)],
  testFramework: { config: { timeout: 10000 } },
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
};
