/** The snippet builder (demo/builder.html) as web staff use it: the code it gives is the documented code. */
import { expect } from '@open-wc/testing';
import { open, served, shadowText, SNIPPETS, waitFor } from './snippets.js';

type AxeResults = { violations: { id: string; nodes: { target: string[] }[] }[] };

describe('snippet builder', () => {
  let doc: Document;
  let win: Window & typeof globalThis;
  let frame: HTMLIFrameElement;
  const code = (id: string) => doc.getElementById(id)!.textContent;
  const set = (id: string, value: string) => {
    const el = doc.getElementById(id) as HTMLInputElement;
    el.value = value;
    el.dispatchEvent(new win.Event('input', { bubbles: true }));
  };

  before(async () => {
    ({ doc, win, frame } = await open('/demo/builder.html'));
    await waitFor(() => (doc.getElementById('plan') as HTMLSelectElement | null)?.options.length, 'the plans to load');
  });
  after(() => frame.remove());

  it('gives the documented snippets for policy-1', async () => {
    (doc.getElementById('plan') as HTMLSelectElement).value = 'administrative-management-plan';
    doc.getElementById('plan')!.dispatchEvent(new win.Event('input', { bubbles: true }));
    set('node', 'policy-1');
    expect((doc.getElementById('text') as HTMLInputElement).value).to.equal('行政組織の質を高める：達成率 97.4%');
    expect(code('code-data')).to.equal(served(SNIPPETS.dataKdx));
    expect(code('code-tag')).to.equal(served(SNIPPETS.tag));
    set('page', 'https://city.example/plan.html');
    set('text', '行政組織の質を高める（達成率）');
    expect(`<p>${code('code-link')}</p>`).to.equal(served(SNIPPETS.link));
    expect(code('code-url')).to.equal('https://city.example/plan.html#kdx=progress&src=/seeds/kanazawa.json&plan=administrative-management-plan&node=policy-1');
  });

  it('shows the real widget as a preview', async () => {
    // The builder rebuilds the preview on every change (and when dist/sri.json arrives): look at the current one.
    const preview = () => doc.querySelector('#preview kdx-progress');
    await waitFor(() => preview() && shadowText(preview()!).includes('97.4%'), 'the preview to show the rate');
  });

  it('offers only the options of the chosen widget, and writes them', () => {
    (doc.querySelector('input[name="widget"][value="chart"]') as HTMLInputElement).click();
    expect((doc.getElementById('type')!.closest('.field') as HTMLElement).hidden).to.equal(false);
    expect((doc.getElementById('variant')!.closest('.field') as HTMLElement).hidden).to.equal(true);
    (doc.getElementById('type') as HTMLSelectElement).value = 'doughnut';
    doc.getElementById('type')!.dispatchEvent(new win.Event('input', { bubbles: true }));
    expect(code('code-tag')).to.match(/^<kdx-chart src="\/seeds\/kanazawa.json" plan="administrative-management-plan" node="policy-1" type="doughnut">/);
    expect(code('code-data')).to.include('data-kdx="chart"').and.include('data-type="doughnut"');
  });

  it('writes the template script with the SRI hashes of dist/sri.json, or says how to get them', async () => {
    const res = await fetch('/dist/sri.json', { cache: 'no-store' });
    await waitFor(() => code('sri-note'), 'the SRI note');
    if (res.ok) {
      const { files } = (await res.json()) as { files: Record<string, string> };
      await waitFor(() => code('code-script')!.includes('integrity'), 'the integrity hash');
      expect(code('code-script')).to.equal(`<script type="module" src="/kdx/kdx.js" integrity="${files['kdx.js']}" crossorigin="anonymous"></script>`);
      expect(code('code-classic')).to.include(files['kdx.iife.js']!).and.include(' defer>');
      // The chunks kdx.js loads later, pinned by an import map (parsed back, as the browser will).
      const map = code('code-import-map')!;
      expect(map).to.match(/^<script type="importmap">\{.*\}<\/script>$/);
      const { integrity } = JSON.parse(map.replace(/^<script type="importmap">|<\/script>$/g, '')) as { integrity: Record<string, string> };
      const chunks = Object.keys(files).filter((f) => f.startsWith('chunks/'));
      expect(chunks.length).to.be.greaterThan(3);
      expect(integrity).to.deep.equal(Object.fromEntries(chunks.map((f) => [`/kdx/${f}`, files[f]])));
      expect((doc.getElementById('import-map-block') as HTMLElement).hidden).to.equal(false);
    } else {
      expect(code('code-script')).to.equal('<script type="module" src="/kdx/kdx.js"></script>');
      expect(code('sri-note')).to.include('npm run build');
    }
  });

  it('announces copying in a live region', async () => {
    const live = doc.getElementById('live')!;
    expect(live.getAttribute('aria-live')).to.equal('polite');
    (doc.querySelector('button[data-copy="code-data"]') as HTMLButtonElement).click();
    await waitFor(() => live.textContent, 'the copy feedback');
    // Either copied, or (clipboard denied in a headless browser) the code is selected for Ctrl+C.
    expect(live.textContent).to.match(/コピーしました|選択しました/);
  });

  it('switches to English and back', () => {
    doc.getElementById('lang-toggle')!.click();
    expect(doc.documentElement.lang).to.equal('en');
    expect(doc.querySelector('h1')!.textContent).to.equal('Build embed code');
    expect(doc.querySelector('label[for="bundle"]')!.textContent).to.equal('Plan data URL');
    expect(doc.getElementById('bundle-status')!.textContent).to.equal('Loaded 2 plan(s).');
    doc.getElementById('lang-toggle')!.click();
    expect(doc.documentElement.lang).to.equal('ja');
    expect(doc.querySelector('h1')!.textContent).to.equal('埋め込みコードの作成');
  });

  it('has no axe violations', async () => {
    const script = doc.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((r) => script.addEventListener('load', r));
    doc.head.append(script);
    await loaded;
    const axe = (win as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<AxeResults> } }).axe;
    // The preview widget is tested by its own suite; here: the builder's form, code and feedback.
    const results = await axe.run({ exclude: [['#preview']] }, { resultTypes: ['violations'] });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).to.deep.equal([]);
  });
});
