import { html, LitElement, nothing, type CSSResultGroup, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { PlanDataController, type PlanView } from '../../context/plan-data.js';
import { errorMessage, readerMessage, type KdxError } from '../../data/errors.js';
import { detailReady, hasMessages, loadMessages, LOADING, messages, type Lang, type Messages } from '../../i18n/index.js';
import { resolveLang } from '../../i18n/resolve-lang.js';
import { hostStyles } from '../../styles/host.js';
import { VERSION } from '../../version.js';
import { unwatchLang, watchLang } from './lang-watch.js';
import { bundleHasShapes, loadedShapes, loadShapes, type Shapes } from './load-shapes.js';

export type ReadyView = Extract<PlanView, { status: 'ready' }>;

/**
 * What every data widget shares: the `src` / `plan` / `node` / `theme` attributes, data from its own `src` or
 * the nearest `<kdx-plan>`, the language, and the loading and error states. A widget renders only its ready
 * state (`renderReady`) and may refuse a node it cannot show (`checkNode`).
 */
export abstract class KdxElement extends LitElement {
  static override styles: CSSResultGroup = hostStyles;
  /** The library version that defined this class (the `define` guard compares it). */
  static readonly kdxVersion = VERSION;

  /**
   * Lit's reactive properties, declared here rather than with decorators (the decorators' code would ship to
   * every page). The fields below are `declare`d and their defaults set in the constructor, so that no class
   * field shadows the accessors Lit generates, whatever the compiler's class-field semantics.
   */
  static override properties: PropertyDeclarations = {
    src: { reflect: true },
    plan: { reflect: true },
    node: { reflect: true },
    theme: { reflect: true },
    language: { state: true },
    languageReady: { state: true },
    shapes: { state: true },
    shapesReady: { state: true },
  };

  /** URL of a plan bundle (JSON). Without it, data comes from the nearest `<kdx-plan>`. */
  declare src: string | undefined;
  /** Plan id in the bundle (default: the provider's, else the first plan). */
  declare plan: string | undefined;
  /** Node id in the plan (default: the plan's root). */
  declare node: string | undefined;
  /** `light` (default), `dark`, or `auto` (follows the reader's system setting). */
  declare theme: 'light' | 'dark' | 'auto' | undefined;

  /**
   * The language shown: own `lang`, else the closest ancestor's, else the document's, once its messages are
   * loaded (English loads on demand; a switch to it keeps the old language until then).
   * @internal
   */
  declare language: Lang;

  /**
   * Whether `language`'s messages are here. Until then the widget shows its placeholder and announces nothing.
   * @internal
   */
  declare languageReady: boolean;

  /**
   * The code and strings of the report shapes (grade tables, indicators…), once loaded; only for data that has them.
   * @internal
   */
  declare shapes: Shapes | undefined;

  /**
   * Whether the shapes the data needs are here (or could not be loaded: then the widget shows what it can without).
   * Until then the widget shows its placeholder and announces nothing.
   * @internal
   */
  declare shapesReady: boolean;

  #shapesLoading: Lang | undefined;
  #shapesFailed = false;

  /** The language asked for, which `language` follows once its messages are loaded. */
  #wantedLanguage: Lang = 'ja';

  /**
   * A failure of this widget's own (a node it cannot show), set in `willUpdate`.
   * @internal
   */
  widgetError: KdxError | undefined;

  /** Set when the reader pressed "Try again": focus goes to what replaces the button. */
  #focusAfterRetry = false;

  protected readonly data = new PlanDataController(this);

  constructor() {
    super();
    this.language = 'ja';
    this.languageReady = false;
    this.shapesReady = true;
  }

  protected get t(): Messages {
    return messages(this.language);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#setLanguage(resolveLang(this));
    watchLang(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    unwatchLang(this);
  }

  /** @internal */
  langChanged(): void {
    this.#setLanguage(resolveLang(this));
  }

  #setLanguage(lang: Lang): void {
    this.#wantedLanguage = lang;
    const show = (shown: Lang) => {
      if (this.#wantedLanguage !== lang) return;
      this.language = shown;
      this.languageReady = true;
    };
    if (hasMessages(lang)) return show(lang);
    loadMessages(lang).then(
      () => show(lang),
      (e: unknown) => {
        // Japanese rather than a placeholder for ever; the detail for the site's staff.
        console.error(`[kdx] 英語のメッセージを読み込めませんでした。日本語で表示します。 / Could not load the English messages (publish dist/ with chunks/ as it is); showing Japanese.`, e);
        show('ja');
      },
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.data.sync();
    const view = this.data.view;
    // The shapes chunk first: some checks need it (a chart of counts by grade), and nothing shows before it is here.
    if (view.status === 'ready') this.#syncShapes(view);
    const error = view.status === 'ready' && this.shapesReady ? this.checkNode(view) : undefined;
    // Keep the previous object for the same failure, so `kdx-error` fires once per failure, not per render.
    const same = error && this.widgetError && error.code === this.widgetError.code && JSON.stringify(error.params) === JSON.stringify(this.widgetError.params);
    if (!same) this.widgetError = error;
    if (view.status === 'ready' && !this.widgetError && this.shapesReady) this.willShow(view, changed);
  }

  /** Whether the widget needs the shapes chunk for this view: by default, when the bundle has shapes. */
  protected needsShapes(view: ReadyView): boolean {
    return bundleHasShapes(view.model);
  }

  /** Loads the shapes chunk in the widget's language when the view needs it, and shows the placeholder until then. */
  #syncShapes(view: ReadyView): void {
    const lang = this.language;
    const needed = this.needsShapes(view) && !this.#shapesFailed;
    const have = needed ? loadedShapes(lang) : undefined;
    if (have || !needed) {
      if (have) this.shapes = have;
      this.shapesReady = true;
      return;
    }
    this.shapesReady = false;
    if (this.#shapesLoading === lang) return;
    this.#shapesLoading = lang;
    loadShapes(lang).then(
      () => {
        this.#shapesLoading = undefined;
        this.requestUpdate();
      },
      (e: unknown) => {
        this.#shapesLoading = undefined;
        this.#shapesFailed = true;
        console.error(`[kdx] 評価区分・指標を表示するプログラムを読み込めませんでした。dist/ のファイル（chunks/ を含む）をまとめて置いてください。 / Could not load the code that shows grades and indicators (publish dist/ with chunks/ as it is); showing the rest.`, e);
        this.requestUpdate();
      },
    );
  }

  /** Return an error when this widget cannot show the node (e.g. a chart of a node without children). */
  protected checkNode(_view: ReadyView): KdxError | undefined {
    return undefined;
  }

  /** Derive what the ready state needs (called from `willUpdate`, never from `render`). */
  protected willShow(_view: ReadyView, _changed: PropertyValues<this>): void {}

  protected abstract renderReady(view: ReadyView): TemplateResult;

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // After "Try again" the button is gone: move focus to the result (data or a new error), not to <body>.
    if (this.#focusAfterRetry && this.data.view.status !== 'loading') {
      this.#focusAfterRetry = false;
      const target = this.renderRoot.querySelector<HTMLElement>('[part="error"], [part="base"]');
      if (target) {
        if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
        target.focus({ preventScroll: true });
      }
    }
  }

  protected override render(): TemplateResult {
    const view = this.data.view;
    if (view.status === 'loading' || !this.languageReady || (view.status === 'ready' && !this.shapesReady)) {
      return html`<div class="state" part="placeholder" aria-busy="true" lang=${this.#wantedLanguage}>${LOADING[this.#wantedLanguage]}</div>`;
    }
    if (view.status === 'error') return this.renderError(view.error, view.retry);
    if (this.widgetError) return this.renderError(this.widgetError);
    return this.renderReady(view);
  }

  protected renderError(error: KdxError, retry?: () => void): TemplateResult {
    return html`<div class="state error" part="error" role="alert" lang=${this.language} data-code=${error.code}>
      <p class="title">${this.t.errorTitle}</p>
      <p>${readerMessage(error, this.language)}</p>
      ${retry
        ? html`<button class="retry" part="retry-button" type="button" @click=${() => ((this.#focusAfterRetry = true), retry())}>
            ${this.t.retry}
          </button>`
        : nothing}
      <details class="detail"
        ><summary>${this.t.staffDetails}</summary
        ><p>${detailReady(this.language, () => this.requestUpdate()) ? errorMessage(error, this.language) : LOADING[this.language]}</p></details
      >
    </div>`;
  }
}
