import { css, html, LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { BundleState, PlanContextValue } from '../../context/plan-context.js';
import { PlanProvider } from './plan-provider.js';
import { KdxError } from '../../data/errors.js';
import { forgetBundle, loadBundle, parseBundleLazily, peekBundle } from '../../data/load.js';
import { VERSION } from '../../version.js';

/**
 * @summary Loads a plan bundle once and gives it to every kdx widget inside it, however deeply nested.
 * @tag kdx-plan
 *
 * @slot - Any markup, with kdx widgets anywhere inside. A `<script type="application/json">` child is read as
 *   inline bundle data when there is no `src`.
 *
 */
export class KdxPlan extends LitElement {
  static readonly kdxVersion = VERSION;
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  // Declared, not decorated: see KdxElement.properties.
  static override properties: PropertyDeclarations = {
    src: { reflect: true },
    plan: { reflect: true },
  };

  /** URL of the plan bundle (JSON). */
  declare src: string | undefined;
  /** Default plan id for the widgets inside. */
  declare plan: string | undefined;

  /** Loads again; after a failure, drops the cached failure first. */
  retry = (): void => {
    if (this.src) forgetBundle(this.src);
    this.reload();
  };

  private state: BundleState = { status: 'loading' };
  private inlineText: string | undefined;
  /** The src the current state came from (undefined: inline data). */
  private loadedSrc: string | undefined;
  private abort: AbortController | undefined;
  private observer: MutationObserver | undefined;
  private readonly provider = new PlanProvider(this, this.value());

  private value(): PlanContextValue {
    return { state: this.state, plan: this.plan || undefined, retry: this.retry };
  }

  private publish(state: BundleState = this.state) {
    this.state = state;
    this.provider.setValue(this.value());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.reload();
    // Inline data may arrive after upgrade (a classic script in <head>) or change later.
    this.observer = new MutationObserver(() => !this.src && this.reload());
    this.observer.observe(this, { childList: true, characterData: true, subtree: true });
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => this.isConnected && !this.src && this.reload(), { once: true });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    this.abort = undefined;
    this.observer?.disconnect();
    this.observer = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    // connectedCallback loads the first src; a src changed or set later (even after connect) loads again.
    if (changed.has('src') && (this.src || undefined) !== this.loadedSrc) this.reload();
    else if (changed.has('plan')) this.publish();
  }

  private reload() {
    this.abort?.abort();
    this.abort = undefined;
    this.loadedSrc = this.src || undefined;
    if (this.src) {
      const cached = peekBundle(this.src);
      if (cached) return this.publish({ status: 'ready', model: cached });
      const abort = (this.abort = new AbortController());
      this.publish({ status: 'loading' });
      loadBundle(this.src, { signal: abort.signal }).then(
        (model) => abort === this.abort && this.publish({ status: 'ready', model }),
        (e: unknown) => {
          if (abort !== this.abort || abort.signal.aborted) return;
          this.publish({ status: 'error', error: e instanceof KdxError ? e : new KdxError('network', { url: this.src }) });
        },
      );
      return;
    }
    const script = this.querySelector(':scope > script[type="application/json"]');
    if (!script) {
      if (document.readyState !== 'loading') this.publish({ status: 'error', error: new KdxError('inline-missing') });
      return;
    }
    const text = script.textContent ?? '';
    if (this.state.status !== 'loading' && text === this.inlineText) return;
    this.inlineText = text;
    const fail = (e: unknown) => this.publish({ status: 'error', error: e instanceof KdxError ? e : new KdxError('not-json', { url: 'inline' }) });
    try {
      const model = parseBundleLazily(text, '<kdx-plan> <script type="application/json">');
      // Data with report shapes waits for their rules (a chunk of its own); other data is ready at once.
      if (!(model instanceof Promise)) return this.publish({ status: 'ready', model });
      this.publish({ status: 'loading' });
      model.then((m) => text === this.inlineText && this.publish({ status: 'ready', model: m }), (e: unknown) => text === this.inlineText && fail(e));
    } catch (e) {
      fail(e);
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
