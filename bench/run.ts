/**
 * `npm run bench`: every benchmark in headless Chromium, one table, and bench/results.json.
 *
 *   tsx bench/run.ts [--samples 15] [--only size,tree,keys,cls,fifty,memory,author] [--root .]
 *                    [--cases 1k-open,10k-open,10k-default] [--variants kdx,plain,sl] [--memory-pages 3]
 *
 * Pages are production builds (bench/vite.config.ts; Lit in production mode), served without compression or
 * caching by bench/lib/server.ts. Every sample is a fresh page; the cases of a round run in a shuffled order
 * (interleaved), so that a slow spell of the machine hits every case alike. Ratios compare medians of the same
 * run. `npm run build` must have run first for the size part (the `bench` script does it).
 */
import { execSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import type { Browser, Page } from 'puppeteer-core';
import { AUTHOR_ROWS, runAuthor, type AuthorResult } from './author.js';
import { generateBundle } from './gen-bundle.js';
import { launch } from './lib/browser.js';
import { serve } from './lib/server.js';
import { fmtMs, summarize, type Summary } from './lib/stats.js';
import { measurePages, printModules, printPages, reportBuild, sizePages, type PageSize } from './size.js';
import { BENCH_OUT, BENCH_PAGES } from './vite.config.js';
import type { TreeCase, TreeResult } from './pages/harness.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const SAMPLES = Number(arg('samples') ?? 15);
const ONLY = new Set((arg('only') ?? 'size,tree,keys,cls,fifty,memory,author').split(','));
/** Goal for the cumulative layout shift while the reader scrolls the 1,000-node tree (Core Web Vitals: good ≤ 0.1). */
const CLS_GOAL = 0.05;
const ROOT = resolve(arg('root') ?? '.');
const MEMORY_PAGES = Number(arg('memory-pages') ?? 3);
/** author.html: fresh pages per format (each opens 10,000 rows: fewer than the trees' samples), and its goal. */
const AUTHOR_SAMPLES = Number(arg('author-samples') ?? 7);
const AUTHOR_GOAL_MS = 2000;

type Variant = 'kdx' | 'plain' | 'sl' | 'alt';
const VARIANTS = (arg('variants') ?? 'kdx,plain,sl').split(',') as Variant[];
const NAMES: Record<Variant, string> = { kdx: '<kdx-plan-tree>', plain: 'plain DOM', sl: 'Shoelace sl-tree', alt: '<kdx-plan-tree> (--alt)' };
/**
 * `--alt <dir>`: benchmark pages built from another checkout (`KDX_BENCH_OUT=<dir> vite build --config
 * bench/vite.config.ts` there), run as one more variant: before/after comparisons in one run.
 */
const ALT = arg('alt');
if (ALT && !VARIANTS.includes('alt')) VARIANTS.push('alt');

interface TreeSpec {
  id: string;
  label: string;
  nodes: number;
  expandDepth: number;
  /** Goals: kdx median ≤ ratio × baseline median. */
  goals?: Partial<Record<'plain' | 'sl', number>>;
  /** Keys pressed after the first frame: [label, id of the row focused first, key, presses (one after another)]. */
  keys?: Array<[string, string, string, number]>;
}

const TREES: TreeSpec[] = [
  { id: '1k-open', label: 'tree 1,000 nodes, all open', nodes: 1000, expandDepth: 99, goals: { plain: 1.3, sl: 0.35 } },
  {
    id: '10k-open',
    label: 'tree 10,000 nodes, all open',
    nodes: 10000,
    expandDepth: 99,
    goals: { plain: 1.0, sl: 0.15 },
    keys: [
      ['↓ move focus, mid-tree, mean of 5 (10k open)', 'n4-600', 'ArrowDown', 5],
      ['← close a branch of ~1,700 rows (10k open)', 'n1-1', 'ArrowLeft', 1],
      ['→ open it again (10k open)', 'n1-1', 'ArrowRight', 1],
    ],
  },
  {
    id: '10k-default',
    label: 'tree 10,000 nodes, default view (expand-depth=1)',
    nodes: 10000,
    expandDepth: 1,
    keys: [['→ open a closed branch (10k default view)', 'n2-1', 'ArrowRight', 1]],
  },
];

/** The size page of Shoelace's set comparable to the widgets (bench/pages/shoelace-set.ts). */
const SHOELACE_SET = "Shoelace's comparable set (progress bar and ring, tree, card, input, button), built alike";

const CASES = arg('cases')?.split(',');
const treeSpecs = () => TREES.filter((t) => !CASES || CASES.includes(t.id));

/** Deterministic shuffle (the order differs per round, the same between runs). */
function shuffle<T>(items: T[], seed: number): T[] {
  const a = [...items];
  let s = seed;
  for (let i = a.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

async function openPage(browser: Browser, url: string): Promise<Page> {
  const tab = await browser.newPage();
  const errors: string[] = [];
  tab.on('pageerror', (e) => errors.push(String(e)));
  await tab.goto(url);
  await tab.waitForFunction('window.benchReady === true', { timeout: 30_000 });
  if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
  return tab;
}

/** Presses `key` and returns the time from its keydown to the end of the next frame (bench/pages/harness.ts). */
async function pressKey(tab: Page, key: string): Promise<number> {
  const before = await tab.evaluate('window.keyLatencies.length');
  await tab.keyboard.press(key as never);
  await tab.waitForFunction(`window.keyLatencies.length > ${before}`, { timeout: 60_000 });
  return tab.evaluate(`window.keyLatencies[${before}]`) as Promise<number>;
}

interface TreeSamples {
  frame: Record<string, number[]>;
  script: Record<string, number[]>;
  items: Record<string, number>;
  keys: Record<string, number[]>;
}

async function runTrees(browser: Browser, origin: string): Promise<TreeSamples> {
  const out: TreeSamples = { frame: {}, script: {}, items: {}, keys: {} };
  const jobs = treeSpecs().flatMap((t) => VARIANTS.map((v) => [t, v] as const));
  const started = Date.now();
  for (let round = 0; round < SAMPLES; round++) {
    for (const [t, v] of shuffle(jobs, round + 1)) {
      const key = `${t.id}/${v}`;
      const tab = await openPage(browser, v === 'alt' ? `${origin}/alt/tree-kdx.html` : `${origin}/p/tree-${v}.html`);
      try {
        const c: TreeCase = { data: `/data/tree-${t.nodes}.json`, expandDepth: t.expandDepth };
        const r = (await tab.evaluate((x) => window.bench.tree!(x), c)) as TreeResult;
        (out.frame[key] ??= []).push(r.frame);
        (out.script[key] ??= []).push(r.script);
        if (out.items[key] !== undefined && out.items[key] !== r.items) throw new Error(`${key}: ${r.items} items, before ${out.items[key]}`);
        out.items[key] = r.items;
        if (ONLY.has('keys')) {
          for (const [label, id, k, times] of t.keys ?? []) {
            await tab.evaluate((x) => window.bench.focus!(x), id);
            const ms: number[] = [];
            for (let i = 0; i < times; i++) ms.push(await pressKey(tab, k));
            // The mean, not the median: a slow press among fast ones is what a reader notices.
            (out.keys[`${label}/${v}`] ??= []).push(ms.reduce((a, b) => a + b, 0) / ms.length);
          }
        }
      } finally {
        await tab.close();
      }
    }
    process.stderr.write(`\r  trees: round ${round + 1}/${SAMPLES} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  process.stderr.write('\n');
  return out;
}

/** In the page (a string: tsx would add helpers to a function that the page does not have). */
const CLS_SCRIPT = `(async () => {
  const shifts = [];
  const add = (entries) => { for (const e of entries) if (!e.hadRecentInput) shifts.push({ t: e.startTime, v: e.value }); };
  const po = new PerformanceObserver((l) => add(l.getEntries()));
  po.observe({ type: 'layout-shift', buffered: false });
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const height = () => document.querySelector('kdx-plan-tree').getBoundingClientRect().height;
  for (let i = 0; i < 4; i++) await frame();
  const before = height();
  for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
    scrollTo(0, y);
    await frame();
  }
  await frame();
  await frame();
  add(po.takeRecords());
  po.disconnect();
  let best = 0, sum = 0, start = -Infinity, last = -Infinity;
  for (const s of shifts) {
    if (s.t - last > 1000 || s.t - start > 5000) { start = s.t; sum = 0; }
    sum += s.v;
    last = s.t;
    best = Math.max(best, sum);
  }
  return { cls: best, change: Math.abs(height() - before) / height() };
})()`;

/**
 * The page's cumulative layout shift (Layout Instability API, the largest session window: shifts < 1 s apart, at
 * most 5 s, as Core Web Vitals count it) while the page is scrolled through the 1,000-node tree, all open, half a
 * screen per frame, as a reader flicking down does. Per variant that is a `<kdx-plan-tree>` (kdx, alt).
 */
async function runCls(browser: Browser, origin: string): Promise<Record<string, number[]>> {
  // Per variant: the CLS samples, and under `<variant> height` how much the tree's height changed once scrolled
  // through (the jump the reader sees in the scroll bar; CLS does not count what happens off screen).
  const out: Record<string, number[]> = {};
  const variants = VARIANTS.filter((v) => v === 'kdx' || v === 'alt');
  for (let round = 0; round < SAMPLES; round++) {
    for (const v of shuffle(variants, round + 7)) {
      const tab = await openPage(browser, v === 'alt' ? `${origin}/alt/tree-kdx.html` : `${origin}/p/tree-kdx.html`);
      try {
        await tab.evaluate((c) => window.bench.tree!(c), { data: '/data/tree-1000.json', expandDepth: 99 } as TreeCase);
        const r = (await tab.evaluate(CLS_SCRIPT)) as { cls: number; change: number };
        (out[v] ??= []).push(r.cls);
        (out[`${v} height`] ??= []).push(r.change);
      } finally {
        await tab.close();
      }
    }
  }
  return out;
}

interface FiftyResult {
  requests: number[];
  bundleRequests: number[];
  rendered: number[];
  frame: number[];
  loads: number;
  errors: number;
}

async function runFifty(browser: Browser, origin: string): Promise<FiftyResult> {
  const out: FiftyResult = { requests: [], bundleRequests: [], rendered: [], frame: [], loads: 0, errors: 0 };
  for (let i = 0; i < SAMPLES; i++) {
    const tab = await browser.newPage();
    const urls: string[] = [];
    tab.on('request', (r) => urls.push(r.url()));
    await tab.goto(`${origin}/p/fifty.html`);
    await tab.waitForFunction('window.fifty.done !== undefined', { timeout: 30_000 });
    const t = (await tab.evaluate('window.fifty.done')) as { rendered: number; frame: number };
    const counts = (await tab.evaluate('({ loads: window.fifty.loads, errors: window.fifty.errors })')) as { loads: number; errors: number };
    await tab.close();
    out.rendered.push(t.rendered);
    out.frame.push(t.frame);
    out.requests.push(urls.length);
    out.bundleRequests.push(urls.filter((u) => u.endsWith('.json')).length);
    out.loads = counts.loads;
    out.errors = counts.errors;
  }
  return out;
}

interface MemoryResult {
  /** Per page: used JS heap after GC, before mounting and after each of 5 mount/remove rounds (bytes). */
  heap: number[][];
  nodes: number[][];
  listeners: number[][];
  widgets: number;
}

async function runMemory(browser: Browser, origin: string): Promise<MemoryResult> {
  const out: MemoryResult = { heap: [], nodes: [], listeners: [], widgets: 0 };
  for (let p = 0; p < MEMORY_PAGES; p++) {
    const tab = await openPage(browser, `${origin}/p/memory.html`);
    const cdp = await tab.createCDPSession();
    const measure = async () => {
      // Twice: the first collection can leave garbage that finalizers released.
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const dom = await cdp.send('Memory.getDOMCounters');
      return { heap: heap.usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners };
    };
    const rows = [await measure()];
    for (let i = 0; i < 5; i++) {
      out.widgets = await tab.evaluate(() => window.bench.mount!('/data/tree-1000.json'));
      await tab.evaluate(() => window.bench.unmount!());
      rows.push(await measure());
    }
    await tab.close();
    out.heap.push(rows.map((r) => r.heap));
    out.nodes.push(rows.map((r) => r.nodes));
    out.listeners.push(rows.map((r) => r.listeners));
  }
  return out;
}

function table(rows: string[][]): string {
  const w = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c + ' '.repeat(w[i]! - [...c].length)).join(' | ')} |`;
  return [line(rows[0]!), `|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

async function main() {
  const t0 = Date.now();
  mkdirSync(join(BENCH_OUT, 'data'), { recursive: true });
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    samples: SAMPLES,
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
    commit: (() => {
      try {
        return execSync('git rev-parse --short HEAD', { cwd: ROOT, encoding: 'utf8' }).trim() + (execSync('git status --porcelain', { cwd: ROOT, encoding: 'utf8' }).trim() ? ' + local changes' : '');
      } catch {
        return undefined;
      }
    })(),
  };

  let sizeOk = true;
  let pageSizes: PageSize[] = [];
  if (ONLY.has('size')) sizeOk = reportBuild(ROOT);

  const allPages = ['tree', 'keys', 'cls', 'fifty', 'memory'].some((x) => ONLY.has(x));
  if (allPages || ONLY.has('size')) {
    process.stderr.write('Building the benchmark pages (vite, production)…\n');
    rmSync(join(BENCH_OUT, 'pages'), { recursive: true, force: true });
    // For sizes alone, only Shoelace's comparable set is needed.
    for (const page of allPages ? BENCH_PAGES : ['shoelace-set']) {
      process.env.KDX_BENCH_PAGE = page;
      await build({ configFile: join(ROOT, 'bench/vite.config.ts') });
    }
    delete process.env.KDX_BENCH_PAGE;
    for (const n of new Set([...treeSpecs().map((t) => t.nodes), ...(ONLY.has('cls') ? [1000] : [])])) {
      writeFileSync(join(BENCH_OUT, 'data', `tree-${n}.json`), JSON.stringify(generateBundle({ nodes: n, depth: 5, seed: 1 })));
    }
  }
  const server = await serve(
    {
      '/dist/': join(ROOT, 'dist'),
      '/seeds/': join(ROOT, 'seeds'),
      '/p/': join(BENCH_OUT, 'pages'),
      '/data/': join(BENCH_OUT, 'data'),
      ...(ALT ? { '/alt/': join(ALT, 'pages') } : {}),
    },
    sizePages(),
  );
  const browser = await launch();
  results.browser = await browser.version();
  const report: string[] = [];
  try {
    if (ONLY.has('size')) {
      // A bundler's view: a page built by Vite from the npm entry, importing only KdxProgress (tree-shaken).
      const extra: Array<[string, string, number]> = [
        ...(allPages ? [['only <kdx-progress>, npm entry tree-shaken (Vite page)', '/p/npm-progress.html', 1] as [string, string, number]] : []),
        [SHOELACE_SET, '/p/shoelace-set.html', 1],
      ];
      pageSizes = await measurePages(browser, server.origin, extra);
      results.sizes = pageSizes;
    }
    let trees: TreeSamples | undefined;
    if (ONLY.has('tree') || ONLY.has('keys')) {
      trees = await runTrees(browser, server.origin);
      results.trees = trees;
    }
    let cls: Record<string, number[]> | undefined;
    if (ONLY.has('cls')) {
      cls = await runCls(browser, server.origin);
      results.cls = cls;
    }
    let fifty: FiftyResult | undefined;
    if (ONLY.has('fifty')) {
      fifty = await runFifty(browser, server.origin);
      results.fifty = fifty;
    }
    let memory: MemoryResult | undefined;
    if (ONLY.has('memory')) {
      memory = await runMemory(browser, server.origin);
      results.memory = memory;
    }
    let author: AuthorResult | undefined;
    if (ONLY.has('author')) {
      author = await runAuthor(browser, server.origin, join(BENCH_OUT, 'data'), Math.min(SAMPLES, AUTHOR_SAMPLES));
      results.author = author;
    }

    // --- the table ---------------------------------------------------------------------------------------
    const summaries: Record<string, Summary> = {};
    const failures: string[] = [];
    if (pageSizes.length) {
      printModules(join(ROOT, 'dist/kdx.js'));
      failures.push(...printPages(pageSizes));
      // Issue 18: every widget (with the data layer) against Shoelace's comparable set (without one), built alike.
      const sl = pageSizes.find((p) => p.page === SHOELACE_SET);
      const all = pageSizes.find((p) => p.page === 'every widget, no chart');
      if (sl && all) {
        const ratio = all.brotli / sl.brotli;
        results.shoelaceRatio = ratio;
        report.push(`Every widget, no chart: ${(all.brotli / 1000).toFixed(1)} kB brotli = ${ratio.toFixed(2)} × Shoelace's comparable set (${(sl.brotli / 1000).toFixed(1)} kB: progress bar and ring, tree, card, input, button; no data layer)`);
      }
      for (const p of pageSizes) if (p.goal !== undefined && p.brotli > p.goal) failures.push(`${p.page}: ${(p.brotli / 1000).toFixed(1)} kB brotli, goal ≤ ${(p.goal / 1000).toFixed(1)} kB`);
    }
    if (!sizeOk) failures.push('scripts/report-build.mjs checks failed');
    if (trees) {
      const rows: string[][] = [['case', ...VARIANTS.map((v) => NAMES[v]), 'kdx ÷ plain', 'kdx ÷ Shoelace', 'items']];
      for (const t of treeSpecs()) {
        const s = Object.fromEntries(VARIANTS.map((v) => [v, summarize(trees.frame[`${t.id}/${v}`] ?? [])])) as Record<Variant, Summary>;
        for (const v of VARIANTS) summaries[`${t.id}/${v}`] = s[v];
        const ratio = (b: 'plain' | 'sl') => {
          if (!s[b] || !s.kdx) return '';
          const r = s.kdx.median / s[b].median;
          const goal = t.goals?.[b];
          if (goal !== undefined && !(r <= goal)) failures.push(`${t.label}: kdx ÷ ${NAMES[b]} = ${r.toFixed(2)} (goal ≤ ${goal})`);
          return `${r.toFixed(2)}${goal === undefined ? '' : ` ${r <= goal ? '✓' : '✗'} ≤ ${goal}`}`;
        };
        const items = VARIANTS.map((v) => trees.items[`${t.id}/${v}`]).join(' / ');
        rows.push([`${t.label}: first frame`, ...VARIANTS.map((v) => fmtMs(s[v])), ratio('plain'), ratio('sl'), items]);
        const sc = Object.fromEntries(VARIANTS.map((v) => [v, summarize(trees.script[`${t.id}/${v}`] ?? [])])) as Record<Variant, Summary>;
        rows.push([`  of which script (before style/layout)`, ...VARIANTS.map((v) => fmtMs(sc[v])), '', '', '']);
        for (const [label] of ONLY.has('keys') ? (t.keys ?? []) : []) {
          const k = Object.fromEntries(VARIANTS.map((v) => [v, summarize(trees.keys[`${label}/${v}`] ?? [])])) as Record<Variant, Summary>;
          for (const v of VARIANTS) summaries[`key ${label}/${v}`] = k[v];
          const r = (b: Variant) => (k.kdx && k[b] ? (k.kdx.median / k[b].median).toFixed(2) : '');
          rows.push([`key ${label}: to next frame`, ...VARIANTS.map((v) => fmtMs(k[v])), r('plain'), r('sl'), '']);
        }
      }
      report.push(`Trees (median and IQR of ${SAMPLES} fresh pages each, interleaved)\n\n${table(rows)}`);
    }
    if (cls) {
      const vs = Object.keys(cls).filter((k) => !k.endsWith(' height'));
      const rows: string[][] = [['case', ...vs.map((v) => NAMES[v as Variant]), 'goal']];
      const cell = (k: string, pct = false) => {
        const s = summarize(cls[k]!);
        const f = (x: number) => (pct ? `${(x * 100).toFixed(1)} %` : x.toFixed(3));
        return `${f(s.median)} (max ${f(s.max)})`;
      };
      const kdx = cls.kdx ? summarize(cls.kdx) : undefined;
      if (kdx && !(kdx.max <= CLS_GOAL)) failures.push(`layout shift scrolling the 1,000-node tree: ${kdx.max.toFixed(3)} (goal ≤ ${CLS_GOAL})`);
      rows.push(['CLS scrolling the 1,000-node tree (all open), median (max)', ...vs.map((v) => cell(v)), `≤ ${CLS_GOAL} ${kdx && kdx.max <= CLS_GOAL ? '✓' : '✗'}`]);
      rows.push(['  its height after scrolling through vs before', ...vs.map((v) => cell(`${v} height`, true)), '≤ 10 % (test)']);
      report.push(`Layout shift (${SAMPLES} fresh pages each)\n\n${table(rows)}`);
    }
    if (fifty) {
      const req = summarize(fifty.bundleRequests);
      if (req.max !== 1) failures.push(`50 widgets on one src made ${req.max} requests for the bundle (must be 1)`);
      if (fifty.loads !== 50) failures.push(`50 widgets: ${fifty.loads} kdx-load, ${fifty.errors} kdx-error`);
      summaries['fifty/rendered'] = summarize(fifty.rendered);
      summaries['fifty/frame'] = summarize(fifty.frame);
      report.push(
        `50 widgets on one src (${SAMPLES} page loads)\n\n${table([
          ['measure', 'value'],
          ['requests for the bundle (JSON)', `${req.max === req.min ? req.max : `${req.min}–${req.max}`} ${req.max === 1 ? '✓' : '✗'} (must be 1)`],
          ['requests in all (page, scripts, bundle)', `${summarize(fifty.requests).median}`],
          ['widgets that fired kdx-load / kdx-error', `${fifty.loads} / ${fifty.errors}`],
          ['navigation start → all 50 fired kdx-load', fmtMs(summaries['fifty/rendered'])],
          ['navigation start → first frame with all 50', fmtMs(summaries['fifty/frame'])],
        ])}`,
      );
    }
    if (memory) {
      const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
      const growth = memory.heap.map((h) => h[5]! - h[1]!);
      const first = memory.heap.map((h) => h[1]! - h[0]!);
      const nodes = memory.nodes.map((n) => n[5]! - n[1]!);
      const listeners = memory.listeners.map((n) => n[5]! - n[1]!);
      const rounds = memory.heap.map((h) => h.map((x) => kb(x)).join(' → ')).join('\n  ');
      // Beyond noise: more than 256 KiB, or growing DOM nodes / listeners.
      const noise = 256 * 1024;
      if (Math.min(...growth) > noise || Math.min(...nodes) > 0 || Math.min(...listeners) > 0) {
        failures.push(`memory grows over mount/remove rounds: heap ${growth.map(kb).join(', ')}; DOM nodes ${nodes.join(', ')}; listeners ${listeners.join(', ')}`);
      }
      report.push(
        `Memory: mount ${memory.widgets} widgets (50 on the Kanazawa bundle + a 1,000-node tree, all open), remove, 5 times; ${MEMORY_PAGES} pages\n\n${table([
          ['measure', 'value'],
          ['heap growth, after round 1 → after round 5 (per page)', `${growth.map(kb).join(', ')}`],
          ['DOM nodes, after round 1 → after round 5', `${nodes.map((n) => (n > 0 ? `+${n}` : String(n))).join(', ')}`],
          ['JS event listeners, after round 1 → after round 5', `${listeners.map((n) => (n > 0 ? `+${n}` : String(n))).join(', ')}`],
          ['kept after round 1 (page-wide bundle cache, by design)', `${first.map(kb).join(', ')}`],
        ])}\n  used heap after GC, before → rounds 1…5:\n  ${rounds}`,
      );
    }
    if (author) {
      const rows: string[][] = [['from choosing the file to…', 'CSV (UTF-8, BOM)', '.xlsx']];
      const stages = [['bytes read', 'read'], ['table parsed', 'parsed'], ['checked (kdx import, merge, validate, model, diff)', 'checked'], ['preview drawn (every widget, next frame)', 'previewed'], ['CSV download offered (made after the preview)', 'csv']] as const;
      for (const [label, key] of stages) {
        const s = { csv: summarize(author.csv.map((x) => x[key])), xlsx: summarize(author.xlsx.map((x) => x[key])) };
        summaries[`author/csv/${key}`] = s.csv;
        summaries[`author/xlsx/${key}`] = s.xlsx;
        rows.push([label, fmtMs(s.csv), fmtMs(s.xlsx)]);
      }
      for (const f of ['csv', 'xlsx'] as const) {
        const m = summaries[`author/${f}/previewed`]!.median;
        if (!(m <= AUTHOR_GOAL_MS)) failures.push(`author.html, ${AUTHOR_ROWS.toLocaleString('en')} rows (${f}): ${m.toFixed(0)} ms to the preview (goal ≤ ${AUTHOR_GOAL_MS} ms)`);
      }
      report.push(`author.html: a ${AUTHOR_ROWS.toLocaleString('en')}-row spreadsheet opened, checked and previewed (goal ≤ ${AUTHOR_GOAL_MS} ms; median and IQR of ${author.csv.length} fresh pages each)\n\n${table(rows)}`);
    }
    results.summaries = summaries;
    results.failures = failures;
    results.seconds = Math.round((Date.now() - t0) / 1000);
    console.log(`\n${report.join('\n\n')}\n`);
    console.log(`${results.browser}; ${results.cpus}; ${SAMPLES} samples; ${results.seconds} s`);
    if (failures.length) {
      console.log(`\nGoals missed:\n${failures.map((f) => `  ✗ ${f}`).join('\n')}`);
      process.exitCode = 1;
    } else console.log('\nAll goals met.');
  } finally {
    writeFileSync(join(ROOT, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
