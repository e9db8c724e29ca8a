/**
 * Part of `npm run build`: dist/ceop-stats.d.ts, the types of the
 * self-contained bundle (`ceop-stats/bundle`). The bundle exports nothing a
 * page may use; it is imported for its side effect of defining the element.
 * TypeScript checks such side-effect imports too (noUncheckedSideEffectImports
 * is on by default since 6.0), so it needs a declaration file, and this one
 * brings in only the element's entries in HTMLElementTagNameMap and
 * HTMLElementEventMap, with no exports that the bundle does not have.
 */
import { writeFileSync } from 'node:fs';

writeFileSync(
  'dist/ceop-stats.d.ts',
  `// Defines <ceop-stats> when imported; exports nothing. Types: ceop-stats/element.
import type {} from './lib/ceop-stats-element.js';
export {};
`,
);
