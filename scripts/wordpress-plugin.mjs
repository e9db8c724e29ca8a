/**
 * Part of `npm run build`: makes the WordPress plugin in wordpress/ceop-stats/
 * self-contained (its dist/ gets the widget's built files and the element's
 * attribute list, from custom-elements.json), and writes it as an installable
 * zip, dist/ceop-stats-wordpress.zip (Plugins > Add New > Upload Plugin).
 * The zip is written here, with Node's zlib: no zip program or package needed.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { join, relative } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

const PLUGIN = 'wordpress/ceop-stats';
const ZIP = 'dist/ceop-stats-wordpress.zip';
const WIDGET_FILES = /^(ceop-stats(-[\w-]+)?\.js(\.map)?|embed\.js(\.map)?|embed\.css|embed-resize\.js)$/;

rmSync(`${PLUGIN}/dist`, { recursive: true, force: true });
mkdirSync(`${PLUGIN}/dist`, { recursive: true });
const copied = readdirSync('dist').filter((name) => WIDGET_FILES.test(name));
if (!copied.includes('ceop-stats.js') || !copied.includes('embed.js')) throw new Error('dist/ has no widget build: run rollup first');
for (const name of copied) cpSync(`dist/${name}`, `${PLUGIN}/dist/${name}`);

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'ceop-stats');
const attributes = element.attributes.map((a) => ({ name: a.name, property: a.fieldName ?? a.name, boolean: a.type?.text === 'boolean' }));
writeFileSync(`${PLUGIN}/dist/attributes.json`, `${JSON.stringify(attributes, null, 2)}\n`);

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** A zip archive (deflate, no extras) of the given files, each stored under `ceop-stats/`. */
function zip(paths) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  // 1 January 2026, 00:00: a fixed date, so the same build gives the same zip.
  const date = ((2026 - 1980) << 9) | (1 << 5) | 1;
  for (const path of paths) {
    const name = Buffer.from(`ceop-stats/${relative(PLUGIN, path).split('\\').join('/')}`);
    const data = readFileSync(path);
    const packed = deflateRawSync(data, { level: 9 });
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt16LE(0, 10);
    header.writeUInt16LE(date, 12);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    header.copy(central, 8, 6, 28);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(header, name, packed);
    centrals.push(central, name);
    offset += header.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(paths.length, 8);
  end.writeUInt16LE(paths.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const files = filesUnder(PLUGIN).sort();
writeFileSync(ZIP, zip(files));
console.error(`${PLUGIN}/dist: ${copied.length + 1} files; ${ZIP}: ${files.length} files`);
