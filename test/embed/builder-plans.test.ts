/** The snippet builder's plan and item fields, as staff meet them: the right plan found for an item, nothing cut off. */
import { expect } from '@open-wc/testing';
import { openBuilder, type Builder } from './builder-page.js';
import { waitFor } from './snippets.js';

describe('snippet builder: plans and items', () => {
  let b: Builder;
  before(async () => {
    b = await openBuilder();
  });
  after(() => b.frame.remove());

  it('offers the plan an item belongs to when it is typed under another plan, and switches to it keeping the item', async () => {
    b.choose('plan', 'dx-action-plan-2');
    expect(b.plan()).to.equal('dx-action-plan-2');
    b.set('node', 'R7-1');
    expect(b.$('node-hint').textContent).to.equal('「R7-1」は「金沢市行政経営プラン」の項目です。');
    const offer = b.$<HTMLButtonElement>('switch-plan');
    expect(b.$('node-offer').hidden).to.equal(false);
    expect(offer.textContent).to.equal('「金沢市行政経営プラン」に切り替える');
    offer.click();
    expect(b.plan()).to.equal('administrative-management-plan');
    expect(b.$<HTMLInputElement>('node').value).to.equal('R7-1');
    expect(b.$('node-offer').hidden).to.equal(true);
    expect(b.code('code-tag')).to.include('plan="administrative-management-plan" node="R7-1"');
  });

  it('says an item is in no plan at all, without offering one', () => {
    b.set('node', 'no-such-item');
    expect(b.$('node-hint').textContent).to.equal('「no-such-item」という項目はこの計画にありません。計画全体を表示します。');
    expect(b.$('node-offer').hidden).to.equal(true);
  });

  it('keeps the item when the plan switched to has it, and clears it when not', async () => {
    await b.load('/__kdx/editions', 2);
    b.choose('plan', 'sample-plan');
    b.set('node', 'A-2');
    b.choose('plan', 'sample-plan-next');
    expect(b.$<HTMLInputElement>('node').value).to.equal('A-2');
    expect(b.code('code-tag')).to.include('plan="sample-plan-next" node="A-2"');
    b.choose('plan', 'sample-plan');
    b.set('node', 'C-1');
    b.choose('plan', 'sample-plan-next');
    expect(b.$<HTMLInputElement>('node').value).to.equal('');
    expect(b.code('code-tag')).not.to.include('node=');
    await b.load('/seeds/kanazawa.json', 2);
  });

  for (const width of [1000, 320]) {
    it(`shows every plan’s whole title at ${width} px`, async () => {
      const narrow = await openBuilder(width);
      try {
        const box = narrow.$('plan-choices').getBoundingClientRect();
        const labels = [...narrow.doc.querySelectorAll<HTMLLabelElement>('#plan-choices label')];
        expect(labels.map((l) => l.textContent!.trim())).to.deep.equal([
          '金沢市DXアクションプラン2.0（dx-action-plan-2）',
          '金沢市行政経営プラン（administrative-management-plan）',
        ]);
        for (const label of labels) {
          const r = label.getBoundingClientRect();
          expect(r.right, label.textContent!).to.be.at.most(box.right + 0.5);
          expect(label.scrollWidth, label.textContent!).to.be.at.most(label.clientWidth);
        }
        // Nor is the page wider than the window.
        expect(narrow.doc.documentElement.scrollWidth).to.be.at.most(width);
      } finally {
        narrow.frame.remove();
      }
    });
  }

  it('loads the item list of the chosen plan', async () => {
    b.choose('plan', 'administrative-management-plan');
    await waitFor(() => b.doc.querySelectorAll('#node-list option').length, 'the item list');
    expect([...b.doc.querySelectorAll<HTMLOptionElement>('#node-list option')].some((o) => o.value === 'policy-1' && o.label.includes('行政組織の質を高める'))).to.equal(true);
  });
});
