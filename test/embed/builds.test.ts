/**
 * The built files as pages load them (needs `npm run build`): the classic script and the module on one page,
 * the library twice and in two versions, charts from the classic script, and fallbacks with two copies running.
 * Each scenario is a page of its own (an iframe), as a site would be.
 */
import { expect } from '@open-wc/testing';
import { define } from '../../src/define.js';
import { allSettled, chartsDrawn, page, requireDist, served, shadowText, SNIPPETS, waitFor } from './snippets.js';

interface Probe {
  warnings: string[];
  errors: string[];
}

/** Records console warnings and uncaught errors from the first moment of the page. */
const PROBE = `<script>
  window.probe = { warnings: [], errors: [] };
  const warn = console.warn.bind(console);
  console.warn = (...a) => { window.probe.warnings.push(a.map(String).join(' ')); warn(...a); };
  addEventListener('error', (e) => window.probe.errors.push(String(e.message)));
  addEventListener('unhandledrejection', (e) => window.probe.errors.push(String(e.reason)));
</script>`;

const SRC = '/seeds/kanazawa.json';
const PLAN = 'administrative-management-plan';
const WIDGETS = `
  <kdx-progress src="${SRC}" plan="${PLAN}" node="policy-1"></kdx-progress>
  <kdx-chart src="${SRC}" plan="${PLAN}" type="doughnut"></kdx-chart>
  ${served(SNIPPETS.dataKdx)}
  ${served(SNIPPETS.link)}`;

/** The hashed file name of a chunk in dist/chunks/, read from the build's integrity list. */
async function builtName(name: string): Promise<string> {
  const sri = (await (await fetch('/dist/sri.json')).json()) as { files: Record<string, string> };
  const files = Object.keys(sri.files).filter((f) => new RegExp(`^chunks/${name}-[\\w-]+\\.js$`).test(f));
  expect(files, `one chunks/${name}-*.js`).to.have.length(1);
  return files[0]!.slice('chunks/'.length);
}

async function scenario(head: string, body = WIDGETS) {
  const opened = await page(`<!doctype html><html lang="ja"><head><meta charset="utf-8">${PROBE}${head}</head><body>${body}</body></html>`);
  const probe = (opened.win as unknown as { probe: Probe }).probe;
  return { ...opened, probe };
}

const chunkRequests = (win: Window) =>
  win.performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .filter((p) => /\/chunks\/chart-runtime-[\w-]+\.js$/.test(p));


describe('built files on a page', () => {
  before(requireDist);

  it('classic script and module together: every tag defined once, fallbacks upgraded once, no warning', async () => {
    const { doc, win, probe, frame } = await scenario(
      `<script src="/dist/kdx.iife.js"></script><script type="module" src="/dist/kdx.js"></script>`,
    );
    const widgets = await waitFor(() => allSettled(doc), 'the widgets');
    await chartsDrawn(doc);
    expect(widgets.map((w) => w.localName)).to.deep.equal(['kdx-progress', 'kdx-chart', 'kdx-progress', 'kdx-progress']);
    for (const w of [widgets[0]!, widgets[2]!, widgets[3]!]) expect(shadowText(w)).to.include('97.4%');
    // The classic script ran first (during parsing), so its classes are the registered ones.
    const kdx = (win as unknown as { kdx: { KdxProgress: unknown; upgrade: unknown } }).kdx;
    expect(win.customElements.get('kdx-progress')).to.equal(kdx.KdxProgress);
    expect(typeof kdx.upgrade).to.equal('function');
    expect(doc.querySelectorAll('[data-kdx], a[href*="#kdx="]')).to.have.length(0);
    expect(probe.warnings.filter((w) => w.includes('[kdx]'))).to.deep.equal([]);
    expect(probe.errors).to.deep.equal([]);
    expect(chunkRequests(win)).to.have.length(1);
    frame.remove();
  });

  it('the classic script loads chart.js lazily, from next to itself', async () => {
    const { doc, win, probe, frame } = await scenario(
      `<script src="/__kdx/embed/v/0.0.0-elsewhere/kdx.iife.js" defer></script>`,
      `<kdx-progress src="${SRC}" plan="${PLAN}"></kdx-progress>`,
    );
    await waitFor(() => allSettled(doc), 'the progress widget');
    expect(chunkRequests(win), 'no chart, no chart.js').to.deep.equal([]);
    expect(requested(win, 'classic-shapes'), 'no report shapes in the data, not their code').to.deep.equal([]);
    doc.body.insertAdjacentHTML('beforeend', `<kdx-chart src="${SRC}" plan="${PLAN}"></kdx-chart>`);
    await chartsDrawn(doc);
    expect(chunkRequests(win)).to.have.length(1);
    expect(chunkRequests(win)[0]).to.match(/^\/__kdx\/embed\/v\/0\.0\.0-elsewhere\/chunks\/chart-runtime-/);
    expect(probe.errors).to.deep.equal([]);
    frame.remove();
  });

  // The classic script carries neither the English messages nor the Japanese detail of problems nor the shapes'
  // English words: it imports the ES build's chunks from next to itself, as it does chart.js.
  const requested = (win: Window, name: string) =>
    win.performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => new RegExp(`/chunks/${name}-[\\w-]+\\.js$`).test(p));

  it('the classic script loads the English messages, the report shapes and their English words from next to itself', async () => {
    const { doc, win, probe, frame } = await scenario(
      `<script src="/__kdx/embed/v/0.0.0-elsewhere/kdx.iife.js" defer></script>`,
      `<kdx-progress lang="ja" src="${SRC}" plan="${PLAN}"></kdx-progress>
       <div lang="en"><kdx-progress src="${SRC}" plan="${PLAN}"></kdx-progress>
       <kdx-progress src="/seeds/examples/grades.json"></kdx-progress></div>
       <kdx-progress lang="ja" src="/seeds/examples/grades.json"></kdx-progress>`,
    );
    const [ja, en, graded, gradedJa] = await waitFor(() => allSettled(doc), 'the widgets');
    const meter = (el: Element) => el.shadowRoot!.querySelector('[role="meter"]')!;
    expect(meter(ja!).getAttribute('aria-valuetext')).to.equal('124項目中108項目達成（87.1%）');
    expect(meter(en!).getAttribute('aria-valuetext')).to.match(/^108 of 124 items achieved \(87\.1%\)$/);
    expect(en!.shadowRoot!.querySelector('[part="base"]')!.closest('[lang]')!.getAttribute('lang')).to.equal('en');
    await waitFor(() => graded!.shadowRoot!.querySelector('caption')?.textContent === 'Evaluation: breakdown', 'the grades in English');
    expect(requested(win, 'en')).to.deep.equal([`/__kdx/embed/v/0.0.0-elsewhere/chunks/${(await builtName('en'))}`]);
    expect(requested(win, 'shapes-en')).to.have.length(1);
    expect(requested(win, 'shapes-en')[0]).to.match(/^\/__kdx\/embed\/v\/0\.0\.0-elsewhere\/chunks\//);
    // The shapes' code: not in the classic script, one chunk for both languages.
    await waitFor(() => gradedJa!.shadowRoot!.querySelector('caption')?.textContent === '評価の内訳', 'the grades in Japanese');
    expect(requested(win, 'classic-shapes')).to.have.length(1);
    expect(requested(win, 'classic-shapes')[0]).to.match(/^\/__kdx\/embed\/v\/0\.0\.0-elsewhere\/chunks\//);
    expect(requested(win, 'core'), 'no second copy of the library').to.deep.equal([]);
    expect(requested(win, 'ja-detail'), 'no problem, no detail').to.deep.equal([]);
    expect(probe.errors).to.deep.equal([]);
    frame.remove();
  });

  it('the classic script words a problem with the detail chunk from next to itself, and by its code without it', async () => {
    const body = `<kdx-progress src="${SRC}" plan="nope"></kdx-progress>`;
    const detail = (el: Element) => el.shadowRoot!.querySelector('[role="alert"] details p')?.textContent ?? '';
    const first = await scenario(`<script src="/__kdx/embed/v/0.0.0-elsewhere/kdx.iife.js" defer></script>`, body);
    const [worded] = await waitFor(() => allSettled(first.doc), 'the progress meter');
    await waitFor(() => detail(worded!) !== '' && detail(worded!) !== '読み込み中…', 'the detail');
    expect(detail(worded!)).to.include('nope').and.not.match(/^plan-not-found/);
    expect(requested(first.win, 'ja-detail')).to.have.length(1);
    expect(requested(first.win, 'ja-detail')[0]).to.match(/^\/__kdx\/embed\/v\/0\.0\.0-elsewhere\/chunks\//);
    expect(first.probe.errors).to.deep.equal([]);
    first.frame.remove();
    // dist/ published without that chunk: the reader's sentence, the problem by its code for staff.
    const second = await scenario(`<script src="/__kdx/embed/no-detail/kdx.iife.js" defer></script>`, body);
    const [coded] = await waitFor(() => allSettled(second.doc), 'the progress meter');
    await waitFor(() => /^plan-not-found \{"id":"nope"/.test(detail(coded!)), 'the problem by its code');
    expect(coded!.shadowRoot!.querySelector('[role="alert"] p:not(.title)')!.textContent).to.equal('このページの設定に誤りがあるため、この内容は表示できません。');
    expect(second.probe.errors).to.deep.equal([]);
    second.frame.remove();
  });

  it('the classic script without its chunk of the report shapes: the rest of the widget, not a placeholder for ever', async () => {
    const { doc, probe, frame } = await scenario(
      `<script src="/__kdx/embed/no-shapes/kdx.iife.js" defer></script>`,
      `<kdx-progress src="/seeds/examples/grades.json"></kdx-progress>`,
    );
    const [graded] = await waitFor(() => allSettled(doc), 'the progress meter');
    // 40 items, S 4 + A 24 achieved: the plan's rate, without the table of grades.
    expect(graded!.shadowRoot!.querySelector('[role="meter"]')!.getAttribute('aria-valuenow')).to.equal('70');
    // (Booleans: chai would print a whole element of another window on a failure.)
    expect(!!graded!.shadowRoot!.querySelector('table'), 'a table of grades').to.equal(false);
    expect(!!graded!.shadowRoot!.querySelector('[role="alert"]'), 'an error').to.equal(false);
    expect(probe.errors).to.deep.equal([]);
    frame.remove();
  });

  it('the classic script without the English chunk: Japanese, marked lang="ja", not a placeholder for ever', async () => {
    const { doc, probe, frame } = await scenario(
      `<script src="/__kdx/embed/no-en/kdx.iife.js" defer></script>`,
      `<div lang="en"><kdx-progress src="${SRC}" plan="${PLAN}"></kdx-progress></div>`,
    );
    const [progress] = await waitFor(() => allSettled(doc), 'the progress meter');
    expect(progress!.shadowRoot!.querySelector('[role="meter"]')!.getAttribute('aria-valuetext')).to.equal('124項目中108項目達成（87.1%）');
    expect(progress!.shadowRoot!.querySelector('[part="base"]')!.closest('[lang]')!.getAttribute('lang')).to.equal('ja');
    expect(probe.errors).to.deep.equal([]);
    frame.remove();
  });

  it('the same version twice: silent', async () => {
    const { doc, probe, frame } = await scenario(
      `<script src="/dist/kdx.iife.js"></script><script src="/dist/kdx.iife.js"></script><script type="module" src="/dist/kdx.js"></script>`,
    );
    await waitFor(() => allSettled(doc), 'the widgets');
    expect(probe.warnings.filter((w) => w.includes('[kdx]'))).to.deep.equal([]);
    expect(probe.errors).to.deep.equal([]);
    frame.remove();
  });

  it('two versions: the first wins, one warning per tag naming both, nothing throws', async () => {
    const { version } = (await (await fetch('/package.json')).json()) as { version: string };
    const { doc, win, probe, frame } = await scenario(
      `<script src="/dist/kdx.iife.js"></script>
       <script src="/__kdx/embed/v/9.9.9/kdx.iife.js"></script>
       <script src="/__kdx/embed/v/9.9.9/kdx.iife.js"></script>
       <script type="module" src="/__kdx/embed/v/9.9.9/kdx.js"></script>`,
    );
    const widgets = await waitFor(() => allSettled(doc), 'the widgets');
    await chartsDrawn(doc);
    expect(shadowText(widgets[0]!)).to.include('97.4%');
    const warnings = probe.warnings.filter((w) => w.includes('[kdx]'));
    const tags = ['kdx-plan', 'kdx-progress', 'kdx-initiative-card', 'kdx-plan-tree', 'kdx-chart', 'kdx-plan-overview'];
    expect(warnings).to.have.length(tags.length);
    for (const [i, tag] of tags.entries()) {
      expect(warnings[i]).to.include(`<${tag}>`).and.include(version).and.include('9.9.9');
    }
    expect(probe.errors).to.deep.equal([]);
    expect((win.customElements.get('kdx-progress') as unknown as { kdxVersion: string }).kdxVersion).to.equal(version);
    frame.remove();
  });
});

describe('define()', () => {
  it('two classes with different versions for one tag: one warning, no throw', () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...a: unknown[]) => warnings.push(a);
    try {
      class A extends HTMLElement {
        static kdxVersion = '1.0.0';
      }
      class B extends HTMLElement {
        static kdxVersion = '2.0.0';
      }
      const tag = `kdx-define-test-${Math.random().toString(36).slice(2)}`;
      define(tag, A);
      expect(() => define(tag, B)).not.to.throw();
      expect(() => define(tag, B)).not.to.throw();
      expect(customElements.get(tag)).to.equal(A);
      expect(warnings).to.have.length(1);
      expect(String(warnings[0]![0])).to.include('1.0.0').and.include('2.0.0');
    } finally {
      console.warn = original;
    }
  });
});

describe('the built stylesheets and templates', () => {
  before(requireDist);

  // The page builds minify Lit's css literals (scripts/minify-css.ts) and html templates (scripts/minify-html.ts)
  // and run terser: the widgets must look the same as from the sources. Every element in every shadow root, every
  // computed property, its text as rendered and its box, in each theme.
  it('style and lay out every widget exactly as the sources do, in every theme', async function () {
    this.timeout(60000); // two builds × two themes × every computed property, text and box of 11 widgets: ≈ 4 s idle (7 widgets), more on a loaded machine
    const body = (theme: string) => `
      <kdx-plan-overview theme="${theme}" src="${SRC}" plan="${PLAN}"></kdx-plan-overview>
      <kdx-plan-overview theme="${theme}" src="/seeds/examples/revisions.json"></kdx-plan-overview>
      <kdx-progress theme="${theme}" src="/seeds/examples/grades.json"></kdx-progress>
      <kdx-initiative-card theme="${theme}" src="/seeds/examples/indicators.json" node="1-1"></kdx-initiative-card>
      <kdx-progress theme="${theme}" src="${SRC}" plan="${PLAN}" node="policy-3" breakdown></kdx-progress>
      <kdx-progress theme="${theme}" src="${SRC}" plan="${PLAN}" node="policy-2" variant="ring"></kdx-progress>
      <p>本文 <kdx-progress theme="${theme}" src="${SRC}" plan="${PLAN}" node="policy-1" variant="inline"></kdx-progress></p>
      <kdx-initiative-card theme="${theme}" src="${SRC}" plan="${PLAN}" node="R6-19"></kdx-initiative-card>
      <kdx-initiative-card theme="${theme}" src="/seeds/minimal.json" node="A-1"></kdx-initiative-card>
      <kdx-plan-tree theme="${theme}" src="${SRC}" plan="${PLAN}"></kdx-plan-tree>
      <kdx-progress theme="${theme}" src="/seeds/broken.json"></kdx-progress>`;
    const styles = async (script: string, theme: string) => {
      const { doc, win, frame } = await page(`<!doctype html><html lang="ja"><head><meta charset="utf-8">${script}</head><body>${body(theme)}</body></html>`);
      const widgets = await waitFor(() => allSettled(doc, 'kdx-progress, kdx-initiative-card, kdx-plan-tree, kdx-plan-overview'), 'the widgets');
      // A problem's detail is worded once its catalogue (a chunk of its own) is here: compare the worded boxes.
      await waitFor(() => !widgets.some((w) => w.shadowRoot!.querySelector('[role="alert"] details p')?.textContent === '読み込み中…'), 'the problems worded');
      // The tree's estimate for blocks off screen (`--_row-height`) follows its rows a frame after they are laid out
      // (ResizeObserver, then a frame): compare the boxes once it has.
      const tree = widgets.find((w) => w.localName === 'kdx-plan-tree')!.shadowRoot!.querySelector<HTMLElement>('.tree')!;
      await waitFor(() => tree.style.getPropertyValue('--_row-height') !== '', 'the tree measured');
      // Element → property → value. Custom properties hold their text as written (`#fff` for `#ffffff`): what
      // they mean shows in the properties that use them.
      const out = new Map<string, Map<string, string>>();
      widgets.forEach((w, i) => {
        [w, ...w.shadowRoot!.querySelectorAll('*')].forEach((el, j) => {
          const cs = win.getComputedStyle(el);
          const props = new Map([...cs].filter((p) => !p.startsWith('--')).map((p) => [p, cs.getPropertyValue(p)]));
          // The templates lose their layout white space: the text as rendered and every box must stay.
          if (el instanceof win.HTMLElement) props.set(':text', el.innerText);
          const r = el.getBoundingClientRect();
          props.set(':box', [r.x, r.y, r.width, r.height].map((n) => n.toFixed(1)).join(' '));
          out.set(`${i} ${w.localName} ${j} ${el.localName}.${el.getAttribute('class') ?? ''}`, props);
        });
      });
      frame.remove();
      return out;
    };
    for (const theme of ['light', 'dark']) {
      const built = await styles('<script type="module" src="/dist/kdx.js"></script>', theme);
      const source = await styles('<script type="module" src="/src/kdx.ts"></script>', theme);
      expect(built.size).to.be.above(50);
      expect([...built.keys()]).to.deep.equal([...source.keys()]);
      const differ: string[] = [];
      for (const [el, props] of source) {
        for (const [p, v] of props) if (built.get(el)!.get(p) !== v) differ.push(`${theme} ${el} ${p}: ${built.get(el)!.get(p)} (built) ≠ ${v} (source)`);
      }
      expect(differ.slice(0, 10)).to.deep.equal([]);
    }
  });
});
