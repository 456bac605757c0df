/**
 * The iframe form (src/embed/embed.html, built as dist/embed.html): the widget its address names on a
 * transparent page, problems in place, and only bundles from its own origin or from the origins its deployer
 * lists (a refused one is never requested). The height protocol: test/embed/frame-height.test.ts.
 */
import { expect } from '@open-wc/testing';
import { fallbackHref, WIDGETS, type WidgetName } from '../../src/embed/fallback.js';
import { FRAME_NOSCRIPT } from '../../src/i18n/frame.js';
import { detailOf, frameShows, OTHER, openFrame, readerOf, SOURCE } from './frames.js';
import { shadowText, waitFor } from './snippets.js';

const AMP = 'administrative-management-plan';
const KANAZAWA = '/seeds/kanazawa.json';
const hits = async (path: string) => ((await (await fetch(`/__kdx/hits?path=${encodeURIComponent(path)}`)).json()) as { hits: number }).hits;
const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2)}`;
interface Probe {
  console: { level: string; text: string }[];
}
/** The alert's text as a reader meets it (its paragraphs apart). */
const alertOf = (el: Element) => el.shadowRoot?.querySelector<HTMLElement>('[role="alert"]')?.innerText.replace(/\s+/g, ' ').trim() ?? null;

/** The frame's address as the builder writes it (the link form's fragment on embed.html). */
const address = (widget: WidgetName, attributes: Record<string, string>, page = SOURCE) => fallbackHref(page, { widget, attributes });

describe('embed.html: the widget its address names', () => {
  // One case per widget of the table, with an attribute of its own: the page knows them all from it.
  const cases: Record<Exclude<WidgetName, 'plan'>, { attributes: Record<string, string>; check: (el: Element) => void }> = {
    progress: {
      attributes: { src: KANAZAWA, plan: AMP, node: 'policy-1', variant: 'ring', breakdown: '' },
      check: (el) => {
        expect(el.getAttribute('variant')).to.equal('ring');
        expect(el.hasAttribute('breakdown')).to.equal(true);
        expect(shadowText(el)).to.include('97.4%');
      },
    },
    'initiative-card': {
      attributes: { src: KANAZAWA, plan: AMP, node: 'R7-1', 'heading-level': '2' },
      check: (el) => expect(el.shadowRoot!.querySelector('h2')).to.exist,
    },
    'plan-tree': {
      attributes: { src: KANAZAWA, plan: AMP, 'expand-depth': '0' },
      check: (el) => {
        expect(el.shadowRoot!.querySelector('[role="tree"]')).to.exist;
        expect(el.shadowRoot!.querySelector('[role="treeitem"][aria-expanded="true"]')).to.equal(null);
      },
    },
    chart: {
      attributes: { src: KANAZAWA, plan: AMP, type: 'doughnut' },
      check: (el) => {
        expect(el.getAttribute('type')).to.equal('doughnut');
        expect(el.shadowRoot!.querySelector('canvas, table')).to.exist;
      },
    },
    'plan-overview': {
      attributes: { src: KANAZAWA, plan: AMP, 'heading-level': '3' },
      check: (el) => {
        expect(el.shadowRoot!.querySelector('h3')!.textContent).to.equal('金沢市行政経営プラン');
        expect(shadowText(el)).to.include('87.1%');
      },
    },
  };

  it('knows every widget of the fallback table but the container', () => {
    expect(Object.keys(cases).sort()).to.deep.equal(Object.keys(WIDGETS).filter((w) => w !== 'plan').sort());
  });

  for (const [widget, { attributes, check }] of Object.entries(cases)) {
    it(`${widget}, with its attributes`, async () => {
      const { frame, shown } = await openFrame(address(widget as WidgetName, attributes));
      expect(shown.localName).to.equal(WIDGETS[widget as WidgetName].tag);
      expect(alertOf(shown)).to.equal(null);
      check(shown);
      frame.remove();
    });
  }

  it('has no axe violation (WCAG 2.x A and AA rules: a part of its host page, with no landmarks or heading of its own)', async () => {
    type Axe = { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string }[] }> };
    const pages = [
      ...Object.entries(cases).map(([widget, { attributes }]) => [widget, address(widget as WidgetName, attributes, '/src/embed/__variant.html?axe=1')]),
      ['a problem of the frame', '/src/embed/__variant.html?axe=1#kdx=banana'],
    ];
    for (const [widget, url] of pages) {
      const { frame } = await openFrame(url!);
      const axe = (frame.contentWindow as unknown as { axe: Axe }).axe;
      const results = await axe.run(frame.contentDocument, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'], resultTypes: ['violations'] });
      expect(results.violations.map((v) => v.id), widget).to.deep.equal([]);
      frame.remove();
    }
  });

  it('in the language and theme the address gives, on a transparent page', async () => {
    const { frame, doc, shown } = await openFrame(address('progress', { src: KANAZAWA, plan: AMP, node: 'policy-1', lang: 'en', theme: 'dark' }));
    expect(doc.documentElement.lang).to.equal('en');
    expect(shadowText(shown)).to.match(/97\.4%/).and.match(/achieved/i);
    expect(shown.getAttribute('theme')).to.equal('dark');
    for (const el of [doc.documentElement, doc.body]) expect(getComputedStyle(el).backgroundColor, el.localName).to.equal('rgba(0, 0, 0, 0)');
    frame.remove();
  });

  it('in Japanese when the address gives no language', async () => {
    const { frame, doc, shown } = await openFrame(address('progress', { src: KANAZAWA, plan: AMP, node: 'policy-1' }));
    expect(doc.documentElement.lang).to.equal('ja');
    expect(shadowText(shown)).to.include('39項目中38項目達成');
    frame.remove();
  });

  it('leaves link-hash out, with a warning for staff: the frame’s address is what it shows, a row clicked keeps it', async () => {
    const url = address('plan-tree', { src: KANAZAWA, plan: AMP, 'expand-depth': '1', 'link-hash': '' }, '/src/embed/__variant.html?probe=1');
    const { frame, shown } = await openFrame(url);
    const hash = frame.contentWindow!.location.hash;
    expect(hash).to.include('link-hash');
    expect(shown.hasAttribute('link-hash')).to.equal(false);
    const said = (frame.contentWindow as unknown as { kdxProbe: Probe }).kdxProbe.console;
    expect(said.find((c) => c.level === 'warn')?.text).to.include('link-hash').and.include('the frame’s address');
    const row = shown.shadowRoot!.querySelector<HTMLElement>('[role="treeitem"][data-id="policy-1"]')!;
    row.click();
    await waitFor(() => row.getAttribute('aria-selected') === 'true', 'the row selected');
    expect(frame.contentWindow!.location.hash).to.equal(hash);
    // Reloaded (as a reader does), the frame still shows the tree.
    const reloaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    frame.contentWindow!.location.reload();
    await reloaded;
    const tree = await waitFor(() => frameShows(frame), 'the reloaded frame');
    expect(tree.localName).to.equal('kdx-plan-tree');
    expect(tree.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    frame.remove();
  });

  it('follows a change of its address', async () => {
    const { frame } = await openFrame(address('progress', { src: KANAZAWA, plan: AMP, node: 'policy-1' }));
    frame.contentWindow!.location.hash = address('progress', { src: KANAZAWA, plan: AMP, node: 'policy-3' }).split('#')[1]!;
    await waitFor(() => shadowText(frame.contentDocument!.querySelector('kdx-progress')!).includes('80.0%'), 'policy-3');
    frame.remove();
  });
});

describe('embed.html: problems in place', () => {
  it('a data error, as the widget shows it on any page', async () => {
    const { frame, shown } = await openFrame(address('progress', { src: KANAZAWA, plan: AMP, node: 'no-such-item' }));
    expect(alertOf(shown)).to.include('このページの設定に誤りがあるため、この内容は表示できません。');
    // The detail's wording is a chunk of its own, loaded with the problem.
    await waitFor(() => detailOf(shown)?.includes('項目「no-such-item」は計画「administrative-management-plan」にありません'), 'the detail worded');
    // The ids offered are items of the plan (the seed's first ones), not the plan's own id.
    const offered = detailOf(shown)!.split('例:')[1]!.trim().split('、');
    expect(offered).not.to.include(AMP);
    expect(offered[0]).to.equal('policy-1');
    frame.remove();
  });

  it('a missing file', async () => {
    const { frame, shown } = await openFrame(address('progress', { src: '/__kdx/status?code=404' }));
    expect(alertOf(shown)).to.include('データに問題があるため、この内容は表示できません。');
    await waitFor(() => detailOf(shown)?.includes('HTTP 404'), 'the detail worded');
    frame.remove();
  });

  // The frame's own problems, as a widget shows its setup errors: the plain sentence for the reader; what is
  // wrong (the widget list, the value given) and how to fix it for staff, in the closed disclosure.
  const SETUP = ['表示できません', 'このページの設定に誤りがあるため、この内容は表示できません。'];
  const problems: [string, string, RegExp][] = [
    ['no widget named', '', /^この埋め込みには、表示するウィジェットの指定がありません。 アドレスを embed\.html#kdx=progress&src=…/],
    ['an unknown widget', '#kdx=banana&src=/seeds/kanazawa.json', /^「banana」というウィジェットはありません。使えるもの: progress、initiative-card、plan-tree、chart、plan-overview。 #kdx= の後に/],
    ['the container, which shows nothing', '#kdx=plan&src=/seeds/kanazawa.json', /^「plan」というウィジェットはありません/],
    ['no src', '#kdx=progress&node=policy-1', /^データの URL（src）がないか、使えない値です。 src に http\(s\) の URL か相対 URL/],
    ['a src that is not http(s)', '#kdx=progress&src=javascript:alert(1)', /^データの URL（src）がないか、使えない値です（javascript:alert\(1\)）。/],
  ];
  for (const [what, hash, detail] of problems) {
    it(`${what}: a plain sentence with role="alert", the detail for staff in the disclosure`, async () => {
      const { frame, shown } = await openFrame(`${SOURCE}${hash}`);
      expect(readerOf(shown)).to.deep.equal(SETUP);
      const box = shown.shadowRoot!.querySelector('[role="alert"]')!;
      expect(box.getAttribute('lang')).to.equal('ja');
      const details = box.querySelector('details')!;
      expect(details.open).to.equal(false);
      expect(details.querySelector('summary')!.textContent).to.equal('サイト管理者向けの詳細');
      expect(detailOf(shown)).to.match(detail);
      // Closed, the disclosure shows its summary only: nothing of the detail reaches the reader.
      expect(alertOf(shown)).to.equal(`${SETUP.join(' ')} サイト管理者向けの詳細`);
      frame.remove();
    });
  }

  it('in the language of the address', async () => {
    const { frame, shown } = await openFrame(`${SOURCE}#kdx=banana&lang=en`);
    expect(readerOf(shown)).to.deep.equal(['Cannot show this', 'This cannot be shown because of an error in the setup of this page.']);
    expect(alertOf(shown)).to.equal('Cannot show this This cannot be shown because of an error in the setup of this page. Details for site staff');
    expect(detailOf(shown)).to.equal('There is no widget “banana”. Widgets: progress, initiative-card, plan-tree, chart, plan-overview. Write a widget name after #kdx=.');
    frame.remove();
  });

  it('the detail also in the console, for staff', async () => {
    const { frame, shown } = await openFrame('/src/embed/__variant.html?probe=1#kdx=banana');
    const said = (frame.contentWindow as unknown as { kdxProbe: Probe }).kdxProbe.console;
    expect(said.filter((c) => c.level === 'error').map((c) => c.text.trim())).to.deep.equal([`[kdx] embed.html unknown-widget: ${detailOf(shown)}`]);
    frame.remove();
  });
});

describe('embed.html where no script may run (an iframe with sandbox, as editors write it)', () => {
  it('says so, in both languages, as src/i18n/frame.ts words it', async () => {
    const frame = document.createElement('iframe');
    // No scripts, but the same origin, so that the test can read the page.
    frame.setAttribute('sandbox', 'allow-same-origin');
    frame.title = 'kdx';
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    frame.src = address('progress', { src: KANAZAWA, plan: AMP, node: 'policy-1' });
    document.body.append(frame);
    await loaded;
    const doc = frame.contentDocument!;
    expect(doc.body.innerText.replace(/\s+/g, ' ').trim()).to.equal(`${FRAME_NOSCRIPT.ja} ${FRAME_NOSCRIPT.en}`);
    expect(doc.querySelector('kdx-progress')).to.equal(null);
    frame.remove();
  });
});

describe('embed.html: only bundles its deployer allows', () => {
  it('refuses a bundle on another origin, in place, without requesting it', async () => {
    const path = `/seeds/kanazawa.json?refused=${unique()}`;
    for (const src of [`${OTHER}${path}`, `//127.0.0.1:${location.port}${path}`]) {
      const { frame, shown } = await openFrame(address('progress', { src, plan: AMP, node: 'policy-1' }));
      // The reader is not shown the origin (someone else's address under the city's name); staff are.
      expect(readerOf(shown)).to.deep.equal(['表示できません', 'このページの設定に誤りがあるため、この内容は表示できません。']);
      expect(alertOf(shown)).not.to.include('127.0.0.1');
      expect(detailOf(shown)).to.include(`${OTHER} のデータは、この埋め込みでは表示できません`).and.include(`${OTHER}${path} は読み込んでいません`);
      frame.remove();
    }
    expect(await hits(path)).to.equal(0);
  });

  it('refuses a redirect from its own origin to another (the page’s CSP stops it), without requesting it', async () => {
    const path = `/__kdx/seed?name=kanazawa&cors=1&redirected=${unique()}`;
    const { frame, shown } = await openFrame(address('progress', { src: `/__kdx/redirect?to=${encodeURIComponent(`${OTHER}${path}`)}`, plan: AMP, node: 'policy-1' }));
    expect(alertOf(shown)).to.include('データを読み込めませんでした');
    expect(await hits(path)).to.equal(0);
    frame.remove();
  });

  it('loads a bundle from an origin its <meta name="kdx-allowed-origins"> lists', async () => {
    const src = `${OTHER}/__kdx/seed?name=kanazawa&cors=1&allowed=${unique()}`;
    const page = `/src/embed/__variant.html?allow=${encodeURIComponent(`https://data.example.jp ${OTHER}`)}`;
    const { frame, shown } = await openFrame(address('progress', { src, plan: AMP, node: 'policy-1' }, page));
    expect(alertOf(shown)).to.equal(null);
    expect(shadowText(shown)).to.include('97.4%');
    frame.remove();
  });

  it('ignores entries of that list that are not origins (a path, a wildcard, a bare host), with a warning', async () => {
    const path = `/seeds/kanazawa.json?not-listed=${unique()}`;
    const page = `/src/embed/__variant.html?probe=1&allow=${encodeURIComponent(`${OTHER}/seeds/ * 127.0.0.1`)}`;
    const { frame, shown } = await openFrame(address('progress', { src: `${OTHER}${path}` }, page));
    expect(detailOf(shown)).to.include(`${OTHER} のデータは、この埋め込みでは表示できません`);
    expect(await hits(path)).to.equal(0);
    const said = (frame.contentWindow as unknown as { kdxProbe: Probe }).kdxProbe.console;
    expect(said.find((c) => c.level === 'warn')?.text).to.include(`ignored ${OTHER}/seeds/ * 127.0.0.1 in <meta name="kdx-allowed-origins">: not an origin`);
    // For staff: what was refused, that nothing was requested, and where to allow it.
    expect(said.find((c) => c.level === 'error')?.text).to.include(`${OTHER}${path} は読み込んでいません`).and.include('<meta name="kdx-allowed-origins"> に');
    frame.remove();
  });
});
