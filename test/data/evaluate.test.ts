/**
 * Indicators graded by a rule, exactly: boundaries as a reader checks them by hand (「±10%以内」 includes 10%), the
 * direction of an indicator where lower is better, missing values, and a stated grade shown as stated.
 */
import { expect } from '@open-wc/testing';
import type { IndicatorData, RuleData } from '../../src/data/bundle.js';
import { decimal, evaluate, measureOf } from '../../src/data/evaluate.js';
import { parseBundle } from '../../src/data/parse.js';
import { example } from '../helpers/bundles.js';

/** The S/A/B/C/− rule of the fictional comprehensive plan (seeds/examples/indicators.json). */
const RULE: RuleData = {
  steps: [
    { grade: 'S', measure: 'progress', atLeast: 100 },
    { grade: 'A', measure: 'change', above: 10 },
    { grade: 'B', measure: 'change', atLeast: -10 },
    { grade: 'C' },
  ],
  missing: 'none',
};

const ind = (baseline: number | undefined, target: number | undefined, actual: number | undefined, direction?: 'increase' | 'decrease'): IndicatorData => ({
  label: 'x',
  ...(baseline === undefined ? {} : { baseline: { value: baseline, fiscalYear: 2019 } }),
  ...(target === undefined ? {} : { target: { value: target, fiscalYear: 2025 } }),
  ...(actual === undefined ? {} : { actuals: [{ fiscalYear: 2023, value: actual - 1 }, { fiscalYear: 2024, value: actual }] }),
  ...(direction ? { direction } : {}),
});

describe('evaluate', () => {
  it('reads numbers as the decimals they were written as', () => {
    expect(decimal(0.1)).to.deep.equal([1n, 10n]);
    expect(decimal(-12.25)).to.deep.equal([-1225n, 100n]);
    expect(decimal(1e21)).to.deep.equal([10n ** 21n, 1n]);
    expect(decimal(1.5e-7)).to.deep.equal([15n, 10n ** 8n]);
    expect(decimal(-0)).to.deep.equal([0n, 1n]);
  });

  it('puts an exact boundary on the side the rule says: +10% is within ±10%, not above', () => {
    // 60 → 66 is +10% exactly (in floating point 6/60*100 happens to be 10, but 0.7/7 → 0.1 is not always so).
    expect(evaluate(ind(60, 70, 66), RULE).grade).to.equal('B');
    // 0.7 → 0.77: +10% exactly; (0.77 - 0.7) / 0.7 * 100 is 10.000000000000009 in floating point.
    expect((0.77 - 0.7) / 0.7 * 100).to.not.equal(10);
    expect(evaluate(ind(0.7, 1, 0.77), RULE).grade).to.equal('B');
    expect(evaluate(ind(0.7, 1, 0.7701), RULE).grade).to.equal('A');
    // −10% exactly is still within; below it is C.
    expect(evaluate(ind(0.7, 1, 0.63), RULE).grade).to.equal('B');
    expect(evaluate(ind(0.7, 1, 0.6299), RULE).grade).to.equal('C');
  });

  it('grades S from the target, then by the change on the baseline', () => {
    const s = evaluate(ind(12, 18, 18), RULE);
    expect([s.grade, s.step, s.measure]).to.deep.equal(['S', 0, { kind: 'progress', tenths: 1000 }]);
    const a = evaluate(ind(12, 18, 15), RULE); // +25.0% on 12
    expect([a.grade, a.measure, a.actual]).to.deep.equal(['A', { kind: 'change', tenths: 250 }, { value: 15, fiscalYear: 2024 }]);
  });

  it('turns the direction where lower is better, said or implied by a target below the baseline', () => {
    // 40 children waiting → target 0 → 0 reached: S (progress 100%).
    expect(evaluate(ind(40, 0, 0), RULE).grade).to.equal('S');
    // 250,000 → 280,000 ㎡ where lower is better: +12% is worse, i.e. −12.0%: C.
    const c = evaluate(ind(250000, 237500, 280000, 'decrease'), RULE);
    expect([c.grade, c.measure]).to.deep.equal(['C', { kind: 'change', tenths: -120 }]);
    // The same values with higher better: +12%, A.
    expect(evaluate(ind(250000, 237500, 280000, 'increase'), RULE).grade).to.equal('A');
  });

  it('gives the "cannot be evaluated" grade, and says why, when values are missing', () => {
    expect(evaluate(ind(20, 30, undefined), RULE)).to.include({ grade: 'none', missing: 'actual', step: null });
    // S needs the baseline for its progress measure.
    expect(evaluate(ind(undefined, 30, 25), RULE)).to.include({ grade: 'none', missing: 'baseline' });
    // A change on a baseline of 0 divides by zero.
    expect(evaluate(ind(0, 30, 25), RULE)).to.include({ grade: 'none', missing: 'zero' });
    // Without a `missing` grade, no grade.
    expect(evaluate(ind(20, 30, undefined), { steps: RULE.steps }).grade).to.equal(undefined);
  });

  it('attainment: actual ÷ target, target ÷ actual where lower is better', () => {
    const m = measureOf({ label: 'x', target: { value: 120 } }, 'attainment', 80);
    expect('value' in m && m.value[0] * 3n === 200n * m.value[1]).to.equal(true); // 66.666…%
    const a = { steps: [{ grade: 'a', measure: 'attainment' as const, atLeast: 90 }, { grade: 'd' }] };
    expect(evaluate({ label: 'x', target: { value: 10000 }, actuals: [{ fiscalYear: 2024, value: 9000 }] }, a).grade).to.equal('a');
    expect(evaluate({ label: 'x', target: { value: 10000 }, actuals: [{ fiscalYear: 2024, value: 8999 }] }, a).grade).to.equal('d');
    expect(evaluate({ label: 'x', target: { value: 90 }, direction: 'decrease', actuals: [{ fiscalYear: 2024, value: 100 }] }, a).grade).to.equal('a');
  });

  it('takes the latest actual whatever order the data lists them in', () => {
    const i: IndicatorData = { label: 'x', baseline: { value: 10 }, target: { value: 20 }, actuals: [{ fiscalYear: 2024, value: 20 }, { fiscalYear: 2022, value: 11 }] };
    expect(evaluate(i, RULE)).to.include({ grade: 'S' });
  });

  it('in the model: a stated grade is shown as stated, the rule\'s own result kept beside it', async () => {
    const plan = parseBundle(JSON.stringify(await example('indicators'))).plan('city-plan')!;
    const tourism = plan.byId.get('2-2')!;
    const [i] = tourism.indicators;
    expect([i!.grade!.grade.id, i!.grade!.source, i!.evaluation!.grade]).to.deep.equal(['A', 'declared', 'S']);
    // The node's grade is its one indicator's.
    expect(tourism.grades.get('evaluation')).to.equal(i!.grade);
    const web = plan.byId.get('2-1')!;
    expect([web.grades.get('evaluation')!.grade.id, web.grades.get('evaluation')!.source]).to.deep.equal(['A', 'computed']);
    // S 1 (1-1), A 2 (2-1, 2-2), B 1 (1-2), C 1 (1-3), − 1 (2-3): S and A achieved, 3 of 6.
    expect(plan.root.progress!.byScale.get('evaluation')!.counts.map((c) => c.count)).to.deep.equal([1, 2, 1, 1, 1]);
    expect(plan.root.progress!.rateTenths).to.equal(500);
  });
});
