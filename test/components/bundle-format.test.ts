/**
 * A bundle written from docs/bundle-format.md alone renders: each bundle the doc shows, inline in a <kdx-plan>, in
 * every widget that can show it, with the figures the doc says the widgets show.
 */
import { expect } from '@open-wc/testing';
import '../../src/kdx.js';
import { GARBAGE, mount, q, rows, settled, shown, unmountAll } from '../helpers/widgets.js';

let bundles: string[] = [];
const inline = (json: string, widgets: string) => `<kdx-plan data-test><script type="application/json">${json}</script>${widgets}</kdx-plan>`;

async function show(json: string, widgets: string) {
  const { root } = await mount(inline(json, widgets));
  const els = [...root.querySelectorAll<HTMLElement & { updateComplete: Promise<boolean> }>('kdx-progress, kdx-initiative-card, kdx-plan-tree, kdx-chart, kdx-plan-overview')];
  for (const el of els) await settled(el as never);
  return els;
}

describe('docs/bundle-format.md renders as written', () => {
  before(async () => {
    const doc = await (await fetch('/docs/bundle-format.md')).text();
    bundles = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(bundles.length).to.equal(6);
  });
  afterEach(unmountAll);

  it('every bundle: progress, a card and the overview, without an error or garbage', async () => {
    for (const json of bundles) {
      const id = (JSON.parse(json) as { plans: Array<{ nodes: Array<{ id: string }> }> }).plans[0]!.nodes[0]?.id;
      const card = id ? `<kdx-initiative-card node="${id}"></kdx-initiative-card>` : '';
      const els = await show(json, `<kdx-progress></kdx-progress>${card}<kdx-plan-overview></kdx-plan-overview>`);
      expect(els.map((e) => e.localName)).to.include('kdx-plan-overview');
      for (const el of els) {
        expect(el.shadowRoot!.querySelector('[role="alert"]'), `${el.localName} in bundle ${bundles.indexOf(json) + 1}`).to.equal(null);
        expect(shown(el)).to.not.match(GARBAGE);
      }
    }
  });

  it('the grade scale: the figures the doc says', async () => {
    const [p] = await show(bundles[1]!, '<kdx-progress></kdx-progress>');
    expect(q(p!, '[role="meter"]').getAttribute('aria-valuetext')).to.equal('A評価以上の割合 70.0%（20項目中14項目）');
    expect(rows(p!)).to.deep.include.members([['S：計画以上', '2', '10.0%'], ['B：やや遅れている', '5', '25.0%'], ['C：ほとんど進んでいない', '1', '5.0%']]);
  });

  it('year over year: the change the doc says', async () => {
    const [p] = await show(bundles[3]!, '<kdx-progress></kdx-progress><kdx-chart type="distribution"></kdx-chart>');
    expect(q(p!, '.change [aria-hidden="true"]').textContent).to.equal('平成26年度（2015年3月31日現在）比 +25.3ポイント');
    expect(rows(p!)).to.deep.include(['順調', '20', '33.3%', '42', '▲22']);
  });

  it('indicators: A computed for one, A stated for the other, with no difference to report', async () => {
    const [web, waiting] = await show(bundles[4]!, '<kdx-initiative-card node="web"></kdx-initiative-card><kdx-initiative-card node="waiting"></kdx-initiative-card>');
    expect(shown(web!)).to.contain('（評価基準による計算：基準値からの変化率 +25.0%（令和6年度の実績値による））');
    expect(q(waiting!, '.indicator .grade').textContent!.replace(/\s+/g, ' ').trim()).to.equal('評価: A：基準値から10%を超えて改善 （報告書の評価）');
  });

  it('plan revisions: the overview lists the revision as the doc writes it', async () => {
    const json = bundles.find((b) => b.includes('"revisions"'))!;
    const [overview] = await show(json, '<kdx-plan-overview></kdx-plan-overview>');
    const flat = (e: Element) => e.textContent!.replace(/\s+/g, ' ').trim();
    const all = (selector: string) => [...overview!.shadowRoot!.querySelectorAll(selector)].map(flat);
    // "date": "2024-03" → 2024年3月; the period 2020–2024 → 2020–2025 is 令和2年度～令和6年度 → 令和2年度～令和7年度.
    expect(all('.revision-head')).to.deep.equal(['2024年3月 令和6年3月改定']);
    expect(all('.revision-period')).to.deep.equal(['計画期間：令和2年度～令和6年度 → 令和2年度～令和7年度']);
    expect(all('.revision-label')).to.deep.equal(['追加した項目', '削除した項目']);
    // The added item is the node k7, shown by its № and title; the removed ones as the revision names them.
    expect(all('.revision-items li')).to.deep.equal([
      'K-7 生成AIの業務への活用（生成AIの活用を新たに位置付けるため）',
      'K-2 窓口の番号案内システムの導入（完了）',
      'K-4 会議録の作成支援（経常業務化）',
      'K-5 電子申請の手続数の拡大（目標達成）',
    ]);
    await expect(overview).to.be.accessible();
  });
});
