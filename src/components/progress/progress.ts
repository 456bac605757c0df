import { html, nothing, svg, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { formatCount, formatPercent, text } from '../../data/format.js';
import type { Progress } from '../../data/rollup.js';
import { hostStyles } from '../../styles/host.js';
import { KdxElement, type ReadyView } from '../shared/kdx-element.js';
import { progressStyles } from './progress.styles.js';

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

  @property({ reflect: true }) variant: 'bar' | 'ring' | 'inline' = 'bar';
  @property({ type: Boolean, reflect: true }) breakdown = false;

  private progress: Progress | null = null;

  protected override willShow(view: ReadyView, _changed: PropertyValues<this>): void {
    this.progress = view.node.progress;
    const rate = this.progress?.rateTenths;
    // The fill width as a custom property: set from code, so no inline style= in templates (strict CSP).
    if (rate == null) this.style.removeProperty('--_rate');
    else this.style.setProperty('--_rate', String(rate / 1000));
  }

  private spoken(p: Progress, rate: number): string {
    const l = this.language;
    return this.t.progress.spoken(formatCount(p.achieved, l), formatCount(p.total, l), formatPercent(rate, l));
  }

  protected renderReady(view: ReadyView): TemplateResult {
    const l = this.language;
    const title = text(view.node.title, l);
    const p = this.progress;
    if (!p || p.rateTenths === null) return this.renderNoData(title);
    const rate = p.rateTenths;
    const percent = formatPercent(rate, l);
    const meter = {
      valuetext: this.spoken(p, rate),
      valuenow: String(rate / 10),
    };
    if (this.variant === 'inline') {
      return html`<span class="inline" part="base" lang=${l}
        ><span role="meter" aria-label=${title} aria-valuemin="0" aria-valuemax="100" aria-valuenow=${meter.valuenow}
          aria-valuetext=${meter.valuetext}
          ><span class="inline-meter"><span class="inline-rate" part="rate">${percent}</span><span class="track" part="meter"
            ><span class="fill" part="fill"></span></span></span
          ><span class="counts-inline">${this.t.progress.countsInline(formatCount(p.achieved, l), formatCount(p.total, l))}</span></span
        ></span
      >`;
    }
    const details = html`
      <p class="counts" part="counts" aria-hidden="true">${this.t.progress.counts(formatCount(p.achieved, l), formatCount(p.total, l))}</p>
      ${p.unconfirmed > 0 ? html`<p class="note" part="note">${this.t.progress.unconfirmed(formatCount(p.unconfirmed, l))}</p>` : nothing}
      ${this.breakdown ? this.renderBreakdown(view, p) : nothing}
    `;
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
      ${details}
    </div>`;
  }

  private renderNoData(title: string): TemplateResult {
    const l = this.language;
    if (this.variant === 'inline') {
      return html`<span class="inline nodata-inline" part="base" lang=${l}>${this.t.progress.noDataSpoken(title)}</span>`;
    }
    return html`<div class="base" part="base" lang=${l}>
      <span class="title" part="title">${title}</span>
      <p class="nodata">${this.t.progress.noData}</p>
    </div>`;
  }

  private renderBreakdown(view: ReadyView, p: Progress): TemplateResult | typeof nothing {
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

