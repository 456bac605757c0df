/** The chart's words, in Japanese: in the chart's chunk. */
import type { Messages } from './messages.js';

export const jaChart: Pick<Messages, 'chart'> = {
  chart: {
    barLabel: (title) => `${title}：項目ごとの達成率`,
    doughnutLabel: (title) => `${title}：達成状況の内訳`,
    lineLabel: (title) => `${title}：年度ごとの推移`,
    summary: (label, items) => `${label}。${items}`,
    showTable: '表で見る',
    hideTable: '表を閉じる',
    achieved: '達成',
    notAchievedDerived: '未達成（計算値）',
    derivedNote: (r, u, c) =>
      `${r ? `未達成（計算値）は、項目数から達成${u ? 'と数値未確定' : ''}の数を引いて求めた値で、資料に書かれた数ではありません。` : ''}${c ? '数値未確定（計算値）は、内訳の数を合計した値です。' : ''}割合は件数から計算した値です。`,
    unconfirmed: '数値未確定',
    unconfirmedDerived: '数値未確定（計算値）',
    item: '項目',
    total: '項目数',
    rate: '達成率',
    fiscalYear: '年度',
    count: '件数',
    tooltip: (a, t, pct) => `${a}/${t}項目（${pct}）`,
    part: (n, pct) => `${n}項目（${pct}）`,
    category: '区分',
    share: '割合',
    sum: '合計',
    loadFailed: 'chart.js を読み込めなかったため、グラフの代わりに表を表示します',
  },
};
