import { expect } from '@open-wc/testing';
import '../../src/kdx.js';
import { forgetBundle } from '../../src/data/load.js';
import { hits, unique } from '../helpers/bundles.js';
import { GARBAGE, mount, q, settled, shown, unmountAll, expectErrorShown } from '../helpers/widgets.js';

const SRC = '/seeds/kanazawa.json';
const PLAN = 'administrative-management-plan';

describe('<kdx-progress>', () => {
  afterEach(() => {
    unmountAll();
  });

  describe('renders the report', () => {
    it('shows the whole plan: 124 items, 108 achieved, 87.1%, with the unconfirmed note', async () => {
      const { el } = await mount(`<kdx-progress data-test src="${SRC}" plan="${PLAN}"></kdx-progress>`);
      const meter = q(el, '[role="meter"]');
      expect(meter.getAttribute('aria-valuetext')).to.equal('124項目中108項目達成（87.1%）');
      expect(meter.getAttribute('aria-valuenow')).to.equal('87.1');
      expect(shown(el)).to.contain('金沢市行政経営プラン');
      expect(shown(el)).to.contain('87.1%');
      expect(shown(el)).to.contain('124項目中108項目達成');
      // The report's 合計 row has no ※: the plan's 2 is policy 3's, carried up, and says it was calculated.
      expect(shown(el)).to.contain('※2項目は数値未確定（内訳の数から計算した値）');
      expect(shown(el)).to.not.match(GARBAGE);
      await expect(el).to.be.accessible();
    });

    for (const [node, text, pct] of [
      ['policy-1', '39項目中38項目達成（97.4%）', '97.4%'],
      ['policy-2', '45項目中38項目達成（84.4%）', '84.4%'],
      ['policy-3', '40項目中32項目達成（80.0%）', '80.0%'],
    ] as const) {
      it(`shows ${node}: ${text}`, async () => {
        const { el } = await mount(`<kdx-progress data-test src="${SRC}" plan="${PLAN}" node="${node}"></kdx-progress>`);
        expect(q(el, '[role="meter"]').getAttribute('aria-valuetext')).to.equal(text);
        expect(q(el, '.rate').textContent).to.equal(pct);
        expect(shown(el).includes('数値未確定')).to.equal(node === 'policy-3');
        // Policy 3's is the report's own (「40 項目※」, 「※うち 2 項目は数値未確定」): not marked calculated.
        expect(shown(el).includes('計算')).to.equal(false);
      });
    }

    it('speaks English with lang="en"', async () => {
      const { el } = await mount(`<kdx-progress data-test lang="en" src="${SRC}" plan="${PLAN}"></kdx-progress>`);
      expect(q(el, '[role="meter"]').getAttribute('aria-valuetext')).to.equal('108 of 124 items achieved (87.1%)');
      expect(shown(el)).to.contain('Kanazawa City Administrative Management Plan'.split(' ')[0]);
      expect(shown(el)).to.contain('* Figures for 2 items are not yet fixed (calculated from the breakdown)');
    });

    it('says so for a node without progress data, instead of 0%', async () => {
      const { el } = await mount(`<kdx-progress data-test src="${SRC}" plan="${PLAN}" node="R7-1"></kdx-progress>`);
      expect(el.shadowRoot!.querySelector('[role="meter"]')).to.equal(null);
      expect(shown(el)).to.contain('進捗データはありません');
      expect(shown(el)).to.not.contain('0%');
      await expect(el).to.be.accessible();
    });

    it('has ring and inline variants with the same meter semantics', async () => {
      for (const variant of ['ring', 'inline']) {
        const { el } = await mount(`<kdx-progress data-test variant="${variant}" src="${SRC}" plan="${PLAN}" node="policy-2"></kdx-progress>`);
        expect(q(el, '[role="meter"]').getAttribute('aria-valuetext'), variant).to.equal('45項目中38項目達成（84.4%）');
        await expect(el).to.be.accessible();
      }
    });

    it('in running text, reads as the sentence around it does: the language\'s own parentheses', async () => {
      // 共創の質を高める 45項目中38項目 (the report's table).
      const inline = async (lang: string) => {
        const { el } = await mount(`<p><kdx-progress data-test lang="${lang}" variant="inline" src="${SRC}" plan="${PLAN}" node="policy-2"></kdx-progress></p>`);
        return el.shadowRoot!.querySelector('[part="base"]')!.textContent!.replace(/\s+/g, ' ').trim();
      };
      expect(await inline('ja')).to.equal('84.4%（45項目中38項目達成）');
      // No full-width parenthesis in English: they carry spacing of their own (" (… )").
      expect(await inline('en')).to.equal('84.4% (38 of 45 items achieved)');
    });

    it('shows a breakdown by status when the data has statuses', async () => {
      const { el } = await mount(`<kdx-progress data-test breakdown lang="en" src="/seeds/minimal.json" node="goal-a"></kdx-progress>`);
      expect(q(el, '[role="meter"]').getAttribute('aria-valuetext')).to.equal('1 of 3 items achieved (33.3%)');
      const items = [...el.shadowRoot!.querySelectorAll('.breakdown li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
      expect(items).to.deep.equal(['Achieved 1', 'In progress 1', 'Figures not yet fixed 1']);
      await expect(el).to.be.accessible();
    });

    it('sets the bar fill from code, without a style attribute in the shadow DOM', async () => {
      const { el } = await mount(`<kdx-progress data-test src="${SRC}" plan="${PLAN}" node="policy-1"></kdx-progress>`);
      expect(el.style.getPropertyValue('--_rate')).to.equal('0.974');
      expect(el.shadowRoot!.querySelector('[style]')).to.equal(null);
      const fill = q(el, '.fill').getBoundingClientRect().width;
      const track = q(el, '.track').getBoundingClientRect().width;
      expect(fill / track).to.be.within(0.96, 0.98);
    });
  });

  describe('provider', () => {
    it('takes data from the nearest <kdx-plan>, even inside other markup, with one request', async () => {
      const src = unique(SRC);
      const { root } = await mount(
        `<kdx-plan src="${src}" plan="${PLAN}"><section><div><kdx-progress data-test node="policy-2"></kdx-progress></div></section>
          <kdx-progress node="policy-1"></kdx-progress><kdx-progress src="${src}" plan="${PLAN}" node="policy-3"></kdx-progress></kdx-plan>`,
      );
      const all = [...root.querySelectorAll('kdx-progress')];
      await Promise.all(all.map((e) => settled(e)));
      expect(all.map((e) => q(e, '.rate').textContent)).to.deep.equal(['84.4%', '97.4%', '80.0%']);
      expect(await hits(src)).to.equal(1);
    });

    it('reads inline JSON data', async () => {
      const bundle = await (await fetch('/seeds/minimal.json')).text();
      const { el } = await mount(`<kdx-plan><script type="application/json">${bundle}</script><kdx-progress data-test node="goal-b"></kdx-progress></kdx-plan>`);
      expect(q(el, '[role="meter"]').getAttribute('aria-valuetext')).to.equal('10項目中7項目達成（70.0%）');
    });

    it('works when the provider is upgraded after its widgets', async () => {
      const root = document.createElement('div');
      document.body.append(root);
      const tag = `late-provider-${Date.now()}`;
      // A provider element of an undefined tag cannot be ours; instead, create <kdx-plan> in a document
      // fragment of a template (not upgraded) and adopt it after the widget connected.
      const tpl = document.createElement('template');
      tpl.innerHTML = `<kdx-plan src="${SRC}" plan="${PLAN}"><kdx-progress node="policy-1"></kdx-progress></kdx-plan>`;
      const frag = document.importNode(tpl.content, true);
      root.append(frag);
      const el = root.querySelector('kdx-progress')!;
      await settled(el);
      expect(q(el, '.rate').textContent, tag).to.equal('97.4%');
    });
  });

  describe('errors', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['missing file', `<kdx-progress data-test src="/seeds/nope.json"></kdx-progress>`, /HTTP 404/],
      ['not JSON', `<kdx-progress data-test src="/vite.config.ts"></kdx-progress>`, /JSON ではありません/],
      ['invalid bundle', `<kdx-progress data-test src="/seeds/broken.json"></kdx-progress>`, /plans\[0\]\.nodes\[4\]\.title/],
      ['unknown plan', `<kdx-progress data-test src="${SRC}" plan="no-such-plan"></kdx-progress>`, /計画「no-such-plan」.*dx-action-plan-2、administrative-management-plan/],
      ['unknown node', `<kdx-progress data-test src="${SRC}" plan="${PLAN}" node="R9-9"></kdx-progress>`, /項目「R9-9」.*node 属性.*policy-1/],
      ['no source', `<kdx-progress data-test node="policy-1"></kdx-progress>`, /src 属性/],
      ['empty provider', `<kdx-plan><kdx-progress data-test></kdx-progress></kdx-plan>`, /<script type="application\/json">/],
    ];
    for (const [name, markup, message] of cases) {
      it(`shows a plain message for: ${name}, with role="alert" and a kdx-error event`, async () => {
        const { el, event } = await mount(markup);
        await expectErrorShown(el, event, message);
      });
    }

    it('shows a quiet busy placeholder while loading', async () => {
      const root = document.createElement('div');
      document.body.append(root);
      root.innerHTML = `<kdx-progress src="${unique('/__kdx/slow?ms=1500')}"></kdx-progress>`;
      const el = root.querySelector('kdx-progress')!;
      await el.updateComplete;
      const busy = q(el, '[aria-busy="true"]');
      expect(busy.textContent).to.equal('読み込み中…');
      await expect(el).to.be.accessible();
    });

    it('offers a retry after a transient failure, and the retry loads', async () => {
      const id = `w-${Date.now()}`;
      const { el } = await mount(`<kdx-progress data-test lang="en" src="/__kdx/flaky?id=${id}&fail=3" node="goal-b"></kdx-progress>`);
      expect(q(el, '[role="alert"]').textContent).to.contain('HTTP 503');
      q(el, 'button').click();
      await new Promise((r) => setTimeout(r, 50));
      await settled(el);
      expect(q(el, '[role="meter"]').getAttribute('aria-valuetext')).to.equal('7 of 10 items achieved (70.0%)');
      // The button is gone; focus moved to the widget's content, not lost to <body>.
      expect(el.shadowRoot!.activeElement).to.equal(q(el, '[part="base"]'));
    });
  });

  describe('runtime changes', () => {
    it('follows node, plan, src and lang changes', async () => {
      const { el } = await mount(`<kdx-progress data-test src="${SRC}" plan="${PLAN}" node="policy-1"></kdx-progress>`);
      el.setAttribute('node', 'policy-3');
      await settled(el);
      expect(q(el, '.rate').textContent).to.equal('80.0%');
      el.setAttribute('lang', 'en');
      await settled(el);
      expect(q(el, '[role="meter"]').getAttribute('aria-valuetext')).to.equal('32 of 40 items achieved (80.0%)');
      el.setAttribute('src', '/seeds/minimal.json');
      el.removeAttribute('plan');
      el.setAttribute('node', 'goal-b');
      await new Promise((r) => setTimeout(r, 50));
      await settled(el);
      expect(q(el, '.rate').textContent).to.equal('70.0%');
    });

    it('follows a language switch on an ancestor', async () => {
      const { root, el } = await mount(`<div lang="ja"><kdx-progress data-test src="${SRC}" plan="${PLAN}"></kdx-progress></div>`);
      (root.firstElementChild as HTMLElement).lang = 'en';
      await new Promise((r) => setTimeout(r, 0));
      await el.updateComplete;
      expect(q(el, '[role="meter"]').getAttribute('aria-valuetext')).to.equal('108 of 124 items achieved (87.1%)');
    });

    it('fires kdx-load with the plan and node', async () => {
      const { event } = await mount(`<kdx-progress data-test src="${SRC}" plan="${PLAN}" node="policy-2"></kdx-progress>`);
      expect(event.type).to.equal('kdx-load');
      expect((event as CustomEvent).detail).to.deep.equal({ plan: PLAN, node: 'policy-2' });
    });
  });
});

describe('<kdx-progress> moved in the page', () => {
  afterEach(() => forgetBundle());

  it('keeps its request when moved while loading (one request), and shows the data without a loading flash after a move', async () => {
    const src = unique('/__kdx/slow?ms=600');
    const a = document.createElement('div');
    const b = document.createElement('div');
    document.body.append(a, b);
    a.innerHTML = `<kdx-progress src="${src}" node="goal-b"></kdx-progress>`;
    const el = a.querySelector('kdx-progress')!;
    await el.updateComplete;
    b.append(el); // disconnect + connect in one task
    await settled(el);
    expect(q(el, '.rate').textContent).to.equal('70.0%');
    expect(await hits(src)).to.equal(1);
    a.append(el);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[aria-busy="true"]')).to.equal(null);
    expect(q(el, '.rate').textContent).to.equal('70.0%');
    a.remove();
    b.remove();
  });
});
