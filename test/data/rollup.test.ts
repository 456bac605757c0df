import { expect } from '@open-wc/testing';
import { parseBundle } from '../../src/data/parse.js';
import { formatPercent } from '../../src/data/format.js';
import { rateTenths, rollup } from '../../src/data/rollup.js';
import { seedText } from '../helpers/bundles.js';

// The achievement table of the Administrative Management Plan report (004_55081076e8154bcf.txt, section 2). Only
// policy 3's 「40 項目※」 carries 「※うち 2 項目は数値未確定」; the plan's 2 is carried up from it, and marked derived.
const REPORT = [
  { id: 'administrative-management-plan', total: 124, achieved: 108, percent: '87.1%', unconfirmed: 2, derived: true },
  { id: 'policy-1', total: 39, achieved: 38, percent: '97.4%', unconfirmed: 0, derived: false },
  { id: 'policy-2', total: 45, achieved: 38, percent: '84.4%', unconfirmed: 0, derived: false },
  { id: 'policy-3', total: 40, achieved: 32, percent: '80.0%', unconfirmed: 2, derived: false },
];

describe('roll-up reproduces the report', () => {
  it('gives the report table from seeds/kanazawa.json', async () => {
    const model = parseBundle(await seedText('kanazawa'));
    const plan = model.plan('administrative-management-plan')!;
    for (const row of REPORT) {
      const node = plan.byId.get(row.id)!;
      expect(node, row.id).to.exist;
      const p = node.progress!;
      expect([p.total, p.achieved, p.unconfirmed], row.id).to.deep.equal([row.total, row.achieved, row.unconfirmed]);
      expect(p.unconfirmedDerived === true, `${row.id}: unconfirmed derived`).to.equal(row.derived);
      expect(formatPercent(p.rateTenths!, 'ja'), row.id).to.equal(row.percent);
      expect(formatPercent(p.rateTenths!, 'en'), row.id).to.equal(row.percent);
    }
  });

  it('the three policies add up to the plan total', async () => {
    const plan = parseBundle(await seedText('kanazawa')).plan('administrative-management-plan')!;
    const policies = plan.root.children.filter((c) => c.kind === 'policy');
    expect(policies.map((p) => p.id)).to.deep.equal(['policy-1', 'policy-2', 'policy-3']);
    expect(policies.reduce((s, p) => s + p.progress!.total, 0)).to.equal(124);
    expect(policies.reduce((s, p) => s + p.progress!.achieved, 0)).to.equal(108);
  });
});

describe('unconfirmed carried up to a declared node', () => {
  const declared = (total: number, achieved: number, unconfirmed?: number) => ({ declared: { total, achieved, unconfirmed }, children: [] });
  const rules = new Map([['ok', { id: 'ok', achieved: true }]]);
  it('is carried up, and marked derived, only when the children\'s declared counts are exactly the node\'s', () => {
    const carried = rollup({ declared: { total: 10, achieved: 6 }, children: [declared(4, 3), declared(6, 3, 2)] }, rules)!;
    expect([carried.unconfirmed, carried.unconfirmedDerived]).to.deep.equal([2, true]);
    // Totals that do not add up (the node counts items its children do not list): nothing is carried.
    const partial = rollup({ declared: { total: 12, achieved: 6 }, children: [declared(4, 3), declared(6, 3, 2)] }, rules)!;
    expect([partial.unconfirmed, partial.unconfirmedDerived]).to.deep.equal([0, undefined]);
    const otherAchieved = rollup({ declared: { total: 10, achieved: 7 }, children: [declared(4, 3), declared(6, 3, 2)] }, rules)!;
    expect(otherAchieved.unconfirmed).to.equal(0);
    // Declared, even as 0, is the node's own figure.
    const own = rollup({ declared: { total: 10, achieved: 6, unconfirmed: 0 }, children: [declared(4, 3), declared(6, 3, 2)] }, rules)!;
    expect([own.unconfirmed, own.unconfirmedDerived]).to.deep.equal([0, undefined]);
  });
});

describe('rateTenths', () => {
  it('rounds half up in exact arithmetic', () => {
    expect(rateTenths(1, 8)).to.equal(125); // 12.5% exactly
    expect(rateTenths(1, 16)).to.equal(63); // 6.25% → 6.3%
    expect(rateTenths(1, 3)).to.equal(333);
    expect(rateTenths(2, 3)).to.equal(667);
    expect(rateTenths(0, 5)).to.equal(0);
    expect(rateTenths(5, 5)).to.equal(1000);
  });
  it('has no rate for a zero total, never NaN or Infinity', () => {
    expect(rateTenths(0, 0)).to.equal(null);
    expect(rateTenths(3, 0)).to.equal(null);
    expect(rateTenths(NaN, 3)).to.equal(null);
  });
});

describe('rollup', () => {
  const statuses = new Map([
    ['ok', { id: 'ok', achieved: true }],
    ['no', { id: 'no', achieved: false }],
    ['tbd', { id: 'tbd', achieved: false, unconfirmed: true }],
  ]);
  it('sums leaves by status, with a breakdown in vocabulary order', () => {
    const leaf = (status?: string) => ({ status, children: [] });
    const p = rollup({ children: [leaf('no'), leaf('ok'), leaf('tbd'), leaf('ok'), leaf()] }, statuses)!;
    expect([p.total, p.achieved, p.unconfirmed, p.rateTenths]).to.deep.equal([4, 2, 1, 500]);
    expect(p.byStatus).to.deep.equal([
      { status: 'ok', count: 2 },
      { status: 'no', count: 1 },
      { status: 'tbd', count: 1 },
    ]);
    expect(p.source).to.equal('children');
  });
  it('prefers declared counts over children', () => {
    const p = rollup({ declared: { total: 10, achieved: 3 }, children: [{ status: 'ok', children: [] }] }, statuses)!;
    expect([p.total, p.achieved, p.source]).to.deep.equal([10, 3, 'declared']);
  });
  it('gives no progress where there is no data', () => {
    expect(rollup({ children: [{ children: [] }, { status: 'unknown', children: [] }] }, statuses)).to.equal(null);
    expect(rollup({ children: [] }, statuses)).to.equal(null);
  });
  it('mixes declared and status children; drops a breakdown that would not add up', () => {
    const p = rollup({ children: [{ declared: { total: 4, achieved: 2 }, children: [] }, { status: 'ok', children: [] }] }, statuses)!;
    expect([p.total, p.achieved]).to.deep.equal([5, 3]);
    expect(p.byStatus).to.deep.equal([]);
  });
  it('handles a chain 10,000 deep without overflowing the stack', () => {
    let node: { status?: string; children: object[] } = { status: 'ok', children: [] };
    for (let i = 0; i < 10_000; i++) node = { children: [node] };
    const p = rollup(node as never, statuses)!;
    expect([p.total, p.achieved]).to.deep.equal([1, 1]);
  });
});
