/** Helpers for chart tests: what a chart draws on its canvas, read from the drawing calls themselves. */
import type { Chart } from 'chart.js';

/** One drawing call: a text (with where it went) or a filled shape (a bar, a slice), with its fill colour. */
export interface Drawn {
  text?: string;
  x?: number;
  y?: number;
  /** The canvas's own spelling of the colour (`#rrggbb` or `rgba(…)`): compare through `canvasColour`. */
  fill: string;
}

/** Redraws `chart` once and records every text and filled shape it draws. */
export function drawn(chart: Chart): Drawn[] {
  const proto = CanvasRenderingContext2D.prototype;
  const { fillText, fill } = proto;
  const calls: Drawn[] = [];
  proto.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, w?: number) {
    calls.push({ text, x, y, fill: String(this.fillStyle) });
    return fillText.call(this, text, x, y, w);
  };
  proto.fill = function (this: CanvasRenderingContext2D, ...args: unknown[]) {
    calls.push({ fill: String(this.fillStyle) });
    return (fill as (...a: unknown[]) => void).apply(this, args);
  };
  try {
    chart.draw();
  } finally {
    Object.assign(proto, { fillText, fill });
  }
  return calls;
}

/** The texts the chart draws on its canvas (value labels, ticks). */
export function drawnTexts(chart: Chart): string[] {
  return drawn(chart).flatMap((d) => (d.text === undefined ? [] : [d.text]));
}

const scratch = document.createElement('canvas').getContext('2d')!;
/** Any CSS colour (a computed `rgb(…)`, a keyword) as a canvas spells it, to compare with `Drawn.fill`. */
export function canvasColour(css: string): string {
  scratch.fillStyle = '#010203';
  scratch.fillStyle = css;
  return String(scratch.fillStyle);
}

/** The chart.js chart on a `<kdx-chart>`'s canvas (chart.js imported lazily: the widget loads it on demand). */
export async function chartOn(el: Element): Promise<Chart> {
  const canvas = el.shadowRoot!.querySelector('canvas');
  const chart = canvas && (await import('chart.js')).Chart.getChart(canvas);
  if (!chart) throw new Error(`<${el.localName}> has no chart on its canvas`);
  return chart;
}
