/**
 * Real editors, default configurations: the documented snippets go in as staff would put them (TinyMCE 8 and
 * 6.8: setContent, as from its source-code dialog; CKEditor 5 and 4: setData), what the editor saves is rendered in
 * a page whose template loads the kdx script, and the widgets must appear. The iframe form's page has no kdx
 * script: the frame must show its widget on its own. docs/embedding.md §4 reports what each editor keeps.
 */
import { expect } from '@open-wc/testing';
import 'tinymce';
import type { Editor as TinyEditor, TinyMCE } from 'tinymce';
import { FRAME_NOSCRIPT } from '../../src/i18n/frame.js';
import { hostPage, lookInto, type FrameLook } from './frames.js';
import { page, pageSettled, requireDist, served, shadowText, SNIPPETS, waitFor } from './snippets.js';

type CK = typeof import('ckeditor5');
// The browser build: one self-contained ES module (the npm entry pulls packages with CommonJS dependencies).
const loadCKEditor = () => import('/node_modules/ckeditor5/dist/browser/ckeditor5.js' as string) as Promise<CK>;

/** A page as the CMS renders it: the template's one script in <head>, the saved content in <body>. */
const template = (content: string) =>
  `<!doctype html><html lang="ja"><head><meta charset="utf-8"><script type="module" src="/src/autoload.ts"></script></head><body>${content}</body></html>`;

/**
 * Time for a group whose editor loads from scratch (its scripts, skin and language; in a page of its own for
 * TinyMCE 6 and CKEditor 4): on a busy machine that alone can take most of mocha's default 10 s.
 */
const EDITOR_LOADS = 20_000;

const ALL = [SNIPPETS.tag, SNIPPETS.script, SNIPPETS.dataKdx, SNIPPETS.link].map(served).join('\n');

async function tinymceRoundTrip(html: string, options: Record<string, unknown> = {}): Promise<string> {
  const tinymce = (window as unknown as { tinymce: TinyMCE }).tinymce;
  const target = document.createElement('textarea');
  document.body.append(target);
  // Default configuration; only where its files are and the open-source licence (and `options`, where a test says so).
  const [editor] = (await tinymce.init({ target, license_key: 'gpl', base_url: '/node_modules/tinymce', suffix: '.min', ...options })) as TinyEditor[];
  try {
    editor!.setContent(html);
    return editor!.getContent();
  } finally {
    editor!.remove();
    target.remove();
  }
}

async function ckeditorRoundTrip(html: string, { iframes = false } = {}): Promise<string> {
  const { ClassicEditor, Essentials, Paragraph, Heading, Bold, Italic, Link, List, Table, TableToolbar, BlockQuote, Autoformat, GeneralHtmlSupport } = await loadCKEditor();
  const host = document.createElement('div');
  document.body.append(host);
  // A typical classic setup without General HTML Support (with `iframes`: GHS allowing iframes and their
  // attributes, nothing else). v42+ needs a licence key; 'GPL' for open source.
  const editor = await ClassicEditor.create(host, {
    licenseKey: 'GPL',
    plugins: [Essentials, Paragraph, Heading, Bold, Italic, Link, List, Table, TableToolbar, BlockQuote, Autoformat, ...(iframes ? [GeneralHtmlSupport] : [])],
    ...(iframes ? { htmlSupport: { allow: [{ name: 'iframe', attributes: ['src', 'title', 'width', 'height', 'frameborder', 'loading'] }] } } : {}),
  });
  try {
    editor.setData(html);
    return editor.getData();
  } finally {
    await editor.destroy();
    host.remove();
  }
}

/**
 * CKEditor 4.22.1 (the last open-source release), standard configuration, on a page of its own: its global is
 * named CKEDITOR like CKEditor 5's browser build.
 */
async function ckeditor4RoundTrip(html: string, config: Record<string, unknown> = {}): Promise<string> {
  const { frame, win, doc } = await page('<!doctype html><html lang="ja"><head><meta charset="utf-8"><script src="/node_modules/ckeditor4/ckeditor.js"></script></head><body><textarea id="t"></textarea></body></html>');
  interface CK4 {
    on(event: string, cb: () => void): void;
    setData(html: string, options: { callback: () => void }): void;
    getData(): string;
    destroy(): void;
  }
  const CKEDITOR = (win as unknown as { CKEDITOR: { replace: (el: Element, config: object) => CK4 } }).CKEDITOR;
  try {
    // The standard configuration as shipped; only the check for newer (licensed) versions is off.
    const editor = CKEDITOR.replace(doc.getElementById('t')!, { versionCheck: false, ...config });
    await new Promise<void>((r) => editor.on('instanceReady', r));
    await new Promise<void>((r) => editor.setData(html, { callback: r }));
    const saved = editor.getData();
    editor.destroy();
    return saved;
  } finally {
    frame.remove();
  }
}

/**
 * TinyMCE 6.8 (the `tinymce6` alias of the tinymce package: the last major release before iframes were sandboxed by
 * default, still in many CMSs), default configuration, on a page of its own: its global is named tinymce like
 * TinyMCE 8's.
 */
async function tinymce6RoundTrip(html: string): Promise<{ saved: string; version: string }> {
  const { frame, win, doc } = await page('<!doctype html><html lang="ja"><head><meta charset="utf-8"><script src="/node_modules/tinymce6/tinymce.min.js"></script></head><body><textarea id="t"></textarea></body></html>');
  interface Tiny6 {
    majorVersion: string;
    minorVersion: string;
    init(options: object): Promise<{ setContent(html: string): void; getContent(): string; remove(): void }[]>;
  }
  const tinymce = (win as unknown as { tinymce: Tiny6 }).tinymce;
  try {
    // Default configuration; only where its files are (TinyMCE 6 is MIT-licensed: no licence key).
    const [editor] = await tinymce.init({ target: doc.getElementById('t'), base_url: `${location.origin}/node_modules/tinymce6`, suffix: '.min' });
    editor!.setContent(html);
    const saved = editor!.getContent();
    editor!.remove();
    return { saved, version: `${tinymce.majorVersion}.${tinymce.minorVersion}` };
  } finally {
    frame.remove();
  }
}

/**
 * The saved iframe on a page without the kdx script, in a 640 px column: what its frame (on another origin,
 * read through the browser) shows, and the iframe itself.
 */
async function renderFrame(saved: string, ready?: (look: FrameLook) => boolean) {
  const { frame: host, doc, frames } = await hostPage(`<div style="width: 640px">${saved}</div>`);
  expect(frames, 'one iframe in what the editor saved').to.have.length(1);
  const look = await lookInto('/dist/embed.html#kdx=progress', 'the widget in the saved iframe', ready);
  return { host, doc, iframe: frames[0]!, look };
}

async function render(saved: string) {
  const { doc, frame } = await page(template(saved));
  const widgets = await waitFor(() => pageSettled(doc), 'the widgets in the saved content to render');
  return { doc, frame, widgets };
}

/** What TinyMCE (8 and 6.8) saves of the forms for a page with the template script (ALL). */
function keepsDivAndLink(saved: string) {
  expect(saved).not.to.include('<kdx-');
  expect(saved).not.to.include('<script');
  expect(saved).to.include('data-kdx="progress"');
  expect(saved).to.include('data-node="policy-1"');
  expect(saved).to.include('#kdx=progress&amp;src=/seeds/kanazawa.json');
  // The tag's inner text survives as plain text: readers still get the figure.
  expect(saved).to.include('97.4%');
}

/** That saved content on a page with the template script: the div and the link, each a meter. */
async function divAndLinkBecomeWidgets(saved: string) {
  const { doc, frame, widgets } = await render(saved);
  expect(widgets.map((w) => w.localName)).to.deep.equal(['kdx-progress', 'kdx-progress']);
  for (const w of widgets) expect(shadowText(w)).to.include('97.4%');
  expect(doc.querySelector('[data-kdx], a[href*="#kdx="]')).to.equal(null);
  frame.remove();
}

/** The iframe snippet's opening tag as an editor saved it, its address (another origin: as written) and title kept. */
function savedIframe(saved: string): string {
  const iframe = /<iframe[^>]*>/.exec(saved)?.[0] ?? '';
  expect(iframe).to.include(`src="http://127.0.0.1:${location.port}/dist/embed.html#kdx=progress&amp;src=/seeds/kanazawa.json&amp;plan=administrative-management-plan&amp;node=policy-1"`);
  expect(iframe).to.include('title="行政組織の質を高める（進捗メーター）"');
  return iframe;
}

/**
 * A kept iframe, on a page without the kdx script (`renderFrame`): the frame shows the meter whole, in Japanese,
 * with no scrollbar inside at the snippet's height, and the iframe keeps the snippet's title.
 */
function showsMeter({ iframe, look }: { iframe: HTMLIFrameElement; look: FrameLook }) {
  expect(look.tag).to.equal('kdx-progress');
  expect(look.text).to.include('97.4%');
  expect(look.alert).to.equal(null);
  expect(look.lang).to.equal('ja');
  expect(iframe.title).to.equal('行政組織の質を高める（進捗メーター）');
  expect(iframe.height).to.equal('140');
  expect(look.scrolls).to.equal(false);
}

describe('TinyMCE 8 (default configuration)', () => {
  let saved: string;
  before(async () => {
    saved = await tinymceRoundTrip(ALL);
  });

  it('removes the custom tag and the script, keeps the data-kdx div and the link', () => keepsDivAndLink(saved));

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

  it('what it saved becomes widgets on a page with the template script', () => divAndLinkBecomeWidgets(saved));
});

describe('TinyMCE 8 (default configuration): the iframe form', () => {
  let saved: string;
  before(async () => {
    await requireDist();
    saved = await tinymceRoundTrip(served(SNIPPETS.iframe));
  });

  it('keeps the iframe with its address (another origin: as written), title and height, but sandboxes it', () => {
    const iframe = savedIframe(saved);
    expect(iframe).to.include('height="140"');
    expect(iframe).to.include('width="100%"');
    // TinyMCE 7+ sandboxes every iframe but those of a few video sites (`sandbox_iframes`): no script runs in it.
    expect(iframe).to.include('sandbox=""');
  });

  it('what it saved: on a page without the kdx script, the sandboxed frame says it needs its script removed from the sandbox', async () => {
    const { host, look } = await renderFrame(saved, (l) => l.page !== '');
    expect(look.tag).to.equal(null);
    expect(look.page).to.equal(`${FRAME_NOSCRIPT.ja} ${FRAME_NOSCRIPT.en}`);
    host.remove();
  });

  it('with the embed’s host in sandbox_iframes_exclusions (one line of configuration), it shows the widget whole, with no scrollbar inside', async () => {
    // The list replaces TinyMCE's own (video sites): a site keeps those it uses and adds the host of its embed.html.
    const configured = await tinymceRoundTrip(served(SNIPPETS.iframe), { sandbox_iframes_exclusions: ['youtube.com', '127.0.0.1'] });
    expect(configured).to.include('<iframe').and.not.include('sandbox');
    const shown = await renderFrame(configured);
    showsMeter(shown);
    shown.host.remove();
  });
});

describe('TinyMCE 6.8 (default configuration): every form', function () {
  this.timeout(EDITOR_LOADS);
  let saved: string;
  before(async () => {
    await requireDist();
    const out = await tinymce6RoundTrip([...ALL.split('\n'), served(SNIPPETS.iframe)].join('\n'));
    expect(out.version).to.match(/^6\.8\./);
    saved = out.saved;
  });

  it('removes the custom tag and the script, keeps the data-kdx div, the link and the iframe, without a sandbox', () => {
    keepsDivAndLink(saved);
    expect(savedIframe(saved)).not.to.include('sandbox');
  });

  it('what it saved becomes widgets on a page with the template script', () => divAndLinkBecomeWidgets(saved));

  it('what it saved, on a page without the kdx script: the iframe shows its widget, with no scrollbar inside', async () => {
    const shown = await renderFrame(saved);
    showsMeter(shown);
    // The other forms stay what they are without the script: text and a link a reader can still use.
    expect(shown.doc.body.innerText).to.include('行政組織の質を高める：達成率 97.4%').and.include('行政組織の質を高める（達成率）');
    shown.host.remove();
  });
});

describe('CKEditor 5 (no General HTML Support)', function () {
  this.timeout(EDITOR_LOADS);
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

  it('drops the iframe form', async () => {
    const out = await ckeditorRoundTrip(served(SNIPPETS.iframe));
    expect(out).not.to.include('<iframe');
    expect(out).not.to.include('embed.html');
  });

  it('with General HTML Support allowing iframes, keeps the iframe form, which shows its widget on a page without the kdx script', async () => {
    await requireDist();
    const out = await ckeditorRoundTrip(served(SNIPPETS.iframe), { iframes: true });
    expect(out).to.include('<iframe src=').and.not.include('sandbox');
    const shown = await renderFrame(out);
    showsMeter(shown);
    shown.host.remove();
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

describe('CKEditor 4.22 (standard configuration)', function () {
  this.timeout(EDITOR_LOADS);
  let saved: string;
  before(async () => {
    saved = await ckeditor4RoundTrip([...ALL.split('\n'), served(SNIPPETS.iframe)].join('\n'));
  });

  it('drops the custom tag, the script, data-* attributes and the iframe, keeps the link', () => {
    expect(saved).not.to.include('<kdx-');
    expect(saved).not.to.include('<script');
    expect(saved).not.to.include('data-kdx');
    expect(saved).not.to.include('<iframe');
    expect(saved).to.include('<a href="https://city.example/plan.html#kdx=progress&amp;src=/seeds/kanazawa.json&amp;plan=administrative-management-plan&amp;node=policy-1">');
    // The text inside the tag and the div survives as text: readers still get the figure.
    expect(saved).to.include('97.4%');
  });

  it('what it saved becomes a widget on a page with the template script', async () => {
    const { frame, widgets } = await render(saved);
    expect(widgets).to.have.length(1);
    expect(widgets[0]!.localName).to.equal('kdx-progress');
    expect(shadowText(widgets[0]!)).to.include('97.4%');
    frame.remove();
  });

  it('with its iframe plugin alone, keeps the iframe form but sandboxes it: the frame says so', async () => {
    await requireDist();
    const out = await ckeditor4RoundTrip(served(SNIPPETS.iframe), { extraPlugins: 'iframe' });
    expect(out).to.include('sandbox=""').and.include('embed.html#kdx=progress');
    const { host, look } = await renderFrame(out, (l) => l.page !== '');
    expect(look.page).to.equal(`${FRAME_NOSCRIPT.ja} ${FRAME_NOSCRIPT.en}`);
    host.remove();
  });

  it('with its iframe plugin and iframe_attributes without sandbox, the iframe form shows its widget on a page without the kdx script', async () => {
    await requireDist();
    const out = await ckeditor4RoundTrip(served(SNIPPETS.iframe), { extraPlugins: 'iframe', iframe_attributes: {} });
    expect(out).not.to.include('sandbox');
    const shown = await renderFrame(out);
    showsMeter(shown);
    shown.host.remove();
  });

  it('keeps a link relative to the site, with a boolean attribute, as staff type it in the link dialog', async () => {
    const out = await ckeditor4RoundTrip('<p>達成率：<a href="/plans/amp.html#kdx=progress&amp;src=/seeds/kanazawa.json&amp;plan=administrative-management-plan&amp;node=policy-2&amp;breakdown">84.4%</a></p>');
    expect(out).to.include('href="/plans/amp.html#kdx=progress&amp;src=/seeds/kanazawa.json&amp;plan=administrative-management-plan&amp;node=policy-2&amp;breakdown"');
    const { frame, widgets } = await render(out);
    expect(widgets[0]!.hasAttribute('breakdown')).to.equal(true);
    expect(shadowText(widgets[0]!)).to.include('84.4%');
    frame.remove();
  });
});
