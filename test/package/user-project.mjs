/**
 * A temporary project whose node_modules/ceop-stats links to this folder, so
 * that the package's `exports` resolve as they would for a user, and its
 * dependencies from our own node_modules. Removed after the suite.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';

const root = join(import.meta.dirname, '../..');

/** Makes the project before the suite's tests; `path()` is its folder. */
export function userProject(prefix) {
  let project;
  before(() => {
    project = mkdtempSync(join(tmpdir(), prefix));
    mkdirSync(join(project, 'node_modules'));
    symlinkSync(root, join(project, 'node_modules', 'ceop-stats'), 'dir');
    writeFileSync(join(project, 'package.json'), '{ "type": "module" }');
  });
  after(() => rmSync(project, { recursive: true, force: true }));
  return { path: () => project };
}
