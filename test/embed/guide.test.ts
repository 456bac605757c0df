/** docs/embedding.md gives staff the snippets these tests put through the editors and the upgrader, verbatim. */
import { expect } from '@open-wc/testing';
import { openBuilder } from './builder-page.js';
import { open, SNIPPETS, waitFor } from './snippets.js';

describe('embedding guide', () => {
  it('contains every tested snippet verbatim', async () => {
    const guide = await (await fetch('/docs/embedding.md')).text();
    for (const [name, snippet] of Object.entries(SNIPPETS)) expect(guide, name).to.include(snippet);
  });

  it('is linked from the README', async () => {
    const readme = await (await fetch('/README.md')).text();
    expect(readme).to.include('docs/embedding.md');
  });

  it('opens from the builder’s 埋め込みガイド link as a page: HTML, UTF-8, its contents linked to its headings', async () => {
    const b = await openBuilder();
    const link = b.doc.querySelector<HTMLAnchorElement>('a#guide-link')!;
    expect(link.textContent).to.equal('埋め込みガイド');
    b.frame.remove();
    const { doc, frame } = await open(link.href);
    await waitFor(() => !doc.getElementById('guide')!.hasAttribute('aria-busy'), 'the guide to render');
    expect(doc.characterSet).to.equal('UTF-8');
    expect(doc.querySelector('h1')!.textContent).to.equal('埋め込みガイド / Embedding guide');
    expect(doc.title).to.equal('埋め込みガイド / Embedding guide — kdx widgets');
    // Rendered, not shown as Markdown source.
    const shown = doc.querySelector('main')!.textContent!;
    expect(/^## |\|---\|/m.test(shown), 'Markdown source on the page').to.equal(false);
    expect(doc.querySelectorAll('main table').length).to.be.greaterThan(3);
    expect(doc.querySelector('main pre code')!.textContent).to.include('<script type="module"');
    // Every link of the table of contents lands on a heading.
    const toc = [...doc.querySelectorAll<HTMLAnchorElement>('main ol a[href^="#"]')];
    expect(toc.length).to.be.greaterThan(8);
    for (const a of toc) expect(doc.getElementById(decodeURIComponent(a.hash.slice(1))), a.hash).to.exist;
    // The README's links into the guide land on headings too.
    const readmeText = await (await fetch('/README.md')).text();
    const anchors = [...readmeText.matchAll(/\(docs\/embedding\.md#([^)]+)\)/g)].map((m) => m[1]!);
    expect(anchors.length).to.be.greaterThan(1);
    for (const id of anchors) expect(doc.getElementById(id), `README → guide #${id}`).to.exist;
    // Japanese wrapped across source lines reads without stray spaces.
    expect(shown.includes('タグ、またはエディタが消さない'), 'a stray space in 「タグ、または エディタ」').to.equal(true);
    // Links to the other documents stay in the page.
    const readme = [...doc.querySelectorAll<HTMLAnchorElement>('main a')].find((a) => a.textContent === 'README の表');
    expect(decodeURIComponent(readme!.getAttribute('href')!)).to.equal('?doc=readme#embed--埋め込み');
    frame.remove();
    const other = await open(readme!.href);
    await waitFor(() => !other.doc.getElementById('guide')!.hasAttribute('aria-busy'), 'the README to render');
    expect(other.doc.getElementById('embed--埋め込み')?.textContent).to.equal('Embed / 埋め込み');
    other.frame.remove();
  });
});
