/**
 * Minifies the CSS of every css`` template (Lit's tag, and the chart
 * tooltip's, which gives a string: src/chart/year-tooltip.ts) in the code rollup
 * builds, with esbuild's CSS minifier: esbuild is already what compiles our
 * TypeScript, so this adds no dependency, and unlike a regex it parses the
 * CSS, so a string, a url() or a custom property's value is never mangled.
 * The JavaScript minifier leaves template text alone, and the styles are a
 * large part of the element's chunk.
 *
 * It runs after TypeScript is compiled, on JavaScript, so the templates are
 * found by rollup's own parser, not by a pattern. An interpolation
 * (`${darkPalette}`, `${unsafeCSS(x)}`) becomes a placeholder identifier,
 * which esbuild keeps where it stands (a declaration list, a value, a
 * selector), and is put back as written; a template that would lose one
 * fails the build rather than ship without it. A template with no rule of
 * its own (a declaration list, such as a palette spliced into rules) is
 * minified inside a stand-in rule.
 */
import { transform } from 'esbuild';

const PLACEHOLDER = (index) => `__css_template_value_${index}__`;

/** Every tagged template `css\`…\`` in a rollup AST; one inside another's interpolation stays as written, with it. */
function cssTemplates(node, found = []) {
  if (!node || typeof node.type !== 'string') return found;
  if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && node.tag.name === 'css') {
    found.push(node.quasi);
    return found;
  }
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) value.forEach((child) => cssTemplates(child, found));
    else if (value && typeof value === 'object') cssTemplates(value, found);
  }
  return found;
}

/** The minified CSS of a template's text, with its interpolations' placeholders where they were. */
export async function minifyCss(text) {
  const declarations = !text.includes('{');
  const { code } = await transform(declarations ? `:x{${text}}` : text, { loader: 'css', minify: true, logLevel: 'silent' });
  const css = code.trim();
  return declarations ? css.slice(':x{'.length, -1) : css;
}

/** The template's source with its CSS minified; `source` is the module's code, for the interpolations as written. */
async function minifiedTemplate(quasi, source) {
  const text = quasi.quasis
    .map((element, index) => element.value.cooked + (index < quasi.expressions.length ? PLACEHOLDER(index) : ''))
    .join('');
  let css = await minifyCss(text);
  // Back into a template literal: its own escapes, then each interpolation as written.
  css = css.replace(/[\\`]|\$\{/g, (match) => `\\${match}`);
  quasi.expressions.forEach((expression, index) => {
    const parts = css.split(PLACEHOLDER(index));
    if (parts.length !== 2)
      throw new Error(`the CSS minifier lost or copied the interpolation \${${source.slice(expression.start, expression.end)}}`);
    css = parts.join(`\${${source.slice(expression.start, expression.end)}}`);
  });
  return `\`${css}\``;
}

export function minifyCssTemplates() {
  return {
    name: 'minify-css-templates',
    async transform(code, id) {
      if (!/\/src\/.*\.[cm]?[jt]s$/.test(id) || !code.includes('css`')) return null;
      const templates = cssTemplates(this.parse(code)).sort((a, b) => a.start - b.start);
      if (!templates.length) return null;
      let out = '';
      let at = 0;
      for (const quasi of templates) {
        const replaced = code.slice(quasi.start, quasi.end);
        // The lines the CSS took stay as line breaks after it, so every later line keeps its place in the source map.
        const lines = replaced.split('\n').length - 1;
        out += code.slice(at, quasi.start) + (await minifiedTemplate(quasi, code)) + '\n'.repeat(lines);
        at = quasi.end;
      }
      return { code: out + code.slice(at), map: null };
    },
  };
}
