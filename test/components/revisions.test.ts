/**
 * A plan's revisions as the plan overview will list them (the view and template of the shapes chunk): newest first,
 * with the period before and after, items added by № and title, items removed with the report's reason.
 */
import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { loadShapes } from '../../src/components/shared/load-shapes.js';
import { parseBundle } from '../../src/data/load.js';
import { example } from '../helpers/bundles.js';

async function shown(lang: 'ja' | 'en') {
  const plan = parseBundle(JSON.stringify(await example('revisions'))).plan()!;
  const s = await loadShapes(lang);
  const box = document.createElement('div');
  render(s.code.renderRevisions(s.code.revisionsView(plan, lang, s.m), s.m, () => ''), box);
  return [...box.querySelectorAll('li.revision')].map((li) => [...li.querySelectorAll('p, li')].map((e) => e.textContent!.replace(/\s+/g, ' ').trim()));
}

describe('revisions (for <kdx-plan-overview>)', () => {
  it('lists each revision, newest first, with its period, items added and items removed with their reasons', async () => {
    expect(await shown('ja')).to.deep.equal([
      [
        '2024年3月 令和6年3月改定',
        '計画期間を1年延長し、取組を見直しました。',
        '計画期間：令和2年度～令和6年度 → 令和2年度～令和7年度',
        '追加した項目',
        'K-7 生成AIの業務への活用（生成AIの活用を新たに位置付けるため）',
        'K-8 窓口のキャッシュレス化',
        '削除した項目',
        'K-2 窓口の番号案内システムの導入（完了）',
        'K-4 会議録の作成支援（経常業務化）',
        'K-5 電子申請の手続数の拡大（目標達成）',
      ],
      ['2022年3月 令和4年3月改定', '追加した項目', 'K-6 テレワークの推進'],
    ]);
  });

  it('in English', async () => {
    const [latest] = await shown('en');
    expect(latest).to.include.members(['March 2024 Revision of March 2024', 'Period: FY2020–FY2024 → FY2020–FY2025', 'K-2 Queue ticket system at counters (Completed)']);
  });
});
