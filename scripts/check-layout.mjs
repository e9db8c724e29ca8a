/**
 * `npm run layout:check`: the source's layers, and the README's map of them.
 *
 * Each folder of src/ is a layer, and a file imports only from its own layer
 * or those below it (static imports, type imports included); `import()` of a
 * lazy chunk may go anywhere, as loading code on demand does. Files at the top
 * of src/ and the folders of ENTRIES are the entries: they may import
 * anything. Then every file and folder of src/ must be in the README's
 * "Source layout" block, and everything it names must exist, so that the map
 * cannot drift from the tree.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/** The layers, lowest first. */
const LAYERS = ['model', 'messages', 'view', 'runtime', 'data', 'chart', 'element'];
/** Folders of entries and of chunks that are entries of their own, with the files at the top of src/. */
const ENTRIES = ['bundle', 'downloads', 'embed', 'frameworks', 'server'];
const README = 'README.md';

const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
const sources = files('src').map((path) => relative('src', path));

function layerOf(path) {
  const folder = path.includes('/') ? path.split('/')[0] : undefined;
  if (folder === undefined || ENTRIES.includes(folder)) return LAYERS.length;
  const rank = LAYERS.indexOf(folder);
  if (rank === -1) throw new Error(`src/${folder}/ is neither a layer nor a folder of entries: add it to ${LAYERS} or ${ENTRIES}`);
  return rank;
}

const problems = [];
for (const path of sources.filter((p) => p.endsWith('.ts'))) {
  const text = readFileSync(join('src', path), 'utf8');
  // Static imports and re-exports (`import type` too); a dynamic import() is a chunk loaded on demand.
  for (const [, specifier] of text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'(\.[^']+)'/gms)) {
    const target = normalize(join(dirname(path), specifier)).replace(/\.js$/, '.ts');
    if (layerOf(target) > layerOf(path)) {
      const name = (p) => LAYERS[layerOf(p)] ?? 'the entries';
      problems.push(`src/${path} imports src/${target}: ${name(path)} must not import from ${name(target)}, a layer above it`);
    }
  }
}

/** The README's map: each line a path and what it is; a folder's files are indented under it. */
function mappedPaths() {
  const readme = readFileSync(README, 'utf8');
  const block = /### Source layout[\s\S]*?```\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error(`${README}: no code block under "### Source layout"`);
  const folders = [];
  const paths = new Set();
  for (const line of block.split('\n').filter((l) => l.trim())) {
    const indent = /^ */.exec(line)[0].length / 2;
    const name = line.trim().split(/\s{2,}/)[0];
    folders.length = indent;
    if (name === 'src/') continue;
    const path = [...folders.slice(1), name].join('');
    if (name.endsWith('/')) folders[indent] = name;
    paths.add(path.replace(/\/$/, ''));
  }
  return paths;
}

const mapped = mappedPaths();
const folders = new Set(sources.filter((p) => p.includes('/')).map((p) => dirname(p)));
for (const path of [...folders, ...sources]) {
  if (!mapped.has(path)) problems.push(`src/${path} is not in ${README}'s "Source layout": add it with what it is`);
}
for (const path of mapped) {
  if (!folders.has(path) && !sources.includes(path)) problems.push(`${README}'s "Source layout" names src/${path}, which does not exist`);
}

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(
  `src/: ${sources.length} files in ${LAYERS.length} layers and the entries; each imports only downwards, and ${README} maps them all.`,
);
