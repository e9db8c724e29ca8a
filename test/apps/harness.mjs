/**
 * What the tests of real apps share: the README's code blocks, the packed
 * package, free ports and servers that take a moment to come up.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

/** The `n`th ```language block in the README section under `heading` (its subsections included). */
export function readmeBlock(readme, heading, language, n) {
  return readmeBlocks(readme, heading, language)[n] ?? assert.fail(`README has ${n + 1} \`\`\`${language} blocks under "${heading}"`);
}

/** Every ```language block in the README section under `### heading`. */
export function readmeBlocks(readme, heading, language) {
  const start = readme.indexOf(`\n### ${heading}\n`);
  assert.ok(start >= 0, `README has a section "${heading}"`);
  const end = readme.indexOf('\n### ', start + 1);
  return [...readme.slice(start, end).matchAll(new RegExp('^```' + language + '\\n([\\s\\S]*?)^```', 'gm'))].map((match) => match[1]);
}

/** `npm pack` of this package, as built (npm test builds dist/ first), into `folder`; returns the tarball's name. */
export function packInto(folder) {
  const [{ filename }] = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', folder], { cwd: root, encoding: 'utf8' }),
  );
  return filename;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The page's text once the server answers; `attempts` tries, 50 ms apart. */
export async function fetchWhenUp(url, attempts = 100) {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(url);
      return await response.text();
    } catch (error) {
      if (attempt > attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
