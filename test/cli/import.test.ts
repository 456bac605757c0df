import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { validateBundle } from '../../src/data/parse.js';
import { DEFAULT_STATUSES } from '../../src/cli/merge.js';
import { fixture, kdx, nodesOf, readJson, seed, tempDir } from './helpers.js';

const tmp = tempDir();
after(tmp.done);

/** What items-utf8-bom.csv and items-sjis.csv hold. */
const ITEMS = [
  {
    id: 'policy-3', kind: 'policy', number: '3',
    title: { ja: '財政基盤の質を高める', en: 'Raising the quality of the fiscal base' },
    summary: '（モノ・カネの有効活用）',
    progress: { total: 40, achieved: 32, unconfirmed: 2 },
    notes: [{ ja: 'うち2項目は数値未確定', en: 'Of these, the figures for 2 items are not yet fixed' }],
  },
  {
    id: 'policy-3-2', parent: 'policy-3', kind: 'area', number: '(2)',
    title: { ja: '効果的な政策立案と歳入の確保', en: 'Effective policymaking and securing revenue' },
  },
  {
    id: 'R6-33', parent: 'policy-3-2', kind: 'initiative', number: 'R6-33', page: 103, fiscalYear: 2024,
    title: { ja: '企業版ふるさと納税額', en: 'Amount of corporate hometown tax donations, in yen' },
    summary: '7月にサイトを開設し企業版ふるさと納税を促進しました。\n今後は、サイトを通じた寄附に関わらず寄附額を確保します。',
    status: 'not-achieved',
    numericTarget: { target: 1200, actual: 850.5, unit: { ja: '万円', en: '10,000 yen' } },
    notes: [{ ja: '※第1の注記', en: 'First note' }, { ja: '※第2の注記', en: 'Second note' }],
  },
  {
    id: 'R7-25', parent: 'policy-3-2', kind: 'initiative', number: 'R7-25', page: 103, fiscalYear: 2025,
    title: { ja: 'ふるさと納税を活用した大学寄附金制度の創設', en: 'Creating a university donation scheme – using hometown tax donations' },
    status: 'achieved',
  },
];

const NEW_PLAN = ['--plan', 'fiscal', '--title', '財政', '--from', '令和5年度', '--to', '2026'];

describe('kdx import: files as Excel and editors save them', () => {
  it('reads UTF-8 with BOM and CRLF: quoted commas and line breaks, full-width digits, 令和 years, P38, ="(2)"', async () => {
    const out = tmp.path('utf8.json');
    const r = await kdx('import', fixture('items-utf8-bom.csv'), ...NEW_PLAN, '--out', out);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(nodesOf(out, 'fiscal'), ITEMS);
    const bundle = readJson(out);
    assert.ok(validateBundle(bundle).ok);
    assert.deepEqual(bundle.plans[0].period, { from: 2023, to: 2026 });
    assert.equal(bundle.plans[0].title, '財政');
    assert.match(r.err, /計画「fiscal」の項目 4 件を .*utf8\.json に書き込みました（追加 4 件、削除 0 件）/);
  });

  it('reads Shift_JIS (bytes made by our encoder, checked against TextDecoder) to the same nodes', async () => {
    const bytes = readFileSync(fixture('items-sjis.csv'));
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'the fixture must not be valid UTF-8');
    const text = new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
    assert.ok(text.includes('企業版ふるさと納税額') && text.includes('&#x2013;') && text.includes('\r\n'));

    const out = tmp.path('sjis.json');
    const r = await kdx('import', fixture('items-sjis.csv'), ...NEW_PLAN, '--out', out);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(nodesOf(out, 'fiscal'), ITEMS);
  });

  it('reads Japanese headers, LF endings without BOM, status labels, あり, p.54, R7 and 平成 years; ignores # columns', async () => {
    const out = tmp.path('ja.json');
    const r = await kdx('import', fixture('items-ja-header.csv'), ...NEW_PLAN, '--out', out);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(nodesOf(out, 'fiscal'), [
      {
        id: 'policy-1', kind: 'policy', number: '1',
        title: { ja: '行政組織の質を高める', en: 'Raising the quality of the administrative organization' },
        progress: { total: 39, achieved: 38 },
      },
      {
        id: 'R7-11', parent: 'policy-1', kind: 'initiative', number: 'R7-11', page: 54, fiscalYear: 2025,
        title: { ja: 'DXアドバイザー職員の育成', en: 'Developing DX adviser staff' }, numericTarget: {},
      },
      {
        id: 'R6-7', parent: 'policy-1', kind: 'initiative', number: 'R6-7', page: 38, fiscalYear: 2018,
        title: '公用車給油事務へのクレジットカードの導入', status: 'unconfirmed',
        numericTarget: { target: 100, actual: 110, unit: '％' }, notes: ['※1行目', '※2行目'],
      },
    ]);
  });
});

describe('kdx import: bad rows', () => {
  const BAD_JA = [
    'bad-rows.csv に誤りが 8 件あります。何も書き込んでいません:',
    '  5行目（id）: ID「R6-7」が重複しています（4行目と同じ）',
    '  6行目（parent）: 親 ID「policy-9」はこの計画にありません',
    '  7行目（page）: ページとして読めません（実際: "三十八"）。38 や P38 のように書いてください',
    '  8行目（achieved）: total（45）以下にしてください',
    '  9行目（title_ja）: 空欄にはできません',
    '  10行目（fiscal_year）: 年度として読めません（実際: "令和X年度"）。2025、令和7年度、R7 のように書いてください',
    '  11行目（status）: 状況 ID「finished」は statuses にありません（使えるもの: achieved, not-achieved, unconfirmed）',
    '  12行目: 見出しより列が多くなっています（12 列目に値があります）。文中の「,」は、セル全体を "…" で囲んでください',
  ];
  const BAD_EN = [
    'bad-rows.csv has 8 problems; nothing was written:',
    '  line 5 (id): duplicate id "R6-7" (also on line 4)',
    '  line 6 (parent): parent id "policy-9" is not in this plan',
    '  line 7 (page): is not a page (got "三十八"); write it like 38 or P38',
    '  line 8 (achieved): must be ≤ total (45)',
    '  line 9 (title_ja): must not be empty',
    '  line 10 (fiscal_year): is not a fiscal year (got "令和X年度"); write it like 2025, 令和7年度 or R7',
    '  line 11 (status): status id "finished" is not in statuses (known: achieved, not-achieved, unconfirmed)',
    '  line 12: has more cells than the header (a value in cell 12); put a text containing "," in double quotes',
  ];
  const lines = (text: string) => text.trimEnd().split('\n').map((l) => l.replace(/^.*[\\/](bad-rows\.csv)/, '$1'));

  it('reports every bad row with its line number (a quoted line break counts) and reason, in Japanese', async () => {
    const out = tmp.path('bad-ja.json');
    const r = await kdx('import', fixture('bad-rows.csv'), ...NEW_PLAN, '--out', out);
    assert.equal(r.code, 1);
    assert.deepEqual(lines(r.err), BAD_JA);
    assert.equal(r.out, '');
    assert.equal(existsSync(out), false, 'nothing written');
  });

  it('… and in English', async () => {
    const r = await kdx('import', fixture('bad-rows.csv'), ...NEW_PLAN, '--lang', 'en');
    assert.equal(r.code, 1);
    assert.deepEqual(lines(r.err), BAD_EN);
    assert.equal(r.out, '', 'nothing on standard output either');
  });

  it('leaves an existing output file as it was, and leaves no temporary file behind', async () => {
    const out = tmp.path('existing.json');
    copyFileSync(seed('kanazawa'), out);
    const before = readFileSync(out);
    const r = await kdx('import', fixture('bad-rows.csv'), '--plan', 'administrative-management-plan', '--into', out, '--out', out);
    assert.equal(r.code, 1);
    assert.deepEqual(readFileSync(out), before);
    assert.deepEqual(readdirSync(tmp.path('.')).filter((f) => f.endsWith('.tmp')), []);
  });

  it('reports header problems on line 1', async () => {
    const r = await kdx('import', fixture('bad-header.csv'), ...NEW_PLAN);
    assert.equal(r.code, 1);
    assert.deepEqual(r.err.trimEnd().split('\n').slice(1), [
      '  1行目: 列「ID」が2回あります',
      '  1行目: 列名「titel_ja」は使えません。列名は docs/csv-guide.md を見てください。メモなど自由に使う列は、列名を # で始めてください',
      '  1行目: 必須の列「title_ja」がありません',
    ]);
  });

  it('maps what only validateBundle finds (a cycle) back to the line', async () => {
    const r = await kdx('import', fixture('cycle.csv'), ...NEW_PLAN, '--lang', 'en');
    assert.equal(r.code, 1);
    assert.deepEqual(r.err.trimEnd().split('\n').slice(1), ['  line 2 (parent): parent links form a cycle (a → b → a)']);
  });

  it('names the line of a byte that is neither UTF-8 nor Shift_JIS', async () => {
    const file = tmp.path('garbage.csv');
    writeFileSync(file, Uint8Array.of(...new TextEncoder().encode('id,kind,title_ja\r\na,b,'), 0x81, 0x20, 0x0d, 0x0a));
    const r = await kdx('import', file, ...NEW_PLAN, '--lang', 'en');
    assert.equal(r.code, 1);
    assert.match(r.err, /line 2: has bytes that are neither UTF-8 nor Shift_JIS/);
  });
});

describe('kdx import --into', () => {
  it('replaces only that plan\'s nodes; the plan\'s other fields and the other plan stay as they were', async () => {
    // Kanazawa's report gives no per-item status, so its bundle has no status vocabulary: give it one, as a
    // city that starts reporting statuses would.
    const into = tmp.path('kanazawa-with-statuses.json');
    writeFileSync(into, JSON.stringify({ ...readJson(seed('kanazawa')), statuses: DEFAULT_STATUSES }));
    const out = tmp.path('into.json');
    const r = await kdx('import', fixture('items-utf8-bom.csv'), '--plan', 'administrative-management-plan', '--into', into, '--out', out);
    assert.equal(r.code, 0, r.err);
    const before = readJson(into);
    const after = readJson(out);
    assert.deepEqual(after.plans[1].nodes, ITEMS);
    assert.deepEqual({ ...after.plans[1], nodes: [] }, { ...before.plans[1], nodes: [] });
    assert.deepEqual(after.plans[0], before.plans[0]);
    assert.deepEqual({ ...after, plans: [] }, { ...before, plans: [] });
    assert.match(r.err, /項目 4 件を .* に書き込みました（追加 0 件、削除 26 件）/); // the CSV's four ids are all in the plan
  });

  it('adds a plan the bundle lacks (with --from/--to)', async () => {
    const out = tmp.path('added.json');
    const into = tmp.path('kanazawa-with-statuses-2.json');
    writeFileSync(into, JSON.stringify({ ...readJson(seed('kanazawa')), statuses: DEFAULT_STATUSES }));
    const r = await kdx('import', fixture('items-utf8-bom.csv'), '--into', into, ...NEW_PLAN, '--out', out);
    assert.equal(r.code, 0, r.err);
    const bundle = readJson(out);
    assert.deepEqual(bundle.plans.map((p: { id: string }) => p.id), ['dx-action-plan-2', 'administrative-management-plan', 'fiscal']);
  });

  it('keeps history, and a status breakdown while the counts are unchanged, from the bundle when the sheet has no columns for them', async () => {
    const dir = tempDir();
    try {
      const bundle = readJson(seed('minimal'));
      bundle.plans[0].nodes[4].progress.byStatus = { done: 7, 'in-progress': 3 };
      writeFileSync(dir.path('b.json'), JSON.stringify(bundle));
      const csv = dir.path('b.csv');
      assert.equal((await kdx('export', dir.path('b.json'), '--plan', 'sample-plan', '--out', csv)).code, 0);
      // A sheet kept from before these columns existed: without the years' and the statuses' counts.
      writeFileSync(csv, withoutColumns(readFileSync(csv, 'utf8'), (h) => /[:@]/.test(h)));
      const r = await kdx('import', csv, '--plan', 'sample-plan', '--into', dir.path('b.json'), '--out', dir.path('c.json'));
      assert.equal(r.code, 0, r.err);
      assert.deepEqual(nodesOf(dir.path('c.json'), 'sample-plan'), bundle.plans[0].nodes);

      // Change goal-b's counts: its breakdown no longer fits and is dropped, with a note; history stays.
      writeFileSync(csv, readFileSync(csv, 'utf8').replace(/,10,7,1,/, ',10,8,1,'));
      const changed = await kdx('import', csv, '--plan', 'sample-plan', '--into', dir.path('b.json'), '--out', dir.path('d.json'), '--lang', 'en');
      assert.equal(changed.code, 0, changed.err);
      assert.match(changed.err, /status breakdowns removed because the counts changed: goal-b/);
      const goalB = (nodesOf(dir.path('d.json'), 'sample-plan') as Array<Record<string, unknown>>)[4]!;
      assert.deepEqual(goalB.progress, { total: 10, achieved: 8, unconfirmed: 1 });
      assert.deepEqual(goalB.history, bundle.plans[0].nodes[4].history);
    } finally {
      dir.done();
    }
  });
});

describe('kdx import: history and status counts in the sheet', () => {
  it('takes them from the sheet when it has their columns: a year left out there is left out', async () => {
    const dir = tempDir();
    try {
      const csv = dir.path('m.csv');
      assert.equal((await kdx('export', seed('minimal'), '--plan', 'sample-plan', '--out', csv)).code, 0);
      const text = readFileSync(csv, 'utf8');
      assert.match(text.split('\r\n')[0]!, /,total@2024,achieved@2024,total@2025,achieved@2025,unconfirmed@2025\r?$/);
      writeFileSync(csv, withoutColumns(text, (h) => h.endsWith('@2024')));
      const r = await kdx('import', csv, '--plan', 'sample-plan', '--into', seed('minimal'), '--out', dir.path('m.json'));
      assert.equal(r.code, 0, r.err);
      const goalB = (nodesOf(dir.path('m.json'), 'sample-plan') as Array<Record<string, unknown>>)[4]!;
      assert.deepEqual(goalB.history, [{ fiscalYear: 2025, total: 10, achieved: 7, unconfirmed: 1 }]);
    } finally {
      dir.done();
    }
  });
});

describe('kdx import: options', () => {
  it('needs --from and --to for a new plan (exit 2)', async () => {
    const r = await kdx('import', fixture('items-utf8-bom.csv'), '--plan', 'x');
    assert.equal(r.code, 2);
    assert.match(r.err, /計画「x」を新しく作るには --from と --to（計画期間の年度）が必要です/);
  });

  it('refuses --title for a plan that exists (its own title is kept)', async () => {
    const r = await kdx('import', fixture('items-utf8-bom.csv'), '--plan', 'administrative-management-plan', '--into', seed('kanazawa'), '--title', 'x', '--lang', 'en');
    assert.equal(r.code, 2);
    assert.match(r.err, /--title apply only when a new plan is created/);
  });

  it('refuses an --into bundle that is not valid, with JSON paths', async () => {
    const r = await kdx('import', fixture('items-utf8-bom.csv'), '--plan', 'broken-plan', '--into', seed('broken'), '--lang', 'en');
    assert.equal(r.code, 1);
    assert.match(r.err, /plans\[0\]\.nodes\[4\]\.title: must be a string/);
  });

  it('writes the bundle to standard output without --out', async () => {
    const r = await kdx('import', fixture('items-utf8-bom.csv'), ...NEW_PLAN);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(JSON.parse(r.out).plans[0].nodes, ITEMS);
  });
});

describe('kdx import: where the source lists an item, what its summary is, and the editor\'s own words', () => {
  it('reads 実施 / 追加, 実施内容 / 取組内容, a result figure, a corresponding item and editorial marks', async () => {
    const csv = tmp.path('listed.csv');
    writeFileSync(
      csv,
      [
        'id,kind,number,title_ja,summary_ja,summary_editorial,掲載区分,掲載年度,概要の種類,実績の項目,実績の数値,実績の単位,対応する計画,対応する項目,注記,注記は編集者の文',
        'a,initiative,A-1,取組A,本文の引用です。,,実施,令和6年度,実施内容,イベント,１７,件,未来共創計画,魅力づくり,編集者の補足です。,○',
        'b,initiative,A-2,取組B,編集者の要約です。,1,追加,R7,取組内容,,,,,,,',
      ].join('\r\n'),
    );
    const out = tmp.path('listed.json');
    const r = await kdx('import', csv, '--plan', 'p', '--from', '2024', '--to', '2025', '--out', out);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(nodesOf(out, 'p'), [
      {
        id: 'a', kind: 'initiative', number: 'A-1', reported: { as: 'carried-out', fiscalYear: 2024 }, summaryKind: 'result',
        results: [{ label: 'イベント', value: 17, unit: '件' }], alignedWith: [{ plan: '未来共創計画', title: '魅力づくり' }],
        title: '取組A', summary: '本文の引用です。', notes: [{ ja: '編集者の補足です。', editorial: true }],
      },
      {
        id: 'b', kind: 'initiative', number: 'A-2', reported: { as: 'added', fiscalYear: 2025 }, summaryKind: 'plan',
        title: '取組B', summary: { ja: '編集者の要約です。', editorial: true },
      },
    ]);
  });

  it('says what is wrong, at its line and column', async () => {
    const csv = tmp.path('listed-bad.csv');
    writeFileSync(csv, ['id,kind,title_ja,reported,reported_year,summary_kind,result_label_ja', 'a,initiative,A,予定,,要約,イベント'].join('\r\n'));
    const r = await kdx('import', csv, '--plan', 'p', '--from', '2024', '--to', '2025', '--lang', 'en');
    assert.equal(r.code, 1);
    assert.equal(
      r.err,
      [
        `${csv} has 4 problems; nothing was written:`,
        '  line 2 (reported): is not one of the allowed values (got "予定"); write one of carried-out, added',
        '  line 2 (reported_year): is required when "reported" is given',
        '  line 2 (result_value): is required when "result_label_ja" is given',
        '  line 2 (summary_kind): is not one of the allowed values (got "要約"); write one of result, plan',
        '',
      ].join('\n'),
    );
  });

  it("an editor's mark on notes that are not there: the item's, and an indicator's", async () => {
    const csv = tmp.path('marks-bad.csv');
    writeFileSync(csv, ['id,kind,title_ja,note_editorial,indicator_ja,indicator_note_editorial', 'a,measure,A,1,指標,1'].join('\r\n'));
    const r = await kdx('import', csv, '--plan', 'p', '--from', '2024', '--to', '2025', '--lang', 'en');
    assert.equal(r.code, 1);
    assert.deepEqual(r.err.trimEnd().split('\n').slice(1), [
      '  line 2 (note_ja): is required when "note_editorial" is given',
      '  line 2 (indicator_note_ja): is required when "indicator_note_editorial" is given',
    ]);
  });
});

/** The CSV text without the columns whose header `drop` picks (a plain CSV: no quoted commas in those columns). */
function withoutColumns(text: string, drop: (header: string) => boolean): string {
  const rows = text.split('\r\n');
  const keep = rows[0]!.replace(/^\uFEFF/, '').split(',').map((h) => !drop(h));
  return rows.map((r) => (r ? r.split(',').filter((_, i) => keep[i]).join(',') : r)).join('\r\n');
}
