/**
 * The templates per report shape (docs/kdx-template.<shape>.csv, docs/csv-guide.md 「テンプレート」): each opens in
 * Excel as it should (UTF-8 with BOM, every cell in the form export writes, so Excel converts none), imports as is
 * into the bundle whose scales its columns name (the fictional example of seeds/examples/), and gives the figures
 * its rows say.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseCsv } from '../../src/cli/csv-import.js';
import { kdx, readJson, ROOT, tempDir } from './helpers.js';

const tmp = tempDir();
after(tmp.done);

const template = (shape: string) => join(ROOT, 'docs', `kdx-template.${shape}.csv`);
const records = (file: string) => {
  const bytes = readFileSync(file);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${file}: UTF-8 with BOM`);
  return parseCsv(bytes.subarray(3).toString('utf8')).rows.map((r) => r.cells).filter((r) => r.some(Boolean));
};

/** Each template, the example and plan it goes with, and what the plan is after importing it. */
const TEMPLATES: Array<{ shape: string; plan: string; check: (plan: Record<string, any>) => void }> = [
  {
    shape: 'grades',
    plan: 'reform-plan',
    check: (p) => {
      assert.deepEqual(p.nodes.map((n: { grades: unknown }) => n.grades), [{ evaluation: 'S' }]);
      assert.deepEqual(p.progress, { total: 40, byGrade: { evaluation: { S: 4, A: 24, B: 9, C: 3 } }, asOf: '2025-03-31' });
      assert.equal(p.asOf, '2025-03-31');
    },
  },
  {
    shape: 'two-dimensions',
    plan: 'finance-plan',
    check: (p) => assert.deepEqual(p.nodes.map((n: { grades: unknown }) => n.grades), [{ achievement: 'met', implementation: 'done' }]),
  },
  {
    shape: 'year-over-year',
    plan: 'outline-plan',
    check: (p) => {
      assert.deepEqual([p.progress.total, p.progress.byGrade.progress['on-track'], p.progress.asOf, p.progress.comparedWith.note.ja], [60, 20, '2016-03-31', '※増減は対H26年度と比較']);
      assert.deepEqual(p.history, [{ fiscalYear: 2014, total: 73, byGrade: { progress: { done: 18, 'on-track': 42, delayed: 9, 'not-started': 4 } }, asOf: '2015-03-31' }]);
    },
  },
  {
    shape: 'indicators',
    plan: 'city-plan',
    check: (p) => {
      const [waiting, places] = p.nodes[0].indicators;
      assert.deepEqual([waiting.label.ja, waiting.baseline, waiting.target, waiting.actuals], ['待機児童数', { value: 40, fiscalYear: 2019 }, { value: 0, fiscalYear: 2025 }, [{ fiscalYear: 2023, value: 12 }, { fiscalYear: 2024, value: 0 }]]);
      assert.deepEqual([places.label.ja, places.target, places.direction], ['保育所の定員数', { value: 1500, fiscalYear: 2025, asOf: '2026-04-01' }, 'increase']);
    },
  },
];

describe('templates per report shape (docs/kdx-template.<shape>.csv)', () => {
  for (const { shape, plan, check } of TEMPLATES) {
    it(`${shape}: imports into seeds/examples/${shape}.json as is, and its rows are what export writes for them`, async () => {
      const out = tmp.path(`${shape}.json`);
      const i = await kdx('import', template(shape), '--plan', plan, '--into', join(ROOT, 'seeds/examples', `${shape}.json`), '--out', out);
      assert.equal(i.code, 0, i.err);
      check(readJson(out).plans.find((p: { id: string }) => p.id === plan));
      // Export writes the same cells in those columns (ids and dates as ="…", so that Excel keeps them as text).
      const csv = tmp.path(`${shape}.csv`);
      assert.equal((await kdx('export', out, '--plan', plan, '--out', csv)).code, 0);
      const [head, ...rows] = records(template(shape));
      const [all, ...exported] = records(csv);
      rows.forEach((row, r) => {
        head!.forEach((column, c) => assert.equal(row[c], exported[r]![all!.indexOf(column)], `line ${r + 2}, ${column}`));
      });
    });
  }

  it('revisions: imports into seeds/examples/revisions.json, and export writes the same bytes', async () => {
    const out = tmp.path('revisions.json');
    const i = await kdx('import', template('revisions'), '--plan', 'management-plan', '--into', join(ROOT, 'seeds/examples/revisions.json'), '--out', out);
    assert.equal(i.code, 0, i.err);
    const [r] = readJson(out).plans[0].revisions;
    assert.deepEqual([r.date, r.period.after, r.added[0].node, r.removed[0].reason.ja], ['2024-03', { from: 2020, to: 2025 }, 'K-7', '完了']);
    const csv = tmp.path('revisions.csv');
    assert.equal((await kdx('export', out, '--plan', 'management-plan', '--revisions', '--out', csv)).code, 0);
    assert.deepEqual(readFileSync(csv), readFileSync(template('revisions')));
  });
});
