import { html, nothing, svg, type CSSResultGroup, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { KdxError } from '../../data/errors.js';
import { formatCount, formatPercent, text } from '../../data/format.js';
import type { ScaleModel } from '../../data/model.js';
import { STATUS_SCALE, type Progress } from '../../data/rollup.js';
import { hostStyles } from '../../styles/host.js';
import { KdxElement, type ReadyView } from '../shared/kdx-element.js';
import { langOf, type Shown } from '../shared/shown.js';
import type { DistributionView } from './distribution.js';
import { progressStyles } from './progress.styles.js';

/** What the meter shows: the rate, its name where the plan names it, and the counts it is from. */
interface Rate {
  tenths: number;
  achieved: number;
  /** The scale's name for its rate (「A評価以上の割合」); undefined for the plain 達成率 of statuses. */
  label: Shown | undefined;
}

/**
 * @summary A data meter: the achievement rate of a plan or any node, with counts and notes as the report prints
 * them (「124項目中108項目達成（87.1%）」).
 * @tag kdx-progress
 *
 * @attr src - URL of a plan bundle. Without it, data comes from the nearest `<kdx-plan>`.
 * @attr plan - Plan id (default: the first plan).
 * @attr node - Node id (default: the plan's root).
 * @attr variant - `bar` (default), `ring`, or `inline` (for running text).
 * @attr breakdown - Show counts by status when the data has them.
 * @attr scale - The scale to show (a plan's `scales` id, or `status`); default: the plan's headline. A plan with
 *   scales of its own shows the scale's counts by grade as a table, with the change against the report's
 *   comparison base where the data has one.
 * @attr lang - `ja` or `en`; default: the closest `lang` above.
 * @attr theme - `light` (default), `dark` or `auto`.
 *
 * @fires kdx-load - Data is shown. `detail: { plan, node }`.
 * @fires kdx-error - An error is shown instead. `detail: { code, message, url?, issues? }`.
 *
 * @csspart base - The widget's box.
 * @csspart title - The node's title.
 * @csspart rate - The percentage.
 * @csspart meter - The track (bar) or the ring.
 * @csspart fill - The filled part of the bar.
 * @csspart counts - The counts line (「124項目中108項目達成」).
 * @csspart note - The note on items whose figures are not yet fixed.
 * @csspart breakdown - The list of counts by status.
 * @csspart distribution - The table of counts and shares by grade.
 * @csspart change - The rate's change against the comparison base (「平成26年度比 +25.3ポイント」).
 * @csspart as-of - The date the figures are as of.
 * @csspart retry-button - The "Try again" button after a transient failure.
 * @csspart error - The error message box.
 * @csspart placeholder - The loading placeholder.
 *
 * @cssprop --kdx-progress-fill - Fill colour (default: `--kdx-color-accent`).
 * @cssprop --kdx-progress-height - Bar height (default 0.75em).
 * @cssprop --kdx-progress-ring-size - Ring diameter (default 6em).
 * @cssprop --kdx-progress-background - Background (default: `--kdx-color-surface`).
 * @cssprop --kdx-color-accent - Accent colour shared by all widgets.
 */
export class KdxProgress extends KdxElement {
  static override styles: CSSResultGroup = [hostStyles, progressStyles];

  // Declared, defaults in the constructor: see KdxElement.properties.
  static override properties: PropertyDeclarations = {
    variant: { reflect: true },
    breakdown: { type: Boolean, reflect: true },
    scale: { reflect: true },
  };

  declare variant: 'bar' | 'ring' | 'inline';
  declare breakdown: boolean;
  declare scale: string | undefined;

  #progress: Progress | null = null;
  #rate: Rate | undefined;
  #distribution: DistributionView | undefined;
  #asOf = '';

  constructor() {
    super();
    this.variant = 'bar';
    this.breakdown = false;
  }

  protected override needsShapes(view: ReadyView): boolean {
    return !!this.scale || super.needsShapes(view);
  }

  protected override checkNode(view: ReadyView): KdxError | undefined {
    if (!this.scale || view.plan.scale(this.scale)) return undefined;
    return new KdxError('wrong-kind', { widget: '<kdx-progress>', id: view.node.id, problem: 'no-scale', title: view.node.title });
  }

  protected override willShow(view: ReadyView, _changed: PropertyValues<this>): void {
    const { plan, node } = view;
    const p = (this.#progress = node.progress);
    const scale = plan.scale(this.scale);
    // A plan's own scales are its report's headline table; the statuses' breakdown stays opt-in (`breakdown`).
    const S = this.shapes;
    this.#distribution = S && scale && (scale.id !== STATUS_SCALE || this.scale) ? S.code.distributionView(plan, node, scale, this.language, S.m) : undefined;
    this.#rate = p ? this.#rateOf(p, scale, scale === plan.headline) : undefined;
    // The date the counts are as of, with the report shapes (a plan's as-of date alone is the overview's fact).
    this.#asOf = p && S ? S.code.asOfText(S.code.asOfOf(plan, node), this.language, S.m) : '';
    const rate = this.#rate?.tenths;
    // The fill width as a custom property: set from code, so no inline style= in templates (strict CSP).
    if (rate == null) this.style.removeProperty('--_rate');
    else this.style.setProperty('--_rate', String(rate / 1000));
  }

  /** The headline's rate (declared or rolled up), or another scale's own; none for a scale without achieved grades. */
  #rateOf(p: Progress, scale: ScaleModel | undefined, headline: boolean): Rate | undefined {
    const d = scale && !headline ? p.byScale.get(scale.id) : undefined;
    const tenths = headline || !scale ? p.rateTenths : (d?.rateTenths ?? null);
    if (tenths === null) return undefined;
    const named = scale && scale.id !== STATUS_SCALE;
    const S = this.shapes;
    return { tenths, achieved: headline || !scale ? p.achieved : d!.achieved!, label: named && S ? S.code.rateName(scale, this.language, S.m) : undefined };
  }

  #spoken(p: Progress, rate: Rate): string {
    const l = this.language;
    const [a, total, pct] = [formatCount(rate.achieved, l), formatCount(p.total, l), formatPercent(rate.tenths, l)];
    const m = this.shapes?.m;
    return rate.label && m ? m.grades.spokenRate(rate.label.text, pct, a, total) : this.t.progress.spoken(a, total, pct);
  }

  protected renderReady(view: ReadyView): TemplateResult {
    const l = this.language;
    const title = text(view.node.title, l);
    const p = this.#progress;
    if (p && !this.#rate && this.#distribution) return this.#renderDistributionOnly(title, p);
    if (!p || !this.#rate) return this.#renderNoData(title);
    const rate = this.#rate.tenths;
    const percent = formatPercent(rate, l);
    const meter = {
      valuetext: this.#spoken(p, this.#rate),
      valuenow: String(rate / 10),
    };
    if (this.variant === 'inline') {
      return html`<span class="inline" part="base" lang=${l}
        ><span role="meter" aria-label=${title} aria-valuemin="0" aria-valuemax="100" aria-valuenow=${meter.valuenow}
          aria-valuetext=${meter.valuetext}
          ><span class="inline-meter"><span class="inline-rate" part="rate">${percent}</span><span class="track" part="meter"
            ><span class="fill" part="fill"></span></span></span
          ><span class="counts-inline">${this.#countsText(p, this.#rate, true)}</span></span
        ></span
      >`;
    }
    const label = this.#rate.label;
    const details = html`
      ${label
        ? html`<p class="counts" part="counts" aria-hidden="true" lang=${this.#langOf(label)}>${this.#countsText(p, this.#rate, false)}</p>`
        : html`<p class="counts" part="counts" aria-hidden="true">${this.t.progress.counts(formatCount(p.achieved, l), formatCount(p.total, l))}</p>`}
      ${this.#renderNotes(p)}
      ${this.breakdown && !this.#distribution ? this.#renderBreakdown(view, p) : nothing}
    `;
    const table = this.#distribution ? this.#renderTable(this.#distribution) : nothing;
    if (this.variant === 'ring') {
      return html`<div class="base ring-layout" part="base" lang=${l}>
        <svg class="ring" part="meter" viewBox="0 0 120 120" role="meter" aria-labelledby="title" aria-valuemin="0"
          aria-valuemax="100" aria-valuenow=${meter.valuenow} aria-valuetext=${meter.valuetext}>
          ${svg`<circle class="ring-track" cx="60" cy="60" r="50"></circle>
          <circle class="ring-fill" cx="60" cy="60" r="50" pathLength="1000" stroke-dasharray="1000"
            stroke-dashoffset=${1000 - rate}></circle>`}
        </svg>
        <div class="ring-text">
          <span class="title" part="title" id="title">${title}</span>
          <span class="rate" part="rate" aria-hidden="true">${percent}</span>
          ${details}
        </div>
        ${table === nothing ? nothing : html`<div class="ring-table">${table}</div>`}
      </div>`;
    }
    return html`<div class="base" part="base" lang=${l}>
      <div class="header">
        <span class="title" part="title" id="title">${title}</span>
        <span class="rate" part="rate" aria-hidden="true">${percent}</span>
      </div>
      <div class="track" part="meter" role="meter" aria-labelledby="title" aria-valuemin="0" aria-valuemax="100"
        aria-valuenow=${meter.valuenow} aria-valuetext=${meter.valuetext}>
        <div class="fill" part="fill"></div>
      </div>
      ${details}${table}
    </div>`;
  }

  /** The counts: 「124項目中 108項目達成」, or 「A評価以上の割合：40項目中28項目」; `inline`: in running text's parentheses. */
  #countsText(p: Progress, rate: Rate, inline: boolean): string {
    const l = this.language;
    const [a, total] = [formatCount(rate.achieved, l), formatCount(p.total, l)];
    const m = this.shapes?.m;
    if (rate.label && m) return inline ? m.grades.rateCountsInline(rate.label.text, a, total) : m.grades.rateCounts(rate.label.text, a, total);
    return inline ? this.t.progress.countsInline(a, total) : this.t.progress.counts(a, total);
  }

  /** A scale without achieved grades (実施状況): no rate to show, only the table. */
  #renderDistributionOnly(title: string, p: Progress): TemplateResult {
    const l = this.language;
    const v = this.#distribution!;
    if (this.variant === 'inline') {
      const m = this.shapes!.m;
      const parts = v.rows.map((r) => `${r.grade.text} ${m.grades.items(r.count)}`);
      return html`<span class="inline" part="base" lang=${l}>${m.chart.snapshotParts(title, this.t.list(parts))}</span>`;
    }
    return html`<div class="base" part="base" lang=${l}>
      <span class="title" part="title">${title}</span>
      ${this.#renderNotes(p)}
      ${this.#renderTable(v)}
    </div>`;
  }

  /** Items whose figures are not yet fixed, and the date the counts are as of. */
  #renderNotes(p: Progress): TemplateResult {
    return html`${p.unconfirmed > 0 ? html`<p class="note" part="note">${this.t.progress.unconfirmed(formatCount(p.unconfirmed, this.language), p.unconfirmedDerived)}</p>` : nothing}${this.#asOf
      ? html`<p class="as-of" part="as-of">${this.#asOf}</p>`
      : nothing}`;
  }

  /** The table of the shapes chunk (a view exists only when the chunk is here). */
  #renderTable(v: DistributionView): TemplateResult {
    const S = this.shapes!;
    return S.code.renderDistribution(v, S.m, (s) => this.#langOf(s));
  }

  /** `lang` on an element only when its text is not in the widget's language. */
  #langOf(s: Shown) {
    return langOf(s, this.language);
  }

  #renderNoData(title: string): TemplateResult {
    const l = this.language;
    if (this.variant === 'inline') {
      return html`<span class="inline nodata-inline" part="base" lang=${l}>${this.t.progress.noDataSpoken(title)}</span>`;
    }
    return html`<div class="base" part="base" lang=${l}>
      <span class="title" part="title">${title}</span>
      <p class="nodata">${this.t.progress.noData}</p>
    </div>`;
  }

  #renderBreakdown(view: ReadyView, p: Progress): TemplateResult | typeof nothing {
    if (!p.byStatus.length) return nothing;
    const l = this.language;
    return html`<ul class="breakdown" part="breakdown" aria-label=${this.t.progress.breakdown}>
      ${p.byStatus.map(({ status, count }) => {
        const s = view.model.statuses.get(status);
        return html`<li>
          <span class="swatch tone-${s?.tone ?? 'neutral'}" aria-hidden="true"></span>
          <span>${text(s?.label, l) || status}</span>
          <span>${formatCount(count, l)}</span>
        </li>`;
      })}
    </ul>`;
  }
}

