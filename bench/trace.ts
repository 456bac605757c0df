/**
 * Where a tree's first frame goes: main-thread CPU time (thread time, not wall time) in a Chromium trace of the
 * timed window of `bench.tree()`, by trace event (self time), over fresh pages, a round at a time; and Blink's own
 * counts for that window (elements styled, matched-properties cache hits, rules matched, layout objects), which do
 * not vary from run to run. On a busy machine thread time holds better than the first frame's wall time (other jobs
 * take the cores in the middle of it), but a part still varies by ±10–20 % between pages: differences of a
 * millisecond or two need many samples, or show only in the counts.
 *
 *   npx tsx bench/trace.ts [--samples 15] [--case 10k-default|10k-open|1k-open] [--variants kdx,plain]
 *                          [--alt <dir> | --alt a=<dir>,b=<dir>@tree-plain] [--inject <file.json>] [--ref <variant>]
 *                          [--js] [--top 25]
 *
 * Uses the pages `bench/run.ts` built (run it once with `--only tree`) and the bundles it generated. `--alt`: pages
 * built from another checkout or state of the source (`KDX_BENCH_OUT=<dir>/ KDX_BENCH_PAGE=tree-kdx npx vite build
 * --config bench/vite.config.ts`; `KDX_BENCH_MINIFY=0` keeps names readable for `--js`), one variant each. The
 * window runs from the end of the first frame back by the page's own `frame` time; an event that straddles its start
 * counts by the part inside. `KDX_TRACE_DUMP=/tmp/x` writes one sample's events per variant to `/tmp/x-<variant>.txt`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { launch } from './lib/browser.js';
import { serve } from './lib/server.js';
import { quantile } from './lib/stats.js';
import { BENCH_OUT } from './vite.config.js';
import type { TreeCase, TreeResult } from './pages/harness.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const SAMPLES = Number(arg('samples') ?? 15);
const CASE = arg('case') ?? '10k-default';
/**
 * `--alt <dir>` (variant `alt`) or `--alt a=<dir>,b=<dir>@tree-plain` (variants `a`, `b`): pages built elsewhere
 * (`@<page>`: another page than tree-kdx).
 */
const ALTS = Object.fromEntries((arg('alt') ?? '').split(',').filter(Boolean).map((x) => (x.includes('=') ? (x.split('=', 2) as [string, string]) : ['alt', x])));
const VARIANTS = [...(arg('variants') ?? 'kdx,plain').split(','), ...Object.keys(ALTS)];
/**
 * `--inject <file.json>`: `{ "<variant>": "<css>" | "js:<code>" }`, each one more variant of `kdx` with that
 * stylesheet added to the tree's shadow root (pushed onto `elementStyles` before the element is made), or that code
 * run with the element's class as `C` (its `elementStyles` can be edited too): style experiments without a build.
 * Compare with an injected rule that matches nothing (`--ref`), not with `kdx` (the sheet itself costs a little).
 */
const INJECT: Record<string, string> = arg('inject') ? JSON.parse(readFileSync(arg('inject')!, 'utf8')) : {};
VARIANTS.push(...Object.keys(INJECT));
const TOP = Number(arg('top') ?? 25);
/** `--js`: also V8's sampling profiler in the trace: self time by JavaScript function in the window. */
const JS = process.argv.includes('--js');
const CASES: Record<string, TreeCase> = {
  '10k-default': { data: '/data/tree-10000.json', expandDepth: 1 },
  '10k-open': { data: '/data/tree-10000.json', expandDepth: 99 },
  '1k-open': { data: '/data/tree-1000.json', expandDepth: 99 },
};

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

/** The part of the frame a trace event belongs to (bench/README.md, Trees). */
function part(name: string): string {
  if (/^(UpdateLayoutTree|RecalculateStyles|Document::(updateStyle|recalcStyle|rebuildLayoutTree|updateActiveStyle)|StyleRecalc|StyleEngine|StyleSheetCollection|RuleSet|CSSParser|StyleElement)/.test(name)) return 'style';
  if (/^InlineNode::ShapeText/.test(name)) return 'text shaping';
  if (/^(Layout|LocalFrameView::(layout|performLayout)|LayoutNG|PerformLayout|Blink\.Layout)/.test(name)) return 'layout';
  if (/^(Blink\.(PrePaint|Paint|CompositingInputs)|CullRect|PrePaint|Paint|UpdateLayer|Layerize|Commit|CompositeLayers|UpdateLayerTree|LocalFrameView::RunPrePaint|LocalFrameView::RunPaint|PaintArtifactCompositor|Hit|IntersectionObserver|ContentVisibility|LocalFrameView::UpdateAllLifecyclePhases|LocalFrameView::RunCompositing|ProxyMain|Scheduler|Animation)/.test(name))
    return 'paint, compositing, observers';
  if (/(GC|Scavenge|MarkCompact|Heap)/i.test(name)) return 'gc';
  if (/^(v8|V8|FunctionCall|EvaluateScript|RunMicrotasks|EventDispatch|TimerFire|FireAnimationFrame|HandlePostMessage|v8\.)/.test(name)) return 'script';
  return 'other';
}

/** Self thread time (µs) per event name within [start, end] on one thread's complete events. */
function selfTimes(events: TraceEvent[], start: number, end: number): Map<string, number> {
  const xs = events.filter((e) => e.ph === 'X' && e.dur !== undefined && e.tdur !== undefined && e.ts < end && e.ts + e.dur! > start).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const out = new Map<string, number>();
  // Children by nesting (a complete event inside the one open on the stack).
  const stack: Array<{ e: TraceEvent; child: number }> = [];
  const close = (top: { e: TraceEvent; child: number }) => {
    const e = top.e;
    const inside = (Math.min(end, e.ts + e.dur!) - Math.max(start, e.ts)) / (e.dur! || 1);
    // Thread time of this event alone, then the part of it inside the window (by the wall-clock share).
    const self = Math.max(0, e.tdur! - top.child) * Math.max(0, Math.min(1, inside));
    out.set(e.name, (out.get(e.name) ?? 0) + self);
    const parent = stack[stack.length - 1];
    if (parent) parent.child += e.tdur!;
  };
  for (const e of xs) {
    while (stack.length && stack[stack.length - 1]!.e.ts + stack[stack.length - 1]!.e.dur! <= e.ts) close(stack.pop()!);
    stack.push({ e, child: 0 });
  }
  while (stack.length) close(stack.pop()!);
  return out;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

/** Sampled self time (µs) by JavaScript function within [start, end], from the trace's Profile / ProfileChunk events. */
function jsSelf(events: TraceEvent[], start: number, end: number): Map<string, number> {
  const out = new Map<string, number>();
  const nodes = new Map<number, ProfileNode>();
  let t = 0;
  let prev: number | undefined;
  for (const e of events) {
    const data = e.args?.data as { startTime?: number; cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
    if (e.name === 'Profile' && data?.startTime !== undefined) t = data.startTime;
    if (e.name !== 'ProfileChunk' || !data) continue;
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      t += deltas[i] ?? 0;
      // A sample stands for the time since the one before it.
      if (prev !== undefined && t > start && t <= end) {
        const n = nodes.get(samples[i]!);
        const f = n?.callFrame;
        const name = f ? `${f.functionName || '(anonymous)'} ${(f.url ?? '').split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}` : '?';
        out.set(name, (out.get(name) ?? 0) + (t - prev));
      }
      prev = t;
    }
  }
  return out;
}

async function sample(browser: Browser, origin: string, variant: string, c: TreeCase): Promise<{ frame: number; cpu: Map<string, number> }> {
  const tab = await browser.newPage();
  try {
    const page = ALTS[variant] ? `alt-${variant}/${ALTS[variant].split('@')[1] ?? 'tree-kdx'}` : `p/tree-${INJECT[variant] !== undefined ? 'kdx' : variant}`;
    await tab.goto(`${origin}/${page}.html`);
    await tab.waitForFunction('window.benchReady === true', { timeout: 30_000 });
    if (INJECT[variant] !== undefined) {
      // A string, not a function: tsx would add helpers the page does not have. `js:` runs code with the
      // element's class as `C` (its `elementStyles` are CSSStyleSheets: rules can be edited too).
      const x = INJECT[variant]!;
      await tab.evaluate(
        x.startsWith('js:')
          ? `(() => { const C = customElements.get('kdx-plan-tree'); ${x.slice(3)} })()`
          : `(() => { const s = new CSSStyleSheet(); s.replaceSync(${JSON.stringify(x)}); customElements.get('kdx-plan-tree').elementStyles.push(s); })()`,
      );
    }
    await tab.tracing.start({
      categories: [...(JS ? ['disabled-by-default-v8.cpu_profiler'] : []), 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'blink.user_timing', 'v8', 'v8.execute', 'toplevel', '__metadata'],
    });
    const r = (await tab.evaluate(async (x) => {
      const res = await window.bench.tree!(x);
      performance.mark('kdx-trace-end');
      return res;
    }, c)) as TreeResult;
    const buf = await tab.tracing.stop();
    const trace = JSON.parse(new TextDecoder().decode(buf)) as { traceEvents: TraceEvent[] };
    const mark = trace.traceEvents.find((e) => e.name === 'kdx-trace-end');
    if (!mark) throw new Error('no end mark in the trace');
    const main = trace.traceEvents.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === mark.pid);
    if (!main) throw new Error('no main thread');
    const end = mark.ts;
    const start = end - r.frame * 1000;
    const events = trace.traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid);
    if (process.env.KDX_TRACE_DUMP) {
      // One sample's main-thread events in the window, as a list (for a look at what runs, and its arguments).
      const lines = events.filter((e) => e.ph === 'X' && e.ts >= start - 1000 && e.ts <= end && (e.dur ?? 0) >= 100).sort((a, b) => a.ts - b.ts)
        .map((e) => `${((e.ts - start) / 1000).toFixed(2).padStart(7)} ${((e.dur ?? 0) / 1000).toFixed(2).padStart(6)} ${((e.tdur ?? 0) / 1000).toFixed(2).padStart(6)} ${e.name} ${JSON.stringify(e.args ?? {}).slice(0, 900)}`);
      writeFileSync(`${process.env.KDX_TRACE_DUMP}-${variant}.txt`, lines.join('\n'));
    }
    const cpu = selfTimes(events, start, end);
    // Blink's own counts (the same on every run): what style and layout had to do.
    for (const e of events) {
      if (e.ts < start || e.ts > end) continue;
      const a = e.args as { counters?: Record<string, number>; beginData?: { totalObjects?: number } } | undefined;
      if (e.name === 'Document::updateStyle' && a?.counters) for (const [k, n] of Object.entries(a.counters)) cpu.set(`count ${k}`, (cpu.get(`count ${k}`) ?? 0) + n);
      if (e.name === 'Layout' && a?.beginData?.totalObjects !== undefined) cpu.set('count layoutObjects', (cpu.get('count layoutObjects') ?? 0) + a.beginData.totalObjects);
    }
    if (JS) for (const [fn, us] of jsSelf(trace.traceEvents.filter((e) => e.pid === main.pid), start, end)) cpu.set(`js ${fn}`, us);
    return { frame: r.frame, cpu };
  } finally {
    await tab.close();
  }
}

const server = await serve({ '/p/': join(BENCH_OUT, 'pages'), '/data/': join(BENCH_OUT, 'data'), ...Object.fromEntries(Object.entries(ALTS).map(([v, dir]) => [`/alt-${v}/`, join(dir.split('@')[0]!, 'pages')])) });
const browser = await launch();
const c = CASES[CASE];
if (!c) throw new Error(`--case: one of ${Object.keys(CASES).join(', ')}`);
const results: Record<string, Array<{ frame: number; cpu: Map<string, number> }>> = {};
try {
  for (let round = 0; round < SAMPLES; round++) {
    const order = round % 2 ? [...VARIANTS].reverse() : VARIANTS;
    for (const v of order) (results[v] ??= []).push(await sample(browser, server.origin, v, c));
    process.stderr.write(`\r  round ${round + 1}/${SAMPLES}`);
  }
} finally {
  await browser.close();
  await server.close();
}
process.stderr.write('\n');

const ms = (us: number) => (us / 1000).toFixed(1);
const med = (xs: number[]) => quantile(xs, 0.5);
const iqr = (xs: number[]) => `${ms(quantile(xs, 0.25))}–${ms(quantile(xs, 0.75))}`;
console.log(`${CASE}, ${SAMPLES} fresh pages per variant; main-thread CPU (thread time) in the timed window, median (IQR), ms\n`);
const parts = ['script', 'gc', 'style', 'layout', 'text shaping', 'paint, compositing, observers', 'other'];
const header = ['', ...VARIANTS];
/** CPU time of a sample, all of it or one part (trace events only: not the profiler's functions or the counts). */
const total = (x: { cpu: Map<string, number> }, p?: string) =>
  [...x.cpu].filter(([n]) => !n.startsWith('js ') && !n.startsWith('count ') && (!p || part(n) === p)).reduce((a, [, t]) => a + t, 0);
const table = (rows: string[][]) => {
  const width = header.map((_, i) => Math.max(...[header, ...rows].map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((x, i) => x.padEnd(width[i]!)).join(' | ')} |`;
  return [line(header), line(width.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
};
const rows: string[][] = [];
rows.push(['first frame, wall', ...VARIANTS.map((v) => { const f = results[v]!.map((s) => s.frame * 1000); return `${ms(med(f))} (${iqr(f)})`; })]);
rows.push(['CPU, all', ...VARIANTS.map((v) => { const f = results[v]!.map((s) => total(s)); return `${ms(med(f))} (${iqr(f)})`; })]);
for (const p of parts) {
  rows.push([p, ...VARIANTS.map((v) => { const f = results[v]!.map((s) => total(s, p)); return `${ms(med(f))} (${iqr(f)})`; })]);
}
console.log(table(rows));

// Blink's counts (medians; they do not vary between runs of the same page).
const counts = ['elementsStyled', 'matchedPropertyCacheHit', 'matchedPropertyCacheAdded', 'rulesMatched', 'rulesRejected', 'rulesFastRejected', 'pseudoElementsStyled', 'layoutObjects'];
console.log('\nBlink counts in the window (median):');
for (const c of counts) console.log(`  ${c.padEnd(28)} ${VARIANTS.map((v) => `${v} ${med(results[v]!.map((x) => x.cpu.get(`count ${c}`) ?? 0))}`).join(' · ')}`);

// Paired: each variant against `--ref` in the same round (a slow spell hits both), median and IQR of the differences.
const REF = arg('ref') ?? VARIANTS[0]!;
const diffRows: string[][] = [];
for (const p of [undefined, ...parts]) {
  diffRows.push([p ?? 'CPU, all', ...VARIANTS.map((v) => {
    if (v === REF) return '—';
    const d = results[v]!.map((x, i) => total(x, p) - total(results[REF]![i]!, p));
    return `${med(d) >= 0 ? '+' : ''}${ms(med(d))} (${iqr(d)})`;
  })]);
}
console.log(`\nPaired differences against ${REF} (same round), median (IQR), ms\n\n${table(diffRows)}`);

// The event names that cost most (median self time over the samples), for each variant.
for (const v of VARIANTS) {
  const names = new Set(results[v]!.flatMap((s) => [...s.cpu.keys()]));
  const by = [...names].filter((n) => !n.startsWith('count ') && (!JS || n.startsWith('js '))).map((n) => [n, med(results[v]!.map((s) => s.cpu.get(n) ?? 0))] as const).sort((a, b) => b[1] - a[1]);
  console.log(`\n${v}: ${by.slice(0, TOP).map(([n, t]) => `${n} ${ms(t)}`).join(' · ')}`);
}
