// The page around the widgets: back/forward cache (pagehide / pageshow, and no unload listener, which would make
// a page ineligible), widgets added, moved and removed at run time without leaks (listeners on window and
// document, MutationObservers (the lang watcher), ResizeObservers, chart.js instances), moves between
// providers, and requests in flight aborted when their last widget goes.
//
// The library is imported only after the trackers below are installed, so they see everything it registers.
import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { hits, seedText, unique } from '../helpers/bundles.js';
import { settled } from '../helpers/widgets.js';
import { ALL_WIDGETS, catchUncaught, endTest, frame, mountWith, outcome, quietConsole, shadowRoots } from './harden.js';

// ---- Trackers --------------------------------------------------------------------------------------------------

/** Every event type ever registered on window, document or a MediaQueryList, and the listeners live now. */
const registered = new Set<string>();
const liveListeners = new Map<EventTarget, Map<string, Set<unknown>>>();
const nameOf = (t: EventTarget) => (t === window ? 'window' : t === document ? 'document' : t instanceof MediaQueryList ? 'matchMedia' : null);
const { addEventListener: add, removeEventListener: remove } = EventTarget.prototype;
// A bare `addEventListener(…)` in a module calls with `this` undefined, meaning the global object.
EventTarget.prototype.addEventListener = function (this: EventTarget | undefined, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
  const self = this ?? window;
  const name = nameOf(self);
  if (name) {
    registered.add(`${name}:${type}`);
    const once = typeof options === 'object' && options?.once;
    if (listener && !once) {
      const byType = liveListeners.get(self) ?? new Map<string, Set<unknown>>();
      liveListeners.set(self, byType);
      const set = byType.get(type) ?? new Set();
      byType.set(type, set);
      set.add(listener);
    }
  }
  return add.call(self, type, listener, options);
};
EventTarget.prototype.removeEventListener = function (this: EventTarget | undefined, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
  const self = this ?? window;
  liveListeners.get(self)?.get(type)?.delete(listener);
  return remove.call(self, type, listener, options);
};
const listenerCount = () => [...liveListeners].reduce((n, [, byType]) => n + [...byType.values()].reduce((m, s) => m + s.size, 0), 0);
const listenerList = () => [...liveListeners].flatMap(([t, byType]) => [...byType].filter(([, s]) => s.size).map(([type, s]) => `${nameOf(t)}:${type}×${s.size}`));

/** MutationObservers (with what they watch) and ResizeObservers that are observing something now. */
const activeMutation = new Map<MutationObserver, MutationObserverInit | undefined>();
const activeResize = new Map<ResizeObserver, Set<Element>>();
class TrackedMutationObserver extends MutationObserver {
  override observe(target: Node, options?: MutationObserverInit) {
    activeMutation.set(this, options);
    super.observe(target, options);
  }
  override disconnect() {
    activeMutation.delete(this);
    super.disconnect();
  }
}
class TrackedResizeObserver extends ResizeObserver {
  override observe(target: Element, options?: ResizeObserverOptions) {
    const set = activeResize.get(this) ?? new Set();
    activeResize.set(this, set.add(target));
    super.observe(target, options);
  }
  override unobserve(target: Element) {
    activeResize.get(this)?.delete(target);
    if (!activeResize.get(this)?.size) activeResize.delete(this);
    super.unobserve(target);
  }
  override disconnect() {
    activeResize.delete(this);
    super.disconnect();
  }
}
window.MutationObserver = TrackedMutationObserver;
window.ResizeObserver = TrackedResizeObserver;

let chartInstances: () => number;
let forgetBundle: (src?: string) => void;

interface Snapshot {
  listeners: number;
  mutation: number;
  langWatchers: number;
  resize: number;
  charts: number;
}
/** The lang watcher (shared/lang-watch.ts) is the MutationObserver that filters on `lang` attributes. */
const langWatchers = () => [...activeMutation.values()].filter((o) => o?.attributeFilter?.includes('lang')).length;
const snapshot = (): Snapshot => ({
  listeners: listenerCount(),
  mutation: activeMutation.size,
  langWatchers: langWatchers(),
  resize: activeResize.size,
  charts: chartInstances(),
});

const until = async (f: () => boolean | Promise<boolean>, ms = 8000) => {
  const end = performance.now() + ms;
  while (!(await f())) {
    if (performance.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};
const held = async (id: string) => ((await (await fetch(`/__kdx/held?id=${id}`)).json()) as { state: string }).state;
const text = (w: Element) => shadowRoots(w).map((r) => r.textContent).join('|').replace(/\s+/g, ' ');

function widget(tag: string, attrs: Record<string, string>): LitElement {
  const el = document.createElement(tag) as LitElement;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

function provider(attrs: Record<string, string>, inline?: string): HTMLElement {
  const p = document.createElement('kdx-plan');
  for (const [k, v] of Object.entries(attrs)) p.setAttribute(k, v);
  if (inline !== undefined) {
    const s = document.createElement('script');
    s.type = 'application/json';
    s.textContent = inline;
    p.append(s);
  }
  return p;
}

function container(): HTMLElement {
  const root = document.createElement('div');
  root.className = 'hardening';
  document.body.append(root);
  return root;
}

const SRC = '/seeds/kanazawa.json';
const PLAN = 'administrative-management-plan';

describe('hardening: the page around the widgets', function () {
  this.timeout(30_000);
  let quiet: ReturnType<typeof quietConsole>;
  let uncaught: ReturnType<typeof catchUncaught>;
  let base: Snapshot;
  let kanazawa: string;
  let minimal: string;

  before(async () => {
    quiet = quietConsole();
    await import('../../src/kdx.js');
    ({ forgetBundle } = await import('../../src/data/load.js'));
    const { Chart } = await import('chart.js');
    chartInstances = () => Object.keys(Chart.instances).length;
    kanazawa = await seedText('kanazawa');
    minimal = await seedText('minimal');
  });
  after(() => quiet.restore());
  beforeEach(() => {
    uncaught = catchUncaught();
    // Before any widget: no lang watcher, no chart. (The embed upgrader's page-wide observer, src/embed/, stays.)
    base = snapshot();
    expect(base.langWatchers).to.equal(0);
    expect(base.charts).to.equal(0);
  });
  afterEach(() => endTest(uncaught, quiet, forgetBundle));

  describe('back/forward cache', () => {
    it('registers no unload or beforeunload listener (they make a page ineligible for the bfcache)', async () => {
      // Every widget in every state: ready, errors, loading, provider with inline data, charts, a hash-linked tree.
      await mountWith({ json: kanazawa }, { plan: PLAN, node: 'policy-1' });
      await mountWith({ json: '{' }, { plan: PLAN });
      const root = container();
      root.append(widget('kdx-plan-tree', { src: SRC, plan: PLAN, 'link-hash': '' }), widget('kdx-progress', { src: unique('/__kdx/slow?ms=500') }));
      await Promise.all([...root.children].map((w) => settled(w as LitElement)));
      expect([...registered].filter((r) => /unload$/.test(r))).to.deep.equal([]);
      expect(window.onunload).to.equal(null);
      expect(window.onbeforeunload).to.equal(null);
      // What the library does listen to on window and document, for the record (all released on removal, below).
      console.log(`[hardening] listeners on window/document/matchMedia while widgets are shown: ${listenerList().join(', ')}`);
    });

    it('widgets survive pagehide / pageshow with persisted=true: same content, no new request, still live', async () => {
      const src = unique(SRC);
      const root = container();
      const p = provider({ src, plan: PLAN });
      const widgets = [widget('kdx-progress', { node: 'policy-1' }), widget('kdx-initiative-card', { node: 'R7-11' }), widget('kdx-plan-tree', {}), widget('kdx-chart', { type: 'bar' })];
      p.append(...widgets);
      root.append(p);
      await Promise.all(widgets.map((w) => settled(w)));
      const before = widgets.map(text);
      const live = snapshot();
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
      document.dispatchEvent(new Event('freeze'));
      await frame();
      document.dispatchEvent(new Event('resume'));
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
      await frame();
      await Promise.all(widgets.map((w) => w.updateComplete));
      expect(widgets.map(text)).to.deep.equal(before);
      expect(snapshot()).to.deep.equal(live);
      expect(await hits(src)).to.equal(1);
      // Still live after the restore: a language switch re-renders (once the English messages, a chunk of their
      // own, have arrived: loaded here first so that the wait is for the widgets, not the network).
      await (await import('../../src/i18n/index.js')).loadMessages('en');
      root.lang = 'en';
      await frame();
      await Promise.all(widgets.map((w) => w.updateComplete));
      expect(widgets[0]!.shadowRoot!.querySelector('[role="meter"]')!.getAttribute('aria-valuetext')).to.equal('38 of 39 items achieved (97.4%)');
    });

    it('removing and re-adding the whole block (as a page might on restore) renders the same, from the cache, without duplicate observers', async () => {
      const src = unique(SRC);
      const root = container();
      const p = provider({ src, plan: PLAN });
      const widgets = [widget('kdx-progress', { node: 'policy-2' }), widget('kdx-chart', { type: 'doughnut' }), widget('kdx-plan-tree', { 'expand-depth': '9' })];
      p.append(...widgets);
      root.append(p);
      await Promise.all(widgets.map((w) => settled(w)));
      const before = widgets.map(text);
      const live = snapshot();
      for (let i = 0; i < 3; i++) {
        p.remove();
        await frame();
        expect(snapshot(), 'all released while detached').to.deep.equal(base);
        root.append(p);
        await Promise.all(widgets.map((w) => settled(w)));
      }
      expect(widgets.map(text)).to.deep.equal(before);
      expect(snapshot()).to.deep.equal(live);
      expect(await hits(src), 'the page-wide cache answers the re-added provider').to.equal(1);
    });
  });

  describe('added, moved and removed at run time', () => {
    it('releases every listener, observer and chart when all widgets are removed (the lang watcher drops to zero)', async () => {
      const a = await mountWith({ json: kanazawa }, { plan: PLAN, node: 'policy-1' });
      const b = await mountWith({ json: kanazawa }, { plan: PLAN, node: 'policy-3', lang: 'en' });
      const root = container();
      root.append(widget('kdx-plan-tree', { src: SRC, plan: PLAN, 'link-hash': '' }), widget('kdx-chart', { src: SRC, plan: PLAN, type: 'doughnut' }));
      await Promise.all([...root.children].map((w) => settled(w as LitElement)));
      const shown = snapshot();
      // One lang watcher for the page plus one MutationObserver per <kdx-plan> (its inline data); charts shown.
      expect(shown.langWatchers).to.equal(1);
      expect(shown.mutation - base.mutation).to.be.at.least(1 + 2);
      expect(shown.charts).to.be.at.least(4);
      expect(shown.resize).to.be.at.least(shown.charts);
      a.root.remove();
      b.root.remove();
      root.remove();
      await frame();
      expect(snapshot()).to.deep.equal(base);
      expect(langWatchers(), 'lang watcher released').to.equal(0);
    });

    it('a hundred widgets added and removed in bursts, some while loading: no errors, nothing left behind', async () => {
      const root = container();
      const src = unique('/__kdx/slow?ms=300');
      for (let round = 0; round < 3; round++) {
        const p = provider({ src: round === 1 ? src : SRC, plan: round === 1 ? '' : PLAN });
        for (let i = 0; i < 100; i++) p.append(widget(i % 10 === 0 ? 'kdx-chart' : 'kdx-progress', { node: i % 2 ? 'policy-1' : 'policy-2', type: 'bar' }));
        root.append(p);
        if (round === 1) p.remove(); // while loading
        else await Promise.all([...p.children].map((w) => settled(w as LitElement)));
        p.remove();
      }
      root.remove();
      await new Promise((r) => setTimeout(r, 400)); // let the slow response come (or not)
      await frame();
      expect(snapshot()).to.deep.equal(base);
    });

    it('a widget moved from one <kdx-plan> to another shows the new provider\'s data', async () => {
      const root = container();
      const a = provider({ plan: PLAN }, kanazawa);
      const b = provider({}, minimal);
      const w = widget('kdx-progress', { lang: 'en' });
      a.append(w);
      root.append(a, b);
      await settled(w);
      expect(w.shadowRoot!.querySelector('.title')!.textContent).to.equal('Kanazawa City Administrative Management Plan');
      const loaded = new Promise<CustomEvent>((r) => w.addEventListener('kdx-load', (e) => r(e as CustomEvent), { once: true }));
      b.append(w);
      expect((await loaded).detail).to.deep.equal({ plan: 'sample-plan', node: 'sample-plan' });
      await settled(w);
      expect(w.shadowRoot!.querySelector('.title')!.textContent).to.equal('Sample Plan');
      // Out of any provider and without src: says so. Back in: renders.
      root.append(w);
      await until(() => outcome(w) === 'no-source');
      a.append(w);
      await until(() => outcome(w) === 'ready');
      expect(w.shadowRoot!.querySelector('.title')!.textContent).to.equal('Kanazawa City Administrative Management Plan');
    });

    it('every widget follows a move between providers (a card, a tree and charts too)', async () => {
      const root = container();
      const a = provider({ plan: PLAN }, kanazawa);
      const b = provider({}, minimal);
      root.append(a, b);
      const ws = ALL_WIDGETS.map(([tag, attrs]) => widget(tag, Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== '{node}'))));
      a.append(...ws);
      await Promise.all(ws.map((w) => settled(w)));
      b.append(...ws);
      await until(() => ws.every((w) => !text(w).includes('金沢市')));
      await Promise.all(ws.map((w) => settled(w)));
      for (const w of ws) expect(['ready', 'wrong-kind'], `${w.localName} ${text(w).slice(0, 80)}`).to.include(outcome(w));
      expect(text(ws[0]!)).to.contain('サンプル計画');
    });

    it('removing the only widget of a request aborts it: the server sees the connection closed, the cache forgets it', async () => {
      const id = unique('abort').replace(/\W/g, '');
      const src = `/__kdx/hold?id=${id}&ms=4000`;
      const root = container();
      const w = widget('kdx-progress', { src });
      root.append(w);
      await until(async () => (await held(id)) === 'open');
      w.remove();
      await until(async () => (await held(id)) === 'aborted', 2000);
      // The aborted load left nothing in the page-wide cache: a new widget makes a new request.
      const again = widget('kdx-progress', { src, node: 'goal-b' });
      root.append(again);
      await until(() => outcome(again) === 'ready', 6000);
      expect(await hits(src)).to.equal(2);
      expect(await held(id)).to.equal('served');
    });

    it('a request shared by two widgets continues when one is removed, and serves the other', async () => {
      const id = unique('shared').replace(/\W/g, '');
      const src = `/__kdx/hold?id=${id}&ms=800`;
      const root = container();
      const [w1, w2] = [widget('kdx-progress', { src, node: 'goal-b' }), widget('kdx-initiative-card', { src, node: 'A-1' })];
      root.append(w1!, w2!);
      await until(async () => (await held(id)) === 'open');
      w1!.remove();
      await until(() => outcome(w2!) === 'ready', 4000);
      expect(await held(id)).to.equal('served');
      expect(await hits(src)).to.equal(1);
    });

    it('removing a loading <kdx-plan> aborts its request', async () => {
      const id = unique('plan').replace(/\W/g, '');
      const src = `/__kdx/hold?id=${id}&ms=4000`;
      const root = container();
      const p = provider({ src });
      p.append(widget('kdx-progress', {}), widget('kdx-chart', {}));
      root.append(p);
      await until(async () => (await held(id)) === 'open');
      p.remove();
      await until(async () => (await held(id)) === 'aborted', 2000);
      await frame();
      expect(snapshot()).to.deep.equal(base);
    });

    it('a widget moved while its data loads still shows it, on the same request', async () => {
      const id = unique('move').replace(/\W/g, '');
      const src = `/__kdx/hold?id=${id}&ms=600`;
      const root = container();
      const [x, y] = [document.createElement('section'), document.createElement('aside')];
      root.append(x, y);
      const w = widget('kdx-progress', { src, node: 'goal-b' });
      x.append(w);
      await until(async () => (await held(id)) === 'open');
      y.append(w);
      await until(() => outcome(w) === 'ready', 4000);
      // The abort on disconnect waits a microtask, so a move (disconnect + connect in one task) keeps the request.
      expect(await hits(src)).to.equal(1);
      expect(await held(id)).to.not.equal('aborted');
    });
  });

  it('makes no request to another origin', () => {
    const others = performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => new URL(n).origin !== location.origin);
    expect(others).to.deep.equal([]);
  });
});
