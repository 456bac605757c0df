// Bad input, in the browser: the Kanazawa bundle broken in every way we could think of (and in random ways with
// fast-check), fed to every widget in every variant, through <kdx-plan> inline data and through a provider that
// hands the validator raw JS values. Each case must end, in every widget, in a valid render or an error state
// with role="alert", with no uncaught exception and nothing like NaN / undefined / null / [object Object] on
// screen, in aria-* or title attributes, or drawn on a chart's canvas.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/kdx.js';
import type { Bundle } from '../../src/data/bundle.js';
import { KdxError } from '../../src/data/errors.js';
import { forgetBundle } from '../../src/data/load.js';
import { parseBundle, validateBundle } from '../../src/data/parse.js';
import { clone, seed, seedText } from '../helpers/bundles.js';
import { ALL_WIDGETS, catchUncaught, cleanup, GARBAGE, mountWith, outcome, problems, quietConsole, type Mounted } from './harden.js';

fc.configureGlobal({ includeErrorInReport: true });

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// Texts drawn on canvases (chart labels, ticks, tooltips), recorded for the garbage check.
const drawn: string[] = [];
const fillText = CanvasRenderingContext2D.prototype.fillText;
CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, w?: number) {
  drawn.push(String(text));
  return fillText.call(this, text, x, y, w);
};

/** chart.js as the widgets loaded it (same module URL, same registry); set once a chart has loaded it. */
let Chart: typeof import('chart.js').Chart | undefined;

let kanazawa: Bundle;
let kanazawaText: string;
const PLANS = ['dx-action-plan-2', 'administrative-management-plan'];

/** What every widget must show for `input`: the loader's error code for the whole bundle, or any widget outcome. */
function expectedCode(text: string): string | null {
  try {
    parseBundle(text);
    return null;
  } catch (e) {
    return e instanceof KdxError ? e.code : 'unexpected';
  }
}

const WIDGET_OUTCOMES = new Set(['ready', 'node-not-found', 'wrong-kind', 'plan-not-found']);

/** The checks every case ends with. */
const tally = new Map<string, number>();
let drawnTotal = 0;

function check(m: Mounted, expected: string | null, label: string, uncaught: string[]) {
  const found: string[] = [...uncaught];
  // Draw every chart now (a background tab gets no animation frames), so that its texts are checked.
  for (const w of m.widgets) {
    const canvas = w.localName === 'kdx-chart' ? w.shadowRoot!.querySelector('canvas') : null;
    if (canvas && Chart) Chart.getChart(canvas)?.draw();
  }
  for (const w of m.widgets) {
    const o = outcome(w);
    tally.set(o, (tally.get(o) ?? 0) + 1);
    if (expected !== null && o !== expected) found.push(`<${w.localName}> shows ${o}, expected ${expected}`);
    if (expected === null && !WIDGET_OUTCOMES.has(o)) found.push(`<${w.localName} ${w.getAttribute('type') ?? ''}> shows ${o}`);
    found.push(...problems(w));
  }
  for (const t of drawn.splice(0)) {
    drawnTotal++;
    if (GARBAGE.test(t)) found.push(`drawn on a canvas: ${JSON.stringify(t)}`);
  }
  expect(found, label).to.deep.equal([]);
}

async function runJson(text: string, label: string, opts: { node?: string; plan?: string; lang?: string } = {}) {
  const uncaught = catchUncaught();
  try {
    const m = await mountWith({ json: text }, opts);
    check(m, expectedCode(text), label, uncaught.errors);
    return m;
  } finally {
    uncaught.stop();
    cleanup();
  }
}

async function runValue(value: unknown, label: string, opts: { node?: string; plan?: string; lang?: string } = {}) {
  const uncaught = catchUncaught();
  try {
    const r = validateBundle(value);
    const m = await mountWith({ value }, opts);
    check(m, r.ok ? null : 'invalid', label, uncaught.errors);
    return m;
  } finally {
    uncaught.stop();
    cleanup();
  }
}

const mutate = (f: (b: Json) => void): string => {
  const b = clone(kanazawa) as Json;
  f(b);
  return JSON.stringify(b);
};

const chain = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `n${i}`, kind: 'area', title: `段${i}`, ...(i ? { parent: `n${i - 1}` } : {}) }));

/** Named cases: [label, bundle text, options]. Plan 1 (行政経営プラン) has progress data, plan 0 has the deep texts. */
function namedCases(): Array<[string, string, { node?: string; plan?: string; lang?: string }?]> {
  const p1 = { plan: PLANS[1]! };
  return [
    // Missing keys
    ['missing schemaVersion', mutate((b) => delete b.schemaVersion)],
    ['missing publisher', mutate((b) => delete b.publisher)],
    ['missing plans', mutate((b) => delete b.plans)],
    ['missing nodes', mutate((b) => delete b.plans[1].nodes), p1],
    ['missing plan title', mutate((b) => delete b.plans[1].title), p1],
    ['missing node id, kind, title', mutate((b) => (delete b.plans[1].nodes[0].id, delete b.plans[1].nodes[1].kind, delete b.plans[1].nodes[2].title)), p1],
    // (Kanazawa's report has no status vocabulary: these cases give the bundle one.)
    ['missing status achieved flag', mutate((b) => (b.statuses = [{ id: 'achieved', label: '達成' }]))],
    ['missing progress counts', mutate((b) => delete b.plans[1].progress.total), p1],
    // Nulls
    ['null bundle', 'null'],
    ['null plans', mutate((b) => (b.plans = null))],
    ['null node', mutate((b) => (b.plans[1].nodes[0] = null)), p1],
    ['null texts everywhere in a plan', mutate((b) => (b.plans[1].title = null, b.plans[1].nodes.forEach((n: Json) => (n.title = null, n.summary = null)))), p1],
    ['null counts', mutate((b) => (b.plans[1].progress = { total: null, achieved: null })), p1],
    ['null en text', mutate((b) => (b.plans[1].title = { ja: '計画', en: null })), { ...p1, lang: 'en' }],
    // Wrong types
    ['schemaVersion as a string', mutate((b) => (b.schemaVersion = '1'))],
    ['plans as an object', mutate((b) => (b.plans = { a: b.plans[0] }))],
    ['nodes as a string', mutate((b) => (b.plans[1].nodes = 'nodes')), p1],
    ['title as a number, array, object', mutate((b) => (b.plans[1].nodes[0].title = 42, b.plans[1].nodes[1].title = ['a'], b.plans[1].nodes[2].title = { en: 'x' })), p1],
    ['page and fiscal year as strings', mutate((b) => (b.plans[1].nodes[3].page = 'P38', b.plans[1].nodes[3].fiscalYear = '2026')), p1],
    ['counts as strings and booleans', mutate((b) => (b.plans[1].progress = { total: '124', achieved: true })), p1],
    ['notes as a string', mutate((b) => (b.plans[0].notes = '※')), {}],
    ['numericTarget values as strings', mutate((b) => b.plans[1].nodes.forEach((n: Json) => n.numericTarget && (n.numericTarget.target = '100'))), p1],
    // Counts
    ['negative count', mutate((b) => (b.plans[1].progress.total = -1)), p1],
    ['fractional count', mutate((b) => (b.plans[1].progress.achieved = 1.5)), p1],
    ['huge count (1e12)', mutate((b) => (b.plans[1].progress.total = 1e12)), p1],
    ['huge count (1e308)', mutate((b) => (b.plans[1].progress.total = 1e308)), p1],
    ['achieved > total', mutate((b) => (b.plans[1].progress = { total: 10, achieved: 11 })), p1],
    ['unconfirmed > open', mutate((b) => (b.plans[1].progress = { total: 10, achieved: 9, unconfirmed: 2 })), p1],
    ['negative zero counts (valid JSON -0)', kanazawaText.replace(/"achieved": 108/, '"achieved": -0').replace(/"unconfirmed": 2/, '"unconfirmed": -0'), p1],
    ['largest valid counts everywhere', mutate((b) => b.plans[1].nodes.forEach((n: Json) => n.progress && (n.progress = { total: 1e9, achieved: 999_999_999, unconfirmed: 1 }))), { ...p1, node: 'policy-1' }],
    ['zero totals everywhere (no rate)', mutate((b) => (b.plans[1].progress = { total: 0, achieved: 0 }, b.plans[1].nodes.forEach((n: Json) => n.progress && (n.progress = { total: 0, achieved: 0 })))), { ...p1, node: 'policy-1' }],
    ['100% everywhere', mutate((b) => (b.plans[1].progress = { total: 124, achieved: 124 }, b.plans[1].nodes.forEach((n: Json) => n.progress && (n.progress = { total: 5, achieved: 5 })))), { ...p1, node: 'policy-2' }],
    ['numeric target -0, negative, fraction, 1e300', mutate((b) => (b.plans[1].nodes[3].numericTarget = { label: 'x', target: -0, actual: 1e300, unit: '%' }, b.plans[1].nodes[4].numericTarget = { target: -12.345, actual: 0.000001 })), { ...p1, node: b1(3) }],
    // Ids
    ['duplicate node ids', mutate((b) => (b.plans[1].nodes[1].id = b.plans[1].nodes[0].id)), p1],
    ['node id equal to the plan id', mutate((b) => (b.plans[1].nodes[0].id = b.plans[1].id)), p1],
    ['duplicate plan ids', mutate((b) => (b.plans[1].id = b.plans[0].id))],
    ['duplicate status ids', mutate((b) => (b.statuses = [{ id: 'a', label: 'A', achieved: true }, { id: 'a', label: 'B', achieved: false }]))],
    ['unknown parent', mutate((b) => (b.plans[1].nodes[5].parent = 'nowhere')), p1],
    ['unknown status', mutate((b) => (b.plans[1].nodes[5].status = 'finished')), p1],
    ['byStatus with an unknown id', mutate((b) => (b.plans[1].progress.byStatus = { finished: 3 })), p1],
    // Cycles and depth
    ['a node that is its own parent', mutate((b) => (b.plans[1].nodes[0].parent = b.plans[1].nodes[0].id)), p1],
    ['a two-node cycle', mutate((b) => (b.plans[1].nodes[0].parent = b.plans[1].nodes[1].id, b.plans[1].nodes[1].parent = b.plans[1].nodes[0].id)), p1],
    ['a 20-node cycle', mutate((b) => (b.plans[1].nodes = chain(20).map((n, i) => (i ? n : { ...n, parent: 'n19' })))), p1],
    ['a 10,000-deep parent chain', mutate((b) => (b.plans[1].nodes = chain(10_000))), p1],
    ['a 10,000-deep parent chain in reverse order', mutate((b) => (b.plans[1].nodes = chain(10_000).reverse())), p1],
    ['the deepest valid chain (32 levels), all open', mutate((b) => (b.plans[1].nodes = chain(32))), { ...p1, node: 'n0' }],
    ['JSON nested 10,000 deep in a title', mutate((b) => (b.plans[1].title = 'x')).replace('"title":"x"', `"title":${'['.repeat(10_000)}${']'.repeat(10_000)}`), p1],
    // Strings
    ['a 5 MB string', mutate((b) => (b.plans[1].title = 'あ'.repeat(2_000_000))), p1],
    ['a text over the limit (10,001)', mutate((b) => (b.plans[1].nodes[0].title = 'x'.repeat(10_001))), p1],
    ['texts at the limit (10,000), no spaces', mutate((b) => (b.plans[1].title = 'x'.repeat(10_000), b.plans[1].nodes[0].summary = '長'.repeat(10_000))), { ...p1, node: b1(0) }],
    ['empty and blank texts', mutate((b) => (b.plans[1].title = '', b.plans[1].nodes.forEach((n: Json) => (n.title = ' ', n.summary = '')))), { ...p1, node: b1(3) }],
    ['English missing everywhere, page in English', mutate((b) => walkTexts(b, (t) => (typeof t === 'object' ? t.ja : t))), { ...p1, lang: 'en', node: b1(3) }],
    ['bidi overrides, zero-width, combining and astral characters', mutate((b) => walkTexts(b, () => '\u202e\u200b\u0301𠮷😀\u2066x\u2069\ud800')), { ...p1, node: b1(3) }],
    // Text encodings and framing
    ['a UTF-8 BOM', '\ufeff' + kanazawaText, p1],
    ['two BOMs', '\ufeff\ufeff' + kanazawaText, p1],
    ['truncated after 1 character', kanazawaText.slice(0, 1)],
    ['truncated in the middle', kanazawaText.slice(0, kanazawaText.length >> 1)],
    ['truncated before the last brace', kanazawaText.trimEnd().slice(0, -1)],
    ['empty text', ''],
    ['an HTML page', '<!DOCTYPE html><html><body><h1>Not found</h1></body></html>'],
    ['an array', '[]'],
    ['a string', '"kanazawa"'],
    ['an empty object', '{}'],
    ['schemaVersion 2', mutate((b) => (b.schemaVersion = 2))],
    ['no plans', mutate((b) => (b.plans = []))],
    ['a plan without nodes', mutate((b) => (b.plans[1].nodes = [])), p1],
    ['an unknown plan attribute', kanazawaText, { plan: 'no-such-plan' }],
    ['an unknown node attribute', kanazawaText, { ...p1, node: 'R99-99' }],
  ];
}

/** The id of node `i` of plan 1. */
function b1(i: number): string {
  return (kanazawa.plans[1]!.nodes[i] as Json).id as string;
}

/** Replaces every Text value (string or {ja, en}) at a known text key. */
function walkTexts(x: unknown, f: (t: any) => unknown): void {
  const TEXT_KEYS = new Set(['title', 'subtitle', 'summary', 'principle', 'principleSummary', 'editor', 'label', 'relation', 'unit', 'name', 'department']);
  if (Array.isArray(x)) x.forEach((v) => walkTexts(v, f));
  else if (x && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) {
      if (TEXT_KEYS.has(k) && (typeof v === 'string' || (v && typeof v === 'object' && 'ja' in v))) (x as Json)[k] = f(v);
      else if (k === 'notes' && Array.isArray(v)) (x as Json)[k] = v.map(f);
      else walkTexts(v, f);
    }
  }
}

describe('hardening: bad input in every widget', function () {
  this.timeout(60_000);

  let quiet: ReturnType<typeof quietConsole>;
  before(async () => {
    kanazawa = await seed('kanazawa');
    kanazawaText = await seedText('kanazawa');
    drawn.length = 0;
    quiet = quietConsole();
    ({ Chart } = await import('chart.js'));
  });
  afterEach(() => {
    cleanup();
    forgetBundle();
    expect(quiet.foreign(), 'console output other than the widgets\' own error reports').to.deep.equal([]);
  });
  after(() => {
    CanvasRenderingContext2D.prototype.fillText = fillText;
    quiet.restore();
  });

  it('the unbroken bundle renders in every widget (the baseline the checks run against)', async () => {
    const m = await runJson(kanazawaText, 'baseline', { plan: PLANS[1], node: 'policy-1' });
    // Everything renders except the line chart: the Kanazawa data has no history by fiscal year.
    expect(m.widgets.map(outcome)).to.deep.equal([...Array(9).fill('ready'), 'wrong-kind', 'ready']);
    expect(m.widgets[7]!.shadowRoot!.querySelector('canvas')).to.exist;
  });

  after(() => console.log(`[hardening] outcomes: ${[...tally].map(([k, v]) => `${k} ${v}`).join(', ')}; ${drawnTotal} texts drawn on canvases`));

  describe('named cases, through <kdx-plan> inline data', () => {
    it('every named case (missing keys, nulls, wrong types, counts, ids, cycles, depth, strings, framing) ends cleanly', async () => {
      const cases = namedCases();
      const started = performance.now();
      for (const [label, text, opts] of cases) await runJson(text, label, opts ?? {});
      // Also in English, where the messages and number formats differ.
      for (const [label, text, opts] of cases.filter((_, i) => i % 3 === 0)) await runJson(text, `${label} (en)`, { ...opts, lang: 'en' });
      console.log(`[hardening] ${cases.length} named cases (+${Math.ceil(cases.length / 3)} in English) × ${ALL_WIDGETS.length} widgets in ${Math.round(performance.now() - started)} ms`);
    });

    it('a 10,000-deep chain is refused by depth with its message, and a 5 MB text by size', async () => {
      const deep = await runJson(mutate((b) => (b.plans[1].nodes = chain(10_000))), 'deep', { plan: PLANS[1], lang: 'en' });
      const alert = deep.widgets[0]!.shadowRoot!.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('plans[1].nodes[32].parent: is nested too deeply (at most 32 levels)');
      const big = await runJson(mutate((b) => (b.plans[1].title = 'あ'.repeat(2_000_000))), 'big', { plan: PLANS[1] });
      expect(big.widgets[0]!.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('データが大きすぎます');
    });
  });

  describe('values JSON cannot carry, straight to the validator through a provider', () => {
    const cases: Array<[string, (b: Json) => void]> = [
      ['NaN total', (b) => (b.plans[1].progress.total = NaN)],
      ['Infinity achieved', (b) => (b.plans[1].progress.achieved = Infinity)],
      ['-Infinity numeric target', (b) => (b.plans[1].nodes[3].numericTarget = { target: -Infinity })],
      ['NaN fiscal year', (b) => (b.plans[1].period.from = NaN)],
      ['undefined title', (b) => (b.plans[1].title = undefined)],
      ['holes in nodes', (b) => (b.plans[1].nodes.length += 3)],
      ['a boxed string title', (b) => (b.plans[1].title = new String('計画'))],
      ['a null-prototype text', (b) => (b.plans[1].title = Object.assign(Object.create(null), { ja: '計画' }))],
      ['a Date as a text', (b) => (b.plans[1].nodes[0].summary = new Date(0))],
      ['a Map of nodes', (b) => (b.plans[1].nodes = new Map())],
      ['a symbol-keyed extra', (b) => (b.plans[1][Symbol('x')] = 1)],
      ['-0 everywhere a count is', (b) => (b.plans[1].progress = { total: 5, achieved: -0, unconfirmed: -0 })],
    ];
    it(`${cases.length} cases`, async () => {
      for (const [label, f] of cases) {
        const b = clone(kanazawa) as Json;
        f(b);
        await runValue(b, label, { plan: PLANS[1], node: b1(3) });
      }
    });
  });

  describe('random mutations (fast-check)', () => {
    // Garbage-free strings only: a text that says "null" is data, not a leak.
    const safeString = fc.string({ maxLength: 20 }).filter((s) => !GARBAGE.test(s));
    const junk = fc.oneof(
      fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 1e9 + 1, 2 ** 53, 1e308, '', ' ', [], {}, [null], { ja: 1 }, { en: 'x' }, 'javascript:alert(1)', 'x'.repeat(10_001)),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      safeString,
      fc.record({ ja: safeString, en: fc.option(safeString, { nil: undefined }) }, { requiredKeys: ['ja'] }),
    );
    const RUNS = 150;
    it(`${RUNS} random bundles (1–3 mutations each), alternately through <kdx-plan> and the provider`, async () => {
      const allPaths: Array<Array<string | number>> = [];
      const walk = (x: unknown, p: Array<string | number>) => {
        if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) {
          const q = [...p, Array.isArray(x) ? Number(k) : k];
          allPaths.push(q);
          walk(v, q);
        }
      };
      walk(kanazawa, []);
      const mutation = fc.record({ path: fc.constantFrom(...allPaths), value: junk, del: fc.boolean() });
      let n = 0;
      const started = performance.now();
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.nat(), fc.boolean(), async (ms, pick, en) => {
          const b = clone(kanazawa) as Json;
          for (const { path, value, del } of ms) {
            let parent: Json | undefined = b;
            for (const k of path.slice(0, -1)) parent = parent && typeof parent === 'object' ? parent[k] : undefined;
            if (!parent || typeof parent !== 'object') continue;
            const key = path[path.length - 1]!;
            if (del) Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key];
            else parent[key] = value;
          }
          const plan = PLANS[pick % 2]!;
          const nodes = kanazawa.plans.find((p) => p.id === plan)!.nodes;
          const opts = { plan, node: nodes[pick % nodes.length]!.id, lang: en ? 'en' : undefined };
          const label = JSON.stringify(ms).slice(0, 300);
          if (n++ % 2) await runValue(b, label, opts);
          else await runJson(JSON.stringify(b), label, opts);
        }),
        { numRuns: RUNS },
      );
      console.log(`[hardening] ${RUNS} random bundles × ${ALL_WIDGETS.length} widgets in ${Math.round(performance.now() - started)} ms`);
    });

    // Valid but odd data reaches the render paths (broken data mostly stops at the validator).
    const VALID_RUNS = 60;
    it(`${VALID_RUNS} random valid bundles: odd counts, texts, targets and histories render cleanly`, async () => {
      const counts = fc
        .integer({ min: 0, max: 1_000_000_000 })
        .chain((total) => fc.tuple(fc.constant(total), fc.integer({ min: 0, max: total })))
        .chain(([total, achieved]) => fc.record({ total: fc.constant(total), achieved: fc.constant(achieved), unconfirmed: fc.integer({ min: 0, max: total - achieved }) }));
      const text = fc.oneof(safeString, fc.record({ ja: safeString, en: safeString }), fc.constantFrom('', ' ', '\u200b', 'x'.repeat(10_000)));
      const edit = fc.record({
        node: fc.nat(),
        progress: fc.option(counts, { nil: undefined }),
        title: fc.option(text, { nil: undefined }),
        number: fc.option(fc.string({ maxLength: 100 }).filter((s) => !GARBAGE.test(s)), { nil: undefined }),
        target: fc.option(fc.record({ target: fc.double({ noNaN: true, noDefaultInfinity: true }), actual: fc.double({ noNaN: true, noDefaultInfinity: true }), unit: text }), { nil: undefined }),
        history: fc.option(fc.array(fc.tuple(fc.integer({ min: 1868, max: 2200 }), counts), { maxLength: 12 }), { nil: undefined }),
        notes: fc.option(fc.array(text, { maxLength: 4 }), { nil: undefined }),
      });
      const started = performance.now();
      await fc.assert(
        fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), fc.nat(), fc.boolean(), async (edits, pick, en) => {
          const b = clone(kanazawa) as Json;
          const nodes = b.plans[1].nodes as Json[];
          for (const e of edits) {
            const n = e.node % 3 === 0 ? b.plans[1] : nodes[e.node % nodes.length]!;
            if (e.progress) n.progress = e.progress;
            if (e.title !== undefined) n.title = e.title;
            if (e.number !== undefined && n !== b.plans[1]) n.number = e.number;
            if (e.target && n !== b.plans[1]) n.numericTarget = e.target;
            if (e.history) n.history = e.history.map(([fiscalYear, c]) => ({ fiscalYear, ...c }));
            if (e.notes) n.notes = e.notes;
          }
          const text = JSON.stringify(b);
          expect(expectedCode(text), 'the edits keep the bundle valid').to.equal(null);
          const node = pick % 4 === 0 ? undefined : nodes[pick % nodes.length]!.id;
          await runJson(text, JSON.stringify(edits).slice(0, 300), { plan: PLANS[1], node, lang: en ? 'en' : undefined });
        }),
        { numRuns: VALID_RUNS },
      );
      console.log(`[hardening] ${VALID_RUNS} random valid bundles × ${ALL_WIDGETS.length} widgets in ${Math.round(performance.now() - started)} ms`);
    });
  });
});
