/**
 * What a reader checking the card and the overview by hand needs beside a figure or a text: the date a value is as
 * of, the editor's mark on the editor's wording, a change whose sign agrees with the values, a unit in English, a
 * revision's notes. Fictional data only: seeds/examples/ and the small bundles below (あおば町, a town that does not
 * exist). Expected values are worked out by hand from the data, in the comments.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import type { LitElement } from 'lit';
import '../../src/kdx.js';
import type { Bundle } from '../../src/data/bundle.js';
import { GARBAGE, mount, q, rows, shown, unmountAll } from '../helpers/widgets.js';
import '../presentation/checks.js';

/** The project's presentation checks (test/presentation/checks.js), on the widgets of this page. */
const checks = (window as unknown as { kdxPresentation: { contrast(page?: string): string[]; printContrast(): string[]; overflow(): string[] } }).kdxPresentation;
/** Print media (or, with nothing, the screen again) through the DevTools protocol (web-test-runner.config.js). */
const media = (m = '') => executeServerCommand('kdx-media', { media: m, features: [] });

const EX = '/seeds/examples';
const flat = (e: Element) => e.textContent!.replace(/\s+/g, ' ').trim();
const texts = (el: Element, selector: string, within: ParentNode = el.shadowRoot!) => [...within.querySelectorAll(selector)].map(flat);
/** The indicator's values as [name, value]. */
const values = (el: Element) => [...el.shadowRoot!.querySelectorAll('.indicator dl div')].map((d) => [flat(d.querySelector('dt')!), flat(d.querySelector('dd')!)]);

/** Inline data in a <kdx-plan> (no fetch): the widget marked data-test is the one waited for. */
const inline = (bundle: unknown, widget: string) => mount(`<kdx-plan><script type="application/json">${JSON.stringify(bundle)}</script>${widget}</kdx-plan>`);

const SCALE: NonNullable<Bundle['plans'][number]['scales']>[number] = {
  id: 'evaluation',
  label: { ja: '評価', en: 'Evaluation' },
  grades: [
    { id: 'S', label: 'S', definition: { ja: '目標値を達成', en: 'Target reached' }, achieved: true },
    { id: 'A', label: 'A', definition: { ja: '基準値から10%を超えて改善', en: 'Improved by more than 10%' }, achieved: true },
    { id: 'B', label: 'B', definition: { ja: '基準値の±10%以内', en: 'Within ±10%' } },
    { id: 'C', label: 'C', definition: { ja: '基準値から10%を超えて悪化', en: 'Worse by more than 10%' } },
  ],
  rule: {
    steps: [
      { grade: 'S', measure: 'progress', atLeast: 100 },
      { grade: 'A', measure: 'change', above: 10 },
      { grade: 'B', measure: 'change', atLeast: -10 },
      { grade: 'C' },
    ],
  },
};

/** A fictional town's indicators: values with as-of dates, a lower-is-better one that improved, an editor's label. */
const TOWN = {
  schemaVersion: 1,
  publisher: { name: { ja: '（架空）あおば町', en: 'Aoba Town (fictional)' } },
  plans: [
    {
      id: 'town',
      title: { ja: '（架空）あおば町総合計画', en: 'Aoba Town Plan (fictional)' },
      period: { from: 2020, to: 2025 },
      scales: [SCALE],
      nodes: [
        {
          id: 'waiting', kind: 'measure', title: { ja: '子育て支援の充実', en: 'Support for families' },
          indicators: [{
            label: { ja: '待機児童数', en: 'Children waiting for day care' }, unit: { ja: '人', en: 'children' },
            baseline: { value: 40, fiscalYear: 2019, asOf: '2019-04-01' }, target: { value: 0, fiscalYear: 2025 },
            actuals: [{ fiscalYear: 2024, value: 6, asOf: '2024-04-01' }],
          }],
        },
        {
          id: 'area', kind: 'measure', title: { ja: '公共施設の適正化', en: 'Right-sizing buildings' },
          indicators: [{
            label: { ja: '延床面積', en: 'Floor area' }, unit: { ja: '㎡', en: 'm²' },
            baseline: { value: 250000, asOf: '2019-04-01' }, target: { value: 200000, fiscalYear: 2025 },
            actuals: [{ fiscalYear: 2024, value: 250000 }],
          }],
        },
        {
          id: 'web', kind: 'measure', title: { ja: '情報発信の強化', en: 'Public information' },
          indicators: [{
            label: { ja: '町ホームページの閲覧数（月平均）', en: 'Website views a month', editorial: true }, unit: { ja: '万件', en: '×10,000 views' },
            baseline: { value: 12, fiscalYear: 2019 }, target: { value: 18, fiscalYear: 2025 },
            actuals: [{ fiscalYear: 2023, value: 14.6 }, { fiscalYear: 2024, value: 15 }],
          }],
        },
      ],
    },
  ],
} satisfies Bundle;

const card = (node: string, lang = 'ja') => inline(TOWN, `<kdx-initiative-card data-test lang="${lang}" node="${node}"></kdx-initiative-card>`);

async function clean(el: LitElement) {
  expect(shown(el)).to.not.match(GARBAGE);
  expect(el.shadowRoot!.querySelector('[style]')).to.equal(null);
  await expect(el).to.be.accessible();
}

describe('<kdx-initiative-card>: what a reader checks a figure against', () => {
  afterEach(unmountAll);

  describe('as-of dates on values that are snapshots', () => {
    it('seeds/examples 1-1: the FY2024 actual is as of 1 April 2024, in the table of actuals', async () => {
      const { el } = await mount(`<kdx-initiative-card data-test src="${EX}/indicators.json" node="1-1"></kdx-initiative-card>`);
      // actuals: 2022 → 18, 2023 → 12, 2024 → 0 with "asOf": "2024-04-01"; the others have no date.
      expect(rows(el, '.actuals')).to.deep.equal([
        ['年度', '実績値'],
        ['令和4年度', '18人'],
        ['令和5年度', '12人'],
        ['令和6年度', '0人（2024年4月1日現在）'],
      ]);
      await clean(el);
    });

    it('the same in English', async () => {
      const { el } = await mount(`<kdx-initiative-card data-test lang="en" src="${EX}/indicators.json" node="1-1"></kdx-initiative-card>`);
      expect(rows(el, '.actuals').slice(1)).to.deep.equal([
        ['FY2022', '18 children'],
        ['FY2023', '12 children'],
        ['FY2024', '0 children (as of 1 April 2024)'],
      ]);
      await clean(el);
    });

    it('baseline and one actual with their dates, beside their fiscal years; a target without a date has none', async () => {
      const { el } = await card('waiting');
      // 2019 = 令和元年度, 2024 = 令和6年度, 2025 = 令和7年度.
      expect(values(el)).to.deep.equal([
        ['基準値', '40人（令和元年度、2019年4月1日現在）'],
        ['目標値', '0人（令和7年度）'],
        ['実績値', '6人（令和6年度、2024年4月1日現在）'],
      ]);
      const { el: en } = await card('waiting', 'en');
      expect(values(en)).to.deep.equal([
        ['Baseline', '40 children (FY2019, as of 1 April 2019)'],
        ['Target', '0 children (FY2025)'],
        ['Actual', '6 children (FY2024, as of 1 April 2024)'],
      ]);
      await clean(en);
    });

    it('a value with a date and no fiscal year: the date alone', async () => {
      const { el } = await card('area');
      expect(values(el)[0]).to.deep.equal(['基準値', '250,000㎡（2019年4月1日現在）']);
      const { el: en } = await card('area', 'en');
      expect(values(en)[0]).to.deep.equal(['Baseline', '250,000 m² (as of 1 April 2019)']);
    });
  });

  describe('how the grade was reached, where lower is better', () => {
    it('seeds/examples 1-3: 250,000 → 280,000 ㎡ is +12.0% on the baseline, and for a decrease target that is worse: C', async () => {
      const { el } = await mount(`<kdx-initiative-card data-test src="${EX}/indicators.json" node="1-3"></kdx-initiative-card>`);
      // (280,000 − 250,000) ÷ 250,000 = +12.0%: 12.0% worse where lower is better, more than 10%: C.
      expect(flat(q(el, '.indicator .grade'))).to.equal(
        '評価: C：基準値から10%を超えて悪化 （評価基準による計算：基準値からの変化率 +12.0%、数値が小さいほど良い指標のため12.0%の悪化（令和6年度の実績値による））',
      );
      expect(shown(el)).to.not.contain('-12.0%');
      await clean(el);
    });

    it('the same in English, with the unit (m²)', async () => {
      const { el } = await mount(`<kdx-initiative-card data-test lang="en" src="${EX}/indicators.json" node="1-3"></kdx-initiative-card>`);
      expect(values(el)).to.deep.equal([
        ['Baseline', '250,000 m² (FY2019)'],
        ['Target', '237,500 m² (FY2025)'],
        ['Actual', '280,000 m² (FY2024)'],
      ]);
      expect(flat(q(el, '.indicator .grade'))).to.equal(
        'Evaluation: C: Worse by more than 10% than the baseline (computed by the evaluation rule: Change on the baseline +12.0%, that is 12.0% worse as lower is better (from the FY2024 actual))',
      );
      await clean(el);
    });

    it('a decrease where lower is better (the target below the baseline says so): a negative change, an improvement', async () => {
      const { el } = await card('waiting');
      // progress (6 − 40) ÷ (0 − 40) = 85% (not S); change (6 − 40) ÷ 40 = −85.0%: 85.0% better, more than 10%: A.
      expect(flat(q(el, '.indicator .grade'))).to.equal(
        '評価: A：基準値から10%を超えて改善 （評価基準による計算：基準値からの変化率 -85.0%、数値が小さいほど良い指標のため85.0%の改善（令和6年度の実績値による））',
      );
    });

    it('no change: 0.0%, neither better nor worse', async () => {
      const { el } = await card('area');
      // progress (250,000 − 250,000) ÷ (200,000 − 250,000) = 0% (not S); change 0.0%: within ±10%: B.
      expect(flat(q(el, '.indicator .grade'))).to.equal('評価: B：基準値の±10%以内 （評価基準による計算：基準値からの変化率 0.0%（令和6年度の実績値による））');
    });
  });

  describe("the editor's wording", () => {
    it("an indicator label the editor wrote is marked as the overview marks it, in both languages; the source's are not", async () => {
      const { el } = await card('web');
      expect(texts(el, '.target-label')).to.deep.equal(['町ホームページの閲覧数（月平均） 編集者による記述']);
      expect(texts(el, '.target-label .editorial-mark')).to.deep.equal(['編集者による記述']);
      await clean(el);
      const { el: en } = await card('web', 'en');
      expect(texts(en, '.target-label')).to.deep.equal(["Website views a month editor's wording"]);
      await clean(en);
      const { el: source } = await card('waiting');
      expect(texts(source, '.target-label')).to.deep.equal(['待機児童数']);
      expect(source.shadowRoot!.querySelector('.editorial-mark')).to.equal(null);
    });

    it('the mark is a word in a border; every text of the card reaches 4.5:1 in the light and dark themes, on any page, and on paper', async () => {
      for (const theme of ['light', 'dark']) {
        const { root, el } = await inline(TOWN, `<kdx-initiative-card data-test theme="${theme}" node="web"></kdx-initiative-card>`);
        expect(getComputedStyle(q(el, '.editorial-mark')).borderTopStyle).to.equal('solid');
        for (const page of ['rgb(255, 255, 255)', 'rgb(0, 0, 0)']) {
          root.style.background = page;
          expect(checks.contrast(page), `${theme} on ${page}`).to.deep.equal([]);
        }
        await media('print');
        try {
          expect(checks.printContrast(), `${theme} printed`).to.deep.equal([]);
        } finally {
          await media();
        }
        root.remove();
      }
    });
  });

  it('reflows at 320 px with the long lines (grade explained, dates, the mark), values wrapping beside their names, in both languages', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      for (const lang of ['ja', 'en']) {
        for (const node of ['waiting', 'web']) {
          const { root, el } = await card(node, lang);
          expect(checks.overflow(), `${lang} ${node}`).to.deep.equal([]);
          // A long value wraps beside its name; the name (基準値) stays on one line.
          for (const dt of el.shadowRoot!.querySelectorAll('.indicator dt')) {
            const range = document.createRange();
            range.selectNodeContents(dt);
            expect(range.getClientRects().length, `${lang} ${node}: ${flat(dt)}`).to.equal(1);
          }
          root.remove();
        }
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});

/** A fictional town's plan with one revision whose title, summary, a reason and a note are the editor's. */
const REVISED = {
  schemaVersion: 1,
  publisher: { name: { ja: '（架空）あおば町', en: 'Aoba Town (fictional)' } },
  plans: [
    {
      id: 'management',
      title: { ja: '（架空）あおば町行政経営計画', en: 'Aoba Town Management Plan (fictional)' },
      period: { from: 2020, to: 2025 },
      revisions: [
        {
          date: '2024-03',
          title: { ja: '令和6年3月の見直し', en: 'Review of March 2024', editorial: true },
          summary: { ja: '取組を1件追加し、1件を削除しました。', en: 'One initiative was added and one removed.', editorial: true },
          added: [{ node: 'k7', reason: { ja: '新たな課題に対応するため', en: 'To meet a new need', editorial: true } }],
          removed: [{ number: 'K-2', title: '窓口の番号案内システムの導入', reason: { ja: '完了', en: 'Completed' } }],
          notes: [{ ja: '詳細は議会資料による。', en: 'Details are in the council papers.' }, { ja: '見直しの要約は編集者による。', en: 'The summary is the editor’s.', editorial: true }],
        },
        { date: '2022-03', title: '令和4年3月改定' },
      ],
      nodes: [{ id: 'k7', kind: 'initiative', number: 'K-7', title: { ja: '生成AIの業務への活用', en: 'Generative AI at work' } }],
    },
  ],
} satisfies Bundle;

describe('<kdx-plan-overview>: revisions as the reader checks them', () => {
  afterEach(unmountAll);
  const overview = (lang: string) => inline(REVISED, `<kdx-plan-overview data-test lang="${lang}"></kdx-plan-overview>`);

  it("marks the editor's title, summary and reason, and not the source's", async () => {
    const { el } = await overview('ja');
    const [latest, older] = [...el.shadowRoot!.querySelectorAll('.revision')];
    // 2024-03 → 2024年3月; the older revision's title is the source's (a plain string).
    expect(texts(el, '.revision-head')).to.deep.equal(['2024年3月 令和6年3月の見直し 編集者による記述', '2022年3月 令和4年3月改定']);
    expect(texts(el, '.revision-head + p', latest!)).to.deep.equal(['取組を1件追加し、1件を削除しました。 編集者による記述']);
    expect(texts(el, '.revision-items li', latest!)).to.deep.equal([
      'K-7 生成AIの業務への活用（新たな課題に対応するため） 編集者による記述',
      'K-2 窓口の番号案内システムの導入（完了）',
    ]);
    expect(texts(el, '.editorial-mark', older!)).to.deep.equal([]);
    await clean(el);
  });

  it("lists a revision's notes as the overview lists its own: ※ for the source's, the editor's label for the editor's", async () => {
    const { el } = await overview('ja');
    const [latest, older] = [...el.shadowRoot!.querySelectorAll('.revision')];
    const notes = latest!.querySelector('ul.notes')!;
    expect(notes.getAttribute('aria-label')).to.equal('注記');
    expect(texts(el, 'li', notes)).to.deep.equal(['※詳細は議会資料による。', '編集者注：見直しの要約は編集者による。']);
    expect(older!.querySelector('.notes')).to.equal(null);
    await clean(el);
  });

  it('the same in English (a Japanese-only title read as Japanese)', async () => {
    const { el } = await overview('en');
    const [latest] = [...el.shadowRoot!.querySelectorAll('.revision')];
    expect(texts(el, '.revision-head')).to.deep.equal(["March 2024 Review of March 2024 editor's wording", 'March 2022 令和4年3月改定']);
    expect(q(el, '.revision:nth-child(2) .revision-head [lang="ja"]').textContent).to.equal('令和4年3月改定');
    expect(texts(el, '.revision-items li', latest!)).to.deep.equal([
      "K-7 Generative AI at work (To meet a new need) editor's wording",
      'K-2 窓口の番号案内システムの導入 (Completed)',
    ]);
    expect(texts(el, '.notes li', latest!)).to.deep.equal(['* Details are in the council papers.', "Editor's note: The summary is the editor’s."]);
    await clean(el);
  });

  it('prints the mark in black, with its border', async () => {
    const { el } = await overview('ja');
    await media('print');
    try {
      const mark = getComputedStyle(q(el, '.revision-head .editorial-mark'));
      expect([mark.color, mark.borderTopColor]).to.deep.equal(['rgb(0, 0, 0)', 'rgb(0, 0, 0)']);
      expect(checks.printContrast()).to.deep.equal([]);
    } finally {
      await media();
    }
  });
});
