/**
 * The report shapes of other cities (seeds/examples/, all fictional): grade scales, two status dimensions,
 * year-over-year change, indicators, revisions. Expected figures are worked out by hand from the bundles' counts,
 * as a reader checks a printed table: shares are count ÷ total, each rounded half up to one decimal.
 */
import { expect } from '@open-wc/testing';
import { parseBundle, validateBundle } from '../../src/data/parse.js';
import type { PlanModel } from '../../src/data/model.js';
import { formatPercent } from '../../src/data/format.js';
import { rollup } from '../../src/data/rollup.js';
import { comparison, snapshots } from '../../src/data/snapshots.js';
import { formatIssue } from '../../src/data/validate.js';
import { loadDetail, loadMessages } from '../../src/i18n/index.js';
import { clone, EXAMPLES, example, type Example } from '../helpers/bundles.js';

async function plan(name: Example, id?: string): Promise<PlanModel> {
  return parseBundle(JSON.stringify(await example(name))).plan(id)!;
}

/** Counts and shares of a node on a scale, as the printed table rows: [grade, count, share]. */
function table(p: PlanModel, node: string, scale: string) {
  const n = p.byId.get(node)!;
  const d = n.progress!.byScale.get(scale)!;
  expect(d.complete, `${node}: every item counted on ${scale}`).to.equal(true);
  return d.counts.map((c) => [c.grade, c.count, formatPercent(Math.floor((2000 * c.count + n.progress!.total) / (2 * n.progress!.total)), 'ja')]);
}

describe('report shapes (seeds/examples)', () => {
  before(() => Promise.all([loadMessages('en'), loadDetail()]));

  it('every example validates, and names its publisher as fictional', async () => {
    for (const name of EXAMPLES) {
      const b = await example(name);
      const r = validateBundle(b);
      expect(r.ok ? 'ok' : r.errors.map((e) => formatIssue(e, 'en')).join('\n'), name).to.equal('ok');
      const publisher = b.publisher.name as { ja: string; en: string };
      expect(publisher.ja, name).to.match(/^（架空）/);
      expect(publisher.en, name).to.match(/\(fictional\)$/);
    }
  });

  describe('a grade scale (grades.json)', () => {
    it('gives the distribution as the report table prints it, and the rate of S and A', async () => {
      const p = await plan('grades');
      // 40 items: S 4, A 24, B 9, C 3. Achieved = S + A = 28; 28/40 = 70.0%.
      expect(table(p, 'reform-plan', 'evaluation')).to.deep.equal([
        ['S', 4, '10.0%'],
        ['A', 24, '60.0%'],
        ['B', 9, '22.5%'],
        ['C', 3, '7.5%'],
      ]);
      expect([p.root.progress!.total, p.root.progress!.achieved, p.root.progress!.rateTenths]).to.deep.equal([40, 28, 700]);
      expect(p.headline?.id).to.equal('evaluation');
    });

    it('rounds each share on its own: 12 items of policy 3 give 8.3 + 58.3 + 25.0 + 8.3 = 99.9%', async () => {
      const p = await plan('grades');
      expect(table(p, 'policy-3', 'evaluation').map((r) => r[2])).to.deep.equal(['8.3%', '58.3%', '25.0%', '8.3%']);
      // 8/12 = 66.67% → 66.7%
      expect(p.byId.get('policy-3')!.progress!.rateTenths).to.equal(667);
    });

    it('reads each item grade as stated', async () => {
      const p = await plan('grades');
      const g = p.byId.get('2-2')!.grades.get('evaluation')!;
      expect([g.grade.id, g.source]).to.deep.equal(['C', 'declared']);
    });
  });

  describe('two status dimensions on the same items (two-dimensions.json)', () => {
    it('counts both scales over the same 7 items, each adding up to the total', async () => {
      const p = await plan('two-dimensions');
      expect(p.root.progress!.total).to.equal(7);
      // 達成度: 未達成 2 (R-4, S-3), 一部達成 2 (R-2, S-1), 達成 3 → 28.6 + 28.6 + 42.9 = 100.1%
      expect(table(p, 'finance-plan', 'achievement')).to.deep.equal([
        ['not-met', 2, '28.6%'],
        ['partly-met', 2, '28.6%'],
        ['met', 3, '42.9%'],
      ]);
      // 実施状況: 未着手 1, 取組中 3 (R-2, S-1, S-3), 完了 3
      expect(table(p, 'finance-plan', 'implementation')).to.deep.equal([
        ['not-started', 1, '14.3%'],
        ['under-way', 3, '42.9%'],
        ['done', 3, '42.9%'],
      ]);
    });

    it('takes the rate from the first scale (its 達成), and gives the second none: it has no achieved grade', async () => {
      const p = await plan('two-dimensions');
      expect(p.root.progress!.rateTenths).to.equal(429); // 3/7
      expect(p.root.progress!.byScale.get('implementation')!.rateTenths).to.equal(null);
      expect(p.byId.get('revenue')!.progress!.rateTenths).to.equal(500); // of 4
    });
  });

  describe('year-over-year change (year-over-year.json)', () => {
    it('compares the counts as of 2016-03-31 with FY2014, grade by grade', async () => {
      const p = await plan('year-over-year');
      const c = comparison(p, p.root)!;
      expect([c.base.fiscalYear, c.base.asOf]).to.deep.equal([2014, '2015-03-31']);
      // 完了 18 → 30 (+12), 順調 42 → 20 (▲22), 遅れ 9 → 7 (▲2), 未着手 4 → 3 (▲1); total 73 → 60 (▲13)
      expect(c.byScale.get('progress')!.map((g) => [g.grade, g.before, g.after, g.change])).to.deep.equal([
        ['done', 18, 30, 12],
        ['on-track', 42, 20, -22],
        ['delayed', 9, 7, -2],
        ['not-started', 4, 3, -1],
      ]);
      expect(c.total).to.deep.equal({ before: 73, after: 60, change: -13 });
      // 30/60 = 50.0%, 18/73 = 24.66% → 24.7%: +25.3 points, a difference of the printed rates.
      expect(c.rateTenths).to.equal(253);
      expect(c.note).to.deep.equal({ ja: '※増減は対H26年度と比較', en: 'Changes are against FY2014' });
    });

    it('lists the snapshots in time order, the current one last', async () => {
      const p = await plan('year-over-year');
      const s = snapshots(p, p.root);
      expect(s.map((x) => [x.fiscalYear, x.asOf, x.progress.total, x.current])).to.deep.equal([
        [2013, '2014-03-31', 75, false],
        [2014, '2015-03-31', 73, false],
        [2015, '2016-03-31', 60, true],
      ]);
      // FY2013: 8/75 = 10.67% → 10.7%
      expect(s[0]!.progress.rateTenths).to.equal(107);
    });
  });

  describe('plans of Kanazawa and the minimal fixture are the one-scale case', () => {
    it('read the bundle statuses as scale "status", unchanged in meaning', async () => {
      const p = parseBundle(await (await fetch('/seeds/minimal.json')).text()).plan()!;
      expect(p.headline?.id).to.equal('status');
      const goal = p.byId.get('goal-a')!.progress!;
      // A-1 達成, A-2 取組中, A-3 数値未確定: 1 of 3.
      expect([goal.total, goal.achieved, goal.unconfirmed, goal.rateTenths]).to.deep.equal([3, 1, 1, 333]);
      expect(goal.byStatus).to.deep.equal([
        { status: 'done', count: 1 },
        { status: 'in-progress', count: 1 },
        { status: 'pending', count: 1 },
      ]);
      expect(goal.byScale.get('status')!.counts.map((c) => c.count)).to.deep.equal([1, 1, 0, 1]);
    });
  });

  describe('roll-up across scales', () => {
    const scales = {
      headline: 'g',
      scales: new Map([
        ['g', { rated: true, grades: new Map([['a', { id: 'a', achieved: true }], ['b', { id: 'b' }]]) }],
        ['s', { rated: false, grades: new Map([['x', { id: 'x' }], ['y', { id: 'y' }]]) }],
      ]),
    };
    it('counts an item graded on the second scale only, but then knows no rate', () => {
      const p = rollup({ children: [{ grades: { g: 'a', s: 'x' }, children: [] }, { grades: { s: 'y' }, children: [] }] }, scales)!;
      expect(p.total).to.equal(2);
      expect(p.rateTenths).to.equal(null);
      expect(p.byScale.get('g')!.complete).to.equal(false);
      expect(p.byScale.get('s')!.counts).to.deep.equal([{ grade: 'x', count: 1 }, { grade: 'y', count: 1 }]);
    });
    it('derives achieved from declared counts by grade when the data gives none', () => {
      const p = rollup({ declared: { total: 5, byGrade: { g: { a: 2, b: 3 }, s: { x: 5 } } }, children: [] }, scales)!;
      expect([p.achieved, p.rateTenths]).to.deep.equal([2, 400]);
      expect(p.byScale.get('s')!.complete).to.equal(true);
    });
  });

  describe('validation of the shapes', () => {
    const invalid = async (name: Example, mutate: (b: any) => void) => {
      const b = clone(await example(name));
      mutate(b);
      const r = validateBundle(b);
      expect(r.ok, 'should be invalid').to.equal(false);
      return r.ok ? [] : r.errors.map((e) => formatIssue(e, 'en'));
    };

    it('counts by grade must add up to the total, name known grades and agree with achieved', async () => {
      expect(await invalid('grades', (b) => (b.plans[0].progress.byGrade.evaluation.C = 4))).to.deep.equal([
        'plans[0].progress.byGrade.evaluation: the counts by grade add up to 41, not to total (40)',
      ]);
      expect(await invalid('grades', (b) => (b.plans[0].nodes[0].progress.byGrade.evaluation = { S: 2, A: 9, B: 3, D: 1 }))).to.deep.equal([
        'plans[0].nodes[0].progress.byGrade.evaluation.D: "D" is not a grade of this scale (valid: S, A, B, C)',
      ]);
      expect(await invalid('grades', (b) => (b.plans[0].progress.achieved = 30))).to.deep.equal([
        'plans[0].progress.achieved: must equal the count of achieved grades on scale "evaluation" (28)',
      ]);
    });

    it('grades name a scale of the plan and one of its grades; "status" is the statuses\' name', async () => {
      expect(await invalid('grades', (b) => (b.plans[0].nodes[1].grades = { rating: 'S' }))).to.deep.equal([
        'plans[0].nodes[1].grades.rating: scale "rating" is not in the plan\'s scales (valid: evaluation)',
      ]);
      expect(await invalid('grades', (b) => (b.plans[0].nodes[1].grades = { evaluation: 'AA' }))).to.deep.equal([
        'plans[0].nodes[1].grades.evaluation: "AA" is not a grade of this scale (valid: S, A, B, C)',
      ]);
      expect(await invalid('grades', (b) => (b.plans[0].scales[0].id = 'status'))).to.include(
        'plans[0].scales[0].id: the id "status" is reserved (it names the bundle\'s statuses)',
      );
    });

    it('a rule names grades of its scale, and a bound needs a measure', async () => {
      expect(
        await invalid('indicators', (b) => {
          b.plans[0].scales[0].rule.steps[1] = { grade: 'AA', above: 10 };
          b.plans[0].scales[0].rule.missing = 'dash';
        }),
      ).to.deep.equal([
        'plans[0].scales[0].rule.steps[1].grade: "AA" is not a grade of this scale (valid: S, A, B, C, none)',
        'plans[0].scales[0].rule.steps[1].measure: is required (measure is missing)',
        'plans[0].scales[0].rule.missing: "dash" is not a grade of this scale (valid: S, A, B, C, none)',
      ]);
    });

    it('the comparison base is a history point; an indicator has each year\'s actual once', async () => {
      expect(await invalid('year-over-year', (b) => (b.plans[0].progress.comparedWith.fiscalYear = 2012))).to.deep.equal([
        'plans[0].progress.comparedWith.fiscalYear: the fiscal year compared with (2012) is not in history (there: 2013, 2014)',
      ]);
      expect(await invalid('indicators', (b) => (b.plans[0].nodes[1].indicators[0].actuals[1].fiscalYear = 2022))).to.deep.equal([
        'plans[0].nodes[1].indicators[0].actuals[1].fiscalYear: fiscal year 2022 is given twice',
      ]);
    });

    it('revisions: added items are the plan\'s, and the latest period is the plan\'s', async () => {
      expect(await invalid('revisions', (b) => (b.plans[0].revisions[0].added[0].node = 'K-9'))).to.deep.equal([
        'plans[0].revisions[0].added[0].node: item "K-9" is not in this plan',
      ]);
      expect(await invalid('revisions', (b) => (b.plans[0].period.to = 2024))).to.deep.equal([
        'plans[0].revisions[0].period.after: the period after the latest revision (2020–2025) is not the plan\'s period (2020–2024)',
      ]);
      expect(await invalid('revisions', (b) => (b.plans[0].revisions[0].removed[0].title = undefined))).to.deep.equal([
        'plans[0].revisions[0].removed[0].title: is required (title is missing)',
      ]);
    });
  });
});
