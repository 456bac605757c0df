/**
 * Grades in the tree: each row's grade on the tree's scale, written out (never a colour alone), and the filter
 * by grade, whose options count the items of each grade the tree lists.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatCount } from '../../data/format.js';
import { descendants, type PlanNode, type ScaleModel } from '../../data/model.js';
import type { Lang } from '../../i18n/index.js';
import type { ShapeMessages } from '../../i18n/shape-messages.js';
import { gradeText, scaleName } from '../shared/grades.js';
import { shown, type Shown } from '../shared/shown.js';

export interface GradeFilter {
  scale: Shown;
  options: Array<{ id: string; text: string }>;
}

/** The filter's options: each grade of the scale with the number of items below `root` that have it. */
export function gradeFilter(root: PlanNode, scale: ScaleModel, lang: Lang, t: ShapeMessages): GradeFilter {
  const counts = new Map<string, number>();
  for (const n of descendants(root)) {
    const g = n.grades.get(scale.id);
    if (g) counts.set(g.grade.id, (counts.get(g.grade.id) ?? 0) + 1);
  }
  return {
    scale: scaleName(scale, lang, t),
    options: scale.grades.map((g) => ({ id: g.id, text: t.tree.gradeOption(gradeText(g, lang, t).text, formatCount(counts.get(g.id) ?? 0, lang)) })),
  };
}

export function renderGradeFilter(f: GradeFilter, value: string, t: ShapeMessages, onChange: (e: Event) => void): TemplateResult {
  return html`<div class="grade-filter" part="grade-filter">
    <label for="grade">${f.scale.text}</label>
    <select id="grade" .value=${value} @change=${onChange}>
      <option value="" ?selected=${value === ''}>${t.tree.allGrades}</option>
      ${f.options.map((o) => html`<option value=${o.id} ?selected=${o.id === value}>${o.text}</option>`)}
    </select>
  </div>`;
}

/**
 * A row's grade: its label in sight, the scale's name and the grade's definition for screen readers; a grade the
 * rule computed (the report states none) says so in both, so that it never passes for the report's.
 */
export function renderRowGrade(node: PlanNode, scale: ScaleModel, lang: Lang, t: ShapeMessages): TemplateResult | typeof nothing {
  const g = node.grades.get(scale.id);
  if (!g) return nothing;
  const label = shown(g.grade.label, lang) ?? { text: g.grade.id, lang };
  const computed = g.source === 'computed';
  const spoken = t.tree.gradeSpoken(scaleName(scale, lang, t).text, gradeText(g.grade, lang, t).text);
  return html`<span class="grade" data-tone=${g.grade.tone ?? 'neutral'} part="grade"
    ><span aria-hidden="true"><span lang=${label.lang === lang ? nothing : label.lang}>${label.text}</span>${computed ? t.provenance.computedMark : nothing}</span
    ><span class="visually-hidden">${spoken}${computed ? ` ${t.grades.sourced(t.grades.source.computed, '')}` : nothing}</span></span
  >`;
}
