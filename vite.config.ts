import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { buildClassicShapes, classicShapesPlugin } from './scripts/classic-shapes.js';
import { compileHintBanner } from './scripts/compile-hint.js';
import { minifyLiteral } from './scripts/minify-css.js';
import { minifyHtmlTemplates } from './scripts/minify-html.js';
import { applyEdits, editWithMap } from './scripts/source-maps.js';
import { terserPass } from './scripts/terser-pass.js';

/** `npm start` opens on the demo: `/` redirects to `/demo/`. */
const demoHome: Plugin = {
  name: 'kdx-demo-home',
  configureServer(server) {
    server.middlewares.use((req, res, next) => {
      if (req.url === '/' || req.url === '/index.html') {
        res.statusCode = 302;
        res.setHeader('Location', '/demo/');
        res.end();
      } else next();
    });
  },
};

/**
 * `npm start` serves dist/ as built under /dist/: the files a city publishes, byte for byte (no Vite transform,
 * so SRI hashes hold and the classic script stays a classic script), so that a snippet from the builder works
 * when pasted into a page of the dev server. `npm run build` first; until then /dist/ answers 404.
 */
const distAsBuilt: Plugin = {
  name: 'kdx-dist-as-built',
  configureServer(server) {
    const root = fileURLToPath(new URL('./dist/', import.meta.url));
    const types: Record<string, string> = { '.js': 'text/javascript', '.json': 'application/json', '.html': 'text/html', '.map': 'application/json' };
    server.middlewares.use((req, res, next) => {
      const path = decodeURIComponent((req.url ?? '').split(/[?#]/)[0]!);
      if (!path.startsWith('/dist/')) return next();
      const file = resolve(root, `.${path.slice('/dist'.length)}`);
      const type = types[extname(file)];
      if (!file.startsWith(root) || !type || !existsSync(file) || !statSync(file).isFile()) {
        res.statusCode = 404;
        res.end('Not in dist/ (run npm run build)');
        return;
      }
      res.setHeader('Content-Type', `${type}; charset=utf-8`);
      res.setHeader('Cache-Control', 'no-store');
      res.end(readFileSync(file));
    });
  },
};

/**
 * dist/embed.html, the iframe form's page: src/embed/embed.html (which the dev server and the tests open as it
 * is) with its script pointed at the built `embed.js`, and the chunks that script imports preloaded, so that
 * the page fetches them alongside it rather than after it.
 */
const EMBED_PAGE = fileURLToPath(new URL('./src/embed/embed.html', import.meta.url));
const embedPage: Plugin = {
  name: 'kdx-embed-page',
  apply: 'build',
  generateBundle(_options, bundle) {
    const entry = bundle['embed.js'];
    if (!entry || entry.type !== 'chunk') throw new Error('kdx-embed-page: no embed.js in the build');
    const page = readFileSync(EMBED_PAGE, 'utf8');
    const scripts = '<script type="module" src="../autoload.ts"></script>\n    <script type="module" src="./frame.ts"></script>';
    if (!page.includes(scripts)) throw new Error(`kdx-embed-page: ${EMBED_PAGE} does not end its head with\n${scripts}`);
    const preload = [...entry.imports, ...entry.dynamicImports.filter((f) => /^chunks\/upgrade-/.test(f))].map((f) => `<link rel="modulepreload" href="./${f}" />`);
    const built = [...preload, '<script type="module" src="./kdx.js"></script>', '<script type="module" src="./embed.js"></script>'];
    this.emitFile({ type: 'asset', fileName: 'embed.html', source: page.replace(scripts, built.join('\n    ')) });
  },
};

/**
 * The autoloader asks for the shared core alongside a widget's chunk (`src/autoload.ts`) by importing the base
 * element's module, which lives in the core chunk: the bundler answers with a namespace object made for it in the
 * core (and the helper that makes it, ≈ 40 B brotli on every page). `kdx.js` imports the core chunk by its file
 * name instead: the import is written with a placeholder, which the chunk's name replaces once it is known.
 */
const AUTOLOAD = /[\\/]src[\\/]autoload\.ts$/;
const CORE_IMPORT = "import('./components/shared/kdx-element.js')";
const corePrefetch: Plugin = {
  name: 'kdx-core-prefetch',
  apply: 'build',
  enforce: 'pre',
  transform(code, id) {
    if (!AUTOLOAD.test(id)) return null;
    if (code.split(CORE_IMPORT).length !== 2) throw new Error(`kdx-core-prefetch: expected one ${CORE_IMPORT} in ${id}`);
    return { code: code.replace(CORE_IMPORT, 'import(/* @vite-ignore */ __KDX_CORE_CHUNK__)'), map: null };
  },
  generateBundle(_options, bundle) {
    const core = Object.values(bundle).find((c) => c.type === 'chunk' && c.name === 'core');
    const entry = bundle['kdx.js'];
    if (!core || !entry || entry.type !== 'chunk' || !entry.map) throw new Error('kdx-core-prefetch: no core chunk or no kdx.js');
    const at = entry.code.split('__KDX_CORE_CHUNK__');
    if (at.length !== 2) throw new Error('kdx-core-prefetch: kdx.js has no (or more than one) __KDX_CORE_CHUNK__');
    const start = at[0]!.length;
    const out = applyEdits(entry.code, entry.map.mappings, [{ start, end: start + '__KDX_CORE_CHUNK__'.length, text: JSON.stringify(`./${core.fileName}`) }]);
    entry.code = out.code;
    entry.map.mappings = out.mappings;
  },
};

/**
 * The page builds (kdx.js, kdx.iife.js) ship the widgets' stylesheets minified (`scripts/minify-css.ts`): the JS
 * minifier keeps Lit's `css` literals as written (≈ 20 kB of CSS text). The removed line breaks go after the
 * literal, so that lines (and source maps) stay where they were.
 */
export const minifyLitCss: Plugin = {
  name: 'kdx-minify-lit-css',
  apply: 'build',
  transform(code, id) {
    if (!/[\\/]src[\\/].*\.ts$/.test(id) || !code.includes('css`')) return null;
    const breaks = (s: string) => '\n'.repeat(s.split('\n').length - 1);
    // A literal ends at the first backtick that is not escaped (a \` in a comment must not end it half-way).
    const out = code.replace(/\bcss`((?:[^`\\]|\\[\s\S])*)`/g, (_whole, body: string) => `css\`${minifyLiteral(body)}\`${breaks(body)}`);
    // Every line stays where it was: a map from each line to the same line keeps the module in the source map.
    const mappings = ['AAAA', ...Array<string>(code.split('\n').length - 1).fill('AACA')].join(';');
    return { code: out, map: { version: 3, sources: [id], sourcesContent: [code], names: [], mappings } };
  },
};

/**
 * And without the layout white space of Lit `html` and `svg` templates (`scripts/minify-html.ts`; a test compares
 * every widget's text and boxes, built against source).
 */
export const minifyLitHtml: Plugin = {
  name: 'kdx-minify-lit-html',
  apply: 'build',
  transform(code, id) {
    if (!/[\\/]src[\\/].*\.ts$/.test(id)) return null;
    const edits = minifyHtmlTemplates(code);
    return edits.length ? editWithMap(code, edits, id) : null;
  },
};

/**
 * The page builds validate with the part of valibot the schema uses (`src/data/valibot-lite.ts`, kept equal to
 * valibot by a differential test): the same `bundle.ts`, a fifth of the bytes. The npm build, the command line and
 * the JSON Schema keep valibot itself.
 */
export const valibotLite = { find: /^valibot$/, replacement: fileURLToPath(new URL('./src/data/valibot-lite.ts', import.meta.url)) };

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
};
const deps = Object.keys(pkg.dependencies);
/** The npm build leaves its dependencies to the app's bundler: one copy of Lit shared with the app. */
const isDependency = (id: string) => deps.some((d) => id === d || id.startsWith(`${d}/`));

/**
 * The classic script does not carry the ES build's lazy chunks that import nothing: chart.js (≈ 60 KB gzip that
 * most pages never use), the English messages, the Japanese detail of problems and the report shapes' English
 * words. It `import()`s the same files by a URL relative to the script itself (`src/embed/script-base.ts`):
 * `load-chartjs.ts` is swapped for `src/embed/load-chartjs-iife.ts`, the other `import()`s are rewritten, and the
 * chunks' hashed names are read from `dist/chunks/` (so `vite build` runs first). Each rewrite must find its
 * `import()`, or the build fails rather than inline the chunk again unnoticed. The report shapes' code, which
 * imports the core, comes from a chunk of the classic script's own (`scripts/classic-shapes.ts`).
 */
const BY_URL: ReadonlyArray<{ module: RegExp; specifier: string; chunk: RegExp }> = [
  { module: /[\\/]src[\\/]i18n[\\/]index\.ts$/, specifier: "import('./en.js')", chunk: /^en-[\w-]+\.js$/ },
  { module: /[\\/]src[\\/]i18n[\\/]index\.ts$/, specifier: "import('./ja-detail.js')", chunk: /^ja-detail-[\w-]+\.js$/ },
  { module: /[\\/]src[\\/]components[\\/]shared[\\/]shapes\.ts$/, specifier: "import('../../i18n/shapes-en.js')", chunk: /^shapes-en-[\w-]+\.js$/ },
];

function chunksByUrl(): { plugin: Plugin; chart: string } {
  let files: string[] = [];
  try {
    files = readdirSync('dist/chunks');
  } catch {
    // reported below
  }
  const one = (pattern: RegExp) => {
    const found = files.filter((f) => pattern.test(f));
    if (found.length !== 1) {
      throw new Error(`vite build --mode iife needs exactly one dist/chunks/ file matching ${pattern} (found ${found.length}): run \`vite build\` first.`);
    }
    return `chunks/${found[0]}`;
  };
  const chart = one(/^chart-runtime-[\w-]+\.js$/);
  const rewrites = BY_URL.map((r) => ({ ...r, path: one(r.chunk) }));
  const swap = fileURLToPath(new URL('./src/embed/load-chartjs-iife.ts', import.meta.url));
  const base = fileURLToPath(new URL('./src/embed/script-base.ts', import.meta.url));
  return {
    chart,
    plugin: {
      name: 'kdx-iife-chunks-by-url',
      enforce: 'pre',
      resolveId(source, importer) {
        if (importer && /[\\/]components[\\/]chart[\\/]/.test(importer) && /(^|\/)load-chartjs\.js$/.test(source)) return swap;
        return null;
      },
      transform(code, id) {
        const mine = rewrites.filter((r) => r.module.test(id));
        if (!mine.length) return null;
        let out = code;
        for (const r of mine) {
          if (!out.includes(r.specifier)) throw new Error(`kdx-iife-chunks-by-url: ${r.specifier} not found in ${id}`);
          out = out.replaceAll(r.specifier, `import(/* @vite-ignore */ __kdxChunkUrl(${JSON.stringify(r.path)}))`);
        }
        return { code: `import { chunkUrl as __kdxChunkUrl } from ${JSON.stringify(base)};\n${out}`, map: null };
      },
    },
  };
}

/**
 * The page build's shared chunk: Lit, context, data, messages, styles and the base element. Not in it: each
 * widget's own folder, the upgrader (`embed/`), the entry and its `define()`, chart.js (the chart's lazy chunk) and the
 * report shapes (their lazy chunk, `SHAPES`).
 * Modules only one widget uses (the tree's `repeat`, the provider's side of the context protocol) stay in its chunk.
 */
const WIDGET_CODE = /[\\/]src[\\/](components[\\/](plan|progress|initiative-card|plan-tree|chart|plan-overview)[\\/]|embed[\\/]|autoload\.ts|define\.ts)/;
const CHART_JS = /[\\/]node_modules[\\/](chart\.js|@kurkle)[\\/]/;
/**
 * The report shapes' code and strings (a chunk loaded for bundles that have them: load-shapes.ts), and their rules
 * and indicator evaluation (another, loaded by load.ts for such bundles).
 */
const SHAPES = /[\\/]src[\\/](components[\\/]shared[\\/](shapes|grades|revisions)\.ts|data[\\/](snapshots|evaluate|validate-shapes|shape-rules)\.ts|i18n[\\/]shapes-(ja|en)\.ts)$/;
const SHAPES_ENTRY = fileURLToPath(new URL('./src/components/shared/shapes.ts', import.meta.url));
const LOAD_SHAPES = /[\\/]src[\\/]components[\\/]shared[\\/]load-shapes\.ts$/;
const SCRIPT_BASE = fileURLToPath(new URL('./src/embed/script-base.ts', import.meta.url));
const isCore = (id: string) => !WIDGET_CODE.test(id) && !CHART_JS.test(id) && !SHAPES.test(id);

/**
 * Three library builds (`npm run build` runs them in this order, then `scripts/report-build.mjs`):
 * - default (`vite build`): `dist/kdx.js`, the file pages load with `<script type="module">`. Self-contained
 *   (one copy of Lit inside), defines every tag; chart.js in `dist/chunks/chart-runtime-<hash>.js`, loaded on
 *   first use.
 * - `--mode iife`: `dist/kdx.iife.js`, one classic script for CMSs that cannot use type="module". Charts load
 *   the same chunk as the ES build, by URL, as do its English messages and detail of problems (see `chunksByUrl`);
 *   the report shapes' code is a chunk built for it first, `chunks/classic-shapes-<hash>.js` (scripts/classic-shapes.ts).
 * - `--mode npm`: the package entries for bundlers, one file per module with dependencies left as imports:
 *   `dist/index.js` (registers nothing, tree-shakable), `dist/define.js` (defines every tag), `dist/lib/**`.
 * `npm start` serves the demo site (demo/) with the Kanazawa bundle from seeds/.
 */
export default defineConfig(async ({ command, mode }): Promise<UserConfig> => {
  if (mode === 'iife') {
    const { plugin, chart } = chunksByUrl();
    // The report shapes as the classic script's own chunk (scripts/classic-shapes.ts), built first.
    const shapes = await buildClassicShapes(SHAPES_ENTRY, [plugin, minifyLitCss, minifyLitHtml], [valibotLite]);
    return {
      define: { __KDX_CHART_CHUNK__: JSON.stringify(chart) },
      resolve: { alias: [valibotLite] },
      plugins: [plugin, classicShapesPlugin(shapes, LOAD_SHAPES, SCRIPT_BASE), minifyLitCss, minifyLitHtml, terserPass(false)],
      build: {
        target: 'es2022',
        emptyOutDir: false,
        sourcemap: true,
        lib: { entry: 'src/kdx.ts', formats: ['iife'], name: 'kdx', fileName: () => 'kdx.iife.js' },
        rolldownOptions: { output: { minify: false, postBanner: compileHintBanner } },
      },
    };
  }
  if (mode === 'npm') {
    return {
      build: {
        target: 'es2022',
        emptyOutDir: false,
        sourcemap: false,
        minify: false,
        lib: { entry: { index: 'src/index.ts', define: 'src/kdx.ts' }, formats: ['es'] },
        rolldownOptions: {
          external: isDependency,
          output: {
            preserveModules: true,
            preserveModulesRoot: 'src',
            entryFileNames: (chunk) => {
              const id = (chunk.facadeModuleId ?? '').replace(/\\/g, '/');
              if (id.endsWith('/src/index.ts')) return 'index.js';
              if (id.endsWith('/src/kdx.ts')) return 'define.js';
              // Helpers the compiler adds live under a long versioned path: keep only the file name.
              return chunk.name.startsWith('_virtual/') ? `lib/_virtual/${chunk.name.split('/').pop()}.js` : 'lib/[name].js';
            },
          },
        },
      },
    };
  }
  return {
    build: {
      target: 'es2022',
      emptyOutDir: true,
      sourcemap: true,
      lib: { entry: { kdx: 'src/autoload.ts', embed: 'src/embed/frame.ts' }, formats: ['es'], fileName: (_f, name) => `${name}.js` },
      rolldownOptions: {
        output: {
          minify: false,
          postBanner: compileHintBanner,
          chunkFileNames: 'chunks/[name]-[hash].js',
          // One shared chunk for what every widget needs, one chunk per widget: a page fetches the entry, then
          // the core and its widgets side by side (see src/autoload.ts), never a chain of small files.
          codeSplitting: { groups: [{ name: 'core', test: isCore, minShareCount: 2 }] },
        },
      },
    },
    // The alias is for the library build only: the dev server (the demo) runs the sources as they are.
    resolve: command === 'build' ? { alias: [valibotLite] } : {},
    plugins: [demoHome, distAsBuilt, embedPage, corePrefetch, minifyLitCss, minifyLitHtml, terserPass(true)],
    server: { open: false },
  };
});
