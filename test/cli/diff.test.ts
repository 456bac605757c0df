/**
 * `kdx diff OLD NEW`: what changes on the site, for staff to check before they publish. The "new" bundles are the
 * Kanazawa seed edited the way a year's update edits it (a figure moves, an item is added, one is removed, a title
 * is reworded); the expected lines are worked out from those edits and the report's figures, not read from the
 * command's output.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { kdx, kdxProcess, readJson, ROOT, seed, tempDir } from './helpers.js';

const tmp = tempDir();
after(tmp.done);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The Kanazawa seed after `edit`, written to a temporary file. */
function edited(name: string, edit: (b: Json) => void): string {
  const b = readJson(seed('kanazawa')) as Json;
  edit(b);
  const file = tmp.path(`${name}.json`);
  writeFileSync(file, JSON.stringify(b, null, 2));
  return file;
}
const amp = (b: Json) => b.plans.find((p: Json) => p.id === 'administrative-management-plan');
const node = (b: Json, id: string) => amp(b).nodes.find((n: Json) => n.id === id);

describe('kdx diff', () => {
  it('equal bundles: says so, exit 0', async () => {
    const same = edited('same', () => {});
    const r = await kdx('diff', seed('kanazawa'), same);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, `違いはありません（${seed('kanazawa')} と ${same}）。\n`);
    const en = await kdx('diff', seed('kanazawa'), same, '--lang', 'en');
    assert.equal(en.out, `No differences (${seed('kanazawa')} and ${same}).\n`);
  });

  it('a figure that moves: the policy and the plan, as the widgets will show them', async () => {
    // Two more items of 財政基盤の質を高める achieved, the two unconfirmed ones among them: 34/40 = 85.0%; the plan
    // 110/124 = 88.7% (110 × 1000 / 124 = 887.09…). The report's 「※うち2項目は数値未確定」 goes with them.
    const moved = edited('moved', (b) => {
      node(b, 'policy-3').progress = { total: 40, achieved: 34 };
      amp(b).progress = { total: 124, achieved: 110 };
    });
    const r = await kdx('diff', seed('kanazawa'), moved);
    assert.equal(r.code, 1, r.err);
    assert.deepEqual(r.out.split('\n'), [
      `${seed('kanazawa')} → ${moved}: サイトで変わる点が 2 件あります`,
      '',
      '計画「金沢市行政経営プラン」（administrative-management-plan）',
      '  達成率: 金沢市行政経営プラン 87.1%（108/124項目、2項目は数値未確定） → 88.7%（110/124項目）',
      '  達成率: 3 財政基盤の質を高める 80.0%（32/40項目、2項目は数値未確定） → 85.0%（34/40項目）',
      '',
    ]);
  });

  // A long text is shown from a little before its first difference, 45 characters of it.
  it('items added and removed by № and title, a title reworded, a text changed (in English too)', async () => {
    const changed = edited('changed', (b) => {
      amp(b).nodes = amp(b).nodes.filter((n: Json) => n.id !== 'R6-7');
      amp(b).nodes.push({ id: 'R8-1', parent: 'policy-1-1', kind: 'initiative', number: 'R8-1', title: { ja: '新しい取組', en: 'A new initiative' } });
      node(b, 'R7-10').title = { ja: '災害情報一斉配信システムの運用', en: 'Running the disaster information system' };
      node(b, 'R7-27').summary = { ja: '企業局の経営効率化を進めます。', en: 'More efficient management.' };
    });
    const r = await kdx('diff', seed('kanazawa'), changed, '--lang', 'en');
    assert.equal(r.code, 1, r.err);
    const lines = r.out.split('\n').slice(3, -1);
    assert.deepEqual(lines, [
      '  Title: R7-10 "Introducing a system for sending out disaster information all at once" → "Running the disaster information system"',
      '  Summary: R7-27 Promoting more efficient management of the Public Enterprise Bureau "In view of the severe business environment fa…" → "More efficient management."',
      '  Added: R8-1 A new initiative',
      '  Removed: R6-7 Introducing credit cards for refueling official vehicles',
    ]);
    assert.match(r.out, /: 4 changes on the site\n/);
    // Removing an item with no figures of its own moves no figure: the report's counts are declared.
    assert.doesNotMatch(r.out, /Achievement rate/);
  });

  it('statuses that change, and a date', async () => {
    const base = edited('status-base', (b) => {
      b.statuses = [
        { id: 'doing', label: { ja: '取組中', en: 'In progress' }, achieved: false },
        { id: 'done', label: { ja: '達成', en: 'Achieved' }, achieved: true },
      ];
      node(b, 'R7-1').status = 'doing';
    });
    const next = edited('status-next', (b) => {
      b.statuses = readJson(base).statuses;
      node(b, 'R7-1').status = 'done';
      amp(b).asOf = '2026-03-31';
    });
    const r = await kdx('diff', base, next);
    assert.equal(r.code, 1, r.err);
    assert.ok(r.out.includes('  時点: なし → 2026年3月31日\n'), r.out);
    assert.ok(r.out.includes('  状況: R7-1 避難所の入退所等に活用できるデジタル市民パスポートの導入 取組中 → 達成\n'), r.out);
  });

  it('--json for machines: every change with its kind and its message', async () => {
    const moved = edited('moved-json', (b) => (node(b, 'policy-3').progress = { total: 40, achieved: 34 }));
    const r = await kdx('diff', seed('kanazawa'), moved, '--json');
    assert.equal(r.code, 1);
    const out = JSON.parse(r.out);
    assert.equal(out.equal, false);
    assert.deepEqual(
      out.changes.map((c: Json) => [c.kind, c.item?.id ?? null, c.before?.rateTenths, c.after?.rateTenths]),
      // The plan's own counts are declared (124/108) and unchanged; its 2 not yet fixed were carried up from policy 3
      // (the report's only ※), and are no longer once policy 3 has none: the plan's note goes, its rate stays.
      [['figure', null, 871, 871], ['figure', 'policy-3', 800, 850]],
    );
    assert.equal(out.changes[0].message, '達成率: 金沢市行政経営プラン 87.1%（108/124項目、2項目は数値未確定） → 87.1%（108/124項目）');
    assert.equal(out.changes[1].message, '達成率: 3 財政基盤の質を高める 80.0%（32/40項目、2項目は数値未確定） → 85.0%（34/40項目）');
  });

  it('broken input: exit 2 and a message naming the file', async () => {
    const notJson = tmp.path('not.json');
    writeFileSync(notJson, '{ "schemaVersion": 1,');
    for (const [args, message] of [
      [[seed('kanazawa'), tmp.path('missing.json')], /missing\.json/],
      [[notJson, seed('kanazawa')], /not\.json/],
      [[seed('kanazawa'), seed('broken')], new RegExp(`${seed('broken').replace(/[.\\/]/g, '\\$&')} を比べられません（誤り 2 件）:\\n  plans\\[0\\]\\.nodes\\[4\\]\\.title`)],
    ] as const) {
      const r = await kdx('diff', ...args);
      assert.equal(r.code, 2, r.err);
      assert.equal(r.out, '');
      assert.match(r.err, message);
    }
    const usage = await kdx('diff', seed('kanazawa'));
    assert.equal(usage.code, 2);
    assert.match(usage.err, /diff <old\.json> <new\.json> を指定してください/);
  });

  it('runs as the installed command does, with its exit code', () => {
    const r = kdxProcess('diff', seed('kanazawa'), seed('kanazawa'), '--lang', 'en');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^No differences/);
  });
});

describe('kdx diff: report shapes (seeds/examples, fictional)', () => {
  const example = (name: string) => join(ROOT, 'seeds/examples', `${name}.json`);
  function editedExample(name: string, edit: (b: Json) => void): string {
    const b = readJson(example(name)) as Json;
    edit(b);
    const file = tmp.path(`${name}.edited.json`);
    writeFileSync(file, JSON.stringify(b, null, 2));
    return file;
  }
  const byId = (b: Json, id: string, plan = 0) => b.plans[plan].nodes.find((n: Json) => n.id === id);
  const lines = (out: string) => out.split('\n').slice(3, -1);

  it('each example against itself: equal', async () => {
    for (const name of ['grades', 'two-dimensions', 'year-over-year', 'indicators', 'revisions']) {
      const r = await kdx('diff', example(name), editedExample(name, () => {}));
      assert.equal(r.code, 0, `${name}: ${r.out}`);
    }
  });

  it('a grade that changes, and the counts by grade that move with it', async () => {
    // 2-2 goes from C to B; policy-2's declared counts move one item from C to B (its rate stays 9/13).
    const after = editedExample('grades', (b) => {
      byId(b, '2-2').grades.evaluation = 'B';
      byId(b, 'policy-2').progress.byGrade.evaluation = { S: 1, A: 8, B: 4, C: 0 };
    });
    const r = await kdx('diff', example('grades'), after);
    assert.equal(r.code, 1);
    assert.deepEqual(lines(r.out), [
      '  評価の内訳: 2 効率的な行政運営 S 1・A 8・B 3・C 1 → S 1・A 8・B 4・C 0',
      '  評価: 2-2 庁舎の維持管理の委託 C：ほとんど進んでいない → B：やや遅れている',
    ]);
  });

  it('an indicator\'s actual that moves, the grade its rule now gives, and a baseline year', async () => {
    // 2-1: 15 → 18 reaches the target (progress 100%): A becomes S, computed; the plan counts S 2, A 1.
    const after = editedExample('indicators', (b) => {
      byId(b, '2-1').indicators[0].actuals[2].value = 18;
      byId(b, '1-2').indicators[0].baseline.fiscalYear = 2018;
    });
    const r = await kdx('diff', example('indicators'), after, '--lang', 'en');
    assert.equal(r.code, 1);
    assert.deepEqual(lines(r.out), [
      `  Baseline: 1-2 Residents' satisfaction "Residents satisfied with the city" 60% (FY2019) → 60% (FY2018)`,
      '  Evaluation breakdown: 2 A lively city S 0, A 2, B 0, C 0, − 1 → S 1, A 1, B 0, C 0, − 1',
      '  Evaluation: 2-1 Better public information A: Improved by more than 10% on the baseline (computed) → S: Target reached (computed)',
      '  Actual (FY2024): 2-1 Better public information "Monthly page views of the city website" 15×10,000 views → 18×10,000 views',
      '  Evaluation breakdown: Midori City Comprehensive Plan (fictional) S 1, A 2, B 1, C 1, − 1 → S 2, A 1, B 1, C 1, − 1',
    ]);
  });

  it('a year of the history, the as-of date and the comparison base', async () => {
    // FY2014 of 市民サービスの向上 corrected: 完了 10 → 11, 順調 22 → 21 (rate 10/39 = 25.6% → 11/39 = 28.2%).
    const after = editedExample('year-over-year', (b) => {
      byId(b, 'service').history[1].byGrade.progress = { done: 11, 'on-track': 21, delayed: 5, 'not-started': 2 };
      b.plans[0].progress.asOf = '2016-04-01';
      b.plans[0].progress.comparedWith = { fiscalYear: 2013 };
    });
    const r = await kdx('diff', example('year-over-year'), after);
    assert.equal(r.code, 1);
    // The plan's own counts first (their date and base), then the item's year.
    assert.deepEqual(lines(r.out), [
      '  集計の時点: 2016年3月31日 → 2016年4月1日',
      '  増減の基準: 平成26年度 「※増減は対H26年度と比較」 → 平成25年度',
      '  平成26年度の件数: 1 市民サービスの向上 25.6%（10/39項目）［完了 10・順調 22・遅れ 5・未着手 2］ → 28.2%（11/39項目）［完了 11・順調 21・遅れ 5・未着手 2］',
    ]);
  });

  it('revisions added and changed, and the period they extend', async () => {
    const after = editedExample('revisions', (b) => {
      b.plans[0].period.to = 2026;
      b.plans[0].revisions.unshift({ date: '2025-03', title: '令和7年3月改定', period: { before: { from: 2020, to: 2025 }, after: { from: 2020, to: 2026 } } });
      b.plans[0].revisions[2].added.push({ node: 'K-3' });
    });
    const r = await kdx('diff', example('revisions'), after);
    assert.equal(r.code, 1);
    // The revision added, with what it changes; the one changed, by what changes in it (K-3 by its node's № and title).
    assert.deepEqual(lines(r.out), [
      '  期間: 令和2年度～令和7年度 → 令和2年度～令和8年度',
      '  見直しを追加: 2025年3月「令和7年3月改定」（計画期間 令和2年度～令和7年度から令和2年度～令和8年度へ）',
      '  見直し 2022年3月「令和4年3月改定」の追加した項目に追加: K-3 公共施設の予約システムの更新',
    ]);
  });

  it('--json names each shape change by kind', async () => {
    const after = editedExample('two-dimensions', (b) => (byId(b, 'S-3').grades.implementation = 'done'));
    const r = await kdx('diff', example('two-dimensions'), after, '--json');
    assert.equal(r.code, 1);
    const kinds = (JSON.parse(r.out) as { changes: Array<{ kind: string }> }).changes.map((c) => c.kind);
    // In document order: the counts of 歳出の見直し, S-3's grade, then the plan's counts (取組中 → 完了).
    assert.deepEqual(kinds, ['distribution', 'grade', 'distribution']);
  });
});
