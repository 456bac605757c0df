/** The plan overview's words, in Japanese: in the overview's chunk. */
import type { Messages } from './messages.js';

export const jaOverview: Pick<Messages, 'overview'> = {
  overview: {
    period: '期間',
    adopted: '策定',
    asOf: '時点',
    publisher: '発行',
    editor: '編集',
    source: '資料',
    principle: '基本理念',
    purpose: '策定の趣旨',
    purposeToggle: '全文を読む',
    structure: '計画の構成',
    overall: '計画全体',
    promotion: '推進体制',
    related: '関連する計画',
    relation: '関係',
    dated: (date) => `（${date}）`,
    revision: '見直し',
  },
};
