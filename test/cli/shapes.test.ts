/**
 * The report shapes through the spreadsheet (seeds/examples/, fictional): every example round-trips bundle → CSV →
 * bundle → CSV with nothing taken from --into but what the sheets do not hold; the committed sheets are what export
 * writes; Japanese headers and years in any form read the same; bad cells are reported at their line and column.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { unwrapCell } from '../../src/cli/csv-columns.js';
import { parseCsv } from '../../src/cli/csv-import.js';
import { kdx, readJson, ROOT, tempDir } from './helpers.js';

const tmp = tempDir();
after(tmp.done);

const example = (name: string) => join(ROOT, 'seeds/examples', `${name}.json`);
const sheet = (name: string) => join(ROOT, 'seeds/examples', `${name}.csv`);
/** Every plan of every example bundle (a new example needs its sheet, `<example>.<plan>.csv`). */
const SHAPES: Array<[example: string, plan: string]> = readdirSync(join(ROOT, 'seeds/examples'))
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => readJson(join(ROOT, 'seeds/examples', f)).plans.map((p: { id: string }) => [f.replace(/\.json$/, ''), p.id] as [string, string]));

/**
 * The example with all that the sheets hold taken out of the plan (docs/csv-guide.md, 「CSV に含まれないもの」): its
 * items, and what its own row holds (title, asOf, progress, history, notes); its revisions are the revisions
 * sheet's. What is left is what the guide says stays in the bundle: nothing can be carried over from it.
 */
function withoutSheet(name: string, plan: string): string {
  const b = readJson(example(name));
  const p = b.plans.find((x: { id: string }) => x.id === plan);
  Object.assign(p, { nodes: [], title: '（CSV から読む）' });
  for (const k of ['asOf', 'progress', 'history', 'notes', 'revisions']) delete p[k];
  const file = tmp.path(`${name}.${plan}.empty.json`);
  writeFileSync(file, JSON.stringify(b));
  return file;
}

const csvText = (file: string) => readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
const header = (file: string) => parseCsv(csvText(file)).rows[0]!.cells;
/** The cells of the row with `id`, by column name, as a spreadsheet shows them (`="2-2"` is the text 2-2). */
function row(file: string, id: string): Record<string, string> {
  const [head, ...rows] = parseCsv(csvText(file)).rows.map((r) => r.cells.map(unwrapCell));
  const cells = rows.find((r) => r[0] === id)!;
  return Object.fromEntries(head!.map((h, i) => [h, cells[i] ?? '']));
}

describe('every example round-trips bundle → CSV → bundle → CSV (seeds/examples)', () => {
  assert.ok(SHAPES.length >= 6, 'the examples are found');
  for (const [name, plan] of SHAPES) {
    it(`${name}: ${plan}`, async () => {
      const committed = sheet(`${name}.${plan}`);
      // The committed sheet is what export writes.
      const exported = tmp.path(`${name}.${plan}.csv`);
      const e = await kdx('export', example(name), '--plan', plan, '--out', exported);
      assert.equal(e.code, 0, e.err);
      assert.deepEqual(readFileSync(exported), readFileSync(committed), `${committed}: regenerate with kdx export`);
      // CSV → bundle, from the sheets alone: the bundle the example is, whole.
      const bundle = tmp.path(`${name}.${plan}.json`);
      const i = await kdx('import', committed, '--plan', plan, '--into', withoutSheet(name, plan), '--out', bundle);
      assert.equal(i.code, 0, i.err);
      const want = readJson(example(name));
      if (want.plans.find((p: { id: string }) => p.id === plan).revisions) {
        const r = await kdx('import', sheet(`${name}.${plan}.revisions`), '--plan', plan, '--into', bundle, '--out', bundle);
        assert.equal(r.code, 0, r.err);
      }
      assert.deepEqual(readJson(bundle), want);
      // → CSV again: the same bytes.
      const again = tmp.path(`${name}.${plan}.again.csv`);
      assert.equal((await kdx('export', bundle, '--plan', plan, '--out', again)).code, 0);
      assert.deepEqual(readFileSync(again), readFileSync(committed));
    });
  }

  it("the headline table goes through the sheet: the plan's own row, last, with its counts and the year before", () => {
    const [head, ...rows] = parseCsv(csvText(sheet('year-over-year.outline-plan'))).rows.map((r) => r.cells.map(unwrapCell)).filter((r) => r.some(Boolean));
    const last = Object.fromEntries(head!.map((h, i) => [h, rows.at(-1)![i] ?? '']));
    const columns = ['id', 'kind', 'title_ja', 'total', 'count:progress:done', 'count:progress:on-track', 'count:progress:delayed', 'count:progress:not-started', 'as_of', 'compared_with', 'compare_note_ja', 'total@2014', 'count:progress:on-track@2014', 'as_of@2014'];
    assert.deepEqual(columns.map((c) => last[c]), ['outline-plan', 'plan', '（架空）みどり市行政改革大綱実施計画', '60', '30', '20', '7', '3', '2016-03-31', '2014', '※増減は対H26年度と比較', '73', '42', '2015-03-31']);
    assert.equal(row(sheet('grades.reform-plan'), 'reform-plan').plan_as_of, '2025-03-31');
  });

  it('revisions: their own sheet, one row per entry, round-trips too', async () => {
    const committed = sheet('revisions.management-plan.revisions');
    const exported = tmp.path('revisions.csv');
    const e = await kdx('export', example('revisions'), '--plan', 'management-plan', '--revisions', '--out', exported, '--lang', 'en');
    assert.equal(e.code, 0, e.err);
    assert.match(e.err, /wrote 2 revisions of plan "management-plan"/);
    assert.deepEqual(readFileSync(exported), readFileSync(committed));
    const b = readJson(example('revisions'));
    delete b.plans[0].revisions;
    // Only the revisions: the sheet of items is not read here.
    const into = tmp.path('revisions.none.json');
    writeFileSync(into, JSON.stringify(b));
    const out = tmp.path('revisions.json');
    const i = await kdx('import', committed, '--plan', 'management-plan', '--into', into, '--out', out);
    assert.equal(i.code, 0, i.err);
    assert.deepEqual(readJson(out), readJson(example('revisions')));
    // Dates are kept as text for Excel (it would turn 2024-03 into a date).
    assert.match(csvText(committed), /\r\n"=""2024-03""",令和6年3月改定,/);
  });
});

describe('the shapes in the sheet', () => {
  it('grades in a column per scale; counts by grade; earlier years and actual years in columns of their own', () => {
    assert.ok(header(sheet('grades.reform-plan')).includes('grade:evaluation'));
    assert.equal(row(sheet('grades.reform-plan'), '2-2')['grade:evaluation'], 'C');
    const yoy = row(sheet('year-over-year.outline-plan'), 'service');
    assert.deepEqual(
      ['total', 'count:progress:on-track', 'as_of', 'counts_year', 'compared_with', 'total@2014', 'count:progress:on-track@2014', 'as_of@2014'].map((c) => yoy[c]),
      ['32', '11', '2016-03-31', '2015', '2014', '39', '22', '2015-03-31'],
    );
    const web = row(sheet('indicators.city-plan'), '2-1');
    assert.deepEqual(
      ['indicator_ja', 'indicator_unit_ja', 'baseline', 'baseline_year', 'indicator_target', 'indicator_target_year', 'actual:2022', 'actual:2023', 'actual:2024'].map((c) => web[c]),
      ['市ホームページの月間閲覧数', '万件', '12', '2019', '18', '2025', '13.1', '14.6', '15'],
    );
    // The stated grade is a cell; a computed one is not written (it is computed again).
    assert.equal(row(sheet('indicators.city-plan'), '2-2').indicator_grade, 'A');
    assert.equal(row(sheet('indicators.city-plan'), '2-1').indicator_grade, '');
  });

  it('reads Japanese headers, grades by label and years in any form', async () => {
    const csv = tmp.path('ja.csv');
    writeFileSync(
      csv,
      [
        'ID,種別,タイトル,区分:evaluation,項目数,件数:evaluation:S,件数:evaluation:A,件数:evaluation:B,件数:evaluation:C,時点,項目数@R5,件数:evaluation:S@令和5年度,件数:evaluation:A@R5,件数:evaluation:B@2023,件数:evaluation:C@2023',
        'p,policy,方針,,10,1,5,3,1,2025-03-31,9,0,4,4,1',
        'x,initiative,取組,計画どおり,,,,,,,,,,,',
      ].join('\r\n') + '\r\n',
    );
    const out = tmp.path('ja.json');
    const r = await kdx('import', csv, '--plan', 'reform-plan', '--into', withoutSheet('grades', 'reform-plan'), '--out', out);
    assert.equal(r.code, 0, r.err);
    const [p, x] = readJson(out).plans[0].nodes;
    assert.deepEqual(p.progress, { total: 10, byGrade: { evaluation: { S: 1, A: 5, B: 3, C: 1 } }, asOf: '2025-03-31' });
    assert.deepEqual(p.history, [{ fiscalYear: 2023, total: 9, byGrade: { evaluation: { S: 0, A: 4, B: 4, C: 1 } } }]);
    assert.deepEqual(x.grades, { evaluation: 'A' });
  });

  it('reports bad cells and headers at their line and column, and writes nothing', async () => {
    const csv = tmp.path('bad.csv');
    writeFileSync(
      csv,
      [
        'id,kind,title_ja,grade:evaluation,grade:rating,total,count:evaluation:S,count:evaluation:A,count:evaluation:B,count:evaluation:C,count:evaluation:D,total@平成X年度',
        'p,policy,方針,,,10,1,5,3,2,,',
      ].join('\r\n') + '\r\n',
    );
    const r = await kdx('import', csv, '--plan', 'reform-plan', '--into', withoutSheet('grades', 'reform-plan'), '--out', tmp.path('bad.json'), '--lang', 'en');
    assert.equal(r.code, 1);
    assert.deepEqual(r.err.trim().split('\n').slice(1).map((l) => l.trim()), [
      'line 1: scale "rating" is not in the plan\'s scales (valid: evaluation)',
      'line 1: "D" is not a grade of this scale (valid: S, A, B, C)',
      'line 1: the year in the column name "total@平成X年度" cannot be read; write it like total@2014 or actual:令和6年度',
    ]);
    writeFileSync(csv, ['id,kind,title_ja,grade:evaluation,total,count:evaluation:S,count:evaluation:A,count:evaluation:B,count:evaluation:C,achieved@2023', 'p,policy,方針,,10,1,5,3,2,3', 'x,initiative,取組,AA,,,,,,'].join('\r\n') + '\r\n');
    const s = await kdx('import', csv, '--plan', 'reform-plan', '--into', withoutSheet('grades', 'reform-plan'), '--out', tmp.path('bad.json'), '--lang', 'en');
    assert.equal(s.code, 1);
    assert.deepEqual(s.err.trim().split('\n').slice(1).map((l) => l.trim()), [
      'line 2 (total@2023): is required when "achieved@2023" is given',
      'line 3 (grade:evaluation): "AA" is not a grade of this scale (valid: S, A, B, C)',
    ]);
  });

  it('counts that do not add up are the validator\'s problem, placed at the line and the counts\' column', async () => {
    const csv = tmp.path('sum.csv');
    writeFileSync(csv, ['id,kind,title_ja,total,count:evaluation:S,count:evaluation:A,count:evaluation:B,count:evaluation:C', 'p,policy,方針,10,1,5,3,2'].join('\r\n') + '\r\n');
    const r = await kdx('import', csv, '--plan', 'reform-plan', '--into', withoutSheet('grades', 'reform-plan'), '--out', tmp.path('sum.json'), '--lang', 'en');
    assert.equal(r.code, 1);
    assert.match(r.err, /line 2 \(count:evaluation:S\): the counts by grade add up to 11, not to total \(10\)/);
  });

  it('a revisions sheet goes into an existing plan, and one revision says one thing', async () => {
    const r = await kdx('import', sheet('revisions.management-plan.revisions'), '--plan', 'new-plan', '--from', '2020', '--to', '2025', '--lang', 'en');
    assert.equal(r.code, 1);
    assert.match(r.err, /a revisions sheet goes into an existing plan: give --into a bundle with plan "new-plan"/);
    const csv = tmp.path('conflict.csv');
    writeFileSync(csv, ['revision_date,revision_title_ja,change,node', '2024-03,改定A,added,K-7', '2024-03,改定B,added,K-8'].join('\r\n') + '\r\n');
    const c = await kdx('import', csv, '--plan', 'management-plan', '--into', example('revisions'), '--lang', 'en');
    assert.equal(c.code, 1);
    assert.match(c.err, /line 3 \(revision_title_ja\): differs from line 2 of the same revision date/);
  });
});
