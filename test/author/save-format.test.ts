/**
 * The saved JSON keeps the published file's own layout, so that a version-control diff shows only what changed:
 * nothing edited, the file byte for byte (seeds/kanazawa.json is written by hand, its short objects on one line);
 * one count edited, that one line.
 */
import { expect } from '@open-wc/testing';
import { $, AMP, changedLines, choose, download, editItem, fileFrom, mount, recomputed, savedText, SEED, selectValue, settle, textOf, type } from './helpers.js';

const bytesOf = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());

describe('authoring page: the saved JSON in the published file\'s layout', () => {
  it('the Kanazawa bundle opened and nothing edited: saved byte for byte as seeds/kanazawa.json, for either plan', async () => {
    const app = await mount();
    await choose(app, 'bundle-file', await fileFrom(SEED));
    expect(app.outcome.status).to.equal('ok');
    const published = await bytesOf(SEED);
    expect((await download(app, 'json')).bytes).to.deep.equal(published);
    selectValue(app, 'plan', AMP);
    await settle(app);
    expect((await download(app, 'json')).bytes).to.deep.equal(published);
    expect(textOf($(app, '#h-diff ~ p'))).to.equal('違いはありません（kanazawa.json と kanazawa.json）。');
  });

  it('one count edited: one line changes, in the file\'s own layout', async () => {
    const app = await mount();
    await choose(app, 'bundle-file', await fileFrom(SEED));
    selectValue(app, 'plan', AMP);
    await settle(app);
    await editItem(app, 'policy-1');
    type(app, 'edit-item-achieved', '37');
    await recomputed(app);
    const published = new TextDecoder().decode(await bytesOf(SEED));
    expect(changedLines(published, await savedText(app))).to.deep.equal({
      removed: ['"progress": { "total": 39, "achieved": 38 }'],
      added: ['"progress": { "total": 39, "achieved": 37 }'],
    });
  });

  it('the template into the management plan: the DX plan and everything around the items stay as published', async () => {
    const app = await mount();
    await choose(app, 'bundle-file', await fileFrom(SEED));
    selectValue(app, 'plan', AMP);
    await settle(app);
    await choose(app, 'sheet-file', await fileFrom('/docs/kdx-template.csv'));
    const published = new TextDecoder().decode(await bytesOf(SEED));
    const saved = await savedText(app);
    const nodesAt = (text: string) => text.lastIndexOf('      "nodes": [');
    // Up to the management plan's items, the file as published.
    expect(saved.slice(0, nodesAt(saved))).to.equal(published.slice(0, nodesAt(published)));
    expect(saved.endsWith('\n      ]\n    }\n  ]\n}\n')).to.equal(true);
  });
});
