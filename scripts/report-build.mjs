#!/usr/bin/env node
/**
 * The last step of `npm run build`: prints what a page downloads (raw, gzip, brotli), writes Subresource
 * Integrity hashes to dist/sri.json (and prints script tags to paste), and checks the promises the builds make:
 * - the chunks the classic script imports by URL (chart.js, the English messages, the Japanese detail of
 *   problems, the shapes' English words, its own chunk of the report shapes) are self-contained, exist, and are
 *   named by it, not carried;
 * - `kdx.js` (the autoloader) imports nothing up front: a page without widgets loads that file only;
 * - one copy of Lit per page build, none in the npm build (the app's own Lit is used);
 * - the npm entry `dist/index.js` registers nothing.
 * Exits 1 when a check fails.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const DIST = 'dist';
const read = (f) => readFileSync(join(DIST, f));
const text = (f) => readFileSync(join(DIST, f), 'utf8');
const failures = [];
const check = (ok, message) => ok || failures.push(message);

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const chunks = existsSync(join(DIST, 'chunks')) ? readdirSync(join(DIST, 'chunks')).filter((f) => f.endsWith('.js')).map((f) => `chunks/${f}`) : [];
/** Files pages load directly (by <script> or import()), which get integrity hashes. */
const served = ['kdx.js', 'kdx.iife.js', 'embed.js', ...chunks];
for (const f of served) check(existsSync(join(DIST, f)), `${f} is missing`);
if (failures.length) finish();

// --- sizes and hashes --------------------------------------------------------------------------------------
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
function sizes(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length,
  };
}
const sri = (buf) => `sha384-${createHash('sha384').update(buf).digest('base64')}`;

/** Modules reachable from an ES file by static relative imports (the npm build keeps one file per module). */
function graph(entry) {
  const seen = new Set();
  const visit = (f) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const m of text(f).matchAll(/(?:^|[\s;])(?:import|export)\s[^'"`]*?from\s*["']([^"']+)["']|^import\s*["']([^"']+)["']/gm)) {
      const spec = m[1] ?? m[2];
      if (spec.startsWith('.')) visit(posix.normalize(posix.join(posix.dirname(f), spec)));
    }
  };
  visit(entry);
  return [...seen];
}

const rows = [];
const files = {};
for (const f of served) {
  const buf = read(f);
  files[f] = sri(buf);
  rows.push([`dist/${f}`, sizes(buf)]);
}
const npmEntry = existsSync(join(DIST, 'index.js')) ? graph('index.js') : [];
const npmAll = existsSync(join(DIST, 'define.js')) ? graph('define.js') : [];
const sumSizes = (list) => list.map((f) => sizes(read(f))).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), { raw: 0, gzip: 0, brotli: 0 });
if (npmEntry.length) rows.push([`dist/index.js (npm, ${npmEntry.length} modules, every export)`, sumSizes(npmEntry)]);
if (npmAll.length) rows.push([`dist/define.js (npm, ${npmAll.length} modules)`, sumSizes(npmAll)]);
if (existsSync(join(DIST, 'embed.html'))) rows.push(['dist/embed.html (the iframe form’s page)', sizes(read('embed.html'))]);
if (existsSync(join(DIST, 'kdx-bundle.schema.json'))) rows.push(['dist/kdx-bundle.schema.json', sizes(read('kdx-bundle.schema.json'))]);

writeFileSync(join(DIST, 'sri.json'), JSON.stringify({ version, algorithm: 'sha384', files }, null, 2) + '\n');

const width = Math.max(...rows.map(([name]) => name.length));
console.log(`\nkdx-widgets ${version}: sizes (npm rows: sum of files, before the app's bundler)\n`);
console.log(`${'file'.padEnd(width)}  ${'raw'.padStart(9)}  ${'gzip'.padStart(9)}  ${'brotli'.padStart(9)}`);
for (const [name, s] of rows) console.log(`${name.padEnd(width)}  ${kB(s.raw).padStart(9)}  ${kB(s.gzip).padStart(9)}  ${kB(s.brotli).padStart(9)}`);

console.log('\nSubresource Integrity (dist/sri.json):');
for (const [f, h] of Object.entries(files)) console.log(`  ${f.padEnd(width - 5)}  ${h}`);
console.log('\nScript tags for the site template (replace https://example.jp/kdx/ with where dist/ is served):');
console.log(`  <script type="module" src="https://example.jp/kdx/kdx.js" integrity="${files['kdx.js']}" crossorigin="anonymous"></script>`);
console.log(`  <script src="https://example.jp/kdx/kdx.iife.js" integrity="${files['kdx.iife.js']}" crossorigin="anonymous" defer></script>`);
// kdx.js loads its chunks with import(), which carries no integrity attribute; an import map can (Chromium 127+).
const pinned = Object.fromEntries(chunks.map((f) => [`https://example.jp/kdx/${f}`, files[f]]));
console.log('Integrity of the chunks, as an import map before those scripts (optional; see docs/embedding.md §2):');
console.log(`  <script type="importmap">${JSON.stringify({ integrity: pinned })}</script>`);

// --- checks ------------------------------------------------------------------------------------------------
const chartChunks = chunks.filter((f) => /^chunks\/chart-runtime-[\w-]+\.js$/.test(f));
check(chartChunks.length === 1, `expected one chunks/chart-runtime-*.js, found ${chartChunks.length}`);
// Minified import statements (`import{a as b}from"./x.js"`, `import"./x.js"`); `import("…")` apart.
const staticImport = /(?:^|[;\n}])\s*(?:import|export)\s*[^;'"`()]*?\bfrom\s*["'`]|(?:^|[;\n])\s*import\s*["'`]/;
const dynamicImport = /\bimport\(\s*["'`]/;
// The chunks the classic script imports by URL (vite.config.ts, `chunksByUrl`): chart.js, the English messages,
// the Japanese detail of problems, the report shapes' English words, and the report shapes as a function of the
// classic script's own bindings (scripts/classic-shapes.ts). Each must exist once, import nothing (or the classic
// script would pull a second Lit in with it) and be named by kdx.iife.js, which must not carry it.
const byUrl = [
  ['chart-runtime', 'Canvas is already in use'],
  ['en', 'Promotion structure'],
  ['ja-detail', 'scale 属性で指定した区分がありません'],
  ['shapes-en', 'computed by the evaluation rule'],
  ['classic-shapes', '評価基準による計算'],
];
const iife = text('kdx.iife.js');
// What the classic script names: itself, and its chunk of the shapes, which imports the shapes' English words.
const classicNames = [iife, ...chunks.filter((f) => /^chunks\/classic-shapes-[\w-]+\.js$/.test(f)).map(text)].join('\n');
for (const [name, marker] of byUrl) {
  const found = chunks.filter((f) => new RegExp(`^chunks/${name}-[\\w-]+\\.js$`).test(f));
  check(found.length === 1, `expected one chunks/${name}-*.js, found ${found.length}`);
  for (const f of found) {
    const src = text(f);
    check(!staticImport.test(src) && !dynamicImport.test(src), `${f} imports other files: the classic script could not load it alone`);
    check(src.includes(marker), `${f} does not contain ${JSON.stringify(marker)}`);
    check(classicNames.includes(f), `kdx.iife.js (with its chunk of the shapes) does not name ${f}`);
  }
  check(!iife.includes(marker), `kdx.iife.js contains ${name} (${JSON.stringify(marker)}): it should import chunks/${name}-*.js by URL`);
}
check(!staticImport.test(text('kdx.js')), 'kdx.js imports other files up front: a page without widgets should load kdx.js alone');
const CHARTJS_MARKER = 'Canvas is already in use';
// chart-runtime registers its controllers and scales at the top level; a `sideEffects` list that misses it
// lets the bundler drop the call ("category" is not a registered scale).
check(chartChunks.every((f) => /\.register\(/.test(text(f))), 'the chart chunk lost its Chart.register(...) call: list chart-runtime in package.json sideEffects');
check(!text('kdx.js').includes(CHARTJS_MARKER), 'kdx.js contains chart.js: it should stay in its lazy chunk');

// Lit registers its version on globalThis once per copy.
const LIT = ['litHtmlVersions', 'litElementVersions', 'reactiveElementVersions'];
const copies = (src) => Math.max(...LIT.map((k) => src.split(k).length - 1));
const esLit = ['kdx.js', ...chunks].filter((f) => copies(text(f)) > 0);
check(esLit.length === 1 && copies(text(esLit[0])) === 1, `kdx.js and its chunks have ${esLit.length} copies of Lit (${esLit.join(', ')}; expected 1, in the core chunk)`);
check(copies(iife) === 1, `kdx.iife.js has ${copies(iife)} copies of Lit (expected 1)`);
const npmLit = npmAll.filter((f) => copies(text(f)) > 0);
check(npmLit.length === 0, `the npm build bundles Lit (${npmLit.join(', ')}): it should import it`);

// The widgets declare Lit's reactive properties in `static properties`: the decorators' code (≈ 0.4 kB brotli)
// would come back to every page with one `@property()`, within the size budgets' headroom.
const decorated = ['kdx.js', 'kdx.iife.js', ...chunks].filter(
  (f) => existsSync(join(DIST, `${f}.map`)) && JSON.parse(text(`${f}.map`)).sources.some((s) => /[\\/]decorators[\\/]/.test(s)),
);
check(decorated.length === 0, `${decorated.join(', ')} bundle Lit's decorators: declare reactive properties in \`static properties\``);

// embed.html: every file it names exists; it loads kdx.js and embed.js, never the sources.
check(existsSync(join(DIST, 'embed.html')), 'embed.html is missing');
if (existsSync(join(DIST, 'embed.html'))) {
  const page = text('embed.html');
  const named = [...page.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]);
  check(named.includes('kdx.js') && named.includes('embed.js'), 'embed.html does not load kdx.js and embed.js');
  for (const f of named) check(existsSync(join(DIST, f)), `embed.html names ${f}, which is not in dist/`);
  check(!/\.ts["']/.test(page), 'embed.html names a source (.ts) file');
}

const registering = npmEntry.filter((f) => /\b(?:define|customElements\.define)\(\s*["'`]kdx-|\bstartUpgrader\(\s*\)/.test(text(f)));
check(npmEntry.length > 0, 'dist/index.js is missing');
check(registering.length === 0, `dist/index.js registers tags through ${registering.join(', ')}`);

finish();

function finish() {
  if (failures.length) {
    console.error(`\nBuild checks failed:\n${failures.map((f) => `  ✗ ${f}`).join('\n')}`);
    process.exit(1);
  }
  console.log('\nBuild checks passed: self-contained chunks the classic script imports by URL (chart.js, English, detail, shapes), none of them in it, kdx.js loads nothing up front, embed.html names built files, one Lit per page build, no Lit decorators in the page builds, npm entry registers nothing.');
}
