/**
 * typed bundle → navigable model: each plan as a tree with a root, nodes by id, parents, and rolled-up
 * progress. Built once per bundle and shared, read-only, by every widget (context compares by identity).
 */
import type { Bundle, NodeData, PlanData, StatusData, Text } from './bundle.js';
import { indicatorModel, nodeGrades, type Evaluate, type IndicatorModel, type ShownGrade } from './indicators.js';
import { rollup, STATUS_SCALE, type Progress, type RollupInput } from './rollup.js';
import { planScales, rollupScales, type ScaleModel } from './scales.js';

export type { IndicatorModel, ShownGrade } from './indicators.js';
export type { ScaleModel } from './scales.js';

export interface PlanNode {
  readonly id: string;
  readonly kind: string;
  readonly title: Text;
  /** The node's own data; for a plan's root, the plan's fields that a node shares. */
  readonly data: Readonly<NodeData>;
  readonly parent: PlanNode | null;
  readonly children: PlanNode[];
  /** 0 for the plan's root. */
  readonly depth: number;
  progress: Progress | null;
  /** The node's grade per scale id (`status` for its status), stated or computed. */
  readonly grades: ReadonlyMap<string, ShownGrade>;
  readonly indicators: readonly IndicatorModel[];
}

export interface PlanModel {
  readonly data: Readonly<PlanData>;
  readonly root: PlanNode;
  readonly byId: ReadonlyMap<string, PlanNode>;
  readonly bundle: BundleModel;
  /** The plan's scales, then the bundle's statuses as scale `status`. */
  readonly scales: readonly ScaleModel[];
  /** The scale that gives the plan's rate: its first own scale, else `status`. */
  readonly headline: ScaleModel | undefined;
  /** A scale by id (`status` for the statuses); undefined if there is none. */
  scale(id?: string | null): ScaleModel | undefined;
}

export interface BundleModel {
  readonly data: Readonly<Bundle>;
  /** The absolute URL the bundle was loaded from (relative links in it resolve against it); undefined for inline data. */
  readonly url: string | undefined;
  readonly plans: readonly PlanModel[];
  readonly statuses: ReadonlyMap<string, StatusData>;
  plan(id?: string | null): PlanModel | undefined;
}

interface MutableNode extends PlanNode {
  parent: MutableNode | null;
  children: MutableNode[];
  depth: number;
  declared: RollupInput['declared'];
  /** Grade ids by scale id, for the roll-up. */
  gradeIds?: Record<string, string>;
}

/**
 * `evaluate`: the rule evaluation of indicators (`evaluate.ts`), given where the bundle has indicators (a page loads
 * it only then); without it, only the grades the data states are shown.
 */
export function buildModel(bundle: Bundle, url?: string, evaluate?: Evaluate): BundleModel {
  const statuses = new Map((bundle.statuses ?? []).map((s) => [s.id, s] as const));
  const plans: PlanModel[] = [];
  const model: BundleModel = {
    data: bundle,
    url,
    plans,
    statuses,
    plan: (id) => (id ? plans.find((p) => p.data.id === id) : plans[0]),
  };
  for (const plan of bundle.plans) plans.push(buildPlan(plan, model, bundle.statuses, evaluate));
  return model;
}

function toNode(data: NodeData, parent: MutableNode | null, scales: readonly ScaleModel[], evaluate: Evaluate | undefined): MutableNode {
  const indicators = (data.indicators ?? []).map((i) => indicatorModel(i, scales, evaluate));
  const grades = nodeGrades(data, scales, indicators);
  return {
    id: data.id,
    kind: data.kind,
    title: data.title,
    data,
    parent,
    children: [],
    depth: 0,
    progress: null,
    declared: data.progress,
    grades,
    indicators,
    // The roll-up counts a leaf by its grade on each scale (statuses are `status` in `grades` too).
    ...(grades.size ? { gradeIds: Object.fromEntries([...grades].map(([k, g]) => [k, g.grade.id])) } : {}),
  };
}

function buildPlan(plan: PlanData, bundle: BundleModel, statuses: readonly StatusData[] | undefined, evaluate: Evaluate | undefined): PlanModel {
  const { scales, headline } = planScales(plan, statuses);
  const rootData: NodeData = {
    id: plan.id,
    kind: 'plan',
    title: plan.title,
    summary: plan.summary,
    progress: plan.progress,
    history: plan.history,
    notes: plan.notes,
  };
  const root = toNode(rootData, null, scales, evaluate);
  const byId = new Map<string, MutableNode>([[plan.id, root]]);
  for (const data of plan.nodes) byId.set(data.id, toNode(data, null, scales, evaluate));
  // Children in document order. Validation guarantees known parents and no cycles.
  for (const data of plan.nodes) {
    const node = byId.get(data.id)!;
    const parent = data.parent === undefined ? root : byId.get(data.parent) ?? root;
    node.parent = parent;
    parent.children.push(node);
  }
  // Depths top-down, without recursion.
  const queue: MutableNode[] = [root];
  for (let i = 0; i < queue.length; i++) {
    const n = queue[i]!;
    for (const c of n.children) {
      c.depth = n.depth + 1;
      queue.push(c);
    }
  }
  const memo = new Map<RollupInput, Progress | null>();
  const inputs = new Map<MutableNode, RollupInput>();
  // The roll-up's view of each node (its grades by id), built children first so that children are shared.
  for (let i = queue.length - 1; i >= 0; i--) {
    const n = queue[i]!;
    const g = n.gradeIds;
    inputs.set(n, { declared: n.declared, status: g?.[STATUS_SCALE], grades: g, children: n.children.map((c) => inputs.get(c)!) });
  }
  rollup(inputs.get(root)!, rollupScales(scales, headline), memo);
  for (const n of queue) n.progress = memo.get(inputs.get(n)!) ?? null;
  const byScale = new Map(scales.map((s) => [s.id, s] as const));
  return { data: plan, root, byId, bundle, scales, headline, scale: (id) => (id ? byScale.get(id) : headline) };
}

/** The node's ancestors from the plan's root down to its parent. */
export function ancestors(node: PlanNode): PlanNode[] {
  const out: PlanNode[] = [];
  for (let p = node.parent; p; p = p.parent) out.unshift(p);
  return out;
}

/** Nodes below `root` (not `root` itself), in document order, without recursion. */
export function descendants(root: PlanNode): PlanNode[] {
  const out: PlanNode[] = [];
  const stack: PlanNode[] = [...root.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    out.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}
