/**
 * What the page shows while it works: nothing to download from the moment a value is typed until it has been
 * checked (the check waits for typing to pause), and the stages of opening a large spreadsheet as they come.
 */
import { expect } from '@open-wc/testing';
import type { KdxAuthor } from '../../src/author/author-app.js';
import { $, choose, downloadLinks, editItem, fileFrom, mount, recomputed, SEED, textOf, type, waitFor, withPublished, withTemplate } from './helpers.js';

describe('authoring page: nothing can be downloaded while errors may remain', () => {
  it('a typed value takes the download links away at once, until it is checked', async () => {
    const app = await withTemplate();
    expect(downloadLinks(app)).to.have.length.greaterThan(0);
    await editItem(app, 'policy-1');
    type(app, 'edit-item-achieved', '40'); // 40 of 39: wrong, but not yet checked (typing may go on)
    await app.updateComplete;
    expect(app.outcome.status, 'the check has not run yet').to.equal('ok');
    expect(downloadLinks(app)).to.have.length(0);
    expect(textOf($(app, '#h-save ~ p'))).to.equal('確認しています…（終わると保存できます）');
    await recomputed(app);
    expect(app.outcome.status).to.equal('invalid');
    expect(downloadLinks(app)).to.have.length(0);

    // A right value: again nothing until it is checked, then the files of the checked data.
    type(app, 'edit-item-achieved', '39');
    await app.updateComplete;
    expect(downloadLinks(app)).to.have.length(0);
    await recomputed(app);
    expect(app.outcome.status).to.equal('ok');
    expect(downloadLinks(app)).to.have.length.greaterThan(0);
  });
});

describe('authoring page: the files to save, once checked', () => {
  it('a right value: checking, then preparing the files, then the links; never "problems remain"', async () => {
    const app = await withTemplate();
    await editItem(app, 'policy-1');
    const states: string[] = [];
    const record = () => {
      const section = $(app, '#h-save').parentElement!;
      const now = section.querySelector('a[download]') ? 'links' : textOf(section.querySelector('p')!);
      if (states.at(-1) !== now) states.push(now);
    };
    const observer = new MutationObserver(record);
    observer.observe(app.shadowRoot!, { subtree: true, childList: true, characterData: true });
    type(app, 'edit-item-achieved', '38');
    await recomputed(app);
    record();
    observer.disconnect();
    expect(states).to.deep.equal(['確認しています…（終わると保存できます）', '保存するファイルを用意しています…', 'links']);
  });
});

/** Every state a file's status shows, in turn, as it shows it: its words, and whether its bar has a value. */
function watch(app: KdxAuthor, id: string): { states: string[]; stop: () => void } {
  const states: string[] = [];
  const record = () => {
    const status = app.shadowRoot!.querySelector(`#${id}`);
    if (!status) return;
    const bar = status.querySelector('progress');
    const now = `${textOf(status)}${bar ? (bar.hasAttribute('value') ? ' [bar]' : ' [indeterminate]') : ''}`;
    if (states.at(-1) !== now) states.push(now);
  };
  record();
  const observer = new MutationObserver(record);
  observer.observe(app.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
  return { states, stop: () => (record(), observer.disconnect()) };
}

describe('authoring page: progress while a large spreadsheet opens', () => {
  it('says each stage in turn (a bar of the bytes read, then an indeterminate one), until the preview is drawn', async () => {
    const app = await mount();
    await withPublished(app);
    // 5,000 items of a plan (made here: no such sheet exists), 20 under each of 250 policies.
    const rows = ['id,parent,kind,title_ja,total,achieved'];
    for (let p = 1; p <= 250; p++) {
      rows.push(`p-${p},,policy,方針${p},,`);
      for (let i = 1; i < 20; i++) rows.push(`p-${p}-${i},p-${p},initiative,取組${p}-${i},4,${i % 5}`);
    }
    const file = new File([rows.join('\n')], 'large.csv', { type: 'text/csv' });

    const seen = watch(app, 'sheet-status');
    await choose(app, 'sheet-file', file);
    await waitFor(() => app.sheetOpening.status === 'open', 'the sheet to open', 30000);
    await app.updateComplete;
    seen.stop();

    const stages = seen.states.map((s) => s.replace(/^large\.csv を読み込んでいます: /, ''));
    expect(stages.filter((s) => s.startsWith('ファイルを読み込み中'))).to.deep.equal(['ファイルを読み込み中 [bar]']);
    // The stages after reading: in order, each once, each without a value (how long each takes is not known).
    expect(stages.slice(stages.indexOf('ファイルを読み込み中 [bar]') + 1)).to.deep.equal([
      '表を読み取り中 [indeterminate]',
      '検証中 [indeterminate]',
      'プレビューを作成中 [indeterminate]',
      'large.csv（5,000 行、CSV UTF-8）',
    ]);
    // Once it says so, the preview is there.
    const preview = $(app, 'kdx-author-preview').shadowRoot!;
    expect(preview.querySelectorAll('kdx-progress').length).to.be.greaterThan(0);
    expect(preview.querySelector('kdx-plan-tree')!.shadowRoot!.querySelector('[role="tree"]')).to.be.ok;
  });
});

describe('authoring page: progress while the published bundle opens', () => {
  it('says reading (no value: the text of a file comes whole), checking and drawing, then what was opened', async () => {
    const app = await mount();
    const seen = watch(app, 'bundle-status');
    await choose(app, 'bundle-file', await fileFrom(SEED));
    await waitFor(() => app.bundleOpening.status === 'open', 'the bundle to open');
    await app.updateComplete;
    seen.stop();
    expect(seen.states.map((s) => s.replace(/^kanazawa\.json を読み込んでいます: /, ''))).to.deep.equal([
      'まだ開いていません',
      'ファイルを読み込み中 [indeterminate]',
      '検証中 [indeterminate]',
      'プレビューを作成中 [indeterminate]',
      'kanazawa.json（計画 2 件、項目 58 件）',
    ]);
    expect($(app, 'kdx-author-preview').shadowRoot!.querySelectorAll('kdx-progress').length).to.be.greaterThan(0);
  });
});
