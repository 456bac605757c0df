#!/usr/bin/env node
/**
 * The package as users get it: `npm pack`, install the tarball into a fresh Vite app in a temp directory, build
 * the app, and check that
 * - the tarball holds the entries package.json `exports` promises (and no sources or tests);
 * - `import { KdxProgress, define } from 'kdx-widgets'` builds, registers only what the app defines, leaves
 *   chart.js out (tree-shaking), and renders 97.4% for policy-1 in Chromium;
 * - `import 'kdx-widgets/define'` defines every tag and draws a chart (chart.js registered in the app's chunk);
 * - the types resolve (`tsc --noEmit` on a file using the API, including a deliberate type error);
 * - the subpath exports (kdx.js, kdx.iife.js, schema.json, sri.json, custom-elements.json) resolve.
 *
 * Needs `npm run build` first, npm's registry or cache (for vite and the package's dependencies) and Chromium.
 * Usage: node scripts/test-pack.mjs [--keep]
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from './chromium.js';

const started = performance.now();
const ROOT = resolve(import.meta.dirname, '..');
const keep = process.argv.includes('--keep');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const failures = [];
const check = (ok, message) => {
  console.log(`${ok ? '  ✓' : '  ✗'} ${message}`);
  if (!ok) failures.push(message);
};
const step = (label) => console.log(`\n[${((performance.now() - started) / 1000).toFixed(1)} s] ${label}`);
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });

for (const f of ['dist/index.js', 'dist/define.js', 'dist/kdx.js', 'dist/kdx.iife.js', 'dist/sri.json', 'dist/types/index.d.ts']) {
  if (!existsSync(join(ROOT, f))) {
    console.error(`${f} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
}

const work = mkdtempSync(join(tmpdir(), 'kdx-pack-'));
const app = join(work, 'app');
mkdirSync(join(app, 'src'), { recursive: true });
mkdirSync(join(app, 'public'), { recursive: true });

try {
  step('npm pack');
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], ROOT));
  const tarball = join(work, packed.filename);
  const files = new Set(packed.files.map((f) => f.path));
  console.log(`  ${packed.filename}: ${packed.files.length} files, ${(packed.size / 1000).toFixed(0)} kB packed, ${(packed.unpackedSize / 1000).toFixed(0)} kB unpacked`);
  for (const f of ['dist/index.js', 'dist/define.js', 'dist/kdx.js', 'dist/kdx.iife.js', 'dist/kdx-bundle.schema.json', 'dist/sri.json', 'dist/types/index.d.ts', 'dist/types/kdx.d.ts', 'custom-elements.json', 'package.json', 'README.md']) {
    check(files.has(f), `the tarball has ${f}`);
  }
  check([...files].some((f) => /^dist\/chunks\/chart-runtime-[\w-]+\.js$/.test(f)), 'the tarball has the chart chunk');
  check(![...files].some((f) => /^(src|test|seeds|demo|stories|scripts)\//.test(f)), 'the tarball has no sources, tests or demo');

  step('a fresh Vite app installs the tarball');
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'kdx-pack-test-app', private: true, type: 'module' }, null, 2));
  copyFileSync(join(ROOT, 'seeds/kanazawa.json'), join(app, 'public/kanazawa.json'));
  writeFileSync(
    join(app, 'index.html'),
    `<!doctype html><html lang="ja"><head><meta charset="utf-8"><script type="module" src="./src/main.ts"></script></head>
<body><kdx-progress src="kanazawa.json" plan="administrative-management-plan" node="policy-1"></kdx-progress></body></html>`,
  );
  writeFileSync(
    join(app, 'all.html'),
    `<!doctype html><html lang="ja"><head><meta charset="utf-8"><script type="module" src="./src/all.ts"></script></head>
<body><kdx-plan src="kanazawa.json" plan="administrative-management-plan"><kdx-progress node="policy-2"></kdx-progress><kdx-chart type="doughnut"></kdx-chart></kdx-plan></body></html>`,
  );
  writeFileSync(
    join(app, 'src/main.ts'),
    `import { KdxProgress, define } from 'kdx-widgets';\ndefine('kdx-progress', KdxProgress);\n`,
  );
  writeFileSync(join(app, 'src/all.ts'), `import 'kdx-widgets/define';\n`);
  writeFileSync(
    join(app, 'vite.config.js'),
    // Two separate builds, so that the first shows what importing only KdxProgress costs.
    `export default { base: './', build: { outDir: process.env.PAGE === 'all' ? 'dist/all' : 'dist/main', rollupOptions: { input: process.env.PAGE === 'all' ? 'all.html' : 'index.html' } } };\n`,
  );
  // The vite this repository uses: already in npm's cache, so the install works offline too.
  const vite = JSON.parse(readFileSync(join(ROOT, 'node_modules/vite/package.json'), 'utf8')).version;
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball, `vite@${vite}`], app);
  const installed = JSON.parse(readFileSync(join(app, 'node_modules/kdx-widgets/package.json'), 'utf8'));
  check(installed.version === pkg.version, `kdx-widgets ${installed.version} installed with its dependencies (lit: ${existsSync(join(app, 'node_modules/lit'))})`);

  step('subpath exports resolve');
  const resolved = run(
    'node',
    ['--input-type=module', '-e', `for (const s of ['kdx-widgets', 'kdx-widgets/define', 'kdx-widgets/kdx.js', 'kdx-widgets/kdx.iife.js', 'kdx-widgets/schema.json', 'kdx-widgets/sri.json', 'kdx-widgets/custom-elements.json', 'kdx-widgets/package.json']) console.log(s, import.meta.resolve(s).replace(/^.*node_modules\\/kdx-widgets\\//, ''))`],
    app,
  );
  for (const line of resolved.trim().split('\n')) check(!line.includes('Error'), `resolves ${line}`);

  step('types resolve (tsc --noEmit)');
  writeFileSync(
    join(app, 'src/check.ts'),
    `import { KdxProgress, define, formatPercent, loadBundle, type Bundle, type KdxLoadEvent } from 'kdx-widgets';
import 'kdx-widgets/define';
define('kdx-progress', KdxProgress);
const el: KdxProgress = document.createElement('kdx-progress');
el.variant = 'ring';
const rate: string = formatPercent(871, 'ja');
const version: Bundle['schemaVersion'] = 1;
el.addEventListener('kdx-load', (e) => console.log((e as KdxLoadEvent).detail.node, rate, version));
void loadBundle('/kanazawa.json').then((m) => m.plans.length);
// @ts-expect-error: formatPercent returns a string
const wrong: number = formatPercent(1, 'ja');
console.log(wrong);
`,
  );
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2023', 'DOM', 'DOM.Iterable'], strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ['src/check.ts'] }, null, 2),
  );
  // The `kdx` command from the installed package: one file, messages in both languages from the first line.
  try {
    const seed = join(ROOT, 'seeds/kanazawa.json');
    const out = execFileSync(join(app, 'node_modules/.bin/kdx'), ['validate', seed, '--lang', 'en'], { encoding: 'utf8' });
    check(/^OK: .* is a valid plan bundle \(2 plans, 58 items\)/.test(out.trim()), `npx kdx validate --lang en: ${out.trim()}`);
  } catch (e) {
    check(false, `npx kdx validate failed:\n${e.stdout ?? ''}${e.stderr ?? e}`);
  }
  try {
    run(join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], app);
    check(true, 'tsc --noEmit passes (and the deliberate error is caught by @ts-expect-error)');
  } catch (e) {
    check(false, `tsc --noEmit failed:\n${e.stdout}${e.stderr}`);
  }

  step('vite build');
  const build = (page) => {
    execFileSync(join(app, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: app, env: { ...process.env, PAGE: page }, stdio: ['ignore', 'pipe', 'pipe'] });
    const dir = join(app, 'dist', page, 'assets');
    return Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  };
  const kB = (files) => Object.entries(files).map(([f, s]) => `${f} ${(s.length / 1000).toFixed(1)} kB`).join(', ');
  const main = build('main');
  const mainAll = Object.values(main).join('\n');
  check(mainAll.includes('kdx-progress'), `importing { KdxProgress, define }: the build contains the widget (${kB(main)})`);
  // The English messages are a lazy chunk of their own (loaded on English pages only).
  const english = (files) => Object.keys(files).filter((f) => /^en-[\w-]+\.js$/.test(f) && files[f].includes('items achieved'));
  // The report shapes' code, rules and English strings: lazy chunks loaded only for bundles that have such shapes.
  const shapes = (files) => Object.keys(files).filter((f) => /^(shapes|shape-rules|shapes-en)-[\w-]+\.js$/.test(f));
  // The Japanese detail of problems: a lazy chunk loaded when a problem is shown.
  const detail = (files) => Object.keys(files).filter((f) => /^ja-detail-[\w-]+\.js$/.test(f) && files[f].includes('JSON'));
  check(
    Object.keys(main).length === 3 + shapes(main).length && shapes(main).length === 3 && english(main).length === 1 && detail(main).length === 1 &&
      !mainAll.includes('Canvas is already in use') && !mainAll.includes('treeitem'),
    'the npm entry is tree-shaken: one file, the lazy English messages, the detail of problems and the report shapes\' lazy chunks, no chart.js chunk, no other widgets',
  );
  const all = build('all');
  const chartChunk = Object.entries(all).find(([, s]) => s.includes('Canvas is already in use'));
  check(
    // (The app's bundler may split what the entry shares with the shapes' chunks into one chunk of its own.)
    Object.keys(all).length - shapes(all).length - detail(all).length <= 4 && shapes(all).length === 3 && english(all).length === 1 && detail(all).length === 1 && !!chartChunk && /\.register\(/.test(chartChunk[1]),
    `importing kdx-widgets/define: chart.js and English in lazy chunks of their own, chart.js's controllers registered (${kB(all)})`,
  );

  step('the built app in Chromium');
  const { default: puppeteer } = await import(join(ROOT, 'node_modules/puppeteer-core/lib/esm/puppeteer/puppeteer-core.js'));
  const chrome = findChromium();
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };
  const server = createServer((req, res) => {
    // /main/… and /all/… are the two builds; the bundle is in both (from public/).
    const path = join(app, 'dist', decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!path.startsWith(join(app, 'dist')) || !existsSync(path)) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${origin}/main/index.html`);
    const one = await page.waitForFunction(
      () => {
        const text = document.querySelector('kdx-progress')?.shadowRoot?.textContent ?? '';
        return text.includes('%') && { text: text.replace(/\s+/g, ' ').trim(), chart: !!customElements.get('kdx-chart'), plan: !!customElements.get('kdx-plan') };
      },
      { timeout: 15000 },
    ).then((h) => h.jsonValue());
    check(one.text.includes('97.4%'), `index.html: <kdx-progress> shows "${one.text.slice(0, 40)}…"`);
    check(!one.chart && !one.plan, 'index.html: importing the npm entry registered nothing but what the app defined');
    await page.goto(`${origin}/all/all.html`);
    const all = await page.waitForFunction(
      () => {
        const chart = document.querySelector('kdx-chart');
        const canvas = chart?.shadowRoot?.querySelector('canvas');
        return canvas?.style.display === 'block' && { progress: document.querySelector('kdx-progress').shadowRoot.textContent.includes('84.4%'), tags: ['kdx-plan', 'kdx-progress', 'kdx-initiative-card', 'kdx-plan-tree', 'kdx-chart', 'kdx-plan-overview'].every((t) => customElements.get(t)) };
      },
      { timeout: 15000 },
    ).then((h) => h.jsonValue());
    check(all.tags && all.progress, 'all.html: kdx-widgets/define defines every tag; a widget inside <kdx-plan> shows 84.4%');
    check(true, 'all.html: chart.js drew the doughnut');
    check(errors.length === 0, `no page errors${errors.length ? `: ${errors.join('; ')}` : ''}`);
  } finally {
    await browser.close();
    server.close();
  }
} catch (e) {
  failures.push(String(e.stack ?? e));
  console.error(e.stdout ?? '', e.stderr ?? '', e);
} finally {
  if (keep) console.log(`\nKept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (failures.length) {
  console.error(`\ntest-pack failed in ${seconds} s:\n${failures.map((f) => `  ✗ ${f}`).join('\n')}`);
  process.exit(1);
}
console.log(`\ntest-pack passed in ${seconds} s`);
