/**
 * A node's counts on one scale as the report's table prints them: each grade written out with its count and
 * share (one decimal, each rounded on its own, so that they may add up to 99.9% or 100.1% as printed tables do),
 * and, where the report compares with an earlier snapshot, that snapshot's counts and the change (「▲22」).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate } from '../../data/format-dates.js';
import { formatChange, formatCount, formatFiscalYear, formatPercent } from '../../data/format.js';
import type { PlanModel, PlanNode, ScaleModel } from '../../data/model.js';
import { rateTenths, type Distribution } from '../../data/rollup.js';
import { comparison } from '../../data/snapshots.js';
import type { Lang } from '../../i18n/index.js';
import type { ShapeMessages } from '../../i18n/shape-messages.js';
import { gradeText, scaleName } from '../shared/grades.js';
import { shown, type Shown } from '../shared/shown.js';

/** A change as shown (「▲22」) and as read out (「22減」). */
export interface ChangeText {
  text: string;
  spoken: string;
}

export interface DistributionView {
  caption: string;
  /** Column headers after 区分: the counts' own (its fiscal year, else 件数), 割合, then the base's and 増減. */
  current: string;
  base: string | undefined;
  rows: Array<{ grade: Shown; tone: string; count: string; share: string; before?: string | undefined; change?: ChangeText | undefined }>;
  total: { count: string; before?: string | undefined; change?: ChangeText | undefined };
  /** The headline rate's change (「平成26年度比 +25.3ポイント」), and what the changes are against. */
  rateChange: ChangeText | undefined;
  baseNote: Shown | undefined;
  /** Which of the figures are calculated here (shares, changes), not copied from the report. */
  derivedNote: string;
  /** Where the counts come from, when the widget added them up (the report states none for the node). */
  countsNote: string | undefined;
}

const sign = (n: number): -1 | 0 | 1 => (n > 0 ? 1 : n < 0 ? -1 : 0);

function change(n: number, lang: Lang, t: ShapeMessages): ChangeText {
  return { text: formatChange(n, lang), spoken: t.grades.changeSpoken(sign(n), formatCount(Math.abs(n), lang)) };
}

/**
 * How the roll-up came by `node`'s counts on `scale`, when the report states none for it: from the items' grades
 * (how many of them the rule computed) and from the counts the report states for parts of it. Walks the subtree
 * as the roll-up does: a node with counts of its own is counted by them, a leaf by its grade.
 */
export function talliedNote(node: PlanNode, scale: ScaleModel, lang: Lang, t: ShapeMessages): string | undefined {
  if (!node.progress || node.progress.source === 'declared') return undefined;
  let items = false;
  let report = false;
  let computed = 0;
  const stack = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n !== node && n.data.progress) report = true;
    else if (n.children.length) stack.push(...n.children);
    else if (n.grades.has(scale.id)) {
      items = true;
      if (n.grades.get(scale.id)!.source === 'computed') computed++;
    }
  }
  return t.provenance.tallied(items, report, computed ? formatCount(computed, lang) : undefined);
}

/** The table of `scale` at `node`, or undefined when its counts do not cover every item. */
export function distributionView(plan: PlanModel, node: PlanNode, scale: ScaleModel, lang: Lang, t: ShapeMessages): DistributionView | undefined {
  const p = node.progress;
  const d: Distribution | undefined = p?.byScale.get(scale.id);
  if (!p || !d?.complete || p.total === 0) return undefined;
  const cmp = comparison(plan, node);
  const changes = cmp?.byScale.get(scale.id);
  const withBase = changes && cmp;
  const baseName = cmp && t.grades.snapshot(cmp.base.fiscalYear === undefined ? '' : formatFiscalYear(cmp.base.fiscalYear, lang), cmp.base.asOf ? formatDate(cmp.base.asOf, lang) : '');
  const fy = node.data.progress?.fiscalYear;
  const rows = d.counts.map((c, i) => {
    const grade = scale.grade(c.grade)!;
    const ch = changes?.[i];
    return {
      grade: gradeText(grade, lang, t),
      tone: grade.tone ?? 'neutral',
      count: formatCount(c.count, lang),
      share: formatPercent(rateTenths(c.count, p.total)!, lang),
      before: ch && formatCount(ch.before, lang),
      change: ch && change(ch.change, lang, t),
    };
  });
  let rateChange: ChangeText | undefined;
  if (cmp && cmp.rateTenths !== null && scale.id === plan.headline?.id) {
    const n = formatChange(cmp.rateTenths, lang, true);
    const abs = formatChange(Math.abs(cmp.rateTenths), lang, true).replace(/^\+/, '');
    rateChange = { text: t.grades.rateChange(baseName!, t.grades.points(n)), spoken: t.grades.rateChange(baseName!, t.grades.pointsSpoken(sign(cmp.rateTenths), abs)) };
  }
  return {
    caption: t.grades.distribution(scaleName(scale, lang, t).text),
    current: fy === undefined || !changes ? t.grades.count : formatFiscalYear(fy, lang),
    // History points always have a fiscal year.
    base: withBase && formatFiscalYear(withBase.base.fiscalYear!, lang),
    rows,
    total: {
      count: formatCount(p.total, lang),
      before: withBase && formatCount(withBase.total.before, lang),
      change: withBase && change(withBase.total.change, lang, t),
    },
    rateChange,
    baseNote: cmp ? (shown(cmp.note, lang) ?? { text: t.grades.changeBase(baseName!), lang }) : undefined,
    derivedNote: t.grades.derived(!!withBase || !!rateChange),
    countsNote: talliedNote(node, scale, lang, t),
  };
}

const changeCell = (c: ChangeText) => html`<span aria-hidden="true">${c.text}</span><span class="visually-hidden">${c.spoken}</span>`;

/** The view as a table (a real one: a screen reader can move by row and column), with the rate's change. */
export function renderDistribution(v: DistributionView, t: ShapeMessages, langOf: (s: Shown) => string | typeof nothing): TemplateResult {
  const g = t.grades;
  return html`<table class="distribution" part="distribution">
      <caption>${v.caption}</caption>
      <thead>
        <tr>
          <th scope="col">${g.grade}</th><th scope="col">${v.current}</th><th scope="col">${g.share}</th>
          ${v.base ? html`<th scope="col">${v.base}</th><th scope="col">${g.change}</th>` : nothing}
        </tr>
      </thead>
      <tbody>
        ${v.rows.map(
          (r) => html`<tr>
            <th scope="row"><span class="swatch tone-${r.tone}" aria-hidden="true"></span><span lang=${langOf(r.grade)}>${r.grade.text}</span></th>
            <td>${r.count}</td><td>${r.share}</td>
            ${v.base ? html`<td>${r.before ?? ''}</td><td>${r.change ? changeCell(r.change) : ''}</td>` : nothing}
          </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">${g.total}</th><td>${v.total.count}</td><td>${formatPercent(1000, t.lang)}</td>
          ${v.base ? html`<td>${v.total.before ?? ''}</td><td>${v.total.change ? changeCell(v.total.change) : ''}</td>` : nothing}
        </tr>
      </tfoot>
    </table>
    ${v.rateChange ? html`<p class="change" part="change"><span aria-hidden="true">${v.rateChange.text}</span><span class="visually-hidden">${v.rateChange.spoken}</span></p>` : nothing}
    ${v.baseNote
      ? html`<p class="note" part="note">${v.baseNote.editorial ? html`<b>${t.context.editorialNote}</b>` : nothing}<span lang=${langOf(v.baseNote)}>${v.baseNote.text}</span></p>`
      : nothing}
    ${v.countsNote ? html`<p class="note" part="note">${v.countsNote}</p>` : nothing}
    <p class="note" part="note">${v.derivedNote}</p>`;
}
