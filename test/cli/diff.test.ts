/**
 * `kdx diff OLD NEW`: what changes on the site, for staff to check before they publish. The "new" bundles are the
 * Kanazawa seed edited the way a year's update edits it (a figure moves, an item is added, one is removed, a title
 * is reworded); the expected lines are worked out from those edits and the report's figures, not read from the
 * command's output.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { kdx, kdxProcess, readJson, seed, tempDir } from './helpers.js';

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
    // 110/124 = 88.7% (110 × 1000 / 124 = 887.09…).
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
      '  達成率: 金沢市行政経営プラン 87.1%（108/124項目） → 88.7%（110/124項目）',
      '  達成率: 3 財政基盤の質を高める 80.0%（32/40項目） → 85.0%（34/40項目）',
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
      // The plan's own counts are declared (124/108) and unchanged: only the policy moves.
      [['figure', 'policy-3', 800, 850]],
    );
    assert.equal(out.changes[0].message, '達成率: 3 財政基盤の質を高める 80.0%（32/40項目） → 85.0%（34/40項目）');
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
