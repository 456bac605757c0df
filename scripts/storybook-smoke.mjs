#!/usr/bin/env node
/**
 * Smoke test of the static Storybook (`npm run build-storybook` first): every story renders in headless Chromium
 * without page errors, without console errors other than the widgets' intended `[kdx]` logs (in stories tagged
 * `kdx-error` only), with its widgets settled (no `aria-busy`, except in stories tagged `kdx-loading`), and with
 * no axe-core violations (the rules and scope Storybook's a11y addon uses). Docs pages are opened too and must
 * render without errors.
 *
 * Then, for every story, in Japanese and in English (re-rendered in place through Storybook's globals), the
 * presentation checks of test/presentation/checks.js (JIS X 8341-3 AA beyond axe): no horizontal overflow at
 * 320 CSS px and WCAG 1.4.12 text spacing clips no text, in both languages; text contrast from the rendered
 * colours for `theme` light, dark and auto (auto under both prefers-color-scheme values) on a white and on a
 * near-black page, every text against white under print media, and no border or outline under forced colours
 * that is not there without them, in the story's first language (both with KDX_SMOKE_FULL=1, as .ci/run sets). A widget or state
 * added later is covered by adding its story.
 *
 * `--shots-only` (run by `npm run build-storybook`): renders every story tagged `forced-colors` with forced colours
 * emulated (Chromium's DevTools protocol; a page cannot switch them on itself) and writes the picture to
 * <dir>/forced-colors/<story id>.png, which those stories show to designers next to the live widgets.
 *
 * Offline: serves storybook-static/ itself. Chromium: CHROME_PATH, else Debian's /usr/bin/chromium.
 * Usage: node scripts/storybook-smoke.mjs [--dir storybook-static] [--filter <text in story id>] [--jobs N]
 *   [--no-presentation] [--shots-only]
 * Prints one line per story and `N passed, M failed` last; exits 1 on any failure.
 */
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium, HOW_TO_INSTALL } from './chromium.js';

const { values: opts } = parseArgs({
  options: {
    dir: { type: 'string', default: 'storybook-static' },
    filter: { type: 'string', default: '' },
    jobs: { type: 'string', default: String(Math.min(4, Math.max(2, cpus().length))) },
    timeout: { type: 'string', default: '20000' },
    'no-presentation': { type: 'boolean', default: false },
    'shots-only': { type: 'boolean', default: false },
  },
});

const root = resolve(opts.dir);
const indexFile = join(root, 'index.json');
if (!existsSync(indexFile)) {
  console.error(`${indexFile} is missing: run \`npm run build-storybook\` first.`);
  process.exit(1);
}
const executablePath = findChromium();
if (!executablePath) {
  console.error(`No Chromium.\n${HOW_TO_INSTALL}`);
  process.exit(1);
}
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const checksSource = readFileSync(new URL('../test/presentation/checks.js', import.meta.url), 'utf8');
const CHECKS_URL = '/__smoke/checks.js';
const TIMEOUT = Number(opts.timeout);
/** axe-core, served next to the stories (a URL, so Chromium caches its compiled code across pages). */
const AXE_URL = '/__smoke/axe.min.js';

// --- A tiny static server (offline, no dependencies) -------------------------------------------------------
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const server = createServer((req, res) => {
  if (req.url === AXE_URL || req.url === CHECKS_URL) {
    res.writeHead(200, { 'Content-Type': TYPES['.js'], 'Cache-Control': 'max-age=3600' }).end(req.url === AXE_URL ? axeSource : checksSource);
    return;
  }
  let path;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  let file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403).end();
    return;
  }
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file) && path === '/favicon.ico') {
    res.writeHead(204).end(); // the browser asks on its own; not part of any story
    return;
  }
  if (!existsSync(file)) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  // Cacheable, so that each new page reuses the compiled bundles instead of parsing them again.
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'max-age=3600' });
  createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

// --- What to open ----------------------------------------------------------------------------------------
const index = JSON.parse(readFileSync(indexFile, 'utf8'));
const all = Object.values(index.entries);
const entries = all.filter((e) => e.id.includes(opts.filter));
const stories = entries.filter((e) => e.type === 'story');
const docs = entries.filter((e) => e.type === 'docs');
/** Docs pages show every story of their file: they may show intended errors and loading states too. */
const fileTags = new Map();
for (const s of all.filter((e) => e.type === 'story')) {
  fileTags.set(s.importPath, new Set([...(fileTags.get(s.importPath) ?? []), ...(s.tags ?? [])]));
}

// --- In the page -----------------------------------------------------------------------------------------
const WIDGETS = ['kdx-progress', 'kdx-initiative-card', 'kdx-plan-tree', 'kdx-chart', 'kdx-plan-overview'];

/** Runs in the page: where rendering stands. */
function probe(widgetTags, scope) {
  const errorShown = document.body.classList.contains('sb-show-errordisplay');
  if (errorShown) {
    const text = (id) => document.getElementById(id)?.textContent?.trim() ?? '';
    return { error: `Storybook error display: ${text('error-message')} ${text('error-stack').split('\n')[0] ?? ''}`.trim() };
  }
  // Story mode: wait for Storybook's render cycle (loaders, render, play function, afterEach) to complete.
  const phase = scope === '#storybook-root' ? window.__STORYBOOK_PREVIEW__?.currentRender?.phase : undefined;
  if (phase === 'errored' || phase === 'aborted') return { error: `story ${phase}` };
  if (phase && phase !== 'completed' && phase !== 'finished') return { rendered: false };
  const container = document.querySelector(scope);
  if (!container || !container.querySelector('*')) return { rendered: false };
  const widgets = [];
  const walk = (node) => {
    for (const el of node.querySelectorAll('*')) {
      if (widgetTags.includes(el.localName)) widgets.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(container);
  let busy = 0;
  let empty = 0;
  for (const w of widgets) {
    const r = w.shadowRoot;
    if (!r || (!r.querySelector('*') && !r.textContent?.trim())) empty++;
    else if (r.querySelector('[aria-busy="true"]')) busy++;
  }
  return { rendered: true, widgets: widgets.length, busy, empty };
}

async function settle(page, { loadingStory, scope, minWidgets }) {
  const until = Date.now() + TIMEOUT;
  let last;
  for (;;) {
    last = await page.evaluate(probe, WIDGETS, scope);
    if (last.error) throw new Error(last.error);
    const done =
      last.rendered &&
      last.empty === 0 &&
      last.widgets >= minWidgets &&
      (scope === '#storybook-docs' ? true : loadingStory ? last.busy === last.widgets : last.busy === 0);
    if (done) break;
    if (Date.now() > until) {
      if (!last.rendered) throw new Error('nothing rendered');
      throw new Error(
        `did not settle: ${last.widgets} widgets, ${last.busy} still loading, ${last.empty} rendered nothing`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  // Let lazily loaded code (chart.js) and the last frames run, so their errors are caught here.
  await page.waitForNetworkIdle({ idleTime: 150, timeout: 5000 }).catch(() => {});
  await page.evaluate(
    () => new Promise((r) => (requestAnimationFrame(() => requestAnimationFrame(r)), setTimeout(r, 500))),
  );
  return last;
}

async function axe(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: AXE_URL });
  return page.evaluate(async () => {
    // The scope and rules of @storybook/addon-a11y: the story, not Storybook's own chrome; no `region` rule
    // (a story is a fragment of a page, not a page with landmarks).
    const result = await window.axe.run(
      { include: [document.body], exclude: [['.sb-wrapper'], ['#storybook-docs'], ['#storybook-highlights-root']] },
      { rules: { region: { enabled: false } }, resultTypes: ['violations'] },
    );
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 2).join(' ').trim()}`),
    }));
  });
}

// --- Presentation (JIS X 8341-3 AA beyond axe) -------------------------------------------------------------
/** Page backgrounds the widgets must read on: white and near-black, with the page's own text colour. */
const PAGES = [
  ['white page', 'rgb(255, 255, 255)', '#1a1a1a'],
  ['near-black page', 'rgb(13, 13, 13)', '#f2f2f2'],
];
/** [label, theme attribute, prefers-color-scheme]. */
const THEMES = [
  ['light', 'light', 'light'],
  ['dark', 'dark', 'light'],
  ['auto (system light)', 'auto', 'light'],
  ['auto (system dark)', 'auto', 'dark'],
];
const FORCED = [{ name: 'forced-colors', value: 'active' }];

/** Waits for the widgets' last frames (a chart redraws after a resize; the tree after a theme change). */
const calm = (page, ms = 150) => page.evaluate((ms) => new Promise((r) => setTimeout(r, ms)).then(() => window.kdxPresentation.frames()), ms);

/**
 * Every presentation check on the story as it is shown, in place (no reload): returns problems, each prefixed
 * with the case it was seen in. `colours: false` runs only the checks of layout (reflow, text spacing): a
 * language changes the text and its line breaks, not what a theme paints behind it, so the colour checks
 * (contrast in every theme and page colour, print, forced colours) run in the first language only, unless
 * KDX_SMOKE_FULL=1 (they cost three quarters of the time of a pass).
 */
async function presentationChecks(page, cdp, { lang, colours }) {
  const problems = [];
  const note = (where, list) => problems.push(...list.map((p) => `[${lang}, ${where}] ${p}`));
  const media = (type = '', features = []) => cdp.send('Emulation.setEmulatedMedia', { media: type, features });
  const run = (fn, ...args) => page.evaluate((fn, args) => window.kdxPresentation[fn](...args), fn, args);

  await media();
  await page.setViewport({ width: 320, height: 900 });
  await calm(page);
  note('320px', [...(await fit(page, run)), ...(await run('overflow'))]);

  // The page's background, painted over the story's frame (a stylesheet of the test's, not the story's).
  const paint = (bg, fg) =>
    page.evaluate((bg, fg) => {
      const s = (window.__kdxPageSheet ??= new CSSStyleSheet());
      s.replaceSync(`html, body, .kdx-frame { background: ${bg} !important; color: ${fg} !important; }`);
      if (!document.adoptedStyleSheets.includes(s)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, s];
    }, bg, fg);
  if (colours) {
    for (const [label, theme, scheme] of THEMES) {
      await media('', [{ name: 'prefers-color-scheme', value: scheme }]);
      await run('setTheme', theme);
      for (const [where, bg, fg] of PAGES) {
        await paint(bg, fg);
        note(`theme ${label}, ${where}`, await run('contrast', bg));
      }
    }
    await paint('rgb(255, 255, 255)', '#1a1a1a');

    for (const [, theme] of THEMES.slice(0, 2)) {
      await run('setTheme', theme);
      await media('print');
      note(`print, theme ${theme}`, await run('printContrast'));
    }

    await media();
    await run('setTheme', 'light');
    const before = await run('decorations');
    await media('', FORCED);
    await calm(page);
    note('forced colours', await page.evaluate((b) => window.kdxPresentation.newDecorations(b, window.kdxPresentation.decorations()), before));
    await media();
  }

  await run('textSpacing', true);
  await calm(page);
  note('text spacing 1.4.12', [...(await fit(page, run)), ...(await run('clipped')), ...(await run('overflow'))]);
  await run('textSpacing', false);
  await page.setViewport({ width: 1280, height: 900 });
  return problems;
}

/**
 * Waits until every chart has followed the viewport (`fitted`); what has not is a problem. Unless the browser
 * renders no frames for the page at all (seen now and then in headless Chromium under load: a chart stayed at its
 * old width while its box shrank): no reader meets a page that is not drawn, so a screenshot makes it draw (headless
 * Chromium then produces a frame), and the wait is tried once more, saying so in the log.
 */
async function fit(page, run) {
  const stale = await run('fitted');
  if (!stale.length || (await run('framesIn', 500)) > 0) return stale;
  console.log(`      (${page.url().split('id=')[1]?.split('&')[0]}: the browser drew no frames; a screenshot, then waiting again)`);
  await page.bringToFront();
  await page.screenshot({ optimizeForSpeed: true });
  return run('fitted');
}

/** Switches the toolbar's language in place (Storybook re-renders the story); false when the story fixes it. */
async function switchLanguage(page, lang) {
  const changed = await page.evaluate(async (lang) => {
    const frame = () => document.querySelector('#storybook-root .kdx-frame');
    if (frame()?.getAttribute('lang') === lang) return true;
    window.__STORYBOOK_ADDONS_CHANNEL__.emit('updateGlobals', { globals: { lang } });
    for (let i = 0; i < 100; i++) {
      await new Promise((r) => setTimeout(r, 20));
      if (frame()?.getAttribute('lang') === lang) return true;
    }
    return false;
  }, lang);
  return changed;
}

/** Forced-colours pictures for the stories tagged `forced-colors` (see `--shots-only`). */
async function forcedColourShots(browser) {
  const dir = join(root, 'forced-colors');
  mkdirSync(dir, { recursive: true });
  const tagged = stories.filter((s) => (s.tags ?? []).includes('forced-colors'));
  for (const entry of tagged) {
    const page = await browser.newPage();
    try {
      await page.setViewport({ width: 1000, height: 900 });
      const cdp = await page.createCDPSession();
      await cdp.send('Emulation.setEmulatedMedia', { media: '', features: FORCED });
      await page.goto(`${base}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=story`, { waitUntil: 'load', timeout: TIMEOUT });
      await settle(page, { loadingStory: false, scope: '#storybook-root', minWidgets: 1 });
      const live = await page.$('#storybook-root .story-live');
      if (!live) throw new Error('no .story-live element to picture');
      await live.screenshot({ path: join(dir, `${entry.id}.png`) });
      console.log(`shot  ${entry.id} → ${join(opts.dir, 'forced-colors', `${entry.id}.png`)}`);
    } finally {
      await page.close().catch(() => {});
    }
  }
  return tagged.length;
}

// --- Run -------------------------------------------------------------------------------------------------
/**
 * One browser per worker, one page at a time in each: a page in a background tab gets no frames, so a chart
 * would not follow a resize and the checks would measure a stale layout.
 */
const launch = () => puppeteer.launch({
  executablePath,
  headless: true,
  args: [
    ...CHROMIUM_ARGS,
    '--disable-dev-shm-usage',
    '--no-first-run',
    // Two browsers at once: neither may be throttled (timers, animation frames).
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
  ],
});
const browsers = [];
const browserFor = async (i) => (browsers[i] ??= await launch());
const closeAll = () => Promise.all(browsers.map((b) => b.close().catch(() => {})));

async function check(entry, browser) {
  const started = Date.now();
  const tags = entry.type === 'docs' ? fileTags.get(entry.importPath) ?? new Set() : new Set(entry.tags ?? []);
  const errorsIntended = tags.has('kdx-error');
  const problems = [];
  let kdxErrors = 0;
  const page = await browser.newPage();
  try {
    await page.setViewport({ width: 1280, height: 900 });
    if (entry.type === 'story' && tags.has('forced-colors')) {
      // Puppeteer's emulateMediaFeatures() does not know forced-colors yet; the DevTools protocol does.
      const cdp = await page.createCDPSession();
      await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
    }
    page.on('pageerror', (e) => problems.push(`page error: ${e.message.split('\n')[0]}`));
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const where = msg.location()?.url;
      const text = msg.text() + (msg.text().startsWith('Failed to load resource') && where ? ` (${where})` : '');
      if (text.startsWith('[kdx]')) kdxErrors++;
      const intended = errorsIntended && (text.startsWith('[kdx]') || text.startsWith('Failed to load resource'));
      if (!intended) problems.push(`console error: ${text.split('\n')[0].slice(0, 300)}`);
    });
    const viewMode = entry.type === 'docs' ? 'docs' : 'story';
    await page.goto(`${base}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${viewMode}&globals=a11y.manual:!true`, {
      waitUntil: 'load',
      timeout: TIMEOUT,
    });
    const scope = entry.type === 'docs' ? '#storybook-docs' : '#storybook-root';
    const state = await settle(page, {
      loadingStory: entry.type === 'story' && tags.has('kdx-loading'),
      scope,
      // A component's docs page shows its stories: wait for their widgets. A written page (MDX) may have none.
      minWidgets: entry.type === 'docs' && !(entry.tags ?? []).includes('unattached-mdx') ? 1 : 0,
    });
    if (entry.type === 'story') {
      if (errorsIntended && kdxErrors === 0) problems.push('tagged kdx-error, but no widget reported an error');
      if (tags.has('forced-colors') && !(await page.evaluate(() => document.querySelector('img.story-shot')?.naturalWidth))) {
        problems.push('no forced-colours picture: run `npm run build-storybook` (it renders them)');
      }
      for (const v of await axe(page)) {
        problems.push(`axe ${v.id} (${v.impact}): ${v.help}\n      ${v.nodes.slice(0, 3).join('\n      ')}`);
      }
      if (!opts['no-presentation']) {
        await page.addScriptTag({ url: CHECKS_URL });
        const cdp = await page.createCDPSession();
        const loadingStory = tags.has('kdx-loading');
        let colours = true;
        for (const lang of ['ja', 'en']) {
          if (!(await switchLanguage(page, lang))) continue; // the story fixes its language (e.g. "English")
          if (process.env.KDX_SMOKE_DEBUG) console.log(`  ${entry.id}: ${lang} at ${Date.now() - started} ms`);
          await settle(page, { loadingStory, scope: '#storybook-root', minWidgets: 0 });
          problems.push(...(await presentationChecks(page, cdp, { lang, colours })));
          colours = process.env.KDX_SMOKE_FULL === '1';
        }
      }
    }
    return { entry, problems, ms: Date.now() - started, widgets: state.widgets };
  } catch (e) {
    problems.push(e instanceof Error ? e.message.split('\n')[0] : String(e));
    return { entry, problems, ms: Date.now() - started, widgets: 0 };
  } finally {
    await page.close().catch(() => {});
  }
}

if (opts['shots-only']) {
  let n = 0;
  try {
    n = await forcedColourShots(await browserFor(0));
  } finally {
    await closeAll();
    server.close();
  }
  console.log(`${n} forced-colours pictures`);
  process.exit(n ? 0 : 1);
}

const started = Date.now();
const queue = [...stories, ...docs];
const results = [];
let passed = 0;
let failed = 0;
async function worker(_, i) {
  const browser = await browserFor(i);
  for (let entry = queue.shift(); entry; entry = queue.shift()) {
    const r = await check(entry, browser);
    results.push(r);
    const name = `${entry.type === 'docs' ? 'docs ' : ''}${entry.id}`;
    const time = `${(r.ms / 1000).toFixed(1)}s`;
    if (r.problems.length === 0) {
      passed++;
      console.log(`ok    ${name} (${r.widgets} widgets, ${time})`);
    } else {
      failed++;
      console.log(`FAIL  ${name} (${time})\n    ${r.problems.join('\n    ')}`);
    }
  }
}
try {
  await Promise.all(Array.from({ length: Number(opts.jobs) }, worker));
} finally {
  await closeAll();
  server.close();
}
console.log(
  `(${stories.length} stories, ${docs.length} docs pages, ${((Date.now() - started) / 1000).toFixed(1)}s)`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || results.length === 0 ? 1 : 0);
