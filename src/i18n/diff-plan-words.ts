/**
 * The words for a plan's own fields (`data/diff-fields.ts` → `PLAN_SHAPE`): its texts and dates, its promotion
 * structure and kinds, related plans, its scales (each grade, the rule), its revisions (the period, the items added
 * and removed with their reasons). The types and the words shared with the bundle and items: `diff-words.ts`.
 */
import type { PlanData, Text } from '../data/bundle.js';
import type { Labels, PLAN_SHAPE } from '../data/diff-fields.js';
import { formatDate, formatPeriod } from '../data/format-dates.js';
import { formatNumber, text } from '../data/format.js';
import { aside, N, parts, quote, series, type Name } from './diff-text.js';
import { ACHIEVED, date, flag, NOTES, plain, PROGRESS, quoted, TONE, UNCONFIRMED, type LeafWords, type W } from './diff-words.js';
import type { Lang } from './messages.js';

type Plan = typeof PLAN_SHAPE;
type Scale = NonNullable<PlanData['scales']>[number];
type Revision = NonNullable<PlanData['revisions']>[number];

const RULE_MEASURE = { attainment: N('目標値に対する達成率', 'attainment of the target'), progress: N('目標への進捗率', 'progress towards the target'), change: N('基準値からの変化率', 'change on the baseline') };
const RULE_BOUNDS = [
  ['atLeast', N('%以上', '≥')],
  ['above', N('%超', '>')],
  ['atMost', N('%以下', '≤')],
  ['below', N('%未満', '<')],
] as const;

/** 「S（目標への進捗率 100%以上）、…、C、値がないとき −」 / "S (progress towards the target ≥ 100%), …, C; − when values are missing". */
function rule(r: NonNullable<Scale['rule']>, lang: Lang, labels: Labels): string {
  const grade = (id: string) => (labels[id] === undefined ? id : text(labels[id], lang));
  const steps = r.steps.map((s) => {
    const bounds = RULE_BOUNDS.flatMap(([k, w]) => (s[k] === undefined ? [] : [lang === 'ja' ? `${formatNumber(s[k], lang)}${w.ja}` : `${w.en} ${formatNumber(s[k], lang)}%`]));
    const test = s.measure ? `${RULE_MEASURE[s.measure][lang]} ${parts(bounds, lang)}`.trim() : '';
    return `${grade(s.grade)}${aside(test, lang)}`;
  });
  const missing = r.missing === undefined ? '' : lang === 'ja' ? `、値がないとき ${grade(r.missing)}` : `; ${grade(r.missing)} when values are missing`;
  return `${series(steps, lang)}${missing}`;
}

const REVISION_ITEM = (e: { node?: string | undefined; number?: string | undefined; title?: Text | undefined }, lang: Lang) =>
  [e.number, e.title === undefined ? e.node : text(e.title, lang)].filter(Boolean).join(' ');
/** 「K-2 窓口の番号案内システムの導入（完了）」: an item added or removed, with the reason the report gives. */
const REVISION_FULL = (e: { node?: string | undefined; number?: string | undefined; title?: Text | undefined; reason?: Text | undefined }, lang: Lang) =>
  `${REVISION_ITEM(e, lang)}${e.reason ? aside(text(e.reason, lang), lang) : ''}`;
/** A revision's period: 「令和2年度～令和6年度から令和2年度～令和7年度へ」 (the arrow is the diff's). */
const PERIOD: LeafWords<NonNullable<Revision['period']>> = {
  name: N('計画期間の変更', 'change of the period'),
  show: (p, lang) => (lang === 'ja' ? `${formatPeriod(p.before, lang)}から${formatPeriod(p.after, lang)}へ` : `from ${formatPeriod(p.before, lang)} to ${formatPeriod(p.after, lang)}`),
};
/** 「2024年3月「令和6年3月改定」」 / `March 2024 "Revision of March 2024"`. */
const REVISION_LABEL = (r: Revision, lang: Lang) => `${formatDate(r.date, lang)}${r.title ? `${lang === 'ja' ? '' : ' '}${quote(r.title, lang)}` : ''}`;
const REVISION_ITEM_FIELDS = { number: plain(N('番号', 'number')), title: { name: N('名称', 'title') }, reason: { name: N('理由', 'reason') } };

export const PLAN_WORDS: W<PlanData, Plan> = {
  name: null,
  fields: {
    id: null,
    title: { name: N('タイトル', 'title') },
    subtitle: { name: N('副題', 'subtitle') },
    summary: { name: N('概要', 'summary') },
    principle: { name: N('基本理念', 'basic principle') },
    principleSummary: { name: N('基本理念の説明', 'basic principle (explanation)') },
    purpose: { name: N('策定の趣旨', 'purpose') },
    period: { name: N('期間', 'period'), show: (v, lang) => formatPeriod(v, lang) },
    periodNote: { name: N('期間の説明', 'period (explanation)') },
    revisionPolicy: { name: N('見直しの方針', 'revision policy') },
    promotion: {
      name: N('推進体制', 'promotion structure'),
      fields: {
        summary: { name: N('説明', 'summary') },
        bodies: { name: N('組織', 'bodies'), one: N('組織', 'body'), label: (b, _, lang) => quote(b.title, lang), entry: { name: null, fields: { title: { name: N('名称', 'name') }, summary: { name: N('説明', 'summary') } } } },
      },
    },
    kinds: {
      name: N('種別の呼び名', 'names of kinds'),
      one: N('種別', 'kind'),
      label: (_, key) => key,
      full: (k, key, lang) => `${key} ${quote(k.label, lang)}`,
      entry: {
        name: null,
        fields: {
          label: { name: N('呼び名', 'name') },
          numberWithLabel: { name: N('番号の表示', 'numbering'), ...flag(N('呼び名に続けて番号（例: 視点1）', 'name and number ("Viewpoint 1")'), N('番号のみ', 'number only')) },
        },
      },
    },
    adopted: date(N('策定', 'adopted')),
    asOf: date(N('時点', 'as of')),
    editor: { name: N('編集', 'editor') },
    source: { name: N('資料', 'source document'), show: (s, lang) => [quoted(s.title, lang), s.url ?? ''].filter(Boolean).join(' ') },
    related: {
      name: N('関連する計画', 'related plans'),
      one: N('関連する計画', 'related plan'),
      label: (r, _, lang) => quote(r.title, lang),
      full: (r, _, lang) => `${quote(r.title, lang)}${aside(parts([r.relation ? text(r.relation, lang) : '', r.date ? formatDate(r.date, lang) : ''].filter(Boolean), lang), lang)}${r.url ? ` ${r.url}` : ''}`,
      entry: {
        name: null,
        fields: { title: { name: N('名称', 'title') }, relation: { name: N('関係', 'relation') }, summary: { name: N('説明', 'summary') }, date: date(N('日付', 'date')), url: plain(N('URL', 'URL')) },
      },
    },
    scales: {
      name: N('評価区分', 'scales'),
      one: N('評価区分', 'scale'),
      label: (s, _, lang) => quote(s.label, lang),
      full: (s, _, lang) => `${quote(s.label, lang)}${aside(series(s.grades.map((g) => text(g.label, lang)), lang), lang)}`,
      entry: {
        name: null,
        fields: {
          id: null,
          label: { name: N('名称', 'name') },
          grades: {
            name: N('区分', 'grades'),
            one: N('区分', 'grade'),
            label: (g, _, lang) => quote(g.label, lang),
            full: (g, _, lang) => `${quote(g.label, lang)}${g.definition ? (lang === 'ja' ? `：${text(g.definition, lang)}` : `: ${text(g.definition, lang)}`) : ''}${g.achieved ? aside(ACHIEVED.show(true, lang), lang) : ''}`,
            entry: {
              name: null,
              fields: { id: null, label: { name: N('表示', 'label') }, definition: { name: N('定義', 'definition') }, achieved: { name: N('達成の扱い', 'counting'), ...ACHIEVED }, unconfirmed: { name: N('数値未確定の扱い', 'figures not yet fixed'), ...UNCONFIRMED }, tone: TONE },
            },
          },
          rateLabel: { name: N('率の呼び名', 'name of the rate') },
          rule: { name: N('評価基準', 'rule'), show: rule },
          notes: NOTES,
        },
      },
    },
    revisions: {
      name: N('見直し', 'revisions'),
      one: N('見直し', 'revision'),
      label: (r: Revision, _, lang) => REVISION_LABEL(r, lang),
      full: (r: Revision, _, lang) => {
        const items = (name: Name, list: Revision['added'] | Revision['removed']) =>
          list?.length ? [`${name[lang]}${lang === 'ja' ? '：' : ': '}${series(list.map((e) => REVISION_FULL(e, lang)), lang)}`] : [];
        const period = r.period ? [`${lang === 'ja' ? '計画期間 ' : 'period '}${PERIOD.show(r.period, lang, {})}`] : [];
        const what = [...period, ...items(N('追加', 'added'), r.added), ...items(N('削除', 'removed'), r.removed)];
        return `${REVISION_LABEL(r, lang)}${aside(what.join(lang === 'ja' ? '／' : '; '), lang)}`;
      },
      entry: {
        name: null,
        fields: {
          date: null,
          title: { name: N('タイトル', 'title') },
          summary: { name: N('概要', 'summary') },
          period: PERIOD,
          added: { name: N('追加した項目', 'items added'), one: N('追加した項目', 'item added'), label: (e, _, lang) => REVISION_ITEM(e, lang), full: (e, _, lang) => REVISION_FULL(e, lang), entry: { name: null, fields: { node: null, ...REVISION_ITEM_FIELDS } } },
          removed: { name: N('削除した項目', 'items removed'), one: N('削除した項目', 'item removed'), label: (e, _, lang) => REVISION_ITEM(e, lang), full: (e, _, lang) => REVISION_FULL(e, lang), entry: { name: null, fields: REVISION_ITEM_FIELDS } },
          notes: NOTES,
        },
      },
    },
    progress: PROGRESS,
    history: null,
    notes: NOTES,
    nodes: null,
  },
};
