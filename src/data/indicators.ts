/**
 * A node's grades as the widgets show them, each with where it comes from: stated by the report (a node's
 * `grades`, an indicator's `grade`, its `status`) or computed by a scale's rule from an indicator's values.
 */
import type { GradeData, IndicatorData, NodeData } from './bundle.js';
import type { evaluate, Evaluation } from './evaluate.js';

/** The rule evaluation (`evaluate.ts`), passed in: pages load it only for bundles that have indicators. */
export type Evaluate = typeof evaluate;
import { STATUS_SCALE } from './rollup.js';
import { indicatorScale, type ScaleModel } from './scales.js';

export interface ShownGrade {
  readonly scale: ScaleModel;
  readonly grade: GradeData;
  /** `declared`: the report states it; `computed`: the scale's rule gives it from an indicator. */
  readonly source: 'declared' | 'computed';
}

export interface IndicatorModel {
  readonly data: IndicatorData;
  /** The scale its grade is on, if the plan has one. */
  readonly scale: ScaleModel | undefined;
  /** The grade the report states for it. */
  readonly declared: GradeData | undefined;
  /** The rule's result, when the scale has a rule (also when a grade is stated: a difference is shown). */
  readonly evaluation: (Evaluation & { gradeData: GradeData | undefined }) | undefined;
  /** What is shown: the stated grade, else the computed one. */
  readonly grade: ShownGrade | undefined;
}

export function indicatorModel(data: IndicatorData, scales: readonly ScaleModel[], evaluate: Evaluate | undefined): IndicatorModel {
  const scale = indicatorScale(scales, data.scale);
  const declared = scale?.grade(data.grade);
  const e = scale?.rule && evaluate ? evaluate(data, scale.rule) : undefined;
  const evaluation = e && { ...e, gradeData: scale!.grade(e.grade) };
  const grade: ShownGrade | undefined = declared
    ? { scale: scale!, grade: declared, source: 'declared' }
    : evaluation?.gradeData
      ? { scale: scale!, grade: evaluation.gradeData, source: 'computed' }
      : undefined;
  return { data, scale, declared, evaluation, grade };
}

/**
 * A node's grade per scale id: its stated `grades` and `status`; on a scale it states none for, the grade of its
 * one indicator on that scale (a node with several indicators there has no single grade unless it states one).
 */
export function nodeGrades(data: NodeData, scales: readonly ScaleModel[], indicators: readonly IndicatorModel[]): Map<string, ShownGrade> {
  const out = new Map<string, ShownGrade>();
  for (const scale of scales) {
    const stated = scale.grade(scale.id === STATUS_SCALE ? data.status : data.grades?.[scale.id]);
    if (stated) {
      out.set(scale.id, { scale, grade: stated, source: 'declared' });
      continue;
    }
    const on = indicators.filter((i) => i.scale === scale);
    if (on.length === 1 && on[0]!.grade) out.set(scale.id, on[0]!.grade);
  }
  return out;
}
