/**
 * dist/kdx.js, the page script, defines each tag when the page first shows it and loads only the code of the
 * widgets on the page (src/autoload.ts). Real pages in iframes, the built files from the test server. Needs
 * `npm run build`.
 */
import { expect } from '@open-wc/testing';
import { allSettled, page, requireDist, served, shadowText, SNIPPETS, waitFor } from './snippets.js';

const SRC = '/seeds/kanazawa.json';
const PLAN = 'administrative-management-plan';
const SCRIPT = '<script type="module" src="/dist/kdx.js"></script>';

const html = (body: string, head = SCRIPT) => `<!doctype html><html lang="ja"><head><meta charset="utf-8">${PROBE}${head}</head><body>${body}</body></html>`;

/** Console errors and warnings, and uncaught errors, from the first moment of the page. */
const PROBE = `<script>
  window.probe = { logged: [], errors: [] };
  for (const level of ['error', 'warn']) {
    const original = console[level].bind(console);
    console[level] = (...a) => { window.probe.logged.push(a.map(String).join(' ')); original(...a); };
  }
  addEventListener('error', (e) => window.probe.errors.push(String(e.message)));
  addEventListener('unhandledrejection', (e) => window.probe.errors.push(String(e.reason)));
</script>`;
type Probe = { logged: string[]; errors: string[] };
const probeOf = (win: Window) => (win as unknown as { probe: Probe }).probe;

/** The chunks a page fetched, by name without the hash: `core`, `progress`, `plan-tree`… */
const chunks = (win: Window) =>
  win.performance
    .getEntriesByType('resource')
    .map((e) => /\/chunks\/([a-z-]+?)-[\w-]{8}\.js$/.exec(new URL(e.name).pathname)?.[1])
    .filter((n): n is string => !!n)
    .sort();

type KdxModule = { discover(root?: ParentNode): Promise<void>; upgrade(root?: ParentNode): Promise<Element[]> };
/** The page's own instance of dist/kdx.js (the same module the script tag loaded). */
const kdxOf = (win: Window) => (win as unknown as { eval(s: string): Promise<KdxModule> }).eval(`import('/dist/kdx.js')`);

describe('dist/kdx.js loads what the page shows', function () {
  this.timeout(20_000);
  before(requireDist);

  it('a page without widgets loads kdx.js and nothing else', async () => {
    const { frame, win } = await page(html('<p>お知らせ</p>'));
    await new Promise((r) => setTimeout(r, 300));
    const scripts = win.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
    expect(scripts).to.deep.equal(['/dist/kdx.js']);
    expect(win.customElements.get('kdx-progress')).to.equal(undefined);
    frame.remove();
  });

  it('a page with one <kdx-progress> loads the core and the progress meter only', async () => {
    const { frame, doc, win } = await page(html(`<kdx-progress src="${SRC}" plan="${PLAN}"></kdx-progress>`));
    const [progress] = await waitFor(() => allSettled(doc), 'the progress meter');
    expect(shadowText(progress!)).to.include('87.1%');
    expect(chunks(win)).to.deep.equal(['core', 'progress']);
    expect(win.customElements.get('kdx-plan-tree')).to.equal(undefined);
    expect(probeOf(win).logged).to.deep.equal([]);
    frame.remove();
  });

  it('asks for the core alongside the widget\'s chunk, not once that chunk has arrived', async () => {
    const { frame, doc, win } = await page(html(`<kdx-progress src="${SRC}" plan="${PLAN}"></kdx-progress>`));
    await waitFor(() => allSettled(doc), 'the progress meter');
    const timing = (name: string) =>
      win.performance.getEntriesByType('resource').find((e) => new RegExp(`/chunks/${name}-[\\w-]{8}\\.js$`).test(e.name)) as PerformanceResourceTiming;
    // Without the autoloader's own request the browser would learn of the core from the meter's chunk only.
    expect(timing('core').startTime).to.be.below(timing('progress').responseEnd);
    frame.remove();
  });

  it('widgets added later by a script are defined when they appear; the core is not fetched twice', async () => {
    const { frame, doc, win } = await page(html(`<kdx-progress src="${SRC}" plan="${PLAN}"></kdx-progress>`));
    await waitFor(() => allSettled(doc), 'the progress meter');
    const box = doc.createElement('div');
    box.innerHTML = `<kdx-plan src="${SRC}" plan="${PLAN}"><kdx-initiative-card node="R7-1"></kdx-initiative-card></kdx-plan>`; // fixed test markup
    doc.body.append(box);
    const card = await waitFor(() => allSettled(box, 'kdx-initiative-card')?.[0], 'the card');
    expect(shadowText(card)).to.include('R7-1');
    expect(chunks(win)).to.deep.equal(['core', 'initiative-card', 'plan', 'progress']);
    expect(probeOf(win).errors).to.deep.equal([]);
    frame.remove();
  });

  it('fallback markup loads the upgrader, which turns it into widgets; without it the upgrader stays away', async () => {
    const { frame, doc, win } = await page(html(`${served(SNIPPETS.dataKdx)}${served(SNIPPETS.link)}`));
    const widgets = await waitFor(() => allSettled(doc), 'the upgraded widgets');
    expect(widgets.map((w) => w.localName)).to.deep.equal(['kdx-progress', 'kdx-progress']);
    for (const w of widgets) expect(shadowText(w)).to.include('97.4%');
    expect(chunks(win)).to.deep.equal(['core', 'progress', 'upgrade']);
    // Fallbacks added later are upgraded too (by the upgrader's own observer, now running).
    doc.body.insertAdjacentHTML('beforeend', served(SNIPPETS.dataKdx).replace('policy-1', 'policy-3'));
    await waitFor(() => doc.querySelectorAll('kdx-progress').length === 3 && allSettled(doc), 'the later fallback');
    expect(shadowText(doc.querySelectorAll('kdx-progress')[2]!)).to.include('80.0%');
    frame.remove();
  });

  it('a widget in a shadow root of the page is defined by discover(root), which the page observer cannot do', async () => {
    const { frame, doc, win } = await page(html('<div id="host"></div>'));
    const root = doc.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = `<kdx-plan-tree src="${SRC}" plan="${PLAN}" expand-depth="1"></kdx-plan-tree>`; // fixed test markup
    await new Promise((r) => setTimeout(r, 200));
    expect(win.customElements.get('kdx-plan-tree'), 'not seen inside a shadow root').to.equal(undefined);
    const kdx = await kdxOf(win);
    await kdx.discover(root);
    expect(win.customElements.get('kdx-plan-tree')).to.exist;
    const tree = await waitFor(() => allSettled(root, 'kdx-plan-tree')?.[0], 'the tree');
    expect(tree.shadowRoot!.querySelector('[role="tree"]')).to.exist;
    // upgrade(root) does the same for fallback markup, and resolves with the widgets, defined.
    root.innerHTML += served(SNIPPETS.dataKdx);
    const created = await kdx.upgrade(root);
    expect(created.map((w) => w.localName)).to.deep.equal(['kdx-progress']);
    expect(win.customElements.get('kdx-progress')).to.exist;
    frame.remove();
  });

  it('chunks that were not published: an error in the console names what and what to fix; nothing throws', async () => {
    const body = `<kdx-progress src="${SRC}">達成率 97.4%</kdx-progress>${served(SNIPPETS.dataKdx)}<constructor></constructor><tostring></tostring>`;
    const { frame, doc, win } = await page(html(body, '<script type="module" src="/__kdx/embed/no-chunks/kdx.js"></script>'));
    const probe = probeOf(win);
    await waitFor(() => probe.logged.length >= 2, 'the console errors');
    expect(probe.logged.find((l) => l.includes('<kdx-progress>'))).to.include('chunks/');
    expect(probe.logged.find((l) => l.includes('data-kdx'))).to.include('chunks/');
    // The readers keep the text written for them inside the tags.
    expect(doc.querySelector('kdx-progress')!.textContent).to.equal('達成率 97.4%');
    await new Promise((r) => setTimeout(r, 200));
    expect(probe.errors, 'no uncaught error or unhandled rejection').to.deep.equal([]);
    frame.remove();
  });

  it('English messages that cannot be loaded: the widget shows Japanese (with lang="ja"), not a placeholder for ever', async () => {
    const { frame, doc, win } = await page(
      html(`<div lang="en"><kdx-progress src="${SRC}" plan="${PLAN}"></kdx-progress></div>`, '<script type="module" src="/__kdx/embed/no-en/kdx.js"></script>'),
    );
    const [progress] = await waitFor(() => allSettled(doc), 'the progress meter');
    const meter = progress!.shadowRoot!.querySelector('[role="meter"]')!;
    expect(meter.getAttribute('aria-valuetext')).to.equal('124項目中108項目達成（87.1%）');
    expect(progress!.shadowRoot!.querySelector('[part="base"]')!.closest('[lang]')?.getAttribute('lang')).to.equal('ja');
    expect(probeOf(win).logged.some((l) => l.includes('English messages'))).to.equal(true);
    expect(probeOf(win).errors).to.deep.equal([]);
    frame.remove();
  });

  it("the detail of problems that cannot be loaded: the reader's sentence still, the problem announced by its code", async () => {
    const { frame, doc, win } = await page(
      html(`<kdx-progress src="${SRC}" plan="nope"></kdx-progress>`, '<script type="module" src="/__kdx/embed/no-detail/kdx.js"></script>'),
    );
    const [progress] = await waitFor(() => allSettled(doc), 'the progress meter');
    // Announced (logged with the kdx-error event's message) once the chunk has failed.
    const announced = await waitFor(() => probeOf(win).logged.find((l) => l.startsWith('[kdx] <kdx-progress> plan-not-found:')), 'the problem announced');
    const box = progress!.shadowRoot!.querySelector<HTMLElement>('[role="alert"]')!;
    expect(box.querySelector('p:not(.title)')!.textContent).to.equal('このページの設定に誤りがあるため、この内容は表示できません。');
    // For staff: the problem's code and parameters, in the box's disclosure and the event.
    expect(box.querySelector('details p')!.textContent).to.match(/^plan-not-found \{"id":"nope"/);
    expect(announced).to.match(/^\[kdx\] <kdx-progress> plan-not-found: plan-not-found \{"id":"nope"/);
    expect(probeOf(win).logged.some((l) => l.includes('Could not load the wording of problems'))).to.equal(true);
    expect(probeOf(win).errors).to.deep.equal([]);
    frame.remove();
  });

  it('two versions as modules: the first to define a tag wins, the other warns at most once per tag, both render', async () => {
    const { frame, doc, win } = await page(
      html(
        `<kdx-progress src="${SRC}" plan="${PLAN}"></kdx-progress><kdx-plan-tree src="${SRC}" plan="${PLAN}" expand-depth="1"></kdx-plan-tree>`,
        `${SCRIPT}<script type="module" src="/__kdx/embed/v/9.9.9/kdx.js"></script>`,
      ),
    );
    const widgets = await waitFor(() => allSettled(doc), 'the widgets');
    expect(shadowText(widgets[0]!)).to.include('87.1%');
    const warnings = probeOf(win).logged.filter((l) => l.includes('[kdx]'));
    for (const tag of ['kdx-progress', 'kdx-plan-tree']) expect(warnings.filter((w) => w.includes(`<${tag}>`)).length).to.be.at.most(1);
    expect(probeOf(win).errors).to.deep.equal([]);
    frame.remove();
  });
});
