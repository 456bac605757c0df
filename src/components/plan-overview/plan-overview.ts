import { html, nothing, type CSSResultGroup, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { KdxError } from '../../data/errors.js';
import { hostStyles } from '../../styles/host.js';
import { marked } from '../shared/editorial.js';
import { heading, headingLevel } from '../shared/heading.js';
import { KdxElement, type ReadyView } from '../shared/kdx-element.js';
import { planHasRevisions } from '../shared/load-shapes.js';
import { langOf, type Shown } from '../shared/shown.js';
import type { RevisionView } from '../shared/revisions.js';
import { buildOverview, type Entry, type Fact, type Overview, type Rate } from './overview-model.js';
import { planOverviewStyles } from './plan-overview.styles.js';
import { addMessages } from '../../i18n/index.js';
import { jaOverview } from '../../i18n/ja-overview.js';

/**
 * @summary The header of a plan page: the plan's title, period (和暦 with 西暦), adoption, publisher and editor,
 * 基本理念, its top level at a glance with the rates the data has, 策定の趣旨, 推進体制, related plans, how the plan is
 * revised, notes and a link to the source document. Every part is left out when the data has nothing for it.
 * Texts the bundle marks as the editor's wording (`editorial: true`) are marked so on screen; notes are 「※」 (the
 * source's) or 「編集者注」 (the editor's), as on the card.
 * @tag kdx-plan-overview
 *
 * @attr src - URL of a plan bundle. Without it, data comes from the nearest `<kdx-plan>`.
 * @attr plan - Plan id (default: the provider's, else the first plan).
 * @attr node - Not used: the overview is of a whole plan (any other node is refused with a message).
 * @attr heading-level - Level of the plan title's heading, 1–6 (default 2); its parts' headings are one level below.
 * @attr lang - `ja` or `en`; default: the closest `lang` above.
 * @attr theme - `light` (default), `dark` or `auto`.
 *
 * @fires kdx-load - Data is shown. `detail: { plan, node }` (`node` is the plan's id).
 * @fires kdx-error - An error is shown instead. `detail: { code, message, url?, issues? }`.
 *
 * @csspart base - The overview (a `<section>` named by its heading).
 * @csspart heading - The plan's title (a heading of `heading-level`).
 * @csspart facts - Period, adoption, as-of date, publisher, editor and source document (a `<dl>`).
 * @csspart section - Each part below the facts (基本理念, 計画の構成, 策定の趣旨, …).
 * @csspart section-heading - The heading of a part (one level below the title).
 * @csspart revisions - The plan's revisions (a list, newest first), in the revision part.
 * @csspart link - Links (publisher, source document, related plans), only where the data gives a safe URL.
 * @csspart retry-button - The "Try again" button after a transient failure.
 * @csspart error - The error message box.
 * @csspart placeholder - The loading placeholder.
 *
 * @cssprop --kdx-overview-background - Background (default: `--kdx-color-surface`).
 * @cssprop --kdx-overview-border-color - Border colour (default: `--kdx-color-border`).
 * @cssprop --kdx-overview-radius - Corner radius (default: `--kdx-radius`).
 * @cssprop --kdx-overview-padding - Padding (default 1em 1.25em).
 * @cssprop --kdx-overview-heading-size - Title size (default 1.5em).
 * @cssprop --kdx-overview-accent - The 基本理念's and the top level's accent (default: `--kdx-color-accent`).
 * @cssprop --kdx-overview-link-color - Link colour (default: `--kdx-color-accent`).
 */
export class KdxPlanOverview extends KdxElement {
  static override styles: CSSResultGroup = [hostStyles, planOverviewStyles];
  static {
    addMessages(jaOverview); // its words travel with it (i18n/index.ts)
  }

  // Declared, defaults in the constructor: see KdxElement.properties.
  static override properties: PropertyDeclarations = {
    headingLevel: { attribute: 'heading-level', type: Number },
  };

  /** Level of the title's heading (1–6). Out-of-range values are clamped; anything else means 2. */
  declare headingLevel: number | null;

  #overview: Overview | undefined;
  #revisions: RevisionView[] = [];

  constructor() {
    super();
    this.headingLevel = 2;
  }

  /** The list of revisions comes with the shapes chunk; the rest of the overview needs none of it. */
  protected override needsShapes({ plan }: ReadyView): boolean {
    return planHasRevisions(plan);
  }

  protected override checkNode({ plan, node }: ReadyView): KdxError | undefined {
    if (node === plan.root) return undefined;
    return new KdxError('wrong-kind', { widget: '<kdx-plan-overview>', id: node.id, problem: 'overview-not-plan', title: node.title });
  }

  protected override willShow(view: ReadyView, _changed: PropertyValues<this>): void {
    this.#overview = buildOverview(view.plan, this.language, this.t);
    const S = this.shapes;
    this.#revisions = S && planHasRevisions(view.plan) ? S.code.revisionsView(view.plan, this.language, S.m) : [];
  }

  /** A text with its language where it differs from the widget's, and the editor's mark where it is theirs. */
  #txt(s: Shown): TemplateResult {
    return marked(s, (x) => langOf(x, this.language), this.t.editorial);
  }

  #link(href: string | null | undefined, content: unknown): unknown {
    return href ? html`<a class="link" part="link" href=${href}>${content}</a>` : content;
  }

  /** A part with its heading one level below the title; nothing when it has no content. */
  #section(key: string, title: string, content: unknown): TemplateResult | typeof nothing {
    if (content === nothing) return nothing;
    const level = Math.min(6, headingLevel(this.headingLevel, 2) + 1);
    return html`<div class="section ${key}-section" part="section">
      ${heading(level, { cls: 'section-heading', part: 'section-heading' }, title)} ${content}
    </div>`;
  }

  protected renderReady(_view: ReadyView): TemplateResult {
    const o = this.#overview!;
    const t = this.t.overview;
    const level = headingLevel(this.headingLevel, 2);
    return html`<section class="base" part="base" lang=${this.language} aria-labelledby="heading">
      ${heading(level, { cls: 'heading', part: 'heading', id: 'heading', lang: langOf(o.title, this.language) }, o.title.text)}
      ${o.subtitle ? html`<p class="subtitle">${this.#txt(o.subtitle)}</p>` : nothing}
      ${o.summary ? html`<p class="summary">${this.#txt(o.summary)}</p>` : nothing}
      ${o.facts.length ? html`<dl class="facts" part="facts">${o.facts.map((f) => this.#renderFact(f))}</dl>` : nothing}
      ${this.#section(
        'principle',
        t.principle,
        o.principle || o.principleSummary
          ? html`${o.principle ? html`<p class="principle">${this.#txt(o.principle)}</p>` : nothing}
            ${o.principleSummary ? html`<p class="prose">${this.#txt(o.principleSummary)}</p>` : nothing}`
          : nothing,
      )}
      ${this.#section('structure', t.structure, this.#renderStructure(o))}
      ${this.#section(
        'purpose',
        t.purpose,
        o.purpose.length
          ? html`<details>
              <summary>${t.purposeToggle}</summary>
              ${o.purpose.map((p) => html`<p class="prose">${this.#txt(p)}</p>`)}
            </details>`
          : nothing,
      )}
      ${this.#section('promotion', t.promotion, this.#renderPromotion(o))}
      ${this.#section('related', t.related, this.#renderRelated(o))}
      ${this.#section('revision', t.revision, this.#renderRevision(o))}
      ${this.#renderNotes(o.notes)}
      ${o.sourceLink ? html`<p><a class="link" part="link" href=${o.sourceLink}>${this.t.card.sourceLinkNoPage}</a></p>` : nothing}
    </section>`;
  }

  #renderFact(f: Fact): TemplateResult {
    return html`<div>
      <dt>${f.term}</dt>
      <dd>
        ${this.#link(f.href, this.#txt(f.value))}
        ${f.note ? html`<span class="fact-note">${this.#txt(f.note)}</span>` : nothing}
      </dd>
    </div>`;
  }

  #renderRate(r: Rate): TemplateResult {
    return html`<p class="rate">
      <strong>${r.rate}</strong> <span class="counts">${r.counts}</span>
      ${r.unconfirmed ? html`<span class="counts">${r.unconfirmed}</span>` : nothing}
    </p>`;
  }

  #renderEntry(e: Entry): TemplateResult {
    return html`${e.label ? html`<span class="entry-label">${e.label}</span> ` : nothing}<span class="entry-title">${this.#txt(e.title)}</span>`;
  }

  #renderStructure(o: Overview): TemplateResult | typeof nothing {
    if (!o.overall && !o.top.length) return nothing;
    return html`${o.overall ? html`<div class="overall"><p class="overall-label">${this.t.overview.overall}</p>${this.#renderRate(o.overall)}</div>` : nothing}
      ${o.top.length
        ? html`<ul class="top">
            ${o.top.map(
              (e) => html`<li class="entry">
                <p class="entry-head">${this.#renderEntry(e)}</p>
                ${e.rate ? this.#renderRate(e.rate) : nothing}
                ${e.children.length ? html`<ul class="children">${e.children.map((c) => html`<li>${this.#renderEntry(c)}</li>`)}</ul>` : nothing}
              </li>`,
            )}
          </ul>`
        : nothing}`;
  }

  #renderPromotion(o: Overview): TemplateResult | typeof nothing {
    const p = o.promotion;
    if (!p) return nothing;
    return html`${p.summary ? html`<p class="prose">${this.#txt(p.summary)}</p>` : nothing}
      ${p.bodies.length
        ? html`<dl class="bodies">
            ${p.bodies.map((b) => html`<div><dt>${this.#txt(b.title)}</dt> ${b.summary ? html`<dd>${this.#txt(b.summary)}</dd>` : nothing}</div>`)}
          </dl>`
        : nothing}`;
  }

  #renderRelated(o: Overview): TemplateResult | typeof nothing {
    if (!o.related.length) return nothing;
    const t = this.t.overview;
    return html`<ul class="related">
      ${o.related.map(
        (r) => html`<li>
          <p class="related-title">${this.#link(r.href, this.#txt(r.title))}${r.date ? html`<span class="related-date">${t.dated(r.date)}</span>` : nothing}</p>
          ${r.relation ? html`<dl class="relation"><div><dt>${t.relation}</dt> <dd>${this.#txt(r.relation)}</dd></div></dl>` : nothing}
          ${r.summary ? html`<p class="related-summary">${this.#txt(r.summary)}</p>` : nothing}
        </li>`,
      )}
    </ul>`;
  }

  /** How the plan is revised, then its revisions, newest first (each with its date, period, items added and removed). */
  #renderRevision(o: Overview): TemplateResult | typeof nothing {
    const S = this.shapes;
    const list = S && this.#revisions.length ? S.code.renderRevisions(this.#revisions, S.m, (s) => langOf(s, this.language), (n) => this.#renderNotes(n)) : nothing;
    if (!o.revision && list === nothing) return nothing;
    return html`${o.revision ? html`<p class="prose">${this.#txt(o.revision)}</p>` : nothing}${list}`;
  }

  /** The plan's notes, or a revision's. */
  #renderNotes(notes: Shown[]): TemplateResult | typeof nothing {
    if (!notes.length) return nothing;
    const t = this.t.card;
    // The source's footnotes as it prints them (※); the editor's own notes labelled as such, as on the card.
    return html`<ul class="notes" aria-label=${t.notes}>
      ${notes.map((n) =>
        n.editorial
          ? html`<li><span class="editorial-label">${t.editorialNote}</span>${this.language === 'en' ? ' ' : ''}${this.#txt({ ...n, editorial: false })}</li>`
          : html`<li>${this.#txt({ ...n, text: t.note(n.text) })}</li>`,
      )}
    </ul>`;
  }
}
