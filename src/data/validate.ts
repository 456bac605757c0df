/**
 * bundle → typed bundle, or a list of problems, each with a JSON path and an i18n key.
 *
 * Two passes: the schema (`bundle.ts`, run by valibot) checks shapes and types; then the rules a schema cannot
 * express: unique ids, known parents and statuses, no cycles, depth, achieved ≤ total.
 */
import * as v from 'valibot';
import { messages, type Lang } from '../i18n/index.js';
import type { IssueKey, IssueParams } from '../i18n/messages.js';
import { BundleSchema, LIMITS, SUPPORTED_SCHEMA_VERSIONS, type Bundle, type HistoryPoint, type PlanData, type ProgressData } from './bundle.js';

export interface ValidationIssue {
  /** JSON path, e.g. `plans[1].nodes[3].progress.achieved`; empty for the whole document. */
  path: string;
  key: IssueKey;
  params: IssueParams;
}

export type ValidationResult =
  | { ok: true; bundle: Bundle }
  | { ok: false; errors: ValidationIssue[]; /** Set when the bundle declares a schemaVersion we do not read. */ version?: string };

/** At most this many problems are reported: after that, more are noise. */
const MAX_ISSUES = 100;

type PathItem = string | number;

export function formatPath(path: readonly PathItem[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    // Keys are data (byStatus ids): a 5 MB key must not make a 5 MB message.
    else if (key.length > 40) out += `[${JSON.stringify(`${key.slice(0, 40)}…`)}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

/** One problem as a line for people: `plans[1].nodes[3].progress.achieved: must be ≤ total (40)`. */
export function formatIssue(issue: ValidationIssue, lang: Lang): string {
  const text = messages(lang).issue[issue.key](issue.params);
  return issue.path ? `${issue.path}: ${text}` : text;
}

/** A short, safe description of a value for messages (never the whole 5 MB string). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string': {
      const s = value.length > 40 ? `${value.slice(0, 40)}…` : value;
      return JSON.stringify(s);
    }
    case 'number':
    case 'boolean':
      return String(value);
    case 'undefined':
      return 'undefined';
    default:
      return typeof value;
  }
}

const KNOWN_KEYS = new Set<string>([
  'string', 'number', 'integer', 'boolean', 'object', 'array', 'text', 'id', 'too-long', 'url', 'fiscal-year',
  'date', 'count', 'finite', 'page', 'tone', 'one-of', 'schema-version', 'no-plans', 'too-many-nodes', 'not-empty',
]);

/** One valibot issue as a ValidationIssue (also used by the CLI to check single CSV cells against the schema). */
export function fromValibot(issue: v.BaseIssue<unknown>): ValidationIssue {
  // A text given as an object that is wrong inside (`editorial: "yes"`): the object branch's own problem, at its
  // path, says more than "must be a string or { ja, en }".
  if (issue.type === 'union' && issue.input !== null && typeof issue.input === 'object' && !Array.isArray(issue.input)) {
    // (The branches' paths start at the union's input.)
    const inner = issue.issues?.find((i) => i.path?.length);
    if (inner) return fromValibot({ ...inner, path: [...(issue.path ?? []), ...inner.path!] } as v.BaseIssue<unknown>);
  }
  const path = (issue.path ?? []).map((p) => p.key as PathItem);
  const key = KNOWN_KEYS.has(issue.message) ? (issue.message as IssueKey) : 'object';
  if (issue.received === 'undefined' && issue.kind === 'schema') {
    const last = path[path.length - 1];
    return { path: formatPath(path), key: 'required', params: { expected: String(last ?? '') } };
  }
  const params: IssueParams = { received: describe(issue.input) };
  if (key === 'too-long' || key === 'too-many-nodes') params.limit = Number(issue.requirement);
  if (key === 'schema-version') params.other = SUPPORTED_SCHEMA_VERSIONS.join(', ');
  if (key === 'one-of') params.other = (issue.expected ?? '').replace(/["()]/g, '').split(' | ').join(', ');
  return { path: formatPath(path), key, params };
}

export function validateBundle(input: unknown): ValidationResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, errors: [{ path: '', key: 'root', params: { received: describe(input) } }] };
  }
  const version = (input as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && !(SUPPORTED_SCHEMA_VERSIONS as readonly unknown[]).includes(version)) {
    return {
      ok: false,
      version: describe(version),
      errors: [
        {
          path: 'schemaVersion',
          key: 'schema-version',
          params: { received: describe(version), other: SUPPORTED_SCHEMA_VERSIONS.join(', ') },
        },
      ],
    };
  }
  const parsed = v.safeParse(BundleSchema, input, { abortEarly: false });
  if (!parsed.success) {
    return { ok: false, errors: parsed.issues.slice(0, MAX_ISSUES).map(fromValibot) };
  }
  const errors = checkRules(parsed.output);
  return errors.length ? { ok: false, errors: errors.slice(0, MAX_ISSUES) } : { ok: true, bundle: parsed.output };
}

/** A plan's scales by id, with their grades, and the headline scale's achieved grades (for the checks below). */
interface Scales {
  grades: Map<string, Set<string>>;
  /** The headline scale (the plan's first) and its achieved grades, when it has any. */
  headline?: { id: string; achieved: Set<string> } | undefined;
}

function scalesOf(plan: PlanData): Scales {
  const grades = new Map((plan.scales ?? []).map((s) => [s.id, new Set(s.grades.map((g) => g.id))] as const));
  const first = plan.scales?.[0];
  const achieved = new Set(first?.grades.filter((g) => g.achieved).map((g) => g.id));
  return { grades, headline: first && achieved.size ? { id: first.id, achieved } : undefined };
}

const keyPath = (path: string, key: string) => `${path}${formatPath([key]).replace(/^(?!\[)/, '.')}`;

function checkProgress(p: ProgressData | HistoryPoint, path: string, statusIds: Set<string>, scales: Scales, out: ValidationIssue[]) {
  const achieved = p.achieved ?? 0;
  if (achieved > p.total) out.push({ path: `${path}.achieved`, key: 'achieved-gt-total', params: { limit: p.total } });
  else if (p.unconfirmed !== undefined && p.unconfirmed > p.total - achieved) {
    out.push({ path: `${path}.unconfirmed`, key: 'unconfirmed-gt-open', params: { limit: p.total - achieved } });
  }
  if (p.byStatus) {
    for (const id of Object.keys(p.byStatus)) {
      if (!statusIds.has(id)) {
        out.push({ path: keyPath(`${path}.byStatus`, id), key: 'unknown-status', params: { id, other: [...statusIds].join(', ') } });
      }
    }
  }
  for (const [scale, counts] of Object.entries(p.byGrade ?? {})) {
    const at = keyPath(`${path}.byGrade`, scale);
    const grades = scales.grades.get(scale);
    if (!grades) {
      out.push({ path: at, key: 'unknown-scale', params: { id: scale, other: [...scales.grades.keys()].join(', ') } });
      continue;
    }
    let sum = 0;
    let met = 0;
    for (const [grade, n] of Object.entries(counts)) {
      if (!grades.has(grade)) out.push({ path: keyPath(at, grade), key: 'unknown-grade', params: { id: grade, other: [...grades].join(', ') } });
      sum += n;
      if (scales.headline?.id === scale && scales.headline.achieved.has(grade)) met += n;
    }
    // Shares add up only if the counts do: a printed table's rows sum to its total.
    if (sum !== p.total) out.push({ path: at, key: 'grade-sum', params: { limit: p.total, received: String(sum) } });
    else if (scales.headline?.id === scale && p.achieved !== undefined && p.achieved !== met) {
      out.push({ path: `${path}.achieved`, key: 'achieved-mismatch', params: { limit: met, id: scale } });
    }
  }
}

/** Snapshots of one node or plan: each checked, the comparison's base present. */
function checkSnapshots(
  progress: ProgressData | undefined,
  history: readonly HistoryPoint[] | undefined,
  at: string,
  statusIds: Set<string>,
  scales: Scales,
  out: ValidationIssue[],
) {
  if (progress) checkProgress(progress, `${at}.progress`, statusIds, scales, out);
  // Years may repeat in history (bundles before the comparison allowed it); the comparison takes the first.
  const years = new Set<number>();
  history?.forEach((h, i) => {
    checkProgress(h, `${at}.history[${i}]`, statusIds, scales, out);
    years.add(h.fiscalYear);
  });
  const base = progress?.comparedWith?.fiscalYear;
  if (base !== undefined && !years.has(base)) {
    out.push({ path: `${at}.progress.comparedWith.fiscalYear`, key: 'unknown-history', params: { received: String(base), other: [...years].join(', ') } });
  }
}

/** The plan's scales and their rules, its revisions, and each node's grades and indicators. */
function checkPlanShapes(plan: PlanData, at: string, scales: Scales, nodeIds: ReadonlyMap<string, number>, out: ValidationIssue[]) {
  const seen = new Set<string>();
  plan.scales?.forEach((scale, i) => {
    const here = `${at}.scales[${i}]`;
    if (scale.id === 'status') out.push({ path: `${here}.id`, key: 'reserved-id', params: { id: scale.id } });
    else if (seen.has(scale.id)) out.push({ path: `${here}.id`, key: 'duplicate-id', params: { id: scale.id, other: 'scales' } });
    seen.add(scale.id);
    const grades = new Set<string>();
    scale.grades.forEach((g, j) => {
      if (grades.has(g.id)) out.push({ path: `${here}.grades[${j}].id`, key: 'duplicate-id', params: { id: g.id, other: `${here}.grades` } });
      grades.add(g.id);
    });
    const known = (id: string, path: string) => {
      if (!grades.has(id)) out.push({ path, key: 'unknown-grade', params: { id, other: [...grades].join(', ') } });
    };
    scale.rule?.steps.forEach((step, j) => {
      known(step.grade, `${here}.rule.steps[${j}].grade`);
      const bounded = [step.atLeast, step.above, step.atMost, step.below].some((b) => b !== undefined);
      if (bounded && !step.measure) out.push({ path: `${here}.rule.steps[${j}].measure`, key: 'required', params: { expected: 'measure' } });
    });
    if (scale.rule?.missing !== undefined) known(scale.rule.missing, `${here}.rule.missing`);
  });
  const ruled = plan.scales?.find((s) => s.rule)?.id ?? plan.scales?.[0]?.id;
  const gradeCheck = (scale: string | undefined, grade: string, path: string, scalePath: string) => {
    const grades = scale === undefined ? undefined : scales.grades.get(scale);
    if (!grades) out.push({ path: scalePath, key: 'unknown-scale', params: { id: scale ?? '', other: [...scales.grades.keys()].join(', ') } });
    else if (!grades.has(grade)) out.push({ path, key: 'unknown-grade', params: { id: grade, other: [...grades].join(', ') } });
  };
  plan.nodes.forEach((node, n) => {
    const here = `${at}.nodes[${n}]`;
    for (const [scale, grade] of Object.entries(node.grades ?? {})) gradeCheck(scale, grade, keyPath(`${here}.grades`, scale), keyPath(`${here}.grades`, scale));
    node.indicators?.forEach((ind, i) => {
      const path = `${here}.indicators[${i}]`;
      if (ind.scale !== undefined && !scales.grades.has(ind.scale)) {
        out.push({ path: `${path}.scale`, key: 'unknown-scale', params: { id: ind.scale, other: [...scales.grades.keys()].join(', ') } });
      } else if (ind.grade !== undefined) gradeCheck(ind.scale ?? ruled, ind.grade, `${path}.grade`, `${path}.scale`);
      const years = new Set<number>();
      ind.actuals?.forEach((a, j) => {
        if (years.has(a.fiscalYear)) out.push({ path: `${path}.actuals[${j}].fiscalYear`, key: 'duplicate-year', params: { received: String(a.fiscalYear) } });
        years.add(a.fiscalYear);
      });
    });
  });
  let latest: { date: string; after: { from: number; to: number }; path: string } | undefined;
  plan.revisions?.forEach((r, i) => {
    const here = `${at}.revisions[${i}]`;
    if (r.period) {
      for (const side of ['before', 'after'] as const) {
        if (r.period[side].from > r.period[side].to) out.push({ path: `${here}.period.${side}`, key: 'period-order', params: {} });
      }
      if (!latest || r.date >= latest.date) latest = { date: r.date, after: r.period.after, path: `${here}.period.after` };
    }
    r.added?.forEach((a, j) => {
      if (a.node === undefined && a.title === undefined) out.push({ path: `${here}.added[${j}]`, key: 'required', params: { expected: 'node, title' } });
      else if (a.node !== undefined && !nodeIds.has(a.node)) out.push({ path: `${here}.added[${j}].node`, key: 'unknown-node', params: { id: a.node } });
    });
  });
  // The plan's period is the one its latest revision set.
  if (latest && (latest.after.from !== plan.period.from || latest.after.to !== plan.period.to)) {
    out.push({ path: latest.path, key: 'revision-period', params: { received: `${latest.after.from}–${latest.after.to}`, other: `${plan.period.from}–${plan.period.to}` } });
  }
}

function checkRules(bundle: Bundle): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const statusIds = new Set<string>();
  bundle.statuses?.forEach((s, i) => {
    if (statusIds.has(s.id)) out.push({ path: `statuses[${i}].id`, key: 'duplicate-id', params: { id: s.id, other: 'statuses' } });
    statusIds.add(s.id);
  });
  const planIds = new Map<string, number>();
  bundle.plans.forEach((plan, p) => {
    const at = `plans[${p}]`;
    const seenPlan = planIds.get(plan.id);
    if (seenPlan !== undefined) out.push({ path: `${at}.id`, key: 'duplicate-id', params: { id: plan.id, other: `plans[${seenPlan}].id` } });
    planIds.set(plan.id, p);
    if (plan.period.from > plan.period.to) out.push({ path: `${at}.period`, key: 'period-order', params: {} });
    const scales = scalesOf(plan);
    checkSnapshots(plan.progress, plan.history, at, statusIds, scales, out);

    // Ids: unique within the plan, and distinct from the plan id (which names the plan's root).
    const index = new Map<string, number>();
    plan.nodes.forEach((node, n) => {
      const here = `${at}.nodes[${n}]`;
      const seen = index.get(node.id);
      if (seen !== undefined || node.id === plan.id) {
        out.push({ path: `${here}.id`, key: 'duplicate-id', params: { id: node.id, other: seen !== undefined ? `${at}.nodes[${seen}].id` : `${at}.id` } });
      } else index.set(node.id, n);
      if (node.status !== undefined && !statusIds.has(node.status)) {
        out.push({ path: `${here}.status`, key: 'unknown-status', params: { id: node.status, other: [...statusIds].join(', ') } });
      }
      checkSnapshots(node.progress, node.history, here, statusIds, scales, out);
    });
    checkPlanShapes(plan, at, scales, index, out);

    // Parents: known, acyclic, not too deep. Iterative so that deep chains cannot overflow the stack.
    const depth = new Int32Array(plan.nodes.length); // 0 unknown, -1 on the current walk, n ≥ 1 depth
    plan.nodes.forEach((node, n) => {
      if (node.parent !== undefined && node.parent !== plan.id && !index.has(node.parent)) {
        out.push({ path: `${at}.nodes[${n}].parent`, key: 'unknown-parent', params: { id: node.parent } });
      }
    });
    for (let start = 0; start < plan.nodes.length; start++) {
      if (depth[start] !== 0) continue;
      const walk: number[] = [];
      let cur: number | undefined = start;
      let base = 0;
      while (cur !== undefined) {
        const d = depth[cur]!;
        if (d > 0) { base = d; break; }
        if (d === -1) {
          const ids = walk.slice(walk.indexOf(cur)).map((i) => plan.nodes[i]!.id);
          out.push({ path: `${at}.nodes[${cur}].parent`, key: 'cycle', params: { id: plan.nodes[cur]!.id, other: [...ids, ids[0]].join(' → ') } });
          base = LIMITS.depth + 1; // mark the whole walk as resolved without further reports
          break;
        }
        depth[cur] = -1;
        walk.push(cur);
        const parent: string | undefined = plan.nodes[cur]!.parent;
        cur = parent === undefined || parent === plan.id ? undefined : index.get(parent);
      }
      let tooDeepReported = false;
      for (let i = walk.length - 1; i >= 0; i--) {
        const d = base + (walk.length - i);
        depth[walk[i]!] = d;
        if (d > LIMITS.depth && base <= LIMITS.depth && !tooDeepReported) {
          out.push({ path: `${at}.nodes[${walk[i]}].parent`, key: 'too-deep', params: { limit: LIMITS.depth } });
          tooDeepReported = true;
        }
      }
      if (out.length > MAX_ISSUES) return out;
    }
  });
  return out;
}
