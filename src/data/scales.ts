/**
 * A plan's scales as the model and the widgets read them: its own `scales` (grade scales, status dimensions) and
 * the bundle's `statuses` as one more scale, `status` (so that a bundle written before scales existed is the
 * one-scale case). The first of the plan's own scales is its headline; without any, `status` is.
 */
import type { GradeData, PlanData, RuleData, StatusData, Text } from './bundle.js';
import { STATUS_SCALE, type RollupScales } from './rollup.js';

export interface ScaleModel {
  readonly id: string;
  /** The scale's name (「評価」, 「実施状況」); undefined for the bundle's statuses, which have none. */
  readonly label: Text | undefined;
  /** In the report's order. */
  readonly grades: readonly GradeData[];
  /** Whether some grade counts as achieved: only then has the scale a rate. */
  readonly rated: boolean;
  readonly rateLabel: Text | undefined;
  readonly rule: RuleData | undefined;
  readonly notes: readonly Text[];
  grade(id: string | undefined): GradeData | undefined;
}

function scaleModel(id: string, label: Text | undefined, grades: readonly (GradeData | StatusData)[], extra: Partial<Pick<ScaleModel, 'rateLabel' | 'rule' | 'notes'>> = {}): ScaleModel {
  const byId = new Map(grades.map((g) => [g.id, g] as const));
  return {
    id,
    label,
    grades,
    rated: grades.some((g) => g.achieved),
    rateLabel: extra.rateLabel,
    rule: extra.rule,
    notes: extra.notes ?? [],
    grade: (g) => (g === undefined ? undefined : byId.get(g)),
  };
}

/** The plan's scales in order (its own, then the bundle's statuses as `status`), and the headline. */
export function planScales(plan: PlanData, statuses: readonly StatusData[] | undefined): { scales: ScaleModel[]; headline: ScaleModel | undefined } {
  const scales = (plan.scales ?? []).map((s) => scaleModel(s.id, s.label, s.grades, { rateLabel: s.rateLabel, rule: s.rule, notes: s.notes }));
  const own = scales[0];
  // Statuses are rated by definition: each says whether it counts as achieved (all may say no: then 0%).
  const status = statuses?.length ? { ...scaleModel(STATUS_SCALE, undefined, statuses), rated: true } : undefined;
  if (status) scales.push(status);
  return { scales, headline: own ?? status };
}

/** The scales as the roll-up reads them. */
export function rollupScales(scales: readonly ScaleModel[], headline: ScaleModel | undefined): RollupScales {
  return {
    scales: new Map(scales.map((s) => [s.id, { grades: new Map(s.grades.map((g) => [g.id, g] as const)), rated: s.rated }] as const)),
    headline: headline?.id ?? STATUS_SCALE,
  };
}

/** The scale an indicator's grade is on: its own `scale`, else the plan's first scale with a rule, else the first. */
export function indicatorScale(scales: readonly ScaleModel[], id: string | undefined): ScaleModel | undefined {
  const own = scales.filter((s) => s.id !== STATUS_SCALE);
  if (id !== undefined) return own.find((s) => s.id === id);
  return own.find((s) => s.rule) ?? own[0];
}
