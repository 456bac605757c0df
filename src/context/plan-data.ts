import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { KdxError, errorMessage } from '../data/errors.js';
import { forgetBundle, loadBundle, peekBundle, resolveUrl } from '../data/load.js';
import type { BundleModel, PlanModel, PlanNode } from '../data/model.js';
import { formatIssue } from '../data/validate.js';
import { KdxErrorEvent } from '../events/kdx-error.js';
import { KdxLoadEvent } from '../events/kdx-load.js';
import { detailReady, type Lang } from '../i18n/index.js';
import { planContext, PlanRequestEvent, type BundleState, type PlanContextValue } from './plan-context.js';

/** What a widget has to show. */
export type PlanView =
  | { status: 'loading' }
  | { status: 'error'; error: KdxError; retry?: (() => void) | undefined }
  | { status: 'ready'; model: BundleModel; plan: PlanModel; node: PlanNode };

export interface PlanDataHost extends ReactiveControllerHost, HTMLElement {
  src: string | undefined;
  plan: string | undefined;
  node: string | undefined;
  /** The widget's language, for messages logged to the console. */
  readonly language: Lang;
  /** Whether the widget shows its language yet: nothing is announced before (see `KdxElement.languageReady`). */
  readonly languageReady: boolean;
  /** Whether the code its data needs is here (see `KdxElement.shapesReady`); absent means ready. */
  readonly shapesReady?: boolean;
}

const PROVIDER_TAG = 'kdx-plan';

/** The nearest `<kdx-plan>` above `el`, crossing shadow roots. */
function providerAncestor(el: Element): Element | null {
  let node: Node | null = el.parentNode;
  while (node) {
    if (node instanceof Element && node.localName === PROVIDER_TAG) return node;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return null;
}

/** A few ids, for a message; not `skip` (the plan's own id names the root, not an item to ask for). */
function examples(ids: Iterable<string>, skip: string, n = 5): string[] {
  const out: string[] = [];
  for (const id of ids) {
    if (out.length >= n) break;
    if (id !== skip) out.push(id);
  }
  return out;
}

/**
 * Gives a widget its data: from its own `src` (through the page-wide cache) or, without `src`, from the nearest
 * `<kdx-plan>` by context. Resolves `plan` and `node`, and fires `kdx-load` / `kdx-error` once per change of
 * what is shown. Releases its request and subscription on disconnect.
 */
export class PlanDataController implements ReactiveController {
  readonly #host: PlanDataHost;
  #state: BundleState = { status: 'loading' };
  #contextValue: PlanContextValue | undefined;
  #unsubscribe: (() => void) | undefined;
  #abort: AbortController | undefined;
  /** The `src` the current state belongs to ('' for context). */
  #source: string | undefined;
  #connected = false;
  #cachedView: { key: unknown[]; view: PlanView } | undefined;
  #announced: unknown;

  constructor(host: PlanDataHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    this.sync();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#release();
    this.#source = undefined;
    this.#announced = undefined;
  }

  hostUpdate(): void {
    this.sync();
  }

  hostUpdated(): void {
    this.#announce();
  }

  /** The plan the widget shows: its own `plan`, else the provider's, else the bundle's first. */
  get planId(): string | undefined {
    return this.#host.plan || this.#contextValue?.plan || undefined;
  }

  get view(): PlanView {
    const state = this.#contextValue && !this.#host.src ? this.#contextValue.state : this.#state;
    const key = [state, this.planId, this.#host.node];
    if (this.#cachedView && key.every((k, i) => Object.is(k, this.#cachedView!.key[i]))) return this.#cachedView.view;
    const view = this.#resolve(state);
    this.#cachedView = { key, view };
    return view;
  }

  /** Loads again after a failure: drops the cached failure and refetches. */
  retry = (): void => {
    if (this.#host.src) {
      forgetBundle(this.#host.src);
      this.#source = undefined;
      this.sync();
      this.#host.requestUpdate();
    } else {
      this.#contextValue?.retry();
    }
  };

  #release() {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#contextValue = undefined;
  }

  /**
   * Starts loading or subscribing when `src` changed. Called by the host at the start of `willUpdate`, so that
   * derived values never see data of a previous `src` (Lit runs `hostUpdate` only after `willUpdate`).
   */
  sync(): void {
    if (!this.#connected) return;
    const src = this.#host.src || '';
    if (src === this.#source) return;
    this.#release();
    this.#source = src;
    if (src) this.#load(src);
    else this.#subscribe();
  }

  #load(src: string) {
    // Already loaded (another widget, or this one before it was moved): show it at once, without a loading flash.
    const cached = peekBundle(src);
    if (cached) {
      this.#setState({ status: 'ready', model: cached });
      return;
    }
    const abort = (this.#abort = new AbortController());
    this.#setState({ status: 'loading' });
    loadBundle(src, { signal: abort.signal }).then(
      (model) => abort === this.#abort && this.#setState({ status: 'ready', model }),
      (e: unknown) => {
        if (abort !== this.#abort || abort.signal.aborted) return;
        this.#setState({ status: 'error', error: e instanceof KdxError ? e : new KdxError('network', { url: resolveUrl(src) }, { cause: e }) });
      },
    );
  }

  #subscribe() {
    this.#setState({ status: 'loading' });
    let answered = false;
    this.#host.dispatchEvent(
      new PlanRequestEvent(
        planContext,
        this.#host,
        (value, unsubscribe) => {
          answered = true;
          if (unsubscribe && unsubscribe !== this.#unsubscribe) {
            this.#unsubscribe?.();
            this.#unsubscribe = unsubscribe;
          }
          this.#contextValue = value;
          this.#host.requestUpdate();
        },
        true,
      ),
    );
    if (answered) return;
    // No provider answered. Either it is not upgraded yet (its definition comes later), or there is none.
    const ancestor = providerAncestor(this.#host);
    if (ancestor && !customElements.get(PROVIDER_TAG)) {
      const source = this.#source;
      void customElements.whenDefined(PROVIDER_TAG).then(() => {
        if (this.#connected && this.#source === source && !this.#contextValue) {
          this.#source = undefined;
          this.sync();
        }
      });
      return;
    }
    this.#setState({ status: 'error', error: new KdxError('no-source', { widget: `<${this.#host.localName}>` }) });
  }

  #setState(state: BundleState) {
    this.#state = state;
    this.#host.requestUpdate();
  }

  #resolve(state: BundleState): PlanView {
    if (state.status === 'loading') return state;
    if (state.status === 'error') {
      // "Try again" only where it can help: network faults, timeouts, 408, 429 and 5xx. Not a 404 or bad data.
      return { status: 'error', error: state.error, retry: state.error.transient ? this.retry : undefined };
    }
    const model = state.model;
    const planId = this.planId;
    const plan = model.plan(planId);
    if (!plan) {
      return { status: 'error', error: new KdxError('plan-not-found', { id: planId, valid: model.plans.map((p) => p.data.id) }) };
    }
    const nodeId = this.#host.node;
    const node = nodeId ? plan.byId.get(nodeId) : plan.root;
    if (!node) {
      return {
        status: 'error',
        error: new KdxError('node-not-found', { id: nodeId, plan: plan.data.id, valid: examples(plan.byId.keys(), plan.root.id) }),
      };
    }
    return { status: 'ready', model, plan, node };
  }

  /**
   * Fires `kdx-load` or `kdx-error` when what is shown changes, and logs errors with their detail. Widgets with
   * their own failure (a node of the wrong kind) report it through `fail()` instead of the view.
   */
  #announce() {
    const view = this.view;
    if (view.status === 'loading' || !this.#host.languageReady || (view.status === 'ready' && this.#host.shapesReady === false)) return;
    const widgetError = (this.#host as { widgetError?: KdxError | undefined }).widgetError;
    const token = widgetError ?? (view.status === 'ready' ? view.node : view.error);
    if (token === this.#announced) return;
    const error = widgetError ?? (view.status === 'error' ? view.error : undefined);
    // A problem is announced worded: its detail's catalogue first (a chunk of its own, see i18n/index.ts).
    if (error && !detailReady(this.#host.language, () => this.#host.requestUpdate())) return;
    this.#announced = token;
    if (error) {
      const lang = this.#host.language;
      const message = errorMessage(error, lang);
      const issues = error.issues.map((i) => formatIssue(i, lang));
      console.error(`[kdx] <${this.#host.localName}> ${error.code}: ${message}`, { url: error.params.url, issues, cause: error.cause });
      this.#host.dispatchEvent(new KdxErrorEvent({ code: error.code, message, url: error.params.url, issues }));
    } else if (view.status === 'ready') {
      this.#host.dispatchEvent(new KdxLoadEvent({ plan: view.plan.data.id, node: view.node.id }));
    }
  }
}
