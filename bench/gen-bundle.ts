/**
 * Large synthetic plan bundles for benchmarks, in the bundle format of `src/data/bundle.ts`.
 *
 *   npm run gen:bundle -- --nodes 10000 --depth 5 [--out file] [--seed n]
 *
 * One plan with `nodes` nodes on `depth` levels below its root. Every level is full (each node above the last
 * level has children), level sizes grow geometrically, and each node's number of children varies around the mean
 * (seeded PRNG: the same arguments always give the same file). Leaves carry a status; titles are in Japanese and
 * English; nodes come in document order (depth first). The result is checked with `validateBundle`.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { LIMITS, type Bundle, type NodeData } from '../src/data/bundle.js';
import { validateBundle } from '../src/data/parse.js';

export interface GenOptions {
  nodes: number;
  depth: number;
  seed?: number;
}

/** mulberry32: small, fast, good enough for shapes and labels. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Level sizes 1..depth: geometric, each at least the one above, summing to `nodes`. */
function levelSizes(nodes: number, depth: number): number[] {
  // Branching factor b with b + b² + … + b^depth ≈ nodes (bisection).
  const sum = (b: number) => Array.from({ length: depth }, (_, i) => b ** (i + 1)).reduce((x, y) => x + y, 0);
  let lo = 1;
  let hi = nodes;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (sum(mid) < nodes) lo = mid;
    else hi = mid;
  }
  const sizes = Array.from({ length: depth }, (_, i) => Math.max(1, Math.round(lo ** (i + 1))));
  // Put the rounding difference on the last level, keeping every level at least as large as the one above.
  const diff = nodes - sizes.reduce((x, y) => x + y, 0);
  sizes[depth - 1] = Math.max(sizes[depth - 1]! + diff, depth > 1 ? sizes[depth - 2]! : 1);
  return sizes;
}

const KINDS = ['policy', 'area', 'measure', 'initiative', 'section', 'guideline'];
const WORDS_JA = ['行政', 'デジタル', '市民', 'サービス', '推進', '改革', '連携', '強化', '地域', '人材', '財政', '情報', '防災', '子育て', '窓口'];
const WORDS_EN = ['administration', 'digital', 'citizen', 'service', 'promotion', 'reform', 'partnership', 'strength', 'community', 'people', 'finance', 'information', 'disaster', 'childcare', 'counter'];

export function generateBundle({ nodes, depth, seed = 1 }: GenOptions): Bundle {
  if (!Number.isInteger(nodes) || nodes < depth || nodes > LIMITS.nodes) throw new RangeError(`--nodes must be an integer from ${depth} to ${LIMITS.nodes}`);
  if (!Number.isInteger(depth) || depth < 1 || depth > LIMITS.depth) throw new RangeError(`--depth must be an integer from 1 to ${LIMITS.depth}`);
  const rand = prng(seed);
  const sizes = levelSizes(nodes, depth);
  // children[k][i]: how many children node i of level k has (level k+1 is shared out with random weights).
  const kids: number[][] = [];
  for (let k = 0; k < depth - 1; k++) {
    const parents = sizes[k]!;
    const total = sizes[k + 1]!;
    const weights = Array.from({ length: parents }, () => 0.5 + rand());
    const w = weights.reduce((x, y) => x + y, 0);
    // Each parent gets at least one child, the rest by weight; the remainder goes round-robin.
    const counts = weights.map((x) => 1 + Math.floor(((total - parents) * x) / w));
    let rest = total - counts.reduce((x, y) => x + y, 0);
    for (let i = 0; rest > 0; i = (i + 1) % parents, rest--) counts[i]!++;
    kids.push(counts);
  }
  const out: NodeData[] = [];
  const next = new Array<number>(depth).fill(0); // next unused index per level
  const word = (list: string[]) => list[Math.floor(rand() * list.length)]!;
  const statuses = ['achieved', 'achieved', 'achieved', 'not-achieved', 'unconfirmed'];
  // Depth-first, without recursion: a stack of (level, index in level, parent id).
  const stack: Array<{ level: number; index: number; parent: string | undefined; label: string }> = [];
  for (let i = sizes[0]! - 1; i >= 0; i--) stack.push({ level: 0, index: i, parent: undefined, label: String(i + 1) });
  next[0] = sizes[0]!;
  while (stack.length) {
    const { level, index, parent, label } = stack.pop()!;
    const id = `n${level + 1}-${index + 1}`;
    const a = word(WORDS_JA);
    const b = word(WORDS_JA);
    const i = WORDS_JA.indexOf(a);
    const j = WORDS_JA.indexOf(b);
    const leaf = level === depth - 1;
    const node: NodeData = {
      id,
      ...(parent ? { parent } : {}),
      kind: KINDS[Math.min(level, KINDS.length - 1)]!,
      title: { ja: `${a}と${b}の取組 ${label}`, en: `${WORDS_EN[i]} and ${WORDS_EN[j]} ${label}` },
      number: `R${7 + (level % 2)}-${label}`,
      ...(leaf ? { status: statuses[Math.floor(rand() * statuses.length)]! } : {}),
    };
    out.push(node);
    if (leaf) continue;
    const n = kids[level]![index]!;
    const first = next[level + 1]!;
    next[level + 1] = first + n;
    for (let c = n - 1; c >= 0; c--) stack.push({ level: level + 1, index: first + c, parent: id, label: `${label}.${c + 1}` });
  }
  return {
    schemaVersion: 1,
    publisher: { name: { ja: 'ベンチマーク市', en: 'Benchmark City' } },
    statuses: [
      { id: 'achieved', label: { ja: '達成', en: 'Achieved' }, achieved: true, tone: 'success' },
      { id: 'not-achieved', label: { ja: '未達成', en: 'Not achieved' }, achieved: false, tone: 'warning' },
      { id: 'unconfirmed', label: { ja: '数値未確定', en: 'Figures not yet fixed' }, achieved: false, unconfirmed: true, tone: 'neutral' },
    ],
    plans: [
      {
        id: 'bench',
        title: { ja: `ベンチマーク計画（${nodes}項目）`, en: `Benchmark plan (${nodes} items)` },
        period: { from: 2026, to: 2029 },
        nodes: out,
      },
    ],
  };
}

function parseArgs(argv: string[]): GenOptions & { out: string | undefined } {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const num = (name: string, fallback: number) => {
    const s = get(name);
    const n = s === undefined ? fallback : Number(s);
    if (!Number.isInteger(n)) throw new RangeError(`--${name} must be an integer (got ${s})`);
    return n;
  };
  return { nodes: num('nodes', 1000), depth: num('depth', 5), seed: num('seed', 1), out: get('out') };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const { out, ...options } = parseArgs(process.argv.slice(2));
    const bundle = generateBundle(options);
    const result = validateBundle(bundle);
    if (!result.ok) throw new Error(`generated bundle is invalid: ${JSON.stringify(result.errors.slice(0, 3))}`);
    const json = JSON.stringify(bundle);
    if (out) {
      writeFileSync(out, json);
      console.error(`${out}: ${options.nodes} nodes, depth ${options.depth}, seed ${options.seed}, ${(json.length / 1024).toFixed(0)} KiB, valid`);
    } else process.stdout.write(json + '\n');
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
