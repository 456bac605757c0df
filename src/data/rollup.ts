/**
 * Progress maths: counts, rates, distributions by grade and their rounding. Pure functions over plain numbers.
 *
 * A plan's items can be counted on several scales at once (a grade scale, a status dimension); the bundle's
 * `statuses` are one more scale, `status`. The headline scale (the plan's first, else `status`) gives the rate.
 */

/** The counts of one scale at a node, in the scale's order (every grade, zeros too). */
export interface Distribution {
  counts: ReadonlyArray<{ grade: string; count: number }>;
  /** Whether every item of the node is counted on this scale (the counts add up to `total`). */
  complete: boolean;
  /** Items of achieved grades, when the scale has any and the counts are complete; else null. */
  achieved: number | null;
  /** achieved / total in tenths of a percent, or null. */
  rateTenths: number | null;
}

/** Progress of a node after roll-up. */
export interface Progress {
  total: number;
  /** Items achieved; 0 when the data does not say (then `rateTenths` is null). */
  achieved: number;
  /** Items whose figures are not yet fixed (within total, not achieved). */
  unconfirmed: number;
  /**
   * True when a declared node's `unconfirmed` was not declared but carried up from its children, whose declared
   * totals and achieved add up to the node's (Kanazawa's report marks only 財政基盤の質を高める 「※うち 2 項目は数値未確定」;
   * its 合計 row has no ※): a derived figure, which widgets label so.
   */
  unconfirmedDerived?: true;
  /** Items per status id, in the bundle's status order, when known. */
  byStatus: ReadonlyArray<{ status: string; count: number }>;
  /** Counts per scale id (the plan's scales, and `status` when the bundle has statuses). */
  byScale: ReadonlyMap<string, Distribution>;
  /** Where the figures come from. */
  source: 'declared' | 'children' | 'status';
  /**
   * The rate in tenths of a percent (871 = 87.1%), rounded half-up as the report does; `null` when the total
   * is 0 or nothing says which items are achieved, so that no widget ever shows NaN, Infinity or a made-up 0%.
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

/** How a grade (or status) counts. */
export interface StatusRule {
  id: string;
  achieved?: boolean | undefined;
  unconfirmed?: boolean | undefined;
}

/** A scale's grades in order, and whether it defines an achieved set (only then it has a rate). */
export interface ScaleRule {
  grades: ReadonlyMap<string, StatusRule>;
  rated: boolean;
}

/** Every scale of a plan by id, and which one gives the headline rate. */
export interface RollupScales {
  scales: ReadonlyMap<string, ScaleRule>;
  headline: string;
}

/** The bundle's statuses as the one-scale case: scale `status`, the headline. */
export const STATUS_SCALE = 'status';

export interface RollupInput {
  declared?:
    | {
        total: number;
        achieved?: number | undefined;
        unconfirmed?: number | undefined;
        byStatus?: Readonly<Record<string, number>> | undefined;
        byGrade?: Readonly<Record<string, Readonly<Record<string, number>>>> | undefined;
      }
    | undefined;
  status?: string | undefined;
  /** The item's grade per scale (stated, or computed from its indicator). */
  grades?: Readonly<Record<string, string>> | undefined;
  children: readonly RollupInput[];
}

/** `statuses` alone (the one-scale case), or every scale of a plan. */
function scalesOf(rules: ReadonlyMap<string, StatusRule> | RollupScales): RollupScales {
  if ('headline' in rules) return rules as RollupScales;
  return { scales: new Map([[STATUS_SCALE, { grades: rules as ReadonlyMap<string, StatusRule>, rated: true }]]), headline: STATUS_SCALE };
}

/** Counts while rolling up: per scale, grade → count, and whether every item is counted. */
type Tally = Map<string, { counts: Map<string, number>; complete: boolean }>;

interface Counted {
  total: number;
  achieved: number | null;
  unconfirmed: number;
  unconfirmedDerived?: true;
  tally: Tally;
  source: Progress['source'];
  /** Declared `byStatus` as given (a declared breakdown is shown even when it does not add up). */
  declaredByStatus?: Readonly<Record<string, number>> | undefined;
}

/**
 * A node's progress: its declared counts if present; otherwise the sum over its children, where a leaf counts
 * by its grades (and status). A node with no data anywhere below it has no progress (`null`).
 *
 * `rules` is the bundle's status vocabulary in order (the one-scale case) or every scale of the plan; `memo`
 * lets a whole tree be rolled up in one pass.
 */
export function rollup(
  node: RollupInput,
  rules: ReadonlyMap<string, StatusRule> | RollupScales,
  memo: Map<RollupInput, Progress | null> = new Map(),
): Progress | null {
  const scales = scalesOf(rules);
  const partials = new Map<RollupInput, Counted | null>();
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
    const p = own(n, scales, partials);
    partials.set(n, p);
    memo.set(n, p && finish(p, scales));
  }
  return memo.get(node) ?? null;
}

function sum(counts: Iterable<number>): number {
  let s = 0;
  for (const c of counts) s += c;
  return s;
}

function tallyOf(entries: Readonly<Record<string, number>> | undefined, total: number) {
  const counts = new Map(Object.entries(entries ?? {}));
  return { counts, complete: entries !== undefined && sum(counts.values()) === total };
}

/** Items of achieved grades on `scale`, or null when they are not all known. */
function achievedOn(tally: Tally, scales: RollupScales, scale: string): number | null {
  const rule = scales.scales.get(scale);
  const t = tally.get(scale);
  if (!rule?.rated || !t?.complete) return null;
  let n = 0;
  for (const [grade, count] of t.counts) if (rule.grades.get(grade)?.achieved) n += count;
  return n;
}

function own(n: RollupInput, scales: RollupScales, partials: Map<RollupInput, Counted | null>): Counted | null {
  if (n.declared) {
    const d = n.declared;
    // `+ 0` turns JSON's -0 (a valid count) into 0, which no one would want to read as "-0項目".
    const total = d.total + 0;
    const tally: Tally = new Map();
    for (const id of scales.scales.keys()) tally.set(id, tallyOf(id === STATUS_SCALE ? d.byStatus : d.byGrade?.[id], total));
    const achieved = d.achieved !== undefined ? d.achieved + 0 : achievedOn(tally, scales, scales.headline);
    const counted: Counted = { total, achieved, unconfirmed: (d.unconfirmed ?? 0) + 0, tally, source: 'declared', declaredByStatus: d.byStatus };
    if (d.unconfirmed === undefined) {
      const carried = carriedUnconfirmed(n, total, achieved, partials);
      if (carried) Object.assign(counted, { unconfirmed: carried, unconfirmedDerived: true });
    }
    return counted;
  }
  if (n.children.length === 0) {
    const tally: Tally = new Map();
    let any = false;
    for (const [id, scale] of scales.scales) {
      const grade = id === STATUS_SCALE ? n.status : n.grades?.[id];
      const known = grade !== undefined && scale.grades.has(grade);
      any ||= known;
      tally.set(id, { counts: new Map(known ? [[grade, 1]] : []), complete: known });
    }
    if (!any) return null;
    const headline = scales.scales.get(scales.headline);
    const g = headline?.grades.get((scales.headline === STATUS_SCALE ? n.status : n.grades?.[scales.headline]) ?? '');
    const achieved = g && headline!.rated ? (g.achieved ? 1 : 0) : null;
    return { total: 1, achieved, unconfirmed: g?.unconfirmed && !g.achieved ? 1 : 0, tally, source: 'status' };
  }
  let total = 0;
  let achieved: number | null = 0;
  let unconfirmed = 0;
  let any = false;
  const tally: Tally = new Map([...scales.scales.keys()].map((id) => [id, { counts: new Map<string, number>(), complete: true }]));
  for (const c of n.children) {
    const p = partials.get(c);
    if (!p) continue;
    any = true;
    total += p.total;
    achieved = achieved === null || p.achieved === null ? null : achieved + p.achieved;
    unconfirmed += p.unconfirmed;
    for (const [id, t] of tally) {
      const ct = p.tally.get(id);
      if (!ct?.complete) t.complete = false;
      for (const [grade, count] of ct?.counts ?? []) t.counts.set(grade, (t.counts.get(grade) ?? 0) + count);
    }
  }
  if (!any) return null;
  return { total, achieved, unconfirmed, tally, source: 'children' };
}

/**
 * The children's unconfirmed items, when the node declares none but its children's declared counts are exactly its
 * own (every child counted, totals and achieved adding up): then the node's items are theirs. 0 otherwise.
 */
function carriedUnconfirmed(n: RollupInput, total: number, achieved: number | null, partials: Map<RollupInput, Counted | null>): number {
  let t = 0, a = 0, u = 0;
  for (const c of n.children) {
    const p = partials.get(c);
    if (!p || p.source !== 'declared' || p.achieved === null) return 0;
    t += p.total;
    a += p.achieved;
    u += p.unconfirmed;
  }
  return n.children.length && t === total && a === achieved ? u : 0;
}

function finish(p: Counted, scales: RollupScales): Progress {
  const byScale = new Map<string, Distribution>();
  for (const [id, scale] of scales.scales) {
    const t = p.tally.get(id)!;
    const achieved = achievedOn(p.tally, scales, id);
    byScale.set(id, {
      counts: [...scale.grades.keys()].map((grade) => ({ grade, count: t.counts.get(grade) ?? 0 })),
      complete: t.complete,
      achieved,
      rateTenths: achieved === null ? null : rateTenths(achieved, p.total),
    });
  }
  const statusRule = scales.scales.get(STATUS_SCALE);
  const statusTally = p.tally.get(STATUS_SCALE);
  const counts = p.declaredByStatus ? new Map(Object.entries(p.declaredByStatus)) : statusTally?.complete ? statusTally.counts : undefined;
  const byStatus: Array<{ status: string; count: number }> = [];
  if (counts && statusRule) {
    for (const id of statusRule.grades.keys()) {
      const count = counts.get(id);
      if (count) byStatus.push({ status: id, count });
    }
  }
  return {
    total: p.total,
    achieved: p.achieved ?? 0,
    unconfirmed: p.unconfirmed,
    ...(p.unconfirmedDerived && { unconfirmedDerived: true }),
    byStatus,
    byScale,
    source: p.source,
    rateTenths: p.achieved === null ? null : rateTenths(p.achieved, p.total),
  };
}
