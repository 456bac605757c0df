/**
 * A bundle diff (`data/diff.ts`) in plain words, Japanese or English: one line per change, grouped by plan, for
 * staff to check before they publish. Used by `kdx diff` and the authoring page, never by the widgets (so their
 * pages do not carry it).
 */
import type { BundleDiff, Change, Counts, Figure, GradeRef, ItemRef, PlanRef, SnapshotRef } from '../data/diff.js';
import type { Text } from '../data/bundle.js';
import { formatDate } from '../data/format-dates.js';
import { formatCount, formatFiscalYear, formatPercent, text } from '../data/format.js';
import { describeField } from './diff-fields.js';
import { amount, quote } from './diff-text.js';
import type { Lang } from './messages.js';

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
    renamed: (i: string, a: string, b: string) =>
      `ID の変更: ${i}（ID「${a}」→「${b}」）。node="${a}" の埋め込みは項目が見つからず、代わりに誤りを表示します。node="${b}" に書き換えてください`,
    top: '最上位',
    figure: (where: string, a: string, b: string) => `達成率: ${where}${a} → ${b}`,
    figureOf: (pct: string, a: string, t: string, unconfirmed: string) => `${pct}（${a}/${t}項目${unconfirmed ? `、${unconfirmed}項目は数値未確定` : ''}）`,
    noFigure: '進捗データなし',
    status: (where: string, a: string, b: string) => `状況: ${where}${a} → ${b}`,
    statusScale: '状況',
    none: 'なし',
    grade: (label: string, definition: string) => (definition ? `${label}：${definition}` : label),
    computed: (g: string) => `${g}（計算）`,
    scaleLine: (scale: string, where: string, a: string, b: string) => `${scale}: ${where}${a} → ${b}`,
    distribution: (scale: string, where: string, a: string, b: string) => `${scale}の内訳: ${where}${a} → ${b}`,
    counts: (parts: string[]) => parts.join('・'),
    snapshot: (fy: string, where: string, a: string, b: string) => `${fy}の件数: ${where}${a} → ${b}`,
    snapshotOf: (figure: string, counts: string, asOf: string) => `${figure}${counts ? `［${counts}］` : ''}${asOf ? `（${asOf}現在）` : ''}`,
    indicatorField: { baseline: '基準値', target: '目標値', actual: '実績値' },
    indicator: (field: string, where: string, ind: string, a: string, b: string) => `${field}: ${where}${ind} ${a} → ${b}`,
    withYear: (name: string, fy: string) => `${name}（${fy}）`,
    asOf: (date: string) => `${date}現在`,
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
    renamed: (i: string, a: string, b: string) =>
      `Id changed: ${i} (id "${a}" → "${b}"). Embeds with node="${a}" will not find the item and show an error in its place: change them to node="${b}"`,
    top: 'top level',
    figure: (where: string, a: string, b: string) => `Achievement rate: ${where}${a} → ${b}`,
    figureOf: (pct: string, a: string, t: string, unconfirmed: string) => `${pct} (${a}/${t} items${unconfirmed ? `, ${unconfirmed} not yet fixed` : ''})`,
    noFigure: 'no progress data',
    status: (where: string, a: string, b: string) => `Status: ${where}${a} → ${b}`,
    statusScale: 'Status',
    none: 'none',
    grade: (label: string, definition: string) => (definition ? `${label}: ${definition}` : label),
    computed: (g: string) => `${g} (computed)`,
    scaleLine: (scale: string, where: string, a: string, b: string) => `${scale}: ${where}${a} → ${b}`,
    distribution: (scale: string, where: string, a: string, b: string) => `${scale} breakdown: ${where}${a} → ${b}`,
    counts: (parts: string[]) => parts.join(', '),
    snapshot: (fy: string, where: string, a: string, b: string) => `Counts of ${fy}: ${where}${a} → ${b}`,
    snapshotOf: (figure: string, counts: string, asOf: string) => `${figure}${counts ? ` [${counts}]` : ''}${asOf ? ` (as of ${asOf})` : ''}`,
    indicatorField: { baseline: 'Baseline', target: 'Target', actual: 'Actual' },
    indicator: (field: string, where: string, ind: string, a: string, b: string) => `${field}: ${where}${ind} ${a} → ${b}`,
    withYear: (name: string, fy: string) => `${name} (${fy})`,
    asOf: (date: string) => `as of ${date}`,
    colon: (a: string, b: string) => `${a}: ${b}`,
  },
};

function gradeLabel(g: GradeRef | null, lang: Lang): string {
  const w = W[lang];
  if (!g) return w.none;
  const t = w.grade(text(g.label, lang), text(g.definition, lang));
  return g.source === 'computed' ? w.computed(t) : t;
}

const scaleName = (scale: Text | null, lang: Lang) => (scale === null ? W[lang].statusScale : text(scale, lang));

function countsText(c: Counts | null, lang: Lang): string {
  const w = W[lang];
  return c ? w.counts(c.map((x) => `${text(x.grade, lang)} ${formatCount(x.count, lang)}`)) : w.none;
}

/** `dated`: with its as-of date (where the date is what moves). */
function snapshotText(s: SnapshotRef | null, lang: Lang, dated: boolean): string {
  const w = W[lang];
  if (!s) return w.none;
  const counts = s.counts.map((c) => (s.counts.length > 1 ? w.colon(scaleName(c.scale, lang), countsText(c.counts, lang)) : countsText(c.counts, lang)));
  return w.snapshotOf(figureText(s.figure, lang), counts.join(lang === 'ja' ? '／' : '; '), dated && s.asOf ? formatDate(s.asOf, lang) : '');
}

/** An item as staff know it: 「R6-7 公用車給油事務へのクレジットカードの導入」. */
export function itemLabel(item: ItemRef, lang: Lang): string {
  const title = text(item.title, lang) || item.id;
  return item.number ? `${item.number} ${title}` : title;
}

function figureText(f: Figure | null, lang: Lang): string {
  const w = W[lang];
  if (!f || f.rateTenths === null) return w.noFigure;
  return w.figureOf(formatPercent(f.rateTenths, lang), formatCount(f.achieved, lang), formatCount(f.total, lang), f.unconfirmed ? formatCount(f.unconfirmed, lang) : '');
}

/** One change as a line (without the plan it belongs to). */
export function describeChange(c: Change, lang: Lang): string {
  const w = W[lang];
  const where = (item: ItemRef | null) => (item ? `${itemLabel(item, lang)} ` : '');
  const whereOrPlan = (c: { item: ItemRef | null; plan: PlanRef }) => (c.item ? where(c.item) : `${text(c.plan.title, lang)} `);
  switch (c.kind) {
    case 'plan-added':
      return w.planAdded(text(c.plan.title, lang), c.plan.id);
    case 'plan-removed':
      return w.planRemoved(text(c.plan.title, lang), c.plan.id);
    case 'item-added':
      return w.added(itemLabel(c.item, lang));
    case 'item-removed':
      return w.removed(itemLabel(c.item, lang));
    case 'item-renamed':
      return w.renamed(itemLabel(c.item, lang), c.before.id, c.after.id);
    case 'item-moved':
      return w.moved(itemLabel(c.item, lang), c.before ? itemLabel(c.before, lang) : w.top, c.after ? itemLabel(c.after, lang) : w.top);
    case 'field': {
      // An item's title is shown whole, the item by № (or id) alone: the line names it once, old and new.
      const title = c.item && c.path.length === 1 && c.path[0]!.field === 'title';
      return describeField(c, lang, title ? `${c.item!.number ?? c.item!.id} ` : where(c.item));
    }
    case 'figure':
      return w.figure(whereOrPlan(c), figureText(c.before, lang), figureText(c.after, lang));
    case 'status':
      return w.status(where(c.item), c.before === null ? w.none : text(c.before, lang), c.after === null ? w.none : text(c.after, lang));
    case 'grade':
      return w.scaleLine(text(c.scale, lang), where(c.item), gradeLabel(c.before, lang), gradeLabel(c.after, lang));
    case 'distribution':
      return w.distribution(scaleName(c.scale, lang), whereOrPlan(c), countsText(c.before, lang), countsText(c.after, lang));
    case 'snapshot': {
      const dated = c.before?.asOf !== c.after?.asOf;
      return w.snapshot(formatFiscalYear(c.fiscalYear, lang), whereOrPlan(c), snapshotText(c.before, lang, dated), snapshotText(c.after, lang, dated));
    }
    case 'indicator': {
      const ind = quote(c.indicator, lang);
      // Its year where the years are given, its date where the dates differ.
      const dated = c.dates.before !== c.dates.after;
      const value = (n: number | null, fy: number | null | undefined, date: string | null) => {
        if (n === null) return w.none;
        const when = [fy == null ? '' : formatFiscalYear(fy, lang), dated && date ? w.asOf(formatDate(date, lang)) : ''].filter(Boolean);
        return when.length ? w.withYear(amount(n, c.unit, lang), when.join(lang === 'ja' ? '、' : ', ')) : amount(n, c.unit, lang);
      };
      const name = w.indicatorField[c.field];
      const field = c.fiscalYear === undefined ? name : w.withYear(name, formatFiscalYear(c.fiscalYear, lang));
      return w.indicator(field, where(c.item), ind, value(c.before, c.years?.before, c.dates.before), value(c.after, c.years?.after, c.dates.after));
    }
  }
}

/** The plan a change belongs to, or null for the bundle as a whole (and for added or removed plans). */
function planOf(c: Change): PlanRef | null {
  return c.kind !== 'plan-added' && c.kind !== 'plan-removed' ? c.plan : null;
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
