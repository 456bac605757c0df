/**
 * Report shapes in the widgets, as a reader meets them (seeds/examples/, fictional cities): the figures a printed
 * table shows (counts, shares to one decimal, changes with ▲), grades written out, how each grade was reached.
 * Expected values are worked out by hand from the examples' counts (see test/data/shapes.test.ts).
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { LitElement } from 'lit';
import '../../src/kdx.js';
import { GARBAGE, mount, q, rows, settled, shown, unmountAll } from '../helpers/widgets.js';
import '../presentation/checks.js';

const checks = (window as unknown as { kdxPresentation: { overflow(): string[] } }).kdxPresentation;

const EX = '/seeds/examples';
describe('report shapes in the widgets', () => {
  afterEach(unmountAll);

  describe('<kdx-progress>', () => {
    it('a grade scale: the distribution table as printed, and the rate the plan names', async () => {
      const { el } = await mount(`<kdx-progress data-test src="${EX}/grades.json"></kdx-progress>`);
      expect(rows(el)).to.deep.equal([
        ['区分', '件数', '割合'],
        ['S：計画以上', '4', '10.0%'],
        ['A：計画どおり', '24', '60.0%'],
        ['B：やや遅れている', '9', '22.5%'],
        ['C：ほとんど進んでいない', '3', '7.5%'],
        ['合計', '40', '100.0%'],
      ]);
      expect(q(el, 'caption').textContent).to.equal('評価の内訳');
      expect(q(el, '[role="meter"]').getAttribute('aria-valuetext')).to.equal('A評価以上の割合 70.0%（40項目中28項目）');
      expect(q(el, '.rate').textContent).to.equal('70.0%');
      expect(shown(el)).to.contain('2025年3月31日現在');
      // The shares are the widget's arithmetic, and say so (the counts are the report's).
      expect(shown(el)).to.contain('割合は件数から計算した値です。');
      expect(shown(el)).to.not.match(GARBAGE);
      await expect(el).to.be.accessible();
    });

    it('shares rounded each on its own, as printed: 8.3 + 58.3 + 25.0 + 8.3', async () => {
      const { el } = await mount(`<kdx-progress data-test src="${EX}/grades.json" node="policy-3" variant="ring"></kdx-progress>`);
      expect(rows(el).map((r) => r[2])).to.deep.equal(['割合', '8.3%', '58.3%', '25.0%', '8.3%', '100.0%']);
      expect(q(el, '[role="meter"]').getAttribute('aria-valuenow')).to.equal('66.7');
      await expect(el).to.be.accessible();
    });

    it('two dimensions: each scale its own table over the same 7 items; one without achieved grades has no meter', async () => {
      const { el: a } = await mount(`<kdx-progress data-test src="${EX}/two-dimensions.json"></kdx-progress>`);
      expect(rows(a).slice(1)).to.deep.equal([
        ['未達成', '2', '28.6%'],
        ['一部達成', '2', '28.6%'],
        ['達成', '3', '42.9%'],
        ['合計', '7', '100.0%'],
      ]);
      expect(q(a, '[role="meter"]').getAttribute('aria-valuetext')).to.equal('達成率 42.9%（7項目中3項目）');
      const { el: b } = await mount(`<kdx-progress data-test lang="en" src="${EX}/two-dimensions.json" scale="implementation"></kdx-progress>`);
      expect(b.shadowRoot!.querySelector('[role="meter"]')).to.equal(null);
      expect(rows(b)).to.deep.equal([
        ['Grade', 'Items', 'Share'],
        ['Not started', '1', '14.3%'],
        ['Under way', '3', '42.9%'],
        ['Done', '3', '42.9%'],
        ['Total', '7', '100.0%'],
      ]);
      expect(q(b, 'caption').textContent).to.equal('Implementation: breakdown');
      await expect(b).to.be.accessible();
    });

    it('year over year: the counts beside the previous report\'s, the change with ▲, the rate\'s change and the base', async () => {
      const { el } = await mount(`<kdx-progress data-test src="${EX}/year-over-year.json"></kdx-progress>`);
      expect(rows(el)).to.deep.equal([
        ['区分', '平成27年度', '割合', '平成26年度', '増減'],
        ['完了', '30', '50.0%', '18', '+12'],
        ['順調', '20', '33.3%', '42', '▲22'],
        ['遅れ', '7', '11.7%', '9', '▲2'],
        ['未着手', '3', '5.0%', '4', '▲1'],
        ['合計', '60', '100.0%', '73', '▲13'],
      ]);
      // A screen reader hears the change in words, not "black triangle".
      const cell = q(el, 'tbody tr:nth-child(2) td:last-child');
      expect(cell.querySelector('[aria-hidden="true"]')!.textContent).to.equal('▲22');
      expect(cell.querySelector('.visually-hidden')!.textContent).to.equal('22減');
      expect(q(el, '.change [aria-hidden="true"]').textContent).to.equal('平成26年度（2015年3月31日現在）比 +25.3ポイント');
      expect(q(el, '.change .visually-hidden').textContent).to.equal('平成26年度（2015年3月31日現在）比 25.3ポイント増');
      expect(shown(el)).to.contain('※増減は対H26年度と比較');
      expect(shown(el)).to.contain('割合と増減は件数から計算した値です。');
      expect(shown(el)).to.contain('2016年3月31日現在');
      await expect(el).to.be.accessible();
    });

    it('year over year in English: a minus sign, not ▲', async () => {
      const { el } = await mount(`<kdx-progress data-test lang="en" src="${EX}/year-over-year.json" node="service"></kdx-progress>`);
      // 10 → 17 (+7), 22 → 11 (−11), 5 → 3 (−2), 2 → 1 (−1); 39 → 32 (−7). 17/32 = 53.1%, 10/39 = 25.6%: +27.5 points.
      expect(rows(el)).to.deep.equal([
        ['Grade', 'FY2015', 'Share', 'FY2014', 'Change'],
        ['Completed', '17', '53.1%', '10', '+7'],
        ['On track', '11', '34.4%', '22', '\u221211'],
        ['Delayed', '3', '9.4%', '5', '\u22122'],
        ['Not started', '1', '3.1%', '2', '\u22121'],
        ['Total', '32', '100.0%', '39', '\u22127'],
      ]);
      expect(q(el, '.change [aria-hidden="true"]').textContent).to.equal('+27.5 points on FY2014 (as of 31 March 2015)');
      expect(q(el, 'tbody tr:nth-child(2) .visually-hidden').textContent).to.equal('down 11');
      expect(shown(el)).to.contain('Changes are against FY2014');
      expect(shown(el)).to.contain('Shares and changes are calculated from the counts.');
    });

    it('an unknown scale is a clear error', async () => {
      const { el, event } = await mount(`<kdx-progress data-test src="${EX}/grades.json" scale="nope"></kdx-progress>`);
      expect(event.type).to.equal('kdx-error');
      expect(q(el, '[role="alert"]').textContent).to.contain('scale 属性で指定した区分がありません');
    });
  });

  describe('<kdx-initiative-card>', () => {
    it('an indicator: baseline → target with years, actuals per year, the grade computed and from what', async () => {
      const { el } = await mount(`<kdx-initiative-card data-test src="${EX}/indicators.json" node="2-1"></kdx-initiative-card>`);
      const values = [...el.shadowRoot!.querySelectorAll('.indicator dl div')].map((d) => d.textContent!.replace(/\s+/g, ' ').trim());
      expect(values).to.deep.equal(['基準値 12万件（令和元年度）', '目標値 18万件（令和7年度）']);
      expect(rows(el, '.actuals')).to.deep.equal([
        ['年度', '実績値'],
        ['令和4年度', '13.1万件'],
        ['令和5年度', '14.6万件'],
        ['令和6年度', '15万件'],
      ]);
      expect(q(el, '.indicator .grade').textContent!.replace(/\s+/g, ' ').trim()).to.equal(
        '評価: A：基準値から10%を超えて改善 （評価基準による計算：基準値からの変化率 +25.0%（令和6年度の実績値による））',
      );
      await expect(el).to.be.accessible();
    });

    it('a stated grade is shown as stated, with what the rule would give', async () => {
      const { el } = await mount(`<kdx-initiative-card data-test src="${EX}/indicators.json" node="2-2"></kdx-initiative-card>`);
      expect(q(el, '.indicator .grade').textContent!.replace(/\s+/g, ' ').trim()).to.equal(
        '評価: A：基準値から10%を超えて改善 （報告書の評価：評価基準による計算では S：目標値を達成）',
      );
    });

    it('an indicator without actuals: 「−」 and why, in English too', async () => {
      const { el } = await mount(`<kdx-initiative-card data-test lang="en" src="${EX}/indicators.json" node="2-3"></kdx-initiative-card>`);
      expect(q(el, '.indicator .grade').textContent!.replace(/\s+/g, ' ').trim()).to.equal(
        'Evaluation: −: Cannot be evaluated (computed by the evaluation rule: Cannot be evaluated: there is no actual value)',
      );
      expect(shown(el)).to.contain('Baseline 20 projects (FY2019)');
      await expect(el).to.be.accessible();
    });

    it('lower is better: said, and the change shown as the values show it, with what it means there', async () => {
      const { el } = await mount(`<kdx-initiative-card data-test src="${EX}/indicators.json" node="1-3"></kdx-initiative-card>`);
      expect(shown(el)).to.contain('数値が小さいほど良い指標');
      expect(shown(el)).to.contain('実績値 280,000㎡（令和6年度）');
      expect(shown(el)).to.contain('C：基準値から10%を超えて悪化');
      // 250,000 → 280,000: (280,000 − 250,000) ÷ 250,000 = +12.0%, which is worse where lower is better.
      expect(shown(el)).to.contain('基準値からの変化率 +12.0%、数値が小さいほど良い指標のため12.0%の悪化');
    });

    it('two dimensions: both grades of the item, each written out and stated', async () => {
      const { el } = await mount(`<kdx-initiative-card data-test src="${EX}/two-dimensions.json" node="S-3"></kdx-initiative-card>`);
      const grades = [...el.shadowRoot!.querySelectorAll('.grade')].map((g) => g.textContent!.replace(/\s+/g, ' ').trim());
      expect(grades).to.deep.equal(['達成度: 未達成 （報告書の評価）', '実施状況: 取組中 （報告書の評価）']);
      await expect(el).to.be.accessible();
    });
  });

  describe('<kdx-plan-tree>', () => {
    it('shows each item\'s grade in words and filters by grade', async () => {
      const { el } = await mount(`<kdx-plan-tree data-test src="${EX}/grades.json" expand-depth="2"></kdx-plan-tree>`);
      const row = q(el, '[data-id="1-1"]');
      expect(row.querySelector('.grade [aria-hidden="true"]')!.textContent).to.equal('S');
      expect(row.querySelector('.grade .visually-hidden')!.textContent).to.equal('評価：S：計画以上');
      const select = q<HTMLSelectElement>(el, 'select');
      // Items listed in the tree: S 1-1; A 1-2, 2-1, 3-1; B 1-3, 3-2; C 2-2.
      expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal([
        'すべて', 'S：計画以上（1）', 'A：計画どおり（3）', 'B：やや遅れている（2）', 'C：ほとんど進んでいない（1）',
      ]);
      select.value = 'B';
      select.dispatchEvent(new Event('change'));
      await settled(el);
      const ids = [...el.shadowRoot!.querySelectorAll('[role="treeitem"]:not([data-context])')].map((r) => (r as HTMLElement).dataset.id);
      expect(ids).to.deep.equal(['1-3', '3-2']);
      expect(q(el, '[role="status"]').textContent).to.equal('2件が該当');
      await expect(el).to.be.accessible();
      select.value = '';
      select.dispatchEvent(new Event('change'));
      await settled(el);
      expect(el.shadowRoot!.querySelectorAll('[role="treeitem"]').length).to.equal(10);
    });

    it('combines the grade with the text filter, and shows computed grades', async () => {
      const { el } = await mount(`<kdx-plan-tree data-test src="${EX}/indicators.json" expand-depth="2"></kdx-plan-tree>`);
      // No actual value, no grade stated: the rule's `missing` grade, marked as computed.
      expect(q(el, '[data-id="2-3"] .grade [aria-hidden="true"]').textContent).to.equal('−（計算）');
      const select = q<HTMLSelectElement>(el, 'select');
      select.value = 'A';
      select.dispatchEvent(new Event('change'));
      const input = q<HTMLInputElement>(el, 'input');
      input.value = '観光';
      input.dispatchEvent(new Event('input'));
      await new Promise((r) => setTimeout(r, 250));
      await settled(el);
      const ids = [...el.shadowRoot!.querySelectorAll('[role="treeitem"]:not([data-context])')].map((r) => (r as HTMLElement).dataset.id);
      expect(ids).to.deep.equal(['2-2']);
    });

    it('Kanazawa\'s plan, without scales, shows no grade filter', async () => {
      const { el } = await mount(`<kdx-plan-tree data-test src="/seeds/kanazawa.json" plan="administrative-management-plan"></kdx-plan-tree>`);
      expect(el.shadowRoot!.querySelector('select')).to.equal(null);
      expect(el.shadowRoot!.querySelector('.grade')).to.equal(null);
    });
  });

  describe('<kdx-chart>', () => {
    it('the distribution over the years, with its table', async () => {
      const { el } = await mount(`<kdx-chart data-test src="${EX}/year-over-year.json" type="distribution"></kdx-chart>`);
      // 75: 8 (10.7%), 45 (60.0%), 15 (20.0%), 7 (9.3%); 73: 18 (24.7%), 42 (57.5%), 9 (12.3%), 4 (5.5%);
      // 60: 30 (50.0%), 20 (33.3%), 7 (11.7%), 3 (5.0%).
      expect(rows(el)).to.deep.equal([
        ['年度', '完了', '順調', '遅れ', '未着手', '合計'],
        ['平成25年度（2014年3月31日現在）', '8項目（10.7%）', '45項目（60.0%）', '15項目（20.0%）', '7項目（9.3%）', '75'],
        ['平成26年度（2015年3月31日現在）', '18項目（24.7%）', '42項目（57.5%）', '9項目（12.3%）', '4項目（5.5%）', '73'],
        ['平成27年度（2016年3月31日現在）', '30項目（50.0%）', '20項目（33.3%）', '7項目（11.7%）', '3項目（5.0%）', '60'],
      ]);
      expect(q(el, 'canvas').getAttribute('aria-label')).to.match(/^（架空）みどり市行政改革大綱実施計画：進捗区分の推移。平成25年度（2014年3月31日現在）：完了 8項目（10.7%）、/);
      await expect(el).to.be.accessible();
    });

    it('an indicator against its baseline and target, with its table', async () => {
      const { el } = await mount(`<kdx-chart data-test src="${EX}/indicators.json" node="2-1" type="indicator"></kdx-chart>`);
      expect(rows(el)).to.deep.equal([
        ['区分', '値'],
        ['基準値（令和元年度）', '12万件'],
        ['実績値（令和4年度）', '13.1万件'],
        ['実績値（令和5年度）', '14.6万件'],
        ['実績値（令和6年度）', '15万件'],
        ['目標値（令和7年度）', '18万件'],
      ]);
      const legend = [...el.shadowRoot!.querySelectorAll('.legend li')].map((li) => li.textContent!.trim());
      expect(legend).to.deep.equal(['実績値', '基準値', '目標値']);
      await expect(el).to.be.accessible();
    });

    it('a grade scale as a doughnut: grades written out with counts and shares', async () => {
      const { el } = await mount(`<kdx-chart data-test lang="en" src="${EX}/grades.json" type="doughnut"></kdx-chart>`);
      expect(rows(el)).to.deep.equal([
        ['Category', 'Count', 'Share'],
        ['S: Ahead of plan', '4', '10.0%'],
        ['A: On plan', '24', '60.0%'],
        ['B: Somewhat behind', '9', '22.5%'],
        ['C: Hardly progressed', '3', '7.5%'],
        ['Total', '40', '100.0%'],
      ]);
    });

    it('says what is missing when a node has no such data', async () => {
      const { el, event } = await mount(`<kdx-chart data-test src="${EX}/grades.json" node="1-1" type="indicator"></kdx-chart>`);
      expect(event.type).to.equal('kdx-error');
      expect(q(el, '[role="alert"]').textContent).to.contain('「窓口のオンライン予約」には指標の値がありません');
    });
  });
});

/**
 * Where each figure comes from, as a reader meets it: a grade the rule computed is marked as computed (the report
 * states none), counts the widget added up say so, every snapshot has its date, calculated shares are labelled.
 * Expected values worked out by hand from the examples (each test says how).
 */
describe('report shapes: computed, tallied, dated, derived', () => {
  afterEach(unmountAll);

  /** A fictional example, changed here, inside a provider: `<kdx-plan><script type="application/json">`. */
  const inline = (bundle: unknown, widget: string) => `<kdx-plan><script type="application/json">${JSON.stringify(bundle)}</script>${widget}</kdx-plan>`;
  const grade = (el: Element, id: string) => {
    const g = q(el, `[data-id="${id}"] .grade`);
    return [g.querySelector('[aria-hidden="true"]')!.textContent, g.querySelector('.visually-hidden')!.textContent];
  };
  const notes = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part="note"]')].map((n) => n.textContent!.trim());
  const ids = (el: Element) => [...el.shadowRoot!.querySelectorAll('[role="treeitem"]:not([data-context])')].map((r) => (r as HTMLElement).dataset.id);
  const options = (el: Element) => [...q<HTMLSelectElement>(el, 'select').options].map((o) => o.textContent!.trim());
  const choose = async (el: LitElement, value: string) => {
    const select = q<HTMLSelectElement>(el, 'select');
    select.value = value;
    select.dispatchEvent(new Event('change'));
    await settled(el);
  };
  /** The accessible description of an element, from its aria-describedby. */
  const description = (el: Element, target: Element) =>
    (target.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean).map((id) => el.shadowRoot!.getElementById(id)!.textContent!.trim()).join(' ');

  describe('<kdx-plan-tree>', () => {
    it('a grade the rule computed says so, in sight and in words; a stated one reads as the report\'s', async () => {
      const { el } = await mount(`<kdx-plan-tree data-test src="${EX}/indicators.json" expand-depth="2"></kdx-plan-tree>`);
      // 2-1: no grade stated, 12 → 15 is +25% on the baseline: A by the rule. 2-2: A stated by the report.
      expect(grade(el, '2-1')).to.deep.equal(['A（計算）', '評価：A：基準値から10%を超えて改善 （評価基準による計算）']);
      expect(grade(el, '2-2')).to.deep.equal(['A', '評価：A：基準値から10%を超えて改善']);
      // 2-3 has no actual value: the rule's `missing` grade, computed too.
      expect(grade(el, '2-3')).to.deep.equal(['−（計算）', '評価：−：評価できない （評価基準による計算）']);
      // 1-1: 40 → 0 children waiting, the target 0 reached (progress 100%): S.
      expect(grade(el, '1-1')).to.deep.equal(['S（計算）', '評価：S：目標値を達成 （評価基準による計算）']);
      await expect(el).to.be.accessible();
    });

    it('in English, and the row still fits a 320 px column', async () => {
      await setViewport({ width: 320, height: 640 });
      try {
        const { el } = await mount(`<kdx-plan-tree data-test lang="en" src="${EX}/indicators.json" expand-depth="2"></kdx-plan-tree>`);
        expect(grade(el, '2-1')).to.deep.equal(['A (computed)', 'Evaluation: A: Improved by more than 10% on the baseline (computed by the evaluation rule)']);
        expect(grade(el, '2-2')).to.deep.equal(['A', 'Evaluation: A: Improved by more than 10% on the baseline']);
        expect(checks.overflow()).to.deep.equal([]);
        // The title wraps beside the grade; neither is cut off.
        const row = q(el, '[data-id="2-1"]');
        const g = row.querySelector('.grade')!.getBoundingClientRect();
        expect(g.right).to.be.at.most(row.getBoundingClientRect().right);
        expect(row.querySelector('.label')!.getBoundingClientRect().right).to.be.at.most(g.left);
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });

    it('the a–d attainment plan (dx-plan): each item\'s grade computed from actual ÷ target', async () => {
      const { el } = await mount(`<kdx-plan-tree data-test src="${EX}/indicators.json" plan="dx-plan"></kdx-plan-tree>`);
      // D-1 9,500 / 10,000 = 95% → a; D-2 80 / 120 = 66.7% → b; D-3 140 / 500 = 28% → d.
      expect(grade(el, 'D-1')).to.deep.equal(['a（計算）', '達成度：a：ほぼ達成した（90%以上） （評価基準による計算）']);
      expect(grade(el, 'D-2')).to.deep.equal(['b（計算）', '達成度：b：概ね達成した（60%以上90%未満） （評価基準による計算）']);
      expect(grade(el, 'D-3')).to.deep.equal(['d（計算）', '達成度：d：達成していない（30%未満） （評価基準による計算）']);
      expect(q(el, '.grade-filter label').textContent).to.equal('達成度');
      expect(options(el)).to.deep.equal([
        'すべて', 'a：ほぼ達成した（90%以上）（1）', 'b：概ね達成した（60%以上90%未満）（1）', 'c：達成が遅れている（30%以上60%未満）（0）', 'd：達成していない（30%未満）（1）',
      ]);
      await choose(el, 'd');
      expect(ids(el)).to.deep.equal(['D-3']);
      await expect(el).to.be.accessible();
    });

    it('scale="implementation": the rows, the filter and its counts are of the second scale', async () => {
      const { el: first } = await mount(`<kdx-plan-tree data-test src="${EX}/two-dimensions.json" expand-depth="2"></kdx-plan-tree>`);
      expect(grade(first, 'S-3')).to.deep.equal(['未達成', '達成度：未達成']);
      const { el } = await mount(`<kdx-plan-tree data-test src="${EX}/two-dimensions.json" scale="implementation" expand-depth="2"></kdx-plan-tree>`);
      expect(grade(el, 'S-3')).to.deep.equal(['取組中', '実施状況：取組中']);
      expect(grade(el, 'R-4')).to.deep.equal(['未着手', '実施状況：未着手']);
      expect(q(el, '.grade-filter label').textContent).to.equal('実施状況');
      // 未着手 R-4; 取組中 R-2, S-1, S-3; 完了 R-1, R-3, S-2.
      expect(options(el)).to.deep.equal(['すべて', '未着手（1）', '取組中（3）', '完了（3）']);
      await choose(el, 'done');
      expect(ids(el)).to.deep.equal(['R-1', 'R-3', 'S-2']);
      await expect(el).to.be.accessible();
    });
  });

  describe('<kdx-progress>', () => {
    it('counts tallied from the items\' grades say so, and how many the rule computed', async () => {
      const { el } = await mount(`<kdx-progress data-test src="${EX}/indicators.json"></kdx-progress>`);
      // Six items, no counts stated: S 1-1; A 2-1 (computed), 2-2 (stated); B 1-2 (66 on 60 is +10.0%, not above
      // 10); C 1-3 (lower is better: 280,000 on 250,000 is 12% worse); − 2-3. Five of the six computed.
      expect(rows(el)).to.deep.equal([
        ['区分', '件数', '割合'],
        ['S：目標値を達成', '1', '16.7%'],
        ['A：基準値から10%を超えて改善', '2', '33.3%'],
        ['B：基準値の±10%以内', '1', '16.7%'],
        ['C：基準値から10%を超えて悪化', '1', '16.7%'],
        ['−：評価できない', '1', '16.7%'],
        ['合計', '6', '100.0%'],
      ]);
      expect(notes(el)).to.deep.equal(['件数は各項目の評価を数えた値です（うち5項目は評価基準による計算）。', '割合は件数から計算した値です。']);
      const { el: goal } = await mount(`<kdx-progress data-test lang="en" src="${EX}/indicators.json" node="goal-2"></kdx-progress>`);
      // 2-1 and 2-3 computed, 2-2 stated.
      expect(notes(goal)).to.deep.equal(["Counts are tallied from the items' grades (2 computed by the evaluation rule).", 'Shares are calculated from the counts.']);
      await expect(el).to.be.accessible();
    });

    it('counts from stated grades: tallied, none computed; the report\'s own counts: no such note', async () => {
      const { el } = await mount(`<kdx-progress data-test src="${EX}/two-dimensions.json"></kdx-progress>`);
      expect(notes(el)).to.deep.equal(['件数は各項目の評価を数えた値です。', '割合は件数から計算した値です。']);
      const { el: stated } = await mount(`<kdx-progress data-test src="${EX}/grades.json"></kdx-progress>`);
      expect(notes(stated)).to.deep.equal(['割合は件数から計算した値です。']);
    });

    it('counts summed from the report\'s counts of the parts, or from those and the items\' grades', async () => {
      const bundle = structuredClone(await (await fetch(`${EX}/grades.json`)).json());
      const plan = bundle.plans[0];
      delete plan.progress;
      // The three policies' stated counts: 15 + 13 + 12 = 40; S 2 + 1 + 1, A 9 + 8 + 7, B 3 + 3 + 3, C 1 + 1 + 1.
      const { el } = await mount(inline(bundle, '<kdx-progress data-test></kdx-progress>'));
      expect(rows(el).map((r) => r[1])).to.deep.equal(['件数', '4', '24', '9', '3', '40']);
      expect(notes(el)).to.deep.equal(['件数は報告書の件数を合計した値です。', '割合は件数から計算した値です。']);
      unmountAll();
      // Policy 1 without its counts: its three listed items (S, A, B) instead of its 15, beside 13 + 12 stated.
      delete plan.nodes.find((n: { id: string }) => n.id === 'policy-1').progress;
      const { el: mixed } = await mount(inline(bundle, '<kdx-progress data-test></kdx-progress>'));
      // 28 = 3 + 13 + 12: S 1 + 1 + 1 = 3 (10.7%), A 1 + 8 + 7 = 16 (57.1%), B 1 + 3 + 3 = 7 (25.0%), C 0 + 1 + 1 = 2 (7.1%).
      expect(rows(mixed).slice(1).map((r) => r.slice(1))).to.deep.equal([['3', '10.7%'], ['16', '57.1%'], ['7', '25.0%'], ['2', '7.1%'], ['28', '100.0%']]);
      expect(notes(mixed)).to.deep.equal(['件数は報告書の件数と各項目の評価を合計した値です。', '割合は件数から計算した値です。']);
    });

    it('the a–d attainment plan (dx-plan): its distribution, the rate it names, and computed counts', async () => {
      const { el } = await mount(`<kdx-progress data-test src="${EX}/indicators.json" plan="dx-plan"></kdx-progress>`);
      // a D-1, b D-2, d D-3 (see the tree); a and b achieved: 2 of 3 = 66.7%; each grade 1/3 = 33.3%.
      expect(rows(el)).to.deep.equal([
        ['区分', '件数', '割合'],
        ['a：ほぼ達成した（90%以上）', '1', '33.3%'],
        ['b：概ね達成した（60%以上90%未満）', '1', '33.3%'],
        ['c：達成が遅れている（30%以上60%未満）', '0', '0.0%'],
        ['d：達成していない（30%未満）', '1', '33.3%'],
        ['合計', '3', '100.0%'],
      ]);
      expect(q(el, '.rate').textContent).to.equal('66.7%');
      expect(q(el, '[role="meter"]').getAttribute('aria-valuetext')).to.equal('b以上の割合 66.7%（3項目中2項目）');
      expect(q(el, '.counts').textContent).to.equal('b以上の割合：3項目中2項目');
      expect(q(el, '.as-of').textContent).to.equal('2025年3月31日現在');
      expect(notes(el)).to.deep.equal(['件数は各項目の評価を数えた値です（うち3項目は評価基準による計算）。', '割合は件数から計算した値です。']);
      expect(shown(el)).to.not.match(GARBAGE);
      await expect(el).to.be.accessible();
    });

    /** year-over-year.json with priority 2 (行政運営の効率化) grown from 40 items to 50 while fewer were completed. */
    async function declining() {
      const bundle = structuredClone(await (await fetch(`${EX}/year-over-year.json`)).json());
      const node = bundle.plans[0].nodes.find((n: { id: string }) => n.id === 'management');
      node.progress.total = 50;
      node.progress.byGrade = { progress: { done: 11, 'on-track': 25, delayed: 9, 'not-started': 5 } };
      node.history[1] = { fiscalYear: 2014, asOf: '2015-03-31', total: 40, byGrade: { progress: { done: 12, 'on-track': 20, delayed: 5, 'not-started': 3 } } };
      return bundle;
    }

    it('a rate that fell: 「▲8.0ポイント」 in sight, 「8.0ポイント減」 read out', async () => {
      // 12 of 40 completed (30.0%) → 11 of 50 (22.0%): 8.0 points down.
      const { el } = await mount(inline(await declining(), '<kdx-progress data-test node="management"></kdx-progress>'));
      expect(rows(el)).to.deep.equal([
        ['区分', '平成27年度', '割合', '平成26年度', '増減'],
        ['完了', '11', '22.0%', '12', '▲1'],
        ['順調', '25', '50.0%', '20', '+5'],
        ['遅れ', '9', '18.0%', '5', '+4'],
        ['未着手', '5', '10.0%', '3', '+2'],
        ['合計', '50', '100.0%', '40', '+10'],
      ]);
      expect(q(el, '.rate').textContent).to.equal('22.0%');
      expect(q(el, '.change [aria-hidden="true"]').textContent).to.equal('平成26年度（2015年3月31日現在）比 ▲8.0ポイント');
      expect(q(el, '.change .visually-hidden').textContent).to.equal('平成26年度（2015年3月31日現在）比 8.0ポイント減');
      expect(q(el, 'tbody tr:first-child td:last-child .visually-hidden').textContent).to.equal('1減');
      await expect(el).to.be.accessible();
    });

    it('a comparison note in the editor\'s words is labelled as the editor\'s (「編集者注：」), the report\'s is not', async () => {
      const bundle = structuredClone(await (await fetch(`${EX}/year-over-year.json`)).json());
      bundle.plans[0].progress.comparedWith.note = { ja: '増減は前回の報告との比較', en: 'Changes are against the previous report', editorial: true };
      const { el } = await mount(inline(bundle, '<kdx-progress data-test></kdx-progress>'));
      expect(shown(el)).to.contain('編集者注：増減は前回の報告との比較');
      await expect(el).to.be.accessible();
      const { el: en } = await mount(inline(bundle, '<kdx-progress data-test lang="en"></kdx-progress>'));
      expect(shown(en)).to.contain("Editor's note: Changes are against the previous report");
      const { el: report } = await mount(`<kdx-progress data-test src="${EX}/year-over-year.json"></kdx-progress>`);
      expect(shown(report)).to.contain('※増減は対H26年度と比較').and.not.contain('編集者注');
    });

    it('a rate that fell, in English: a minus sign, and "down 8.0 points"', async () => {
      const { el } = await mount(inline(await declining(), '<kdx-progress data-test lang="en" node="management"></kdx-progress>'));
      expect(q(el, '.change [aria-hidden="true"]').textContent).to.equal('\u22128.0 points on FY2014 (as of 31 March 2015)');
      expect(q(el, '.change .visually-hidden').textContent).to.equal('down 8.0 points on FY2014 (as of 31 March 2015)');
    });
  });

  describe('<kdx-chart>', () => {
    it('the distribution over the years: each snapshot with its date, the shares labelled as calculated', async () => {
      const { el } = await mount(`<kdx-chart data-test src="${EX}/year-over-year.json" type="distribution"></kdx-chart>`);
      // The rows' dates are asserted above (2014-03-31, 2015-03-31, 2016-03-31): the words say them too.
      const label = q(el, 'canvas').getAttribute('aria-label')!;
      expect(label).to.match(/^（架空）みどり市行政改革大綱実施計画：進捗区分の推移。平成25年度（2014年3月31日現在）：完了 8項目（10.7%）、/);
      expect(label).to.contain('、平成27年度（2016年3月31日現在）：完了 30項目（50.0%）、');
      expect(label).to.match(/未着手 3項目（5\.0%）。割合は件数から計算した値です。$/);
      // The counts are the report's: no note on where they come from.
      expect(notes(el)).to.deep.equal(['割合は件数から計算した値です。']);
      expect(description(el, q(el, 'table'))).to.equal('割合は件数から計算した値です。');
      await expect(el).to.be.accessible();
    });

    it('the distribution in English', async () => {
      const { el } = await mount(`<kdx-chart data-test lang="en" src="${EX}/year-over-year.json" type="distribution" node="service"></kdx-chart>`);
      expect(rows(el)[1]).to.deep.equal(['FY2013 (as of 31 March 2014)', '5 items (12.5%)', '24 items (60.0%)', '8 items (20.0%)', '3 items (7.5%)', '40']);
      expect(q(el, 'canvas').getAttribute('aria-label')).to.match(/\. Shares are calculated from the counts\.$/);
    });

    it('scale="implementation": the distribution of the second scale, counted from the items, as of the plan\'s date', async () => {
      const { el } = await mount(`<kdx-chart data-test src="${EX}/two-dimensions.json" type="distribution" scale="implementation"></kdx-chart>`);
      // No history and no stated counts: the items' grades now (未着手 1, 取組中 3, 完了 3 of 7), as of 2025-03-31.
      expect(rows(el)).to.deep.equal([
        ['年度', '未着手', '取組中', '完了', '合計'],
        ['2025年3月31日現在', '1項目（14.3%）', '3項目（42.9%）', '3項目（42.9%）', '7'],
      ]);
      expect(notes(el)).to.deep.equal(['件数は各項目の評価を数えた値です。割合は件数から計算した値です。']);
      expect(description(el, q(el, 'table'))).to.equal('件数は各項目の評価を数えた値です。割合は件数から計算した値です。');
      expect(q(el, 'canvas').getAttribute('aria-label')).to.match(/完了 3項目（42\.9%）。件数は各項目の評価を数えた値です。割合は件数から計算した値です。$/);
    });

    it('a grade doughnut: its as-of date as <kdx-progress> shows it, its shares labelled as calculated', async () => {
      const { el } = await mount(`<kdx-chart data-test src="${EX}/grades.json" type="doughnut"></kdx-chart>`);
      // The plan's counts are as of 2025-03-31: in the title, the table's caption and the words.
      expect(q(el, '[part="title"]').textContent).to.equal('（架空）みどり市行政改革実施計画：評価の内訳（2025年3月31日現在）');
      expect(q(el, 'caption').textContent).to.equal('（架空）みどり市行政改革実施計画：評価の内訳（2025年3月31日現在）');
      expect(notes(el)).to.deep.equal(['割合は件数から計算した値です。']);
      expect(description(el, q(el, 'table'))).to.equal('割合は件数から計算した値です。');
      expect(q(el, 'canvas').getAttribute('aria-label')).to.equal(
        '（架空）みどり市行政改革実施計画：評価の内訳（2025年3月31日現在）。S：計画以上 4項目（10.0%）、A：計画どおり 24項目（60.0%）、B：やや遅れている 9項目（22.5%）、C：ほとんど進んでいない 3項目（7.5%）。割合は件数から計算した値です。',
      );
      await expect(el).to.be.accessible();
    });

    it('scale="implementation" as a doughnut, in English: counted from the items', async () => {
      const { el } = await mount(`<kdx-chart data-test lang="en" src="${EX}/two-dimensions.json" type="doughnut" scale="implementation"></kdx-chart>`);
      expect(rows(el)).to.deep.equal([
        ['Category', 'Count', 'Share'],
        ['Not started', '1', '14.3%'],
        ['Under way', '3', '42.9%'],
        ['Done', '3', '42.9%'],
        ['Total', '7', '100.0%'],
      ]);
      expect(q(el, 'caption').textContent).to.equal('Midori City Fiscal Reform Plan (fictional): breakdown by Implementation (as of 31 March 2025)');
      expect(notes(el)).to.deep.equal(["Counts are tallied from the items' grades. Shares are calculated from the counts."]);
      expect(q(el, 'canvas').getAttribute('aria-label')).to.match(
        /^Midori City Fiscal Reform Plan \(fictional\): breakdown by Implementation \(as of 31 March 2025\)\. Not started 1 item.*Done 3 items \(42\.9%\)\. Counts are tallied from the items' grades\. Shares are calculated from the counts\.$/,
      );
    });

    it('an indicator value measured on a date of its own has it in the table', async () => {
      const { el } = await mount(`<kdx-chart data-test src="${EX}/indicators.json" node="1-1" type="indicator"></kdx-chart>`);
      // 待機児童数: 40 (FY2019) → 18, 12, 0 (FY2024, counted on 1 April 2024) → target 0 (FY2025).
      expect(rows(el)).to.deep.equal([
        ['区分', '値'],
        ['基準値（令和元年度）', '40人'],
        ['実績値（令和4年度）', '18人'],
        ['実績値（令和5年度）', '12人'],
        ['実績値（令和6年度）', '0人（2024年4月1日現在）'],
        ['目標値（令和7年度）', '0人'],
      ]);
      expect(q(el, 'canvas').getAttribute('aria-label')).to.contain('、実績値（令和6年度） 0人（2024年4月1日現在）、');
      await expect(el).to.be.accessible();
    });

    it('the indicator table with a dated value fits a 320 px column when open', async () => {
      await setViewport({ width: 320, height: 640 });
      try {
        const { el } = await mount(`<kdx-chart data-test lang="en" src="${EX}/indicators.json" node="1-1" type="indicator"></kdx-chart>`);
        q(el, '.toggle').click();
        await settled(el);
        expect(rows(el)[4]).to.deep.equal(['Actual (FY2024)', '0 children (as of 1 April 2024)']);
        expect(checks.overflow()).to.deep.equal([]);
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });

    it('indicator="1": the node\'s second indicator; one it does not have is a clear error', async () => {
      const bundle = structuredClone(await (await fetch(`${EX}/indicators.json`)).json());
      const node = bundle.plans[0].nodes.find((n: { id: string }) => n.id === '2-1');
      node.indicators.push({
        label: { ja: 'SNSのフォロワー数', en: 'Social media followers' }, unit: { ja: '人', en: 'followers' },
        baseline: { value: 2000, fiscalYear: 2019 }, target: { value: 5000, fiscalYear: 2025 }, actuals: [{ fiscalYear: 2024, value: 4100 }],
      });
      const { el: first } = await mount(inline(bundle, '<kdx-chart data-test node="2-1" type="indicator"></kdx-chart>'));
      expect(q(first, 'caption').textContent).to.equal('情報発信の強化：市ホームページの月間閲覧数');
      unmountAll();
      const { el } = await mount(inline(bundle, '<kdx-chart data-test node="2-1" type="indicator" indicator="1"></kdx-chart>'));
      expect(q(el, 'caption').textContent).to.equal('情報発信の強化：SNSのフォロワー数');
      expect(rows(el)).to.deep.equal([
        ['区分', '値'],
        ['基準値（令和元年度）', '2,000人'],
        ['実績値（令和6年度）', '4,100人'],
        ['目標値（令和7年度）', '5,000人'],
      ]);
      unmountAll();
      const { el: none, event } = await mount(inline(bundle, '<kdx-chart data-test node="2-1" type="indicator" indicator="2"></kdx-chart>'));
      expect(event.type).to.equal('kdx-error');
      expect(q(none, '[role="alert"]').textContent).to.contain('「情報発信の強化」には指標の値がありません');
    });
  });
});
