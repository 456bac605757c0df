/**
 * `kdx import` of a revisions sheet into a plan that has none: the revisions go where the bundle format lists
 * them (docs/bundle-format.md: after `scales`, before `progress`, `history`, `notes` and `nodes`), so that the
 * written JSON gains one block instead of one after the items. Data: the fictional examples of seeds/examples/.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { kdx, readJson, ROOT, tempDir } from './helpers.js';

const tmp = tempDir();
after(tmp.done);
const example = (name: string) => readJson(join(ROOT, 'seeds/examples', `${name}.json`));

describe('kdx import: a revisions sheet into a plan without revisions', () => {
  it('the example without its revisions, and the sheet export wrote of them: the example again, keys in its order', async () => {
    const published = example('revisions');
    const without = structuredClone(published);
    delete without.plans[0].revisions;
    const into = tmp.path('without.json');
    writeFileSync(into, JSON.stringify(without, null, 2) + '\n');
    const out = tmp.path('with.json');
    const sheet = join(ROOT, 'seeds/examples/revisions.management-plan.revisions.csv');
    const run = await kdx('import', sheet, '--plan', 'management-plan', '--into', into, '--out', out);
    assert.equal(run.code, 0, run.err);
    assert.deepEqual(Object.keys(readJson(out).plans[0]), Object.keys(published.plans[0]));
    assert.deepEqual(readJson(out), published);
  });

  it('a plan with scales and counts: after the scales, before the counts and the items', async () => {
    const into = join(ROOT, 'seeds/examples/grades.json');
    const sheet = tmp.path('revisions.csv');
    writeFileSync(sheet, 'revision_date,revision_title_ja,change,number,title_ja,reason_ja\n2025-03,令和7年3月改定,removed,1-9,古い取組,完了\n');
    const out = tmp.path('grades.json');
    const run = await kdx('import', sheet, '--plan', 'reform-plan', '--into', into, '--out', out);
    assert.equal(run.code, 0, run.err);
    assert.deepEqual(Object.keys(readJson(out).plans[0]), ['id', 'title', 'period', 'asOf', 'source', 'kinds', 'scales', 'revisions', 'progress', 'nodes']);
  });
});
