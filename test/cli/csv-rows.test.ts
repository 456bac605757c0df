/**
 * The kinds of row beyond one item a row (docs/csv-guide.md): an item's further indicators on further rows with its
 * id, the plan's own row (id = the plan's id) with the headline table; and what export still refuses, each with its
 * message. Data: the fictional examples of seeds/examples/, with a second and third indicator on one measure.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { unwrapCell } from '../../src/cli/csv-columns.js';
import { toCsv } from '../../src/cli/csv-export.js';
import { readItems } from '../../src/cli/csv-import.js';
import { locateIssue } from '../../src/cli/csv-locate.js';
import { filled, kdx, readJson, records, ROOT, tempDir } from './helpers.js';

const tmp = tempDir();
after(tmp.done);

const example = (name: string) => join(ROOT, 'seeds/examples', `${name}.json`);
const write = (name: string, data: unknown) => {
  const file = tmp.path(name);
  writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data));
  return file;
};
const problems = (err: string) => err.trim().split('\n').slice(1).map((l) => l.trim());

const saveRecords = (name: string, [header, ...rows]: string[][]) => write(name, toCsv({ header: header!, rows }));

/** A 施策 with three indicators: the example's own, a second (fictional) one, and the next measure's. */
const SECOND = {
  label: { ja: '保育所の定員数', en: 'Day-care places' },
  unit: { ja: '人', en: 'places' },
  baseline: { value: 1200, fiscalYear: 2019, asOf: '2019-04-01' },
  target: { value: 1500, fiscalYear: 2025, asOf: '2026-04-01' },
  actuals: [{ fiscalYear: 2023, value: 1380 }, { fiscalYear: 2024, value: 1450, asOf: '2024-04-01' }],
  direction: 'increase',
};
function threeIndicators() {
  const b = readJson(example('indicators'));
  const nodes = b.plans[0].nodes;
  nodes.find((n: { id: string }) => n.id === '1-1').indicators.push(SECOND, nodes.find((n: { id: string }) => n.id === '1-2').indicators[0]);
  return b;
}
/** The bundle with the plan's items and own row taken out (what the sheet holds). */
function withoutSheet(b: { plans: Array<Record<string, unknown>> }, plan = 0) {
  const out = structuredClone(b);
  Object.assign(out.plans[plan]!, { nodes: [], title: '（CSV から読む）' });
  for (const k of ['asOf', 'progress', 'history', 'notes']) delete out.plans[plan]![k];
  return out;
}

describe('several indicators on one item: further rows with its id', () => {
  const bundle = threeIndicators();
  const source = write('three.json', bundle);

  it('export writes the first on the item\'s row, each further one on a row with only the id and the indicator', async () => {
    const csv = tmp.path('three.csv');
    const e = await kdx('export', source, '--plan', 'city-plan', '--out', csv, '--lang', 'en');
    assert.equal(e.code, 0, e.err);
    assert.match(e.err, /wrote 8 items of plan "city-plan"/);
    const [header, ...rows] = records(csv);
    const ids = rows.map((r) => unwrapCell(r[0]!));
    assert.deepEqual(ids, ['goal-1', '1-1', '1-1', '1-1', '1-2', '1-3', 'goal-2', '2-1', '2-2', '2-3', 'city-plan']);
    assert.equal(filled(header!, rows[1]!).indicator_ja, '待機児童数');
    assert.deepEqual(filled(header!, rows[2]!), {
      id: '1-1', indicator_ja: '保育所の定員数', indicator_en: 'Day-care places', indicator_unit_ja: '人', indicator_unit_en: 'places',
      baseline: '1200', baseline_year: '2019', baseline_as_of: '2019-04-01',
      indicator_target: '1500', indicator_target_year: '2025', indicator_target_as_of: '2026-04-01', direction: 'increase',
      'actual:2023': '1380', 'actual:2024': '1450', 'actual_as_of:2024': '2024-04-01',
    });
    assert.equal(filled(header!, rows[3]!).indicator_ja, '市政に満足している市民の割合');

    // Back into the bundle, from the sheet alone; and out again, the same bytes.
    const out = tmp.path('three.back.json');
    const i = await kdx('import', csv, '--plan', 'city-plan', '--into', write('three.empty.json', withoutSheet(bundle)), '--out', out);
    assert.equal(i.code, 0, i.err);
    assert.deepEqual(readJson(out), bundle);
    const again = tmp.path('three.again.csv');
    assert.equal((await kdx('export', out, '--plan', 'city-plan', '--out', again)).code, 0);
    assert.deepEqual(readFileSync(again), readFileSync(csv));
  });

  it('reads further rows that repeat the item\'s cells (Excel\'s fill-down), and Japanese headers', async () => {
    const csv = tmp.path('three.fill.csv');
    assert.equal((await kdx('export', source, '--plan', 'city-plan', '--out', csv)).code, 0);
    const [header, ...rows] = records(csv);
    const at = (c: string) => header!.indexOf(c);
    for (const c of ['parent', 'kind', 'number', 'title_ja', 'title_en']) rows[2]![at(c)] = rows[3]![at(c)] = rows[1]![at(c)]!;
    header![at('indicator_target_as_of')] = '目標値の時点';
    const out = tmp.path('three.fill.json');
    const i = await kdx('import', saveRecords('three.filled.csv', [header!, ...rows]), '--plan', 'city-plan', '--into', source, '--out', out);
    assert.equal(i.code, 0, i.err);
    assert.deepEqual(readJson(out), bundle);
  });

  it('a further row that says something else of the item, or gives no indicator, is refused at its line', async () => {
    const csv = write('further.csv', [
      'id,parent,kind,title_ja,indicator_ja,indicator_target,indicator_scale',
      'goal-1,,goal,安心して暮らせるまち,,,',
      '1-1,goal-1,measure,子育て支援の充実,待機児童数,0,',
      '1-1,,,子育て支援,保育所の定員数,1500,',
      '1-1,goal-1,measure,子育て支援の充実,,,',
    ].join('\r\n') + '\r\n');
    const r = await kdx('import', csv, '--plan', 'city-plan', '--into', example('indicators'), '--lang', 'en');
    assert.equal(r.code, 1);
    assert.deepEqual(problems(r.err), [
      'line 4 (title_ja): a row with the id of line 3 holds further indicators, results or corresponding items of that item: leave its other cells empty or as on line 3',
      'line 5 (id): duplicate id "1-1" (also on line 3)',
    ]);
    // What only the validator sees is placed at the further row too.
    writeFileSync(csv, ['id,parent,kind,title_ja,indicator_ja,indicator_scale', '1-1,,measure,子育て支援の充実,待機児童数,', '1-1,,,,保育所の定員数,rating'].join('\r\n') + '\r\n');
    const v = await kdx('import', csv, '--plan', 'city-plan', '--into', example('indicators'), '--lang', 'en');
    assert.equal(v.code, 1);
    assert.match(problems(v.err).join('\n'), /^line 3 \(indicator_scale\): .*"rating"/);
  });

  it("a problem with a further row's result or corresponding item is placed at that row and its column", () => {
    const sheet = ['id,kind,title_ja,result_value,aligned_title_ja,aligned_title_en', 'a,initiative,A,1,X,', 'a,,,2,,', 'a,,,,Y,Why'].join('\r\n');
    const read = readItems(sheet, { planId: 'p', statuses: [], charRefs: false });
    assert.deepEqual(read.issues, []);
    // As the validator would name them (it finds none in these rows: the cells are checked as they are read).
    const at = (path: string) => {
      const placed = locateIssue({ path: `plans[0].nodes[0].${path}`, key: 'too-long', params: {} }, 0, read);
      return `${placed.line} ${placed.column}`;
    };
    assert.deepEqual(
      ['results[0].value', 'results[1].value', 'alignedWith[0].title', 'alignedWith[1].title.en', 'title'].map(at),
      ['2 result_value', '3 result_value', '2 aligned_title_ja', '4 aligned_title_en', '2 title_ja'],
    );
  });
});

describe("the plan's own row", () => {
  const grades = readJson(example('grades'));
  const sheet = join(ROOT, 'seeds/examples/grades.reform-plan.csv');

  it('a sheet without it leaves the plan as the bundle has it (sheets written before it)', async () => {
    const out = tmp.path('no-plan-row.json');
    const rows = records(sheet).filter((r) => unwrapCell(r[0]!) !== 'reform-plan');
    const r = await kdx('import', saveRecords('no-plan-row.csv', rows), '--plan', 'reform-plan', '--into', example('grades'), '--out', out);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(readJson(out), grades);
  });

  it('replaces what it holds: counts edited, the as-of date cleared; an empty title keeps the title; the file keeps its order', async () => {
    const [header, ...rows] = records(sheet);
    const at = (c: string) => header!.indexOf(c);
    const plan = rows.find((r) => r[0] === 'reform-plan')!;
    Object.assign(plan, { [at('total')]: '41', [at('count:evaluation:S')]: '5', [at('plan_as_of')]: '', [at('title_ja')]: '', [at('title_en')]: '' });
    const out = tmp.path('plan-row.json');
    const r = await kdx('import', saveRecords('plan-row.csv', [header!, ...rows]), '--plan', 'reform-plan', '--into', example('grades'), '--out', out);
    assert.equal(r.code, 0, r.err);
    const p = readJson(out).plans[0];
    assert.deepEqual(p.progress, { total: 41, byGrade: { evaluation: { S: 5, A: 24, B: 9, C: 3 } }, asOf: '2025-03-31' });
    assert.equal(p.asOf, undefined);
    assert.deepEqual(p.title, grades.plans[0].title);
    assert.deepEqual(Object.keys(p), Object.keys(grades.plans[0]).filter((k) => k !== 'asOf'));
  });

  it('gives a new plan its title, counts and as-of date (Japanese headers); --title as well is refused', async () => {
    const csv = write('new.csv', ['ID,種別,タイトル,項目数,達成数,計画の基準日', 'x,policy,方針,10,5,', 'my-plan,計画,（架空）○○計画,10,5,2025-03-31'].join('\r\n') + '\r\n');
    const r = await kdx('import', csv, '--plan', 'my-plan', '--from', '2025', '--to', '2028');
    assert.equal(r.code, 0, r.err);
    const p = JSON.parse(r.out).plans[0];
    assert.deepEqual([p.title, p.progress, p.asOf, p.nodes.length], ['（架空）○○計画', { total: 10, achieved: 5 }, '2025-03-31', 1]);
    const t = await kdx('import', csv, '--plan', 'my-plan', '--from', '2025', '--to', '2028', '--title', 'X', '--lang', 'en');
    assert.equal(t.code, 1);
    assert.deepEqual(problems(t.err), ["line 3 (タイトル): the plan's title is given both by --title and in the plan's own row; give it once"]);
  });

  it('holds only what is the plan\'s; a second one, or plan_as_of on an item, is refused at its line', async () => {
    const csv = write('bad-plan-row.csv', [
      'id,parent,kind,title_ja,status,grade:evaluation,total,count:evaluation:S,count:evaluation:A,count:evaluation:B,count:evaluation:C,plan_as_of',
      'x,,initiative,取組,,A,,,,,,2025-03-31',
      'reform-plan,x,policy,計画,achieved,S,40,4,24,9,3,',
      'reform-plan,,plan,計画,,,40,4,24,9,3,',
    ].join('\r\n') + '\r\n');
    const r = await kdx('import', csv, '--plan', 'reform-plan', '--into', example('grades'), '--lang', 'en');
    assert.equal(r.code, 1);
    assert.deepEqual(problems(r.err), [
      'line 2 (plan_as_of): only the plan\'s own row (id "reform-plan") holds this column',
      ...['parent', 'status', 'grade:evaluation'].map((c) => `line 3 (${c}): the plan's own row (id "reform-plan") cannot hold this column; it holds the plan's counts, as-of dates, earlier years and notes`),
      'line 3 (kind): is not one of the allowed values (got "policy"); write one of plan',
      'line 4 (id): duplicate id "reform-plan" (also on line 3)',
    ]);
  });

  it('counts that do not add up are placed at its line and the counts\' column', async () => {
    const [header, ...rows] = records(sheet);
    rows.find((r) => r[0] === 'reform-plan')![header!.indexOf('count:evaluation:S')] = '5';
    const r = await kdx('import', saveRecords('sum.csv', [header!, ...rows]), '--plan', 'reform-plan', '--into', example('grades'), '--lang', 'en');
    assert.equal(r.code, 1);
    assert.deepEqual(problems(r.err), [`line ${rows.length + 1} (count:evaluation:S): the counts by grade add up to 41, not to total (40)`]);
  });
});

describe('what export refuses, each with its message naming the item, the field and what to do (nothing is written)', () => {
  it("notes a line cannot hold, the editor's notes mixed with the source's, the editor's words where a column has no mark, an entry a further row cannot tell from fill-down", async () => {
    const b = readJson(example('grades'));
    const [, one, two, three] = b.plans[0].nodes;
    one.results = [{ value: 1 }, { label: '（架空）件数', value: 2 }, { value: 1 }];
    one.alignedWith = [{ title: { ja: '（架空）A', editorial: true } }];
    two.notes = ['一行目\n二行目', { ja: '編集者の注記', editorial: true }];
    two.numericTarget = { label: { ja: '編集者の言葉の指標', editorial: true } };
    three.indicators = [{ label: '指標', notes: [{ ja: '編集者の注記', editorial: true }, '資料の注記'] }, { label: { ja: '編集者の言葉の指標名', editorial: true }, notes: [''] }];
    b.plans[0].notes = ['計画の注記\n二行目'];
    const out = tmp.path('refused.csv');
    const r = await kdx('export', write('refused.json', b), '--plan', 'reform-plan', '--out', out, '--lang', 'en');
    assert.equal(r.code, 1);
    const [id1, id2, id3] = [one.id, two.id, three.id];
    assert.deepEqual(problems(r.err), [
      `plans[0].nodes[1].results[2]: item "${id1}", results[2], is the same as results[0]; a further row that repeats the item's row is read as Excel's fill-down, so the CSV cannot hold it; if it is not meant twice, remove one in the bundle (JSON)`,
      `plans[0].nodes[1].alignedWith[0].title: item "${id1}", alignedWith[0].title, is the editor's wording (editorial), and its column (aligned_title_ja) has no mark for that, so the CSV cannot hold it; if it is the source's wording, remove "editorial" in the bundle (JSON), otherwise update this plan in the bundle, not through the CSV`,
      `plans[0].nodes[2].numericTarget.label: item "${id2}", numericTarget.label, is the editor's wording (editorial), and its column (target_label_ja) has no mark for that, so the CSV cannot hold it; if it is the source's wording, remove "editorial" in the bundle (JSON), otherwise update this plan in the bundle, not through the CSV`,
      `plans[0].nodes[2].notes[0]: item "${id2}", notes[0], contains a line break or is empty, which one-note-per-line CSV cannot represent; in the bundle (JSON), split it into one note per line, or remove the empty note`,
      `plans[0].nodes[2].notes: item "${id2}", notes, mixes the editor's notes with the source's, which one note_editorial column cannot represent; update this plan in the bundle (JSON), not through the CSV`,
      `plans[0].nodes[3].indicators[0].notes: item "${id3}", indicators[0].notes, mixes the editor's notes with the source's, which one indicator_note_editorial column cannot represent; update this plan in the bundle (JSON), not through the CSV`,
      `plans[0].nodes[3].indicators[1].notes[0]: item "${id3}", indicators[1].notes[0], contains a line break or is empty, which one-note-per-line CSV cannot represent; in the bundle (JSON), split it into one note per line, or remove the empty note`,
      `plans[0].notes[0]: plan "reform-plan", notes[0], contains a line break or is empty, which one-note-per-line CSV cannot represent; in the bundle (JSON), split it into one note per line, or remove the empty note`,
    ]);
    assert.equal(existsSync(out), false);
    const ja = await kdx('export', write('refused.json', b), '--plan', 'reform-plan', '--out', out);
    assert.match(ja.err, new RegExp(`plans\\[0\\]\\.nodes\\[1\\]\\.alignedWith\\[0\\]\\.title: 項目「${id1}」の alignedWith\\[0\\]\\.title は編集者の文（editorial）ですが、その列（aligned_title_ja）には編集者の文の印がないため CSV では表せません。`));
  });

  it("the revisions sheet: the editor's words where it has no mark for them, and a revision's notes", async () => {
    const b = readJson(example('revisions'));
    const [r] = b.plans[0].revisions;
    r.removed[1].reason = { ja: '編集者の言葉の理由', editorial: true };
    r.notes = ['見直しの注記'];
    const out = tmp.path('refused.revisions.csv');
    const e = await kdx('export', write('refused.revisions.json', b), '--plan', 'management-plan', '--revisions', '--out', out, '--lang', 'en');
    assert.equal(e.code, 1);
    assert.deepEqual(problems(e.err), [
      `plans[0].revisions[0].notes: revision "${r.date}", notes, has no column in the revisions sheet; update this plan's revisions in the bundle (JSON), not through the sheet`,
      `plans[0].revisions[0].removed[1].reason: revision "${r.date}", removed[1].reason, is the editor's wording (editorial), and its column (reason_ja) has no mark for that, so the CSV cannot hold it; if it is the source's wording, remove "editorial" in the bundle (JSON), otherwise update this plan in the bundle, not through the CSV`,
    ]);
    assert.equal(existsSync(out), false);
  });
});
