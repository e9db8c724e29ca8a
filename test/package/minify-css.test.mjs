/**
 * The build's CSS minifier (scripts/minify-css-templates.mjs): what a css``
 * template holds after it, as Lit reads it, and what the built chunks ship.
 * Part of `npm run test:node` (after `npm run build`).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { parseAst } from 'rollup/parseAst';
import { minifyCssTemplates } from '../../scripts/minify-css-templates.mjs';

const root = join(import.meta.dirname, '../..');

/** Runs the plugin on a module of src/ and imports the result, with Lit's own css tag. */
async function built(code) {
  const plugin = minifyCssTemplates();
  const out = await plugin.transform.call({ parse: (text) => parseAst(text) }, code, join(root, 'src/example.ts'));
  // Inside the project, so that `lit` resolves from its node_modules.
  const dir = mkdtempSync(join(root, 'test/.minify-css-'));
  try {
    const file = join(dir, 'module.mjs');
    writeFileSync(file, out ? out.code : code);
    return { code: out?.code, module: await import(pathToFileURL(file).href) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('css`` templates minified at build time', () => {
  test('comments and white space go; strings, escapes and custom properties stay as written', async () => {
    const { module } = await built(`import { css } from 'lit';
export const styles = css\`
  /* a comment */
  .quote::before {
    content: "\\\\201C  two  spaces";
    margin: 0.5em  1em;
  }
  .card { --_gap: calc(var(--x) * 2); }
\`;`);
    assert.equal(module.styles.cssText, '.quote:before{content:"\\201c  two  spaces";margin:.5em 1em}.card{--_gap: calc(var(--x) * 2)}');
  });

  test('interpolations, in a declaration list, a value and a selector, are kept where they stand, as written', async () => {
    const { code, module } = await built(`import { css, unsafeCSS } from 'lit';
const palette = css\`
  --_text: #111;
  color-scheme: light;
\`;
const side = 'left';
export const styles = css\`
  .card {
    \${palette}
  }
  .a { margin-\${unsafeCSS(side)}: \${4}px; }
  \${unsafeCSS('.b')} > p { color: red; }
\`;`);
    assert.match(code, /\$\{palette\}/);
    assert.match(code, /\$\{unsafeCSS\(side\)\}/);
    assert.equal(module.styles.cssText, '.card{--_text: #111;color-scheme:light}.a{margin-left:4px}.b>p{color:red}');
  });

  test('every line after a template keeps its number, so source maps still point at the source', async () => {
    const source = `import { css } from 'lit';\nexport const a = css\`\n  .a {\n    color: red;\n  }\n\`;\nexport const line = 7;\n`;
    const { code } = await built(source);
    assert.equal(code.split('\n').indexOf('export const line = 7;'), 6);
  });

  test("the built chunks ship minified CSS: the element's and the table's", () => {
    for (const file of ['dist/lib/element/ceop-stats.styles.js', 'dist/lib/element/data-table.js']) {
      const templates = readFileSync(join(root, file), 'utf8').match(/css`[^`]*`/g) ?? [];
      assert.ok(templates.length > 0, `${file} has css templates`);
      for (const template of templates) {
        assert.doesNotMatch(template, /\/\*|\n/, `${file}: a comment or a line break left in ${template.slice(0, 60)}…`);
      }
    }
  });
});
