import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { kdxProcess, readJson, seed, tempDir } from './helpers.js';

// Real processes: the exit code and the streams are what a shell or CI sees.
describe('kdx validate', () => {
  it('accepts seeds/kanazawa.json: exit 0 and a success line', () => {
    const r = kdxProcess('validate', 'seeds/kanazawa.json');
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, 'OK: seeds/kanazawa.json は正しいプランデータです（計画 2 件、項目 58 件）\n');
    const en = kdxProcess('validate', 'seeds/kanazawa.json', '--lang', 'en');
    assert.equal(en.out, 'OK: seeds/kanazawa.json is a valid plan bundle (2 plans, 58 items)\n');
  });

  it('rejects seeds/broken.json: exit 1, problems with JSON paths, in Japanese', () => {
    const r = kdxProcess('validate', 'seeds/broken.json');
    assert.equal(r.code, 1);
    assert.equal(r.out, [
      'seeds/broken.json に誤りが 2 件あります:',
      '  plans[0].nodes[4].title: 文字列か { "ja": "…", "en": "…" } が必要です（実際: 42）',
      '  plans[0].nodes[4].link: URL は http(s):// か相対パスにしてください（実際: "javascript:alert(1)"）',
      '',
    ].join('\n'));
  });

  it('… in English', () => {
    const r = kdxProcess('validate', 'seeds/broken.json', '--lang', 'en');
    assert.equal(r.code, 1);
    assert.equal(r.out, [
      'seeds/broken.json has 2 problems:',
      '  plans[0].nodes[4].title: must be a string or { "ja": "…", "en": "…" } (got 42)',
      '  plans[0].nodes[4].link: must be an http(s):// URL or a relative path (got "javascript:alert(1)")',
      '',
    ].join('\n'));
  });

  it('… and as JSON (--json), with messages in the chosen language', () => {
    const r = kdxProcess('validate', seed('broken'), '--json', '--lang', 'en');
    assert.equal(r.code, 1);
    const report = JSON.parse(r.out);
    assert.equal(report.ok, false);
    assert.deepEqual(report.errors.map((e: { path: string; key: string }) => [e.path, e.key]), [
      ['plans[0].nodes[4].title', 'text'],
      ['plans[0].nodes[4].link', 'url'],
    ]);
    assert.equal(report.errors[0].message, 'must be a string or { "ja": "…", "en": "…" } (got 42)');

    const ok = kdxProcess('validate', seed('kanazawa'), '--json');
    assert.equal(ok.code, 0);
    assert.deepEqual(JSON.parse(ok.out).plans, [
      { id: 'dx-action-plan-2', nodes: 28 },
      { id: 'administrative-management-plan', nodes: 30 },
    ]);
  });

  it('reports the semantic rules too, once the shapes are right', () => {
    const broken = readJson(seed('broken'));
    broken.plans[0].nodes[4].title = 'z';
    delete broken.plans[0].nodes[4].link;
    const tmp = tempDir();
    const file = tmp.path('broken.json');
    writeFileSync(file, JSON.stringify(broken));
    try {
      const r = kdxProcess('validate', file, '--lang', 'en');
      assert.equal(r.code, 1);
      assert.deepEqual(r.out.trimEnd().split('\n').slice(1), [
        '  plans[0].nodes[0].progress.achieved: must be ≤ total (40)',
        '  plans[0].nodes[1].id: duplicate id "p1" (also at plans[0].nodes[0].id)',
        '  plans[0].nodes[3].status: status id "finished" is not in statuses (known: done)',
        '  plans[0].nodes[2].parent: parent id "nowhere" is not in this plan',
      ]);
    } finally {
      tmp.done();
    }
  });

  it('says when the file is missing or not JSON (exit 1)', () => {
    const missing = kdxProcess('validate', 'nope.json');
    assert.equal(missing.code, 1);
    assert.equal(missing.out, 'kdx: ファイル「nope.json」が見つかりません\n');
    assert.equal(kdxProcess('validate', 'nope.json', '--lang', 'en').out, 'kdx: file "nope.json" not found\n');
    const csv = kdxProcess('validate', 'test/cli/fixtures/cycle.csv', '--lang', 'en');
    assert.equal(csv.code, 1);
    assert.match(csv.out, /^test\/cli\/fixtures\/cycle\.csv has 1 problem:\n {2}is not valid JSON \(/);
  });
});

describe('kdx usage', () => {
  it('exits 2 on wrong usage, pointing to the help', () => {
    const none = kdxProcess('validate');
    assert.equal(none.code, 2);
    assert.equal(none.err, 'kdx: validate <bundle.json> を指定してください\n詳しくは kdx validate --help を見てください\n');
    const option = kdxProcess('validate', 'seeds/kanazawa.json', '--plan', 'x', '--lang', 'en');
    assert.equal(option.code, 2);
    assert.equal(option.err, 'kdx: this command has no option "--plan"\nsee kdx validate --help\n');
    assert.equal(kdxProcess('frobnicate').code, 2);
    assert.equal(kdxProcess().code, 2);
  });

  it('shows help and the version (exit 0)', () => {
    const help = kdxProcess('--help', '--lang', 'en');
    assert.equal(help.code, 0);
    assert.match(help.out, /^Usage: kdx <command> \[options\]/);
    assert.match(kdxProcess('import', '--help').out, /^使い方: kdx import <items\.csv> --plan <id>/);
    assert.match(kdxProcess('--version').out, /^kdx \d+\.\d+\.\d+\n$/);
  });
});

