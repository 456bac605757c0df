/**
 * What changes on the site between two bundles: items added, removed and moved, every field that changes (by its
 * path, `diff-fields.ts`), figures that move (rates after roll-up, as the widgets will show them), statuses and
 * grades that change, counts by grade and by year, indicators' values. Pure: both bundles are valid
 * (`validateBundle`); the wording is `i18n/diff.ts`'s, so that `kdx diff` and the authoring page say the same thing.
 */
import type { Bundle, IndicatorData, NodeData, PlanData, Text } from './bundle.js';
import { evaluate } from './evaluate.js';
import { buildModel, type BundleModel, type PlanModel, type PlanNode, type ScaleModel, type ShownGrade } from './model.js';
import { STATUS_SCALE, type Progress } from './rollup.js';
import { BUNDLE_SHAPE, diffFields, NODE_SHAPE, PLAN_SHAPE, type FieldDiff, type Side } from './diff-fields.js';
import { sameValue } from './same.js';
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
  id: string;
  label: Text;
  definition?: Text | undefined;
  source: 'declared' | 'computed';
}

/** A distribution as the site's table shows it: each grade (its id and label) with its count. */
export type Counts = Array<{ id: string; grade: Text; count: number }>;

/** A snapshot of the counts: the figure, the date, and the counts by grade of each scale that has them. */
export interface SnapshotRef {
  figure: Figure;
  asOf?: string | undefined;
  counts: Array<{ scale: Text | null; counts: Counts }>;
}

/** A field that changes: its path from the bundle, the plan or the item down (`diff-fields.ts`). */
export type FieldChange = { kind: 'field'; plan: PlanRef | null; item: ItemRef | null } & FieldDiff;

export type Change =
  | { kind: 'plan-added' | 'plan-removed'; plan: PlanRef }
  | { kind: 'item-added' | 'item-removed'; plan: PlanRef; item: ItemRef }
  | { kind: 'item-moved'; plan: PlanRef; item: ItemRef; before: ItemRef | null; after: ItemRef | null }
  /**
   * The same item under another id (`renames`): `before` as the old bundle has it, `after` (and `item`) as the new.
   * Embeds that name it by its old id (`node="…"`) no longer find it.
   */
  | { kind: 'item-renamed'; plan: PlanRef; item: ItemRef; before: ItemRef; after: ItemRef }
  | FieldChange
  | { kind: 'figure'; plan: PlanRef; item: ItemRef | null; before: Figure | null; after: Figure | null }
  | { kind: 'status'; plan: PlanRef; item: ItemRef; before: Text | null; after: Text | null }
  | { kind: 'grade'; plan: PlanRef; item: ItemRef; scale: Text; before: GradeRef | null; after: GradeRef | null }
  /** `scale` null: the bundle's statuses (「状況」). */
  | { kind: 'distribution'; plan: PlanRef; item: ItemRef | null; scale: Text | null; before: Counts | null; after: Counts | null }
  | { kind: 'snapshot'; plan: PlanRef; item: ItemRef | null; fiscalYear: number; before: SnapshotRef | null; after: SnapshotRef | null }
  | {
      kind: 'indicator';
      plan: PlanRef;
      item: ItemRef;
      indicator: Text;
      /** What moves: its baseline, target or an actual (of `fiscalYear`). Added, removed, renamed: `field` changes. */
      field: 'baseline' | 'target' | 'actual';
      /** The actual's year; for a baseline or target, the years of each side (they may move too). */
      fiscalYear?: number | undefined;
      years?: { before: number | null; after: number | null } | undefined;
      /** The dates each side's value is as of. */
      dates: { before: string | null; after: string | null };
      before: number | null;
      after: number | null;
      unit?: Text | undefined;
    };

export interface BundleDiff {
  equal: boolean;
  changes: Change[];
}

const ref = (n: PlanNode): ItemRef => ({ id: n.id, number: n.data.number, title: n.title });
const planRef = (p: PlanData): PlanRef => ({ id: p.id, title: p.title });
/** The item `n` is under in `m`, or null at the top level. */
const parentIn = (n: PlanNode, m: PlanModel) => (n.parent && n.parent !== m.root ? n.parent : null);
const figureOf = (p: Progress): Figure => ({ total: p.total, achieved: p.achieved, unconfirmed: p.unconfirmed, rateTenths: p.rateTenths });
const figure = (n: PlanNode): Figure | null => n.progress && figureOf(n.progress);
const gradeRef = (g: ShownGrade | undefined): GradeRef | null => g ? { id: g.grade.id, label: g.grade.label, definition: g.grade.definition, source: g.source } : null;
/**
 * Whether what an item or a table shows moves. Not when only the words of a grade, scale or status change (their
 * own line says so, once), nor when only an id is renamed: both its ids and its words must differ.
 */
const moves = <T>(a: T, b: T, ids: (x: T) => unknown, words: (x: T) => unknown) => !sameValue(ids(a), ids(b)) && !sameValue(words(a), words(b));
// A grade or status added to the vocabulary adds a row of 0 to every table: its own line says so.
const countIds = (c: Counts | null) => c && c.filter((x) => x.count).map((x) => [x.id, x.count]);
const countWords = (c: Counts | null) => c && c.filter((x) => x.count).map((x) => [x.grade, x.count]);
const snapshotIds = (s: SnapshotRef | null) => s && { ...s, counts: s.counts.map((c) => countIds(c.counts)) };
const snapshotWords = (s: SnapshotRef | null) => s && { ...s, counts: s.counts.map((c) => [c.scale, countWords(c.counts)]) };
const gradeIds = (g: GradeRef | null) => g && [g.id, g.source];
const gradeWords = (g: GradeRef | null) => g && [g.label, g.definition, g.source];
/** A scale's name in a line; null for the bundle's statuses (the model's scale `status`: 「状況」 in words). */
const scaleLabel = (s: ScaleModel): Text | null => (s.id === STATUS_SCALE ? null : s.label!);

/** A node's counts on a scale, where they count every item. */
function counts(p: Progress | null | undefined, scale: ScaleModel): Counts | null {
  const d = p?.byScale.get(scale.id);
  return d?.complete ? d.counts.map((c) => ({ id: c.grade, grade: scale.grade(c.grade)!.label, count: c.count })) : null;
}

/**
 * The report shapes of one node (or the plan's root): its grades per scale, its counts by grade, its earlier years,
 * its indicators' values.
 */
function diffShapes(before: PlanModel, after: PlanModel, old: PlanNode, n: PlanNode, item: ItemRef | null, plan: PlanRef, out: Change[]): void {
  if (item) {
    for (const scale of after.scales.filter((s) => s.id !== STATUS_SCALE)) {
      const [a, b] = [gradeRef(old.grades.get(scale.id)), gradeRef(n.grades.get(scale.id))];
      if (moves(a, b, gradeIds, gradeWords)) out.push({ kind: 'grade', plan, item, scale: scale.label!, before: a, after: b });
    }
  }
  for (const scale of after.scales) {
    const was = before.scale(scale.id);
    const [a, b] = [was ? counts(old.progress, was) : null, counts(n.progress, scale)];
    // Items counted from their grades move the grade lines above; a table of declared counts moves here.
    if (moves(a, b, countIds, countWords) && (n.progress?.source !== 'status' || old.progress?.source !== 'status')) out.push({ kind: 'distribution', plan, item, scale: scaleLabel(scale), before: a, after: b });
  }
  const years = (m: PlanModel, x: PlanNode) => new Map(snapshots(m, x).filter((s) => !s.current).map((s) => [s.fiscalYear!, s]));
  const [ya, yb] = [years(before, old), years(after, n)];
  const ref = (m: PlanModel, s: ReturnType<typeof snapshots>[number] | undefined): SnapshotRef | null =>
    s ? { figure: figureOf(s.progress), asOf: s.asOf, counts: m.scales.flatMap((sc) => { const c = counts(s.progress, sc); return c ? [{ scale: scaleLabel(sc), counts: c }] : []; }) } : null;
  for (const fy of [...new Set([...ya.keys(), ...yb.keys()])].sort((x, y) => x - y)) {
    const [a, b] = [ref(before, ya.get(fy)), ref(after, yb.get(fy))];
    if (moves(a, b, snapshotIds, snapshotWords)) out.push({ kind: 'snapshot', plan, item, fiscalYear: fy, before: a, after: b });
  }
  if (item) diffIndicators(old, n, item, plan, out);
}

/** Indicators' values by position (their other fields, and indicators added or removed, are `field` changes). */
function diffIndicators(old: PlanNode, n: PlanNode, item: ItemRef, plan: PlanRef, out: Change[]): void {
  const [a, b] = [old.data.indicators ?? [], n.data.indicators ?? []];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x, y] = [a[i]!, b[i]!];
    const [indicator, unit] = [y.label, y.unit];
    const dates = (p: YearValue | undefined, q: YearValue | undefined) => ({ before: p?.asOf ?? null, after: q?.asOf ?? null });
    for (const field of ['baseline', 'target'] as const) {
      const [p, q] = [x[field], y[field]];
      if (!sameValue(p, q)) {
        const years = { before: p?.fiscalYear ?? null, after: q?.fiscalYear ?? null };
        out.push({ kind: 'indicator', plan, item, indicator, field, years, dates: dates(p, q), before: p?.value ?? null, after: q?.value ?? null, unit });
      }
    }
    const byYear = (l: typeof x.actuals) => new Map((l ?? []).map((v) => [v.fiscalYear, v]));
    const [ax, ay] = [byYear(x.actuals), byYear(y.actuals)];
    for (const fy of [...new Set([...ax.keys(), ...ay.keys()])].sort((p, q) => p - q)) {
      const [p, q] = [ax.get(fy), ay.get(fy)];
      if (!sameValue(p, q)) out.push({ kind: 'indicator', plan, item, indicator, field: 'actual', fiscalYear: fy, dates: dates(p, q), before: p?.value ?? null, after: q?.value ?? null, unit });
    }
  }
}

type YearValue = NonNullable<IndicatorData['baseline']>;

/** What a rename keeps: the item's kind, its parent, and its title (both languages, and whether it is the editor's). */
const itemKey = (n: PlanNode, parent: string | null) => {
  const t = typeof n.title === 'string' ? { ja: n.title } : n.title;
  return JSON.stringify([n.kind, parent, t.ja, t.en ?? null, t.editorial === true]);
};

/** Each key of `list` with its one node, or null where two nodes share it. */
function byKey(list: readonly PlanNode[], key: (n: PlanNode) => string): Map<string, PlanNode | null> {
  const by = new Map<string, PlanNode | null>();
  for (const n of list) {
    const k = key(n);
    by.set(k, by.has(k) ? null : n);
  }
  return by;
}

/**
 * Items whose id changed, the rest of what identifies them kept: an item the old bundle has and the new one lacks,
 * paired with one the new has and the old lacks, when both have the same kind, the same title (both languages) and
 * the same parent (by its id, or by its new id where the parent is renamed too), and no other item removed or added
 * has all three (two alike: which became which is not certain, and both stay removed and added). Conservative on
 * purpose: an id changed with its title reworded stays an item removed and one added. Its № may change (it is a
 * field of its own). `oldOf`: the old node by the new id; `newId`: the new id by the old.
 */
function renames(before: PlanModel, after: PlanModel, nodes: (m: PlanModel) => PlanNode[]): { oldOf: Map<string, PlanNode>; newId: Map<string, string> } {
  const oldOf = new Map<string, PlanNode>();
  const newId = new Map<string, string>();
  const gone = nodes(before).filter((n) => !after.byId.has(n.id));
  const come = nodes(after).filter((n) => !before.byId.has(n.id));
  // The new items' keys do not change from round to round (their parents are named by their new ids): one map,
  // less each item paired.
  const news = byKey(come, (n) => itemKey(n, parentIn(n, after)?.id ?? null));
  // Round by round, parents first: an item under a renamed parent pairs once its parent has (at most one round a level).
  for (let found = true; found; ) {
    found = false;
    const olds = byKey(gone.filter((n) => !newId.has(n.id)), (n) => {
      const p = parentIn(n, before)?.id ?? null;
      return itemKey(n, p && (newId.get(p) ?? p));
    });
    for (const [key, o] of olds) {
      const n = news.get(key);
      if (!o || !n) continue;
      oldOf.set(n.id, o);
      newId.set(o.id, n.id);
      news.delete(key);
      found = true;
    }
  }
  return { oldOf, newId };
}

const side = (plan: PlanData | null): Side => ({ plan, within: [] });

function diffPlan(before: PlanModel, after: PlanModel, out: Change[]): void {
  const plan = planRef(after.data);
  const sides = { before: side(before.data), after: side(after.data) };
  const fields = (item: ItemRef | null) => (d: FieldDiff) => out.push({ kind: 'field', plan, item, ...d });
  diffFields(before.data, after.data, PLAN_SHAPE, sides, fields(null));

  // Items in the new document order, then what the old one had and the new one lacks.
  const nodes = (m: PlanModel) => [...m.byId.values()].filter((n) => n !== m.root);
  const renamed = renames(before, after, nodes);
  /** The node `n` was in the old bundle: by its id, or by its old id. */
  const oldOf = (n: PlanNode) => {
    if (n === after.root) return before.root;
    const old = renamed.oldOf.get(n.id) ?? before.byId.get(n.id);
    return old === before.root ? undefined : old;
  };
  const parentRef = (n: PlanNode, m: PlanModel) => {
    const p = parentIn(n, m);
    return p && ref(p);
  };
  for (const n of nodes(after)) {
    const old = oldOf(n);
    if (!old) {
      out.push({ kind: 'item-added', plan, item: ref(n) });
      continue;
    }
    const item = ref(n);
    if (old.id !== n.id) out.push({ kind: 'item-renamed', plan, item, before: ref(old), after: item });
    const [pa, pb] = [parentRef(old, before), parentRef(n, after)];
    const shownRef = (r: ItemRef | null) => r && [r.number, r.title];
    // Under a parent renamed, an item has not moved: it follows its parent. Parents compare by their new ids (an id
    // `newId` maps is one the new bundle lacks: the new side's parent maps to itself).
    const parentId = (r: ItemRef | null) => r && (renamed.newId.get(r.id) ?? r.id);
    if (moves(pa, pb, parentId, shownRef)) out.push({ kind: 'item-moved', plan, item, before: pa, after: pb });
    diffFields(old.data as NodeData, n.data as NodeData, NODE_SHAPE, sides, fields(item));
    const label = (m: PlanModel, id: string | undefined) => (id === undefined ? null : (m.bundle.statuses.get(id)?.label ?? id));
    const [sa, sb] = [label(before, old.data.status), label(after, n.data.status)];
    if (old.data.status !== n.data.status && !sameValue(sa, sb)) out.push({ kind: 'status', plan, item, before: sa, after: sb });
    diffShapes(before, after, old, n, item, plan, out);
  }
  diffShapes(before, after, before.root, after.root, null, plan, out);
  for (const n of nodes(before)) if (!after.byId.has(n.id) && !renamed.newId.has(n.id)) out.push({ kind: 'item-removed', plan, item: ref(n) });

  // Figures as the widgets show them: every node (the plan's root first) whose roll-up moves. A single item's
  // "1 of 1" from its status is not a figure of its own (its status line says it).
  for (const n of [after.root, ...nodes(after)]) {
    const old = oldOf(n);
    if (!old || (n.progress?.source === 'status' && old.progress?.source === 'status')) continue;
    const [a, b] = [figure(old), figure(n)];
    if (!sameValue(a, b)) out.push({ kind: 'figure', plan, item: n === after.root ? null : ref(n), before: a, after: b });
  }
}

/**
 * The changes from `before` to `after`, in the order a reader of the new site meets them. `models`: theirs,
 * when the caller has built them already (the authoring page has, for its preview).
 */
export function diffBundles(before: Bundle, after: Bundle, models: { before?: BundleModel; after?: BundleModel } = {}): BundleDiff {
  const out: Change[] = [];
  diffFields(before, after, BUNDLE_SHAPE, { before: side(null), after: side(null) }, (d) => out.push({ kind: 'field', plan: null, item: null, ...d }));
  const [a, b] = [models.before ?? buildModel(before, undefined, evaluate), models.after ?? buildModel(after, undefined, evaluate)];
  for (const plan of b.plans) {
    const old = a.plan(plan.data.id);
    if (!old) out.push({ kind: 'plan-added', plan: planRef(plan.data) });
    else diffPlan(old, plan, out);
  }
  for (const plan of a.plans) if (!b.plans.some((p) => p.data.id === plan.data.id)) out.push({ kind: 'plan-removed', plan: planRef(plan.data) });
  return { equal: out.length === 0, changes: out };
}
