import { html, nothing, type CSSResultGroup, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import {
  formatCount,
  formatFiscalYear,
  formatNumber,
  formatPercent,
  kindLabel,
  numberLabel,
  safeHref,
  text,
  unitText,
} from '../../data/format.js';
import { ancestors, type PlanModel, type PlanNode } from '../../data/model.js';
import { hostStyles } from '../../styles/host.js';
import { editorialMark } from '../shared/editorial.js';
import { heading, headingLevel } from '../shared/heading.js';
import { KdxElement, type ReadyView } from '../shared/kdx-element.js';
import { langOf, shown, type Shown } from '../shared/shown.js';
import type { GradeLine, IndicatorView } from './card-grades.js';
import { initiativeCardStyles } from './initiative-card.styles.js';

type Tone = 'success' | 'info' | 'warning' | 'danger' | 'neutral';

interface Card {
  title: Shown;
  /** Kind, №, page, the heading the source lists it under (or the fiscal year added, in older bundles). */
  facts: string[];
  /** The status as text and tone, only where the data gives one. */
  status: { label: Shown; tone: Tone } | null;
  progress: string | null;
  /** The date the counts are as of, with the progress line. */
  asOf: string;
  /** Grades on the plan's own scales, each with how it was reached. */
  grades: GradeLine[];
  indicators: IndicatorView[];
  target: { label: Shown | null; values: Array<{ name: string; value: Shown }> } | null;
  /** Figures the source gives in its text (「イベントを17件」). */
  results: Array<{ name: Shown | null; value: string }>;
  /** Items of other plans this node corresponds to. */
  aligned: Shown[];
  /** What the description is (実施内容 / 取組内容), where the data says. */
  descriptionLabel: string | null;
  description: Shown | null;
  notes: Shown[];
  breadcrumb: Shown[];
  link: { href: string; text: string } | null;
}

/**
 * @summary One item of a plan as a card: title, document number, page, the heading the source lists it under
 * (carried out or added in a year), a status only where the data has one, numeric target, description, notes,
 * its place in the plan and a link to the source document. Works for any node (an initiative, a policy, a
 * section, the plan itself) and shows only what the data has; the editor's wording carries the editor's mark.
 * @tag kdx-initiative-card
 *
 * @attr src - URL of a plan bundle. Without it, data comes from the nearest `<kdx-plan>`.
 * @attr plan - Plan id (default: the provider's, else the first plan).
 * @attr node - Node id (default: the plan's root).
 * @attr heading-level - Level of the title's heading, 1–6 (default 3), to fit the page's outline.
 * @attr lang - `ja` or `en`; default: the closest `lang` above.
 * @attr theme - `light` (default), `dark` or `auto`.
 *
 * @fires kdx-load - Data is shown. `detail: { plan, node }`.
 * @fires kdx-error - An error is shown instead. `detail: { code, message, url?, issues? }`.
 *
 * @csspart base - The card (an `<article>`).
 * @csspart heading - The title (a heading of `heading-level`).
 * @csspart status - The status line: label and value, as text, with a colour mark.
 * @csspart meta - Kind, №, page, fiscal year, status, progress and numeric target.
 * @csspart description - The description (the node's summary; line breaks kept).
 * @csspart breadcrumb - The node's place in the plan (plan › policy › area).
 * @csspart link - The link to the source document or the node's own page.
 * @csspart error - The error message box.
 * @csspart placeholder - The loading placeholder.
 *
 * @cssprop --kdx-card-background - Background (default: `--kdx-color-surface`).
 * @cssprop --kdx-card-border-color - Border colour (default: `--kdx-color-border`).
 * @cssprop --kdx-card-radius - Corner radius (default: `--kdx-radius`).
 * @cssprop --kdx-card-padding - Padding (default 1em 1.25em).
 * @cssprop --kdx-card-heading-size - Title size (default 1.25em).
 * @cssprop --kdx-card-link-color - Link colour (default: `--kdx-color-accent`).
 * @cssprop --kdx-color-success - Status tone colours, shared by all widgets (also `-info`, `-warning`,
 *   `-danger`, `-neutral`); the status is always written out next to its colour.
 */
export class KdxInitiativeCard extends KdxElement {
  static override styles: CSSResultGroup = [hostStyles, initiativeCardStyles];

  // Declared, defaults in the constructor: see KdxElement.properties.
  static override properties: PropertyDeclarations = {
    headingLevel: { attribute: 'heading-level', type: Number },
  };

  /** Level of the title's heading (1–6). Out-of-range values are clamped; anything else means 3. */
  declare headingLevel: number | null;

  #card: Card | undefined;

  constructor() {
    super();
    this.headingLevel = 3;
  }

  protected override willShow(view: ReadyView, _changed: PropertyValues<this>): void {
    this.#card = this.#build(view);
  }

  #build({ model, plan, node }: ReadyView): Card {
    const l = this.language;
    const t = this.t;
    const S = this.shapes;
    const d = node.data;
    const title = shown(node.title, l) ?? { text: node.id, lang: l };

    const facts: string[] = [];
    const kind = kindLabel(plan.data, node.kind, l, t.kind);
    if (kind) facts.push(kind);
    const number = numberLabel(plan.data, d, l);
    // 「視点1」 already names its kind; a bare № gets the № sign.
    if (number) facts.push(number === d.number?.trim() ? `${t.card.number} ${number}` : number);
    if (d.page != null) facts.push(t.card.page(String(d.page)));
    if (d.reported) facts.push(t.card.reported[d.reported.as](formatFiscalYear(d.reported.fiscalYear, l)));
    else if (d.fiscalYear != null) facts.push(t.card.added(formatFiscalYear(d.fiscalYear, l)));

    // A status only where the data gives one: a report that gives counts only says nothing per item.
    let status: Card['status'] = null;
    if (d.status) {
      const s = model.statuses.get(d.status);
      status = { label: shown(s?.label, l) ?? { text: d.status, lang: l }, tone: s?.tone ?? 'neutral' };
    }

    // Counts only for nodes that have them (declared or rolled up), not a leaf's "1 of 1" from its status.
    const p = node.progress;
    const progress =
      p && p.source !== 'status' && p.rateTenths !== null
        ? t.progress.spoken(formatCount(p.achieved, l), formatCount(p.total, l), formatPercent(p.rateTenths, l))
        : null;

    let target: Card['target'] = null;
    if (d.numericTarget) {
      const nt = d.numericTarget;
      const unit = shown(nt.unit, l);
      const amount = (n: number): Shown => ({ text: t.card.amount(formatNumber(n, l), unit?.text ?? ''), lang: unit?.lang ?? l });
      const values: Array<{ name: string; value: Shown }> = [];
      if (nt.target != null) values.push({ name: t.card.target, value: amount(nt.target) });
      if (nt.actual != null) values.push({ name: t.card.actual, value: amount(nt.actual) });
      target = { label: shown(nt.label, l), values };
    }

    const results = (d.results ?? []).map((r) => {
      const unit = unitText(r.unit, l);
      return { name: shown(r.label, l), value: t.card.amount(formatNumber(r.value, l), unit) };
    });
    const aligned = (d.alignedWith ?? [])
      .map((a) => {
        const title = shown(a.title, l);
        const planName = text(a.plan, l).trim();
        return title && { ...title, text: planName ? t.card.alignedItem(planName, title.text) : title.text };
      })
      .filter((a): a is Shown => !!a);
    const notes = (d.notes ?? []).map((n) => shown(n, l)).filter((n): n is Shown => n !== null);
    const breadcrumb = ancestors(node).map((a) => shown(a.title, l) ?? { text: a.id, lang: l });

    return {
      title,
      facts,
      status,
      progress,
      asOf: progress && S ? S.code.asOfText(S.code.asOfOf(plan, node), l, S.m) : '',
      grades: S ? S.code.gradeLines(node, l, S.m) : [],
      indicators: S ? S.code.indicatorViews(node, l, t, S.m) : [],
      target,
      results,
      aligned,
      descriptionLabel: d.summaryKind && d.summary ? t.card.summaryKind[d.summaryKind] : null,
      description: shown(d.summary, l),
      notes,
      breadcrumb,
      link: this.#link(plan, node),
    };
  }

  /** The node's own page, else the source document at the node's page (or, for the plan itself, the document). */
  #link(plan: PlanModel, node: PlanNode): Card['link'] {
    const t = this.t;
    const base = plan.bundle.url; // relative links in a bundle are relative to the bundle
    const own = safeHref(node.data.link, base);
    if (own) return { href: own, text: t.card.detailLink };
    if (node.data.link) return null; // a link the data gives but that is unusable: not replaced by a guess
    const source = plan.data.source?.url;
    if (!source) return null;
    const page = node.data.page;
    if (page != null) {
      const href = safeHref(`${source.split('#')[0]}#page=${page}`, base);
      return href ? { href, text: t.card.sourceLink(String(page)) } : null;
    }
    if (node !== plan.root) return null;
    const href = safeHref(source, base);
    return href ? { href, text: t.card.sourceLinkNoPage } : null;
  }

  /** `lang` on an element only when its text is not in the widget's language. */
  #langOf(s: Shown) {
    return langOf(s, this.language);
  }

  /** A title or text, with the editor's mark after it where it is the bundle editor's wording (as the overview). */
  #marked(s: Shown) {
    return s.editorial ? html`${s.text}${editorialMark(this.t.editorial, this.language)}` : s.text;
  }

  protected renderReady(_view: ReadyView): TemplateResult {
    const c = this.#card!;
    const t = this.t;
    return html`<article class="base" part="base" lang=${this.language} aria-labelledby="heading">
      ${c.breadcrumb.length
        ? // A list, not a <nav>: it has no links, and many cards must not flood the landmark list.
          html`<div class="breadcrumb" part="breadcrumb">
            <ol aria-label=${t.card.breadcrumb(c.title.text)}>
              ${c.breadcrumb.map((b) => html`<li lang=${this.#langOf(b)}>${this.#marked(b)}</li>`)}
            </ol>
          </div>`
        : nothing}
      ${heading(headingLevel(this.headingLevel, 3), { cls: 'heading', part: 'heading', id: 'heading', lang: this.#langOf(c.title) }, this.#marked(c.title))}
      <div class="meta" part="meta">
        <ul class="facts">
          ${c.facts.map((f) => html`<li>${f}</li>`)}
        </ul>
        ${this.#renderStatus(c)}
        ${c.grades.map((g) => this.shapes!.code.renderGrade(g, this.shapes!.m, (s) => this.#langOf(s)))}
        ${c.progress ? html`<p class="progress">${c.progress}</p>${c.asOf ? html`<p class="as-of">${c.asOf}</p>` : nothing}` : nothing}
        ${this.#renderTarget(c)}
        ${c.indicators.map((v) => this.shapes!.code.renderIndicator(v, t, this.shapes!.m, (s) => this.#langOf(s), (n) => this.#renderNote(n)))}
        ${this.#renderResults(c)}
      </div>
      ${c.description
        ? html`${c.descriptionLabel ? html`<p class="description-label" id="description-label">${c.descriptionLabel}</p>` : nothing}
            <p class="description" part="description" lang=${this.#langOf(c.description)}>${this.#marked(c.description)}</p>`
        : nothing}
      ${c.aligned.length
        ? html`<div class="aligned">
            <p class="aligned-label" id="aligned-label">${t.card.alignedWith}</p>
            <ul aria-labelledby="aligned-label">
              ${c.aligned.map((a) => html`<li lang=${this.#langOf(a)}>${a.text}</li>`)}
            </ul>
          </div>`
        : nothing}
      ${c.notes.length
        ? html`<ul class="notes" aria-label=${t.card.notes}>
            ${c.notes.map((n) => this.#renderNote(n))}
          </ul>`
        : nothing}
      ${c.link ? html`<p class="link-row"><a class="link" part="link" href=${c.link.href}>${c.link.text}</a></p>` : nothing}
    </article>`;
  }

  /** The source's footnotes as it prints them (※); the editor's own notes labelled as such. */
  #renderNote(n: Shown): TemplateResult {
    const t = this.t;
    return n.editorial
      ? html`<li class="editorial" lang=${this.#langOf(n)}><span class="editorial-label" lang=${this.language}>${t.card.editorialNote}</span>${this.language === 'en' ? ' ' : ''}${n.text}</li>`
      : html`<li lang=${this.#langOf(n)}>${t.card.note(n.text)}</li>`;
  }

  #renderStatus(c: Card): TemplateResult | typeof nothing {
    if (!c.status) return nothing;
    const t = this.t;
    const s = c.status;
    return html`<p class="status" part="status">
      ${t.card.status}:
      <span class="status-value badge tone-${s.tone}"
        ><span class="dot" aria-hidden="true"></span><span lang=${this.#langOf(s.label)}>${s.label.text}</span></span
      >
    </p>`;
  }

  #renderResults(c: Card): TemplateResult | typeof nothing {
    if (!c.results.length) return nothing;
    return html`<div class="results">
      <span class="flag">${this.t.card.results}</span>
      <dl class="target-values">
        ${c.results.map((r) => html`<div><dt lang=${r.name ? this.#langOf(r.name) : nothing}>${r.name?.text ?? this.t.card.results}</dt> <dd>${r.value}</dd></div>`)}
      </dl>
    </div>`;
  }

  #renderTarget(c: Card): TemplateResult | typeof nothing {
    const nt = c.target;
    if (!nt) return nothing;
    // A line like the status line, not a badge: it says what the mark means, or shows the target.
    return html`<div class="target">
      <span class="target-name">${this.t.card.numericTarget}:</span>
      ${nt.label ? html`<span class="target-label" lang=${this.#langOf(nt.label)}>${nt.label.text}</span>` : nothing}
      ${!nt.label && !nt.values.length ? html`<span class="none">${this.t.card.targetNotGiven}</span>` : nothing}
      ${nt.values.length
        ? html`<dl class="target-values">
            ${nt.values.map((v) => html`<div><dt>${v.name}</dt> <dd lang=${this.#langOf(v.value)}>${v.value.text}</dd></div>`)}
          </dl>`
        : nothing}
    </div>`;
  }
}
