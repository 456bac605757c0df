/**
 * What changes on the site between two bundles: items added and removed, texts and values changed, figures that
 * move (rates after roll-up, as the widgets will show them) and statuses that change. Pure: both bundles are
 * valid (`validateBundle`); the wording is `i18n/diff.ts`'s, so that `kdx diff` and the authoring page say the
 * same thing.
 */
import type { Bundle, NodeData, PlanData, Text } from './bundle.js';
import { buildModel, type BundleModel, type PlanModel, type PlanNode } from './model.js';

/** An item as staff know it: its №, its title, its id. */
export interface ItemRef {
  id: string;
  number?: string | undefined;
  title: Text;
}

export interface PlanRef {
  id: string;
  title: Text;
}

/** A rolled-up figure: counts and the rate in tenths of a percent (null without items). */
export interface Figure {
  total: number;
  achieved: number;
  unconfirmed: number;
  rateTenths: number | null;
}

export type Change =
  | { kind: 'plan-added' | 'plan-removed'; plan: PlanRef }
  | { kind: 'item-added' | 'item-removed'; plan: PlanRef; item: ItemRef }
  | { kind: 'item-moved'; plan: PlanRef; item: ItemRef; before: ItemRef | null; after: ItemRef | null }
  | { kind: 'text'; plan: PlanRef; item: ItemRef | null; field: string; before: Text | null; after: Text | null }
  | { kind: 'value'; plan: PlanRef; item: ItemRef | null; field: string; before: unknown; after: unknown }
  | { kind: 'figure'; plan: PlanRef; item: ItemRef | null; before: Figure | null; after: Figure | null }
  | { kind: 'status'; plan: PlanRef; item: ItemRef; before: Text | null; after: Text | null }
  | { kind: 'statuses'; before: unknown; after: unknown }
  | { kind: 'publisher'; field: string; before: unknown; after: unknown };

export interface BundleDiff {
  equal: boolean;
  changes: Change[];
}

/** Texts compared as texts (wording shown); everything else as values. */
const TEXT_FIELDS = new Set(['title', 'subtitle', 'summary', 'principle', 'principleSummary', 'purpose', 'periodNote', 'revisionPolicy', 'editor']);
/** Not compared field by field: children and counts are reported as items and figures; `id` is the key. */
const PLAN_SKIP = new Set(['id', 'nodes', 'progress']);
const NODE_SKIP = new Set(['id', 'parent', 'progress', 'status']);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const ref = (n: PlanNode): ItemRef => ({ id: n.id, number: n.data.number, title: n.title });
const planRef = (p: PlanData): PlanRef => ({ id: p.id, title: p.title });
const figure = (n: PlanNode): Figure | null =>
  n.progress && { total: n.progress.total, achieved: n.progress.achieved, unconfirmed: n.progress.unconfirmed, rateTenths: n.progress.rateTenths };

function fields(before: object, after: object, skip: Set<string>, emit: (field: string, a: unknown, b: unknown) => void) {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => k !== '$schema' && !skip.has(k));
  for (const k of keys) {
    const a = (before as Record<string, unknown>)[k];
    const b = (after as Record<string, unknown>)[k];
    if (!same(a, b)) emit(k, a ?? null, b ?? null);
  }
}

function diffPlan(before: PlanModel, after: PlanModel, out: Change[]): void {
  const plan = planRef(after.data);
  const field = (item: ItemRef | null) => (name: string, a: unknown, b: unknown) =>
    out.push(TEXT_FIELDS.has(name) ? { kind: 'text', plan, item, field: name, before: a as Text | null, after: b as Text | null } : { kind: 'value', plan, item, field: name, before: a, after: b });
  fields(before.data, after.data, PLAN_SKIP, field(null));

  // Items in the new document order, then what the old one had and the new one lacks.
  const nodes = (m: PlanModel) => [...m.byId.values()].filter((n) => n !== m.root);
  for (const n of nodes(after)) {
    const old = before.byId.get(n.id);
    if (!old || old === before.root) {
      out.push({ kind: 'item-added', plan, item: ref(n) });
      continue;
    }
    const item = ref(n);
    const parentOf = (x: PlanNode, m: PlanModel) => (x.parent && x.parent !== m.root ? ref(x.parent) : null);
    if (old.parent?.id !== n.parent?.id) out.push({ kind: 'item-moved', plan, item, before: parentOf(old, before), after: parentOf(n, after) });
    fields(old.data as NodeData, n.data as NodeData, NODE_SKIP, field(item));
    if (old.data.status !== n.data.status) {
      const label = (m: PlanModel, id: string | undefined) => (id === undefined ? null : (m.bundle.statuses.get(id)?.label ?? id));
      out.push({ kind: 'status', plan, item, before: label(before, old.data.status), after: label(after, n.data.status) });
    }
  }
  for (const n of nodes(before)) if (!after.byId.has(n.id)) out.push({ kind: 'item-removed', plan, item: ref(n) });

  // Figures as the widgets show them: every node (the plan's root first) whose roll-up moves. A single item's
  // "1 of 1" from its status is not a figure of its own (its status line says it).
  for (const n of [after.root, ...nodes(after)]) {
    const old = n === after.root ? before.root : before.byId.get(n.id);
    if (!old || (n.progress?.source === 'status' && old.progress?.source === 'status')) continue;
    const [a, b] = [figure(old), figure(n)];
    if (!same(a, b)) out.push({ kind: 'figure', plan, item: n === after.root ? null : ref(n), before: a, after: b });
  }
}

/**
 * The changes from `before` to `after`, in the order a reader of the new site meets them. `models`: theirs,
 * when the caller has built them already (the authoring page has, for its preview).
 */
export function diffBundles(before: Bundle, after: Bundle, models: { before?: BundleModel; after?: BundleModel } = {}): BundleDiff {
  const out: Change[] = [];
  fields(before.publisher, after.publisher, new Set(), (field, a, b) => out.push({ kind: 'publisher', field, before: a, after: b }));
  if (!same(before.statuses ?? [], after.statuses ?? [])) out.push({ kind: 'statuses', before: before.statuses ?? null, after: after.statuses ?? null });
  const [a, b] = [models.before ?? buildModel(before), models.after ?? buildModel(after)];
  for (const plan of b.plans) {
    const old = a.plan(plan.data.id);
    if (!old) out.push({ kind: 'plan-added', plan: planRef(plan.data) });
    else diffPlan(old, plan, out);
  }
  for (const plan of a.plans) if (!b.plans.some((p) => p.data.id === plan.data.id)) out.push({ kind: 'plan-removed', plan: planRef(plan.data) });
  return { equal: out.length === 0, changes: out };
}
