/** Grades, scales and as-of dates worded for widgets (part of the shapes chunk, see `shapes.ts`). */
import type { GradeData } from '../../data/bundle.js';
import { formatDate } from '../../data/format-dates.js';
import type { PlanModel, PlanNode, ScaleModel } from '../../data/model.js';
import type { Lang } from '../../i18n/index.js';
import type { ShapeMessages } from '../../i18n/shape-messages.js';
import { shapesJa } from '../../i18n/shapes-ja.js';
import { shown, type Shown } from './shown.js';

/** The language of several texts shown together: the page's, unless all of them fell back to Japanese. */
const together = (parts: Array<Shown | null>, lang: Lang): Lang => (parts.every((p) => !p || p.lang === 'ja') ? 'ja' : lang);

/** A grade as the report prints it, with its definition: 「S：計画以上」, 「完了」. */
export function gradeText(grade: GradeData, lang: Lang, s: ShapeMessages): Shown {
  const label = shown(grade.label, lang) ?? { text: grade.id, lang };
  const def = shown(grade.definition, lang);
  if (!def) return label;
  const l = together([label, def], lang);
  // Joined the way the language of the texts joins them: 「S：計画以上」 even on an English page.
  return { text: (l === s.lang ? s : shapesJa).grades.withDefinition(label.text, def.text), lang: l };
}

/** A scale's name: its label, or 「状況」 for the bundle's statuses. */
export function scaleName(scale: ScaleModel, lang: Lang, s: ShapeMessages): Shown {
  return shown(scale.label, lang) ?? { text: s.grades.statusScale, lang };
}

/** What a scale's rate is called: its `rateLabel`, or 「達成率」. */
export function rateName(scale: ScaleModel | undefined, lang: Lang, s: ShapeMessages): Shown {
  return shown(scale?.rateLabel, lang) ?? { text: s.grades.rate, lang };
}

/** The date a node's figures are as of: its counts' own `asOf`, else the plan's. */
export function asOfOf(plan: PlanModel, node: PlanNode): string | undefined {
  return node.data.progress?.asOf ?? plan.data.asOf;
}

/** 「2016年3月31日現在」. */
export function asOfText(date: string | undefined, lang: Lang, s: ShapeMessages): string {
  return date ? s.grades.asOf(formatDate(date, lang)) : '';
}
