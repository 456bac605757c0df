/**
 * The public API. Importing it registers nothing: call `define()` or import `kdx/define` (the `kdx.js` build)
 * for the tags.
 */
export { KdxPlan } from './components/plan/plan.js';
export { KdxProgress } from './components/progress/progress.js';
export { KdxInitiativeCard } from './components/initiative-card/initiative-card.js';
export { KdxPlanTree } from './components/plan-tree/plan-tree.js';
export { KdxChart } from './components/chart/chart.js';
export { KdxPlanOverview } from './components/plan-overview/plan-overview.js';
export { KdxElement } from './components/shared/kdx-element.js';
export { define } from './define.js';
export { VERSION } from './version.js';

export { planContext, type PlanContextValue, type BundleState } from './context/plan-context.js';
export { PlanDataController, type PlanView } from './context/plan-data.js';
export * from './events/index.js';

export type * from './data/bundle.js';
export { BundleSchema, LIMITS, SUPPORTED_SCHEMA_VERSIONS } from './data/bundle.js';
export { formatIssue, type ValidationIssue, type ValidationResult } from './data/validate.js';
export { parseBundle, validateBundle } from './data/parse.js';
export { buildModel, ancestors, type BundleModel, type PlanModel, type PlanNode } from './data/model.js';
export { evaluate } from './data/evaluate.js';
export { rollup, rateTenths, type Progress } from './data/rollup.js';
export { loadBundle, peekBundle, forgetBundle, type LoadOptions } from './data/load.js';
export { KdxError, errorMessage, type ErrorCode } from './data/errors.js';
export * from './data/format.js';
export * from './data/format-dates.js';
export { messages, toLang, type Lang, type Messages } from './i18n/index.js';
