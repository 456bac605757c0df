import { expect, oneEvent } from '@open-wc/testing';
import { a11ySnapshot, sendKeys } from '@web/test-runner-commands';
import '../../src/kdx.js';
import type { Bundle } from '../../src/data/bundle.js';
import type { KdxNodeSelectEvent } from '../../src/events/kdx-node-select.js';
import type { KdxPlanTree } from '../../src/components/plan-tree/plan-tree.js';
import { unique } from '../helpers/bundles.js';
import { GARBAGE, mount, q, settled, shown, unmountAll, expectErrorShown, expectNoRepeatedError } from '../helpers/widgets.js';
import { loadMessages } from '../../src/i18n/index.js';

const SRC = '/seeds/kanazawa.json';
const PLAN = 'administrative-management-plan';
const TREE = `src="${SRC}" plan="${PLAN}"`;

const items = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="treeitem"]')];
const ids = (el: Element) => items(el).map((r) => r.dataset.id);
const row = (el: Element, id: string) => q(el, `[role="treeitem"][data-id="${id}"]`);
const labelOf = (r: Element) => r.querySelector('.label')!.textContent!.replace(/\s+/g, ' ').trim();
const rateOf = (r: Element) => r.querySelector('[part="progress"]')?.textContent ?? null;
const aria = (r: Element) => ({
  level: r.getAttribute('aria-level'),
  setsize: r.getAttribute('aria-setsize'),
  posinset: r.getAttribute('aria-posinset'),
  expanded: r.getAttribute('aria-expanded'),
});
const focusedId = (el: Element) => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.id;
const tabStops = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[tabindex="0"]')].map((r) => r.dataset.id);

async function tree(markup: string): Promise<KdxPlanTree> {
  return (await mount(markup)).el as KdxPlanTree;
}

async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (cond()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function press(el: KdxPlanTree, key: string): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
}

/** Types into the filter box with the real keyboard and waits for the announcement. */
async function filter(el: KdxPlanTree, value: string): Promise<string> {
  const input = q<HTMLInputElement>(el, 'input[type="search"]');
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  if (value) await sendKeys({ type: value });
  // Past the widget's pause in typing (150 ms), so that what is read is the whole query's result, not a prefix's
  // (typing is slow when the machine is busy).
  await new Promise((r) => setTimeout(r, 250));
  const status = q(el, '[role="status"]');
  await until(() => (value ? status.textContent!.trim() !== '' : status.textContent!.trim() === ''), `filter "${value}"`);
  await el.updateComplete;
  return status.textContent!.trim();
}

/** The names the browser gives the tree's items (its accessibility tree, as a screen reader gets it). */
async function itemNames(): Promise<string[]> {
  type Ax = { role?: string; name?: string; children?: Ax[] };
  const out: string[] = [];
  const walk = (n: Ax) => {
    if (n.role === 'treeitem') out.push(n.name ?? '');
    n.children?.forEach(walk);
  };
  walk((await a11ySnapshot({})) as unknown as Ax);
  return out;
}

function clearHash() {
  history.replaceState(history.state, '', location.pathname + location.search);
}

describe('<kdx-plan-tree>', () => {
  afterEach(() => {
    unmountAll();
    clearHash();
  });

  describe('renders the plan', () => {
    it('shows the three policies with the report’s rates, open to their areas', async () => {
      const el = await tree(`<kdx-plan-tree data-test ${TREE}></kdx-plan-tree>`);
      const t = q(el, '[role="tree"]');
      expect(t.getAttribute('aria-label')).to.equal('金沢市行政経営プランの構成');
      expect(ids(el)).to.deep.equal([
        'policy-1', 'policy-1-1', 'policy-1-2', 'policy-1-3',
        'policy-2', 'policy-2-1', 'policy-2-2', 'policy-2-3',
        'policy-3', 'policy-3-1', 'policy-3-2', 'policy-3-3',
      ]);
      expect(labelOf(row(el, 'policy-1'))).to.equal('1 行政組織の質を高める');
      // The report's area numbers, character for character: full-width 「（1）」.
      expect(labelOf(row(el, 'policy-1-1'))).to.equal('（1） 働き方のDXと機能的な組織運営');
      expect(['policy-1', 'policy-2', 'policy-3'].map((id) => rateOf(row(el, id)))).to.deep.equal([
        '97.4%（38/39）',
        '84.4%（38/45）',
        '80.0%（32/40）',
      ]);
      // The spoken form, as the report says it, in the item's name (in place of the figure 「97.4%（38/39）」); the №
      // and the title are two words in it too, not 「1行政組織…」.
      expect((await itemNames()).slice(0, 2)).to.deep.equal(['1 行政組織の質を高める 39項目中38項目達成（97.4%）', '（1） 働き方のDXと機能的な組織運営']);
      // Areas have no progress in the data: nothing is made up.
      expect(row(el, 'policy-1-1').querySelector('[part="progress"]')).to.equal(null);
      expect(shown(el)).to.not.match(GARBAGE);
      expect(shown(el)).to.not.match(/(^|[^\d.])0\.0%/);
      await expect(el).to.be.accessible();
    });

    it('gives every item its level, set size and position; aria-expanded only on parents', async () => {
      const el = await tree(`<kdx-plan-tree data-test ${TREE}></kdx-plan-tree>`);
      expect(aria(row(el, 'policy-2'))).to.deep.equal({ level: '1', setsize: '3', posinset: '2', expanded: 'true' });
      expect(aria(row(el, 'policy-2-3'))).to.deep.equal({ level: '2', setsize: '3', posinset: '3', expanded: 'false' });
      row(el, 'policy-1-1').click();
      await el.updateComplete;
      expect(ids(el).slice(0, 5)).to.deep.equal(['policy-1', 'policy-1-1', 'R6-7', 'R7-1', 'policy-1-2']);
      expect(aria(row(el, 'R6-7'))).to.deep.equal({ level: '3', setsize: '2', posinset: '1', expanded: null });
      expect(aria(row(el, 'R7-1'))).to.deep.equal({ level: '3', setsize: '2', posinset: '2', expanded: null });
      expect(labelOf(row(el, 'R7-1'))).to.equal('R7-1 避難所の入退所等に活用できるデジタル市民パスポートの導入');
      expect(row(el, 'policy-1-1').getAttribute('aria-expanded')).to.equal('true');
      // Flat structure: every item belongs to the tree itself, no group between (rows are rendered in blocks
      // without a role).
      expect(items(el).every((r) => r.parentElement!.closest('[role]') === q(el, '[role="tree"]'))).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('sets bar widths and indents from code, without style attributes in the markup', async () => {
      const el = await tree(`<kdx-plan-tree data-test ${TREE}></kdx-plan-tree>`);
      const r = row(el, 'policy-1');
      const bar = r.querySelector<HTMLElement>('.bar')!;
      // The rate on the bar, the level on the row: a value of its own on every row would be inherited by all
      // its content and keep Blink from sharing computed styles between rows (bench/README.md, Trees).
      expect(bar.style.getPropertyValue('--_rate')).to.equal('0.974');
      expect(row(el, 'policy-3').querySelector<HTMLElement>('.bar')!.style.getPropertyValue('--_rate')).to.equal('0.8');
      expect(r.style.getPropertyValue('--_rate')).to.equal('');
      expect(r.style.getPropertyValue('--_level')).to.equal('0');
      expect(row(el, 'policy-1-1').style.getPropertyValue('--_level')).to.equal('1');
      // Only rows, their bars and their blocks carry a style (custom properties set through the CSSOM), nothing else.
      const styled = [...el.shadowRoot!.querySelectorAll('[style]')];
      const own = (e: Element) =>
        e.getAttribute('role') === 'treeitem' ? /^\s*--_level:\s*\d+;?$/ : e.classList.contains('bar') ? /^\s*--_rate:\s*[\d.]+;?$/ : /^\s*--_rows:\s*\d+;?$/;
      expect(styled.length).to.be.above(0);
      expect(styled.every((e) => (e.getAttribute('role') === 'treeitem' || e.classList.contains('bar') || e.classList.contains('block')) && own(e).test(e.getAttribute('style')!))).to.equal(true);
      const fill = getComputedStyle(bar, '::before').width;
      expect(parseFloat(fill) / bar.getBoundingClientRect().width).to.be.within(0.96, 0.98);
      // Indented by level.
      const left = (id: string) => row(el, id).querySelector('.label')!.getBoundingClientRect().left;
      expect(left('policy-1-1') - left('policy-1')).to.be.above(10);
    });

    it('starts below the node attribute', async () => {
      const el = await tree(`<kdx-plan-tree data-test ${TREE} node="policy-2"></kdx-plan-tree>`);
      expect(ids(el)).to.deep.equal(['policy-2-1', 'R6-19', 'R7-14', 'policy-2-2', 'R6-20', 'R7-18', 'policy-2-3', 'R6-26', 'R7-19']);
      expect(q(el, '[role="tree"]').getAttribute('aria-label')).to.equal('共創の質を高めるの構成');
      expect(aria(row(el, 'R7-14'))).to.deep.equal({ level: '2', setsize: '2', posinset: '2', expanded: null });
      await expect(el).to.be.accessible();
    });

    it('speaks English with lang="en"', async () => {
      const el = await tree(`<kdx-plan-tree data-test lang="en" ${TREE}></kdx-plan-tree>`);
      expect(q(el, '[role="tree"]').getAttribute('aria-label')).to.equal('Structure of Kanazawa City Administrative Management Plan');
      expect(labelOf(row(el, 'policy-2'))).to.equal('2 Raising the quality of co-creation');
      expect(rateOf(row(el, 'policy-2'))).to.equal('84.4% (38/45)');
      // Read out as "2 Raising…", not "2Raising…".
      expect((await itemNames())[4]).to.equal('2 Raising the quality of co-creation 38 of 45 items achieved (84.4%)');
      expect(shown(el)).to.contain('Filter');
      expect(shown(el)).to.contain('Title or No. (e.g. R7-1)');
      await expect(el).to.be.accessible();
    });

    it('shows a plan without progress data without rates', async () => {
      const el = await tree(`<kdx-plan-tree data-test src="${SRC}" plan="dx-action-plan-2"></kdx-plan-tree>`);
      expect(el.shadowRoot!.querySelector('[part="progress"]')).to.equal(null);
      expect(shown(el)).to.not.match(GARBAGE);
      await expect(el).to.be.accessible();
    });

    // The DX Action Plan 2.0 as a plan (2 取組): its guidelines, and 2.4's 【視点1】【視点2】 and 【分野1】–【分野5】, in the
    // document's words, without a click.
    for (const [lang, expected] of [
      ['ja', ['市民目線', 'スピード感', 'チャレンジ', '成果検証', 'デジタルファースト', '視点1 全ての人の利便性向上', '視点2 共創のための環境整備',
        '分野1 魅力づくり', '分野2 暮らしづくり', '分野3 人づくり', '分野4 仕事づくり', '分野5 都市づくり']],
      ['en', ["Citizens' perspective", 'Speed', 'Challenge', 'Verifying results', 'Digital first', 'Viewpoint 1 Greater convenience for everyone',
        'Viewpoint 2 An environment for co-creation', 'Field 1 Building attractiveness', 'Field 2 Building daily life', 'Field 3 Developing people',
        'Field 4 Creating work', 'Field 5 Building the city']],
    ] as const) {
      it(`opens the DX Action Plan 2.0 on its guidelines, both viewpoints and all five fields (${lang})`, async () => {
        const el = await tree(`<kdx-plan-tree data-test lang="${lang}" src="${SRC}" plan="dx-action-plan-2"></kdx-plan-tree>`);
        const labels = items(el).map(labelOf);
        for (const label of expected) expect(labels, label).to.include(label);
        // No table of contents first, and no "1, 2, 1, 2, 3, 4, 5" numbering.
        expect(labels[0]).to.equal(lang === 'ja' ? '行動指針' : 'Action guidelines');
        expect(labels.filter((l) => /^\d /.test(l))).to.deep.equal([]);
        expect(shown(el)).to.not.contain(lang === 'ja' ? '基本方針' : 'Basic policy');
      });
    }
  });

  it('marks a title in the editor\'s words (the DX plan prints the previous plan\'s four areas without a heading), in sight and in the item\'s name', async () => {
    const el = await tree(`<kdx-plan-tree data-test src="${SRC}" plan="dx-action-plan-2"></kdx-plan-tree>`);
    const row = el.shadowRoot!.querySelector('[data-id="previous-areas"] .label')!;
    expect(row.textContent!.replace(/\s+/g, ' ').trim()).to.equal('DXアクションプラン（前プラン）の4分野 編集者による記述');
    expect(el.shadowRoot!.querySelectorAll('.editorial-mark')).to.have.length(1);
    expect(await itemNames()).to.include('DXアクションプラン（前プラン）の4分野 編集者による記述');
    const mark = row.querySelector('.editorial-mark')!;
    expect(getComputedStyle(mark).borderTopStyle).to.equal('solid');
    el.setAttribute('lang', 'en');
    await until(() => row.isConnected && el.shadowRoot!.querySelector('[data-id="previous-areas"] .label')!.textContent!.includes("editor's wording"), 'English');
  });

  describe('expand-depth', () => {
    it('0 shows the top-level items closed; 2 opens the areas; a large number opens everything', async () => {
      const el = await tree(`<kdx-plan-tree data-test ${TREE} expand-depth="0"></kdx-plan-tree>`);
      expect(ids(el)).to.deep.equal(['policy-1', 'policy-2', 'policy-3']);
      expect(items(el).map((r) => r.getAttribute('aria-expanded'))).to.deep.equal(['false', 'false', 'false']);
      el.setAttribute('expand-depth', '2');
      await el.updateComplete;
      expect(items(el)).to.have.length(3 + 9 + 18);
      expect(row(el, 'policy-3-3').getAttribute('aria-expanded')).to.equal('true');
      el.setAttribute('expand-depth', '99');
      await el.updateComplete;
      expect(items(el)).to.have.length(30);
      el.setAttribute('expand-depth', '1');
      await el.updateComplete;
      expect(items(el)).to.have.length(12);
    });

    it('has expand-all and collapse-all buttons outside the tree', async () => {
      const el = await tree(`<kdx-plan-tree data-test ${TREE}></kdx-plan-tree>`);
      const [expand, collapse] = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.actions button')];
      expect(expand!.textContent).to.equal('すべて開く');
      expand!.click();
      await el.updateComplete;
      expect(items(el)).to.have.length(30);
      collapse!.click();
      await el.updateComplete;
      expect(ids(el)).to.deep.equal(['policy-1', 'policy-2', 'policy-3']);
    });
  });

  describe('keyboard', () => {
    it('follows the APG key map, with one tab stop that follows focus', async () => {
      const el = await tree(`<kdx-plan-tree data-test ${TREE}></kdx-plan-tree>`);
      expect(tabStops(el)).to.deep.equal(['policy-1']);
      // Tab from the filter box passes the two buttons and lands on the tree's one stop.
      q(el, 'input').focus();
      await press(el, 'Tab');
      await press(el, 'Tab');
      await press(el, 'Tab');
      expect(focusedId(el)).to.equal('policy-1');
      const step = async (key: string, expected: string) => {
        await press(el, key);
        expect(focusedId(el), key).to.equal(expected);
        expect(tabStops(el), key).to.deep.equal([expected]);
      };
      await step('ArrowUp', 'policy-1'); // first item: stays
      await step('ArrowDown', 'policy-1-1');
      await step('ArrowRight', 'policy-1-1'); // closed: opens
      expect(row(el, 'policy-1-1').getAttribute('aria-expanded')).to.equal('true');
      expect(ids(el)).to.include.members(['R6-7', 'R7-1']);
      await step('ArrowRight', 'R6-7'); // open: to the first child
      await step('ArrowRight', 'R6-7'); // end node: nothing
      await step('ArrowDown', 'R7-1');
      await step('ArrowLeft', 'policy-1-1'); // end node: to the parent
      await step('ArrowLeft', 'policy-1-1'); // open: closes
      expect(row(el, 'policy-1-1').getAttribute('aria-expanded')).to.equal('false');
      expect(ids(el)).to.not.include('R7-1');
      await step('ArrowLeft', 'policy-1'); // closed: to the parent
      await step('ArrowLeft', 'policy-1'); // open top-level: closes
      expect(row(el, 'policy-1').getAttribute('aria-expanded')).to.equal('false');
      await step('ArrowLeft', 'policy-1'); // closed top-level: stays
      await step('End', 'policy-3-3');
      await step('ArrowDown', 'policy-3-3'); // last item: stays
      await step('Home', 'policy-1');
      await step('ArrowDown', 'policy-2');
    });

    it('selects with Enter and Space, firing kdx-node-select; selection is not focus', async () => {
      const el = await tree(`<kdx-plan-tree data-test ${TREE}></kdx-plan-tree>`);
      row(el, 'policy-1').focus();
      await press(el, 'ArrowDown');
      let event = oneEvent(el, 'kdx-node-select');
      await press(el, 'Enter');
      const e1 = (await event) as KdxNodeSelectEvent;
      expect(e1.detail).to.deep.equal({ id: 'policy-1-1', plan: PLAN });
      expect(e1.bubbles && e1.composed).to.equal(true);
      expect(el.selected).to.equal('policy-1-1');
      expect(el.getAttribute('selected')).to.equal('policy-1-1');
      expect(row(el, 'policy-1-1').getAttribute('aria-selected')).to.equal('true');
      expect(items(el).filter((r) => r.getAttribute('aria-selected') === 'true')).to.have.length(1);
      // Enter does not toggle.
      expect(row(el, 'policy-1-1').getAttribute('aria-expanded')).to.equal('false');
      await press(el, 'ArrowDown');
      expect(row(el, 'policy-1-1').getAttribute('aria-selected')).to.equal('true');
      event = oneEvent(el, 'kdx-node-select');
      await press(el, 'Space');
      expect(((await event) as KdxNodeSelectEvent).detail).to.deep.equal({ id: 'policy-1-2', plan: PLAN });
      expect(row(el, 'policy-1-1').getAttribute('aria-selected')).to.equal('false');
      expect(row(el, 'policy-1-2').getAttribute('aria-selected')).to.equal('true');
      expect(row(el, 'policy-1-2').querySelector('.label')!.matches('[aria-selected="true"] .label')).to.equal(true);
      expect(getComputedStyle(row(el, 'policy-1-2').querySelector('.label')!).fontWeight).to.equal('700');
      expect(parseFloat(getComputedStyle(row(el, 'policy-1-2')).borderLeftWidth)).to.be.above(2);
    });

    it('moves by type-ahead to the next item whose title or № starts with the typed letters', async () => {
      const el = await tree(`<kdx-plan-tree data-test lang="en" ${TREE}></kdx-plan-tree>`);
      row(el, 'policy-1').focus();
      await sendKeys({ type: 'pro' }); // within half a second: one search string
      await el.updateComplete;
      expect(focusedId(el)).to.equal('policy-2-1'); // Promoting collaboration with diverse actors
      await new Promise((r) => setTimeout(r, 600));
      await press(el, 'p');
      expect(focusedId(el)).to.equal('policy-2-2'); // Promoting public–private partnerships…
      await new Promise((r) => setTimeout(r, 600));
      await press(el, 'r'); // Raising…: the next after the current item, case-insensitive
      expect(focusedId(el)).to.equal('policy-3');
      await new Promise((r) => setTimeout(r, 600));
      await press(el, 'r'); // wraps around
      expect(focusedId(el)).to.equal('policy-1');
      await new Promise((r) => setTimeout(r, 600));
      await sendKeys({ type: 'raising the quality of c' }); // Space continues a search string
      await el.updateComplete;
      expect(focusedId(el)).to.equal('policy-2');
      expect(el.selected).to.equal(undefined);
      await new Promise((r) => setTimeout(r, 600));
      await press(el, 'x'); // nothing starts with x: focus stays
      expect(focusedId(el)).to.equal('policy-2');
      expect(tabStops(el)).to.deep.equal(['policy-2']);
    });

    it('finds items by № with type-ahead (Japanese titles)', async () => {
      const el = await tree(`<kdx-plan-tree data-test ${TREE} expand-depth="2"></kdx-plan-tree>`);
      row(el, 'policy-1').focus();
      await sendKeys({ type: 'R7-1' });
      await el.updateComplete;
      expect(focusedId(el)).to.equal('R7-1');
      await new Promise((r) => setTimeout(r, 600));
      await press(el, '3');
      expect(focusedId(el)).to.equal('policy-3');
    });

    it('* opens all siblings of the focused item', async () => {
      const el = await tree(`<kdx-plan-tree data-test ${TREE} expand-depth="0"></kdx-plan-tree>`);
      row(el, 'policy-2').focus();
      await sendKeys({ type: '*' });
      await el.updateComplete;
      expect(['policy-1', 'policy-2', 'policy-3'].map((id) => row(el, id).getAttribute('aria-expanded'))).to.deep.equal(['true', 'true', 'true']);
      expect(items(el)).to.have.length(12);
      expect(focusedId(el)).to.equal('policy-2');
    });

    it('↓ in the filter box moves into the tree', async () => {
      const el = await tree(`<kdx-plan-tree data-test ${TREE}></kdx-plan-tree>`);
      q(el, 'input').focus();
      await press(el, 'ArrowDown');
      expect(focusedId(el)).to.equal('policy-1');
    });
  });

  describe('pointer', () => {
    it('click selects and toggles', async () => {
      const el = await tree(`<kdx-plan-tree data-test ${TREE}></kdx-plan-tree>`);
      const event = oneEvent(el, 'kdx-node-select');
      row(el, 'policy-2').click();
      expect(((await event) as KdxNodeSelectEvent).detail).to.deep.equal({ id: 'policy-2', plan: PLAN });
      await el.updateComplete;
      expect(row(el, 'policy-2').getAttribute('aria-expanded')).to.equal('false');
      expect(row(el, 'policy-2').getAttribute('aria-selected')).to.equal('true');
      expect(ids(el)).to.not.include('policy-2-1');
      expect(tabStops(el)).to.deep.equal(['policy-2']);
      row(el, 'policy-2').click();
      await el.updateComplete;
      expect(row(el, 'policy-2').getAttribute('aria-expanded')).to.equal('true');
      expect(ids(el)).to.include('policy-2-1');
    });
  });

  describe('filter', () => {
    it('filters by № and keeps matches with their ancestors visible and open, announcing the count', async () => {
      const el = await tree(`<kdx-plan-tree data-test ${TREE} expand-depth="0"></kdx-plan-tree>`);
      const input = q<HTMLInputElement>(el, 'input[type="search"]');
      // A real labelled input, outside the tree.
      expect(input.labels?.[0]?.textContent).to.equal('絞り込み');
      expect(el.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!)!.textContent).to.equal('タイトルまたは№（例: R7-1）');
      expect(input.closest('[role="tree"]')).to.equal(null);
      // "R7-1" is also the start of R7-10, R7-11, R7-14, R7-18 and R7-19.
      expect(await filter(el, 'R7-1')).to.equal('6件が該当');
      expect(ids(el)).to.deep.equal([
        'policy-1', 'policy-1-1', 'R7-1', 'policy-1-2', 'R7-10', 'policy-1-3', 'R7-11',
        'policy-2', 'policy-2-1', 'R7-14', 'policy-2-2', 'R7-18', 'policy-2-3', 'R7-19',
      ]);
      expect(row(el, 'policy-1').getAttribute('aria-expanded')).to.equal('true');
      expect(row(el, 'policy-1-1').getAttribute('aria-expanded')).to.equal('true');
      // Set size counts the visible siblings.
      expect(aria(row(el, 'R7-1'))).to.deep.equal({ level: '3', setsize: '1', posinset: '1', expanded: null });
      expect(aria(row(el, 'policy-2'))).to.deep.equal({ level: '1', setsize: '2', posinset: '2', expanded: 'true' });
      expect(shown(el)).to.not.match(GARBAGE);
      await expect(el).to.be.accessible();

      // Case-insensitive, and the keyboard works on the filtered rows.
      expect(await filter(el, 'r7-19')).to.equal('1件が該当');
      expect(ids(el)).to.deep.equal(['policy-2', 'policy-2-3', 'R7-19']);
      row(el, 'policy-2').focus();
      await press(el, 'End');
      expect(focusedId(el)).to.equal('R7-19');

      await press(el, 'Enter');
      expect(el.selected).to.equal('R7-19');

      // Clearing the filter restores what was open before, and keeps the item chosen while filtering in sight.
      expect(await filter(el, '')).to.equal('');
      expect(ids(el)).to.deep.equal(['policy-1', 'policy-2', 'policy-2-1', 'policy-2-2', 'policy-2-3', 'R6-26', 'R7-19', 'policy-3']);
      expect(row(el, 'R7-19').getAttribute('aria-selected')).to.equal('true');
      expect(tabStops(el)).to.deep.equal(['R7-19']);
    });

    it('filters by a Japanese title fragment, and by English titles in a Japanese page', async () => {
      const el = await tree(`<kdx-plan-tree data-test ${TREE}></kdx-plan-tree>`);
      expect(await filter(el, 'デジタル')).to.equal('2件が該当');
      expect(ids(el)).to.deep.equal(['policy-1', 'policy-1-1', 'R7-1', 'policy-1-2', 'R6-10']);
      expect(row(el, 'policy-1').hasAttribute('data-context')).to.equal(true);
      expect(row(el, 'R7-1').hasAttribute('data-context')).to.equal(false);
      await expect(el).to.be.accessible();
      // A match with children is shown closed and can be opened to see all of them.
      expect(await filter(el, 'RAISING THE QUALITY OF CO')).to.equal('1件が該当');
      expect(ids(el)).to.deep.equal(['policy-2']);
      expect(row(el, 'policy-2').getAttribute('aria-expanded')).to.equal('false');
      row(el, 'policy-2').focus();
      await press(el, 'ArrowRight');
      expect(ids(el)).to.deep.equal(['policy-2', 'policy-2-1', 'policy-2-2', 'policy-2-3']);
    });

    it('says so when nothing matches', async () => {
      const el = await tree(`<kdx-plan-tree data-test ${TREE}></kdx-plan-tree>`);
      expect(await filter(el, 'zzz')).to.equal('該当する項目はありません');
      expect(items(el)).to.have.length(0);
      expect(q(el, '[role="tree"]').hidden).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('announces in English', async () => {
      const el = await tree(`<kdx-plan-tree data-test lang="en" ${TREE}></kdx-plan-tree>`);
      expect(await filter(el, 'r6-3')).to.equal('3 matches'); // R6-30, R6-33, R6-34
      expect(await filter(el, 'r6-33')).to.equal('1 match');
      expect(await filter(el, 'nothing like this')).to.equal('No matching items');
    });
  });

  describe('selection and link-hash', () => {
    it('opens the tree at the node a hash names on load', async () => {
      history.replaceState(history.state, '', '#R7-11');
      const el = await tree(`<kdx-plan-tree data-test link-hash ${TREE}></kdx-plan-tree>`);
      expect(el.selected).to.equal('R7-11');
      const r = row(el, 'R7-11');
      expect(r.getAttribute('aria-selected')).to.equal('true');
      expect(row(el, 'policy-1-3').getAttribute('aria-expanded')).to.equal('true');
      expect(tabStops(el)).to.deep.equal(['R7-11']);
      const box = r.getBoundingClientRect();
      expect(box.top).to.be.at.least(0);
      expect(box.bottom).to.be.at.most(window.innerHeight);
      await expect(el).to.be.accessible();
    });

    it('writes the selection to the hash without a history entry, and follows hashchange', async () => {
      const el = await tree(`<kdx-plan-tree data-test link-hash ${TREE}></kdx-plan-tree>`);
      const length = history.length;
      row(el, 'policy-1-1').click();
      await el.updateComplete;
      row(el, 'R6-7').click();
      await el.updateComplete;
      expect(location.hash).to.equal('#R6-7');
      expect(history.length).to.equal(length);
      const change = oneEvent(window, 'hashchange');
      location.hash = '#R6-34';
      await change;
      await el.updateComplete;
      expect(el.selected).to.equal('R6-34');
      expect(row(el, 'R6-34').getAttribute('aria-selected')).to.equal('true');
      expect(row(el, 'policy-3-3').getAttribute('aria-expanded')).to.equal('true');
    });

    it('ignores hashes that are not node ids of the tree, and hashes without link-hash', async () => {
      history.replaceState(history.state, '', '#main-content');
      const el = await tree(`<kdx-plan-tree data-test link-hash ${TREE} node="policy-2"></kdx-plan-tree>`);
      expect(el.selected).to.equal(undefined);
      for (const hash of ['#R7-1' /* outside policy-2 */, '#%E0%A4%A', '#policy-2' /* the root, not an item */]) {
        const change = oneEvent(window, 'hashchange');
        location.hash = hash;
        await change;
        await el.updateComplete;
        expect(el.selected, hash).to.equal(undefined);
      }
      expect(items(el).some((r) => r.getAttribute('aria-selected') === 'true')).to.equal(false);
      history.replaceState(history.state, '', '#R7-1');
      const plain = await tree(`<kdx-plan-tree data-test ${TREE}></kdx-plan-tree>`);
      expect(plain.selected).to.equal(undefined);
      row(plain, 'policy-1').click();
      expect(location.hash).to.equal('#R7-1');
    });

    it('reflects the selected property and opens the way to it', async () => {
      const el = await tree(`<kdx-plan-tree data-test ${TREE} selected="R6-33"></kdx-plan-tree>`);
      expect(row(el, 'R6-33').getAttribute('aria-selected')).to.equal('true');
      expect(tabStops(el)).to.deep.equal(['R6-33']);
      el.selected = 'R7-19';
      await el.updateComplete;
      expect(el.getAttribute('selected')).to.equal('R7-19');
      expect(row(el, 'R7-19').getAttribute('aria-selected')).to.equal('true');
      expect(row(el, 'R6-33').getAttribute('aria-selected')).to.equal('false');
      el.selected = 'no-such-node';
      await el.updateComplete;
      expect(items(el).some((r) => r.getAttribute('aria-selected') === 'true')).to.equal(false);
      expect(tabStops(el)).to.have.length(1);
    });
  });

  describe('data sources and errors', () => {
    it('takes data from the nearest <kdx-plan>', async () => {
      const { el } = await mount(`<kdx-plan src="${unique(SRC)}" plan="${PLAN}"><section><kdx-plan-tree data-test node="policy-3"></kdx-plan-tree></section></kdx-plan>`);
      expect(ids(el).slice(0, 3)).to.deep.equal(['policy-3-1', 'R6-30', 'R7-23']);
      await expect(el).to.be.accessible();
    });

    const cases: Array<[string, string, RegExp]> = [
      ['unknown node', `<kdx-plan-tree data-test ${TREE} node="R9-9"></kdx-plan-tree>`, /項目「R9-9」.*node 属性/],
      ['a node without children', `<kdx-plan-tree data-test ${TREE} node="R7-1"></kdx-plan-tree>`, /「避難所の入退所等に活用できるデジタル市民パスポートの導入」には下位の項目がありません/],
      ['missing file', `<kdx-plan-tree data-test src="/seeds/nope.json"></kdx-plan-tree>`, /HTTP 404/],
      ['no source', `<kdx-plan-tree data-test></kdx-plan-tree>`, /src 属性/],
    ];
    for (const [name, markup, message] of cases) {
      it(`shows a plain message for: ${name}, with role="alert" and one kdx-error event`, async () => {
        const { el, event } = await mount(markup);
        await expectErrorShown(el, event, message);
        await expectNoRepeatedError(el);
      });
    }

    it('a node without children, page switched to English: the message follows, worded anew, and kdx-error is not fired again', async () => {
      await loadMessages('en');
      const { root, el, event } = await mount(`<div lang="ja"><kdx-plan-tree data-test ${TREE} node="R7-1"></kdx-plan-tree></div>`);
      await expectErrorShown(el, event, /下位の項目がありません/);
      let again = 0;
      el.addEventListener('kdx-error', () => again++);
      root.firstElementChild!.setAttribute('lang', 'en');
      await new Promise((r) => setTimeout(r, 0));
      await el.updateComplete;
      const alert = q(el, '[role="alert"]');
      expect(alert.getAttribute('lang')).to.equal('en');
      expect(alert.textContent).to.match(/<kdx-plan-tree> cannot show item "R7-1": ".+" has no sub-items/);
      expect(alert.textContent).to.not.match(/[ぁ-んァ-ン]{3}/);
      expect(again).to.equal(0);
    });

    it('shows a quiet busy placeholder while loading', async () => {
      const root = document.createElement('div');
      document.body.append(root);
      root.innerHTML = `<kdx-plan-tree src="${unique('/__kdx/slow?ms=1500')}"></kdx-plan-tree>`;
      const el = root.querySelector('kdx-plan-tree')!;
      await el.updateComplete;
      expect(q(el, '[aria-busy="true"]').textContent).to.equal('読み込み中…');
      await expect(el).to.be.accessible();
    });

    it('follows a language switch', async () => {
      const el = await tree(`<kdx-plan-tree data-test ${TREE}></kdx-plan-tree>`);
      el.setAttribute('lang', 'en');
      await settled(el);
      expect(rateOf(row(el, 'policy-3'))).to.equal('80.0% (32/40)');
      expect(labelOf(row(el, 'policy-3'))).to.equal('3 Raising the quality of the fiscal base');
    });
  });

  describe('at scale', () => {
    /** 20 policies × 9 areas × 10 initiatives = 2,000 nodes, every initiative with a status. */
    function bigBundle(): Bundle {
      const nodes: Bundle['plans'][number]['nodes'] = [];
      for (let p = 1; p <= 20; p++) {
        nodes.push({ id: `p${p}`, kind: 'policy', number: String(p), title: { ja: `方針${p}`, en: `Policy ${p}` } });
        for (let a = 1; a <= 9; a++) {
          nodes.push({ id: `p${p}-${a}`, parent: `p${p}`, kind: 'area', number: `(${a})`, title: `分野${p}-${a}` });
          for (let i = 1; i <= 10; i++) {
            const id = `I${p}-${a}-${i}`;
            nodes.push({ id, parent: `p${p}-${a}`, kind: 'initiative', number: id, title: `取組${id}`, status: i <= 7 ? 'done' : 'open' });
          }
        }
      }
      return {
        schemaVersion: 1,
        publisher: { name: '試験市' },
        statuses: [
          { id: 'done', label: '達成', achieved: true },
          { id: 'open', label: '未達成', achieved: false },
        ],
        plans: [{ id: 'big', title: '大きな計画', period: { from: 2024, to: 2027 }, nodes }],
      };
    }

    it('renders exactly the visible rows of a 2,000-node plan, fully expanded', async () => {
      const json = JSON.stringify(bigBundle());
      const { el } = await mount(`<kdx-plan><script type="application/json">${json}</script><kdx-plan-tree data-test expand-depth="99"></kdx-plan-tree></kdx-plan>`);
      const t = el as KdxPlanTree;
      expect(items(t)).to.have.length(2000);
      expect(rateOf(row(t, 'p1'))).to.equal('70.0%（63/90）');
      expect(rateOf(row(t, 'I20-9-10'))).to.equal('0.0%（0/1）');
      expect(aria(row(t, 'I7-3-5'))).to.deep.equal({ level: '3', setsize: '10', posinset: '5', expanded: null });
      expect(tabStops(t)).to.have.length(1);
      // Closing one policy removes its 9 areas and 90 initiatives.
      row(t, 'p7').click();
      await t.updateComplete;
      expect(items(t)).to.have.length(2000 - 99);
      // The keyboard reaches the end.
      row(t, 'p1').focus();
      await press(t, 'End');
      expect(focusedId(t)).to.equal('I20-9-10');
      // Filtering: I3-… matches 90 initiatives (I3-a-i), with their 9 areas and the policy.
      expect(await filter(t, 'i3-')).to.equal('90件が該当');
      expect(items(t)).to.have.length(1 + 9 + 90);
      expect(ids(t)).to.not.include('I7-3-5');
    });

    it('opening or closing a branch leaves the other rows alone, and keeps focus where it was', async () => {
      const json = JSON.stringify(bigBundle());
      const { el } = await mount(`<kdx-plan><script type="application/json">${json}</script><kdx-plan-tree data-test expand-depth="99"></kdx-plan-tree></kdx-plan>`);
      const t = el as KdxPlanTree;
      const [p3, last] = [row(t, 'p3'), row(t, 'I20-9-10')];
      row(t, 'p1').focus();
      await press(t, 'ArrowLeft');
      await press(t, 'ArrowRight');
      expect(items(t)).to.have.length(2000);
      // Rows away from the change keep their elements (rows render in blocks; only the blocks around p1 changed).
      expect(row(t, 'p3')).to.equal(p3);
      expect(row(t, 'I20-9-10')).to.equal(last);
      expect(focusedId(t)).to.equal('p1');
      // `*` on p10 opens 20 policies above and below it: p10 moves to another block and keeps keyboard focus.
      await press(t, 'Home');
      for (const id of ['p1', 'p10', 'p20']) row(t, id).click();
      await t.updateComplete;
      t.expandDepth = 0;
      await t.updateComplete;
      row(t, 'p10').focus();
      await press(t, '*');
      expect(items(t)).to.have.length(20 + 180);
      expect(focusedId(t)).to.equal('p10');
      expect(tabStops(t)).to.deep.equal(['p10']);
      await press(t, 'ArrowDown');
      expect(focusedId(t)).to.equal('p10-1');
    });
  });
});
