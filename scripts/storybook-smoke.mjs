#!/usr/bin/env node
/**
 * Smoke test of the static Storybook (`npm run build-storybook` first): every story renders in headless Chromium
 * without page errors, without console errors other than the widgets' intended `[kdx]` logs (in stories tagged
 * `kdx-error` only), with its widgets settled (no `aria-busy`, except in stories tagged `kdx-loading`), and with
 * no axe-core violations (the rules and scope Storybook's a11y addon uses). Docs pages are opened too and must
 * render without errors.
 *
 * Offline: serves storybook-static/ itself. Chromium: CHROME_PATH, else Debian's /usr/bin/chromium.
 * Usage: node scripts/storybook-smoke.mjs [--dir storybook-static] [--filter <text in story id>] [--jobs N]
 * Prints one line per story and `N passed, M failed` last; exits 1 on any failure.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
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
  if (req.url === AXE_URL) {
    res.writeHead(200, { 'Content-Type': TYPES['.js'], 'Cache-Control': 'max-age=3600' }).end(axeSource);
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
const WIDGETS = ['kdx-progress', 'kdx-initiative-card', 'kdx-plan-tree', 'kdx-chart'];

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

// --- Run -------------------------------------------------------------------------------------------------
const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: [
    ...CHROMIUM_ARGS,
    '--disable-dev-shm-usage',
    '--no-first-run',
    // Several pages at once: none of them may be throttled as a background tab (timers, animation frames).
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
  ],
});

async function check(entry) {
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
      for (const v of await axe(page)) {
        problems.push(`axe ${v.id} (${v.impact}): ${v.help}\n      ${v.nodes.slice(0, 3).join('\n      ')}`);
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

const started = Date.now();
const queue = [...stories, ...docs];
const results = [];
let passed = 0;
let failed = 0;
async function worker() {
  for (let entry = queue.shift(); entry; entry = queue.shift()) {
    const r = await check(entry);
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
  await browser.close();
  server.close();
}
console.log(
  `(${stories.length} stories, ${docs.length} docs pages, ${((Date.now() - started) / 1000).toFixed(1)}s)`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || results.length === 0 ? 1 : 0);
