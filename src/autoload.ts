/**
 * The page script, `dist/kdx.js`: defines each kdx tag when the page first uses it, and loads only the code of
 * the widgets the page has (Shoelace's autoloader does the same). A page with one `<kdx-progress>` loads this
 * file, the shared core (Lit, data, messages) and the progress meter; the tree, the card, the chart, the
 * overview and the fallback-markup upgrader stay on the server until a page shows them.
 *
 * Tags are found in the document when it is parsed and, through one MutationObserver, whenever they are added
 * later (by a script, or by the upgrader from `data-kdx` / `#kdx=` markup). Once every tag is defined and the
 * upgrader watches the page itself, the observer stops. Widgets inside a shadow root of your own are not seen:
 * call `discover(root)`, or import `kdx-widgets/define` (every tag at once). Safe to load twice or in two
 * versions, as `define()` is.
 */
import { define } from './define.js';

/** Tag → its widget's module, a chunk of its own. */
const TAGS: Record<string, () => Promise<CustomElementConstructor>> = {
  'kdx-plan': () => import('./components/plan/plan.js').then((m) => m.KdxPlan),
  'kdx-progress': () => import('./components/progress/progress.js').then((m) => m.KdxProgress),
  'kdx-initiative-card': () => import('./components/initiative-card/initiative-card.js').then((m) => m.KdxInitiativeCard),
  'kdx-plan-tree': () => import('./components/plan-tree/plan-tree.js').then((m) => m.KdxPlanTree),
  'kdx-chart': () => import('./components/chart/chart.js').then((m) => m.KdxChart),
  'kdx-plan-overview': () => import('./components/plan-overview/plan-overview.js').then((m) => m.KdxPlanOverview),
};
const UNDEFINED = Object.keys(TAGS)
  .map((t) => `${t}:not(:defined)`)
  .join(',');
/**
 * Fallback markup (see `embed/fallback.ts`) and iframes of embed.html (which it sizes to their content): loads
 * the upgrader, which then watches the page itself. As `SELECTOR` in `embed/upgrade.ts`, written out so that
 * this file imports nothing up front.
 */
const FALLBACK = '[data-kdx], a[href*="#kdx="], iframe[src*="#kdx="]';

const isTag = (name: string) => Object.hasOwn(TAGS, name);
const loading = new Map<string, Promise<void>>();
let upgrader: Promise<typeof import('./embed/upgrade.js')> | undefined;

function load(tag: string): Promise<void> {
  let p = loading.get(tag);
  if (!p) {
    // The shared core (in the chunk of the base element) is fetched alongside the widget, not after it (the page
    // build imports that chunk by its file name: vite.config.ts, `corePrefetch`).
    void import('./components/shared/kdx-element.js').catch(() => {});
    p = TAGS[tag]!().then(
      (ctor) => define(tag, ctor),
      (e: unknown) => {
        // Not cached: the next discovery (a widget added later, or `discover()`) tries again.
        loading.delete(tag);
        notLoaded(`<${tag}>`, e);
      },
    );
    loading.set(tag, p);
  }
  return p;
}

function notLoaded(what: string, e: unknown): void {
  console.error(
    `[kdx] ${what} のプログラムを読み込めませんでした。dist/ のファイル（chunks/ を含む）を kdx.js と同じ場所にまとめて置いてください。` +
      ` / Could not load the code of ${what}: publish dist/ as it is, with chunks/ next to kdx.js.`,
    e,
  );
}

/** The upgrader, started; rejects (after logging) when its chunk cannot be loaded, and is tried again next time. */
function loadUpgrader(): Promise<typeof import('./embed/upgrade.js')> {
  return (upgrader ??= import('./embed/upgrade.js').then(
    (m) => {
      m.startUpgrader();
      return m;
    },
    (e: unknown) => {
      upgrader = undefined;
      notLoaded('data-kdx / #kdx=', e);
      throw e;
    },
  ));
}

/**
 * Defines every kdx tag used in `root` (and `root` itself), and upgrades its fallback markup. For content in a
 * shadow root of your own, which the page-wide observer cannot see. Resolves when those tags are defined.
 */
export async function discover(root: ParentNode = document): Promise<void> {
  const tags = new Set<string>();
  const el = root instanceof Element ? root : null;
  if (el && isTag(el.localName) && !customElements.get(el.localName)) tags.add(el.localName);
  for (const found of root.querySelectorAll(UNDEFINED)) tags.add(found.localName);
  const fallback = el?.matches(FALLBACK) || root.querySelector(FALLBACK);
  await Promise.all([
    ...Object.keys(TAGS)
      .filter((t) => tags.has(t))
      .map(load),
    fallback ? loadUpgrader().then((m) => Promise.all(m.upgrade(root).map((w) => discover(w))), () => undefined) : undefined,
  ]);
}

/**
 * Upgrades the fallback markup in `root` (see `discover`); resolves with the widgets created. The upgrader is
 * loaded on first use.
 */
export async function upgrade(root: ParentNode = document): Promise<Element[]> {
  const created = (await loadUpgrader()).upgrade(root);
  await Promise.all(created.map((w) => discover(w)));
  return created;
}

/** Watches the page until every tag is defined and the upgrader (if the page needs it) runs on its own. */
function watch(doc: Document): void {
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') {
        if (!upgrader && r.target instanceof Element && r.target.matches(FALLBACK)) loadUpgrader().catch(() => undefined);
        continue;
      }
      for (const node of r.addedNodes) if (node instanceof Element) void discover(node);
    }
    if (upgrader && Object.keys(TAGS).every((t) => customElements.get(t))) observer.disconnect();
  });
  const start = () => {
    void discover(doc);
    observer.observe(doc, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-kdx', 'href', 'src'] });
  };
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}

if (typeof document !== 'undefined') watch(document);
