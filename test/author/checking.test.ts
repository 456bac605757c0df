/**
 * What the page shows while it works: nothing to download from the moment a value is typed until it has been
 * checked (the check waits for typing to pause), and the stages of opening a large spreadsheet as they come.
 */
import { expect } from '@open-wc/testing';
import { $, downloadLinks, editItem, recomputed, textOf, type, withTemplate } from './helpers.js';

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
