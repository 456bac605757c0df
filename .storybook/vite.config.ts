import { defineConfig, type Plugin } from 'vite';

/**
 * package.json `sideEffects` lists the built files (dist/…), so a production bundle of the sources would drop
 * `import '../src/kdx.js'` — the entry whose whole job is its side effect (defining the tags). Keep it.
 */
const keepEntry: Plugin = {
  name: 'kdx-storybook-keep-entry',
  transform(code, id) {
    if (/[\\/]src[\\/]kdx\.ts$/.test(id)) return { code, map: null, moduleSideEffects: true };
    return null;
  },
};

/**
 * Storybook's own Vite config. The project's vite.config.ts describes the library builds (lib entries, chunk
 * names, the IIFE swap) and the demo site's `/` redirect, none of which a Storybook build wants; Storybook
 * compiles the sources directly (TypeScript decorators per tsconfig.json).
 */
export default defineConfig({
  build: { target: 'es2022' },
  plugins: [keepEntry],
  // Dev server: Storybook's renderer imports lit/directive-helpers.js, which the dependency optimizer does not
  // pre-bundle by itself; unbundled, it brings a second copy of lit-html (Lit warns about two versions).
  optimizeDeps: { include: ['lit/directive-helpers.js'] },
});
