/**
 * The one entry with side effects: defines every kdx tag, once, provider first (so that widgets upgraded after
 * it find their `<kdx-plan>` at once). Safe to load twice or in two versions (see `define.ts`).
 */
import { KdxPlan } from './components/plan/plan.js';
import { KdxProgress } from './components/progress/progress.js';
import { KdxInitiativeCard } from './components/initiative-card/initiative-card.js';
import { KdxPlanTree } from './components/plan-tree/plan-tree.js';
import { KdxChart } from './components/chart/chart.js';
import { KdxPlanOverview } from './components/plan-overview/plan-overview.js';
import { define } from './define.js';
import { startUpgrader } from './embed/upgrade.js';

define('kdx-plan', KdxPlan);
define('kdx-progress', KdxProgress);
define('kdx-initiative-card', KdxInitiativeCard);
define('kdx-plan-tree', KdxPlanTree);
define('kdx-chart', KdxChart);
define('kdx-plan-overview', KdxPlanOverview);
// Fallback markup that survived a CMS editor (`data-kdx`, `#kdx=` links) becomes widgets: docs/embedding.md.
if (typeof document !== 'undefined') startUpgrader();

export * from './index.js';
export { upgrade } from './embed/upgrade.js';

declare global {
  interface HTMLElementTagNameMap {
    'kdx-plan': KdxPlan;
    'kdx-progress': KdxProgress;
    'kdx-initiative-card': KdxInitiativeCard;
    'kdx-plan-tree': KdxPlanTree;
    'kdx-chart': KdxChart;
    'kdx-plan-overview': KdxPlanOverview;
  }
}
