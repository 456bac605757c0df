/**
 * Grades, scales and as-of dates worded for widgets: each text with the language it is really in (an English
 * page may show a Japanese-only text, which then carries `lang="ja"`).
 */
import type { GradeData, Text } from '../../data/bundle.js';
import { formatDate, isEditorial, text } from '../../data/format.js';
import type { PlanModel, PlanNode, ScaleModel } from '../../data/model.js';
import { messages, type Lang, type Messages } from '../../i18n/index.js';

/** A text as shown, with the language it is in. */
export interface Shown {
  text: string;
  lang: Lang;
  /** The bundle editor's wording, not the source's (`editorial: true`). */
  editorial?: boolean;
}

/** `t` in `lang` with the language it is in; `null` when empty, so that no empty label is ever rendered. */
export function shown(t: Text | undefined, lang: Lang): Shown | null {
  const s = text(t, lang).trim();
  if (!s) return null;
  return { text: s, lang: lang === 'en' && (typeof t === 'string' || !t?.en) ? 'ja' : lang, editorial: isEditorial(t) };
}

/** The language of several texts shown together: the page's, unless all of them fell back to Japanese. */
const together = (parts: Array<Shown | null>, lang: Lang): Lang => (parts.every((p) => !p || p.lang === 'ja') ? 'ja' : lang);

/** A grade as the report prints it, with its definition: 「S：計画以上」, 「完了」. */
export function gradeText(grade: GradeData, lang: Lang, t: Messages): Shown {
  const label = shown(grade.label, lang) ?? { text: grade.id, lang };
  const def = shown(grade.definition, lang);
  if (!def) return label;
  const l = together([label, def], lang);
  // Joined the way the language of the texts joins them: 「S：計画以上」 even on an English page.
  return { text: (l === t.lang ? t : messages(l)).grades.withDefinition(label.text, def.text), lang: l };
}

/** A scale's name: its label, or 「状況」 for the bundle's statuses. */
export function scaleName(scale: ScaleModel, lang: Lang, t: Messages): Shown {
  return shown(scale.label, lang) ?? { text: t.grades.statusScale, lang };
}

/** What a scale's rate is called: its `rateLabel`, or 「達成率」. */
export function rateName(scale: ScaleModel | undefined, lang: Lang, t: Messages): Shown {
  return shown(scale?.rateLabel, lang) ?? { text: t.grades.rate, lang };
}

/** The date a node's figures are as of: its counts' own `asOf`, else the plan's. */
export function asOfOf(plan: PlanModel, node: PlanNode): string | undefined {
  return node.data.progress?.asOf ?? plan.data.asOf;
}

/** 「2016年3月31日現在」. */
export function asOfText(date: string | undefined, lang: Lang, t: Messages): string {
  return date ? t.grades.asOf(formatDate(date, lang)) : '';
}
