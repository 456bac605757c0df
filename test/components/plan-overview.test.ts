import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { LitElement } from 'lit';
import '../../src/kdx.js';
import type { Bundle } from '../../src/data/bundle.js';
import type { KdxLoadEvent } from '../../src/events/kdx-load.js';
import { served } from '../embed/snippets.js';
import { clone, seed, unique } from '../helpers/bundles.js';
import { expectErrorShown, GARBAGE, mount, q, settled, shown, unmountAll } from '../helpers/widgets.js';

// Expected values are read from the two documents in ../shared/seeds/ (quoted in the comments), not from the
// widget's output: 金沢市DXアクションプラン2.0 (DX) and 金沢市行政経営プランの取組状況等について (the report).
const SRC = '/seeds/kanazawa.json';
const DX = 'dx-action-plan-2';
const AMP = 'administrative-management-plan';
const MINIMAL = '/seeds/minimal.json';

const overview = (attrs: string) => mount(`<kdx-plan-overview data-test ${attrs}></kdx-plan-overview>`);
const inline = (bundle: unknown, attrs = '') =>
  mount(`<kdx-plan><script type="application/json">${JSON.stringify(bundle)}</script><kdx-plan-overview data-test ${attrs}></kdx-plan-overview></kdx-plan>`);

const flat = (e: Element) => e.textContent!.replace(/\s+/g, ' ').trim();
function texts(el: Element, selector: string, within: ParentNode = el.shadowRoot!): string[] {
  return [...within.querySelectorAll(selector)].map(flat);
}
/** The facts as [term, value] (the value without its note). */
function facts(el: Element): string[][] {
  return [...el.shadowRoot!.querySelectorAll('[part="facts"] > div')].map((d) => [
    flat(d.querySelector('dt')!),
    [...d.querySelector('dd')!.childNodes].filter((n) => n.nodeType !== Node.COMMENT_NODE && !(n instanceof Element && n.classList.contains('fact-note'))).map((n) => n.textContent).join('').replace(/\s+/g, ' ').trim(),
  ]);
}
/** Every heading as [level, text]. */
function headings(el: Element): Array<[number, string]> {
  return [...el.shadowRoot!.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => [Number(h.localName.slice(1)), flat(h)]);
}
/** A part (div.section) by its heading. */
function section(el: Element, title: string): HTMLElement {
  const found = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="section"]')].find((s) => flat(s.querySelector('[part="section-heading"]')!) === title);
  if (!found) throw new Error(`no part 「${title}」: ${headings(el).map((h) => h[1]).join(', ')}`);
  return found;
}
/** The top level at a glance: [label and title, rate line, children]. */
function entries(el: Element): Array<[string, string, string[]]> {
  return [...el.shadowRoot!.querySelectorAll('.top > li')].map((li) => [
    flat(li.querySelector('.entry-head')!),
    li.querySelector('.rate') ? flat(li.querySelector('.rate')!) : '',
    texts(li, '.children > li', li),
  ]);
}

async function clean(el: LitElement) {
  expect(shown(el)).to.not.match(GARBAGE);
  for (const e of el.shadowRoot!.querySelectorAll('li, h1, h2, h3, h4, h5, h6, dt, dd, p, a, summary')) {
    expect(e.textContent!.trim(), e.outerHTML).to.not.equal('');
  }
  expect(el.shadowRoot!.querySelector('[style]')).to.equal(null);
  await expect(el).to.be.accessible();
}

describe('<kdx-plan-overview>', () => {
  afterEach(unmountAll);

  describe('金沢市DXアクションプラン2.0', () => {
    it('title, period in 和暦 with 西暦 and its reason, adoption, publisher and editor', async () => {
      const { el, event } = await overview(`src="${SRC}" plan="${DX}"`);
      expect((event as KdxLoadEvent).detail).to.deep.equal({ plan: DX, node: DX });
      expect(headings(el)[0]).to.deep.equal([2, '金沢市DXアクションプラン2.0']);
      // 「◎ デジタルにより市民サービス向上を目指す本市の指針」 (1.2)
      expect(texts(el, '.summary')).to.deep.equal(['デジタルにより市民サービス向上を目指す本市の指針']);
      expect(facts(el)).to.deep.equal([
        // 1.3: 「令和8(2026)年度～令和11(2029)年度の4か年とします」
        ['期間', '令和8年度～令和11年度（2026～2029年度）'],
        // title page: 「2026年1月策定」
        ['策定', '2026年1月'],
        // colophon: 「発行 金沢市」「編集 金沢市都市政策局デジタル政策課」
        ['発行', '金沢市'],
        ['編集', '金沢市都市政策局デジタル政策課'],
      ]);
      expect(texts(el, '.fact-note')).to.deep.equal(['「未来共創計画」(計画期間:10年間)の「充実期」にあわせ、令和8(2026)年度～令和11(2029)年度の4か年とします。']);
      // No document states a reference date (時点), and the source's title is the plan's own (no 資料 line): the
      // facts above are all there is.
      // The seed has no URL for the document: no link at all.
      expect(el.shadowRoot!.querySelector('a')).to.equal(null);
      await clean(el);
    });

    it('基本理念, the five 行動指針, both 視点 and all five 分野 at a glance, in the document\'s words', async () => {
      const { el } = await overview(`src="${SRC}" plan="${DX}"`);
      // 2.1 基本理念
      expect(texts(section(el, '基本理念'), 'p', section(el, '基本理念'))).to.deep.equal([
        '全ての人が便利に暮らし、幸せを実感するまちへ',
        '「全ての人が便利に暮らし幸せを実感するまち」をめざし、DXによる質の高いサービスを創り続けることで、地域の幸福度や、まちの持続可能性を高めていきます。',
      ]);
      expect(entries(el)).to.deep.equal([
        // 2.2 行動指針: 市民目線 スピード感 チャレンジ 成果検証 デジタルファースト
        ['行動指針', '', ['市民目線', 'スピード感', 'チャレンジ', '成果検証', 'デジタルファースト']],
        ['取組方針', '', []],
        // 2.4: 【視点1】 全ての人の利便性向上 【視点2】 共創のための環境整備 【分野1】 魅力づくり … 【分野5】 都市づくり
        [
          '取組の方向性',
          '',
          [
            '視点1 全ての人の利便性向上',
            '視点2 共創のための環境整備',
            '分野1 魅力づくり',
            '分野2 暮らしづくり',
            '分野3 人づくり',
            '分野4 仕事づくり',
            '分野5 都市づくり',
            // The document prints the previous plan's four areas without a heading: the title is the editor's.
            'DXアクションプラン（前プラン）の4分野 編集者による記述',
          ],
        ],
      ]);
      // The DX plan states no achievement figures.
      expect(shown(el)).to.not.contain('達成率');
      await clean(el);
    });

    it('策定の趣旨 behind a disclosure that opens from the keyboard; 推進体制; the revision policy; the editor\'s note', async () => {
      const { el } = await overview(`src="${SRC}" plan="${DX}"`);
      const details = q<HTMLDetailsElement>(el, 'details');
      expect(details.open).to.equal(false);
      expect(flat(q(el, 'summary'))).to.equal('全文を読む');
      q(el, 'summary').focus();
      await sendKeys({ press: 'Enter' });
      expect(details.open).to.equal(true);
      const paragraphs = texts(details, 'p', details);
      // 1.1 策定の趣旨: three paragraphs.
      expect(paragraphs).to.have.length(3);
      expect(paragraphs[0]).to.match(/^本市では、平成31\(2019\)年2月に「金沢市ICT活用推進計画」を/);
      expect(paragraphs[2]).to.match(/DXの取組を進めていきます。$/);
      // 1.4 推進体制
      const promotion = section(el, '推進体制');
      expect(texts(promotion, '.prose', promotion)).to.deep.equal(['外部有識者会議と庁内横断組織によってプランを推進します。']);
      expect(texts(promotion, 'dt', promotion)).to.deep.equal(['金沢市DX会議', 'DX推進本部']);
      expect(texts(promotion, 'dd', promotion)[1]).to.equal('市長を本部長とする庁内横断組織を設置し、情報共有や施策の横展開を図ります。');
      // 1.3: 「なお、デジタル技術進展の速度に鑑み、毎年、時点修正を行う動的なプランとします。」
      expect(texts(section(el, '見直し'), '.prose', section(el, '見直し'))).to.deep.equal(['デジタル技術進展の速度に鑑み、毎年、時点修正を行う動的なプランとします。']);
      // The editor's note is labelled as the editor's, not dressed as a ※ footnote.
      expect(texts(el, '.notes li')).to.deep.equal(['編集者注：基本理念と行動指針は、DXアクションプラン（前プラン）から継続しています。']);
      expect(q(el, '.notes').getAttribute('aria-label')).to.equal('注記');
      await clean(el);
    });

    it('related plans with their dates, and relations marked where they are the editor\'s words', async () => {
      const { el } = await overview(`src="${SRC}" plan="${DX}"`);
      const related = section(el, '関連する計画');
      // 1.2: 「未来共創計画(2024年2月策定)」「第3次金沢版総合戦略(2024年3月策定)」「「金沢市行政経営プラン」(2023年2月策定)と連携」
      expect(texts(related, '.related-title', related).slice(0, 4)).to.deep.equal([
        '未来共創計画（2024年2月）',
        '第3次金沢版総合戦略（2024年3月）',
        '金沢市行政経営プラン（2023年2月）',
        '金沢市DXアクションプラン（2023年2月）',
      ]);
      const item = (title: string) => [...related.querySelectorAll('.related > li')].find((li) => flat(li.querySelector('.related-title')!).startsWith(title))!;
      // 「連携」 is the document's word: shown plainly.
      expect(texts(item('金沢市行政経営プラン'), '.relation', item('金沢市行政経営プラン'))).to.deep.equal(['関係 連携']);
      // The diagram's labels were lost; 上位計画（整合を図る） is the editor's: marked, not a quote.
      expect(texts(item('未来共創計画'), '.relation', item('未来共創計画'))).to.deep.equal(['関係 上位計画（整合を図る） 編集者による記述']);
      expect(texts(item('未来共創計画'), '.relation dd', item('未来共創計画'))[0]).to.not.match(/[「」]/);
      expect(texts(item('金沢市DXアクションプラン'), '.related-summary', item('金沢市DXアクションプラン'))).to.deep.equal([
        '本プランは、同プランに掲げた基本理念及び行動指針を継承しています。 編集者による記述',
      ]);
      // 第3次金沢版総合戦略: no relation survived the extraction, so none is shown.
      expect(item('第3次金沢版総合戦略').querySelector('.relation')).to.equal(null);
      expect(related.querySelectorAll('.related > li')).to.have.length(9);
      await clean(el);
    });

    it('in English: every fact and part translated, nothing left in Japanese', async () => {
      const { el } = await overview(`lang="en" src="${SRC}" plan="${DX}"`);
      expect(headings(el).map((h) => h[1])).to.deep.equal([
        'Kanazawa City DX Action Plan 2.0',
        'Basic principle',
        'Structure of the plan',
        'Purpose',
        'Promotion structure',
        'Related plans',
        'Revision',
      ]);
      expect(facts(el)).to.deep.equal([
        ['Period', 'FY2026–FY2029'],
        ['Adopted', 'January 2026'],
        ['Publisher', 'Kanazawa City'],
        ['Editor', 'Digital Policy Division, Urban Policy Bureau, Kanazawa City'],
      ]);
      expect(entries(el)[2]![2].slice(0, 3)).to.deep.equal(['Viewpoint 1 Greater convenience for everyone', 'Viewpoint 2 An environment for co-creation', 'Field 1 Building attractiveness']);
      // 2.2: the five 行動指針, each in the editor's English.
      expect(entries(el)[0]).to.deep.equal(['Action guidelines', '', ["Citizens' perspective", 'Speed', 'Challenge', 'Verifying results', 'Digital first']]);
      expect(texts(el, '.related-title')).to.deep.equal([
        'Future Co-creation Plan (February 2024)',
        '3rd Kanazawa Comprehensive Strategy (March 2024)',
        'Kanazawa City Administrative Management Plan (February 2023)',
        'Kanazawa City DX Action Plan (February 2023)',
        'Individual plans',
        'Kanazawa City Plan for Promoting the Use of ICT (February 2019)',
        'Kanazawa City Digital Strategy (March 2021)',
        'Local Government DX Promotion Plan',
        'Vision for a Digital Garden City Nation',
      ]);
      expect(texts(el, '.principle')).to.deep.equal(['Toward a city where everyone lives conveniently and feels happy']);
      expect(texts(el, '.notes li')[0]).to.match(/^Editor's note: The basic principle/);
      expect(shown(el)).to.not.match(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(el.shadowRoot!.querySelector('[lang="ja"]')).to.equal(null);
      await clean(el);
    });
  });

  describe('金沢市行政経営プラン (as the report gives it)', () => {
    it('title, period, adoption, publisher, the report as source document, and no editor (the report names none)', async () => {
      const { el } = await overview(`src="${SRC}" plan="${AMP}"`);
      expect(headings(el)[0]).to.deep.equal([2, '金沢市行政経営プラン']);
      expect(facts(el)).to.deep.equal([
        // report 1.(2) 推進期間: 「令和5年度～令和8年度（4年間）」
        ['期間', '令和5年度～令和8年度（2023～2026年度）'],
        // DX 1.2: 「「金沢市行政経営プラン」(2023年2月策定)」
        ['策定', '2023年2月'],
        ['発行', '金沢市'],
        ['資料', '金沢市行政経営プランの取組状況等について'],
      ]);
      expect(shown(el)).to.not.contain('編集 ');
      // report 1.(1) 基本理念
      expect(texts(el, '.principle')).to.deep.equal(['質の高い市民サービスを創り続ける行政経営の実践']);
      // Neither document gives this plan a purpose, promotion bodies or revision policy here: those parts are absent.
      expect(headings(el).map((h) => h[1])).to.deep.equal(['金沢市行政経営プラン', '基本理念', '計画の構成', '関連する計画']);
      expect(el.shadowRoot!.querySelector('details')).to.equal(null);
      await clean(el);
    });

    it('the three 基本方針 with their rates and the overall 87.1%, as the report\'s table prints them', async () => {
      const { el } = await overview(`src="${SRC}" plan="${AMP}"`);
      // 「達成率 87.1% (実施計画 124 項目中108 項目が達成済)」; 「※うち 2 項目は数値未確定」
      expect(texts(el, '.overall .rate')).to.deep.equal(['達成率 87.1% 124項目中108項目達成 ※2項目は数値未確定（内訳の数から計算した値）']);
      expect(texts(el, '.overall-label')).to.deep.equal(['計画全体']);
      expect(entries(el)).to.deep.equal([
        // 「1 行政組織の質を高める 39 項目 38 項目 97.4%」
        ['基本方針 1 行政組織の質を高める', '達成率 97.4% 39項目中38項目達成', ['（1） 働き方のDXと機能的な組織運営', '（2） 行政データの活用と伝わる情報発信', '（3） 職員の意識改革と人材の確保']],
        // 「2 共創の質を高める 45 項目 38 項目 84.4%」
        ['基本方針 2 共創の質を高める', '達成率 84.4% 45項目中38項目達成', ['（1） 多様な主体との協働の推進', '（2） 民間の創意工夫を活用する官民連携の推進', '（3） 自治体間における広域連携の推進']],
        // 「3 財政基盤の質を高める 40 項目※ 32 項目 80.0%」
        [
          '基本方針 3 財政基盤の質を高める',
          '達成率 80.0% 40項目中32項目達成 ※2項目は数値未確定',
          ['（1） 公共施設の保有量の適正化と施設環境の充実', '（2） 効果的な政策立案と歳入の確保', '（3） 特別会計の整理合理化と経営基盤の強化'],
        ],
      ]);
      const related = section(el, '関連する計画');
      expect(texts(related, '.related > li', related)).to.deep.equal(['金沢市DXアクションプラン2.0（2026年1月） 関係 連携']);
      expect(texts(el, '.notes li')).to.deep.equal([
        '編集者注：掲載の取組事項は、報告書が挙げる主な取組事項のみです（令和6年度に実施した主な取組事項、令和7年度に追加した主な取組事項）。',
      ]);
      await clean(el);
    });

    it('in English', async () => {
      const { el } = await overview(`lang="en" src="${SRC}" plan="${AMP}"`);
      expect(facts(el)).to.deep.equal([
        ['Period', 'FY2023–FY2026'],
        ['Adopted', 'February 2023'],
        ['Publisher', 'Kanazawa City'],
        ['Source document', 'Progress of the initiatives of the Kanazawa City Administrative Management Plan'],
      ]);
      expect(texts(el, '.overall .rate')).to.deep.equal(['Achievement rate 87.1% 108 of 124 items achieved * Figures for 2 items are not yet fixed (calculated from the breakdown)']);
      expect(entries(el).map((e) => e.slice(0, 2))).to.deep.equal([
        ['Basic policy 1 Raising the quality of the administrative organization', 'Achievement rate 97.4% 38 of 39 items achieved'],
        ['Basic policy 2 Raising the quality of co-creation', 'Achievement rate 84.4% 38 of 45 items achieved'],
        ['Basic policy 3 Raising the quality of the fiscal base', 'Achievement rate 80.0% 32 of 40 items achieved * Figures for 2 items are not yet fixed'],
      ]);
      expect(texts(el, '.principle')).to.deep.equal(['Practicing administrative management that keeps creating high-quality services for citizens']);
      expect(texts(el, '.related-title')).to.deep.equal(['Kanazawa City DX Action Plan 2.0 (January 2026)']);
      expect(shown(el)).to.not.match(/[\u3040-\u30ff\u4e00-\u9fff]/);
      await clean(el);
    });
  });

  describe('says nothing the data does not have', () => {
    it('Sample City (fictional): an as-of date from asOf, links only where the data has a URL, roll-ups from statuses', async () => {
      const { el } = await overview(`src="${MINIMAL}"`);
      expect(facts(el)).to.deep.equal([
        ['期間', '令和6年度～令和9年度（2024～2027年度）'],
        ['策定', '2024年3月'],
        ['時点', '2025年3月31日'],
        ['発行', 'サンプル市'],
        ['資料', 'サンプル計画（本文）'],
      ]);
      const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a[part="link"]')];
      expect(links.map((a) => [flat(a), a.href])).to.deep.equal([
        ['サンプル市', 'https://example.jp/'],
        // Relative to the bundle, not to the page.
        ['サンプル計画（本文）', new URL('/seeds/docs/sample-plan.pdf', document.baseURI).href],
      ]);
      expect(headings(el).map((h) => h[1])).to.deep.equal(['サンプル計画', '計画の構成']);
      expect(entries(el)[2]).to.deep.equal(['基本方針 3 目標C（データなし）', '', ['取組C-1']]);
      expect(el.shadowRoot!.querySelector('.notes, details, .principle, .related')).to.equal(null);
      await clean(el);
    });

    it('an English page marks a Japanese-only title as Japanese', async () => {
      const { el } = await overview(`lang="en" src="${MINIMAL}"`);
      const child = [...el.shadowRoot!.querySelectorAll('.children [lang="ja"]')].map(flat);
      expect(child).to.deep.equal(['取組A-3（英語なし）']);
      expect(facts(el)[2]).to.deep.equal(['As of', '31 March 2025']);
      await clean(el);
    });

    it('a plan with one fiscal year and no nodes: the period, and nothing else but the publisher', async () => {
      const { el } = await overview(`src="${MINIMAL}" plan="second-plan"`);
      expect(facts(el)).to.deep.equal([
        ['期間', '令和7年度（2025年度）'],
        ['発行', 'サンプル市'],
      ]);
      // 0 items: no rate (never 0% or NaN), no structure part at all.
      expect(headings(el)).to.deep.equal([[2, '第二の計画']]);
      expect(el.shadowRoot!.querySelector('[part="section"]')).to.equal(null);
      await clean(el);
    });

    it('a bare plan (id, title, period): every part omitted', async () => {
      const bare = { schemaVersion: 1, publisher: { name: 'ひな形市' }, plans: [{ id: 'bare', title: 'ひな形計画', period: { from: 2019, to: 2019 }, nodes: [] }] };
      const { el } = await inline(bare);
      expect(headings(el)).to.deep.equal([[2, 'ひな形計画']]);
      // FY2019 is 令和元年度 (a fiscal year takes the era of most of it).
      expect(facts(el)).to.deep.equal([
        ['期間', '令和元年度（2019年度）'],
        ['発行', 'ひな形市'],
      ]);
      expect(el.shadowRoot!.querySelectorAll('p, ul, details, a')).to.have.length(0);
      await clean(el);
    });

    it('marks every editorial text, links a related plan only with a safe URL, and prints source notes with ※', async () => {
      const bundle = clone(await seed('minimal'));
      const plan = bundle.plans[0]!;
      Object.assign(plan, {
        subtitle: { ja: '副題（編集）', en: 'Subtitle', editorial: true },
        principle: 'みんなの計画',
        related: [
          { title: { ja: '上の計画', en: 'Upper plan' }, relation: { ja: '上位計画', en: 'Higher-level plan', editorial: true }, url: 'https://example.jp/upper' },
          { title: '隣の計画' },
        ],
        notes: ['数値は速報値です。', { ja: '編集の注です。', en: "The editor's note.", editorial: true }],
      } satisfies Partial<Bundle['plans'][number]>);
      const { el } = await inline(bundle);
      expect(texts(el, '.subtitle')).to.deep.equal(['副題（編集） 編集者による記述']);
      expect(texts(el, '.related-title')).to.deep.equal(['上の計画', '隣の計画']);
      expect(q<HTMLAnchorElement>(el, '.related a').href).to.equal('https://example.jp/upper');
      expect(texts(el, '.relation dd')).to.deep.equal(['上位計画 編集者による記述']);
      expect(texts(el, '.notes li')).to.deep.equal(['※数値は速報値です。', '編集者注：編集の注です。']);
      await clean(el);
    });

    it('a source document titled as the plan: no 資料 line, one link to it at the end; the publisher\'s department', async () => {
      const bundle = clone(await seed('minimal'));
      bundle.publisher.department = { ja: '企画課', en: 'Planning Division' };
      bundle.plans[0]!.source = { title: { ja: 'サンプル計画', en: 'Sample Plan' }, url: 'plan.pdf' };
      const { el } = await inline(bundle);
      expect(facts(el).map((f) => f[0])).to.deep.equal(['期間', '策定', '時点', '発行']);
      expect(facts(el)[3]).to.deep.equal(['発行', 'サンプル市 企画課']);
      const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a[part="link"]')];
      expect(links.map((a) => flat(a))).to.deep.equal(['サンプル市 企画課', '資料を見る']);
      // Inline data: relative to the page.
      expect(links[1]!.href).to.equal(new URL('plan.pdf', document.baseURI).href);
      expect(links[1]!.closest('p')!.parentElement).to.equal(q(el, '[part="base"]'));
      await clean(el);
    });
  });

  describe('revisions (a fictional city: seeds/examples/revisions.json)', () => {
    it('under the revision policy, newest first: date and title, the period before and after, items added and removed with their reasons', async () => {
      const { el } = await overview('src="/seeds/examples/revisions.json"');
      const part = section(el, '見直し');
      expect(texts(el, '.prose', part)).to.deep.equal(['毎年度、取組の進捗に応じて見直します。']);
      expect(texts(el, '.revision-head', part)).to.deep.equal(['2024年3月 令和6年3月改定', '2022年3月 令和4年3月改定']);
      expect(texts(el, '.revision-period', part)).to.deep.equal(['計画期間：令和2年度～令和6年度 → 令和2年度～令和7年度']);
      const [latest] = [...part.querySelectorAll('.revision')];
      expect(texts(el, '.revision-label', latest!)).to.deep.equal(['追加した項目', '削除した項目']);
      expect(texts(el, '.revision-items li', latest!)).to.deep.equal([
        'K-7 生成AIの業務への活用（生成AIの活用を新たに位置付けるため）',
        'K-8 窓口のキャッシュレス化',
        'K-2 窓口の番号案内システムの導入（完了）',
        'K-4 会議録の作成支援（経常業務化）',
        'K-5 電子申請の手続数の拡大（目標達成）',
      ]);
      // The period the plan has now is the latest revision's.
      expect(facts(el).find(([term]) => term === '期間')?.[1]).to.equal('令和2年度～令和7年度（2020～2025年度）');
      await clean(el);
    });

    it('in English', async () => {
      const { el } = await overview('lang="en" src="/seeds/examples/revisions.json"');
      const part = section(el, 'Revision');
      expect(texts(el, '.revision-period', part)).to.deep.equal(['Period: FY2020–FY2024 → FY2020–FY2025']);
      expect(texts(el, '.revision-items li', part)).to.include('K-5 More procedures online (Target met)');
      await clean(el);
    });
  });

  describe('heading level', () => {
    it('h2 by default; heading-level moves the title and its parts one level below it; clamped; anything else is 2', async () => {
      const { el } = await overview(`heading-level="4" src="${SRC}" plan="${AMP}"`);
      expect(headings(el)).to.deep.equal([[4, '金沢市行政経営プラン'], [5, '基本理念'], [5, '計画の構成'], [5, '関連する計画']]);
      el.setAttribute('heading-level', '6');
      await el.updateComplete;
      expect([...new Set(headings(el).map((h) => h[0]))]).to.deep.equal([6]);
      el.setAttribute('heading-level', '0');
      await el.updateComplete;
      expect(headings(el).slice(0, 2).map((h) => h[0])).to.deep.equal([1, 2]);
      el.setAttribute('heading-level', 'x');
      await el.updateComplete;
      expect(headings(el)[0]![0]).to.equal(2);
      el.removeAttribute('heading-level');
      await el.updateComplete;
      expect(headings(el)[0]![0]).to.equal(2);
      await expect(el).to.be.accessible();
    });

    it('is a region named by the plan\'s title', async () => {
      const { el } = await overview(`src="${SRC}" plan="${DX}"`);
      const base = q(el, '[part="base"]');
      expect(base.localName).to.equal('section');
      expect(flat(el.shadowRoot!.getElementById(base.getAttribute('aria-labelledby')!)!)).to.equal('金沢市DXアクションプラン2.0');
    });
  });

  describe('layout, themes and print', () => {
    it('reflows at 320 px without horizontal scrolling, in both languages', async () => {
      for (const lang of ['ja', 'en']) {
        for (const plan of [DX, AMP]) {
          const { root, el } = await overview(`lang="${lang}" src="${SRC}" plan="${plan}"`);
          root.style.width = '320px';
          await el.updateComplete;
          const box = el.getBoundingClientRect();
          expect(box.width).to.equal(320);
          for (const e of el.shadowRoot!.querySelectorAll('*')) {
            const r = e.getBoundingClientRect();
            if (r.width) expect(r.right, `${lang} ${plan}: <${e.localName} class="${e.className}">`).to.be.at.most(box.right + 0.5);
          }
          root.remove();
        }
      }
    });

    /** WCAG contrast of two computed `rgb()` colours. */
    function contrast(a: string, b: string): number {
      const lum = (c: string) => {
        const [r, g, bl] = c.match(/[\d.]+/g)!.slice(0, 3).map((x) => Number(x) / 255).map((x) => (x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
      };
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x! + 0.05) / (y! + 0.05);
    }

    for (const [theme, scheme] of [['light', 'light'], ['dark', 'light'], ['auto', 'dark']] as const) {
      it(`text reaches 4.5:1 on its own background (theme="${theme}", system ${scheme}), whatever the page behind`, async () => {
        await emulateMedia({ colorScheme: scheme });
        try {
          const { root, el } = await overview(`theme="${theme}" src="${MINIMAL}"`);
          root.style.background = theme === 'light' ? '#000' : '#fff'; // the opposite of the widget's
          const bg = getComputedStyle(q(el, '[part="base"]')).backgroundColor;
          expect(bg).to.equal(theme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(26, 26, 26)');
          for (const e of el.shadowRoot!.querySelectorAll('h2, h3, dt, dd, .counts, .entry-label, .link, .rate strong')) {
            const c = contrast(getComputedStyle(e).color, bg);
            expect(c, `${e.localName}.${(e as HTMLElement).className}`).to.be.at.least(4.5);
          }
          await expect(el).to.be.accessible();
        } finally {
          await emulateMedia({ colorScheme: 'light' });
        }
      });
    }

    it('prints the whole 策定の趣旨 (no disclosure on paper), in black, with link targets', async () => {
      const { el } = await overview(`src="${SRC}" plan="${DX}"`);
      expect(q(el, 'details .prose').checkVisibility()).to.equal(false);
      await emulateMedia({ media: 'print' });
      try {
        const details = q<HTMLDetailsElement>(el, 'details');
        expect(details.open).to.equal(false);
        expect(getComputedStyle(q(el, 'summary')).display).to.equal('none');
        // (A closed disclosure's content is skipped by rendering: `checkVisibility` says so.)
        expect(q(el, 'details .prose').checkVisibility()).to.equal(true);
        expect(getComputedStyle(q(el, 'dt')).color).to.equal('rgb(0, 0, 0)');
      } finally {
        await emulateMedia({ media: 'screen' });
      }
      const { el: linked } = await overview(`src="${MINIMAL}"`);
      await emulateMedia({ media: 'print' });
      try {
        expect(getComputedStyle(q(linked, 'a[part="link"]'), '::after').content).to.contain('https://example.jp/');
      } finally {
        await emulateMedia({ media: 'screen' });
      }
    });
  });

  describe('provider and runtime changes', () => {
    it('takes its data and plan from the nearest <kdx-plan>, and switches plan when the attribute changes', async () => {
      const { el } = await mount(`<kdx-plan src="${unique(SRC)}" plan="${AMP}"><kdx-plan-overview data-test></kdx-plan-overview></kdx-plan>`);
      expect(headings(el)[0]![1]).to.equal('金沢市行政経営プラン');
      const loaded = new Promise<KdxLoadEvent>((r) => el.addEventListener('kdx-load', r as EventListener, { once: true }));
      el.setAttribute('plan', DX);
      expect((await loaded).detail).to.deep.equal({ plan: DX, node: DX });
      await el.updateComplete;
      expect(headings(el)[0]![1]).to.equal('金沢市DXアクションプラン2.0');
      await clean(el);
    });

    it('follows a language switch on an ancestor', async () => {
      const { root, el } = await mount(`<div lang="ja"><kdx-plan-overview data-test src="${SRC}" plan="${AMP}"></kdx-plan-overview></div>`);
      expect(facts(el)[0]).to.deep.equal(['期間', '令和5年度～令和8年度（2023～2026年度）']);
      (root.firstElementChild as HTMLElement).lang = 'en';
      await new Promise((r) => setTimeout(r, 0));
      await el.updateComplete;
      expect(facts(el)[0]).to.deep.equal(['Period', 'FY2023–FY2026']);
    });
  });

  describe('errors and loading', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['unknown plan', `src="${SRC}" plan="nope"`, /計画「nope」/],
      ['no source', '', /src 属性/],
      ['missing file', `src="/seeds/nope.json"`, /HTTP 404/],
      ['not JSON', `src="/__kdx/html200"`, /JSON ではありません/],
      ['invalid bundle', `src="/seeds/broken.json"`, /プランデータに誤りがあります/],
      ['a node instead of the plan', `src="${SRC}" plan="${AMP}" node="policy-1"`, /概要は計画全体について表示します。node 属性（「行政組織の質を高める」）を外してください/],
      ['an unknown node', `src="${SRC}" plan="${AMP}" node="R9-9"`, /項目「R9-9」/],
    ];
    for (const [name, attrs, message] of cases) {
      it(`${name}: a plain message with role="alert" and a kdx-error event`, async () => {
        const { el, event } = await overview(attrs);
        await expectErrorShown(el, event, message);
        expect(el.shadowRoot!.querySelector('[part="base"]')).to.equal(null);
      });
    }

    it('in English, and recovers when the node attribute is removed', async () => {
      const { el, event } = await overview(`lang="en" src="${SRC}" plan="${DX}" node="field-1"`);
      await expectErrorShown(el, event, /the overview is of a whole plan; remove the node attribute \("Building attractiveness"\)/);
      el.removeAttribute('node');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
      expect(headings(el)[0]![1]).to.equal('Kanazawa City DX Action Plan 2.0');
    });

    it('offers "Try again" after a server error', async () => {
      const { el, event } = await overview(`src="${unique('/__kdx/status?code=503')}"`);
      await expectErrorShown(el, event, /HTTP 503/);
      expect(flat(q(el, '[part="retry-button"]'))).to.equal('再読み込み');
    });

    it('shows a quiet busy placeholder while loading', async () => {
      const root = document.createElement('div');
      document.body.append(root);
      root.innerHTML = `<kdx-plan-overview src="${unique('/__kdx/slow?ms=1500')}"></kdx-plan-overview>`; // fixed test markup
      const el = root.querySelector('kdx-plan-overview')!;
      await el.updateComplete;
      expect(q(el, '[aria-busy="true"]').textContent).to.equal('読み込み中…');
      await expect(el).to.be.accessible();
    });
  });

  describe('fallback markup', () => {
    // As docs/embedding.md §3.1 gives them to web staff.
    const DIV = `<div data-kdx="plan-overview" data-src="/data/kanazawa.json" data-plan="dx-action-plan-2" data-heading-level="2">金沢市DXアクションプラン2.0</div>`;
    const LINK = `<p><a href="https://city.example/plan.html#kdx=plan-overview&amp;src=/data/kanazawa.json&amp;plan=administrative-management-plan">金沢市行政経営プラン（概要）</a></p>`;

    it('the guide gives these snippets', async () => {
      const guide = await (await fetch('/docs/embedding.md')).text();
      expect(guide).to.include(DIV).and.include(LINK);
    });

    it('data-kdx="plan-overview" and #kdx=plan-overview become the widget with heading-level; a node is not copied', async () => {
      const { upgrade } = await import('../../src/embed/upgrade.js');
      const root = document.createElement('div');
      document.body.append(root);
      root.innerHTML = served(DIV.replace('data-heading-level="2"', 'data-heading-level="3" data-node="field-1"') + LINK.replace('&amp;plan=', '&amp;lang=en&amp;plan=')); // fixed test markup
      const made = upgrade(root);
      expect(made.map((e) => e.localName)).to.deep.equal(['kdx-plan-overview', 'kdx-plan-overview']);
      expect(made[0]!.getAttribute('heading-level')).to.equal('3');
      expect(made[0]!.hasAttribute('node')).to.equal(false);
      expect(made[1]!.getAttribute('lang')).to.equal('en');
      for (const w of made as LitElement[]) await settled(w);
      expect(headings(made[0]!)[0]).to.deep.equal([3, '金沢市DXアクションプラン2.0']);
      expect(headings(made[1]!)[0]).to.deep.equal([2, 'Kanazawa City Administrative Management Plan']);
    });
  });
});
