/**
 * Helpers for the hardening tests: mount every widget on some data, catch uncaught errors, and look through every
 * shadow root for what must never be there (leaked JS values, markup made from data, handlers, unsafe URLs).
 * Markup is built with DOM calls, never from strings, so that a payload cannot break out of the test itself.
 */
import { ContextProvider } from '@lit/context';
import type { LitElement } from 'lit';
import { planContext, type BundleState, type PlanContextValue } from '../../src/context/plan-context.js';
import { KdxError } from '../../src/data/errors.js';
import { buildModel } from '../../src/data/model.js';
import { validateBundle } from '../../src/data/parse.js';
import { expect } from '@open-wc/testing';
import { GARBAGE, settled } from '../helpers/widgets.js';

export const WIDGET_TAGS = ['kdx-progress', 'kdx-initiative-card', 'kdx-plan-tree', 'kdx-chart', 'kdx-plan-overview'] as const;

/** Leaked JS values. `null` quoted as the received JSON value in a validation message is allowed (see `problems`). */
export { GARBAGE };

/** Elements that load or run something; none may ever come from data. */
const DANGEROUS_TAGS = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'img', 'image', 'video', 'audio', 'source', 'link', 'meta', 'base', 'form', 'style', 'foreignobject', 'use', 'animate', 'set', 'template']);
const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster', 'data', 'ping', 'background'];

/** One widget of a test page: tag and attributes. `node` is filled in per case. */
export type WidgetSpec = [tag: string, attrs: Record<string, string>];

/** Every widget in every variant, reading the provider's plan; `{node}` is replaced by a node id of the case. */
export const ALL_WIDGETS: WidgetSpec[] = [
  ['kdx-progress', {}],
  ['kdx-progress', { variant: 'ring', breakdown: '', node: '{node}' }],
  ['kdx-progress', { variant: 'inline', node: '{node}' }],
  ['kdx-initiative-card', { node: '{node}' }],
  ['kdx-initiative-card', {}],
  ['kdx-plan-tree', { 'expand-depth': '99' }],
  ['kdx-plan-tree', { node: '{node}' }],
  ['kdx-chart', { type: 'bar' }],
  ['kdx-chart', { type: 'doughnut', node: '{node}' }],
  ['kdx-chart', { type: 'line' }],
  ['kdx-plan-overview', {}],
];

/** Records uncaught errors and unhandled rejections until `stop()`. */
export function catchUncaught(): { errors: string[]; stop(): void } {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(`error: ${e.message} ${e.filename}:${e.lineno}`);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(`unhandledrejection: ${String((e.reason as Error)?.stack ?? e.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/**
 * Widgets log every error they show (by design); the hardening tests show hundreds. `quietConsole` keeps them
 * out of the test output and `foreign()` returns anything logged that is not a widget's own error report (a
 * message from Lit or the browser would mean something broke).
 */
export function quietConsole(): { foreign(): string[]; restore(): void } {
  const logged: string[] = [];
  const { error, warn } = console;
  console.error = (...args: unknown[]) => void logged.push(`error ${String(args[0])}`);
  console.warn = (...args: unknown[]) => void logged.push(`warn ${String(args[0])}`);
  return {
    foreign: () => logged.splice(0).filter((l) => !/^error \[kdx\] <kdx-[a-z-]+> [a-z-]+: /.test(l)),
    restore: () => void Object.assign(console, { error, warn }),
  };
}

/** The shadow roots inside `el` (its own and nested ones), depth first. */
export function shadowRoots(el: Element | ShadowRoot): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  const visit = (node: Element | ShadowRoot) => {
    if (node instanceof Element && node.shadowRoot) {
      out.push(node.shadowRoot);
      visit(node.shadowRoot);
    }
    for (const child of node.querySelectorAll('*')) if (child.shadowRoot) visit(child);
  };
  visit(el);
  return out;
}

function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/**
 * What a reader must never meet in a widget: `NaN`, `Infinity`, `undefined`, `null`, `-0` or `[object Object]` in
 * any text or in an aria-* / title / alt attribute. In a validation message, the received value quoted as
 * "(got null)" / "（実際: null）" names the problem and is allowed: `null` from JSON, and `NaN` / `Infinity`, which
 * only a JS caller handing the validator an object (not JSON) can produce.
 */
export function problems(widget: Element): string[] {
  const out: string[] = [];
  const where = `<${widget.localName}${widget.getAttribute('node') ? ` node=${widget.getAttribute('node')}` : ''}${widget.getAttribute('type') ? ` type=${widget.getAttribute('type')}` : ''}${widget.getAttribute('variant') ? ` variant=${widget.getAttribute('variant')}` : ''}>`;
  for (const root of shadowRoots(widget)) {
    for (const t of textNodes(root)) {
      let s = t.data;
      if (t.parentElement?.closest('[role="alert"]')) s = s.replace(/(got |実際: )(?:null|NaN|-?Infinity)(?=[)）])/g, '$1');
      if (GARBAGE.test(s)) out.push(`${where} text: ${JSON.stringify(s.slice(0, 200))}`);
    }
    for (const el of [root.host, ...root.querySelectorAll('*')]) {
      for (const a of el.attributes) {
        if (!(a.name.startsWith('aria-') || a.name === 'title' || a.name === 'alt' || a.name === 'placeholder')) continue;
        if (GARBAGE.test(a.value)) out.push(`${where} ${el.localName}[${a.name}]: ${JSON.stringify(a.value.slice(0, 200))}`);
      }
    }
  }
  return out;
}

/**
 * Markup that data must never create: dangerous elements, `on*` attributes, and URL attributes that are not
 * http(s). `allowedTags` lists what the widget itself renders (e.g. the ring's `<svg>`), from a clean render.
 */
export function dangers(widget: Element): string[] {
  const out: string[] = [];
  for (const root of shadowRoots(widget)) {
    for (const el of root.querySelectorAll('*')) {
      const tag = el.localName.toLowerCase();
      if (DANGEROUS_TAGS.has(tag)) out.push(`<${tag}> in <${widget.localName}>`);
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) out.push(`${tag}[${a.name}] in <${widget.localName}>`);
        if (URL_ATTRS.includes(a.name.toLowerCase())) {
          let ok = false;
          try {
            ok = /^https?:$/.test(new URL(a.value, location.href).protocol) && /^https?:\/\//.test(a.value);
          } catch {
            ok = false;
          }
          if (!ok) out.push(`${tag}[${a.name}=${JSON.stringify(a.value)}] in <${widget.localName}>`);
        }
      }
      // Event handler properties set from code would not show as attributes.
      for (const prop of ['onclick', 'onerror', 'onload', 'onmouseover', 'onfocus']) {
        if ((el as unknown as Record<string, unknown>)[prop]) out.push(`${tag}.${prop} set in <${widget.localName}>`);
      }
    }
  }
  return out;
}

/** Tag names and counts of everything rendered in a widget's shadow roots: the same data shape renders the same. */
export function tagCounts(widget: Element): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const root of shadowRoots(widget)) for (const el of root.querySelectorAll('*')) counts[el.localName] = (counts[el.localName] ?? 0) + 1;
  return counts;
}

/**
 * A provider that validates a JS value directly (no JSON in between), so values JSON cannot carry (NaN,
 * Infinity, -0, undefined, holes, boxed strings) reach the validator and the widgets.
 */
export class KdxTestProvider extends HTMLElement {
  private value: PlanContextValue = { state: { status: 'loading' }, plan: undefined, retry: () => {} };
  private readonly provider = new ContextProvider(this, { context: planContext, initialValue: this.value });

  connectedCallback(): void {
    this.style.display = 'contents';
    this.provider.hostConnected();
  }

  set bundle(input: unknown) {
    const r = validateBundle(input);
    const state: BundleState = r.ok
      ? { status: 'ready', model: buildModel(r.bundle) }
      : { status: 'error', error: new KdxError('invalid', { url: 'kdx-test-provider' }, { issues: r.errors }) };
    this.value = { state, plan: this.getAttribute('plan') ?? undefined, retry: () => {} };
    this.provider.setValue(this.value);
  }
}
if (!customElements.get('kdx-test-provider')) customElements.define('kdx-test-provider', KdxTestProvider);

export interface Mounted {
  root: HTMLElement;
  widgets: LitElement[];
}

function createWidgets(specs: WidgetSpec[], node: string | undefined): LitElement[] {
  return specs.map(([tag, attrs]) => {
    const el = document.createElement(tag) as LitElement;
    for (const [k, v] of Object.entries(attrs)) {
      if (v === '{node}') {
        if (node !== undefined) el.setAttribute(k, node);
      } else el.setAttribute(k, v);
    }
    return el;
  });
}

/**
 * The next frame, or 50 ms if frames do not come: a test page in a background tab (the runner opens two at once)
 * gets no animation frames, and a test must not hang on that.
 */
export function frame(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      setTimeout(resolve, 0);
    };
    requestAnimationFrame(go);
    setTimeout(go, 50);
  });
}

/** Waits until every widget shows data or an error, its chart (if any) is built, and a frame has passed. */
export async function settleAll(widgets: LitElement[]): Promise<void> {
  await Promise.all(widgets.map((w) => settled(w)));
  await Promise.all(widgets.map((w) => w.updateComplete));
  await frame();
}

/**
 * Mounts `specs` inside a `<kdx-plan>` whose inline `<script type="application/json">` holds `json` (the text is
 * set with textContent: a payload cannot close the script element), or inside a test provider given `value`.
 */
export async function mountWith(
  data: { json: string } | { value: unknown },
  opts: { specs?: WidgetSpec[]; node?: string; plan?: string; lang?: string } = {},
): Promise<Mounted> {
  const root = document.createElement('div');
  root.className = 'hardening';
  if (opts.lang) root.lang = opts.lang;
  const provider = document.createElement('json' in data ? 'kdx-plan' : 'kdx-test-provider');
  if (opts.plan) provider.setAttribute('plan', opts.plan);
  if ('json' in data) {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = data.json;
    provider.append(script);
  }
  const widgets = createWidgets(opts.specs ?? ALL_WIDGETS, opts.node);
  provider.append(...widgets);
  root.append(provider);
  document.body.append(root);
  if (!('json' in data)) (provider as KdxTestProvider).bundle = data.value;
  await settleAll(widgets);
  return { root, widgets };
}

/** The state each widget ended in: `ready`, or the error code it shows (with role="alert"). */
export function outcome(widget: Element): string {
  const root = widget.shadowRoot!;
  const alert = root.querySelector('[role="alert"]');
  if (alert) return (alert as HTMLElement).dataset.code ?? 'alert-without-code';
  if (root.querySelector('[aria-busy="true"]')) return 'loading';
  return root.childElementCount ? 'ready' : 'empty';
}

export function cleanup(): void {
  document.querySelectorAll('body > .hardening').forEach((d) => d.remove());
}

/**
 * The end of every page-level test: widgets removed, cache forgotten, and then no uncaught error and no console
 * output other than the widgets' own error reports.
 */
export function endTest(uncaught: ReturnType<typeof catchUncaught>, quiet: ReturnType<typeof quietConsole>, forgetBundle: () => void): void {
  uncaught.stop();
  cleanup();
  forgetBundle();
  expect(uncaught.errors, 'uncaught errors').to.deep.equal([]);
  expect(quiet.foreign(), "console output other than the widgets' own error reports").to.deep.equal([]);
}

/** All string leaves of a JSON value with their paths. */
export function stringPaths(x: unknown, path: Array<string | number> = [], out: Array<Array<string | number>> = []) {
  if (typeof x === 'string') out.push(path);
  else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) stringPaths(v, [...path, Array.isArray(x) ? Number(k) : k], out);
  return out;
}

export function setPath(root: unknown, path: Array<string | number>, value: unknown): void {
  let cur = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  cur[path[path.length - 1]!] = value;
}
