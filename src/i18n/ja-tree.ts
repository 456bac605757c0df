/** The plan tree's words, in Japanese: in the tree's chunk. */
import type { Messages } from './messages.js';

export const jaTree: Pick<Messages, 'tree'> = {
  tree: {
    label: (plan) => `${plan}の構成`,
    filter: '絞り込み',
    filterHint: 'タイトルまたは№（例: R7-1）',
    matches: (n) => `${n}件が該当`,
    noMatches: '該当する項目はありません',
    expandAll: 'すべて開く',
    collapseAll: 'すべて閉じる',
    rate: (pct, a, t) => `${pct}（${a}/${t}）`,
  },
};
