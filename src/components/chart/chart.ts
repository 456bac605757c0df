import { html, nothing, type CSSResultGroup, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { Chart, ChartConfiguration } from 'chart.js';
import { KdxError } from '../../data/errors.js';
import { hostStyles } from '../../styles/host.js';
import { KdxElement, type ReadyView } from '../shared/kdx-element.js';
import type { ChartEnv, Palette } from './chart-config.js';
import { CHART_TYPES, chartModel, chartProblem, type ChartModel, type ChartType, type ShapeOptions } from './chart-data.js';
import { chartStyles } from './chart.styles.js';
import { loadChartJs, type ChartRuntime } from './load-chartjs.js';

const TOKENS = ['accent', 'success', 'info', 'warning', 'danger', 'neutral', 'text', 'border', 'surface'] as const;

/**
 * @summary A chart of a plan or node: achievement rates of its children (bar), its achieved / not achieved / not
 * yet fixed items (doughnut), or its rate by fiscal year (line). The same data is always a real table too.
 * @tag kdx-chart
 *
 * @attr src - URL of a plan bundle. Without it, data comes from the nearest `<kdx-plan>`.
 * @attr plan - Plan id (default: the first plan).
 * @attr node - Node id (default: the plan's root).
 * @attr type - `bar` (default): each child's rate (children without progress data are left out); `doughnut`:
 *   the node's items by outcome, or by status when the data breaks them down; `line`: the node's `history`.
 *   `distribution`: the counts by grade over the years (the node's `history` and dated `progress`), stacked;
 *   `indicator`: an indicator's actual values by year against its baseline and target.
 * @attr scale - The scale of `distribution` and `doughnut` (a plan's `scales` id); default: the plan's headline.
 * @attr indicator - Which of the node's indicators `indicator` draws (0-based; default 0).
 * @attr lang - `ja` or `en`; default: the closest `lang` above.
 * @attr theme - `light` (default), `dark` or `auto`.
 *
 * @fires kdx-load - Data is shown. `detail: { plan, node }`.
 * @fires kdx-error - An error is shown instead (also when the node cannot be charted: code `wrong-kind`).
 *   `detail: { code, message, url?, issues? }`.
 *
 * @csspart base - The widget's box.
 * @csspart title - What the chart shows (also the table's caption).
 * @csspart chart - The box around the canvas (its height is `--kdx-chart-height`).
 * @csspart legend - The doughnut's legend.
 * @csspart note - What the chart calculated rather than took from the data (the doughnut's remainder, a scale's
 *   shares, counts added up from the items).
 * @csspart toggle-button - The button that shows or hides the table.
 * @csspart table - The data table (visually hidden until the button is pressed; always printed).
 * @csspart error - The error message box.
 * @csspart placeholder - The loading placeholder.
 *
 * @cssprop --kdx-chart-height - Height of the chart (default 300px).
 * @cssprop --kdx-chart-background - Background (default: `--kdx-color-surface`).
 * @cssprop --kdx-chart-padding - Padding (default 0.75em 1em).
 * @cssprop --kdx-color-accent - Bars and lines.
 * @cssprop --kdx-color-success - Achieved (doughnut).
 * @cssprop --kdx-color-warning - Not achieved (doughnut).
 * @cssprop --kdx-color-neutral - Not yet fixed (doughnut).
 */
export class KdxChart extends KdxElement {
  static override styles: CSSResultGroup = [hostStyles, chartStyles];

  // Declared, defaults in the constructor: see KdxElement.properties.
  static override properties: PropertyDeclarations = {
    type: { reflect: true },
    scale: { reflect: true },
    indicator: { type: Number, reflect: true },
    tableOpen: { state: true },
    chartFailed: { state: true },
  };

  /** `bar` (default), `doughnut`, `line`, `distribution` or `indicator`; anything else draws a bar chart. */
  declare type: ChartType;
  declare scale: string | undefined;
  declare indicator: number | undefined;

  declare private tableOpen: boolean;
  /** chart.js could not be loaded: the table is shown instead. */
  declare private chartFailed: boolean;

  constructor() {
    super();
    this.type = 'bar';
    this.tableOpen = false;
    this.chartFailed = false;
  }

  private model: ChartModel | undefined;
  private modelKey: unknown[] = [];
  private chart: Chart | undefined;
  /** chart.js and the configuration mapping, once loaded. */
  private runtime: ChartRuntime | undefined;
  /** What the current chart (or the one being built) draws; compared by identity. */
  private drawnKey: unknown[] | undefined;
  /** Bumped whenever a chart is dropped, so that a build that finishes late is discarded. */
  private generation = 0;
  private building: Promise<void> = Promise.resolve();

  private get chartType(): ChartType {
    return (CHART_TYPES as readonly string[]).includes(this.type) ? this.type : 'bar';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Start fetching chart.js now, in parallel with the data. Failures are handled when the chart is built.
    loadChartJs().catch(() => {});
    addEventListener('beforeprint', this.onPrint);
    addEventListener('afterprint', this.onPrint);
    darkScheme().addEventListener('change', this.onSchemeChange);
    forcedColours().addEventListener('change', this.onForcedColours);
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('beforeprint', this.onPrint);
    removeEventListener('afterprint', this.onPrint);
    darkScheme().removeEventListener('change', this.onSchemeChange);
    forcedColours().removeEventListener('change', this.onForcedColours);
    this.dropChart();
  }

  /** Resolves when the element has rendered and its chart (if any) is drawn. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await this.building;
    return done;
  }

  private shapeOptions(view: ReadyView): ShapeOptions {
    const i = Number(this.indicator);
    return { plan: view.plan, scale: view.plan.scale(this.scale), indicator: Number.isInteger(i) && i >= 0 ? i : 0, shapes: this.shapes };
  }

  protected override needsShapes(view: ReadyView): boolean {
    return !!this.scale || this.chartType === 'distribution' || this.chartType === 'indicator' || super.needsShapes(view);
  }

  protected override checkNode(view: ReadyView): KdxError | undefined {
    if (this.scale && !view.plan.scale(this.scale)) {
      return new KdxError('wrong-kind', { widget: '<kdx-chart>', id: view.node.id, problem: 'no-scale', title: view.node.title });
    }
    const problem = chartProblem(view.node, this.chartType, this.shapeOptions(view));
    return problem === null ? undefined : new KdxError('wrong-kind', { widget: '<kdx-chart>', id: view.node.id, problem, title: view.node.title });
  }

  protected override willShow(view: ReadyView, _changed: PropertyValues<this>): void {
    const key = [view.node, view.model, this.chartType, this.language, this.scale, this.indicator, this.shapes];
    if (this.model && same(key, this.modelKey)) return;
    this.modelKey = key;
    this.model = chartModel(view.node, this.chartType, this.language, view.model.statuses, this.shapeOptions(view));
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.syncChart();
  }

  /** Draws the chart when what it shows changed, or drops it when the widget shows something else. */
  private syncChart() {
    const canvas = this.renderRoot.querySelector('canvas');
    const ready = this.data.view.status === 'ready' && !this.widgetError;
    const model = ready && canvas && this.isConnected ? this.model : undefined;
    const key = [model, canvas, this.theme, forcedColours().matches];
    if (this.drawnKey && same(key, this.drawnKey)) return;
    this.dropChart();
    if (!model || !canvas) return;
    this.drawnKey = key;
    const generation = this.generation;
    this.building = loadChartJs().then(
      (runtime) => {
        if (generation !== this.generation) return;
        this.runtime = runtime;
        // One chart.js type per branch of the union; the constructor takes any of them.
        this.chart = new runtime.Chart(canvas, runtime.chartConfig(model, this.env()) as ChartConfiguration);
        this.chartFailed = false;
      },
      (e: unknown) => {
        if (generation !== this.generation) return;
        console.warn(`[kdx] <kdx-chart>: ${this.t.chart.loadFailed}`, e);
        this.chartFailed = true;
      },
    );
  }

  private dropChart() {
    this.generation++;
    this.chart?.destroy();
    this.chart = undefined;
    this.drawnKey = undefined;
  }

  /**
   * Colours and font from the host's computed tokens, so themes and a page's `--kdx-*` values apply. Under forced
   * colours (Windows contrast themes) the reader's system colours instead, as the rest of the page has them.
   */
  private env(light = false): ChartEnv {
    const canvas = this.renderRoot.querySelector('canvas');
    // For paper: the light theme's values, as an inner element with the class gets them (see tokens.ts).
    canvas?.classList.toggle('light-tokens', light);
    const cs = getComputedStyle(light && canvas ? canvas : this);
    const forced = forcedColours().matches && !light ? canvas : null;
    const palette = Object.fromEntries(
      TOKENS.map((t) => [t, forced ? systemColour(forced, FORCED[t]) : cs.getPropertyValue(`--_${t}`).trim() || cs.color]),
    ) as Palette;
    canvas?.classList.remove('light-tokens');
    return {
      lang: this.language,
      palette,
      font: { family: cs.fontFamily, size: parseFloat(cs.fontSize) || 16 },
      animate: !matchMedia('(prefers-reduced-motion: reduce)').matches,
    };
  }

  /**
   * Print: the canvas keeps the colours it was drawn with, so a dark theme would print light text on white paper.
   * Redraw at once (no animation, or the printed frame is the first one) in the light theme's colours with black
   * text (what the other widgets print in), and back afterwards.
   */
  private onPrint = (e: Event) => {
    const chart = this.chart;
    const model = this.drawnKey?.[0] as ChartModel | undefined;
    const runtime = this.runtime;
    if (!chart || !model || !runtime) return;
    const print = e.type === 'beforeprint';
    const env = { ...this.env(print), animate: false };
    if (print) env.palette = { ...env.palette, text: '#000', border: '#000', surface: '#fff' };
    const canvas = chart.canvas;
    chart.destroy();
    this.chart = new runtime.Chart(canvas, runtime.chartConfig(model, env) as ChartConfiguration);
  };

  /** Forced colours switched on or off: the canvas is redrawn in the new colours. */
  private onForcedColours = () => {
    this.dropChart();
    this.requestUpdate();
  };

  /** `theme="auto"` follows the system setting: the canvas's colours must follow too. */
  private onSchemeChange = () => {
    if (this.theme !== 'auto') return;
    this.dropChart();
    this.requestUpdate();
  };

  private toggleTable = () => {
    this.tableOpen = !this.tableOpen;
  };

  protected renderReady(_view: ReadyView): TemplateResult {
    const m = this.model!;
    const t = this.t.chart;
    const open = this.tableOpen || this.chartFailed;
    // Open, the table may scroll sideways in a narrow column: its box is then a labelled, focusable region. (A
    // comment here, not in the template, which ships as written.)
    return html`<div class="base" part="base" lang=${this.language}>
      <p class="title" part="title" aria-hidden="true">${m.label}</p>
      <div class="frame" part="chart"><canvas role="img" aria-label=${m.summary}></canvas></div>
      ${m.type === 'doughnut' ? this.renderLegend(m) : m.series ? this.renderSeriesLegend(m) : nothing}
      ${m.note ? html`<p class="note" part="note" id="note">${m.note}</p>` : nothing}
      ${this.chartFailed
        ? nothing
        : html`<button class="toggle" part="toggle-button" type="button" aria-expanded=${open ? 'true' : 'false'}
            aria-controls="table" @click=${this.toggleTable}>${open ? t.hideTable : t.showTable}</button>`}
      <div id="table" class=${open ? 'table-wrap open' : 'table-wrap'} role=${open ? 'region' : nothing}
        aria-labelledby=${open ? 'caption' : nothing} tabindex=${open ? '0' : nothing}>${this.renderTable(m)}</div>
    </div>`;
  }

  private renderLegend(m: ChartModel): TemplateResult {
    // Hidden from assistive technology: the canvas's label and the table say the same.
    return html`<ul class="legend" part="legend" aria-hidden="true">
      ${m.labels.map(
        (label, i) => html`<li><span class="swatch tone-${m.tones[i]}"></span><span>${label}</span><span class="legend-value">${m.tooltips[i]}</span></li>`,
      )}
    </ul>`;
  }

  /** The datasets of a distribution or an indicator chart, named (the table has the figures). */
  private renderSeriesLegend(m: ChartModel): TemplateResult {
    return html`<ul class="legend" part="legend" aria-hidden="true">
      ${m.series!.map((s) => html`<li><span class=${s.dashed ? 'swatch dashed tone-' + s.tone : 'swatch tone-' + s.tone}></span><span>${s.label}</span></li>`)}
    </ul>`;
  }

  private renderTable(m: ChartModel): TemplateResult {
    const { caption, columns, rows, foot } = m.table;
    // Roles spelled out: in a narrow column the rows are laid out as wrapping lines (chart.styles.ts), and some
    // browsers drop a table's semantics when its parts are not displayed as table parts.
    // Each cell also carries its column's name: a narrow column shows it before the number (see the styles).
    const row = (header: string, cells: string[]) =>
      html`<tr role="row"><th scope="row" role="rowheader">${header}</th>${cells.map((c, i) => html`<td role="cell" data-label=${columns[i + 1] ?? ''}>${c}</td>`)}</tr>`;
    // The note says which of its figures are calculated.
    return html`<table part="table" role="table" aria-describedby=${m.note ? 'note' : nothing}>
      <caption id="caption">${caption}</caption>
      <thead role="rowgroup"><tr role="row">${columns.map((c) => html`<th scope="col" role="columnheader">${c}</th>`)}</tr></thead>
      <tbody role="rowgroup">${rows.map((r) => row(r.header, r.cells))}</tbody>
      ${foot ? html`<tfoot role="rowgroup">${row(foot.header, foot.cells)}</tfoot>` : nothing}
    </table>`;
  }
}

let scheme: MediaQueryList | undefined;
const darkScheme = () => (scheme ??= matchMedia('(prefers-color-scheme: dark)'));
let forcedQuery: MediaQueryList | undefined;
const forcedColours = () => (forcedQuery ??= matchMedia('(forced-colors: active)'));

/** System colours for the canvas under forced colours: three that differ for the doughnut's three parts. */
const FORCED: Record<(typeof TOKENS)[number], string> = {
  accent: 'Highlight', success: 'Highlight', info: 'Highlight', warning: 'CanvasText', danger: 'CanvasText',
  neutral: 'GrayText', text: 'CanvasText', border: 'CanvasText', surface: 'Canvas',
};

/** A system colour as the reader's theme has it (a canvas draws keywords such as `Highlight` in defaults). */
function systemColour(el: HTMLElement, keyword: string): string {
  el.style.color = keyword;
  const value = getComputedStyle(el).color;
  el.style.removeProperty('color');
  return value;
}

function same(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}
