/**
 * What changes on the site between two bundles: items added and removed, texts and values changed, figures that
 * move (rates after roll-up, as the widgets will show them) and statuses that change. Pure: both bundles are
 * valid (`validateBundle`); the wording is `i18n/diff.ts`'s, so that `kdx diff` and the authoring page say the
 * same thing.
 */
import type { Bundle, NodeData, PlanData, Text } from './bundle.js';
import { evaluate } from './evaluate.js';
import { buildModel, type BundleModel, type PlanModel, type PlanNode, type ScaleModel, type ShownGrade } from './model.js';
import { STATUS_SCALE, type Progress } from './rollup.js';
import { snapshots } from './snapshots.js';

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

/** A grade as the site shows it: its label, the report's definition, and how it was reached. */
export interface GradeRef {
  label: Text;
  definition?: Text | undefined;
  source: 'declared' | 'computed';
}

/** A distribution as the site's table shows it: each grade (label) with its count. */
export type Counts = Array<{ grade: Text; count: number }>;

/** A snapshot of the counts: the figure, the date, and the counts by grade of each scale that has them. */
export interface SnapshotRef {
  figure: Figure;
  asOf?: string | undefined;
  counts: Array<{ scale: Text; counts: Counts }>;
}

export type Change =
  | { kind: 'plan-added' | 'plan-removed'; plan: PlanRef }
  | { kind: 'item-added' | 'item-removed'; plan: PlanRef; item: ItemRef }
  | { kind: 'item-moved'; plan: PlanRef; item: ItemRef; before: ItemRef | null; after: ItemRef | null }
  | { kind: 'text'; plan: PlanRef; item: ItemRef | null; field: string; before: Text | null; after: Text | null }
  | { kind: 'value'; plan: PlanRef; item: ItemRef | null; field: string; before: unknown; after: unknown }
  | { kind: 'figure'; plan: PlanRef; item: ItemRef | null; before: Figure | null; after: Figure | null }
  | { kind: 'status'; plan: PlanRef; item: ItemRef; before: Text | null; after: Text | null }
  | { kind: 'grade'; plan: PlanRef; item: ItemRef; scale: Text; before: GradeRef | null; after: GradeRef | null }
  | { kind: 'distribution'; plan: PlanRef; item: ItemRef | null; scale: Text; before: Counts | null; after: Counts | null }
  | { kind: 'snapshot'; plan: PlanRef; item: ItemRef | null; fiscalYear: number; before: SnapshotRef | null; after: SnapshotRef | null }
  | {
      kind: 'indicator';
      plan: PlanRef;
      item: ItemRef;
      indicator: Text;
      /** What moves: its baseline, target or an actual (of `fiscalYear`); `added` / `removed`: the whole indicator. */
      field: 'baseline' | 'target' | 'actual' | 'added' | 'removed';
      /** The actual's year; for a baseline or target, the years of each side (they may move too). */
      fiscalYear?: number | undefined;
      years?: { before: number | null; after: number | null } | undefined;
      before: number | null;
      after: number | null;
      unit?: Text | undefined;
    }
  | { kind: 'revision'; plan: PlanRef; change: 'added' | 'removed' | 'changed'; date: string; title: Text | null }
  | { kind: 'scale'; plan: PlanRef; change: 'added' | 'removed' | 'changed'; scale: Text }
  | { kind: 'statuses'; before: unknown; after: unknown }
  | { kind: 'publisher'; field: string; before: unknown; after: unknown };

export interface BundleDiff {
  equal: boolean;
  changes: Change[];
}

/** Texts compared as texts (wording shown); everything else as values. */
const TEXT_FIELDS = new Set(['title', 'subtitle', 'summary', 'principle', 'principleSummary', 'purpose', 'periodNote', 'revisionPolicy', 'editor']);
/** Not compared field by field: children and counts are reported as items and figures; `id` is the key. */
const PLAN_SKIP = new Set(['id', 'nodes', 'progress', 'history', 'scales', 'revisions']);
const NODE_SKIP = new Set(['id', 'parent', 'progress', 'history', 'status', 'grades', 'indicators']);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const ref = (n: PlanNode): ItemRef => ({ id: n.id, number: n.data.number, title: n.title });
const planRef = (p: PlanData): PlanRef => ({ id: p.id, title: p.title });
const figureOf = (p: Progress): Figure => ({ total: p.total, achieved: p.achieved, unconfirmed: p.unconfirmed, rateTenths: p.rateTenths });
const figure = (n: PlanNode): Figure | null => n.progress && figureOf(n.progress);
const ownScales = (m: PlanModel) => m.scales.filter((s) => s.id !== STATUS_SCALE);
const gradeRef = (g: ShownGrade | undefined): GradeRef | null => g ? { label: g.grade.label, definition: g.grade.definition, source: g.source } : null;

/** A node's counts on a scale, where they count every item. */
function counts(p: Progress | null | undefined, scale: ScaleModel): Counts | null {
  const d = p?.byScale.get(scale.id);
  return d?.complete ? d.counts.map((c) => ({ grade: scale.grade(c.grade)!.label, count: c.count })) : null;
}

/**
 * The report shapes of one node (or the plan's root): its grades per scale, its counts by grade, its earlier years,
 * its indicators' values.
 */
function diffShapes(before: PlanModel, after: PlanModel, old: PlanNode, n: PlanNode, item: ItemRef | null, plan: PlanRef, out: Change[]): void {
  const scales = ownScales(after);
  if (item) {
    for (const scale of scales) {
      const [a, b] = [gradeRef(old.grades.get(scale.id)), gradeRef(n.grades.get(scale.id))];
      if (!same(a, b)) out.push({ kind: 'grade', plan, item, scale: scale.label!, before: a, after: b });
    }
  }
  for (const scale of scales) {
    const was = before.scale(scale.id);
    const [a, b] = [was ? counts(old.progress, was) : null, counts(n.progress, scale)];
    // Items counted from their grades move the grade lines above; a table of declared counts moves here.
    if (!same(a, b) && (n.progress?.source !== 'status' || old.progress?.source !== 'status')) out.push({ kind: 'distribution', plan, item, scale: scale.label!, before: a, after: b });
  }
  const years = (m: PlanModel, x: PlanNode) => new Map(snapshots(m, x).filter((s) => !s.current).map((s) => [s.fiscalYear!, s]));
  const [ya, yb] = [years(before, old), years(after, n)];
  const ref = (m: PlanModel, s: ReturnType<typeof snapshots>[number] | undefined): SnapshotRef | null =>
    s ? { figure: figureOf(s.progress), asOf: s.asOf, counts: ownScales(m).flatMap((sc) => { const c = counts(s.progress, sc); return c ? [{ scale: sc.label!, counts: c }] : []; }) } : null;
  for (const fy of [...new Set([...ya.keys(), ...yb.keys()])].sort((x, y) => x - y)) {
    const [a, b] = [ref(before, ya.get(fy)), ref(after, yb.get(fy))];
    if (!same(a, b)) out.push({ kind: 'snapshot', plan, item, fiscalYear: fy, before: a, after: b });
  }
  const [pa, pb] = [old.data.progress, n.data.progress];
  for (const field of ['asOf', 'fiscalYear', 'comparedWith'] as const) {
    if (!same(pa?.[field], pb?.[field])) out.push({ kind: 'value', plan, item, field: field === 'fiscalYear' ? 'countsYear' : field, before: pa?.[field] ?? null, after: pb?.[field] ?? null });
  }
  if (item) diffIndicators(old, n, item, plan, out);
}

/** Indicators by position: each one's baseline, target and actuals per year. */
function diffIndicators(old: PlanNode, n: PlanNode, item: ItemRef, plan: PlanRef, out: Change[]): void {
  const [a, b] = [old.data.indicators ?? [], n.data.indicators ?? []];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const [x, y] = [a[i], b[i]];
    const indicator = (y ?? x)!.label;
    const unit = (y ?? x)!.unit;
    if (!x || !y) {
      out.push({ kind: 'indicator', plan, item, indicator, field: x ? 'removed' : 'added', before: null, after: null, unit });
      continue;
    }
    for (const field of ['baseline', 'target'] as const) {
      const [p, q] = [x[field], y[field]];
      if (!same(p, q)) {
        const years = { before: p?.fiscalYear ?? null, after: q?.fiscalYear ?? null };
        out.push({ kind: 'indicator', plan, item, indicator, field, years, before: p?.value ?? null, after: q?.value ?? null, unit });
      }
    }
    const byYear = (l: typeof x.actuals) => new Map((l ?? []).map((v) => [v.fiscalYear, v.value]));
    const [ax, ay] = [byYear(x.actuals), byYear(y.actuals)];
    for (const fy of [...new Set([...ax.keys(), ...ay.keys()])].sort((p, q) => p - q)) {
      if (ax.get(fy) !== ay.get(fy)) out.push({ kind: 'indicator', plan, item, indicator, field: 'actual', fiscalYear: fy, before: ax.get(fy) ?? null, after: ay.get(fy) ?? null, unit });
    }
    // The rest (its name, unit, direction, stated grade, notes) as values; a grade it gives the node is a grade line.
    const rest = (d: typeof x) => ({ ...d, baseline: undefined, target: undefined, actuals: undefined });
    fields(rest(x), rest(y), new Set(), (field, p, q) =>
      out.push(isTextValue(p) || isTextValue(q) ? { kind: 'text', plan, item, field: `indicator.${field}`, before: p as Text | null, after: q as Text | null } : { kind: 'value', plan, item, field: `indicator.${field}`, before: p, after: q }),
    );
  }
}

const isTextValue = (v: unknown) => typeof v === 'string' || (!!v && typeof v === 'object' && 'ja' in v);

/** The plan's scales and revisions: what the reader of its legend and of its overview meets. */
function diffPlanShapes(before: PlanData, after: PlanData, plan: PlanRef, out: Change[]): void {
  const pair = <T>(a: readonly T[] | undefined, b: readonly T[] | undefined, key: (x: T) => string) => {
    const ma = new Map((a ?? []).map((x) => [key(x), x]));
    const mb = new Map((b ?? []).map((x) => [key(x), x]));
    return [...new Set([...mb.keys(), ...ma.keys()])].map((k) => [ma.get(k), mb.get(k)] as const);
  };
  for (const [a, b] of pair(before.scales, after.scales, (s) => s.id)) {
    if (!same(a, b)) out.push({ kind: 'scale', plan, change: !a ? 'added' : !b ? 'removed' : 'changed', scale: (b ?? a)!.label });
  }
  for (const [a, b] of pair(before.revisions, after.revisions, (r) => r.date)) {
    if (!same(a, b)) out.push({ kind: 'revision', plan, change: !a ? 'added' : !b ? 'removed' : 'changed', date: (b ?? a)!.date, title: (b ?? a)!.title ?? null });
  }
}

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
  diffPlanShapes(before.data, after.data, plan, out);

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
    diffShapes(before, after, old, n, item, plan, out);
  }
  diffShapes(before, after, before.root, after.root, null, plan, out);
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
  const [a, b] = [models.before ?? buildModel(before, undefined, evaluate), models.after ?? buildModel(after, undefined, evaluate)];
  for (const plan of b.plans) {
    const old = a.plan(plan.data.id);
    if (!old) out.push({ kind: 'plan-added', plan: planRef(plan.data) });
    else diffPlan(old, plan, out);
  }
  for (const plan of a.plans) if (!b.plans.some((p) => p.data.id === plan.data.id)) out.push({ kind: 'plan-removed', plan: planRef(plan.data) });
  return { equal: out.length === 0, changes: out };
}
