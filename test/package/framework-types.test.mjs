/**
 * `npm run test:node` (after `npm run build`): the types a React, Vue or
 * Svelte app gets from `ceop-stats/react`, `/vue` and `/svelte`, checked by
 * TypeScript (strict) in a user project as the app's own type checker would:
 * each attribute takes its allowed values and no other, and each event
 * listener gets its event's `detail`. Every `@ts-expect-error` below is a
 * check too: TypeScript reports one that has no error to expect.
 *
 * Vue and Svelte check templates with their own tools (vue-tsc,
 * svelte-check), which read the very interfaces checked here: Vue's
 * `GlobalComponents` and Svelte's `SvelteHTMLElements`.
 */
import assert from 'node:assert/strict';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import ts from 'typescript';
import { userProject } from './user-project.mjs';

const root = join(import.meta.dirname, '../..');

/** Type errors in `file` (and in our declaration files) for a strict project with the app's usual settings. */
function typeErrors(project, file, source) {
  writeFileSync(join(project, file), source);
  const program = ts.createProgram([join(project, file)], {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    noEmit: true,
    types: [],
  });
  const ours = program
    .getSourceFiles()
    .filter((source) => source.fileName.startsWith(join(root, 'dist')) || source.fileName.endsWith(file));
  return [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...ours.flatMap((source) => [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]),
  ].map((diagnostic) => {
    const where = diagnostic.file
      ? `${diagnostic.file.fileName.replace(root, '<package>').replace(project, '<app>')}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}: `
      : '';
    return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  });
}

describe('framework types', () => {
  const project = userProject('ceop-stats-types-');
  before(() => {
    for (const name of ['react', '@types', 'vue', 'svelte']) {
      symlinkSync(join(root, 'node_modules', name), join(project.path(), 'node_modules', name), 'dir');
    }
  });

  test('React: <CeopStats> and the bare <ceop-stats> take the allowed values, and their listeners the detail', () => {
    const errors = typeErrors(
      project.path(),
      'app.tsx',
      `import { useRef } from 'react';
import { CeopStats, type CeopStatsElement } from 'ceop-stats/react';

export function Page() {
  const element = useRef<CeopStatsElement>(null);
  return (
    <>
      <CeopStats
        ref={element}
        metric="arrests"
        from="2008"
        highlight="latest"
        theme="dark"
        noAnimation
        sourceUrl="https://example.org/"
        className="figures"
        onReady={(event) => console.log(event.detail.metric, event.detail.years.length)}
        onError={(event) => console.log(event.detail.code === 'timeout', event.detail.message)}
      >
        <table />
      </CeopStats>
      <CeopStats metric="my-own-measure" />
      {/* @ts-expect-error highlight is records, latest or none */}
      <CeopStats highlight="max" />
      {/* @ts-expect-error credentials is omit, same-origin or include */}
      <CeopStats credentials="always" />
      {/* @ts-expect-error the year is a number */}
      <CeopStats from="last year" />
      <CeopStats
        onError={(event) => {
          // @ts-expect-error the error's detail has a code and a message only
          console.log(event.detail.metric);
        }}
      />
      <ceop-stats
        metric="arrests"
        no-animation
        source-label="CEOP"
        onceop-stats-ready={(event) => console.log(event.detail.years.join())}
        onceop-stats-error={(event) => console.log(event.detail.code)}
      />
      {/* @ts-expect-error theme is light, dark or auto */}
      <ceop-stats theme="blue" />
    </>
  );
}
`,
    );
    assert.deepEqual(errors, []);
  });

  test("Vue: GlobalComponents['ceop-stats'] types the template's attributes and @ceop-stats-ready", () => {
    const errors = typeErrors(
      project.path(),
      'vue-app.ts',
      `import type { GlobalComponents } from 'vue';
import 'ceop-stats/vue';

type Instance = InstanceType<GlobalComponents['ceop-stats']>;
const props: Instance['$props'] = { metric: 'arrests', noAnimation: true, highlight: 'none', timeout: '5000', class: 'figures' };
// @ts-expect-error highlight is records, latest or none
const wrong: Instance['$props'] = { highlight: 'max' };
declare const emit: Instance['$emit'];
emit('ceop-stats-ready', new CustomEvent('ceop-stats-ready', { detail: { metric: 'arrests', years: ['2010/11'] } }));
// @ts-expect-error the error event's detail is { code, message }
emit('ceop-stats-error', new CustomEvent('ceop-stats-error', { detail: { metric: 'arrests' } }));
// @ts-expect-error no such event
emit('ceop-stats-done', new CustomEvent('x'));
console.log(props, wrong);
`,
    );
    assert.deepEqual(errors, []);
  });

  test("Svelte: SvelteHTMLElements['ceop-stats'] types the attributes and onceop-stats-ready", () => {
    const errors = typeErrors(
      project.path(),
      'svelte-app.ts',
      `import type { SvelteHTMLElements } from 'svelte/elements';
import 'ceop-stats/svelte';

type Attributes = SvelteHTMLElements['ceop-stats'];
const attributes: Attributes = {
  metric: 'networks',
  'no-animation': true,
  'source-url': 'https://example.org/',
  class: 'figures',
  'onceop-stats-ready': (event) => console.log(event.detail.metric, event.detail.years.length),
  'onceop-stats-error': (event) => console.log(event.detail.code),
};
// @ts-expect-error theme is light, dark or auto
const wrong: Attributes = { theme: 'blue' };
const listener: Attributes = {
  // @ts-expect-error the ready event's detail has no code
  'onceop-stats-ready': (event) => console.log(event.detail.code),
};
console.log(attributes, wrong, listener);
`,
    );
    assert.deepEqual(errors, []);
  });
});
