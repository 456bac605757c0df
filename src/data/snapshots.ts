/**
 * A node's counts over time: its `history` and its current `progress`, each a snapshot as of a date, and the
 * change between the current counts and the ones the report compares them with (増減). Exact integers: a change
 * is a difference of counts, a change of rate a difference of the rates as printed (in tenths of a point).
 */
import type { HistoryPoint, Text } from './bundle.js';
import type { PlanModel, PlanNode } from './model.js';
import { rollup, type Progress } from './rollup.js';
import { rollupScales } from './scales.js';

export interface Snapshot {
  fiscalYear: number | undefined;
  asOf: string | undefined;
  progress: Progress;
  /** The node's current counts (its `progress`), not a history point. */
  current: boolean;
}

export interface GradeChange {
  grade: string;
  before: number;
  after: number;
  change: number;
}

export interface Comparison {
  base: Snapshot;
  /** The report's note on the base (「※増減は対H26年度と比較」), when it has one. */
  note: Text | undefined;
  total: { before: number; after: number; change: number };
  /** Change of the headline rate in tenths of a point (+32 = +3.2ポイント), where both snapshots have a rate. */
  rateTenths: number | null;
  /** Per scale id: each grade's counts before and after, where both snapshots count every item on that scale. */
  byScale: ReadonlyMap<string, readonly GradeChange[]>;
}

/** Counts as the roll-up reads a declared snapshot. */
function counted(plan: PlanModel, counts: Omit<HistoryPoint, 'fiscalYear'>): Progress {
  return rollup({ declared: counts, children: [] }, rollupScales(plan.scales, plan.headline))!;
}

/** The node's snapshots in time order: history points by fiscal year, then the current counts if dated. */
export function snapshots(plan: PlanModel, node: PlanNode): Snapshot[] {
  const history = [...(node.data.history ?? [])].sort((a, b) => a.fiscalYear - b.fiscalYear);
  const out: Snapshot[] = history.map((h) => ({ fiscalYear: h.fiscalYear, asOf: h.asOf, progress: counted(plan, h), current: false }));
  const p = node.data.progress;
  // The current counts are a point in time only when the data says when: a year or a date.
  if (p && node.progress && (p.fiscalYear !== undefined || p.asOf !== undefined) && !history.some((h) => h.fiscalYear === p.fiscalYear)) {
    out.push({ fiscalYear: p.fiscalYear, asOf: p.asOf, progress: node.progress, current: true });
  }
  return out;
}

/** The change the report shows: the node's current counts against its `comparedWith` history point. */
export function comparison(plan: PlanModel, node: PlanNode): Comparison | undefined {
  const p = node.data.progress;
  const base = p?.comparedWith && node.data.history?.find((h) => h.fiscalYear === p.comparedWith!.fiscalYear);
  const after = node.progress;
  if (!p || !base || !after || after.source !== 'declared') return undefined;
  const before = counted(plan, base);
  const byScale = new Map<string, GradeChange[]>();
  for (const [id, d] of after.byScale) {
    const b = before.byScale.get(id);
    if (!d.complete || !b?.complete) continue;
    byScale.set(
      id,
      d.counts.map((c, i) => ({ grade: c.grade, before: b.counts[i]!.count, after: c.count, change: c.count - b.counts[i]!.count })),
    );
  }
  return {
    base: { fiscalYear: base.fiscalYear, asOf: base.asOf, progress: before, current: false },
    note: p.comparedWith!.note,
    total: { before: before.total, after: after.total, change: after.total - before.total },
    rateTenths: after.rateTenths === null || before.rateTenths === null ? null : after.rateTenths - before.rateTenths,
    byScale,
  };
}
