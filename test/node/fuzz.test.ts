// Property-based tests (fast-check) of what every widget stands on: the validator, the model and its roll-up,
// the parser with its size limit, and the URL filter. Each property runs ≤ 300 cases; the file takes a few
// seconds. A failure prints the seed and the shrunk counterexample: rerun with `{ seed, path }` to replay it.
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { LIMITS, SAFE_URL_PATTERN, type Bundle } from '../../src/data/bundle.js';
import { KdxError, errorMessage } from '../../src/data/errors.js';
import { formatCount, formatNumber, formatPercent, safeHref, text } from '../../src/data/format.js';
import { parseBundle, validateBundle } from '../../src/data/parse.js';
import { buildModel, type BundleModel, type PlanNode } from '../../src/data/model.js';
import { rateTenths } from '../../src/data/rollup.js';
import { formatIssue, type ValidationIssue } from '../../src/data/validate.js';
import { loadDetail, loadMessages } from '../../src/i18n/index.js';
import { allPaths, type Path } from '../helpers/json-paths.js';

// Messages are checked in English too, which the library loads on demand.
// Messages are checked worded: English, and the Japanese detail of problems (both load on demand).
await Promise.all([loadMessages('en'), loadDetail()]);

const RUNS = 300;
fc.configureGlobal({ includeErrorInReport: true });
const SEED_TEXT = readFileSync(new URL('../../seeds/kanazawa.json', import.meta.url), 'utf8');
const kanazawa = (): Bundle => JSON.parse(SEED_TEXT) as Bundle;
const MINIMAL_TEXT = readFileSync(new URL('../../seeds/minimal.json', import.meta.url), 'utf8');

/** What a reader must never see: leaked JS values. `received` (the quoted input) is checked separately. */
const GARBAGE = /\b(NaN|undefined|Infinity)\b|\[object Object\]|\bnull\b/;


// ---------------------------------------------------------------------------------------------------------------
// Helpers: JSON paths, the oracle for the roll-up, invariants of a model.

/** A canonical text of any value (NaN, -0, holes, undefined and boxed values included), to see changes. */
function snapshot(x: unknown): string {
  if (x === null || typeof x !== 'object') return typeof x === 'string' ? JSON.stringify(x) : Object.is(x, -0) ? '-0' : `${typeof x}:${String(x)}`;
  if (Array.isArray(x)) return `[${Array.from({ length: x.length }, (_, i) => (i in x ? snapshot(x[i]) : '<hole>')).join(',')}]`;
  const tag = Object.prototype.toString.call(x);
  const boxed = tag === '[object Object]' || tag === '[object Array]' ? '' : `${tag}(${String((x as { valueOf(): unknown }).valueOf())})`;
  return `${boxed}{${Object.keys(x).map((k) => `${JSON.stringify(k)}:${snapshot((x as Record<string, unknown>)[k])}`).join(',')}}`;
}

function parentOf(root: unknown, path: Path): Record<string | number, unknown> | undefined {
  let cur: unknown = root;
  for (const k of path.slice(0, -1)) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur && typeof cur === 'object' ? (cur as Record<string | number, unknown>) : undefined;
}

function setAt(root: unknown, path: Path, value: unknown) {
  const parent = parentOf(root, path);
  if (parent) parent[path[path.length - 1]!] = value;
}

function deleteAt(root: unknown, path: Path) {
  const parent = parentOf(root, path);
  const key = path[path.length - 1]!;
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else if (parent) delete parent[key];
}

/** Parses a path written by `formatPath` (`plans[1].nodes[3]["a.b"]`) back into keys. */
function parseIssuePath(s: string): Path | null {
  const out: Path = [];
  const re = /(?:^|\.)([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let at = 0;
  while (at < s.length) {
    re.lastIndex = at;
    const m = re.exec(s);
    if (!m) return null;
    out.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3]!) as string)));
    at = re.lastIndex;
  }
  return out;
}

/** Whether `path` leads somewhere in `root` (valibot reads inherited keys too; long keys are abbreviated with …). */
function has(root: unknown, path: Path): boolean {
  if (!path.length) return true;
  const parent = parentOf(root, path);
  const key = path[path.length - 1]!;
  if (!parent) return false;
  if (typeof key === 'string' && key.endsWith('…')) return Object.keys(parent).some((k) => k.startsWith(key.slice(0, -1)));
  return key in parent;
}

/** Issues are well formed: a known message in both languages, a path into the input, no leaked JS values. */
function checkIssues(input: unknown, errors: readonly ValidationIssue[]) {
  assert.ok(errors.length >= 1 && errors.length <= 101, `1–101 issues, got ${errors.length}`);
  for (const issue of errors) {
    const path = parseIssuePath(issue.path);
    assert.ok(path, `unparsable path ${JSON.stringify(issue.path)}`);
    const target = issue.key === 'required' ? path.slice(0, -1) : path;
    if (issue.key === 'required') assert.ok(parentOf(input, path) || path.length <= 1, `parent of ${issue.path} exists`);
    else assert.ok(has(input, target), `${issue.path} (${issue.key}) points into the input`);
    for (const lang of ['ja', 'en'] as const) {
      const line = formatIssue({ ...issue, params: { ...issue.params, received: issue.params.received === undefined ? undefined : 'X' } }, lang);
      assert.equal(typeof line, 'string');
      assert.doesNotMatch(line, GARBAGE, `${lang}: ${line}`);
      assert.ok(line.length < 600, 'messages stay short');
    }
    if (issue.params.received !== undefined) {
      assert.equal(typeof issue.params.received, 'string');
      assert.ok(issue.params.received.length <= 45, `received is abbreviated: ${issue.params.received}`);
    }
  }
}

const exactTenths = (a: number, t: number) => Number((2000n * BigInt(a) + BigInt(t)) / (2n * BigInt(t)));

/** What every node of a valid model must satisfy, whatever the data. */
function checkModel(model: BundleModel) {
  for (const plan of model.plans) {
    assert.equal(plan.byId.size, plan.data.nodes.length + 1, 'every node and the root by id');
    const seen = new Set<PlanNode>();
    const queue = [plan.root];
    while (queue.length) {
      const n = queue.shift()!;
      assert.ok(!seen.has(n), 'a tree, not a graph');
      seen.add(n);
      assert.ok(n.depth <= LIMITS.depth, `depth ${n.depth} ≤ ${LIMITS.depth}`);
      if (n.parent) assert.ok(n.parent.children.includes(n));
      const p = n.progress;
      if (p) {
        for (const k of ['total', 'achieved', 'unconfirmed'] as const) assert.ok(Number.isSafeInteger(p[k]) && p[k] >= 0 && !Object.is(p[k], -0), `${k} = ${p[k]}`);
        assert.ok(p.achieved <= p.total, 'achieved ≤ total');
        assert.ok(p.unconfirmed <= p.total - p.achieved, 'unconfirmed ≤ open');
        if (p.total === 0) assert.equal(p.rateTenths, null, 'no rate without items');
        // Unknown achieved counts (e.g. a declared total without `achieved` on a plan whose scale says nothing)
        // have no rate, and then `achieved` is the documented 0, never a made-up figure.
        else if (p.rateTenths === null) assert.equal(p.achieved, 0, 'no rate: achieved is not counted');
        else assert.equal(p.rateTenths, exactTenths(p.achieved, p.total));
        for (const lang of ['ja', 'en'] as const) {
          const shown = [formatCount(p.total, lang), formatCount(p.achieved, lang), p.rateTenths === null ? '' : formatPercent(p.rateTenths, lang)];
          assert.doesNotMatch(shown.join(' '), /NaN|∞|Infinity|(^|\s)-0/);
        }
        for (const b of p.byStatus) assert.ok(model.statuses.has(b.status) && b.count > 0);
      }
      for (const lang of ['ja', 'en'] as const) assert.equal(typeof text(n.title, lang), 'string');
      queue.push(...n.children);
    }
    assert.equal(seen.size, plan.byId.size, 'every node is reachable from the root');
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries.

/** Values that break things: wrong types, limits, non-JSON numbers, odd objects. */
const junk = fc.oneof(
  fc.constantFrom<unknown>(
    null, true, false, 0, -0, -1, 1.5, -2.5, 1e9 + 1, 2 ** 53 + 2, 1e308, -1e308, Number.MIN_VALUE, NaN, Infinity, -Infinity,
    '', ' ', '\u0000', '\ufeff', '0', '1e3', 'x', [], {}, [null], { ja: null }, { ja: 1 }, { en: 'x' }, { ja: 'x', en: 2 },
    'javascript:alert(1)', undefined, 'x'.repeat(LIMITS.textLength + 1), 'a'.repeat(LIMITS.idLength + 1),
  ),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 30 }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.anything({ maxDepth: 2, withNullPrototype: true, withSparseArray: true, withBoxedValues: true }),
);

const WEIRD_IDS = ['constructor', 'toString', 'prototype', 'hasOwnProperty', 'valueOf', '0', '1e3', 'a.b', 'A-1', 'x_y'];
const tinyText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.record({ ja: fc.string({ maxLength: 12 }), en: fc.option(fc.string({ maxLength: 12 }), { nil: undefined }) }, { requiredKeys: ['ja'] }),
);
const statusArb = fc.record(
  {
    id: fc.constantFrom('achieved', 'not-achieved', 'unconfirmed', 'constructor', 'done', 's1', 's2'),
    label: tinyText,
    achieved: fc.boolean(),
    unconfirmed: fc.option(fc.boolean(), { nil: undefined }),
  },
  { requiredKeys: ['id', 'label', 'achieved'] },
);
const countsArb = fc
  .integer({ min: 0, max: 1_000_000_000 })
  .chain((total) => fc.tuple(fc.constant(total), fc.integer({ min: 0, max: total })))
  .chain(([total, achieved]) =>
    fc.record(
      { total: fc.constant(total), achieved: fc.constant(achieved), unconfirmed: fc.option(fc.integer({ min: 0, max: total - achieved }), { nil: undefined }) },
      { requiredKeys: ['total', 'achieved'] },
    ),
  );
const nodeSeed = fc.record({
  hasParent: fc.boolean(),
  parentPick: fc.nat(),
  status: fc.option(fc.nat(), { nil: undefined }),
  declared: fc.option(fc.tuple(countsArb, fc.option(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 1000 })), { maxLength: 3 }), { nil: undefined })), { freq: 4, nil: undefined }),
  title: tinyText,
  order: fc.nat(),
});
const planSeed = fc.record({
  nodes: fc.array(nodeSeed, { maxLength: 40 }),
  progress: fc.option(countsArb, { nil: undefined }),
  weird: fc.nat({ max: WEIRD_IDS.length }),
  chain: fc.boolean(),
});

/** A valid bundle: known parents in any document order, depth ≤ the limit, counts within their rules. */
const validBundle = fc
  .record({ statuses: fc.uniqueArray(statusArb, { selector: (s) => s.id, maxLength: 5 }), plans: fc.array(planSeed, { minLength: 1, maxLength: 3 }) })
  .map(({ statuses, plans }) => {
    const ids = statuses.map((s) => s.id);
    const bundle = {
      schemaVersion: 1,
      publisher: { name: 'p' },
      statuses,
      plans: plans.map((ps, k) => {
        const planId = `plan-${k}`;
        const depth: number[] = [];
        const nodes = ps.nodes.map((ns, i) => {
          const id = i < ps.weird ? WEIRD_IDS[i]! : `n-${i}`;
          let parent: number | undefined = ps.chain && i > 0 ? i - 1 : ns.hasParent && i > 0 ? ns.parentPick % i : undefined;
          if (parent !== undefined && depth[parent]! >= LIMITS.depth) parent = undefined;
          depth[i] = parent === undefined ? 1 : depth[parent]! + 1;
          const node: Record<string, unknown> = { id, kind: 'initiative', title: ns.title, order: ns.order, parentIndex: parent };
          if (ns.status !== undefined && ids.length) node.status = ids[ns.status % ids.length];
          if (ns.declared) {
            const [counts, by] = ns.declared;
            node.progress = { ...counts };
            if (by && ids.length) (node.progress as Record<string, unknown>).byStatus = Object.fromEntries(by.map(([s, c]) => [ids[s % ids.length]!, c]));
          }
          return node;
        });
        for (const node of nodes) {
          const pi = node.parentIndex as number | undefined;
          if (pi !== undefined) node.parent = nodes[pi]!.id;
          delete node.parentIndex;
        }
        // Any document order: children may come before their parents.
        nodes.sort((a, b) => (a.order as number) - (b.order as number));
        nodes.forEach((n) => delete n.order);
        return { id: planId, title: 'plan', period: { from: 2024, to: 2027 }, ...(ps.progress ? { progress: ps.progress } : {}), nodes };
      }),
    };
    return bundle as unknown as Bundle;
  });

/** The roll-up rule, written the obvious (recursive) way, to compare the iterative one against. */
function oracle(bundle: Bundle, planIndex: number) {
  const plan = bundle.plans[planIndex]!;
  const rules = new Map((bundle.statuses ?? []).map((s) => [s.id, s]));
  const order = [...rules.keys()];
  const kids = new Map<string, string[]>();
  for (const n of plan.nodes) {
    const parent = n.parent ?? plan.id;
    kids.set(parent, [...(kids.get(parent) ?? []), n.id]);
  }
  const byId = new Map(plan.nodes.map((n) => [n.id, n]));
  type P = { total: number; achieved: number; unconfirmed: number; byStatus: Array<[string, number]> } | null;
  const sortBy = (m: Map<string, number>) => order.filter((s) => (m.get(s) ?? 0) > 0).map((s) => [s, m.get(s)!] as [string, number]);
  const of = (id: string): P => {
    const declared = id === plan.id ? plan.progress : byId.get(id)!.progress;
    if (declared) {
      return {
        total: declared.total,
        achieved: declared.achieved!,
        unconfirmed: declared.unconfirmed ?? 0,
        byStatus: declared.byStatus ? sortBy(new Map(Object.entries(declared.byStatus))) : [],
      };
    }
    const children = kids.get(id) ?? [];
    if (!children.length) {
      const rule = id === plan.id ? undefined : rules.get(byId.get(id)!.status ?? '');
      if (!rule) return null;
      return { total: 1, achieved: rule.achieved ? 1 : 0, unconfirmed: rule.unconfirmed && !rule.achieved ? 1 : 0, byStatus: [[rule.id, 1]] };
    }
    const parts = children.map(of).filter((p): p is NonNullable<P> => p !== null);
    if (!parts.length) return null;
    const sum = new Map<string, number>();
    for (const p of parts) for (const [s, c] of p.byStatus) sum.set(s, (sum.get(s) ?? 0) + c);
    const complete = parts.every((p) => p.byStatus.reduce((a, [, c]) => a + c, 0) === p.total);
    return {
      total: parts.reduce((a, p) => a + p.total, 0),
      achieved: parts.reduce((a, p) => a + p.achieved, 0),
      unconfirmed: parts.reduce((a, p) => a + p.unconfirmed, 0),
      byStatus: complete ? sortBy(sum) : [],
    };
  };
  return of;
}

// ---------------------------------------------------------------------------------------------------------------

describe('validateBundle on anything', () => {
  test('never throws, never changes its input, and answers ok or issues with paths into the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 5 }), fc.anything({ maxDepth: 4, withNullPrototype: true, withSparseArray: true, withBoxedValues: true })), (input) => {
        const before = snapshot(input);
        const r = validateBundle(input);
        assert.equal(snapshot(input), before, 'the input is not changed');
        if (!r.ok) checkIssues(input, r.errors);
        else checkModel(buildModel(r.bundle));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('mutations of the Kanazawa bundle', () => {
  const paths = allPaths(kanazawa());
  const nodeCount = kanazawa().plans.map((p) => p.nodes.length);
  const mutation = fc.oneof(
    { weight: 4, arbitrary: fc.record({ op: fc.constant('set' as const), path: fc.constantFrom(...paths), value: junk }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), path: fc.constantFrom(...paths) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constantFrom('duplicate' as const, 'cycle' as const, 'over' as const, 'deep' as const), plan: fc.nat(1), a: fc.nat(), b: fc.nat() }) },
  );
  type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;
  function apply(b: Bundle, m: Mutation) {
    if (m.op === 'set') return setAt(b, m.path, m.value);
    if (m.op === 'delete') return deleteAt(b, m.path);
    const plan = b.plans[m.plan];
    if (!plan?.nodes?.length) return;
    const nodes = plan.nodes as Array<Record<string, unknown>>;
    const a = nodes[m.a % nodes.length];
    const other = nodes[m.b % nodes.length];
    if (!a || typeof a !== 'object' || !other || typeof other !== 'object') return;
    if (m.op === 'duplicate') a.id = other.id;
    if (m.op === 'cycle') {
      // Hang `other`'s root ancestor below `a`: a cycle whenever `a` is below it.
      a.parent = other.id;
      other.parent = a.id;
    }
    if (m.op === 'over') a.progress = { total: 3, achieved: 4 };
    if (m.op === 'deep') for (let i = 0; i < 40; i++) nodes.push({ id: `deep-${i}`, kind: 'area', title: 'x', parent: i ? `deep-${i - 1}` : a.id });
  }

  test(`1–3 mutations (set to junk, delete, duplicate ids, cycles, achieved > total, depth): never a crash or garbage`, () => {
    let invalid = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
        const b = kanazawa();
        ms.forEach((m) => apply(b, m));
        const r = validateBundle(b);
        if (r.ok) checkModel(buildModel(r.bundle));
        else {
          invalid++;
          checkIssues(b, r.errors);
          const e = new KdxError('invalid', { url: 'x' }, { issues: r.errors });
          for (const lang of ['ja', 'en'] as const) assert.doesNotMatch(errorMessage(e, lang).replace(/(got |実際: )[^）)]*/g, ''), GARBAGE);
        }
      }),
      { numRuns: RUNS },
    );
    assert.ok(invalid > RUNS / 2, `most mutations are refused (${invalid}/${RUNS})`);
    assert.deepEqual(nodeCount, [28, 30]);
  });

  test('the specific rule is named: duplicate id, cycle, unknown parent, achieved > total, unconfirmed > open', () => {
    fc.assert(
      fc.property(fc.nat(1), fc.nat(), fc.nat(), fc.constantFrom('duplicate-id', 'cycle', 'unknown-parent', 'achieved-gt-total', 'unconfirmed-gt-open'), (p, i, j, key) => {
        const b = kanazawa();
        const nodes = b.plans[p]!.nodes as Array<Record<string, unknown>>;
        const a = nodes[i % nodes.length]!;
        const other = nodes[(i + 1 + (j % (nodes.length - 1))) % nodes.length]!;
        if (key === 'duplicate-id') a.id = other.id;
        if (key === 'cycle') a.parent = a.id;
        if (key === 'unknown-parent') a.parent = 'no-such-node';
        if (key === 'achieved-gt-total') a.progress = { total: 5, achieved: 6 };
        if (key === 'unconfirmed-gt-open') a.progress = { total: 5, achieved: 4, unconfirmed: 2 };
        const r = validateBundle(b);
        assert.equal(r.ok, false);
        if (!r.ok) assert.ok(r.errors.some((e) => e.key === key), `${key}: ${r.errors.map((e) => e.key).join(', ')}`);
      }),
      { numRuns: 100 },
    );
  });
});

describe('valid bundles and their roll-up', () => {
  test('any valid bundle validates, models, and rolls up exactly as the recursive definition says', () => {
    fc.assert(
      fc.property(validBundle, (bundle) => {
        const r = validateBundle(bundle);
        assert.ok(r.ok, r.ok ? '' : r.errors.map((e) => formatIssue(e, 'en')).join('\n'));
        const model = buildModel(r.bundle);
        checkModel(model);
        model.plans.forEach((plan, k) => {
          const of = oracle(r.bundle, k);
          for (const node of plan.byId.values()) {
            const want = of(node.id);
            const got = node.progress;
            if (!want) assert.equal(got, null, node.id);
            else {
              assert.ok(got, node.id);
              assert.deepEqual(
                { total: got.total, achieved: got.achieved, unconfirmed: got.unconfirmed, byStatus: got.byStatus.map((b) => [b.status, b.count]) },
                want,
                node.id,
              );
            }
          }
        });
      }),
      { numRuns: RUNS },
    );
  });

  test('a chain deeper than the limit is refused by depth, once, whatever the document order', () => {
    fc.assert(
      fc.property(fc.integer({ min: LIMITS.depth + 1, max: 400 }), fc.boolean(), (length, reversed) => {
        const b = kanazawa();
        b.plans[0]!.nodes = Array.from({ length }, (_, i) => ({ id: `n${i}`, kind: 'area', title: 'x', ...(i ? { parent: `n${i - 1}` } : {}) }));
        if (reversed) b.plans[0]!.nodes.reverse();
        const r = validateBundle(b);
        assert.equal(r.ok, false);
        if (r.ok) return;
        assert.deepEqual(r.errors.map((e) => e.key), ['too-deep']);
        assert.equal(b.plans[0]!.nodes[Number(/nodes\[(\d+)\]/.exec(r.errors[0]!.path)![1])]!.id, `n${LIMITS.depth}`);
      }),
      { numRuns: 50 },
    );
  });
});

describe('rates', () => {
  test('rateTenths is exact half-up rounding in [0, 1000], null without items, for counts up to a full plan', () => {
    const maxTotal = LIMITS.nodes * 1_000_000_000;
    const pair = fc.oneof(
      fc.integer({ min: 1, max: maxTotal }).chain((t) => fc.tuple(fc.integer({ min: 0, max: t }), fc.constant(t))),
      // Exactly on the .5 boundaries, where floating point would show.
      fc.tuple(fc.integer({ min: 1, max: maxTotal / 2000 }), fc.integer({ min: 1, max: 1000 })).map(([m, k]) => [(2 * k - 1) * m, 2000 * m] as [number, number]),
    );
    fc.assert(
      fc.property(pair, ([a, t]) => {
        const r = rateTenths(a, t);
        assert.equal(r, exactTenths(a, t));
        assert.ok(r !== null && r >= 0 && r <= 1000);
      }),
      { numRuns: RUNS },
    );
    for (const [a, t] of [[0, 0], [1, 0], [NaN, 1], [1, NaN], [1, Infinity], [Infinity, Infinity], [-1, 5], [0, -1]] as const) {
      assert.equal(rateTenths(a, t), null, `${a}/${t}`);
    }
  });
});

describe('numbers for people', () => {
  test('formatCount / formatNumber never show -0, NaN or ∞ for a finite number, and keep a real minus sign', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom('ja' as const, 'en' as const), (n, lang) => {
        for (const s of [formatCount(n, lang), formatNumber(n, lang)]) {
          assert.doesNotMatch(s, /^-0(?:\.0*)?$|NaN|∞/, `${n} → ${s}`);
          if (s.startsWith('-')) assert.ok(n < 0, `${n} → ${s}`);
        }
        if (n <= -0.005) assert.ok(formatNumber(n, lang).startsWith('-'), `${n} keeps its sign`);
      }),
      { numRuns: RUNS },
    );
    assert.equal(formatCount(-0, 'ja'), '0');
    assert.equal(formatNumber(-0.001, 'en'), '0');
    assert.equal(formatPercent(-0, 'en'), '0.0%');
  });
});

describe('parseBundle on any text', () => {
  const codes = new Set(['not-json', 'invalid', 'unsupported-version', 'too-large']);
  const texts = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.json({ maxDepth: 4 }),
    fc.integer({ min: 0, max: SEED_TEXT.trimEnd().length - 1 }).map((cut) => SEED_TEXT.slice(0, cut)),
    fc.constantFrom('\ufeff' + MINIMAL_TEXT, '\ufeff\ufeff' + MINIMAL_TEXT, MINIMAL_TEXT + '\ufeff', '<!DOCTYPE html><h1>404</h1>', '', ' ', 'null', '[]', '{}'),
  );
  test('returns a model or throws a KdxError with a known code and a clean message', () => {
    fc.assert(
      fc.property(texts, (s) => {
        try {
          checkModel(parseBundle(s, 'https://example.jp/b.json'));
        } catch (e) {
          assert.ok(e instanceof KdxError, `not a KdxError: ${String(e)}`);
          assert.ok(codes.has(e.code), e.code);
          for (const lang of ['ja', 'en'] as const) {
            const message = errorMessage(e, lang).replace(/(got |実際: |：|: )("[^"]*"|[^\s）)]*)/g, '');
            assert.doesNotMatch(message, /\bundefined\b|\[object Object\]|NaN/, message);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('truncated JSON is always not-json; a BOM is accepted once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: SEED_TEXT.trimEnd().length - 1 }), (cut) => {
        assert.throws(() => parseBundle(SEED_TEXT.slice(0, cut)), (e: unknown) => e instanceof KdxError && e.code === 'not-json');
      }),
      { numRuns: 200 },
    );
    assert.equal(parseBundle('\ufeff' + MINIMAL_TEXT).plans.length, 2);
    assert.throws(() => parseBundle('\ufeff\ufeff' + MINIMAL_TEXT), (e: unknown) => e instanceof KdxError && e.code === 'not-json');
  });
});

describe('URLs', () => {
  const pieces = ['javascript', 'JaVaScRiPt', 'data', 'vbscript', 'http', 'https', 'file', ':', '://', '//', '/', '\\', '\t', '\n', '\r', ' ', '\u0000',
    '\u00a0', '\u2028', '&#x09;', '&#58;', '&colon;', '%0a', '%3A', '#', '?', '.', 'a', 'x', 'alert(1)', '<', '"', '>', '`', '{', '}', 'é', '日本'];
  const urlish = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((p) => p.join(''));
  const base = 'https://city.example.jp/data/';

  test('whatever the pattern accepts resolves to http(s): no other scheme gets through, however disguised', () => {
    fc.assert(
      fc.property(fc.oneof(urlish, fc.string({ maxLength: 30 }), fc.webUrl()), (s) => {
        if (SAFE_URL_PATTERN.test(s)) {
          let protocol = 'http:';
          try {
            protocol = new URL(s, base).protocol;
          } catch {
            // Unparsable: the validator refuses it too (and safeHref gives null).
          }
          assert.match(protocol, /^https?:$/, JSON.stringify(s));
        }
        const href = safeHref(s, base);
        assert.ok(href === null || /^https?:\/\//.test(href), `${JSON.stringify(s)} → ${href}`);
      }),
      { numRuns: RUNS },
    );
  });

  test('the validator refuses a URL field holding a scheme or markup', () => {
    const bad = ['javascript:alert(1)', 'java\tscript:alert(1)', 'jav&#x09;ascript:alert(1)', '&#106;avascript:alert(1)', '%6Aavascript:alert(1)',
      'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', '\u0001javascript:x', ' https://x', 'https://x y', '"><script>alert(1)</script>',
      '${alert(1)}', "{{constructor.constructor('alert(1)')()}}", '\\\\evil.example/x', 'x:y', 'https://a:99999999/'];
    for (const url of bad) {
      const b = kanazawa();
      (b.plans[0]!.nodes[0] as Record<string, unknown>).link = url;
      const r = validateBundle(b);
      assert.equal(r.ok, false, JSON.stringify(url));
      if (!r.ok) assert.deepEqual([...new Set(r.errors.map((e) => `${e.path} ${e.key}`))], ['plans[0].nodes[0].link url'], JSON.stringify(url));
    }
    for (const url of ['https://www4.city.kanazawa.lg.jp/a/b.html?x=1&y=2#p', 'docs/plan.pdf#page=3', '/x', './this:that', '?q=1', '#top', '計画.pdf']) {
      const b = kanazawa();
      (b.plans[0]!.nodes[0] as Record<string, unknown>).link = url;
      assert.equal(validateBundle(b).ok, true, url);
    }
  });
});

describe('limits: each refused with its own message, in time', () => {
  const lines = (r: ReturnType<typeof validateBundle>, lang: 'ja' | 'en' = 'en') => (r.ok ? [] : r.errors.map((e) => formatIssue(e, lang)));
  const timed = <T>(f: () => T): [T, number] => {
    const t0 = performance.now();
    const r = f();
    return [r, performance.now() - t0];
  };

  test('bundle size: 5 MB of JSON text, counted in UTF-8 bytes', (t) => {
    const big = kanazawa();
    big.plans[0]!.title = 'x'.repeat(LIMITS.bundleBytes);
    const check = (s: string) => {
      try {
        parseBundle(s, 'https://example.jp/big.json');
        return 'ok';
      } catch (e) {
        return e instanceof KdxError ? e.code : String(e);
      }
    };
    const [code, ms] = timed(() => check(JSON.stringify(big)));
    assert.equal(code, 'too-large');
    const e = new KdxError('too-large', { url: 'https://example.jp/big.json', limit: '5 MB' });
    assert.equal(errorMessage(e, 'en'), 'The data is too large (https://example.jp/big.json, limit 5 MB).');
    assert.equal(errorMessage(e, 'ja'), 'データが大きすぎます（https://example.jp/big.json、上限 5 MB）。');
    // 2 M Japanese characters are 6 MB of UTF-8 although the string's length is 2 M.
    const ja = JSON.stringify({ schemaVersion: 1, x: 'あ'.repeat(2_000_000) });
    assert.ok(ja.length < LIMITS.bundleBytes && Buffer.byteLength(ja) > LIMITS.bundleBytes);
    assert.equal(check(ja), 'too-large');
    // Just under the limit in bytes: read and validated.
    const under = JSON.stringify({ schemaVersion: 1, x: 'あ'.repeat(1_000_000) });
    assert.ok(Buffer.byteLength(under) < LIMITS.bundleBytes);
    assert.equal(check(under), 'invalid');
    t.diagnostic(`5 MB bundle refused in ${ms.toFixed(0)} ms`);
  });

  test('text length, id length, node count, depth: refused with the limit in the message; 5 MB strings fast', (t) => {
    const cases: Array<[string, (b: Bundle) => void, string, string]> = [
      ['text', (b) => (b.plans[0]!.title = 'x'.repeat(LIMITS.textLength + 1)), 'plans[0].title: is too long (at most 10000 characters)', 'plans[0].title: 長すぎます（上限 10000 文字）'],
      ['id', (b) => (b.plans[0]!.nodes[0]!.id = 'a'.repeat(LIMITS.idLength + 1)), 'plans[0].nodes[0].id: is too long (at most 100 characters)', 'plans[0].nodes[0].id: 長すぎます（上限 100 文字）'],
      ['nodes', (b) => (b.plans[0]!.nodes = Array.from({ length: LIMITS.nodes + 1 }, (_, i) => ({ id: `n${i}`, kind: 'area', title: 'x' }))),
        'plans[0].nodes: has too many items (at most 50000)', 'plans[0].nodes: 項目が多すぎます（上限 50000）'],
      ['depth', (b) => (b.plans[0]!.nodes = Array.from({ length: 10_000 }, (_, i) => ({ id: `n${i}`, kind: 'area', title: 'x', ...(i ? { parent: `n${i - 1}` } : {}) }))),
        'plans[0].nodes[32].parent: is nested too deeply (at most 32 levels)', 'plans[0].nodes[32].parent: 階層が深すぎます（上限 32 階層）'],
    ];
    for (const [name, mutate, en, ja] of cases) {
      const b = kanazawa();
      mutate(b);
      const [r, ms] = timed(() => validateBundle(b));
      assert.deepEqual(lines(r), [en], name);
      assert.deepEqual(lines(r, 'ja'), [ja], name);
      t.diagnostic(`${name}: ${ms.toFixed(0)} ms`);
    }
    // At the limits: accepted.
    const ok = kanazawa();
    ok.plans[0]!.title = 'x'.repeat(LIMITS.textLength);
    ok.plans[0]!.nodes[0]!.number = 'a'.repeat(LIMITS.idLength);
    ok.plans[0]!.nodes = [
      ...ok.plans[0]!.nodes,
      ...Array.from({ length: LIMITS.depth }, (_, i) => ({ id: `d${i}`, kind: 'area', title: 'x', ...(i ? { parent: `d${i - 1}` } : {}) })),
    ];
    assert.deepEqual(lines(validateBundle(ok)), []);
    const many = kanazawa();
    many.plans[0]!.nodes = Array.from({ length: LIMITS.nodes }, (_, i) => ({ id: `n${i}`, kind: 'area', title: 'x' }));
    const [manyResult, manyMs] = timed(() => validateBundle(many));
    assert.equal(manyResult.ok, true);
    t.diagnostic(`50,000 nodes validated in ${manyMs.toFixed(0)} ms`);

    // A 5 MB string in each kind of field (possible in a JS object; a 5 MB JSON text is refused before this).
    const huge = 'a'.repeat(5 * 1024 * 1024);
    const fields: Array<[string, (b: Bundle, s: string) => void]> = [
      ['text', (b, s) => (b.plans[0]!.title = s)],
      ['url', (b, s) => (b.plans[0]!.nodes[0]!.link = s)],
      ['url with a space', (b, s) => (b.plans[0]!.nodes[0]!.link = `${s} :`)],
      ['id', (b, s) => (b.plans[0]!.nodes[0]!.id = s)],
      ['date', (b, s) => (b.plans[0]!.adopted = s)],
      ['status key', (b, s) => (b.plans[1]!.progress!.byStatus = { [s]: 1 })],
    ];
    for (const [name, put] of fields) {
      const b = kanazawa();
      put(b, huge);
      const [r, ms] = timed(() => validateBundle(b));
      assert.equal(r.ok, false, name);
      assert.ok(ms < 1000, `${name}: ${ms.toFixed(0)} ms`);
      for (const line of lines(r)) assert.ok(line.length < 300, `${name}: message stays short`);
      t.diagnostic(`5 MB string in ${name}: ${ms.toFixed(0)} ms`);
    }
  });
});
