/**
 * The report shapes' code is a chunk of its own: a page whose data has no grade scales or indicators never fetches
 * it; the first widget whose data has them fetches it once, shows its placeholder meanwhile, and announces kdx-load
 * only when it shows the shapes. (A file of its own: the page must not have loaded the chunk before.)
 */
import { expect } from '@open-wc/testing';
import '../../src/kdx.js';
import { mount, q, rows, unmountAll } from '../helpers/widgets.js';

const fetched = () => performance.getEntriesByType('resource').filter((e) => /\/components\/shared\/shapes\.ts/.test(e.name)).length;

describe('the shapes chunk', () => {
  afterEach(unmountAll);

  it('is not fetched for data without shapes (Kanazawa), whatever the widgets', async () => {
    await mount(`<kdx-plan data-test src="/seeds/kanazawa.json" plan="administrative-management-plan"><kdx-progress node="policy-1"></kdx-progress><kdx-initiative-card node="R6-33"></kdx-initiative-card><kdx-plan-tree></kdx-plan-tree></kdx-plan>`, 'kdx-plan-tree');
    await mount(`<kdx-progress data-test src="/seeds/minimal.json" node="goal-a" breakdown></kdx-progress>`);
    expect(fetched()).to.equal(0);
  });

  it('is fetched once for data with shapes, and the widget announces kdx-load with the shapes shown', async () => {
    const { el, event } = await mount(`<kdx-progress data-test src="/seeds/examples/grades.json"></kdx-progress>`);
    expect(event.type).to.equal('kdx-load');
    // The event came after the table was there: mount() resolves on the event, before any further update.
    expect(q(el, 'table caption').textContent).to.equal('評価の内訳');
    await mount(`<kdx-plan-tree data-test src="/seeds/examples/indicators.json"></kdx-plan-tree>`);
    expect(fetched()).to.equal(1);
  });

  it('is fetched for a statuses-only bundle when a widget asks for a scale', async () => {
    const { el } = await mount(`<kdx-progress data-test src="/seeds/minimal.json" node="goal-a" scale="status"></kdx-progress>`);
    // 達成 1, 取組中 1, 遅れ 0, 数値未確定 1 of 3.
    expect(rows(el).slice(1, -1)).to.deep.equal([
      ['達成', '1', '33.3%'],
      ['取組中', '1', '33.3%'],
      ['遅れ', '0', '0.0%'],
      ['数値未確定', '1', '33.3%'],
    ]);
  });
});
