/**
 * What pages load: real pages using the shipped files in dist/, loaded in headless Chromium; every script the
 * page fetches (the entry and any chunk it imports later) is summed, raw / gzip / brotli. Also prints the size
 * of every shipped file (scripts/report-build.mjs, which checks the build too).
 *
 *   npm run bench:size              (after `npm run build`; fast, no timing; for CI)
 *   tsx bench/size.ts --root <dir>  (a checkout whose dist/ to measure)
 *   tsx bench/size.ts --modules     (dist/kdx.js and the core chunk by source module, not only by area)
 *
 * Exits 1 when a budget in bench/budgets.json is exceeded or report-build's checks fail (goals are reported).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Browser, HTTPResponse } from 'puppeteer-core';
import { launch } from './lib/browser.js';
import { area, byModule } from './lib/by-module.js';
import { serve } from './lib/server.js';

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface PageSize extends Sizes {
  page: string;
  scripts: Array<{ url: string } & Sizes>;
  /** Requests for scripts (entry and chunks). */
  requests: number;
  budget?: number | undefined;
  goal?: number | undefined;
}

/** As scripts/report-build.mjs computes them. */
export function sizes(buf: Buffer): Sizes {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length,
  };
}

const SRC = '/seeds/kanazawa.json';
const AMP = 'administrative-management-plan';
const ALL = `<kdx-plan src="${SRC}" plan="${AMP}">
  <kdx-plan-overview></kdx-plan-overview>
  <kdx-progress node="policy-1"></kdx-progress>
  <kdx-progress node="policy-2" variant="ring" breakdown></kdx-progress>
  <p>本文 <kdx-progress node="policy-3" variant="inline"></kdx-progress></p>
  <kdx-initiative-card node="R7-1"></kdx-initiative-card>
  <kdx-plan-tree></kdx-plan-tree>
</kdx-plan>`;
const CHART = `<kdx-chart src="${SRC}" plan="${AMP}" type="bar"></kdx-chart>`;
const page = (body: string, { lang = 'ja', script = '<script type="module" src="/dist/kdx.js"></script>' } = {}) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>size</title>${script}</head><body>${body}</body></html>`;

/** Page name → [HTML, widgets that must announce kdx-load or kdx-error]. */
export const SIZE_PAGES: Record<string, [string, number]> = {
  'no widget (the script in a site-wide template)': [page('<p>お知らせ</p>'), 0],
  'only <kdx-progress>': [page(`<kdx-progress src="${SRC}" plan="${AMP}" node="policy-1"></kdx-progress>`), 1],
  'only <kdx-plan-overview>': [page(`<kdx-plan-overview src="${SRC}" plan="${AMP}"></kdx-plan-overview>`), 1],
  'every widget, no chart': [page(ALL), 6],
  'every widget, no chart (lang=en)': [page(ALL, { lang: 'en' }), 6],
  'every widget and a chart': [page(ALL + CHART), 7],
  'every widget, no chart (classic script)': [page(ALL, { script: '<script src="/dist/kdx.iife.js" defer></script>' }), 6],
  'a widget with an error (bad data)': [page(`<kdx-progress src="/seeds/broken.json"></kdx-progress>`), 1],
};

/**
 * The iframe form's page as a city publishes it, showing one meter: its HTML counts too (it is what the iframe
 * loads first), then every script. [name, path, widgets, count the document].
 */
export const EMBED_SIZE_PAGE: [string, string, number, boolean] = [
  'dist/embed.html with <kdx-progress> (the iframe form: page + scripts)',
  `/dist/embed.html#kdx=progress&src=${SRC}&plan=${AMP}&node=policy-1`,
  1,
  true,
];

export function loadBudgets(): Record<string, { budget?: number; goal?: number }> {
  const file = fileURLToPath(new URL('./budgets.json', import.meta.url));
  return (JSON.parse(readFileSync(file, 'utf8')) as { pages: Record<string, { budget?: number; goal?: number }> }).pages;
}

/**
 * Loads every size page from `origin` (which serves /dist/ and /seeds/ and the pages under /size/), the iframe
 * form's page, and any `extra` pages ([name, path, widgets]).
 */
export async function measurePages(browser: Browser, origin: string, extra: Array<[string, string, number]> = []): Promise<PageSize[]> {
  const budgets = loadBudgets();
  const out: PageSize[] = [];
  const pages: Array<readonly [string, string, number, boolean?]> = [
    ...Object.entries(SIZE_PAGES).map(([name, [, widgets]], i) => [name, `/size/${i}.html`, widgets] as const),
    EMBED_SIZE_PAGE,
    ...extra,
  ];
  for (const [name, path, widgets, withDocument] of pages) {
    const tab = await browser.newPage();
    await tab.setCacheEnabled(false);
    const pending: Array<Promise<{ url: string } & Sizes>> = [];
    tab.on('response', (r: HTTPResponse) => {
      const type = r.request().resourceType();
      if (!(type === 'script' || (withDocument && type === 'document')) || !r.ok()) return;
      pending.push(r.buffer().then((b) => ({ url: new URL(r.url()).pathname, ...sizes(b) })));
    });
    // A string, not a function: tsx would wrap inner functions in a helper the page does not have.
    await tab.evaluateOnNewDocument(
      `window.announced = 0; for (const t of ['kdx-load', 'kdx-error']) document.addEventListener(t, () => window.announced++);`,
    );
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(String(e)));
    await tab.goto(`${origin}${path}`);
    await tab.waitForFunction((n) => (window as unknown as { announced: number }).announced >= n, { timeout: 20_000 }, widgets);
    await tab.waitForNetworkIdle({ idleTime: 300, timeout: 20_000 });
    const scripts = await Promise.all(pending);
    await tab.close();
    if (errors.length) throw new Error(`${name}: ${errors.join('; ')}`);
    const sum = (k: keyof Sizes) => scripts.reduce((s, x) => s + x[k], 0);
    const { budget, goal } = budgets[name] ?? {};
    out.push({ page: name, scripts, requests: scripts.length, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli'), budget, goal });
  }
  return out;
}

export function sizePages(): Record<string, string> {
  return Object.fromEntries(Object.values(SIZE_PAGES).map(([html], i) => [`/size/${i}.html`, html]));
}

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

/** Prints the table; returns the budgets exceeded (goals missed are printed, not returned). */
export function printPages(rows: PageSize[]): string[] {
  const failures: string[] = [];
  const w = Math.max(...rows.map((r) => r.page.length));
  console.log(`\nWhat a page loads (scripts fetched in Chromium, summed)\n`);
  console.log(`${'page'.padEnd(w)}  ${'scripts'.padStart(7)}  ${'raw'.padStart(9)}  ${'gzip'.padStart(9)}  ${'brotli'.padStart(9)}  budget (CI) / goal`);
  for (const r of rows) {
    const over = r.budget !== undefined && r.brotli > r.budget;
    if (over) failures.push(`${r.page}: ${kB(r.brotli)} brotli > budget ${kB(r.budget!)}`);
    const marks = [
      r.budget === undefined ? '' : `${over ? '✗' : '✓'} ≤ ${kB(r.budget)}`,
      r.goal === undefined ? '' : `goal ≤ ${kB(r.goal)} ${r.brotli <= r.goal ? 'met' : `missed by ${kB(r.brotli - r.goal)}`}`,
    ].filter(Boolean);
    console.log(`${r.page.padEnd(w)}  ${String(r.requests).padStart(7)}  ${kB(r.raw).padStart(9)}  ${kB(r.gzip).padStart(9)}  ${kB(r.brotli).padStart(9)}  ${marks.join(' / ')}`);
    for (const s of r.scripts) console.log(`${''.padEnd(w)}    ${s.url.padEnd(40)} ${kB(s.brotli).padStart(9)}`);
  }
  return failures;
}

/** Runs scripts/report-build.mjs in `root` and prints its size table and its verdict. */
export function reportBuild(root: string): boolean {
  const r = spawnSync(process.execPath, ['scripts/report-build.mjs'], { cwd: root, encoding: 'utf8' });
  const lines = (r.stdout ?? '').split('\n');
  const start = lines.findIndex((l) => l.startsWith('kdx-widgets'));
  const end = lines.findIndex((l) => l.startsWith('Subresource Integrity'));
  console.log(lines.slice(Math.max(0, start), end < 0 ? undefined : end).join('\n').trimEnd());
  const verdict = lines.find((l) => l.startsWith('Build checks passed'));
  if (verdict) console.log(verdict);
  if (r.status !== 0) console.error((r.stderr ?? '').trim());
  return r.status === 0;
}

/** Where the bytes of `file` go, by area (and by module with `all`). */
export function printModules(file: string, all = false): void {
  const { total, modules } = byModule(file);
  const areas = new Map<string, { raw: number; brotli: number }>();
  for (const m of modules) {
    const a = areas.get(area(m.module)) ?? { raw: 0, brotli: 0 };
    a.raw += m.raw;
    a.brotli += m.brotli;
    areas.set(area(m.module), a);
  }
  const rows = all ? modules.map((m) => [m.module, m.raw, m.brotli] as const) : [...areas].sort((a, b) => b[1].brotli - a[1].brotli).map(([n, a]) => [n, a.raw, a.brotli] as const);
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`\n${file} by ${all ? 'module' : 'area'} (brotli: share of the file's ${kB(total)}, see bench/lib/by-module.ts)\n`);
  console.log(`${'part'.padEnd(w)}  ${'raw'.padStart(9)}  ${'brotli'.padStart(9)}`);
  for (const [n, raw, br] of rows) console.log(`${n.padEnd(w)}  ${kB(raw).padStart(9)}  ${kB(br).padStart(9)}`);
}

async function main() {
  const i = process.argv.indexOf('--root');
  const root = resolve(i >= 0 ? process.argv[i + 1]! : '.');
  const ok = reportBuild(root);
  // The entry is the autoloader; what every page with a widget loads is the core chunk.
  const core = readdirSync(join(root, 'dist/chunks')).find((f) => /^core-[\w-]+\.js$/.test(f));
  for (const file of ['dist/kdx.js', ...(core ? [`dist/chunks/${core}`] : [])]) printModules(join(root, file), process.argv.includes('--modules'));
  const server = await serve({ '/dist/': join(root, 'dist'), '/seeds/': join(root, 'seeds') }, sizePages());
  const browser = await launch();
  try {
    const rows = await measurePages(browser, server.origin);
    const failures = printPages(rows);
    if (failures.length || !ok) {
      console.error(`\nSize budgets failed:\n${failures.map((f) => `  ✗ ${f}`).join('\n')}`);
      process.exitCode = 1;
    } else console.log('\nSize budgets met.');
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
