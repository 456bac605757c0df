/**
 * A plan's new nodes, and what the sheet's plan row says of the plan, into a bundle: an existing one
 * (`kdx import --into`), or a new skeleton. Pure: the caller validates the result and writes it.
 */
import { NodeSchema, type Bundle, type NodeData, type PlanData, type StatusData } from '../data/bundle.js';
import { isTextValue, sameText } from '../data/format.js';

/**
 * What the plan's own row of a sheet holds (`csv-rows.ts`): the plan's title, its own counts (the headline
 * table), their history, its as-of date and notes. Everything else about a plan stays as the bundle has it.
 */
export const PLAN_ROW_FIELDS = ['title', 'asOf', 'progress', 'history', 'notes'] as const;
export type PlanRowFields = Partial<Pick<PlanData, (typeof PLAN_ROW_FIELDS)[number]>>;

/** A node's keys in the schema's order, so that written JSON reads the same whichever way it was built. */
const NODE_KEYS = Object.keys(NodeSchema.entries) as Array<keyof NodeData>;
export function canonicalNode(node: NodeData): NodeData {
  const out: Record<string, unknown> = {};
  for (const k of NODE_KEYS) if (node[k] !== undefined) out[k] = node[k];
  return out as NodeData;
}

/**
 * `now` with each text that says what `before`'s text in the same place says written as `before` wrote it. A sheet
 * has one cell for `"x"` and `{ "ja": "x" }` (the same text, docs/bundle-format.md) and reads it back as `"x"`;
 * imported into the bundle it came from, the bundle should change only where its meaning does. Lists are matched by
 * position, objects by key; a text that changed takes the sheet's form.
 */
export function keepForm<T>(now: T, before: unknown): T {
  if (now === before || before === undefined) return now;
  if (isTextValue(now) && isTextValue(before)) return (sameText(now, before) ? copyText(before) : now) as T;
  if (typeof now !== 'object' || now === null || typeof before !== 'object' || before === null || Array.isArray(now) !== Array.isArray(before)) return now;
  // Copied only where a member takes the bundle's form (a 10,000-item plan is walked whole).
  if (Array.isArray(now)) {
    const old = before as unknown[];
    let out: unknown[] | undefined;
    now.forEach((x, i) => {
      const kept = keepForm(x, old[i]);
      if (kept !== x) (out ??= [...now])[i] = kept;
    });
    return (out ?? now) as T;
  }
  const [o, old] = [now as Record<string, unknown>, before as Record<string, unknown>];
  let out: Record<string, unknown> | undefined;
  for (const k in o) {
    const kept = keepForm(o[k], old[k]);
    if (kept !== o[k]) (out ??= { ...o })[k] = kept;
  }
  return (out ?? now) as T;
}
/** A text of the published bundle for the new one (which is changed later, as the published one must not be). */
const copyText = (t: unknown) => (typeof t === 'string' ? t : { ...(t as object) });

/** The status vocabulary of a new bundle: 達成 / 未達成 / 数値未確定 (a bundle from `--into` keeps its own). */
export const DEFAULT_STATUSES: StatusData[] = [
  { id: 'achieved', label: { ja: '達成', en: 'Achieved' }, achieved: true, tone: 'success' },
  { id: 'not-achieved', label: { ja: '未達成', en: 'Not achieved' }, achieved: false, tone: 'warning' },
  { id: 'unconfirmed', label: { ja: '数値未確定', en: 'Figures not yet fixed' }, achieved: false, unconfirmed: true, tone: 'neutral' },
];

export interface MergeOptions {
  planId: string;
  nodes: NodeData[];
  /** Title and period for a plan that does not exist yet; publisher for a bundle that does not. */
  title?: string;
  from?: number;
  to?: number;
  publisher?: string;
  /** What to carry over from the node with the same id when the sheet has no columns for it (default: both). */
  keep?: { history: boolean; byStatus: boolean };
  /** The sheet's plan row: it replaces these fields of the plan (history and status counts as for nodes). */
  plan?: PlanRowFields | undefined;
}

export type MergeResult =
  | {
      ok: true;
      bundle: Bundle;
      planIndex: number;
      created: boolean;
      added: number;
      removed: number;
      /** Nodes whose status breakdown was dropped because their counts changed. */
      byStatusDropped: string[];
    }
  | ({ ok: false } & PlanOptionProblem);

export interface PlanOptionProblem {
  reason: 'needs-period' | 'new-plan-only';
  /** The options that apply only to a new plan or bundle, for `new-plan-only`. */
  options: string;
}

/**
 * Whether the options fit: a new plan needs a period; title and period belong to a new plan only (a plan from
 * `--into` keeps its own), the publisher to a new bundle only.
 */
export function checkPlanOptions(base: Bundle | undefined, o: Omit<MergeOptions, 'nodes'>): PlanOptionProblem | undefined {
  const created = !base?.plans.some((p) => p.id === o.planId);
  const newOnly = [
    ['--title', !created && o.title !== undefined],
    ['--from', !created && o.from !== undefined],
    ['--to', !created && o.to !== undefined],
    ['--publisher', base !== undefined && o.publisher !== undefined],
  ].filter(([, bad]) => bad).map(([name]) => name as string);
  if (newOnly.length) return { reason: 'new-plan-only', options: newOnly.join(', ') };
  if (created && (o.from === undefined || o.to === undefined)) return { reason: 'needs-period', options: '--from, --to' };
  return undefined;
}

/**
 * Puts the nodes into `base` (a valid bundle, left untouched) as the plan's nodes, or into a new bundle, and the
 * plan row's fields into the plan. What a sheet without their columns cannot hold is carried over from the node
 * (or plan) with the same id: `history`, and a `progress.byStatus` breakdown while the counts are unchanged.
 */
export function mergePlan(base: Bundle | undefined, o: MergeOptions): MergeResult {
  const problem = checkPlanOptions(base, o);
  if (problem) return { ok: false, ...problem };
  // A copy of the base without the nodes being replaced (a 10,000-node plan would be cloned only to be dropped).
  const bundle: Bundle = base
    ? structuredClone({ ...base, plans: base.plans.map((p) => (p.id === o.planId ? { ...p, nodes: [] } : p)) })
    : { schemaVersion: 1, publisher: { name: o.publisher ?? '' }, statuses: structuredClone(DEFAULT_STATUSES), plans: [] };
  let planIndex = bundle.plans.findIndex((p) => p.id === o.planId);
  const created = planIndex < 0;
  if (created) {
    bundle.plans.push({ id: o.planId, title: o.title ?? o.planId, period: { from: o.from!, to: o.to! }, nodes: [] });
    planIndex = bundle.plans.length - 1;
  }
  const plan = bundle.plans[planIndex]!;
  const old = new Map((base?.plans.find((p) => p.id === o.planId)?.nodes ?? []).map((n) => [n.id, n]));
  const byStatusDropped: string[] = [];
  const keep = o.keep ?? { history: true, byStatus: true };
  /** What the sheet cannot hold, carried over from what the bundle had: history, and status counts while the counts are unchanged. */
  function carry<T extends Pick<NodeData, 'progress' | 'history'>>(now: T, before: T | undefined, id: string): T {
    const out: T = { ...now };
    if (!before) return out;
    if (keep.history && before.history && !out.history) out.history = before.history;
    const breakdown = keep.byStatus ? before.progress?.byStatus : undefined;
    if (breakdown) {
      const [p, q] = [out.progress, before.progress!];
      if (p && p.total === q.total && p.achieved === q.achieved && p.unconfirmed === q.unconfirmed) out.progress = { ...p, byStatus: breakdown };
      else byStatusDropped.push(id);
    }
    return out;
  }
  const nodes = o.nodes.map((node) => {
    const before = old.get(node.id);
    return before ? canonicalNode(keepForm(carry(node, before, node.id), before)) : node;
  });
  const ids = new Set(nodes.map((n) => n.id));
  bundle.plans[planIndex] = o.plan ? withPlanRow(plan, keepForm(carry(o.plan, plan, o.planId), plan), nodes) : { ...plan, nodes };
  return {
    ok: true,
    bundle,
    planIndex,
    created,
    added: nodes.filter((n) => !old.has(n.id)).length,
    removed: [...old.keys()].filter((id) => !ids.has(id)).length,
    byStatusDropped,
  };
}

/**
 * The plan with the plan row's fields: each in its place where the bundle has it (so that a diff of the file shows
 * only what changed), new ones after, the nodes last; a field the row leaves empty is gone (the title stays).
 */
function withPlanRow(plan: PlanData, row: PlanRowFields, nodes: NodeData[]): PlanData {
  const out: Record<string, unknown> = { ...plan, ...row };
  for (const k of PLAN_ROW_FIELDS) if (row[k] === undefined && k !== 'title') delete out[k];
  delete out.nodes;
  return { ...out, nodes } as PlanData;
}
