/**
 * Turns fallback markup (see `fallback.ts`) into widgets: each `[data-kdx]` element and each link whose
 * fragment starts with `#kdx=` is replaced by the real tag, with only the listed attributes, each checked.
 *
 * Runs once the document is parsed (replacing elements while the parser is still filling them would lose
 * their content), then for content added later through one MutationObserver per page. Idempotent: a replaced
 * element leaves the document, so nothing is upgraded twice, and two copies of the library share one observer.
 *
 * Never touches content being edited (inside `contenteditable`, e.g. CKEditor 5 or TinyMCE inline on a page
 * that also loads kdx): the editor owns that DOM.
 *
 * Iframes of dist/embed.html (the iframe form) stay iframes: they only take the height of their content
 * (`frame-host.ts`).
 */
import { checkAttributes, parseFragment, RULES, WIDGETS, widgetName, type WidgetName } from './fallback.js';
import { fitFrame, FRAME_SELECTOR } from './frame-host.js';

/** Elements that may carry `data-kdx`: ordinary containers editors keep. */
const CONTAINERS = new Set(['div', 'span', 'p', 'section', 'aside', 'figure', 'a']);
const SELECTOR = `[data-kdx], a[href*="#kdx="], ${FRAME_SELECTOR}`;
/** Widgets whose light DOM is not shown (no slot): fallbacks inside them stay as they are. */
const UNSLOTTED = Object.values(WIDGETS)
  .map((w) => w.tag)
  .filter((t) => t !== 'kdx-plan')
  .join(',');
const EDITING = '[contenteditable]:not([contenteditable="false"])';

interface Shared {
  observing: boolean;
  /** Messages already logged per element: each problem is reported once, however often it is seen. */
  warned: WeakMap<Element, Set<string>>;
}
/** Page-wide, shared by every copy of the library (the fallback format is versioned in the key). */
const KEY = Symbol.for('kdx.upgrader.v1');
const shared: Shared = ((globalThis as Record<symbol, Shared | undefined>)[KEY] ??= { observing: false, warned: new WeakMap() });

function warn(el: Element, ja: string, en: string): void {
  const message = `[kdx] ${ja} / ${en}`;
  let seen = shared.warned.get(el);
  if (!seen) shared.warned.set(el, (seen = new Set()));
  if (seen.has(message)) return;
  seen.add(message);
  console.warn(message, el);
}

/** What a fallback element asks for, or null (with a console warning) when it cannot become a widget. */
function read(el: Element): { widget: WidgetName; raw: [string, string][]; show: (name: string, value: string) => string } | null {
  if (el.hasAttribute('data-kdx')) {
    const value = el.getAttribute('data-kdx') ?? '';
    const widget = widgetName(value);
    if (!widget) {
      warn(el, `data-kdx="${value}" は不明なウィジェットです（${Object.keys(WIDGETS).join(', ')}）`, `data-kdx="${value}" is not a widget (${Object.keys(WIDGETS).join(', ')})`);
      return null;
    }
    if (!CONTAINERS.has(el.localName)) {
      warn(el, `data-kdx は <${el.localName}> には使えません`, `data-kdx cannot be used on <${el.localName}>`);
      return null;
    }
    const raw: [string, string][] = [];
    for (const name of WIDGETS[widget].attributes) {
      const value = el.getAttribute(`data-${name}`);
      if (value !== null) raw.push([name, value]);
    }
    if (!raw.some(([n]) => n === 'lang')) {
      const lang = el.getAttribute('lang');
      if (lang && RULES.lang!(lang)) raw.push(['lang', lang]);
    }
    return { widget, raw, show: (n, v) => `data-${n}="${v}"` };
  }
  if (el.localName !== 'a') return null; // (not instanceof: `upgrade()` may be given another realm's document)
  const found = parseFragment((el as HTMLAnchorElement).hash);
  if (!found) return null;
  const widget = widgetName(found.widget);
  if (!widget || widget === 'plan') {
    warn(el, `リンクの #kdx=${found.widget} は不明なウィジェットです`, `#kdx=${found.widget} in a link is not a widget`);
    return null;
  }
  const raw = [...found.params.entries()];
  const unknown = raw.filter(([n]) => !WIDGETS[widget].attributes.includes(n)).map(([n]) => n);
  if (unknown.length) {
    warn(el, `リンクの ${unknown.join(', ')} は ${widget} では使えないため無視しました`, `ignored ${unknown.join(', ')} in the link: not an attribute of ${widget}`);
  }
  return { widget, raw, show: (n, v) => `#kdx=…&${n}=${v}` };
}

function skip(el: Element): boolean {
  if (!el.isConnected || el.ownerDocument.designMode === 'on') return true;
  const parent = el.parentElement;
  return !!parent && (!!parent.closest(EDITING) || !!parent.closest(UNSLOTTED)) || el.matches(EDITING);
}

/** Replaces one fallback element by its widget; returns the widget, or null when it was left alone. */
function upgradeOne(el: Element): Element | null {
  if (skip(el)) return null;
  if (el.localName === 'iframe') return fitFrame(el as HTMLIFrameElement), null;
  const request = read(el);
  if (!request) return null;
  const { attributes, rejected } = checkAttributes(request.widget, request.raw);
  for (const { name, value } of rejected) {
    const what = request.show(name, value);
    warn(el, `${what} は使えない値のため無視しました`, `ignored ${what}: not a valid value`);
  }
  const widget = el.ownerDocument.createElement(WIDGETS[request.widget].tag);
  for (const [name, value] of Object.entries(attributes)) widget.setAttribute(name, value);
  const id = el.getAttribute('id');
  if (id) widget.id = id;
  const className = el.getAttribute('class');
  if (className) widget.className = className;
  // The fallback content moves inside: `<kdx-plan>` shows it (it has a slot, and nested fallbacks upgrade
  // in turn); the other widgets' shadow roots have no slot, so it stays in the DOM but is not rendered.
  widget.append(...el.childNodes);
  el.replaceWith(widget);
  return widget;
}

/**
 * Upgrades every fallback in `root` (and `root` itself when it is one). For content in a shadow root of
 * your own, which the page-wide observer cannot see. Returns the widgets created.
 */
export function upgrade(root: ParentNode = document): Element[] {
  const created: Element[] = [];
  if (root instanceof Element && root.matches(SELECTOR)) {
    const w = upgradeOne(root);
    if (w) created.push(w);
  }
  // A static list: <kdx-plan>'s nested fallbacks, moved inside it, are still in it and upgrade in turn.
  for (const el of root.querySelectorAll(SELECTOR)) {
    const w = upgradeOne(el);
    if (w) created.push(w);
  }
  return created;
}

/** Upgrades the document once it is parsed, then whatever is added or marked later. One observer per page. */
export function startUpgrader(doc: Document = document): void {
  if (shared.observing) return;
  shared.observing = true;
  const run = () => {
    upgrade(doc);
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes') {
          if (r.target instanceof Element && r.target.matches(SELECTOR)) upgrade(r.target);
          continue;
        }
        for (const node of r.addedNodes) if (node instanceof Element) upgrade(node);
      }
    }).observe(doc, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-kdx', 'href', 'src'] });
  };
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', run, { once: true });
  else run();
}

/**
 * The fallback rules, for dist/embed.html's script (`frame.ts`): taken from here, it shares this chunk, which
 * holds them, instead of splitting them into one more chunk that every upgrade would wait for.
 */
export { checkAttributes, NOT_IN_FRAME, parseFragment, RULES, WIDGETS, widgetName } from './fallback.js';
