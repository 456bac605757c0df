import { ContextProvider } from '@lit/context';
import { css, html, LitElement, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { planContext, type PlanContextValue } from '../context/plan-context.js';
import type { BundleModel, PlanModel } from '../data/model.js';
import { define } from '../define.js';
import { KdxNodeSelectEvent } from '../events/kdx-node-select.js';
import { authorMessages } from '../i18n/author.js';
import type { Lang } from '../i18n/index.js';
import { tokens } from '../styles/tokens.js';
import { PREVIEW_WIDGETS, type Attributes } from './preview-widgets.js';

export type PreviewWidth = 'phone' | 'desktop';

/**
 * The live preview: every widget of `preview-widgets.ts` on the edited data, given to them by context as a
 * `<kdx-plan>` would (a new model on every change; the widgets re-render from it). At a phone or a desktop width:
 * the widgets size themselves by their container, so the frame's width is what a reader's screen would give.
 *
 * @fires author-select - `detail: { id }` when an item is chosen in the preview's tree.
 */
export class KdxAuthorPreview extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      fieldset {
        border: 0;
        margin: 0 0 1em;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em 1.5em;
      }
      legend {
        font-weight: 700;
        padding: 0;
        margin-bottom: 0.25em;
      }
      label {
        display: inline-flex;
        gap: 0.4em;
        align-items: center;
      }
      input:focus-visible {
        outline: 3px solid var(--_focus);
        outline-offset: 2px;
      }
      .frame {
        box-sizing: border-box;
        max-width: 100%;
        padding: 1em;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
      }
      .frame.phone {
        width: 360px;
      }
      .frame.desktop {
        width: 1024px;
      }
      h3 {
        font-size: 1em;
        margin: 1.25em 0 0.5em;
      }
      section:first-child h3 {
        margin-top: 0;
      }
      .widgets {
        display: grid;
        gap: 1em;
      }
      .desktop .widgets.multi {
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    model: { attribute: false },
    plan: {},
    selected: {},
    width: {},
    language: {},
  };

  model: BundleModel | undefined;
  plan: string | undefined;
  /** The item chosen (tree or edit panel): the card shows it. */
  selected: string | undefined;
  width: PreviewWidth = 'desktop';
  language: Lang = 'ja';

  private readonly provider = new ContextProvider(this, { context: planContext, initialValue: this.value() });
  /** Each widget's class, loading or loaded (on first use, as kdx.js does it); settled, loaded or not. */
  private loads = new Map<string, Promise<unknown>>();

  private value(): PlanContextValue {
    return {
      state: this.model ? { status: 'ready', model: this.model } : { status: 'loading' },
      plan: this.plan,
      retry: () => {},
    };
  }

  private get planModel(): PlanModel | undefined {
    return this.model?.plan(this.plan);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener(KdxNodeSelectEvent.type, this.onSelect);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener(KdxNodeSelectEvent.type, this.onSelect);
  }

  private onSelect = (e: Event) => {
    const { id } = (e as KdxNodeSelectEvent).detail;
    this.dispatchEvent(new CustomEvent('author-select', { detail: { id }, bubbles: true, composed: true }));
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new value object on every change: context consumers compare by identity.
    if (changed.has('model') || changed.has('plan')) this.provider.setValue(this.value());
  }

  protected override updated(): void {
    const plan = this.planModel;
    if (!plan) return;
    const selected = this.selected ? plan.byId.get(this.selected) : undefined;
    for (const widget of PREVIEW_WIDGETS) {
      const box = this.renderRoot.querySelector<HTMLElement>(`.widgets[data-tag="${widget.tag}"]`);
      if (!box) continue;
      if (!this.loads.has(widget.tag)) {
        const loaded = widget.load().then((ctor) => define(widget.tag, ctor));
        loaded.catch((e: unknown) => console.error(`[kdx author] ${widget.tag}`, e));
        this.loads.set(widget.tag, loaded.catch(() => undefined));
      }
      sync(box, widget.tag, widget.instances(plan, selected));
    }
  }

  /** Resolves once the widgets show the current model: their classes loaded (or failed to) and their first render done. */
  async rendered(): Promise<void> {
    await this.updateComplete;
    await Promise.all(this.loads.values());
    const widgets = [...this.renderRoot.querySelectorAll('.widgets > *')] as Array<Partial<Pick<LitElement, 'updateComplete'>>>;
    await Promise.all(widgets.map((w) => w.updateComplete));
  }

  protected override render() {
    const t = authorMessages(this.language).preview;
    const plan = this.planModel;
    const choice = (value: PreviewWidth, label: string) =>
      html`<label><input type="radio" name="width" .value=${value} .checked=${this.width === value} @change=${() => (this.width = value)} />${label}</label>`;
    return html`
      <fieldset>
        <legend>${t.width}</legend>
        ${choice('phone', t.phone)} ${choice('desktop', t.desktop)}
      </fieldset>
      ${plan
        ? html`<div class="frame ${this.width}" data-width=${this.width}>
            ${PREVIEW_WIDGETS.map((w) => {
              const count = w.instances(plan, this.selected ? plan.byId.get(this.selected) : undefined).length;
              return count
                ? html`<section>
                    <h3>${t.widgets[w.tag] ?? w.tag}</h3>
                    <div class="widgets ${count > 1 ? 'multi' : ''}" data-tag=${w.tag}></div>
                  </section>`
                : nothing;
            })}
          </div>`
        : html`<p>${t.empty}</p>`}
    `;
  }
}

/** `box` holds one `<tag>` per attribute set, in order; elements whose attributes stay are kept (no re-render). */
function sync(box: HTMLElement, tag: string, wanted: Attributes[]): void {
  const key = (a: Attributes) => JSON.stringify(Object.entries(a));
  const have = [...box.children] as HTMLElement[];
  if (have.length === wanted.length && have.every((el, i) => el.dataset.key === key(wanted[i]!))) return;
  box.replaceChildren(
    ...wanted.map((attrs) => {
      const el = document.createElement(tag);
      for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
      el.dataset.key = key(attrs);
      return el;
    }),
  );
}
