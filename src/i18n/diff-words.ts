/**
 * The words for every field the diff compares (`data/diff-fields.ts`), Japanese and English: its name, and how
 * its value reads — texts in the reader's language, numbers through `Intl`, dates and fiscal years as the widgets
 * write them, flags and choices as words, lists entry by entry, links as their label and URL. Typed on the
 * shapes: a field without words here is a type error. A plan's own fields are in `diff-plan-words.ts`.
 */
import type { Bundle, NodeData, Text } from '../data/bundle.js';
import type { BUNDLE_SHAPE, Elem, Labels, NODE_SHAPE } from '../data/diff-fields.js';
import { formatDate } from '../data/format-dates.js';
import { formatFiscalYear, text } from '../data/format.js';
import { amount, aside, N, parts, quote, type Name } from './diff-text.js';
import type { Lang } from './messages.js';

/** A value compared whole: its name, how it reads (`labels`: the names of the ids in it), what its absence means. */
export interface LeafWords<T> {
  name: Name;
  show: (v: T, lang: Lang, labels: Labels) => string;
  /** Where absence is not 「なし」 / "none" (a flag not set, a default). */
  absent?: Name;
}
export interface TextWords {
  name: Name;
}
/** `name` null: the object's fields read on their own (a node's `progress`: 「集計の時点」). */
export interface ObjectWords<F> {
  name: Name | null;
  fields: F;
}
/**
 * A list: its name, what one entry is called, the entry's name in a line (`label`) and, for an entry added or
 * removed, the entry as a whole (`full`, default `label`); `entry`: the words of its fields (null when it is a
 * text or a value: then `label` is what changes).
 */
export interface ListWords<E, W> {
  name: Name;
  one: Name;
  label: (e: E, key: string, lang: Lang) => string;
  full?: (e: E, key: string, lang: Lang) => string;
  entry: W;
}

export type Words<T, S> = S extends 'skip'
  ? null
  : S extends 'text'
    ? TextWords
    : S extends 'value' | { labels: unknown } | { default: unknown }
      ? LeafWords<T>
      : S extends { fields: infer F }
        ? ObjectWords<{ [K in keyof F]: Words<NonNullable<T[K & keyof T]>, F[K]> }>
        : S extends { entry: infer ES }
          ? ListWords<Elem<T>, ES extends 'text' | 'value' ? null : Words<Elem<T>, ES>>
          : S extends { record: infer RS }
            ? ListWords<T[keyof T], Words<T[keyof T], RS>>
            : never;

export type W<T, S> = Words<NonNullable<T>, S>;

const choice = <K extends string>(words: Record<K, Name>) => (v: K, lang: Lang) => words[v][lang];
export const flag = (yes: Name, no: Name) => ({ show: (v: boolean, lang: Lang) => (v ? yes : no)[lang] });
export const date = (name: Name): LeafWords<string> => ({ name, show: (v, lang) => formatDate(v, lang) });
/** As written: a №, a URL. */
export const plain = (name: Name): LeafWords<string> => ({ name, show: (v) => v });
/** An id shown by its label on its side, else as written. */
const labelled = (name: Name): LeafWords<string> => ({ name, show: (v, lang, labels) => (labels[v] === undefined ? v : quote(labels[v], lang)) });
const fiscalYear = (name: Name): LeafWords<number> => ({ name, show: (v, lang) => formatFiscalYear(v, lang) });
export const quoted = (t: Text | undefined, lang: Lang) => (t === undefined ? '' : quote(t, lang));

export const ACHIEVED = flag(N('達成に数える', 'counts as achieved'), N('達成に数えない', 'does not count as achieved'));
export const UNCONFIRMED = flag(N('数値未確定に数える', 'counts as not yet fixed'), N('数値未確定に数えない', 'does not count as not yet fixed'));
export const TONE = {
  name: N('色分け', 'colour'),
  show: choice({ success: N('成功', 'success'), info: N('情報', 'information'), warning: N('注意', 'warning'), danger: N('警告', 'danger'), neutral: N('中立', 'neutral') }),
};
export const NOTES = { name: N('注記', 'notes'), one: N('注記', 'note'), label: (t: Text, _: string, lang: Lang) => quote(t, lang), entry: null };
export const PROGRESS = {
  name: null,
  fields: {
    total: null,
    achieved: null,
    unconfirmed: null,
    byStatus: null,
    byGrade: null,
    asOf: date(N('集計の時点', 'counts as of')),
    fiscalYear: fiscalYear(N('集計年度', 'fiscal year of the counts')),
    comparedWith: {
      name: N('増減の基準', 'changes against'),
      show: (c: { fiscalYear: number; note?: Text | undefined }, lang: Lang) => `${formatFiscalYear(c.fiscalYear, lang)}${c.note ? ` ${quote(c.note, lang)}` : ''}`,
    },
  },
};

export const BUNDLE_WORDS: W<Bundle, typeof BUNDLE_SHAPE> = {
  name: null,
  fields: {
    $schema: null,
    schemaVersion: null,
    publisher: { name: N('発行者', 'publisher'), fields: { name: { name: N('名称', 'name') }, department: { name: N('部署', 'department') }, url: plain(N('URL', 'URL')) } },
    statuses: {
      name: N('状況の語彙', 'status vocabulary'),
      one: N('状況', 'status'),
      label: (s, _, lang) => quote(s.label, lang),
      full: (s, _, lang) => `${quote(s.label, lang)}${aside(parts([ACHIEVED.show(s.achieved, lang), ...(s.unconfirmed ? [UNCONFIRMED.show(true, lang)] : [])], lang), lang)}`,
      entry: {
        name: null,
        fields: { id: null, label: { name: N('表示名', 'label') }, achieved: { name: N('達成の扱い', 'counting'), ...ACHIEVED }, unconfirmed: { name: N('数値未確定の扱い', 'figures not yet fixed'), ...UNCONFIRMED }, tone: TONE },
      },
    },
    plans: null,
  },
};

const INDICATOR_DIRECTION = choice({ increase: N('数値が大きいほど良い', 'higher is better'), decrease: N('数値が小さいほど良い', 'lower is better') });
const REPORTED = { 'carried-out': N('{}に実施', 'carried out in {}'), added: N('{}に追加', 'added in {}') };

export const NODE_WORDS: W<NodeData, typeof NODE_SHAPE> = {
  name: null,
  fields: {
    id: null,
    parent: null,
    kind: labelled(N('種別', 'kind')),
    title: { name: N('タイトル', 'title') },
    summary: { name: N('概要', 'summary') },
    number: plain(N('番号', 'number')),
    page: { name: N('ページ', 'page'), show: (n, lang) => (lang === 'ja' ? `P${n}` : `p. ${n}`) },
    fiscalYear: fiscalYear(N('追加の年度', 'fiscal year added')),
    reported: { name: N('掲載区分', 'listed under'), show: (r, lang) => REPORTED[r.as][lang].replace('{}', formatFiscalYear(r.fiscalYear, lang)) },
    summaryKind: { name: N('概要の種類', 'kind of summary'), show: choice({ result: N('実施内容', 'what was done'), plan: N('取組内容', 'what is planned') }) },
    results: {
      name: N('実績', 'results'),
      one: N('実績', 'result'),
      label: (r, _, lang) => [quoted(r.label, lang), amount(r.value, r.unit, lang)].filter(Boolean).join(' '),
      entry: null,
    },
    alignedWith: {
      name: N('対応する項目', 'corresponds to'),
      one: N('対応する項目', 'corresponding item'),
      label: (a, _, lang) => (a.plan ? quote(a.title, lang, `${text(a.plan, lang)}${lang === 'ja' ? '：' : ': '}${text(a.title, lang)}`) : quote(a.title, lang)),
      entry: null,
    },
    status: null,
    grades: null,
    numericTarget: {
      name: N('数値目標', 'numeric target'),
      show: (t, lang) => {
        const values = [
          ...(t.target === undefined ? [] : [`${lang === 'ja' ? '目標' : 'target'} ${amount(t.target, t.unit, lang)}`]),
          ...(t.actual === undefined ? [] : [`${lang === 'ja' ? '実績' : 'actual'} ${amount(t.actual, t.unit, lang)}`]),
        ];
        return [quoted(t.label, lang), values.length ? parts(values, lang) : lang === 'ja' ? '設定あり（目標値なし）' : 'set (no target value)'].filter(Boolean).join(' ');
      },
    },
    indicators: {
      name: N('指標', 'indicators'),
      one: N('指標', 'indicator'),
      label: (i, _, lang) => quote(i.label, lang),
      entry: {
        name: null,
        fields: {
          label: { name: N('指標名', 'name') },
          unit: { name: N('単位', 'unit') },
          baseline: null,
          target: null,
          actuals: null,
          direction: { name: N('向き', 'direction'), show: INDICATOR_DIRECTION, absent: N('指定なし（基準値と目標値から判断）', 'not given (read from the baseline and target)') },
          scale: labelled(N('評価区分', 'scale')),
          grade: labelled(N('評価（報告書）', 'grade (as stated)')),
          notes: NOTES,
        },
      },
    },
    progress: PROGRESS,
    history: null,
    notes: NOTES,
    link: plain(N('リンク', 'link')),
  },
};
