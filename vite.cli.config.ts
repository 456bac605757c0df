import { defineConfig } from 'vite';

/**
 * The `kdx` command (`bin` in package.json): one Node file, dist/cli.js, with valibot and papaparse bundled so
 * that the package needs no runtime dependency for it. Runs after the library builds (they empty dist/).
 */
export default defineConfig({
  build: {
    ssr: 'src/cli/kdx.ts',
    target: 'node20',
    outDir: 'dist',
    emptyOutDir: false,
    minify: false,
    sourcemap: false,
    // One file: the English messages, a lazy chunk in the page builds, are inlined here.
    rolldownOptions: { output: { entryFileNames: 'cli.js', banner: '#!/usr/bin/env node', codeSplitting: false } },
  },
  ssr: { noExternal: true },
});
