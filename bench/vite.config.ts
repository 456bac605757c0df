/**
 * Production builds of the benchmark pages (bench/pages/*.html): Lit in production mode, minified, as a site
 * that uses the library would ship them. One build per page (`KDX_BENCH_PAGE=<name>`; bench/run.ts runs them),
 * so that each page loads one script of its own, as a real page would, rather than chunks shared between pages.
 * Output in node_modules/.cache/kdx-bench/pages (or $KDX_BENCH_OUT/pages), served under /p/.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compileHintBanner } from '../scripts/compile-hint.js';
import { terserPass } from '../scripts/terser-pass.js';
import { minifyLitCss, minifyLitHtml, valibotLite } from '../vite.config.js';

export const BENCH_OUT = process.env.KDX_BENCH_OUT ?? fileURLToPath(new URL('../node_modules/.cache/kdx-bench/', import.meta.url));
const pages = fileURLToPath(new URL('./pages/', import.meta.url));
export const BENCH_PAGES = readdirSync(pages).filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -5));

const page = process.env.KDX_BENCH_PAGE;

export default defineConfig({
  // Shoelace's set is compared with the page builds' sizes: minified the same way (see bench/pages/shoelace-set.ts).
  // The other pages import src/ as dist/kdx.js is built from it: stylesheets and templates minified, valibot-lite.
  plugins: page === 'shoelace-set' ? [terserPass(true)] : [minifyLitCss, minifyLitHtml],
  resolve: page === 'shoelace-set' ? {} : { alias: [valibotLite] },
  root: pages,
  base: './', // relative: the same build can be served under /p/ or, as --alt, under /alt/
  logLevel: 'warn',
  build: {
    outDir: `${BENCH_OUT}pages`,
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: Object.fromEntries((page ? [page] : BENCH_PAGES).map((p) => [p, `${pages}${p}.html`])),
      // As the library's page builds (vite.config.ts): the compile hint on the pages' own chunks, every page alike.
      output: { minify: process.env.KDX_BENCH_MINIFY !== '0', postBanner: compileHintBanner },
    },
  },
});
