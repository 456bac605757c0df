import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

/**
 * The authoring page, dist/author.html (`npm run build` runs this after the library builds; `npm start` serves
 * the source page as /author.html). A build of its own, so that kdx.js and its chunks stay exactly as they are:
 * one classic script, dist/author/author.js, with everything it uses inside (Lit, the widgets, chart.js, the
 * .xlsx reader), so that the page also works opened from a folder on the staff's computer (file://), where module
 * scripts and chunks cannot load.
 */
const SOURCE = 'author.html';
const DEV_SCRIPT = '<script type="module" src="./src/author/main.ts"></script>';

const authorPage: Plugin = {
  name: 'kdx-author-page',
  apply: 'build',
  generateBundle() {
    const page = readFileSync(SOURCE, 'utf8');
    if (!page.includes(DEV_SCRIPT)) throw new Error(`kdx-author-page: ${SOURCE} must load its script as\n${DEV_SCRIPT}`);
    this.emitFile({ type: 'asset', fileName: 'author.html', source: page.replace(DEV_SCRIPT, '<script src="./author/author.js" defer></script>') });
  },
};

export default defineConfig({
  plugins: [authorPage],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: false,
    lib: { entry: 'src/author/main.ts', formats: ['iife'], name: 'kdxAuthor', fileName: () => 'author/author.js' },
    rolldownOptions: { output: { minify: true } },
  },
});
