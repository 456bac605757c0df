/**
 * The Japanese catalogue every page carries: what the base element, the progress meter and the card (whose words
 * the overview and the report shapes share) say. The staff's detail of a problem (\`ja-detail.ts\`) loads when a
 * problem is shown; the tree's, the chart's and the overview's words travel with their widgets (\`ja-tree.ts\`,
 * \`ja-chart.ts\`, \`ja-overview.ts\`, added by \`addMessages\`). English is one chunk (\`en.ts\`).
 */
import type { CoreMessages } from './messages.js';

const KINDS: Record<string, string> = {
  plan: '計画', policy: '基本方針', area: '取組分野', viewpoint: '視点', measure: '施策', field: '分野',
  guideline: '行動指針', initiative: '取組事項', chapter: '章', section: '節', principle: '基本理念', body: '推進体制',
};

export const ja: CoreMessages = {
  lang: 'ja',
  list: (items) => items.join('、'),
  errorTitle: '表示できません',
  readerError: {
    later: 'データを読み込めませんでした。時間をおいて、もう一度お試しください。',
    data: 'データに問題があるため、この内容は表示できません。',
    setup: 'このページの設定に誤りがあるため、この内容は表示できません。',
  },
  staffDetails: 'サイト管理者向けの詳細',
  editorial: '編集者による記述',
  retry: '再読み込み',
  kind: (kind) => KINDS[kind] ?? kind,
  progress: {
    rateLabel: '達成率',
    spoken: (a, t, pct) => `${t}項目中${a}項目達成（${pct}）`,
    counts: (a, t) => `${t}項目中${a}項目達成`,
    countsInline: (a, t) => `（${t}項目中${a}項目達成）`,
    unconfirmed: (n, derived) => `※${n}項目は数値未確定${derived ? '（内訳の数から計算した値）' : ''}`,
    noData: '進捗データはありません',
    noDataSpoken: (title) => `${title}：進捗データはありません`,
    breakdown: '状況別の内訳',
  },
  card: {
    number: '№',
    page: (n) => `P${n}`,
    status: '状況',
    added: (fy) => `${fy}に追加`,
    reported: { 'carried-out': (fy) => `${fy}に実施`, added: (fy) => `${fy}に追加` },
    summaryKind: { result: '実施内容', plan: '取組内容' },
    results: '実績',
    alignedWith: '対応する計画の項目',
    alignedItem: (plan, title) => `${plan}：${title}`,
    editorialNote: '編集者注：',
    numericTarget: '数値目標',
    targetNotGiven: '設定あり（目標値はこのデータにありません）',
    target: '目標',
    actual: '実績',
    sourceLink: (page) => `資料の ${page} ページを見る`,
    sourceLinkNoPage: '資料を見る',
    breadcrumb: (title) => `計画内の位置：${title}`,
    notes: '注記',
    note: (text) => `※${text}`,
    detailLink: '詳細ページを見る',
    amount: (n, unit) => `${n}${unit}`,
  },
};
