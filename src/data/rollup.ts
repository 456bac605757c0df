/**
 * Progress maths: counts, rates and their rounding. Pure functions over plain numbers.
 */

/** Progress of a node after roll-up. */
export interface Progress {
  total: number;
  achieved: number;
  /** Items whose figures are not yet fixed (within total, not achieved). */
  unconfirmed: number;
  /** Items per status id, in the bundle's status order, when known. */
  byStatus: ReadonlyArray<{ status: string; count: number }>;
  /** Where the figures come from. */
  source: 'declared' | 'children' | 'status';
  /**
   * The rate in tenths of a percent (871 = 87.1%), rounded half-up as the report does; `null` when the total
   * is 0, so that no widget ever shows NaN, Infinity or a made-up 0%.
   */
  rateTenths: number | null;
}

/**
 * achieved / total in tenths of a percent, rounded half up, in exact integer arithmetic
 * (108/124 → 871, never 870.9999).
 */
export function rateTenths(achieved: number, total: number): number | null {
  if (!(total > 0) || !Number.isFinite(total) || !Number.isFinite(achieved) || achieved < 0) return null;
  return Math.floor((2000 * achieved + total) / (2 * total));
}

/** The rate as a fraction (0.871) for `Intl` percent formatting, or null. */
export function rateFraction(p: Pick<Progress, 'rateTenths'> | null | undefined): number | null {
  return p?.rateTenths == null ? null : p.rateTenths / 1000;
}

export interface StatusRule {
  id: string;
  achieved: boolean;
  unconfirmed?: boolean | undefined;
}

export interface RollupInput {
  declared?: { total: number; achieved: number; unconfirmed?: number | undefined; byStatus?: Record<string, number> | undefined } | undefined;
  status?: string | undefined;
  children: readonly RollupInput[];
}

/**
 * A node's progress: its declared counts if present; otherwise the sum over its children, where a leaf counts
 * by its status. A node with no data anywhere below it has no progress (`null`).
 *
 * `statuses` is the bundle's vocabulary in order; `memo` lets a whole tree be rolled up in one pass.
 */
export function rollup(
  node: RollupInput,
  statuses: ReadonlyMap<string, StatusRule>,
  memo: Map<RollupInput, Progress | null> = new Map(),
): Progress | null {
  // Iterative post-order: plans may be thousands of nodes and tens of levels deep.
  const stack: Array<[RollupInput, boolean]> = [[node, false]];
  while (stack.length) {
    const [n, visited] = stack.pop()!;
    if (memo.has(n)) continue;
    if (!visited && n.children.length) {
      stack.push([n, true]);
      for (const c of n.children) if (!memo.has(c)) stack.push([c, false]);
      continue;
    }
    memo.set(n, own(n, statuses, memo));
  }
  return memo.get(node) ?? null;
}

function order(counts: Map<string, number>, statuses: ReadonlyMap<string, StatusRule>) {
  const out: Array<{ status: string; count: number }> = [];
  for (const id of statuses.keys()) {
    const count = counts.get(id);
    if (count) out.push({ status: id, count });
  }
  return out;
}

function own(n: RollupInput, statuses: ReadonlyMap<string, StatusRule>, memo: Map<RollupInput, Progress | null>): Progress | null {
  if (n.declared) {
    const d = n.declared;
    // `+ 0` turns JSON's -0 (a valid count) into 0, which no one would want to read as "-0項目".
    return {
      total: d.total + 0,
      achieved: d.achieved + 0,
      unconfirmed: (d.unconfirmed ?? 0) + 0,
      byStatus: d.byStatus ? order(new Map(Object.entries(d.byStatus)), statuses) : [],
      source: 'declared',
      rateTenths: rateTenths(d.achieved, d.total),
    };
  }
  if (n.children.length === 0) {
    const rule = n.status === undefined ? undefined : statuses.get(n.status);
    if (!rule) return null;
    return {
      total: 1,
      achieved: rule.achieved ? 1 : 0,
      unconfirmed: rule.unconfirmed && !rule.achieved ? 1 : 0,
      byStatus: [{ status: rule.id, count: 1 }],
      source: 'status',
      rateTenths: rateTenths(rule.achieved ? 1 : 0, 1),
    };
  }
  let total = 0;
  let achieved = 0;
  let unconfirmed = 0;
  let any = false;
  const counts = new Map<string, number>();
  let breakdownComplete = true;
  for (const c of n.children) {
    const p = memo.get(c);
    if (!p) continue;
    any = true;
    total += p.total;
    achieved += p.achieved;
    unconfirmed += p.unconfirmed;
    const sum = p.byStatus.reduce((s, b) => s + b.count, 0);
    if (sum !== p.total) breakdownComplete = false;
    for (const b of p.byStatus) counts.set(b.status, (counts.get(b.status) ?? 0) + b.count);
  }
  if (!any) return null;
  return {
    total,
    achieved,
    unconfirmed,
    byStatus: breakdownComplete ? order(counts, statuses) : [],
    source: 'children',
    rateTenths: rateTenths(achieved, total),
  };
}
