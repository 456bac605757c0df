/**
 * typed bundle → navigable model: each plan as a tree with a root, nodes by id, parents, and rolled-up
 * progress. Built once per bundle and shared, read-only, by every widget (context compares by identity).
 */
import type { Bundle, NodeData, PlanData, StatusData, Text } from './bundle.js';
import { rollup, type Progress, type RollupInput } from './rollup.js';

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
}

export interface PlanModel {
  readonly data: Readonly<PlanData>;
  readonly root: PlanNode;
  readonly byId: ReadonlyMap<string, PlanNode>;
  readonly bundle: BundleModel;
}

export interface BundleModel {
  readonly data: Readonly<Bundle>;
  /** The absolute URL the bundle was loaded from (relative links in it resolve against it); undefined for inline data. */
  readonly url: string | undefined;
  readonly plans: readonly PlanModel[];
  readonly statuses: ReadonlyMap<string, StatusData>;
  plan(id?: string | null): PlanModel | undefined;
}

interface MutableNode extends PlanNode, RollupInput {
  parent: MutableNode | null;
  children: MutableNode[];
  depth: number;
}

export function buildModel(bundle: Bundle, url?: string): BundleModel {
  const statuses = new Map((bundle.statuses ?? []).map((s) => [s.id, s] as const));
  const plans: PlanModel[] = [];
  const model: BundleModel = {
    data: bundle,
    url,
    plans,
    statuses,
    plan: (id) => (id ? plans.find((p) => p.data.id === id) : plans[0]),
  };
  for (const plan of bundle.plans) plans.push(buildPlan(plan, model, statuses));
  return model;
}

function toNode(data: NodeData, parent: MutableNode | null): MutableNode {
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
    status: data.status,
  };
}

function buildPlan(plan: PlanData, bundle: BundleModel, statuses: Map<string, StatusData>): PlanModel {
  const rootData: NodeData = {
    id: plan.id,
    kind: 'plan',
    title: plan.title,
    summary: plan.summary,
    progress: plan.progress,
    history: plan.history,
    notes: plan.notes,
  };
  const root = toNode(rootData, null);
  const byId = new Map<string, MutableNode>([[plan.id, root]]);
  for (const data of plan.nodes) byId.set(data.id, toNode(data, null));
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
  rollup(root, statuses, memo);
  for (const n of queue) n.progress = memo.get(n) ?? null;
  return { data: plan, root, byId, bundle };
}

/** The node's ancestors from the plan's root down to its parent. */
export function ancestors(node: PlanNode): PlanNode[] {
  const out: PlanNode[] = [];
  for (let p = node.parent; p; p = p.parent) out.unshift(p);
  return out;
}
