/** The snippet builder (demo/builder.html) as web staff use it: the code it gives is the documented code. */
import { expect } from '@open-wc/testing';
import { WIDGETS } from '../../src/embed/fallback.js';
import { openBuilder, type Builder } from './builder-page.js';
import { served, shadowText, SNIPPETS, waitFor } from './snippets.js';

type AxeResults = { violations: { id: string; nodes: { target: string[] }[] }[] };

describe('snippet builder', () => {
  let b: Builder;

  before(async () => {
    b = await openBuilder();
  });
  after(() => b.frame.remove());

  it('starts on a plan with progress data, and shows its rate', async () => {
    expect(b.plan()).to.equal('administrative-management-plan');
    const preview = () => b.doc.querySelector('#preview kdx-progress');
    await waitFor(() => preview() && shadowText(preview()!).includes('87.1%'), 'the plan’s rate in the preview');
  });

  it('gives the documented snippets for policy-1', async () => {
    b.set('node', 'policy-1');
    expect(b.$<HTMLInputElement>('text').value).to.equal('行政組織の質を高める：達成率 97.4%');
    expect(b.code('code-data')).to.equal(served(SNIPPETS.dataKdx));
    expect(b.code('code-tag')).to.equal(served(SNIPPETS.tag));
    b.set('page', 'https://city.example/plan.html');
    b.set('text', '行政組織の質を高める（達成率）');
    expect(`<p>${b.code('code-link')}</p>`).to.equal(served(SNIPPETS.link));
    expect(b.code('code-url')).to.equal('https://city.example/plan.html#kdx=progress&src=/seeds/kanazawa.json&plan=administrative-management-plan&node=policy-1');
    b.set('text', '');
  });

  it('shows the real widget as a preview', async () => {
    // The builder rebuilds the preview on every change (and when dist/sri.json arrives): look at the current one.
    const preview = () => b.doc.querySelector('#preview kdx-progress');
    await waitFor(() => preview() && shadowText(preview()!).includes('97.4%'), 'the preview to show the rate');
  });

  it('offers the widgets of the fallback table, each with the options its attributes have', () => {
    const offered = [...b.doc.querySelectorAll<HTMLInputElement>('input[name="widget"]')].map((r) => r.value);
    expect(offered).to.deep.equal(Object.keys(WIDGETS).filter((w) => w !== 'plan'));
    for (const w of offered) {
      b.choose('widget', w);
      const shown = [...b.doc.querySelectorAll<HTMLElement>('#options [data-for]')].filter((f) => !f.hidden).map((f) => f.querySelector('[name]')!.getAttribute('name')!.slice(4));
      const own = WIDGETS[w as keyof typeof WIDGETS].attributes.filter((a) => !['src', 'plan', 'node', 'lang'].includes(a));
      expect(shown.sort(), w).to.deep.equal([...own].sort());
    }
    b.choose('widget', 'progress');
  });

  it('offers the plan overview under its name, for the whole plan, with its own heading level', () => {
    const radio = b.doc.querySelector<HTMLInputElement>('input[name="widget"][value="plan-overview"]')!;
    expect(radio.closest('label')!.textContent!.trim()).to.equal('計画の概要');
    b.choose('widget', 'plan-overview');
    // The overview is of a plan: no item in its code (its attributes have no node).
    expect(b.code('code-tag')).to.match(/^<kdx-plan-overview src="\/seeds\/kanazawa.json" plan="administrative-management-plan">/);
    expect(b.doc.querySelector('label[for="opt-heading-level"]')!.closest('.field')!.textContent).to.include('計画の概要は 2');
    b.set('opt-heading-level', '3');
    expect(b.code('code-tag')).to.include(' heading-level="3"');
    b.set('opt-heading-level', '');
    b.choose('widget', 'progress');
  });

  it('writes the options it offers, left out when left at the default', () => {
    b.choose('widget', 'chart');
    expect(b.code('code-tag')).not.to.include(' type=');
    const type = b.$<HTMLSelectElement>('opt-type');
    expect([...type.options].map((o) => o.value)).to.deep.equal(['', 'doughnut', 'line']);
    expect(type.options[0]!.textContent).to.equal('標準（bar）');
    type.value = 'doughnut';
    type.dispatchEvent(new b.win.Event('input', { bubbles: true }));
    expect(b.code('code-tag')).to.match(/^<kdx-chart src="\/seeds\/kanazawa.json" plan="administrative-management-plan" node="policy-1" type="doughnut">/);
    expect(b.code('code-data')).to.include('data-kdx="chart"').and.include('data-type="doughnut"');
    b.choose('widget', 'plan-tree');
    const depth = b.$<HTMLInputElement>('opt-expand-depth');
    expect(depth.type).to.equal('number');
    expect(depth.placeholder).to.equal('1');
    b.set('opt-expand-depth', '2');
    expect(b.code('code-tag')).to.include(' expand-depth="2"');
    // The option says where it does not apply.
    expect(b.$<HTMLInputElement>('opt-link-hash').closest('label, .field')!.textContent).to.include('iframe 形式では使いません');
    b.$<HTMLInputElement>('opt-link-hash').click();
    expect(b.code('code-tag')).to.include(' link-hash>');
    expect(b.code('code-data')).to.include(' data-link-hash="true"');
    // The iframe form leaves it out: in a frame it would rewrite the frame's own address, what the frame shows.
    const frameSrc = /\ssrc="([^"]*)"/.exec(b.code('code-iframe'))![1]!;
    expect(frameSrc).to.include('expand-depth=2').and.not.include('link-hash');
    b.choose('widget', 'progress');
  });

  it('writes the template script with the SRI hashes of dist/sri.json, or says how to get them', async () => {
    const res = await fetch('/dist/sri.json', { cache: 'no-store' });
    await waitFor(() => b.code('sri-note'), 'the SRI note');
    b.set('base', '/kdx/');
    if (res.ok) {
      const { files } = (await res.json()) as { files: Record<string, string> };
      await waitFor(() => b.code('code-script').includes('integrity'), 'the integrity hash');
      expect(b.code('code-script')).to.equal(`<script type="module" src="/kdx/kdx.js" integrity="${files['kdx.js']}" crossorigin="anonymous"></script>`);
      expect(b.code('code-classic')).to.include(files['kdx.iife.js']!).and.include(' defer>');
      // The chunks kdx.js loads later, pinned by an import map (parsed back, as the browser will).
      const map = b.code('code-import-map');
      expect(map).to.match(/^<script type="importmap">\{.*\}<\/script>$/);
      const { integrity } = JSON.parse(map.replace(/^<script type="importmap">|<\/script>$/g, '')) as { integrity: Record<string, string> };
      const chunks = Object.keys(files).filter((f) => f.startsWith('chunks/'));
      expect(chunks.length).to.be.greaterThan(3);
      expect(integrity).to.deep.equal(Object.fromEntries(chunks.map((f) => [`/kdx/${f}`, files[f]])));
      expect(b.$('import-map-block').hidden).to.equal(false);
    } else {
      expect(b.code('code-script')).to.equal(served(SNIPPETS.script));
      expect(b.code('sri-note')).to.include('npm run build');
    }
    b.set('base', '/dist/');
    expect(b.code('code-script')).to.match(/^<script type="module" src="\/dist\/kdx\.js"/);
  });

  it('announces copying in a live region', async () => {
    const live = b.$('live');
    expect(live.getAttribute('aria-live')).to.equal('polite');
    b.doc.querySelector<HTMLButtonElement>('button[data-copy="code-data"]')!.click();
    await waitFor(() => live.textContent, 'the copy feedback');
    // Either copied, or (clipboard denied in a headless browser) the code is selected for Ctrl+C.
    expect(live.textContent).to.match(/コピーしました|選択しました/);
  });

  it('switches to English and back', () => {
    b.$('lang-toggle').click();
    expect(b.doc.documentElement.lang).to.equal('en');
    expect(b.doc.querySelector('h1')!.textContent).to.equal('Build embed code');
    expect(b.doc.querySelector('label[for="bundle"]')!.textContent).to.equal('Plan data URL');
    expect(b.$('bundle-status').textContent).to.equal('Loaded 2 plan(s).');
    expect(b.doc.querySelector('label[for="opt-variant"]')!.textContent).to.equal('Shape (variant)');
    expect(b.doc.querySelector('#plan-choices input:checked')!.parentElement!.textContent).to.include('Kanazawa City Administrative Management Plan');
    b.$('lang-toggle').click();
    expect(b.doc.documentElement.lang).to.equal('ja');
    expect(b.doc.querySelector('h1')!.textContent).to.equal('埋め込みコードの作成');
  });

  it('writes the fallback text in the widget’s language, whatever language the builder shows', () => {
    b.set('node', 'policy-1');
    const ja = '行政組織の質を高める：達成率 97.4%';
    expect(b.$<HTMLInputElement>('text').value).to.equal(ja);
    b.$('lang-toggle').click();
    expect(b.$<HTMLInputElement>('text').value, 'builder in English, widget follows its (Japanese) page').to.equal(ja);
    expect(b.code('code-tag')).to.include(`>${ja}</kdx-progress>`);
    b.set('wlang', 'en');
    expect(b.$<HTMLInputElement>('text').value).to.equal('Raising the quality of the administrative organization: 97.4% achieved');
    b.$('lang-toggle').click();
    expect(b.$<HTMLInputElement>('text').value, 'builder back in Japanese, widget in English').to.equal('Raising the quality of the administrative organization: 97.4% achieved');
    expect(b.code('code-tag')).to.include(' lang="en"');
    b.set('wlang', '');
  });

  it('writes the link form only with a page the staff give, never pointing at the data', () => {
    b.set('page', '');
    expect(b.$('link-block').hidden).to.equal(true);
    expect(b.$('link-missing').hidden).to.equal(false);
    expect(b.$('link-missing').textContent).to.include('リンク先のページの URL');
    expect(b.code('code-url')).to.equal('');
    expect(b.doc.body.textContent).not.to.match(/href="[^"]*kanazawa\.json#kdx=/);
    b.set('page', '/plans/amp.html');
    expect(b.$('link-block').hidden).to.equal(false);
    expect(b.code('code-url')).to.match(/^\/plans\/amp\.html#kdx=progress&src=\/seeds\/kanazawa\.json/);
  });

  it('has no stray space between Japanese words, and no name on <code> (not allowed there)', () => {
    const wide = /[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/;
    const walker = b.doc.createTreeWalker(b.doc.querySelector('header')!, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const t = walker.currentNode.textContent!;
      for (const m of t.matchAll(/(.)\s+(.)/g)) expect(wide.test(m[1]!) && wide.test(m[2]!), `space in 「${m[0]}」`).to.equal(false);
    }
    expect(b.doc.querySelector('header p')!.textContent).to.include('入れ、本文には');
    for (const code of b.doc.querySelectorAll('code')) {
      expect(code.hasAttribute('aria-label') || code.hasAttribute('aria-labelledby'), code.id).to.equal(false);
    }
  });

  it('has no axe violations', async () => {
    const script = b.doc.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((r) => script.addEventListener('load', r));
    b.doc.head.append(script);
    await loaded;
    const axe = (b.win as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<AxeResults> } }).axe;
    // The preview widget is tested by its own suite; here: the builder's form, code and feedback.
    const results = await axe.run({ exclude: [['#preview'], ['#frame-preview']] }, { resultTypes: ['violations'] });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).to.deep.equal([]);
  });
});
