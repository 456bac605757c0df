/**
 * The widgets the authoring page previews, and where: a list, so that a new widget is one entry here (its tag,
 * how to load its class, and which instances show a plan). Each instance is a set of attributes, as a city page
 * would write them; the data comes from the preview's context, as from a `<kdx-plan>`.
 */
import type { PlanModel, PlanNode } from '../data/model.js';

export type Attributes = Readonly<Record<string, string>>;

export interface PreviewWidget {
  tag: string;
  load: () => Promise<CustomElementConstructor>;
  /** The instances to show for `plan`; `selected` is the item chosen in the tree (or being edited). */
  instances: (plan: PlanModel, selected: PlanNode | undefined) => Attributes[];
}

/** Top-level items shown as meters: enough to see the change, never thousands. */
const METERS = 6;

/** The first item without children, in document order: a card shows an initiative best. */
function firstLeaf(plan: PlanModel): PlanNode | undefined {
  for (const node of plan.byId.values()) if (node !== plan.root && !node.children.length) return node;
  return undefined;
}

export const PREVIEW_WIDGETS: readonly PreviewWidget[] = [
  {
    // The plan page's header first, as a city page would show it.
    tag: 'kdx-plan-overview',
    load: () => import('../components/plan-overview/plan-overview.js').then((m) => m.KdxPlanOverview),
    instances: () => [{}],
  },
  {
    tag: 'kdx-progress',
    load: () => import('../components/progress/progress.js').then((m) => m.KdxProgress),
    instances: (plan) => [{}, ...plan.root.children.slice(0, METERS).map((n) => ({ node: n.id }))],
  },
  {
    tag: 'kdx-chart',
    load: () => import('../components/chart/chart.js').then((m) => m.KdxChart),
    // What a page would chart: a bar per top-level item with progress, the doughnut of a plan with progress.
    instances: (plan) => [
      ...(plan.root.children.some((n) => n.progress) ? [{ type: 'bar' }] : []),
      ...(plan.root.progress ? [{ type: 'doughnut' }] : []),
    ],
  },
  {
    tag: 'kdx-plan-tree',
    load: () => import('../components/plan-tree/plan-tree.js').then((m) => m.KdxPlanTree),
    instances: () => [{ 'expand-depth': '1' }],
  },
  {
    tag: 'kdx-initiative-card',
    load: () => import('../components/initiative-card/initiative-card.js').then((m) => m.KdxInitiativeCard),
    instances: (plan, selected) => {
      const node = selected ?? firstLeaf(plan);
      return node ? [{ node: node.id }] : [];
    },
  },
];
