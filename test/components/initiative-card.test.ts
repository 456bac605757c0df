import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../../src/kdx.js';
import type { Bundle } from '../../src/data/bundle.js';
import type { KdxErrorEvent } from '../../src/events/kdx-error.js';
import type { KdxLoadEvent } from '../../src/events/kdx-load.js';
import { clone, seed, unique } from '../helpers/bundles.js';
import { GARBAGE, mount, q, settled, shown, unmountAll, expectErrorShown } from '../helpers/widgets.js';

// Expected values are read from the source documents (金沢市行政経営プランの取組状況等について, P38 etc.) as the
// seed records them, not from the widget's output.
const SRC = '/seeds/kanazawa.json';
const PLAN = 'administrative-management-plan';
const MINIMAL = '/seeds/minimal.json';

const card = (attrs: string) => mount(`<kdx-initiative-card data-test ${attrs}></kdx-initiative-card>`);

/** Texts of the elements matching `selector` in the card's shadow root, whitespace collapsed. */
function texts(el: Element, selector: string): string[] {
  return [...el.shadowRoot!.querySelectorAll(selector)].map((e) => e.textContent!.replace(/\s+/g, ' ').trim());
}

/** The card's heading, whatever its level: [level, text]. */
function heading(el: Element): [number, string] {
  const h = el.shadowRoot!.querySelector('h1, h2, h3, h4, h5, h6, [role="heading"]');
  if (!h) throw new Error('no heading');
  const level = h.getAttribute('aria-level') ?? h.localName.slice(1);
  return [Number(level), h.textContent!.trim()];
}

/** An inline bundle inside a provider, with one card. */
function inline(bundle: unknown, cardAttrs: string): string {
  return `<kdx-plan><script type="application/json">${JSON.stringify(bundle)}</script><kdx-initiative-card data-test ${cardAttrs}></kdx-initiative-card></kdx-plan>`;
}

async function clean(el: LitElement) {
  expect(shown(el)).to.not.match(GARBAGE);
  // Never an empty label: every list item, heading, term and value says something.
  for (const e of el.shadowRoot!.querySelectorAll('li, h1, h2, h3, h4, h5, h6, dt, dd, p, a, span:not(.dot)')) {
    expect(e.textContent!.trim(), e.outerHTML).to.not.equal('');
  }
  expect(el.shadowRoot!.querySelector('[style]')).to.equal(null);
  await expect(el).to.be.accessible();
}

describe('<kdx-initiative-card>', () => {
  afterEach(() => {
    unmountAll();
  });

  describe('renders an initiative as the report prints it', () => {
    it('R7-1: title, №, page, the heading it is listed under, place in the plan, description, and no invented status', async () => {
      const { el, event } = await card(`src="${SRC}" plan="${PLAN}" node="R7-1"`);
      expect(event.type).to.equal('kdx-load');
      expect((event as KdxLoadEvent).detail).to.deep.equal({ plan: PLAN, node: 'R7-1' });
      expect(heading(el)).to.deep.equal([3, '避難所の入退所等に活用できるデジタル市民パスポートの導入']);
      // 「4. 令和7年度に追加した主な取組事項」 … [P38, №.R7-1]
      expect(texts(el, '.facts li')).to.deep.equal(['取組事項', '№ R7-1', 'P38', '令和7年度に追加']);
      const nav = q(el, '[part="breadcrumb"] ol');
      expect(nav.getAttribute('aria-label')).to.contain('計画内の位置');
      expect(texts(el, '.breadcrumb ol > li').join(' › ')).to.equal('金沢市行政経営プラン › 行政組織の質を高める › 働き方のDXと機能的な組織運営');
      expect(q(el, '[part="description"]').textContent).to.equal(
        'スマートフォンアプリ「デジタル市民パスポート」を利用してスムーズな避難所受付・管理を実現します。また、施設受付など平時でも利用できる機能も拡充します。',
      );
      // The R7 summaries say what will be done (〜します).
      expect(texts(el, '.description-label')).to.deep.equal(['取組内容']);
      // The report gives counts only: no status for one item, not even "not reported".
      expect(el.shadowRoot!.querySelector('[part="status"]')).to.equal(null);
      expect(shown(el)).to.not.contain('状況');
      // Not flagged 【数値目標】 in the report, no progress of its own, no URL in the seed.
      expect(shown(el)).to.not.contain('数値目標');
      expect(shown(el)).to.not.contain('項目達成');
      expect(el.shadowRoot!.querySelector('a')).to.equal(null);
      await clean(el);
    });

    for (const node of ['R6-33', 'R7-11']) {
      it(`${node} carries the 【数値目標】 flag, without values the report does not give`, async () => {
        const { el } = await card(`src="${SRC}" plan="${PLAN}" node="${node}"`);
        // Says what the mark means, as a line of text (not a button-like badge), and gives no invented value.
        expect(q(el, '.target').textContent!.replace(/\s+/g, ' ').trim()).to.equal('数値目標: 設定あり（目標値はこのデータにありません）');
        expect(getComputedStyle(q(el, '.target-name')).borderTopStyle).to.equal('none');
        expect(el.shadowRoot!.querySelector('.target-values')).to.equal(null);
        expect(shown(el)).to.not.contain('実績');
        await clean(el);
      });
    }

    it('R6-7 is listed as carried out in 令和6年度, never as added', async () => {
      const { el } = await card(`src="${SRC}" plan="${PLAN}" node="R6-7"`);
      expect(heading(el)[1]).to.equal('公用車給油事務へのクレジットカードの導入');
      // 「3. 令和6年度に実施した主な取組事項」 … [P38, №.R6-7]
      expect(texts(el, '.facts li')).to.deep.equal(['取組事項', '№ R6-7', 'P38', '令和6年度に実施']);
      expect(texts(el, '.description-label')).to.deep.equal(['実施内容']);
      expect(shown(el)).to.not.contain('追加');
      expect(shown(el)).to.not.contain('令和7年度');
    });

    // The report's two headings, and the numbers listed under each (金沢市行政経営プランの取組状況等について, 3. and 4.).
    const CARRIED_OUT_FY2024 = ['R6-7', 'R6-10', 'R6-13', 'R6-19', 'R6-20', 'R6-26', 'R6-30', 'R6-33', 'R6-34'];
    const ADDED_FY2025 = ['R7-1', 'R7-10', 'R7-11', 'R7-14', 'R7-18', 'R7-19', 'R7-23', 'R7-25', 'R7-27'];
    for (const lang of ['ja', 'en'] as const) {
      it(`every main initiative says under which heading the report lists it, and none shows a status (${lang})`, async () => {
        for (const [ids, says, never] of [
          [CARRIED_OUT_FY2024, lang === 'ja' ? '令和6年度に実施' : 'Carried out in FY2024', lang === 'ja' ? '追加' : 'Added'],
          [ADDED_FY2025, lang === 'ja' ? '令和7年度に追加' : 'Added in FY2025', lang === 'ja' ? '実施' : 'Carried out'],
        ] as const) {
          for (const id of ids) {
            const { el } = await card(`lang="${lang}" src="${SRC}" plan="${PLAN}" node="${id}"`);
            expect(texts(el, '.facts li'), id).to.include(says);
            expect(texts(el, '.facts li').join(' '), id).to.not.contain(never);
            expect(el.shadowRoot!.querySelector('[part="status"]'), id).to.equal(null);
            expect(shown(el), id).to.not.match(lang === 'ja' ? /状況|記載なし/ : /Status|Not reported/);
            el.remove();
          }
        }
      });
    }

    it('R6-19 carries the figure its text gives (イベントを17件開催しました) as a result, not a numeric target', async () => {
      let { el } = await card(`src="${SRC}" plan="${PLAN}" node="R6-19"`);
      expect(texts(el, '.results .flag')).to.deep.equal(['実績']);
      expect(texts(el, '.results dl > div')).to.deep.equal(['イベント 17件']);
      expect(el.shadowRoot!.querySelector('.target')).to.equal(null);
      await clean(el);
      el.remove();
      ({ el } = await card(`lang="en" src="${SRC}" plan="${PLAN}" node="R6-19"`));
      // A Japanese counter word has no English form: "17", never "17件".
      expect(texts(el, '.results dl > div')).to.deep.equal(['Events held 17']);
      await clean(el);
    });

    it('speaks English with lang="en"', async () => {
      const { el } = await card(`lang="en" src="${SRC}" plan="${PLAN}" node="R7-1"`);
      expect(heading(el)[1]).to.equal(
        'Introducing a Digital Citizen Passport that can be used for checking in and out of evacuation shelters',
      );
      expect(texts(el, '.facts li')).to.deep.equal(['Initiative', 'No. R7-1', 'p. 38', 'Added in FY2025']);
      expect(texts(el, '.description-label')).to.deep.equal(['What is planned']);
      expect(el.shadowRoot!.querySelector('[part="status"]')).to.equal(null);
      expect(texts(el, '.breadcrumb ol > li')).to.deep.equal([
        'Kanazawa City Administrative Management Plan',
        'Raising the quality of the administrative organization',
        'DX of ways of working and functional organizational management',
      ]);
      expect(q(el, '.breadcrumb ol').getAttribute('aria-label')).to.contain('Location in the plan');
      expect(q(el, '[part="description"]').textContent).to.contain('“Digital Citizen Passport”');
      expect(shown(el)).to.not.match(/[\u3040-\u30ff\u4e00-\u9fff]/); // nothing left in Japanese
      await clean(el);
    });

    it('keeps paragraph breaks of a description', async () => {
      const bundle = clone(await seed('minimal'));
      bundle.plans[0]!.nodes[1]!.summary = { ja: '第一段落です。\n\n第二段落です。', en: 'First.\n\nSecond.' };
      const { el } = await mount(inline(bundle, 'node="A-1"'));
      const p = q(el, '[part="description"]');
      expect(getComputedStyle(p).whiteSpace).to.equal('pre-line');
      expect(p.innerText).to.equal('第一段落です。\n\n第二段落です。');
      await clean(el);
    });
  });

  describe('any kind of node', () => {
    it('a policy shows its kind and progress, and no item status', async () => {
      const { el } = await card(`src="${SRC}" plan="${PLAN}" node="policy-1"`);
      expect(heading(el)[1]).to.equal('行政組織の質を高める');
      expect(texts(el, '.facts li')).to.deep.equal(['基本方針', '№ 1']);
      expect(texts(el, '.progress')).to.deep.equal(['39項目中38項目達成（97.4%）']);
      expect(q(el, '[part="description"]').textContent).to.equal('（ヒトの育成と情報発信の強化）');
      expect(texts(el, '.breadcrumb ol > li')).to.deep.equal(['金沢市行政経営プラン']);
      expect(el.shadowRoot!.querySelector('[part="status"]')).to.equal(null);
      await clean(el);
    });

    it('a title in the editor\'s words carries the editor\'s mark, in the heading and where it is a breadcrumb; the source\'s do not', async () => {
      const DXP = 'dx-action-plan-2';
      // The DX plan prints the previous plan's four areas without a heading: 「DXアクションプラン（前プラン）の4分野」 is the editor's.
      const { el } = await card(`src="${SRC}" plan="${DXP}" node="previous-areas"`);
      expect(heading(el)[1].replace(/\s+/g, ' ')).to.equal('DXアクションプラン（前プラン）の4分野 編集者による記述');
      expect(texts(el, 'h3 .editorial-mark')).to.deep.equal(['編集者による記述']);
      await clean(el);
      const { el: area } = await card(`src="${SRC}" plan="${DXP}" node="previous-area-1"`);
      expect(heading(area)[1]).to.equal('産業');
      expect(texts(area, '.breadcrumb ol > li')).to.deep.equal(['金沢市DXアクションプラン2.0', '取組の方向性', 'DXアクションプラン（前プラン）の4分野 編集者による記述']);
      expect(area.shadowRoot!.querySelectorAll('.editorial-mark')).to.have.length(1);
      await clean(area);
      const { el: en } = await card(`lang="en" src="${SRC}" plan="${DXP}" node="previous-areas"`);
      expect(heading(en)[1].replace(/\s+/g, ' ')).to.equal("The four areas of the DX Action Plan (the previous plan) editor's wording");
      await clean(en);
    });

    it('a policy with notes shows them (※)', async () => {
      const { el } = await card(`src="${SRC}" plan="${PLAN}" node="policy-3"`);
      expect(texts(el, '.progress')).to.deep.equal(['40項目中32項目達成（80.0%）']);
      expect(texts(el, '.notes li')).to.deep.equal(['※うち2項目は数値未確定']);
      expect(q(el, '.notes').getAttribute('aria-label')).to.equal('注記');
      await clean(el);
    });

    it('the plan itself: kind, progress, notes, and no breadcrumb', async () => {
      const { el } = await card(`src="${SRC}" plan="${PLAN}"`);
      expect(heading(el)[1]).to.equal('金沢市行政経営プラン');
      expect(texts(el, '.facts li')).to.deep.equal(['計画']);
      expect(texts(el, '.progress')).to.deep.equal(['124項目中108項目達成（87.1%）']);
      // The editor's note is labelled as the editor's, not dressed as the report's ※ footnote.
      expect(texts(el, '.notes li')).to.deep.equal([
        '編集者注：掲載の取組事項は、報告書が挙げる主な取組事項のみです（令和6年度に実施した主な取組事項、令和7年度に追加した主な取組事項）。',
      ]);
      expect(texts(el, '.notes li')[0]).to.not.match(/^※/);
      expect(el.shadowRoot!.querySelector('[part="breadcrumb"]')).to.equal(null);
      await clean(el);
    });

    it('a part of the DX Action Plan 2.0 with the document\'s words for its kind and number (【視点1】)', async () => {
      const { el } = await card(`src="${SRC}" plan="dx-action-plan-2" node="viewpoint-1"`);
      expect(heading(el)[1]).to.equal('全ての人の利便性向上');
      expect(texts(el, '.facts li')).to.deep.equal(['視点', '視点1']);
      expect(texts(el, '.breadcrumb ol > li')).to.deep.equal(['金沢市DXアクションプラン2.0', '取組の方向性']);
      expect(texts(el, '.notes li')).to.deep.equal(['編集者注：DXアクションプラン（前プラン）から継続']);
      await clean(el);
    });

    it('a field of the DX Action Plan 2.0 shows the 未来共創計画 area it serves', async () => {
      const { el } = await card(`src="${SRC}" plan="dx-action-plan-2" node="field-1"`);
      expect(heading(el)[1]).to.equal('魅力づくり');
      expect(texts(el, '.facts li')).to.deep.equal(['分野', '分野1']);
      expect(q(el, '[part="description"]').textContent).to.equal('世界に誇る伝統と創造の文化が息づくまちの実現に向けたデジタル施策を推進');
      expect(texts(el, '.aligned li')).to.deep.equal(['未来共創計画：世界に誇る伝統と創造の文化が息づくまち～魅力づくり～']);
      await clean(el);
    });

    it('a kind the plan does not name gets no label of the library\'s own (the report names no kind for (1)–(3))', async () => {
      const { el } = await card(`src="${SRC}" plan="${PLAN}" node="policy-1-1"`);
      expect(texts(el, '.facts li')).to.deep.equal(['№ （1）']);
      expect(shown(el)).to.not.contain('取組分野');
      await clean(el);
    });
  });

  describe('status, numeric target and links (minimal bundle)', () => {
    it('A-1: status as text and colour, numeric target with unit, link to the source document page', async () => {
      const { el } = await card(`src="${MINIMAL}" node="A-1"`);
      expect(texts(el, '[part="status"]')).to.deep.equal(['状況: 達成']);
      const badge = q(el, '.badge');
      expect(badge.classList.contains('tone-success')).to.equal(true);
      // The colour is the success tone (green), and the status is written next to it.
      expect(getComputedStyle(badge).color).to.equal('rgb(25, 122, 75)');
      expect(badge.textContent!.trim()).to.equal('達成');
      expect(texts(el, '.target-label')).to.deep.equal(['利用件数']);
      expect(texts(el, '.target-values > div')).to.deep.equal(['目標 1,000件', '実績 1,200件']);
      const a = q<HTMLAnchorElement>(el, 'a[part="link"]');
      expect(a.href).to.equal(new URL('/seeds/docs/sample-plan.pdf#page=12', document.baseURI).href);
      expect(a.textContent).to.equal('資料の 12 ページを見る');
      expect(q(el, '[part="description"]').textContent).to.equal('A-1の説明です。');
      await clean(el);
    });

    it('A-1 in English: units and labels translated', async () => {
      const { el } = await card(`lang="en" src="${MINIMAL}" node="A-1"`);
      expect(texts(el, '[part="status"]')).to.deep.equal(['Status: Achieved']);
      expect(texts(el, '.target-name')).to.deep.equal(['Numeric target:']);
      expect(texts(el, '.target-label')).to.deep.equal(['Uses']);
      expect(texts(el, '.target-values > div')).to.deep.equal(['Target 1,000 uses', 'Actual 1,200 uses']);
      expect(q(el, 'a').textContent).to.equal('See page 12 of the source document');
      expect(texts(el, '.facts li')).to.deep.equal(['Initiative', 'No. A-1', 'p. 12', 'Added in FY2024']);
      await clean(el);
    });

    it('keeps status and link readable in the dark theme', async () => {
      for (const node of ['A-1', 'A-2']) {
        const { el } = await card(`theme="dark" src="${MINIMAL}" node="${node}"`);
        expect(getComputedStyle(q(el, '[part="base"]')).backgroundColor).to.equal('rgb(26, 26, 26)');
        await clean(el);
      }
    });

    it('A-2: its own link wins over the source document', async () => {
      const { el } = await card(`src="${MINIMAL}" node="A-2"`);
      const a = q<HTMLAnchorElement>(el, 'a[part="link"]');
      expect(a.getAttribute('href')).to.equal('https://example.jp/a-2');
      expect(a.textContent).to.equal('詳細ページを見る');
      expect(texts(el, '[part="status"]')).to.deep.equal(['状況: 取組中']);
      expect(q(el, '.badge').classList.contains('tone-info')).to.equal(true);
      await clean(el);
    });

    it('A-3 in English: a Japanese-only title is marked as Japanese', async () => {
      const { el } = await card(`lang="en" src="${MINIMAL}" node="A-3"`);
      const h = el.shadowRoot!.querySelector('h3')!;
      expect(h.textContent).to.equal('取組A-3（英語なし）');
      expect(h.lang).to.equal('ja');
      expect(texts(el, '[part="status"]')).to.deep.equal(['Status: Figures not yet fixed']);
      // No page, so no link into the document.
      expect(el.shadowRoot!.querySelector('a')).to.equal(null);
      await clean(el);
    });

    it('the plan itself links to its whole source document; a node without page links nowhere', async () => {
      let { el } = await card(`src="${MINIMAL}"`);
      const a = q<HTMLAnchorElement>(el, 'a[part="link"]');
      expect(a.href).to.equal(new URL('/seeds/docs/sample-plan.pdf', document.baseURI).href);
      expect(a.textContent).to.equal('資料を見る');
      await clean(el);
      ({ el } = await card(`src="${MINIMAL}" node="goal-a"`));
      expect(texts(el, '.progress')).to.deep.equal(['3項目中1項目達成（33.3%）']);
      expect(el.shadowRoot!.querySelector('a')).to.equal(null);
      await clean(el);
    });

    it('C-1: an item without status shows none (it does not claim the source left it out)', async () => {
      const { el } = await card(`src="${MINIMAL}" node="C-1"`);
      expect(el.shadowRoot!.querySelector('[part="status"]')).to.equal(null);
      expect(el.shadowRoot!.querySelector('.badge')).to.equal(null);
      expect(shown(el)).to.not.contain('記載なし');
      await clean(el);
    });

    it('refuses a bundle with a javascript: link: an error, never an href', async () => {
      const bundle = clone(await seed('minimal'));
      bundle.plans[0]!.nodes[1]!.link = 'javascript:alert(1)';
      const { el, event } = await mount(inline(bundle, 'node="A-1"'));
      expect(event.type).to.equal('kdx-error');
      expect((event as KdxErrorEvent).detail.code).to.equal('invalid');
      expect(q(el, '[role="alert"]').textContent).to.match(/plans\[0\]\.nodes\[1\]\.link/);
      expect(el.shadowRoot!.querySelector('a')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('refuses a link the URL parser cannot read (the data is reported, not silently dropped)', async () => {
      for (const mutate of [
        (b: Bundle) => (b.plans[0]!.nodes[1]!.link = 'http://a:99999999/'),
        (b: Bundle) => (b.plans[0]!.source!.url = 'http://[/plan.pdf'),
      ]) {
        const bundle = clone(await seed('minimal'));
        mutate(bundle);
        const { el, event } = await mount(inline(bundle, 'node="A-1"'));
        expect((event as KdxErrorEvent).detail.code).to.equal('invalid');
        expect(q(el, '[role="alert"]').textContent).to.match(/(nodes\[1\]\.link|source\.url): URL/);
        expect(el.shadowRoot!.querySelector('a')).to.equal(null);
        el.parentElement!.parentElement!.remove();
      }
    });

    it('resolves relative links in inline data against the page', async () => {
      const { el } = await mount(inline(await seed('minimal'), 'node="A-1"'));
      expect(q<HTMLAnchorElement>(el, 'a[part="link"]').href).to.equal(new URL('docs/sample-plan.pdf#page=12', document.baseURI).href);
      await clean(el);
    });
  });

  describe('heading level', () => {
    it('is h3 by default, follows heading-level, and clamps out-of-range values', async () => {
      const { el } = await card(`heading-level="2" src="${SRC}" plan="${PLAN}" node="R7-1"`);
      expect(heading(el)[0]).to.equal(2);
      expect(el.shadowRoot!.querySelectorAll('h1, h2, h3, h4, h5, h6').length).to.equal(1);
      await expect(el).to.be.accessible();
      el.setAttribute('heading-level', '5');
      await el.updateComplete;
      expect(heading(el)).to.deep.equal([5, '避難所の入退所等に活用できるデジタル市民パスポートの導入']);
      el.setAttribute('heading-level', '9');
      await el.updateComplete;
      expect(heading(el)[0]).to.equal(6);
      el.setAttribute('heading-level', 'x');
      await el.updateComplete;
      expect(heading(el)[0]).to.equal(3);
      el.removeAttribute('heading-level');
      await el.updateComplete;
      expect(heading(el)[0]).to.equal(3);
    });

    it('names the card after its heading', async () => {
      const { el } = await card(`src="${SRC}" plan="${PLAN}" node="R7-11"`);
      const base = q(el, '[part="base"]');
      expect(base.localName).to.equal('article');
      expect(el.shadowRoot!.getElementById(base.getAttribute('aria-labelledby')!)!.textContent).to.equal('DXアドバイザー職員の育成');
    });
  });

  describe('provider', () => {
    it('takes data from the nearest <kdx-plan>, and its language from an ancestor', async () => {
      const src = unique(SRC);
      const { el } = await mount(
        `<kdx-plan src="${src}" plan="${PLAN}"><div lang="en"><article><kdx-initiative-card data-test node="R7-1"></kdx-initiative-card></article></div></kdx-plan>`,
      );
      expect(texts(el, '.facts li')).to.deep.equal(['Initiative', 'No. R7-1', 'p. 38', 'Added in FY2025']);
      await clean(el);
    });

    it('follows a language switch on an ancestor', async () => {
      const { root, el } = await mount(`<div lang="ja"><kdx-initiative-card data-test src="${SRC}" plan="${PLAN}" node="R6-7"></kdx-initiative-card></div>`);
      expect(texts(el, '.facts li')).to.include('令和6年度に実施');
      (root.firstElementChild as HTMLElement).lang = 'en';
      await new Promise((r) => setTimeout(r, 0));
      await el.updateComplete;
      expect(texts(el, '.facts li')).to.include('Carried out in FY2024');
      expect(heading(el)[1]).to.equal('Introducing credit cards for refueling official vehicles');
    });
  });

  describe('runtime changes', () => {
    it('switches node when the attribute changes, and fires kdx-load again', async () => {
      const { el } = await card(`src="${SRC}" plan="${PLAN}" node="R7-1"`);
      const loaded = new Promise<KdxLoadEvent>((r) => el.addEventListener('kdx-load', r, { once: true }));
      el.setAttribute('node', 'R6-33');
      expect((await loaded).detail).to.deep.equal({ plan: PLAN, node: 'R6-33' });
      await settled(el);
      expect(heading(el)[1]).to.equal('企業版ふるさと納税額');
      expect(texts(el, '.facts li')).to.deep.equal(['取組事項', '№ R6-33', 'P103', '令和6年度に実施']);
      expect(texts(el, '.breadcrumb ol > li')).to.deep.equal(['金沢市行政経営プラン', '財政基盤の質を高める', '効果的な政策立案と歳入の確保']);
      expect(q(el, '.target-name').textContent).to.equal('数値目標:');
      await clean(el);
    });
  });

  describe('errors', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['unknown node', `<kdx-initiative-card data-test src="${SRC}" plan="${PLAN}" node="R9-9"></kdx-initiative-card>`, /項目「R9-9」.*node 属性/],
      ['unknown plan', `<kdx-initiative-card data-test src="${SRC}" plan="nope" node="R7-1"></kdx-initiative-card>`, /計画「nope」/],
      ['no source', `<kdx-initiative-card data-test node="R7-1"></kdx-initiative-card>`, /src 属性/],
      ['missing file', `<kdx-initiative-card data-test src="/seeds/nope.json"></kdx-initiative-card>`, /HTTP 404/],
    ];
    for (const [name, markup, message] of cases) {
      it(`shows a plain message for: ${name}, with role="alert" and a kdx-error event`, async () => {
        const { el, event } = await mount(markup);
        await expectErrorShown(el, event, message);
        expect(el.shadowRoot!.querySelector('[part="base"]')).to.equal(null);
      });
    }

    it('shows the error in English too, and recovers when the node is fixed', async () => {
      const { el } = await card(`lang="en" src="${SRC}" plan="${PLAN}" node="R9-9"`);
      expect(q(el, '[role="alert"]').textContent).to.match(/There is no item "R9-9"/);
      el.setAttribute('node', 'R7-1');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
      expect(texts(el, '.facts li')).to.include('No. R7-1');
    });

    it('shows a quiet busy placeholder while loading', async () => {
      const root = document.createElement('div');
      document.body.append(root);
      root.innerHTML = `<kdx-initiative-card src="${unique('/__kdx/slow?ms=1500')}" node="A-1"></kdx-initiative-card>`;
      const el = root.querySelector('kdx-initiative-card')!;
      await el.updateComplete;
      expect(q(el, '[aria-busy="true"]').textContent).to.equal('読み込み中…');
      await expect(el).to.be.accessible();
    });
  });
});
