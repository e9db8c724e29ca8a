import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import tseslint from 'typescript-eslint';

const nodeAndBrowserGlobals = {
  process: 'readonly',
  console: 'readonly',
  URL: 'readonly',
  setTimeout: 'readonly',
  fetch: 'readonly',
  window: 'readonly',
  document: 'readonly',
  PerformanceObserver: 'readonly',
  performance: 'readonly',
  AbortSignal: 'readonly',
};

export default tseslint.config(
  // .scratch/ and screenshots/ are a session's own, ignored by git too.
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test-results/', 'wordpress/ceop-stats/dist/', '.scratch/', 'screenshots/'] },
  // A SvelteKit app with its own tsconfig and dependencies, which svelte-check checks in its test.
  { ignores: ['test/apps/sveltekit/'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.strictTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // With noUncheckedIndexedAccess, `!` marks an index known to be in range.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  lit.configs['flat/recommended'],
  {
    plugins: { 'lit-a11y': litA11y },
    rules: litA11y.configs.recommended.rules,
  },
  // Small enough to read at once: no function in src/ over 60 lines, and the element's own methods under 40 in a file of about 300.
  {
    files: ['src/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['src/element/ceop-stats-element.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 40, skipBlankLines: true, skipComments: true }],
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      // chai's typings make every assertion thenable.
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: nodeAndBrowserGlobals },
  },
  {
    // The block editor's script: a classic browser script, run by WordPress with its wp globals.
    files: ['wordpress/**/*.js'],
    languageOptions: { sourceType: 'script' },
  },
);
