/**
 * The card's grades and indicators: each grade written out with how it was reached (stated by the report, or
 * computed by the scale's rule, and from what), and each indicator's baseline → target with their years, its
 * actual values per year and its unit.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate } from '../../data/format-dates.js';
import { formatFiscalYear, formatNumber, formatPercent, formatSignedPercent, unitText } from '../../data/format.js';
import type { IndicatorData } from '../../data/bundle.js';
import type { IndicatorModel, PlanNode, ShownGrade } from '../../data/model.js';
import { STATUS_SCALE } from '../../data/rollup.js';
import type { Lang, Messages } from '../../i18n/index.js';
import type { ShapeMessages } from '../../i18n/shape-messages.js';
import { marked, type LangOf } from '../shared/editorial.js';
import { gradeText, scaleName } from '../shared/grades.js';
import { shown, type Shown } from '../shared/shown.js';

type YearValue = NonNullable<IndicatorData['baseline']>;
type Tone = 'success' | 'info' | 'warning' | 'danger' | 'neutral';

export interface GradeLine {
  scale: Shown;
  grade: Shown;
  tone: Tone;
  /** 「報告書の評価」 / 「評価基準による計算」. */
  source: string;
}

export interface IndicatorView {
  label: Shown;
  values: Array<{ name: string; value: string }>;
  /** Actual values by year, when there are several. */
  actuals: Array<{ year: string; value: string }>;
  direction: string | undefined;
  grade: GradeLine | undefined;
  /** How the rule reached (or did not reach) its grade, or what it gives where the report states another. */
  explanation: string | undefined;
  notes: Shown[];
}

function gradeLine(g: ShownGrade, lang: Lang, t: ShapeMessages): GradeLine {
  return { scale: scaleName(g.scale, lang, t), grade: gradeText(g.grade, lang, t), tone: g.grade.tone ?? 'neutral', source: t.grades.source[g.source] };
}

/** The node's grades on the plan's own scales (its status has a line of its own). */
export function gradeLines(node: PlanNode, lang: Lang, t: ShapeMessages): GradeLine[] {
  // A grade that is the node's one indicator's is shown with that indicator, and how it was reached.
  const fromIndicator = new Set(node.indicators.map((i) => i.grade));
  return [...node.grades.values()].filter((g) => g.scale.id !== STATUS_SCALE && !fromIndicator.has(g)).map((g) => gradeLine(g, lang, t));
}

function explain(ind: IndicatorModel, lang: Lang, t: ShapeMessages): string | undefined {
  const e = ind.evaluation;
  if (!e) return undefined;
  const computed = e.gradeData && gradeText(e.gradeData, lang, t).text;
  // A stated grade is shown as stated; the rule's result is said only where it differs.
  if (ind.declared) return computed && e.grade !== ind.declared.id ? t.indicator.differs(computed) : undefined;
  if (e.missing) return t.indicator.missing[e.missing];
  if (!e.measure || !e.actual) return undefined;
  const { kind, tenths } = e.measure;
  // A change is signed (+25.0%); a share of the target or of the way to it is not. Where lower is better the rule
  // tests the change with its sign turned; the card shows the change the values show, and what it means there.
  let value = kind === 'change' ? formatSignedPercent(tenths, lang) : formatPercent(tenths, lang);
  if (kind === 'change' && e.direction === 'decrease' && tenths !== 0) {
    value = t.context.lowerIsBetter(formatSignedPercent(-tenths, lang), formatPercent(Math.abs(tenths), lang), tenths > 0);
  }
  return t.indicator.computedFrom(t.indicator.measure[kind], value, formatFiscalYear(e.actual.fiscalYear, lang));
}

export function indicatorViews(node: PlanNode, lang: Lang, base: Messages, t: ShapeMessages): IndicatorView[] {
  return node.indicators.map((ind) => {
    const d = ind.data;
    const unit = unitText(d.unit, lang);
    const amount = (n: number) => base.card.amount(formatNumber(n, lang), unit);
    // A value with its year and, where the data gives one, the date it is as of (a snapshot says when it was taken).
    const withYear = (v: YearValue, fy = v.fiscalYear === undefined ? '' : formatFiscalYear(v.fiscalYear, lang)) =>
      v.asOf ? t.context.withAsOf(amount(v.value), fy, formatDate(v.asOf, lang)) : fy ? t.indicator.withYear(amount(v.value), fy) : amount(v.value);
    const values: IndicatorView['values'] = [];
    if (d.baseline) values.push({ name: t.indicator.baseline, value: withYear(d.baseline) });
    if (d.target) values.push({ name: t.indicator.target, value: withYear(d.target) });
    const actuals = [...(d.actuals ?? [])].sort((a, b) => a.fiscalYear - b.fiscalYear);
    const [only] = actuals;
    if (actuals.length === 1 && only) values.push({ name: t.indicator.actual, value: withYear(only) });
    return {
      label: shown(d.label, lang) ?? { text: t.indicator.heading, lang },
      values,
      // In the table the year is the row's header; the cell has the value and its date.
      actuals: actuals.length > 1 ? actuals.map((a) => ({ year: formatFiscalYear(a.fiscalYear, lang), value: withYear(a, '') })) : [],
      direction: d.direction && t.indicator.direction[d.direction],
      grade: ind.grade && gradeLine(ind.grade, lang, t),
      explanation: explain(ind, lang, t),
      notes: (d.notes ?? []).map((n) => shown(n, lang)).filter((n): n is Shown => n !== null),
    };
  });
}

export function renderGrade(g: GradeLine, t: ShapeMessages, langOf: LangOf, explanation?: string): TemplateResult {
  return html`<p class="grade" part="grade">
    <span lang=${langOf(g.scale)}>${g.scale.text}</span>:
    <span class="status-value badge tone-${g.tone}"
      ><span class="dot" aria-hidden="true"></span><span lang=${langOf(g.grade)}>${g.grade.text}</span></span
    >
    <span class="grade-source">${t.grades.sourced(g.source, explanation ?? '')}</span>
  </p>`;
}

export function renderIndicator(v: IndicatorView, base: Messages, t: ShapeMessages, langOf: LangOf, note: (n: Shown) => TemplateResult): TemplateResult {
  return html`<div class="indicator" part="indicator">
    <p class="indicator-head"><span class="flag">${t.indicator.heading}</span> <span class="target-label">${marked(v.label, langOf, t.context.editorial)}</span></p>
    ${v.direction ? html`<p class="indicator-direction">${v.direction}</p>` : nothing}
    ${v.values.length
      ? html`<dl class="target-values">
          ${v.values.map((x) => html`<div><dt>${x.name}</dt> <dd>${x.value}</dd></div>`)}
        </dl>`
      : nothing}
    ${v.actuals.length
      ? html`<table class="actuals">
          <caption>${t.indicator.actuals}</caption>
          <thead><tr><th scope="col">${t.indicator.fiscalYear}</th><th scope="col">${t.indicator.actual}</th></tr></thead>
          <tbody>${v.actuals.map((a) => html`<tr><th scope="row">${a.year}</th><td>${a.value}</td></tr>`)}</tbody>
        </table>`
      : nothing}
    ${v.grade ? renderGrade(v.grade, t, langOf, v.explanation) : v.explanation ? html`<p class="grade">${v.explanation}</p>` : nothing}
    ${v.notes.length ? html`<ul class="notes" aria-label=${base.card.notes}>${v.notes.map(note)}</ul>` : nothing}
  </div>`;
}
