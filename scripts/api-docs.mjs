/**
 * `npm run api`: writes custom-elements.json from the JSDoc in
 * src/element/ceop-stats-element.ts, then rewrites README.md's API tables from that
 * manifest, between markers such as
 *
 *   <!-- api:attributes -->
 *   …generated…
 *   <!-- /api:attributes -->
 *
 * `npm run api -- --check` (`npm run api:check`) writes nothing: it exits
 * non-zero, naming what differs, when either file on disk is not what this
 * script would write, so that CI fails when the docs drift from the code.
 *
 * It also writes src/frameworks/names.ts, the attribute and event names
 * that React's, Vue's and Svelte's types and the React component are built
 * on, so that they cannot drift from the element either.
 *
 * The JSDoc is the one source: a field's description becomes the "values"
 * column, and a last sentence "Default: …" the "default" column (otherwise
 * the field's initializer is used). The analyzer's CLI is not used because it
 * also rewrites package.json; its programmatic API is the same analysis.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { posix } from 'node:path';
import { create, ts as analyzerTs } from '@custom-elements-manifest/analyzer';
import ts from 'typescript';

const TAG = 'ceop-stats';
/** The element, and the entry that defines it (for its exports and the tag). */
const SOURCES = ['src/element/ceop-stats-element.ts', 'src/ceop-stats-element.ts', 'src/ceop-stats.ts'];
const MANIFEST = 'custom-elements.json';
const README = 'README.md';
/** Every attribute, its name and default: the element's properties are made from this table, which the analyzer cannot follow. */
const ATTRIBUTE_TABLE = 'src/model/attribute-table.ts';
/** The attribute and event names that the framework types (src/frameworks/) are built on. */
const FRAMEWORK_NAMES = 'src/frameworks/names.ts';

/** The manifest describes the files users get: dist/lib/x.js, built from src/x.ts. */
function shippedPath(path) {
  return path.replace(/^src\/(.*)\.(ts|js)$/, 'dist/lib/$1.js');
}

/**
 * The entry registers the element through defineOnce(), which the analyzer
 * does not know as a customElements.define() call: without this the
 * manifest has no tag name.
 */
function defineOnceCallsPlugin() {
  return {
    name: 'ceop-stats: defineOnce calls',
    analyzePhase({ ts: t, node, moduleDoc }) {
      if (!t.isCallExpression(node) || node.expression.getText() !== 'defineOnce') return;
      const [tag, klass] = node.arguments;
      if (!tag || !klass || !t.isStringLiteral(tag) || !t.isIdentifier(klass)) return;
      const name = klass.text;
      const imported = node
        .getSourceFile()
        .statements.filter(t.isImportDeclaration)
        .find((statement) => statement.importClause?.namedBindings?.elements?.some((element) => element.name.text === name));
      const module = imported ? posix.join(posix.dirname(moduleDoc.path), imported.moduleSpecifier.text) : moduleDoc.path;
      moduleDoc.exports.push({ kind: 'custom-element-definition', name: tag.text, declaration: { name, module } });
    },
  };
}

/**
 * The analyzer lists `export type { … }` as JavaScript exports; they do not
 * exist at run time, so they are dropped.
 */
function typeOnlyExportsPlugin() {
  const typeOnly = new Map();
  return {
    name: 'ceop-stats: type-only exports',
    analyzePhase({ ts: t, node, moduleDoc }) {
      if (!t.isExportDeclaration(node) || !node.exportClause || !t.isNamedExports(node.exportClause)) return;
      const names = typeOnly.get(moduleDoc.path) ?? new Set();
      for (const element of node.exportClause.elements) {
        if (node.isTypeOnly || element.isTypeOnly) names.add(element.name.text);
      }
      typeOnly.set(moduleDoc.path, names);
    },
    moduleLinkPhase({ moduleDoc }) {
      const names = typeOnly.get(moduleDoc.path);
      if (names) moduleDoc.exports = moduleDoc.exports.filter((entry) => entry.kind !== 'js' || !names.has(entry.name));
    },
  };
}

/**
 * The attribute table's rows, read from its literal: property, attribute
 * name, and default as the analyzer writes one (`'records'`).
 */
function readAttributeTable() {
  const file = ts.createSourceFile(ATTRIBUTE_TABLE, readFileSync(ATTRIBUTE_TABLE, 'utf8'), ts.ScriptTarget.ES2021, true);
  let literal;
  const visit = (node) => {
    if (ts.isVariableDeclaration(node) && node.name.getText() === 'ATTRIBUTES') literal = node.initializer;
    else ts.forEachChild(node, visit);
  };
  visit(file);
  while (literal && (ts.isSatisfiesExpression(literal) || ts.isAsExpression(literal))) literal = literal.expression;
  if (!literal || !ts.isObjectLiteralExpression(literal)) throw new Error(`${ATTRIBUTE_TABLE}: no ATTRIBUTES object literal`);
  return literal.properties.map((row) => {
    const fields = Object.fromEntries(row.initializer.properties.map((field) => [field.name.getText(), field.initializer]));
    const text = (node) => (node && ts.isStringLiteral(node) ? node.text : undefined);
    const byDefault = text(fields.default);
    // Without its own name, an attribute is named as Lit names it: the property in lower case.
    const property = row.name.getText();
    return { property, attribute: text(fields.attribute) ?? property.toLowerCase(), default: byDefault && `'${byDefault}'` };
  });
}

/**
 * The element's attributes are the table's rows, in its order, each with its
 * field's type and documentation; the analyzer would otherwise list only what
 * it can see in a literal `static properties`.
 */
function attributeTablePlugin() {
  const rows = readAttributeTable();
  return {
    name: 'ceop-stats: attribute table',
    packageLinkPhase({ customElementsManifest }) {
      const element = customElementsManifest.modules.flatMap((module) => module.declarations ?? []).find((d) => d.tagName === TAG);
      if (!element) return;
      const rowOf = new Map(rows.map((row) => [row.property, row]));
      // A reflected property is public, as Lit's plugin marks one it finds; its keys keep the analyzer's order.
      element.members = (element.members ?? []).map((member) => {
        const row = rowOf.get(member.name);
        if (!row) return member;
        const { kind, name, type, description, default: byDefault } = member;
        const value = row.default ?? byDefault;
        return {
          kind,
          name,
          privacy: 'public',
          type,
          description,
          ...(value && { default: value }),
          attribute: row.attribute,
          reflects: true,
        };
      });
      const fields = new Map(element.members.map((member) => [member.name, member]));
      element.attributes = rows.map((row) => {
        const field = fields.get(row.property);
        if (!field) throw new Error(`${ATTRIBUTE_TABLE}: ${row.property} has no field in the element`);
        const { type, default: byDefault, description } = field;
        return { name: row.attribute, type, ...(byDefault && { default: byDefault }), description, fieldName: row.property };
      });
    },
  };
}

/**
 * A `@returns` tag without a {type} makes the analyzer forget the method's
 * TypeScript return type, and it never keeps the tag's text: both are put back.
 */
function methodReturnsPlugin() {
  const returns = new Map();
  return {
    name: 'ceop-stats: method returns',
    analyzePhase({ ts: t, node }) {
      if (!t.isMethodDeclaration(node) || !t.isClassDeclaration(node.parent) || !node.parent.name) return;
      const tag = t.getJSDocReturnTag(node);
      const description = typeof tag?.comment === 'string' ? tag.comment : tag?.comment?.map((part) => part.text).join('');
      returns.set(`${node.parent.name.text}.${node.name.getText()}`, { type: node.type?.getText(), description });
    },
    moduleLinkPhase({ moduleDoc }) {
      for (const declaration of moduleDoc.declarations) {
        for (const member of declaration.members ?? []) {
          const found = member.kind === 'method' && returns.get(`${declaration.name}.${member.name}`);
          if (!found) continue;
          member.return ??= { type: { text: '' } };
          if (!member.return.type?.text && found.type) member.return.type = { text: found.type };
          if (found.description) member.return.description = found.description;
        }
      }
    },
  };
}

/** What Lit reads from the class: how the element is made, not what a page uses. */
const LIT_STATICS = new Set(['styles', 'properties']);

/**
 * Private and protected members are implementation, not API; paths are made
 * those of the package. (The analyzer's Lit plugin, which would do some of
 * this, is not among its exports.)
 */
function publicPackagePlugin() {
  const relink = (reference) => {
    if (reference?.module) reference.module = shippedPath(reference.module);
  };
  return {
    name: 'ceop-stats: public API of the package',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const entry of module.exports ?? []) {
          // Re-exports name their module relative to the file: make it a package path like the others.
          if (entry.declaration?.module?.startsWith('.')) {
            entry.declaration.module = posix.join(posix.dirname(module.path), entry.declaration.module);
          }
          relink(entry.declaration);
        }
        for (const declaration of module.declarations ?? []) {
          if (declaration.members) {
            declaration.members = declaration.members.filter(
              (member) => member.privacy !== 'private' && member.privacy !== 'protected' && !LIT_STATICS.has(member.static && member.name),
            );
          }
          relink(declaration.superclass);
          for (const member of declaration.members ?? []) relink(member.inheritedFrom);
        }
        module.path = shippedPath(module.path);
      }
    },
  };
}

function analyze() {
  const modules = SOURCES.map((path) =>
    analyzerTs.createSourceFile(path, readFileSync(path, 'utf8'), analyzerTs.ScriptTarget.ES2021, true),
  );
  return create({
    modules,
    plugins: [attributeTablePlugin(), defineOnceCallsPlugin(), typeOnlyExportsPlugin(), methodReturnsPlugin(), publicPackagePlugin()],
  });
}

function elementOf(manifest) {
  const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.tagName === TAG);
  if (elements.length !== 1) throw new Error(`expected one class for <${TAG}> in the manifest, found ${elements.length}`);
  return elements[0];
}

/**
 * Event details are interfaces, which a manifest cannot describe: their
 * fields are read from the source with the TypeScript checker, so that an
 * alias such as ProblemCode is spelled out as its values.
 */
function detailReader() {
  const program = ts.createProgram(SOURCES, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const exported = new Map();
  for (const path of SOURCES) {
    const file = program.getSourceFile(path);
    const module = file && checker.getSymbolAtLocation(file);
    for (const symbol of module ? checker.getExportsOfModule(module) : []) exported.set(symbol.name, symbol);
  }
  const typeText = (type) =>
    type.isUnion() && type.types.every((member) => member.isStringLiteral())
      ? type.types.map((member) => JSON.stringify(member.value)).join(' | ')
      : checker.typeToString(type);
  return (typeName) => {
    const symbol = exported.get(typeName);
    if (!symbol) return undefined;
    const type = checker.getDeclaredTypeOfSymbol(symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
    const fields = type.getProperties().map((property) => {
      const optional = property.flags & ts.SymbolFlags.Optional ? '?' : '';
      const fieldType = checker.getNonNullableType(checker.getTypeOfSymbol(property));
      return `${property.name}${optional}: ${typeText(fieldType)}`;
    });
    return `{ ${fields.join(', ')} }`;
  };
}

/* Markdown: every generated cell is one line, and a pipe would end the cell, even in a code span. */
const cell = (text) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\|/g, '\\|');
const code = (text) => `\`${text}\``;
const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');

/** "… Default: x." at the end of a description: the description without it, and x. */
function splitDefault(description = '') {
  const match = /^([\s\S]*?)\s*\bDefault: ([\s\S]*?)\.?\s*$/.exec(description);
  return match ? { text: match[1], stated: match[2] } : { text: description, stated: undefined };
}

/** An initializer as the value a reader would write: `'records'` is `records`. */
function initializerText(value, type) {
  if (value === undefined) return '';
  if (type === 'boolean' && value === 'false') return 'absent';
  return code(value.replace(/^(['"`])(.*)\1$/, '$2'));
}

/** CSS values in a prose default (`#1f2328`, `240px`) are set as code. */
const cssValues = (text) =>
  text.includes('`') ? text : text.replace(/#[0-9a-f]{3,8}\b|\b\d+(\.\d+)?(px|em|rem|%|ms|s)\b/gi, (value) => code(value));

function renderAttributes(element) {
  const fields = new Map((element.members ?? []).map((member) => [member.name, member]));
  return table(
    ['attribute', 'property', 'values', 'default'],
    (element.attributes ?? []).map((attribute) => {
      const field = attribute.fieldName ? fields.get(attribute.fieldName) : undefined;
      const { text, stated } = splitDefault(attribute.description ?? field?.description);
      const type = (attribute.type ?? field?.type)?.text;
      const values = type === 'boolean' ? `Boolean (present or absent). ${text}` : text;
      const byDefault = stated ?? initializerText(attribute.default ?? field?.default, type);
      return [code(attribute.name), attribute.fieldName ? code(attribute.fieldName) : '', values, byDefault || 'not set'];
    }),
  );
}

/** Public properties with no attribute; nothing at all when there are none. */
function renderProperties(element) {
  const attributed = new Set((element.attributes ?? []).map((attribute) => attribute.fieldName));
  const properties = (element.members ?? []).filter((member) => member.kind === 'field' && !member.static && !attributed.has(member.name));
  if (properties.length === 0) return '';
  return [
    'Properties with no attribute, set from JavaScript:',
    '',
    table(
      ['property', 'type', 'what it is', 'default'],
      properties.map((property) => {
        const { text, stated } = splitDefault(property.description);
        return [
          code(property.name),
          property.type ? code(property.type.text) : '',
          `${property.readonly ? 'Read-only. ' : ''}${text}`,
          stated ?? initializerText(property.default, property.type?.text),
        ];
      }),
    ),
  ].join('\n');
}

function renderEvents(element, readDetail) {
  return table(
    ['event', 'when', '`detail`'],
    (element.events ?? []).map((event) => {
      const typeName = /^CustomEvent<(.+)>$/.exec(event.type?.text ?? '')?.[1];
      const shape = typeName && readDetail(typeName);
      const detail = typeName ? `${code(typeName)}${shape ? `: ${code(shape)}` : ''}` : 'none';
      return [code(event.name), event.description, detail];
    }),
  );
}

function renderMethods(element) {
  const methods = (element.members ?? []).filter((member) => member.kind === 'method' && !member.static);
  if (methods.length === 0) return 'None.';
  return table(
    ['method', 'what it does'],
    methods.map((method) => {
      const parameters = (method.parameters ?? []).map((p) => `${p.name}${p.optional ? '?' : ''}${p.type ? `: ${p.type.text}` : ''}`);
      const signature = `${method.name}(${parameters.join(', ')})${method.return?.type?.text ? `: ${method.return.type.text}` : ''}`;
      const described = (method.parameters ?? []).filter((p) => p.description).map((p) => `${code(p.name)}: ${p.description}`);
      const returned = method.return?.description
        ? `Returns ${method.return.description.replace(/^./, (first) => first.toLowerCase())}`
        : '';
      return [code(signature), [method.description, ...described, returned].filter(Boolean).join(' ')];
    }),
  );
}

function renderCssProperties(element) {
  return table(
    ['property', 'default', 'what it sets'],
    (element.cssProperties ?? []).map((property) => [
      code(property.name),
      property.default ? cssValues(property.default) : '',
      property.description,
    ]),
  );
}

const renderParts = (element) =>
  table(
    ['part', 'what it is'],
    (element.cssParts ?? []).map((part) => [code(part.name), part.description]),
  );

const renderSlots = (element) =>
  table(
    ['slot', 'what goes in it'],
    (element.slots ?? []).map((slot) => [slot.name ? code(slot.name) : 'default (no name)', slot.description]),
  );

const RENDERERS = {
  attributes: renderAttributes,
  properties: renderProperties,
  events: renderEvents,
  methods: renderMethods,
  'css-properties': renderCssProperties,
  'css-parts': renderParts,
  slots: renderSlots,
};

/** Fills every `<!-- api:kind -->…<!-- /api:kind -->` block in the README. */
function fillReadme(readme, element, readDetail) {
  const seen = new Set();
  const filled = readme.replace(/<!-- api:([a-z-]+) -->\n[\s\S]*?<!-- \/api:\1 -->/g, (_, kind) => {
    const render = RENDERERS[kind];
    if (!render) throw new Error(`${README}: unknown block "api:${kind}"; known: ${Object.keys(RENDERERS).join(', ')}`);
    seen.add(kind);
    const body = render(element, readDetail);
    return `<!-- api:${kind} -->\n${body ? `${body}\n` : ''}<!-- /api:${kind} -->`;
  });
  const unclosed = [...readme.matchAll(/<!-- api:([a-z-]+) -->/g)].map((match) => match[1]).filter((kind) => !seen.has(kind));
  if (unclosed.length) throw new Error(`${README}: no closing <!-- /api:${unclosed[0]} --> for <!-- api:${unclosed[0]} -->`);
  return filled;
}

const jsdoc = (text, indent = '  ') => (text ? `${indent}/** ${cell(text).replace(/\\\|/g, '|').replace(/\*\//g, '*\\/')} */\n` : '');

/**
 * The names, with their documentation, that src/frameworks/ types each
 * framework's template with. Only names are generated: each value's type is
 * the element's own property type (`CeopStats['highlight']`), so the allowed
 * values are written once, in the element.
 */
function renderFrameworkNames(element) {
  const fields = new Map((element.members ?? []).map((member) => [member.name, member]));
  const attributes = (element.attributes ?? []).filter((attribute) => attribute.fieldName);
  const events = element.events ?? [];
  const detailOf = (event) => /^CustomEvent<(.+)>$/.exec(event.type?.text ?? '')?.[1];
  const details = [...new Set(events.map(detailOf).filter(Boolean))].sort();
  return `// Generated by \`npm run api\` (scripts/api-docs.mjs) from the JSDoc of <${TAG}>: do not edit.
import type { ${details.join(', ')} } from '../ceop-stats-element.js';

/** Each attribute of <${TAG}>, by the name of the property it reflects. */
export const ATTRIBUTE_NAMES = {
${attributes
  .map((attribute) => {
    const { text } = splitDefault(attribute.description ?? fields.get(attribute.fieldName)?.description);
    return `${jsdoc(text)}  ${attribute.fieldName}: '${attribute.name}',\n`;
  })
  .join('')}} as const;

/** The events of <${TAG}>, by name. */
export interface CeopStatsEventMap {
${events.map((event) => `${jsdoc(event.description)}  '${event.name}': CustomEvent<${detailOf(event)}>;\n`).join('')}}
`;
}

function firstDifference(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  const line = a.findIndex((text, index) => text !== b[index]);
  const at = line === -1 ? a.length : line;
  return `line ${at + 1}:\n  on disk:   ${a[at] ?? '(end of file)'}\n  generated: ${b[at] ?? '(end of file)'}`;
}

const check = process.argv.includes('--check');
const manifest = analyze();
const element = elementOf(manifest);
const outputs = [
  { path: MANIFEST, text: `${JSON.stringify(manifest, null, 2)}\n` },
  { path: README, text: fillReadme(readFileSync(README, 'utf8'), element, detailReader()) },
  { path: FRAMEWORK_NAMES, text: renderFrameworkNames(element) },
];

if (check) {
  const stale = outputs.filter(({ path, text }) => {
    let onDisk = '';
    try {
      onDisk = readFileSync(path, 'utf8');
    } catch {
      // A missing file is reported as stale below, like any other difference.
    }
    if (onDisk === text) return false;
    console.error(`${path} is not what the JSDoc in ${SOURCES[0]} generates; first difference at ${firstDifference(onDisk, text)}`);
    return true;
  });
  if (stale.length) {
    console.error(`\nRun \`npm run api\` and commit ${stale.map(({ path }) => path).join(', ')}.`);
    process.exit(1);
  }
  console.log(`${MANIFEST}, ${README}'s API tables and ${FRAMEWORK_NAMES} match the JSDoc.`);
} else {
  for (const { path, text } of outputs) {
    const onDisk = (() => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    })();
    if (onDisk !== text) writeFileSync(path, text);
    console.log(`${path}: ${onDisk === text ? 'unchanged' : 'written'}`);
  }
}
