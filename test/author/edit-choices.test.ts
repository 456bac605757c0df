/**
 * The edits in place that are choices: an item's status (from the bundle's statuses) and its grade on each of the
 * plan's scales (from the scale's grades). Each choice moves the preview's card, the line of "what changes on the
 * site" and one line of the saved JSON; "(none)" removes the value. The bundles are the fictional examples of
 * seeds/ (Kanazawa's data has neither statuses nor scales).
 */
import { expect } from '@open-wc/testing';
import type { Bundle, NodeData } from '../../src/data/bundle.js';
import type { KdxAuthor } from '../../src/author/author-app.js';
import {
  $, byId, changedLines, choose, diffLines, editItem, fileFrom, mount, previewWidgets, recomputed, savedText, selectValue, shadowText, textOf, waitFor,
} from './helpers.js';

const GRADES = '/seeds/examples/grades.json';
const TWO = '/seeds/examples/two-dimensions.json';

const optionsOf = (app: KdxAuthor, id: string) => [...byId<HTMLSelectElement>(app, id).options].map((o) => [o.value, textOf(o)]);
const nodeOf = (bundle: Bundle, id: string): NodeData => bundle.plans[0]!.nodes.find((n) => n.id === id)!;
const labelOf = (app: KdxAuthor, id: string) => textOf(app.shadowRoot!.querySelector(`label[for="${CSS.escape(id)}"]`)!);

/** The preview card's text, once it shows `id` and its text passes `wanted` (the preview follows each check). */
async function cardSays(app: KdxAuthor, id: string, wanted: (text: string) => boolean): Promise<string> {
  await previewWidgets(app, 'kdx-initiative-card');
  const preview = app.shadowRoot!.querySelector('kdx-author-preview')!.shadowRoot!;
  return waitFor(() => {
    const card = preview.querySelector('kdx-initiative-card');
    const text = card?.getAttribute('node') === id ? shadowText(card) : '';
    return wanted(text) && text;
  }, `the card of ${id} to follow`, 4000);
}

describe('authoring page: a grade, edited in place', () => {
  it('one choice per scale, of its grades; B → A moves the card, what changes and one line of the saved JSON', async () => {
    const app = await mount();
    await choose(app, 'bundle-file', await fileFrom(GRADES));
    await choose(app, 'sheet-file', await fileFrom('/seeds/examples/grades.reform-plan.csv'));
    expect(app.outcome.status).to.equal('ok');
    const before = await savedText(app);
    await editItem(app, '1-3');

    const field = 'edit-item-grade:evaluation';
    expect(labelOf(app, field)).to.equal('評価（grade:evaluation）');
    expect(optionsOf(app, field)).to.deep.equal([
      ['', '（なし）'],
      ['S', 'S：計画以上'],
      ['A', 'A：計画どおり'],
      ['B', 'B：やや遅れている'],
      ['C', 'C：ほとんど進んでいない'],
    ]);
    expect(byId<HTMLSelectElement>(app, field).value).to.equal('B');
    await cardSays(app, '1-3', (t) => t.includes('やや遅れている'));
    await expect(app).to.be.accessible();

    selectValue(app, field, 'A');
    await recomputed(app);
    expect(app.outcome.status).to.equal('ok');
    const card = await cardSays(app, '1-3', (t) => t.includes('計画どおり'));
    expect(card).not.to.include('やや遅れている');
    expect(diffLines(app)).to.include('評価: 1-3 手続の案内の見直し B：やや遅れている → A：計画どおり');
    const after = await savedText(app);
    // One line of the file, in its own layout (grades.json has an item on two lines).
    const line = (grade: string) => `{ "id": "1-3", "parent": "policy-1", "kind": "initiative", "number": "1-3", "grades": { "evaluation": "${grade}" },`;
    expect(changedLines(before, after)).to.deep.equal({ removed: [line('B')], added: [line('A')] });
    expect(nodeOf(JSON.parse(after) as Bundle, '1-3').grades).to.deep.equal({ evaluation: 'A' });

    // None: the item has no grade at all (no empty `grades` left behind).
    selectValue(app, field, '');
    await recomputed(app);
    expect(byId<HTMLSelectElement>(app, field).value).to.equal('');
    expect(diffLines(app)).to.include('評価: 1-3 手続の案内の見直し B：やや遅れている → なし');
    await cardSays(app, '1-3', (t) => !t.includes('やや遅れている') && t.includes('手続の案内の見直し'));
    const none = nodeOf(JSON.parse(await savedText(app)) as Bundle, '1-3');
    expect(none).not.to.have.property('grades');
    expect(none.title).to.deep.equal({ ja: '手続の案内の見直し', en: 'Clearer guidance on procedures' });

    // In English: the scale's and the grades' English words.
    ($(app, 'header button') as HTMLButtonElement).click();
    await waitFor(() => app.language === 'en', 'English');
    await app.updateComplete;
    expect(labelOf(app, field)).to.equal('Evaluation (grade:evaluation)');
    expect(optionsOf(app, field).slice(0, 3)).to.deep.equal([['', '(none)'], ['S', 'S: Ahead of plan'], ['A', 'A: On plan']]);
    ($(app, 'header button') as HTMLButtonElement).click();
    await waitFor(() => app.language === 'ja', 'Japanese');
  });

  it('a plan with two scales: both editable, each writing its own grade, the other left as it was', async () => {
    const app = await mount();
    await choose(app, 'bundle-file', await fileFrom(TWO));
    await choose(app, 'sheet-file', await fileFrom('/seeds/examples/two-dimensions.finance-plan.csv'));
    const before = await savedText(app);
    await editItem(app, 'R-4');
    expect(labelOf(app, 'edit-item-grade:achievement')).to.equal('達成度（grade:achievement）');
    expect(labelOf(app, 'edit-item-grade:implementation')).to.equal('実施状況（grade:implementation）');
    expect(optionsOf(app, 'edit-item-grade:implementation')).to.deep.equal([['', '（なし）'], ['not-started', '未着手'], ['under-way', '取組中'], ['done', '完了']]);
    expect(byId<HTMLSelectElement>(app, 'edit-item-grade:achievement').value).to.equal('not-met');
    expect(byId<HTMLSelectElement>(app, 'edit-item-grade:implementation').value).to.equal('not-started');

    selectValue(app, 'edit-item-grade:implementation', 'under-way');
    await recomputed(app);
    expect(diffLines(app)).to.include('実施状況: R-4 広告収入の確保 未着手 → 取組中');
    let saved = await savedText(app);
    const line = (achievement: string, implementation: string) =>
      `{ "id": "R-4", "parent": "revenue", "kind": "initiative", "number": "R-4", "grades": { "achievement": "${achievement}", "implementation": "${implementation}" },`;
    expect(changedLines(before, saved)).to.deep.equal({ removed: [line('not-met', 'not-started')], added: [line('not-met', 'under-way')] });

    selectValue(app, 'edit-item-grade:achievement', 'met');
    await recomputed(app);
    saved = await savedText(app);
    // Keys stay in their order: the JSON changes by the line edited.
    expect(nodeOf(JSON.parse(saved) as Bundle, 'R-4').grades).to.deep.equal({ achievement: 'met', implementation: 'under-way' });
    expect(Object.keys(nodeOf(JSON.parse(saved) as Bundle, 'R-4').grades!)).to.deep.equal(['achievement', 'implementation']);
    expect(changedLines(before, saved).added).to.deep.equal([line('met', 'under-way')]);
    await cardSays(app, 'R-4', (t) => t.includes('取組中') && !t.includes('未着手') && !t.includes('未達成'));
  });
});

describe('authoring page: a status, edited in place', () => {
  it('choosing a status moves the card, what changes and the saved `status`; none removes the key', async () => {
    const app = await mount();
    // The published bundle alone (edits without a sheet): the fictional Sample City, whose items have statuses.
    await choose(app, 'bundle-file', await fileFrom('/seeds/minimal.json'));
    const before = await savedText(app);
    await editItem(app, 'A-2');
    expect(labelOf(app, 'edit-item-status')).to.equal('状況（status）');
    expect(optionsOf(app, 'edit-item-status')).to.deep.equal([['', '（なし）'], ['done', '達成'], ['in-progress', '取組中'], ['delayed', '遅れ'], ['pending', '数値未確定']]);
    expect(byId<HTMLSelectElement>(app, 'edit-item-status').value).to.equal('in-progress');
    await cardSays(app, 'A-2', (t) => t.includes('取組中'));

    selectValue(app, 'edit-item-status', 'delayed');
    await recomputed(app);
    await cardSays(app, 'A-2', (t) => t.includes('遅れ') && !t.includes('取組中'));
    expect(diffLines(app)).to.include('状況: A-2 取組A-2 取組中 → 遅れ');
    const saved = await savedText(app);
    // minimal.json has the item on two lines: the first holds the status.
    const line = (status: string) => `{ "id": "A-2", "parent": "goal-a", "kind": "initiative", "number": "A-2", "page": 13, "fiscalYear": 2025,${status}`;
    expect(changedLines(before, saved)).to.deep.equal({ removed: [line(' "status": "in-progress",')], added: [line(' "status": "delayed",')] });
    expect(nodeOf(JSON.parse(saved) as Bundle, 'A-2').status).to.equal('delayed');

    selectValue(app, 'edit-item-status', '');
    await recomputed(app);
    expect(diffLines(app)).to.include('状況: A-2 取組A-2 取組中 → なし');
    await cardSays(app, 'A-2', (t) => !t.includes('取組中') && !t.includes('遅れ'));
    const none = await savedText(app);
    expect(nodeOf(JSON.parse(none) as Bundle, 'A-2')).not.to.have.property('status');
    expect(changedLines(before, none)).to.deep.equal({ removed: [line(' "status": "in-progress",')], added: [line('')] });
  });
});
