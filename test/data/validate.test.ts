import { expect } from '@open-wc/testing';
import { validateBundle } from '../../src/data/parse.js';
import { formatIssue, type ValidationIssue } from '../../src/data/validate.js';
import { clone, seed } from '../helpers/bundles.js';
import { loadDetail, loadMessages } from '../../src/i18n/index.js';

const lines = (errors: ValidationIssue[], lang: 'ja' | 'en' = 'en') => errors.map((e) => formatIssue(e, lang));

async function errorsOf(mutate: (b: any) => void) {
  const b = clone(await seed('minimal'));
  mutate(b);
  const r = validateBundle(b);
  expect(r.ok, 'should be invalid').to.equal(false);
  return r.ok ? [] : r.errors;
}

describe('validateBundle', () => {
  // These messages are checked in English too, which the widgets load on demand.
  before(() => Promise.all([loadMessages('en'), loadDetail()]));
  it('accepts the Kanazawa bundle and the minimal fixture', async () => {
    for (const name of ['kanazawa', 'minimal'] as const) {
      const r = validateBundle(await seed(name));
      expect(r.ok ? 'ok' : lines(r.errors).join('\n'), name).to.equal('ok');
    }
  });

  it('names the JSON path and the limit for achieved > total, in both languages', async () => {
    const errors = await errorsOf((b) => (b.plans[0].nodes[4].progress = { total: 40, achieved: 41 }));
    expect(lines(errors)).to.deep.equal(['plans[0].nodes[4].progress.achieved: must be ≤ total (40)']);
    expect(lines(errors, 'ja')).to.deep.equal(['plans[0].nodes[4].progress.achieved: total（40）以下にしてください']);
  });

  it('rejects duplicate ids, also against the plan id', async () => {
    const errors = await errorsOf((b) => {
      b.plans[0].nodes[1].id = 'goal-a';
      b.plans[0].nodes[2].id = 'sample-plan';
    });
    expect(lines(errors)).to.deep.equal([
      'plans[0].nodes[1].id: duplicate id "goal-a" (also at plans[0].nodes[0].id)',
      'plans[0].nodes[2].id: duplicate id "sample-plan" (also at plans[0].id)',
    ]);
  });

  it('rejects cycles and names them', async () => {
    const errors = await errorsOf((b) => (b.plans[0].nodes[0].parent = 'A-1'));
    expect(lines(errors)).to.have.length(1);
    expect(lines(errors)[0]).to.match(/^plans\[0\]\.nodes\[\d\]\.parent: parent links form a cycle \((goal-a → A-1 → goal-a|A-1 → goal-a → A-1)\)$/);
  });

  it('rejects a node that is its own parent', async () => {
    const errors = await errorsOf((b) => (b.plans[0].nodes[0].parent = 'goal-a'));
    expect(lines(errors)).to.deep.equal(['plans[0].nodes[0].parent: parent links form a cycle (goal-a → goal-a)']);
  });

  it('rejects unknown parents and unknown status ids, listing the known ones', async () => {
    const errors = await errorsOf((b) => {
      b.plans[0].nodes[1].parent = 'nowhere';
      b.plans[0].nodes[2].status = 'finished';
    });
    expect(lines(errors)).to.have.members([
      'plans[0].nodes[1].parent: parent id "nowhere" is not in this plan',
      'plans[0].nodes[2].status: status id "finished" is not in statuses (known: done, in-progress, delayed, pending)',
    ]);
  });

  it('rejects an unsupported schemaVersion, saying which are supported', async () => {
    const r = validateBundle({ ...(await seed('minimal')), schemaVersion: 2 });
    expect(r.ok).to.equal(false);
    if (r.ok) return;
    expect(r.version).to.equal('2');
    expect(lines(r.errors)).to.deep.equal(['schemaVersion: must be a supported version: 1 (got 2)']);
    expect(lines(r.errors, 'ja')).to.deep.equal(['schemaVersion: 対応している版（1）を指定してください（実際: 2）']);
  });

  it('reports a schemaVersion that is not a number as a type problem, not a version', async () => {
    const r = validateBundle({ ...(await seed('minimal')), schemaVersion: null });
    expect(r.ok).to.equal(false);
    if (r.ok) return;
    expect(r.version).to.equal(undefined);
    expect(lines(r.errors)).to.deep.equal(['schemaVersion: must be a supported version: 1 (got null)']);
  });

  it('reports missing and mistyped fields with paths', async () => {
    const errors = await errorsOf((b) => {
      delete b.plans[0].nodes[0].title;
      b.plans[0].nodes[1].page = 'P38';
      b.plans[0].nodes[2].fiscalYear = 2025.5;
      b.plans[0].period.from = null;
    });
    expect(lines(errors)).to.have.members([
      'plans[0].period.from: must be a number (got null)',
      'plans[0].nodes[0].title: is required (title is missing)',
      'plans[0].nodes[1].page: must be a number (got "P38")',
      'plans[0].nodes[2].fiscalYear: must be a whole number (got 2025.5)',
    ]);
  });

  it('checks the faithful-plan fields: editorial marks, the heading an item is listed under, summary kind, results', async () => {
    const errors = await errorsOf((b) => {
      b.plans[0].nodes[1].title = { ja: '取組', editorial: 'yes' };
      b.plans[0].nodes[1].reported = { as: 'planned', fiscalYear: 2024 };
      b.plans[0].nodes[2].summaryKind = 'summary';
      b.plans[0].nodes[2].results = [{ label: 'イベント', value: '17' }];
      b.plans[0].kinds = { policy: { label: '基本方針', numberWithLabel: 'no' } };
    });
    expect(lines(errors)).to.have.members([
      'plans[0].kinds.policy.numberWithLabel: must be true or false (got "no")',
      'plans[0].nodes[1].title.editorial: must be true or false (got "yes")',
      'plans[0].nodes[1].reported.as: must be one of carried-out, added (got "planned")',
      'plans[0].nodes[2].summaryKind: must be one of result, plan (got "summary")',
      'plans[0].nodes[2].results[0].value: must be a number (got "17")',
    ]);
    // And in Japanese.
    const r = validateBundle({ ...(await seed('minimal')), plans: [{ id: 'p', title: 'p', period: { from: 2024, to: 2024 }, nodes: [{ id: 'a', kind: 'x', title: 'a', summaryKind: 'x' }] }] });
    expect(!r.ok && formatIssue(r.errors[0]!, 'ja')).to.equal('plans[0].nodes[0].summaryKind: result, plan のいずれかです（実際: "x"）');
  });

  it('refuses unsafe link URLs', async () => {
    for (const url of ['javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', ' https://x']) {
      const errors = await errorsOf((b) => (b.plans[0].nodes[2].link = url));
      expect(errors.map((e) => [e.path, e.key])).to.deep.equal([['plans[0].nodes[2].link', 'url']]);
    }
  });

  it('rejects unconfirmed beyond the open items', async () => {
    const errors = await errorsOf((b) => (b.plans[0].nodes[4].progress = { total: 10, achieved: 9, unconfirmed: 2 }));
    expect(lines(errors)).to.deep.equal(['plans[0].nodes[4].progress.unconfirmed: must be ≤ total − achieved (1)']);
  });

  it('rejects non-objects at the root without throwing', () => {
    for (const x of [null, 1, 'x', [], true, undefined]) {
      const r = validateBundle(x);
      expect(r.ok).to.equal(false);
    }
  });

  it('rejects nesting deeper than the limit', async () => {
    const errors = await errorsOf((b) => {
      b.plans[0].nodes = Array.from({ length: 40 }, (_, i) => ({ id: `n${i}`, kind: 'area', title: 'x', ...(i ? { parent: `n${i - 1}` } : {}) }));
    });
    expect(lines(errors)).to.deep.equal(['plans[0].nodes[32].parent: is nested too deeply (at most 32 levels)']);
  });
});
