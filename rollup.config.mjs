import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

/** One self-contained, minified ES module that defines <ceop-stats> when imported. */
export default {
  input: 'src/ceop-stats.ts',
  output: {
    file: 'dist/ceop-stats.js',
    format: 'es',
    sourcemap: true,
  },
  plugins: [
    // Lit's production build (no "development" export condition).
    nodeResolve({ browser: true }),
    esbuild({ target: 'es2021', tsconfig: 'tsconfig.json' }),
    terser({ ecma: 2021, module: true, format: { comments: false } }),
  ],
};
