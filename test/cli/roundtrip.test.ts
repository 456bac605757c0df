import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { unwrapCell } from '../../src/cli/csv-columns.js';
import { toCsv } from '../../src/cli/csv-export.js';
import { filled, fixture, kdx, kdxProcess, nodesOf, readJson, records, ROOT, seed, tempDir } from './helpers.js';
import { fixtureBytes } from './fixtures/make.js';

const tmp = tempDir();
after(tmp.done);

const PLANS = ['dx-action-plan-2', 'administrative-management-plan'] as const;
const ENCODINGS = ['utf8', 'sjis'] as const;

/** `kdx export` of `plan` from `source`, then `kdx import` of that sheet `--into` `into`: the sheet and the bundle written. */
async function exportImport(name: string, source: string, plan: string, into: string, encoding: (typeof ENCODINGS)[number]) {
  const csv = tmp.path(`${name}.${encoding}.csv`);
  const x = await kdx('export', source, '--plan', plan, '--encoding', encoding, '--out', csv);
  assert.equal(x.code, 0, x.err);
  const out = tmp.path(`${name}.${encoding}.json`);
  const i = await kdx('import', csv, '--plan', plan, '--into', into, '--encoding', encoding, '--out', out);
  assert.equal(i.code, 0, i.err);
  return { csv, out };
}
/** The records `kdx export` writes of `plan` from `source`, header first. */
async function exported(name: string, source: string, plan: string): Promise<string[][]> {
  const csv = tmp.path(name);
  const x = await kdx('export', source, '--plan', plan, '--out', csv);
  assert.equal(x.code, 0, x.err);
  return records(csv);
}
/** `kdx import` of these records (header first) `--into` `into`: the bundle it writes. */
async function imported(name: string, [header, ...rows]: string[][], plan: string, into: string) {
  const csv = tmp.path(`${name}.csv`);
  writeFileSync(csv, toCsv({ header: header!, rows }));
  const out = tmp.path(`${name}.json`);
  const i = await kdx('import', csv, '--plan', plan, '--into', into, '--out', out);
  assert.equal(i.code, 0, i.err);
  return readJson(out);
}
const nodeOf = (bundle: { plans: Array<{ nodes: Array<{ id: string }> }> }, id: string) => bundle.plans[0]!.nodes.find((n) => n.id === id) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('kdx export → kdx import reproduces the plan (seeds/kanazawa.json)', () => {
  const kanazawa = readJson(seed('kanazawa'));

  for (const plan of PLANS) {
    for (const encoding of ENCODINGS) {
      it(`${plan}, ${encoding}`, async () => {
        const csv = tmp.path(`${plan}.${encoding}.csv`);
        const exported = await kdx('export', seed('kanazawa'), '--plan', plan, '--encoding', encoding, '--out', csv);
        assert.equal(exported.code, 0, exported.err);

        // The bytes are what Excel expects.
        const bytes = readFileSync(csv);
        const text = encoding === 'utf8'
          ? (assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM'), new TextDecoder().decode(bytes.subarray(3)))
          : new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
        assert.ok(text.startsWith('id,parent,kind,number,title_ja,title_en,'));
        assert.ok(text.endsWith('\r\n') && !/[^\r]\n(?=[^"]*$)/.test(text.split('\r\n').at(-2) ?? ''), 'CRLF records');
        if (encoding === 'sjis') {
          assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'Shift_JIS, not UTF-8');
          assert.match(text, /&#x201[34];/, 'Kanazawa\'s — and – are not in Shift_JIS');
          assert.match(exported.err, /Shift_JIS にない文字 \d+ 字を &#x…; の形で書きました（最初: \d+行目（\w+） "[—–]" U\+201[34]）/);
        }

        // Into the bundle: the plan's nodes, and everything else, come back equal.
        const out = tmp.path(`${plan}.${encoding}.json`);
        const imported = await kdx('import', csv, '--plan', plan, '--into', seed('kanazawa'), '--out', out);
        assert.equal(imported.code, 0, imported.err);
        assert.deepEqual(readJson(out), kanazawa);
        // … in the file's own layout (seeds/kanazawa.json is written by hand): byte for byte.
        assert.equal(readFileSync(out, 'utf8'), readFileSync(seed('kanazawa'), 'utf8'));

        // Into a new bundle: the same nodes.
        const fresh = tmp.path(`${plan}.${encoding}.new.json`);
        const created = await kdx('import', csv, '--plan', plan, '--from', '2026', '--to', '2029', '--publisher', '金沢市', '--out', fresh);
        assert.equal(created.code, 0, created.err);
        const want = kanazawa.plans.find((p: { id: string }) => p.id === plan);
        assert.deepEqual(nodesOf(fresh, plan), want.nodes);
        // … and what the plan's own row holds: its title, its own counts (124 items, 108 achieved) and notes.
        const got = readJson(fresh).plans[0];
        for (const k of ['title', 'progress', 'notes']) assert.deepEqual(got[k], want[k], k);
      });
    }
  }
});

describe('kdx export', () => {
  it('round-trips what Kanazawa lacks: history, links, labels, plain-string titles (seeds/minimal.json)', async () => {
    for (const encoding of ENCODINGS) {
      const csv = tmp.path(`minimal.${encoding}.csv`);
      assert.equal((await kdx('export', seed('minimal'), '--plan', 'sample-plan', '--encoding', encoding, '--out', csv)).code, 0);
      const out = tmp.path(`minimal.${encoding}.json`);
      const r = await kdx('import', csv, '--plan', 'sample-plan', '--into', seed('minimal'), '--out', out);
      assert.equal(r.code, 0, r.err);
      assert.deepEqual(readJson(out), readJson(seed('minimal')));
    }
  });

  it('writes history as columns of its years (total@2024, achieved@2024, …)', async () => {
    const r = await kdx('export', seed('minimal'), '--plan', 'sample-plan', '--out', tmp.path('m.csv'), '--lang', 'en');
    assert.equal(r.code, 0, r.err);
    const [header, ...rows] = readFileSync(tmp.path('m.csv'), 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    const cells = header!.split(',');
    const goalB = rows.find((row) => row.startsWith('goal-b,'))!.split(',');
    const at = (name: string) => goalB[cells.indexOf(name)];
    assert.deepEqual(['total@2024', 'achieved@2024', 'total@2025', 'achieved@2025', 'unconfirmed@2025'].map(at), ['10', '4', '10', '7', '1']);
  });

  it('writes the same bytes to standard output from a real process', () => {
    const file = tmp.path('stdout.csv');
    const r = kdxProcess('export', seed('kanazawa'), '--plan', 'administrative-management-plan', '--encoding', 'sjis');
    assert.equal(r.code, 0, r.err);
    const f = kdxProcess('export', seed('kanazawa'), '--plan', 'administrative-management-plan', '--encoding', 'sjis', '--out', file);
    assert.equal(f.code, 0, f.err);
    assert.deepEqual(r.bytes, readFileSync(file));
  });

  it('names the plans there are when the plan is not found (exit 1)', async () => {
    const r = await kdx('export', seed('kanazawa'), '--plan', 'nope');
    assert.equal(r.code, 1);
    assert.match(r.err, /計画「nope」はありません（ある計画: dx-action-plan-2, administrative-management-plan）/);
  });

  it('refuses an unknown encoding (exit 2)', async () => {
    const r = await kdx('export', seed('kanazawa'), '--plan', 'dx-action-plan-2', '--encoding', 'latin1', '--lang', 'en');
    assert.equal(r.code, 2);
    assert.match(r.err, /option "--encoding" cannot be "latin1" \(allowed: utf8, sjis\)/);
  });
});

/**
 * What one row of an item cannot hold, on further rows with its id (docs/csv-guide.md): several results and
 * corresponding items; and the editor's wording on indicators, in their marks. Fictional: seeds/examples/indicators.json.
 */
describe('kdx export → kdx import: several results and corresponding items, the editor\'s wording on indicators', () => {
  const b = readJson(join(ROOT, 'seeds/examples/indicators.json'));
  const node = (id: string) => b.plans[0].nodes.find((n: { id: string }) => n.id === id);
  // 1-1: three results (the third on a row of its own), two corresponding items, a second indicator in the editor's words.
  Object.assign(node('1-1'), {
    results: [{ label: { ja: '説明会', en: 'Briefings' }, value: 12, unit: '回' }, { label: '参加者', value: 340, unit: { ja: '人', en: 'people' } }, { value: 3 }],
    alignedWith: [{ plan: { ja: '（架空）みどり市総合戦略', en: 'Midori City Strategy (fictional)' }, title: '子育て' }, { title: { ja: '教育', en: 'Education' } }],
  });
  node('1-1').indicators.push({
    label: { ja: '保育所の定員（編集者の要約）', en: 'Day-care places', editorial: true },
    unit: { ja: '人分', editorial: true },
    target: { value: 1500, fiscalYear: 2025 },
    notes: [{ ja: '編集者の注記', en: "Editor's note", editorial: true }, { ja: '二つ目の注記', editorial: true }],
  });
  // goal-1, with no indicator: two results and two corresponding items.
  Object.assign(node('goal-1'), { results: [{ value: 1 }, { value: 2 }], alignedWith: [{ title: '（架空）A' }, { title: '（架空）B' }] });
  const source = tmp.path('lists.json');
  writeFileSync(source, JSON.stringify(b, null, 2));
  /** The bundle without what the sheet holds: its items, and its own row's fields. */
  const empty = tmp.path('lists.empty.json');
  const e = structuredClone(b);
  Object.assign(e.plans[0], { nodes: [], title: '（CSV から読む）' });
  for (const k of ['asOf', 'progress', 'history', 'notes']) delete e.plans[0][k];
  writeFileSync(empty, JSON.stringify(e));

  for (const encoding of ENCODINGS) {
    it(`bundle → CSV → bundle → CSV, the same (${encoding})`, async () => {
      const { csv, out } = await exportImport('lists', source, 'city-plan', empty, encoding);
      assert.deepEqual(readJson(out), b);
      const again = tmp.path(`lists.${encoding}.again.csv`);
      assert.equal((await kdx('export', out, '--plan', 'city-plan', '--encoding', encoding, '--out', again)).code, 0);
      assert.deepEqual(readFileSync(again), readFileSync(csv));
    });
  }

  it('writes the second and third entries on further rows, the marks in their columns', async () => {
    const [header, ...rows] = await exported('lists.rows.csv', source, 'city-plan');
    const of = (id: string) => rows.filter((r) => unwrapCell(r[0]!) === id).map((r) => filled(header!, r));
    const [own, second, third] = of('1-1');
    assert.deepEqual([own!.result_label_ja, own!.result_value, own!.aligned_plan_ja, own!.indicator_ja], ['説明会', '12', '（架空）みどり市総合戦略', '待機児童数']);
    assert.deepEqual(second, {
      id: '1-1', result_label_ja: '参加者', result_value: '340', result_unit_ja: '人', result_unit_en: 'people', aligned_title_ja: '教育', aligned_title_en: 'Education',
      indicator_ja: '保育所の定員（編集者の要約）', indicator_en: 'Day-care places', indicator_editorial: '1', indicator_unit_ja: '人分', indicator_unit_editorial: '1',
      indicator_target: '1500', indicator_target_year: '2025', indicator_note_ja: '編集者の注記\n二つ目の注記', indicator_note_en: "Editor's note\n", indicator_note_editorial: '1',
    });
    assert.deepEqual(third, { id: '1-1', result_value: '3' });
    assert.deepEqual(of('goal-1').slice(1), [{ id: 'goal-1', result_value: '2', aligned_title_ja: '（架空）B' }]);
  });

  it("a further row repeating the item's result and corresponding item (Excel's fill-down) adds neither", async () => {
    const [header, ...rows] = await exported('lists.fill.csv', source, 'city-plan');
    // 1-2 has one indicator and no list of more: give it a second indicator on a further row, with its own row's
    // result and corresponding item filled down into it.
    const at = (c: string) => header!.indexOf(c);
    const own = rows.find((r) => unwrapCell(r[0]!) === '1-2')!;
    Object.assign(own, { [at('result_label_ja')]: '相談', [at('result_value')]: '40', [at('aligned_title_ja')]: '（架空）C' });
    const further = header!.map((c) => (c.startsWith('result_') || c.startsWith('aligned_') || c === 'id' ? own[at(c)]! : ''));
    further[at('indicator_ja')] = '（架空）相談件数';
    rows.splice(rows.indexOf(own) + 1, 0, further);
    const got = nodeOf(await imported('lists.filled', [header!, ...rows], 'city-plan', empty), '1-2');
    assert.deepEqual([got.results, got.alignedWith, got.indicators.map((x: { label: unknown }) => x.label)], [
      [{ label: '相談', value: 40 }],
      [{ title: '（架空）C' }],
      [node('1-2').indicators[0].label, '（架空）相談件数'],
    ]);
  });
});

/**
 * A text given as `{ "ja": "x" }` says what `"x"` says (docs/bundle-format.md: a string is Japanese); the CSV has
 * one cell for both. Imported into the bundle it came from, each keeps the form the bundle wrote it in, so that the
 * bundle changes only where its meaning does (issue 16). Fictional: seeds/examples/indicators.json, revisions.json.
 */
describe('kdx export → kdx import: a text written { "ja": … } keeps its form', () => {
  const b = readJson(join(ROOT, 'seeds/examples/indicators.json'));
  const plan = b.plans[0];
  const node = (id: string) => plan.nodes.find((n: { id: string }) => n.id === id);
  Object.assign(plan, { title: { ja: '（架空）みどり市総合計画' }, notes: [{ ja: '（架空）計画の注記' }, '（架空）二つ目の注記'] });
  Object.assign(node('1-1'), {
    title: { ja: '子育て支援の充実' },
    summary: '（架空）保育所を増やします。',
    results: [{ label: { ja: '説明会' }, value: 12, unit: { ja: '回' } }, { label: '参加者', value: 340 }],
    alignedWith: [{ plan: { ja: '（架空）総合戦略' }, title: { ja: '子育て' } }],
    notes: [{ ja: '（架空）注記' }],
  });
  node('1-1').indicators[0].unit = { ja: '人' };
  node('1-2').indicators[0].notes = [{ ja: '（架空）指標の注記' }];
  const source = tmp.path('forms.json');
  writeFileSync(source, JSON.stringify(b, null, 2) + '\n');

  for (const encoding of ENCODINGS) {
    it(`into the bundle it came from: the same bundle (${encoding})`, async () => {
      const { out } = await exportImport('forms', source, 'city-plan', source, encoding);
      assert.deepEqual(readJson(out), b);
    });
  }

  it('a text whose words change takes the sheet\'s form; one the bundle has as a string stays a string', async () => {
    const [header, ...rows] = await exported('forms.edit.csv', source, 'city-plan');
    rows.find((r) => unwrapCell(r[0]!) === '1-1')![header!.indexOf('title_ja')] = '（架空）子育て支援の拡充';
    const got = nodeOf(await imported('forms.edited', [header!, ...rows], 'city-plan', source), '1-1');
    assert.deepEqual([got.title, got.summary, got.results[1].label, got.notes], ['（架空）子育て支援の拡充', '（架空）保育所を増やします。', '参加者', [{ ja: '（架空）注記' }]]);
  });

  it('a revisions sheet into the plan it came from: the same bundle', async () => {
    const r = readJson(join(ROOT, 'seeds/examples/revisions.json'));
    const [first] = r.plans[0].revisions;
    Object.assign(first, { title: { ja: first.title.ja } });
    first.removed[0].reason = { ja: first.removed[0].reason.ja };
    const into = tmp.path('forms.revisions.json');
    writeFileSync(into, JSON.stringify(r, null, 2) + '\n');
    const csv = tmp.path('forms.revisions.csv');
    const x = await kdx('export', into, '--plan', 'management-plan', '--revisions', '--out', csv);
    assert.equal(x.code, 0, x.err);
    const out = tmp.path('forms.revisions.out.json');
    const i = await kdx('import', csv, '--plan', 'management-plan', '--into', into, '--out', out);
    assert.equal(i.code, 0, i.err);
    assert.deepEqual(readJson(out), r);
    assert.equal(readFileSync(out, 'utf8'), readFileSync(into, 'utf8'), 'the file as it was');
  });
});

describe('kdx import --into: the bundle in its file\'s own layout, for a version-control diff', () => {
  it('one count edited in the sheet: that one line of seeds/kanazawa.json changes, nothing else', async () => {
    const [header, ...rows] = await exported('layout.csv', seed('kanazawa'), 'administrative-management-plan');
    const col = (name: string) => header!.indexOf(name);
    const row = rows.find((r) => unwrapCell(r[col('id')]!) === 'policy-1')!;
    assert.equal(row[col('achieved')], '38', 'the report: policy 1, 38 of 39 achieved');
    row[col('achieved')] = '37';
    const csv = tmp.path('layout.edited.csv');
    writeFileSync(csv, toCsv({ header: header!, rows }));
    const out = tmp.path('layout.json');
    const i = await kdx('import', csv, '--plan', 'administrative-management-plan', '--into', seed('kanazawa'), '--out', out);
    assert.equal(i.code, 0, i.err);
    const [before, after] = [readFileSync(seed('kanazawa'), 'utf8').split('\n'), readFileSync(out, 'utf8').split('\n')];
    assert.equal(after.length, before.length);
    const changed = before.flatMap((line, n) => (line === after[n] ? [] : [[line.trim(), after[n]!.trim()]]));
    assert.deepEqual(changed, [['"progress": { "total": 39, "achieved": 38 }', '"progress": { "total": 39, "achieved": 37 }']]);
  });
});

describe('files in the repository', () => {
  it('the fixtures are the bytes test/cli/fixtures/make.ts defines', () => {
    for (const [name, bytes] of Object.entries(fixtureBytes())) {
      assert.deepEqual(new Uint8Array(readFileSync(fixture(name))), bytes, `${name}: run npx tsx test/cli/fixtures/make.ts`);
    }
  });

  it('docs/kdx-template.csv is UTF-8 with BOM, has the full header and imports as is', async () => {
    const file = new URL('../../docs/kdx-template.csv', import.meta.url);
    const bytes = readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.subarray(3)).split('\r\n');
    // The columns docs/csv-guide.md documents, in its order.
    assert.equal(
      lines[0],
      'id,parent,kind,number,title_ja,title_en,title_editorial,summary_ja,summary_en,summary_editorial,summary_kind,page,fiscal_year,' +
        'reported,reported_year,status,numeric_target,target_label_ja,target_label_en,target,actual,unit_ja,unit_en,result_label_ja,' +
        'result_label_en,result_value,result_unit_ja,result_unit_en,aligned_plan_ja,aligned_plan_en,aligned_title_ja,aligned_title_en,' +
        'total,achieved,unconfirmed,as_of,counts_year,compared_with,compare_note_ja,compare_note_en,plan_as_of,indicator_ja,indicator_en,' +
        'indicator_editorial,indicator_unit_ja,indicator_unit_en,indicator_unit_editorial,baseline,baseline_year,baseline_as_of,' +
        'indicator_target,indicator_target_year,indicator_target_as_of,direction,' +
        'indicator_scale,indicator_grade,indicator_note_ja,indicator_note_en,indicator_note_editorial,note_ja,note_en,note_editorial,link',
    );
    const r = await kdx('import', file.pathname, '--plan', 'template', '--from', '2023', '--to', '2026');
    assert.equal(r.code, 0, r.err);
    assert.equal(JSON.parse(r.out).plans[0].nodes.length, 3);
  });
});
