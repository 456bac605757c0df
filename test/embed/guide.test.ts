/** docs/embedding.md gives staff the snippets these tests put through the editors and the upgrader, verbatim. */
import { expect } from '@open-wc/testing';
import { SNIPPETS } from './snippets.js';

describe('embedding guide', () => {
  it('contains every tested snippet verbatim', async () => {
    const guide = await (await fetch('/docs/embedding.md')).text();
    for (const [name, snippet] of Object.entries(SNIPPETS)) expect(guide, name).to.include(snippet);
  });

  it('is linked from the README', async () => {
    const readme = await (await fetch('/README.md')).text();
    expect(readme).to.include('docs/embedding.md');
  });
});
