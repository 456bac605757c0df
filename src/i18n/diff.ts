/**
 * A bundle diff (`data/diff.ts`) in plain words, Japanese or English: one line per change, grouped by plan, for
 * staff to check before they publish. Used by `kdx diff` and the authoring page, never by the widgets (so their
 * pages do not carry it).
 */
import type { BundleDiff, Change, Counts, Figure, GradeRef, ItemRef, PlanRef, SnapshotRef } from '../data/diff.js';
import { formatDate, formatPeriod } from '../data/format-dates.js';
import { formatCount, formatFiscalYear, formatNumber, formatPercent, text, unitText } from '../data/format.js';
import type { Text } from '../data/bundle.js';
import type { Lang } from './messages.js';

const FIELDS: Record<string, { ja: string; en: string }> = {
  title: { ja: 'タイトル', en: 'Title' },
  subtitle: { ja: '副題', en: 'Subtitle' },
  summary: { ja: '概要', en: 'Summary' },
  principle: { ja: '基本理念', en: 'Basic principle' },
  principleSummary: { ja: '基本理念の説明', en: 'Basic principle (explanation)' },
  purpose: { ja: '策定の趣旨', en: 'Purpose' },
  periodNote: { ja: '期間の説明', en: 'Period (explanation)' },
  revisionPolicy: { ja: '見直しの方針', en: 'Revision policy' },
  editor: { ja: '編集', en: 'Editor' },
  period: { ja: '期間', en: 'Period' },
  adopted: { ja: '策定', en: 'Adopted' },
  asOf: { ja: '時点', en: 'As of' },
  number: { ja: '番号', en: 'Number' },
  page: { ja: 'ページ', en: 'Page' },
  kind: { ja: '種別', en: 'Kind' },
  fiscalYear: { ja: '追加の年度', en: 'Fiscal year added' },
  reported: { ja: '掲載区分', en: 'Listed under' },
  summaryKind: { ja: '概要の種類', en: 'Kind of summary' },
  results: { ja: '実績', en: 'Results' },
  alignedWith: { ja: '対応する項目', en: 'Corresponds to' },
  numericTarget: { ja: '数値目標', en: 'Numeric target' },
  history: { ja: '年度ごとの推移', en: 'History by fiscal year' },
  notes: { ja: '注記', en: 'Notes' },
  link: { ja: 'リンク', en: 'Link' },
  source: { ja: '資料', en: 'Source document' },
  related: { ja: '関連する計画', en: 'Related plans' },
  kinds: { ja: '種別の呼び名', en: 'Names of kinds' },
  promotion: { ja: '推進体制', en: 'Promotion structure' },
  name: { ja: '名称', en: 'Name' },
  department: { ja: '部署', en: 'Department' },
  url: { ja: 'URL', en: 'URL' },
  countsYear: { ja: '集計年度', en: 'Fiscal year of the counts' },
  comparedWith: { ja: '増減の基準', en: 'Changes against' },
  'indicator.label': { ja: '指標名', en: 'Indicator' },
  'indicator.unit': { ja: '指標の単位', en: 'Unit of the indicator' },
  'indicator.direction': { ja: '指標の方向', en: 'Direction of the indicator' },
  'indicator.grade': { ja: '指標の評価（報告書）', en: 'Grade of the indicator (as stated)' },
  'indicator.scale': { ja: '指標の区分', en: 'Scale of the indicator' },
  'indicator.notes': { ja: '指標の注記', en: 'Notes on the indicator' },
};

const W = {
  ja: {
    equal: (a: string, b: string) => `違いはありません（${a} と ${b}）。`,
    heading: (a: string, b: string, n: number) => `${a} → ${b}: サイトで変わる点が ${n} 件あります`,
    plan: (p: string, id: string) => `計画「${p}」（${id}）`,
    bundle: 'データ全体',
    planAdded: (p: string, id: string) => `計画を追加: 「${p}」（${id}）`,
    planRemoved: (p: string, id: string) => `計画を削除: 「${p}」（${id}）`,
    added: (i: string) => `追加: ${i}`,
    removed: (i: string) => `削除: ${i}`,
    moved: (i: string, a: string, b: string) => `移動: ${i}（${a} → ${b}）`,
    top: '最上位',
    changed: (field: string, where: string, a: string, b: string) => `${field}: ${where}${a} → ${b}`,
    figure: (where: string, a: string, b: string) => `達成率: ${where}${a} → ${b}`,
    figureOf: (pct: string, a: string, t: string) => `${pct}（${a}/${t}項目）`,
    noFigure: '進捗データなし',
    status: (where: string, a: string, b: string) => `状況: ${where}${a} → ${b}`,
    statuses: '状況の語彙（statuses）が変わります',
    publisher: (field: string) => `発行者の${field}`,
    none: 'なし',
    quote: (s: string) => `「${s}」`,
    reported: { 'carried-out': (fy: string) => `${fy}に実施`, added: (fy: string) => `${fy}に追加` } as Record<string, (fy: string) => string>,
    grade: (label: string, definition: string) => (definition ? `${label}：${definition}` : label),
    computed: (g: string) => `${g}（計算）`,
    scaleLine: (scale: string, where: string, a: string, b: string) => `${scale}: ${where}${a} → ${b}`,
    distribution: (scale: string, where: string, a: string, b: string) => `${scale}の内訳: ${where}${a} → ${b}`,
    counts: (parts: string[]) => parts.join('・'),
    snapshot: (fy: string, where: string, a: string, b: string) => `${fy}の件数: ${where}${a} → ${b}`,
    snapshotOf: (figure: string, counts: string) => (counts ? `${figure}［${counts}］` : figure),
    indicatorField: { baseline: '基準値', target: '目標値', actual: '実績値' } as Record<string, string>,
    indicator: (field: string, where: string, ind: string, a: string, b: string) => `${field}: ${where}${ind} ${a} → ${b}`,
    indicatorAdded: (where: string, ind: string) => `指標を追加: ${where}${ind}`,
    indicatorRemoved: (where: string, ind: string) => `指標を削除: ${where}${ind}`,
    withYear: (name: string, fy: string) => `${name}（${fy}）`,
    revision: { added: '見直しを追加', removed: '見直しを削除', changed: '見直しの内容が変わります' } as Record<string, string>,
    scale: { added: '評価区分を追加', removed: '評価区分を削除', changed: '評価区分の定義が変わります' } as Record<string, string>,
    colon: (a: string, b: string) => `${a}: ${b}`,
  },
  en: {
    equal: (a: string, b: string) => `No differences (${a} and ${b}).`,
    heading: (a: string, b: string, n: number) => `${a} → ${b}: ${n} ${n === 1 ? 'change' : 'changes'} on the site`,
    plan: (p: string, id: string) => `Plan "${p}" (${id})`,
    bundle: 'The bundle',
    planAdded: (p: string, id: string) => `Plan added: "${p}" (${id})`,
    planRemoved: (p: string, id: string) => `Plan removed: "${p}" (${id})`,
    added: (i: string) => `Added: ${i}`,
    removed: (i: string) => `Removed: ${i}`,
    moved: (i: string, a: string, b: string) => `Moved: ${i} (${a} → ${b})`,
    top: 'top level',
    changed: (field: string, where: string, a: string, b: string) => `${field}: ${where}${a} → ${b}`,
    figure: (where: string, a: string, b: string) => `Achievement rate: ${where}${a} → ${b}`,
    figureOf: (pct: string, a: string, t: string) => `${pct} (${a}/${t} items)`,
    noFigure: 'no progress data',
    status: (where: string, a: string, b: string) => `Status: ${where}${a} → ${b}`,
    statuses: 'The status vocabulary (statuses) changes',
    publisher: (field: string) => `Publisher's ${field.toLowerCase()}`,
    none: 'none',
    quote: (s: string) => `"${s}"`,
    reported: { 'carried-out': (fy: string) => `carried out in ${fy}`, added: (fy: string) => `added in ${fy}` } as Record<string, (fy: string) => string>,
    grade: (label: string, definition: string) => (definition ? `${label}: ${definition}` : label),
    computed: (g: string) => `${g} (computed)`,
    scaleLine: (scale: string, where: string, a: string, b: string) => `${scale}: ${where}${a} → ${b}`,
    distribution: (scale: string, where: string, a: string, b: string) => `${scale} breakdown: ${where}${a} → ${b}`,
    counts: (parts: string[]) => parts.join(', '),
    snapshot: (fy: string, where: string, a: string, b: string) => `Counts of ${fy}: ${where}${a} → ${b}`,
    snapshotOf: (figure: string, counts: string) => (counts ? `${figure} [${counts}]` : figure),
    indicatorField: { baseline: 'Baseline', target: 'Target', actual: 'Actual' } as Record<string, string>,
    indicator: (field: string, where: string, ind: string, a: string, b: string) => `${field}: ${where}${ind} ${a} → ${b}`,
    indicatorAdded: (where: string, ind: string) => `Indicator added: ${where}${ind}`,
    indicatorRemoved: (where: string, ind: string) => `Indicator removed: ${where}${ind}`,
    withYear: (name: string, fy: string) => `${name} (${fy})`,
    revision: { added: 'Revision added', removed: 'Revision removed', changed: 'Revision changed' } as Record<string, string>,
    scale: { added: 'Scale added', removed: 'Scale removed', changed: 'The definition of a scale changes' } as Record<string, string>,
    colon: (a: string, b: string) => `${a}: ${b}`,
  },
};

function gradeLabel(g: GradeRef | null, lang: Lang): string {
  const w = W[lang];
  if (!g) return w.none;
  const t = w.grade(text(g.label, lang), text(g.definition, lang));
  return g.source === 'computed' ? w.computed(t) : t;
}

function countsText(c: Counts | null, lang: Lang): string {
  const w = W[lang];
  return c ? w.counts(c.map((x) => `${text(x.grade, lang)} ${formatCount(x.count, lang)}`)) : w.none;
}

function snapshotText(s: SnapshotRef | null, lang: Lang): string {
  const w = W[lang];
  if (!s) return w.none;
  const counts = s.counts.map((c) => (s.counts.length > 1 ? w.colon(text(c.scale, lang), countsText(c.counts, lang)) : countsText(c.counts, lang)));
  return w.snapshotOf(figureText(s.figure, lang), counts.join(lang === 'ja' ? '／' : '; '));
}

const isText = (v: unknown): v is Text => typeof v === 'string' || (!!v && typeof v === 'object' && typeof (v as { ja?: unknown }).ja === 'string');

/** An item as staff know it: 「R6-7 公用車給油事務へのクレジットカードの導入」. */
export function itemLabel(item: ItemRef, lang: Lang): string {
  const title = text(item.title, lang) || item.id;
  return item.number ? `${item.number} ${title}` : title;
}

/** Long texts: the stretch around the first difference, so that the line says what changed. */
function excerpt(a: string, b: string, max = 60): [string, string] {
  if (a.length <= max && b.length <= max) return [a, b];
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 15);
  const cut = (s: string) => `${from > 0 ? '…' : ''}${s.slice(from, from + max - 15)}${s.length > from + max - 15 ? '…' : ''}`;
  return [cut(a), cut(b)];
}

function value(v: unknown, field: string, lang: Lang): string {
  const w = W[lang];
  if (v === null || v === undefined) return w.none;
  if (field === 'period' && typeof v === 'object' && 'from' in v && 'to' in v) return formatPeriod(v as { from: number; to: number }, lang);
  if ((field === 'adopted' || field === 'asOf') && typeof v === 'string') return formatDate(v, lang);
  if (field === 'countsYear' && typeof v === 'number') return formatFiscalYear(v, lang);
  if (field === 'comparedWith' && typeof v === 'object' && 'fiscalYear' in v) {
    const c = v as { fiscalYear: number; note?: Text };
    return c.note ? `${formatFiscalYear(c.fiscalYear, lang)} ${w.quote(text(c.note, lang))}` : formatFiscalYear(c.fiscalYear, lang);
  }
  if (isText(v)) return w.quote(text(v, lang));
  if (field === 'fiscalYear' && typeof v === 'number') return formatFiscalYear(v, lang);
  if (field === 'reported' && typeof v === 'object' && 'as' in v) {
    const r = v as { as: string; fiscalYear: number };
    return w.reported[r.as]?.(formatFiscalYear(r.fiscalYear, lang)) ?? r.as;
  }
  if (Array.isArray(v) && v.every(isText)) return v.length ? v.map((t) => w.quote(text(t, lang))).join(lang === 'ja' ? '、' : ', ') : w.none;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

function figureText(f: Figure | null, lang: Lang): string {
  const w = W[lang];
  if (!f || f.rateTenths === null) return w.noFigure;
  return w.figureOf(formatPercent(f.rateTenths, lang), formatCount(f.achieved, lang), formatCount(f.total, lang));
}

/** One change as a line (without the plan it belongs to). */
export function describeChange(c: Change, lang: Lang): string {
  const w = W[lang];
  const fieldName = (f: string) => FIELDS[f]?.[lang] ?? f;
  const where = (item: ItemRef | null) => (item ? `${itemLabel(item, lang)} ` : '');
  switch (c.kind) {
    case 'plan-added':
      return w.planAdded(text(c.plan.title, lang), c.plan.id);
    case 'plan-removed':
      return w.planRemoved(text(c.plan.title, lang), c.plan.id);
    case 'item-added':
      return w.added(itemLabel(c.item, lang));
    case 'item-removed':
      return w.removed(itemLabel(c.item, lang));
    case 'item-moved':
      return w.moved(itemLabel(c.item, lang), c.before ? itemLabel(c.before, lang) : w.top, c.after ? itemLabel(c.after, lang) : w.top);
    case 'text': {
      const [before, after] = [c.before === null ? '' : text(c.before, lang), c.after === null ? '' : text(c.after, lang)];
      // A title is shown whole, and its item by № (or id) alone: the line then names it once, old and new.
      const title = c.field === 'title';
      const [a, b] = title ? [before, after] : excerpt(before, after);
      const at = c.item && title ? `${c.item.number ?? c.item.id} ` : where(c.item);
      return w.changed(fieldName(c.field), at, c.before === null ? w.none : w.quote(a), c.after === null ? w.none : w.quote(b));
    }
    case 'value':
      return w.changed(fieldName(c.field), where(c.item), value(c.before, c.field, lang), value(c.after, c.field, lang));
    case 'figure':
      return w.figure(c.item ? where(c.item) : `${text(c.plan.title, lang)} `, figureText(c.before, lang), figureText(c.after, lang));
    case 'status':
      return w.status(where(c.item), c.before === null ? w.none : text(c.before, lang), c.after === null ? w.none : text(c.after, lang));
    case 'grade':
      return w.scaleLine(text(c.scale, lang), where(c.item), gradeLabel(c.before, lang), gradeLabel(c.after, lang));
    case 'distribution':
      return w.distribution(text(c.scale, lang), c.item ? where(c.item) : `${text(c.plan.title, lang)} `, countsText(c.before, lang), countsText(c.after, lang));
    case 'snapshot':
      return w.snapshot(formatFiscalYear(c.fiscalYear, lang), c.item ? where(c.item) : `${text(c.plan.title, lang)} `, snapshotText(c.before, lang), snapshotText(c.after, lang));
    case 'indicator': {
      const ind = text(c.indicator, lang);
      if (c.field === 'added') return w.indicatorAdded(where(c.item), ind);
      if (c.field === 'removed') return w.indicatorRemoved(where(c.item), ind);
      const unit = unitText(c.unit, lang);
      const amount = (n: number | null, fy?: number | null) => {
        if (n === null) return w.none;
        const v = `${formatNumber(n, lang)}${unit && /^[A-Za-z]/.test(unit) ? ' ' : ''}${unit}`;
        return fy == null ? v : w.withYear(v, formatFiscalYear(fy, lang));
      };
      const name = w.indicatorField[c.field]!;
      const field = c.fiscalYear === undefined ? name : w.withYear(name, formatFiscalYear(c.fiscalYear, lang));
      return w.indicator(field, where(c.item), ind, amount(c.before, c.years?.before), amount(c.after, c.years?.after));
    }
    case 'revision':
      return w.colon(w.revision[c.change]!, [formatDate(c.date, lang), c.title ? text(c.title, lang) : ''].filter(Boolean).join(' '));
    case 'scale':
      return w.colon(w.scale[c.change]!, text(c.scale, lang));
    case 'statuses':
      return w.statuses;
    case 'publisher':
      return w.changed(w.publisher(fieldName(c.field)), '', value(c.before, c.field, lang), value(c.after, c.field, lang));
  }
}

/** The plan a change belongs to, or null for the bundle as a whole (and for added or removed plans). */
function planOf(c: Change): PlanRef | null {
  return 'plan' in c && c.kind !== 'plan-added' && c.kind !== 'plan-removed' ? c.plan : null;
}

/** The changes grouped under their plan (the bundle's own changes under "The bundle"), in order. */
export function diffGroups(diff: BundleDiff, lang: Lang): Array<{ heading: string; lines: string[] }> {
  const w = W[lang];
  const groups: Array<{ heading: string; lines: string[] }> = [];
  for (const c of diff.changes) {
    const p = planOf(c);
    const heading = p ? w.plan(text(p.title, lang), p.id) : w.bundle;
    if (heading !== groups[groups.length - 1]?.heading) groups.push({ heading, lines: [] });
    groups[groups.length - 1]!.lines.push(describeChange(c, lang));
  }
  return groups;
}

/** The heading line of a diff: 「a → b: サイトで変わる点が 3 件あります」, or that there is none. */
export function diffHeading(diff: BundleDiff, lang: Lang, names: { before: string; after: string }): string {
  const w = W[lang];
  return diff.equal ? w.equal(names.before, names.after) : w.heading(names.before, names.after, diff.changes.length);
}

/** The whole diff as lines: a heading, then the changes grouped under their plan. */
export function formatDiff(diff: BundleDiff, lang: Lang, names: { before: string; after: string }): string[] {
  const lines = [diffHeading(diff, lang, names)];
  for (const g of diffGroups(diff, lang)) lines.push('', g.heading, ...g.lines.map((l) => `  ${l}`));
  return lines;
}
