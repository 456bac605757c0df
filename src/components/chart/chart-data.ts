/**
 * A node → what a chart shows: labels, values, the words for them (summary, tooltips, value labels) and the same
 * data as a table. Pure: no DOM and no chart.js, so it is tested directly and the canvas and the table can never
 * disagree.
 */
import type { StatusData } from '../../data/bundle.js';
import { formatCount, formatFiscalYear, formatPercent, text } from '../../data/format.js';
import type { PlanNode } from '../../data/model.js';
import type { PlanModel, ScaleModel } from '../../data/model.js';
import { rateTenths, STATUS_SCALE } from '../../data/rollup.js';
import { addMessages, messages, type Lang } from '../../i18n/index.js';
import type { WrongKind } from '../../i18n/messages.js';
import type { Shapes } from '../shared/load-shapes.js';
import { jaChart } from '../../i18n/ja-chart.js';

// The chart's words travel with it (i18n/index.ts): whatever uses this module has them.
addMessages(jaChart);

/** What charts of the report shapes need besides the node: its plan, the scale, which indicator, the shapes chunk. */
export interface ShapeOptions {
  plan: PlanModel;
  scale?: ScaleModel | undefined;
  indicator?: number | undefined;
  /** The shapes chunk, loaded when the bundle has shapes (`load-shapes.ts`). */
  shapes?: Shapes | undefined;
}

export const CHART_TYPES = ['bar', 'doughnut', 'line', 'distribution', 'indicator'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

/** Colour families, read from the host's tokens (`--_<tone>`) when the chart is drawn. */
export type Tone = 'accent' | 'success' | 'info' | 'warning' | 'danger' | 'neutral';

export interface ChartTable {
  caption: string;
  /** Column headers; the first one heads the row headers. */
  columns: string[];
  rows: Array<{ header: string; cells: string[] }>;
  foot?: { header: string; cells: string[] } | undefined;
}

export interface ChartModel {
  type: ChartType;
  /** What the chart shows (「金沢市行政経営プラン：項目ごとの達成率」): title and table caption. */
  label: string;
  /** The canvas's accessible name: the label and every value in words. */
  summary: string;
  /** Full category names (children, parts, fiscal years). */
  labels: string[];
  /** Bar and line: rates in percent (97.4); doughnut: counts. */
  values: number[];
  /** The value drawn next to each bar or point (「97.4%」). */
  valueTexts: string[];
  /** Tooltip body per value (「38/39項目（97.4%）」). */
  tooltips: string[];
  tones: Tone[];
  /** Doughnut: the overall rate, drawn in the middle. */
  centre?: string | undefined;
  /**
   * Says which figures the widget calculated rather than took from the data (the doughnut's remainder; a scale's
   * shares, and counts it added up): under the chart, the table's description.
   */
  note?: string | undefined;
  /** Several datasets: a distribution's grades (stacked), an indicator's actuals, baseline and target. */
  series?: ChartSeries[] | undefined;
  /** The unit of an indicator's values (the axis is in it, not in percent). */
  unit?: string | undefined;
  table: ChartTable;
}

export interface ChartSeries {
  label: string;
  values: Array<number | null>;
  valueTexts: string[];
  tooltips: string[];
  tone: Tone;
  /** A reference line (baseline, target), drawn dashed so that it differs from the data by more than colour. */
  dashed?: boolean | undefined;
}

const toneOf = (s: StatusData | undefined): Tone => s?.tone ?? 'neutral';

/** Children with a rate, in document order. */
function ratedChildren(node: PlanNode): PlanNode[] {
  return node.children.filter((c) => c.progress?.rateTenths != null);
}

/** History points with a rate (a point of counts by grade only has none), by fiscal year. */
function historyOf(node: PlanNode) {
  return (node.data.history ?? [])
    .filter((h): h is typeof h & { achieved: number } => h.total > 0 && h.achieved !== undefined)
    .sort((a, b) => a.fiscalYear - b.fiscalYear);
}

/** Why `type` cannot show `node` (worded by `errorMessage`); `null` when it can. */
export function chartProblem(node: PlanNode, type: ChartType, shapes?: ShapeOptions): WrongKind | null {
  if (type === 'bar') return ratedChildren(node).length ? null : 'chart-no-children';
  if (type === 'line') return historyOf(node).length ? null : 'chart-no-history';
  const code = shapes?.shapes?.code;
  if (type === 'distribution') return code && code.hasDistribution(shapes!, node) ? null : 'chart-no-distribution';
  if (type === 'indicator') return code && code.indicatorOf(shapes!, node) ? null : 'chart-no-indicator';
  return node.progress && node.progress.total > 0 ? null : 'chart-no-progress';
}

/** The chart of `node`. Call only when `chartProblem` returned null. */
export function chartModel(node: PlanNode, type: ChartType, lang: Lang, statuses: ReadonlyMap<string, StatusData>, shapes?: ShapeOptions): ChartModel {
  if (type === 'distribution') return shapes!.shapes!.code.distributionModel(shapes!, node, lang, shapes!.shapes!.m);
  if (type === 'indicator') return shapes!.shapes!.code.indicatorChartModel(shapes!, node, lang, shapes!.shapes!.m);
  if (type === 'doughnut') return doughnutModel(node, lang, statuses, shapes);
  const t = messages(lang);
  const title = text(node.title, lang);
  const points =
    type === 'bar'
      ? ratedChildren(node).map((c) => ({ label: text(c.title, lang), ...c.progress! }))
      : historyOf(node).map((h) => ({ label: formatFiscalYear(h.fiscalYear, lang), unconfirmed: 0, ...h }));
  const rates = points.map((p) => rateTenths(p.achieved, p.total) ?? 0);
  const percents = rates.map((r) => formatPercent(r, lang));
  const labels = points.map((p) => p.label);
  const label = type === 'bar' ? t.chart.barLabel(title) : t.chart.lineLabel(title);
  const withUnconfirmed = points.some((p) => (p.unconfirmed ?? 0) > 0);
  return {
    type,
    label,
    summary: t.chart.summary(label, t.list(labels.map((l, i) => `${l} ${percents[i]}`))),
    labels,
    values: rates.map((r) => r / 10),
    valueTexts: percents,
    tooltips: points.map((p, i) => t.chart.tooltip(formatCount(p.achieved, lang), formatCount(p.total, lang), percents[i]!)),
    tones: points.map(() => 'accent'),
    table: {
      caption: label,
      columns: [
        type === 'bar' ? t.chart.item : t.chart.fiscalYear,
        t.chart.total,
        t.chart.achieved,
        ...(withUnconfirmed ? [t.chart.unconfirmed] : []),
        t.chart.rate,
      ],
      rows: points.map((p, i) => ({
        header: p.label,
        cells: [
          formatCount(p.total, lang),
          formatCount(p.achieved, lang),
          ...(withUnconfirmed ? [formatCount(p.unconfirmed ?? 0, lang)] : []),
          percents[i]!,
        ],
      })),
    },
  };
}

/**
 * The parts of a node's total: by status when the data breaks it down completely, else achieved / not achieved
 * / not yet fixed, where not achieved = total − achieved − unconfirmed (the report counts unconfirmed apart).
 * That remainder is calculated, not stated (124 − 108 − 2 = 14): its label and the chart's note say so.
 */
function parts(node: PlanNode, lang: Lang, statuses: ReadonlyMap<string, StatusData>, shapes?: ShapeOptions) {
  const p = node.progress!;
  const t = messages(lang).chart;
  // A scale of the plan's own (a grade scale): its grades, written out with their definitions.
  const own = shapes?.scale && shapes.shapes?.code.scaleParts(shapes, node, lang, shapes.shapes.m);
  if (own) return own;
  const byStatus = p.byStatus.reduce((s, b) => s + b.count, 0) === p.total ? p.byStatus : [];
  if (byStatus.length) {
    return byStatus.map(({ status, count }) => {
      const s = statuses.get(status);
      return { label: text(s?.label, lang) || status, count, tone: toneOf(s), derived: false };
    });
  }
  const out: Array<{ label: string; count: number; tone: Tone; derived?: boolean }> = [
    { label: t.achieved, count: p.achieved, tone: 'success' },
    { label: t.notAchievedDerived, count: Math.max(0, p.total - p.achieved - p.unconfirmed), tone: 'warning', derived: true },
  ];
  if (p.unconfirmed > 0) {
    // Carried up from the breakdown (p.unconfirmedDerived): its label says so, and the note below.
    out.push({ label: p.unconfirmedDerived ? t.unconfirmedDerived : t.unconfirmed, count: p.unconfirmed, tone: 'neutral' });
  }
  return out;
}

function doughnutModel(node: PlanNode, lang: Lang, statuses: ReadonlyMap<string, StatusData>, shapes?: ShapeOptions): ChartModel {
  const t = messages(lang);
  const p = node.progress!;
  const found = parts(node, lang, statuses, shapes);
  const list = 'parts' in found ? found.parts : found;
  // A scale of the plan's own: its label (with its date) and its note, from the shapes chunk, the note said too.
  const scaled = 'parts' in found ? found : undefined;
  const label = scaled ? scaled.label : t.chart.doughnutLabel(text(node.title, lang));
  // The rate in the middle is the one of the scale drawn (a scale without achieved grades has none).
  const own = shapes?.scale && shapes.scale.id !== STATUS_SCALE && shapes.scale !== shapes.plan.headline ? p.byScale.get(shapes.scale.id) : undefined;
  const centre = own ? own.rateTenths : p.rateTenths;
  const shares = list.map((x) => formatPercent(rateTenths(x.count, p.total) ?? 0, lang));
  const counts = list.map((x) => formatCount(x.count, lang));
  const said = list.map((_, i) => t.chart.part(counts[i]!, shares[i]!));
  const summary = t.chart.summary(label, t.list(list.map((x, i) => `${x.label} ${said[i]}`)));
  return {
    type: 'doughnut',
    label,
    summary: scaled ? t.chart.summary(summary, scaled.note) : summary,
    labels: list.map((x) => x.label),
    values: list.map((x) => x.count),
    valueTexts: counts,
    tooltips: said,
    tones: list.map((x) => x.tone),
    centre: centre == null ? undefined : formatPercent(centre, lang),
    note: scaled ? scaled.note : t.chart.derivedNote(list.some((x) => x.derived), p.unconfirmed > 0, !!p.unconfirmedDerived),
    table: {
      caption: label,
      columns: [t.chart.category, t.chart.count, t.chart.share],
      rows: list.map((x, i) => ({ header: x.label, cells: [counts[i]!, shares[i]!] })),
      foot: { header: t.chart.sum, cells: [formatCount(p.total, lang), formatPercent(1000, lang)] },
    },
  };
}
