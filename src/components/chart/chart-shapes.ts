/**
 * Charts of the report shapes beyond a rate: a scale's distribution over the years (stacked bars of counts by
 * grade, one bar per snapshot) and an indicator's actual values against its baseline and target (a line with two
 * reference lines). Each with the same figures as a table. Pure, like `chart-data.ts`.
 */
import { formatDate } from '../../data/format-dates.js';
import { formatCount, formatFiscalYear, formatNumber, formatPercent, text, unitText } from '../../data/format.js';
import type { PlanNode, ScaleModel } from '../../data/model.js';
import { rateTenths, STATUS_SCALE } from '../../data/rollup.js';
import { snapshots, type Snapshot } from '../../data/snapshots.js';
import { messages, type Lang } from '../../i18n/index.js';
import type { ShapeMessages } from '../../i18n/shape-messages.js';
import { talliedNote } from '../progress/distribution.js';
import { asOfOf, gradeText, scaleName } from '../shared/grades.js';
import type { ChartModel, ShapeOptions, Tone } from './chart-data.js';

/** The snapshots with complete counts on `scale`; an undated current count stands for "now" when nothing is dated. */
function dated(o: ShapeOptions, node: PlanNode, scale: ScaleModel): Snapshot[] {
  const out = snapshots(o.plan, node).filter((s) => s.progress.byScale.get(scale.id)?.complete);
  if (!out.length && node.progress?.byScale.get(scale.id)?.complete) {
    out.push({ fiscalYear: undefined, asOf: asOfOf(o.plan, node), progress: node.progress, current: true });
  }
  return out;
}

export function hasDistribution(o: ShapeOptions, node: PlanNode): boolean {
  return !!o.scale && dated(o, node, o.scale).some((s) => s.progress.total > 0);
}

export function indicatorOf(o: ShapeOptions, node: PlanNode) {
  const ind = node.indicators[o.indicator ?? 0];
  return ind && (ind.data.actuals?.length || ind.data.baseline || ind.data.target) ? ind : undefined;
}

/** A snapshot's name in the table and in words: its fiscal year with the date it is as of (「平成25年度（2014年3月31日現在）」). */
function snapshotLabel(s: Snapshot, lang: Lang, m: ShapeMessages): string {
  const date = s.asOf ? formatDate(s.asOf, lang) : '';
  return s.fiscalYear !== undefined || date ? m.grades.snapshot(s.fiscalYear === undefined ? '' : formatFiscalYear(s.fiscalYear, lang), date) : m.chart.current;
}

/**
 * What a table of counts by grade says of its figures, as `<kdx-progress>` says it: where the counts come from when
 * the widget added them up (`counted`: the counts are the node's current ones), and that the shares are calculated.
 */
function countsNote(node: PlanNode, scale: ScaleModel, counted: boolean, lang: Lang, m: ShapeMessages): string {
  const derived = m.grades.derived(false);
  const tallied = counted && talliedNote(node, scale, lang, m);
  return tallied ? m.provenance.sentences([tallied, derived]) : derived;
}

/**
 * A doughnut's parts on a scale of the plan's own: its grades written out with their definitions; its label with
 * the date the counts are as of, as `<kdx-progress>` words it, and its note.
 */
export function scaleParts(o: ShapeOptions, node: PlanNode, lang: Lang, m: ShapeMessages) {
  const scale = o.scale!;
  const d = scale.id !== STATUS_SCALE ? node.progress?.byScale.get(scale.id) : undefined;
  if (!d?.complete) return undefined;
  const asOf = asOfOf(o.plan, node);
  return {
    label: m.grades.snapshot(m.chart.scaleLabel(text(node.title, lang), scaleName(scale, lang, m).text), asOf ? formatDate(asOf, lang) : ''),
    note: countsNote(node, scale, true, lang, m),
    parts: d.counts.map(({ grade, count }) => {
      const g = scale.grade(grade)!;
      return { label: gradeText(g, lang, m).text, count, tone: (g.tone ?? 'neutral') as Tone, derived: false };
    }),
  };
}

export function distributionModel(o: ShapeOptions, node: PlanNode, lang: Lang, m: ShapeMessages): ChartModel {
  const t = messages(lang);
  const scale = o.scale!;
  const points = dated(o, node, scale).filter((s) => s.progress.total > 0);
  // The axis names each bar by its year alone (it is narrow); the table, the words and the tooltips by year and date.
  const named = points.map((s) => snapshotLabel(s, lang, m));
  const labels = points.map((s, i) => (s.fiscalYear === undefined ? named[i]! : formatFiscalYear(s.fiscalYear, lang)));
  const label = m.chart.distributionLabel(text(node.title, lang), scaleName(scale, lang, m).text);
  const grades = scale.grades.map((g) => gradeText(g, lang, m).text);
  const counts = points.map((s) => s.progress.byScale.get(scale.id)!.counts.map((c) => c.count));
  const said = points.map((s, i) => counts[i]!.map((n) => t.chart.part(formatCount(n, lang), formatPercent(rateTenths(n, s.progress.total)!, lang))));
  // The counts of a snapshot of history are the report's; only the current ones may have been added up here.
  const note = countsNote(node, scale, points.some((s) => s.current), lang, m);
  return {
    type: 'distribution',
    label,
    summary: [t.list(named.map((l, i) => m.chart.snapshotParts(l, t.list(grades.map((g, j) => `${g} ${said[i]![j]}`))))), note].reduce(t.chart.summary, label),
    labels,
    values: points.map((s) => s.progress.total),
    valueTexts: points.map((s) => formatCount(s.progress.total, lang)),
    tooltips: named,
    note,
    tones: points.map(() => 'accent'),
    series: scale.grades.map((g, j) => ({
      label: grades[j]!,
      values: counts.map((c) => c[j]!),
      valueTexts: counts.map((c) => formatCount(c[j]!, lang)),
      tooltips: said.map((s) => s[j]!),
      tone: (g.tone ?? 'neutral') as Tone,
    })),
    table: {
      caption: label,
      columns: [t.chart.fiscalYear, ...grades, t.chart.sum],
      rows: points.map((s, i) => ({ header: named[i]!, cells: [...said[i]!, formatCount(s.progress.total, lang)] })),
    },
  };
}

export function indicatorChartModel(o: ShapeOptions, node: PlanNode, lang: Lang, m: ShapeMessages): ChartModel {
  const t = messages(lang);
  const ind = indicatorOf(o, node)!;
  const d = ind.data;
  const unit = unitText(d.unit, lang);
  const amount = (n: number) => t.card.amount(formatNumber(n, lang), unit);
  const actuals = [...(d.actuals ?? [])].sort((a, b) => a.fiscalYear - b.fiscalYear);
  // The years on the axis: the baseline's, every actual's, the target's.
  const years = [...new Set([d.baseline?.fiscalYear, ...actuals.map((a) => a.fiscalYear), d.target?.fiscalYear].filter((y): y is number => y !== undefined))].sort((a, b) => a - b);
  const labels = years.map((y) => formatFiscalYear(y, lang));
  const byYear = new Map(actuals.map((a) => [a.fiscalYear, a.value]));
  const withYear = (name: string, fy: number | undefined) => (fy === undefined ? name : m.indicator.withYear(name, formatFiscalYear(fy, lang)));
  // A value measured on a date of its own (待機児童数 on 1 April) says so: 「0人（2024年4月1日現在）」.
  const value = (v: { value: number; asOf?: string | undefined }) => m.grades.snapshot(amount(v.value), v.asOf ? formatDate(v.asOf, lang) : '');
  const rows: Array<{ header: string; cells: string[] }> = [];
  if (d.baseline) rows.push({ header: withYear(m.indicator.baseline, d.baseline.fiscalYear), cells: [value(d.baseline)] });
  for (const a of actuals) rows.push({ header: withYear(m.indicator.actual, a.fiscalYear), cells: [value(a)] });
  if (d.target) rows.push({ header: withYear(m.indicator.target, d.target.fiscalYear), cells: [value(d.target)] });
  const label = m.chart.indicatorLabel(text(node.title, lang), text(d.label, lang));
  const line = (name: string, value: number | undefined, tone: Tone) =>
    value === undefined ? [] : [{ label: name, values: years.map(() => value), valueTexts: years.map(() => ''), tooltips: years.map(() => amount(value)), tone, dashed: true }];
  const values = years.map((y) => byYear.get(y) ?? null);
  const texts = years.map((y) => (byYear.has(y) ? amount(byYear.get(y)!) : ''));
  // On the canvas the number alone: the value axis is titled with the unit (「18」 on an axis of 人, not 「18人」).
  const numbers = values.map((v) => (v === null ? '' : formatNumber(v, lang)));
  return {
    type: 'indicator',
    label,
    summary: t.chart.summary(label, t.list(rows.map((r) => m.chart.indicatorPoint(r.header, r.cells[0]!)))),
    labels,
    values: values as number[],
    valueTexts: numbers,
    tooltips: texts,
    tones: years.map(() => 'accent'),
    series: [
      { label: m.indicator.actual, values, valueTexts: texts, tooltips: texts, tone: 'accent' },
      ...line(m.indicator.baseline, d.baseline?.value, 'neutral'),
      ...line(m.indicator.target, d.target?.value, 'success'),
    ],
    unit,
    table: { caption: label, columns: [t.chart.category, m.indicator.value], rows },
  };
}
