/**
 * Real editors, default configurations: the documented snippets go in as staff would put them (TinyMCE:
 * setContent, as from its source-code dialog; CKEditor 5: setData), what the editor saves is rendered in a page
 * whose template loads the kdx script, and the widgets must appear.
 */
import { expect } from '@open-wc/testing';
import 'tinymce';
import type { Editor as TinyEditor, TinyMCE } from 'tinymce';
import { page, pageSettled, served, shadowText, SNIPPETS, waitFor } from './snippets.js';

type CK = typeof import('ckeditor5');
// The browser build: one self-contained ES module (the npm entry pulls packages with CommonJS dependencies).
const loadCKEditor = () => import('/node_modules/ckeditor5/dist/browser/ckeditor5.js' as string) as Promise<CK>;

/** A page as the CMS renders it: the template's one script in <head>, the saved content in <body>. */
const template = (content: string) =>
  `<!doctype html><html lang="ja"><head><meta charset="utf-8"><script type="module" src="/src/autoload.ts"></script></head><body>${content}</body></html>`;

const ALL = [SNIPPETS.tag, SNIPPETS.script, SNIPPETS.dataKdx, SNIPPETS.link].map(served).join('\n');

async function tinymceRoundTrip(html: string): Promise<string> {
  const tinymce = (window as unknown as { tinymce: TinyMCE }).tinymce;
  const target = document.createElement('textarea');
  document.body.append(target);
  // Default configuration; only where its files are and the open-source licence.
  const [editor] = (await tinymce.init({ target, license_key: 'gpl', base_url: '/node_modules/tinymce', suffix: '.min' })) as TinyEditor[];
  try {
    editor!.setContent(html);
    return editor!.getContent();
  } finally {
    editor!.remove();
    target.remove();
  }
}

async function ckeditorRoundTrip(html: string): Promise<string> {
  const { ClassicEditor, Essentials, Paragraph, Heading, Bold, Italic, Link, List, Table, TableToolbar, BlockQuote, Autoformat } = await loadCKEditor();
  const host = document.createElement('div');
  document.body.append(host);
  // A typical classic setup without General HTML Support. v42+ needs a licence key; 'GPL' for open source.
  const editor = await ClassicEditor.create(host, {
    licenseKey: 'GPL',
    plugins: [Essentials, Paragraph, Heading, Bold, Italic, Link, List, Table, TableToolbar, BlockQuote, Autoformat],
  });
  try {
    editor.setData(html);
    return editor.getData();
  } finally {
    await editor.destroy();
    host.remove();
  }
}

async function render(saved: string) {
  const { doc, frame } = await page(template(saved));
  const widgets = await waitFor(() => pageSettled(doc), 'the widgets in the saved content to render');
  return { doc, frame, widgets };
}

describe('TinyMCE (default configuration)', () => {
  let saved: string;
  before(async () => {
    saved = await tinymceRoundTrip(ALL);
  });

  it('removes the custom tag and the script, keeps the data-kdx div and the link', () => {
    expect(saved).not.to.include('<kdx-');
    expect(saved).not.to.include('<script');
    expect(saved).to.include('data-kdx="progress"');
    expect(saved).to.include('data-node="policy-1"');
    expect(saved).to.include('#kdx=progress&amp;src=/seeds/kanazawa.json');
    // The tag's inner text survives as plain text: readers still get the figure.
    expect(saved).to.include('97.4%');
  });

  it('keeps a data-kdx="plan" container with widgets inside', async () => {
    const plan = await tinymceRoundTrip(served(SNIPPETS.dataPlan));
    expect(plan.match(/data-kdx="/g)).to.have.length(3);
    const { doc } = await render(plan);
    const [outer] = doc.querySelectorAll('kdx-plan');
    expect(outer).to.exist;
    const rates = [...outer!.querySelectorAll('kdx-progress')].map((el) => shadowText(el));
    expect(rates).to.have.length(2);
    expect(rates[0]).to.include('84.4%');
    expect(rates[1]).to.include('80.0%');
  });

  it('what it saved becomes widgets on a page with the template script', async () => {
    const { doc, frame, widgets } = await render(saved);
    expect(widgets.map((w) => w.localName)).to.deep.equal(['kdx-progress', 'kdx-progress']);
    for (const w of widgets) expect(shadowText(w)).to.include('97.4%');
    expect(doc.querySelector('[data-kdx], a[href*="#kdx="]')).to.equal(null);
    frame.remove();
  });
});

describe('CKEditor 5 (no General HTML Support)', () => {
  let saved: string;
  before(async () => {
    saved = await ckeditorRoundTrip(ALL);
  });

  it('drops the custom tag, the script and data-* attributes, keeps the link', () => {
    expect(saved).not.to.include('<kdx-');
    expect(saved).not.to.include('<script');
    expect(saved).not.to.include('data-kdx');
    expect(saved).to.include('<a href="https://city.example/plan.html#kdx=progress&amp;src=/seeds/kanazawa.json&amp;plan=administrative-management-plan&amp;node=policy-1">');
  });

  it('what it saved becomes a widget on a page with the template script', async () => {
    const { frame, widgets } = await render(saved);
    expect(widgets).to.have.length(1);
    expect(shadowText(widgets[0]!)).to.include('97.4%');
    frame.remove();
  });

  it('keeps a link whose page is relative to the site, as staff type it in the link dialog', async () => {
    const out = await ckeditorRoundTrip('<p>達成率：<a href="/plans/amp.html#kdx=progress&amp;src=/seeds/kanazawa.json&amp;plan=administrative-management-plan&amp;node=policy-3&amp;variant=inline">80.0%</a></p>');
    expect(out).to.include('href="/plans/amp.html#kdx=progress&amp;src=/seeds/kanazawa.json&amp;plan=administrative-management-plan&amp;node=policy-3&amp;variant=inline"');
    const { frame, widgets } = await render(out);
    expect(widgets[0]!.getAttribute('variant')).to.equal('inline');
    expect(shadowText(widgets[0]!)).to.include('80.0%');
    frame.remove();
  });

  it('is left alone by the upgrader while it edits a page that loads kdx', async () => {
    await import('../../src/kdx.js');
    const { ClassicEditor, Essentials, Paragraph, Link } = await loadCKEditor();
    const host = document.createElement('div');
    document.body.append(host);
    const editor = await ClassicEditor.create(host, { licenseKey: 'GPL', plugins: [Essentials, Paragraph, Link] });
    try {
      editor.setData(served(SNIPPETS.link));
      await new Promise((r) => setTimeout(r, 100));
      const editable = editor.ui.getEditableElement()!;
      expect(editable.querySelector('a[href*="#kdx="]')).to.exist;
      expect(editable.querySelector('kdx-progress')).to.equal(null);
      expect(editor.getData()).to.include('#kdx=progress');
    } finally {
      await editor.destroy();
      host.remove();
    }
  });
});
