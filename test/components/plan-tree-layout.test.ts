/**
 * <kdx-plan-tree> as laid out (issue 14): the room it reserves off screen matches what it shows once seen, a deep
 * link puts its row in the middle of the screen, and the buttons line up with the filter box.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/kdx.js';
import type { Bundle, NodeData } from '../../src/data/bundle.js';
import { seed } from '../helpers/bundles.js';
import { mount, q, unmountAll } from '../helpers/widgets.js';

const SRC = '/seeds/kanazawa.json';
const PLAN = 'administrative-management-plan';

const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

/**
 * The minimal seed with its plan's items replaced by 1,000 (10 × 9 × 10), titles of varied length, every leaf with
 * one of the seed's statuses. Built from the served seed, so that it follows the bundle format as it changes.
 */
async function thousand(): Promise<Bundle> {
  const b = await seed('minimal');
  const nodes: NodeData[] = [];
  const words = ['デジタル', '窓口', '市民サービス', '行政手続のオンライン化', '公共施設', '子育て支援と教育', '地域の防災'];
  let k = 0;
  const title = (n: string) => ({ ja: `${words.slice(0, 1 + (k++ % words.length)).join('と')}の取組 ${n}`, en: `Initiative ${n}` });
  for (let a = 1; a <= 10; a++) {
    nodes.push({ id: `a${a}`, kind: 'policy', number: `${a}`, title: title(`${a}`) });
    for (let x = 1; x <= 9; x++) {
      nodes.push({ id: `a${a}-${x}`, parent: `a${a}`, kind: 'area', number: `${a}-${x}`, title: title(`${a}-${x}`) });
      for (let c = 1; c <= 10; c++) {
        const status = c % 3 ? 'done' : 'in-progress';
        nodes.push({ id: `a${a}-${x}-${c}`, parent: `a${a}-${x}`, kind: 'initiative', number: `${a}-${x}-${c}`, title: title(`${a}-${x}-${c}`), status });
      }
    }
  }
  b.plans = [{ ...b.plans[0]!, nodes }];
  return b;
}

/** The tree's height now, and after the page has been scrolled through to its end and back (every block seen). */
async function heightBeforeAndAfterScrolling(el: HTMLElement): Promise<[number, number]> {
  // As loaded: a few frames (the estimate follows the first rows laid out), nothing scrolled yet.
  for (let i = 0; i < 4; i++) await frame();
  expect(scrollY).to.equal(0);
  const before = el.getBoundingClientRect().height;
  // A screen at a time: every block comes into view (content-visibility lays it out as it comes near).
  for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
    scrollTo(0, y);
    await frame();
  }
  scrollTo(0, 0);
  await frame();
  return [before, el.getBoundingClientRect().height];
}

describe('<kdx-plan-tree> layout', function () {
  // Scrolling through 1,000 rows takes a frame per screen: on a busy machine, more than the default 10 s.
  this.timeout(30_000);
  // Frames are needed (blocks are laid out as they come near): this page must not be the one behind.
  beforeEach(() => executeServerCommand('kdx-front'));
  afterEach(() => {
    unmountAll();
    scrollTo(0, 0);
    history.replaceState(history.state, '', location.pathname + location.search);
  });

  it('1,000 nodes all open: the height reserved before scrolling is within 10 % of the height once seen', async () => {
    const json = JSON.stringify(await thousand()).replace(/</g, '\\u003c');
    const { el } = await mount(
      `<kdx-plan><script type="application/json">${json}</script><kdx-plan-tree data-test expand-depth="9"></kdx-plan-tree></kdx-plan>`,
    );
    expect(el.shadowRoot!.querySelectorAll('[role="treeitem"]').length, el.shadowRoot!.textContent!).to.equal(1000);
    const [before, after] = await heightBeforeAndAfterScrolling(el);
    expect(after).to.be.greaterThan(innerHeight * 10);
    expect(Math.abs(before - after) / after, `${before} px before, ${after} px after`).to.be.at.most(0.1);
  });

  it('the Kanazawa plan all open: within 10 % too', async () => {
    const { el } = await mount(`<kdx-plan-tree data-test src="${SRC}" plan="${PLAN}" expand-depth="9"></kdx-plan-tree>`);
    const [before, after] = await heightBeforeAndAfterScrolling(el);
    expect(Math.abs(before - after) / after, `${before} px before, ${after} px after`).to.be.at.most(0.1);
  });

  it('a deep link (#R7-23) scrolls its row into the middle of the screen, not to an edge', async () => {
    history.replaceState(history.state, '', '#R7-23');
    const { el } = await mount(`<kdx-plan-tree data-test link-hash src="${SRC}" plan="${PLAN}" expand-depth="9"></kdx-plan-tree>`);
    await frame();
    const row = q(el, '[role="treeitem"][data-id="R7-23"]');
    expect(row.getAttribute('aria-selected')).to.equal('true');
    expect(scrollY, 'the page scrolled to the row').to.be.greaterThan(0);
    const r = row.getBoundingClientRect();
    const middle = (r.top + r.bottom) / 2;
    expect(middle, `row centre at ${middle} of ${innerHeight}`).to.be.within(innerHeight * 0.3, innerHeight * 0.7);
  });

  it('the buttons line up with the filter box; the hint has its own line below both', async () => {
    const { el } = await mount(`<kdx-plan-tree data-test src="${SRC}" plan="${PLAN}"></kdx-plan-tree>`);
    const input = q(el, 'input').getBoundingClientRect();
    const hint = q(el, '.hint').getBoundingClientRect();
    for (const b of el.shadowRoot!.querySelectorAll('.actions button')) {
      const r = b.getBoundingClientRect();
      expect(Math.abs(r.bottom - input.bottom), 'button bottom = input bottom').to.be.at.most(1);
      expect(hint.top).to.be.at.least(r.bottom);
    }
    // The label and the hint sit on the widget's own surface (contrast on any page background).
    const surface = getComputedStyle(q(el, '.base')).backgroundColor;
    expect(surface).to.equal('rgb(255, 255, 255)');
  });
});
