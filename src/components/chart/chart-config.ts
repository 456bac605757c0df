/**
 * A chart model → a chart.js configuration, with the colours and font read from the host. Only needed once
 * chart.js is there: it is part of the lazily loaded chart chunk (`chart-runtime.ts`), so it imports nothing at
 * run time (the classic script imports that chunk by URL, alone).
 */
import type { ChartConfiguration, ChartType as ChartJsType, Plugin, TooltipItem } from 'chart.js';
import type { Lang } from '../../i18n/index.js';
import type { ChartModel, Tone } from './chart-data.js';

/** Computed values of the host's tokens (any CSS colour the canvas understands). */
export type Palette = Record<Tone | 'text' | 'border' | 'surface', string>;

export interface ChartEnv {
  lang: Lang;
  palette: Palette;
  /** The host's computed `font-family` and size in px, so the canvas text matches the page. */
  font: { family: string; size: number };
  /** False under prefers-reduced-motion, and when redrawing for print. */
  animate: boolean;
}

/** More categories than this, or long labels, read better as horizontal bars. */
const HORIZONTAL_AFTER = 5;

/**
 * Draws each value as text next to its bar or point, and the overall rate inside the doughnut, so that colour is
 * never the only cue. Per chart (not registered globally), so it cannot touch a page's own charts.
 */
/** Tooltips in words: the full category name, then counts and rate (with several datasets, the dataset's name). */
function tooltip<T extends ChartJsType>(model: ChartModel, font: { family: string; size: number }) {
  return {
    callbacks: {
      title: (items: TooltipItem<T>[]) => model.labels[items[0]?.dataIndex ?? 0] ?? '',
      label: (item: TooltipItem<T>) => {
        const s = model.series?.[item.datasetIndex];
        return s ? `${s.label}: ${s.tooltips[item.dataIndex] ?? ''}` : (model.tooltips[item.dataIndex] ?? '');
      },
    },
    titleFont: font,
    bodyFont: font,
  };
}

function valueLabels<T extends ChartJsType>(model: ChartModel, env: ChartEnv, horizontal: boolean): Plugin<T> {
  return {
    id: 'kdxValueLabels',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      const elements = chart.getDatasetMeta(0).data;
      ctx.save();
      ctx.fillStyle = env.palette.text;
      if (model.type === 'doughnut') {
        const first = elements[0];
        if (model.centre && first) {
          ctx.font = `700 ${Math.round(env.font.size * 1.5)}px ${env.font.family}`;
          ctx.textAlign = 'center';
          ctx.textBaseline = 'middle';
          ctx.fillText(model.centre, first.x, first.y);
        }
      } else if (model.type === 'distribution') {
        // Each bar's total above it; the counts per grade are in the tooltips and the table.
        ctx.font = `700 ${env.font.size}px ${env.font.family}`;
        ctx.textAlign = 'center';
        ctx.textBaseline = 'bottom';
        const top = chart.getDatasetMeta(chart.data.datasets.length - 1).data;
        top.forEach((el, i) => {
          const label = model.valueTexts[i];
          if (label) ctx.fillText(label, el.x, el.y - 6);
        });
      } else {
        ctx.font = `700 ${env.font.size}px ${env.font.family}`;
        ctx.textAlign = horizontal ? 'left' : 'center';
        ctx.textBaseline = horizontal ? 'middle' : 'bottom';
        elements.forEach((el, i) => {
          const label = model.valueTexts[i];
          if (label) ctx.fillText(label, horizontal ? el.x + 6 : el.x, horizontal ? el.y : el.y - 6);
        });
      }
      ctx.restore();
    },
  };
}

export type KdxChartConfig = ChartConfiguration<'bar'> | ChartConfiguration<'doughnut'> | ChartConfiguration<'line'>;

export function chartConfig(model: ChartModel, env: ChartEnv): KdxChartConfig {
  const { palette, font } = env;
  const tickFont = { family: font.family, size: Math.round(font.size * 0.875) };
  const colours = model.tones.map((t) => palette[t]);
  const horizontal = model.type === 'bar' && (model.labels.length > HORIZONTAL_AFTER || model.labels.some((l) => l.length > 40));
  const common = {
    responsive: true,
    maintainAspectRatio: false,
    locale: env.lang === 'en' ? 'en-US' : 'ja-JP',
    animation: env.animate ? { duration: 400 } : (false as const),
  };
  if (model.type === 'doughnut') {
    return {
      type: 'doughnut',
      data: {
        labels: model.labels,
        datasets: [{ data: model.values, backgroundColor: colours, borderColor: palette.surface, borderWidth: 2 }],
      },
      options: { ...common, cutout: '60%', plugins: { tooltip: tooltip<'doughnut'>(model, tickFont) } },
      plugins: [valueLabels<'doughnut'>(model, env, false)],
    };
  }
  // Category labels wrap to the room each category has at the chart's current width (recomputed on resize), so
  // chart.js never needs to rotate them. The full name is in the tooltip and the table.
  const charWidth = tickFont.size * (env.lang === 'en' ? 0.55 : 1);
  const wrapped = (chart: { width: number; chartArea?: { width: number } }, index: number) => {
    const area = chart.chartArea?.width || chart.width * 0.85;
    const room = horizontal ? chart.width * 0.35 : area / Math.max(1, model.labels.length) - 12;
    return wrapLabel(model.labels[index] ?? '', Math.max(4, Math.floor(room / charWidth)));
  };
  const percentAxis = {
    type: 'linear' as const,
    min: 0,
    max: 100,
    // Steps of 25: when a narrow chart shows every other tick, 100% is still one of them.
    ticks: { stepSize: 25, maxRotation: 0, color: palette.text, font: tickFont, callback: (v: string | number) => formatTick(Number(v), env.lang) },
    grid: { color: palette.border },
    border: { color: palette.border },
  };
  const categoryAxis = {
    type: 'category' as const,
    // Points of a line chart kept off the axes, so that their value labels stay clear of the axis labels.
    offset: true,
    ticks: {
      color: palette.text,
      font: tickFont,
      autoSkip: false,
      maxRotation: 0,
      callback(this: { chart: { width: number; chartArea?: { width: number } } }, _value: string | number, index: number) {
        return wrapped(this.chart, index);
      },
    },
    grid: { display: false },
    border: { color: palette.border },
  };
  // Room for the value labels beyond the last bar or above the highest point.
  const layout = { padding: horizontal ? { right: font.size * 4 } : { top: font.size * 1.75 } };
  if (model.type === 'distribution') {
    const countAxis = { type: 'linear' as const, min: 0, stacked: true, ticks: { precision: 0, color: palette.text, font: tickFont }, grid: { color: palette.border }, border: { color: palette.border } };
    return {
      type: 'bar',
      data: {
        labels: model.labels,
        datasets: model.series!.map((s) => ({ label: s.label, data: s.values as number[], backgroundColor: palette[s.tone], borderColor: palette.surface, borderWidth: 1, maxBarThickness: 72 })),
      },
      options: { ...common, layout, scales: { x: { ...categoryAxis, stacked: true }, y: countAxis }, plugins: { tooltip: tooltip<'bar'>(model, tickFont) } },
      plugins: [valueLabels<'bar'>(model, env, false)],
    };
  }
  if (model.type === 'indicator') {
    const valueAxis = {
      type: 'linear' as const,
      grace: '10%',
      ticks: { color: palette.text, font: tickFont, callback: (v: string | number) => formatValueTick(Number(v), env.lang) },
      grid: { color: palette.border },
      border: { color: palette.border },
      title: model.unit ? { display: true, text: model.unit, color: palette.text, font: tickFont } : undefined,
    };
    return {
      type: 'line',
      data: {
        labels: model.labels,
        datasets: model.series!.map((s) => ({
          label: s.label,
          data: s.values as number[],
          borderColor: palette[s.tone],
          backgroundColor: palette[s.tone],
          borderDash: s.dashed ? [8, 5] : [],
          borderWidth: s.dashed ? 2 : 3,
          pointRadius: s.dashed ? 0 : 5,
          pointHoverRadius: s.dashed ? 0 : 7,
          spanGaps: true,
        })),
      },
      options: { ...common, layout, scales: { x: categoryAxis, y: valueAxis }, plugins: { tooltip: tooltip<'line'>(model, tickFont) } },
      plugins: [valueLabels<'line'>(model, env, false)],
    };
  }
  if (model.type === 'line') {
    return {
      type: 'line',
      data: {
        labels: model.labels,
        datasets: [
          {
            data: model.values,
            borderColor: palette.accent,
            backgroundColor: palette.accent,
            pointRadius: 5,
            pointHoverRadius: 7,
            borderWidth: 3,
          },
        ],
      },
      options: { ...common, layout, scales: { x: categoryAxis, y: percentAxis }, plugins: { tooltip: tooltip<'line'>(model, tickFont) } },
      plugins: [valueLabels<'line'>(model, env, false)],
    };
  }
  return {
    type: 'bar',
    data: {
      labels: model.labels,
      datasets: [{ data: model.values, backgroundColor: colours, borderColor: colours, maxBarThickness: 72 }],
    },
    options: {
      ...common,
      indexAxis: horizontal ? 'y' : 'x',
      layout,
      scales: horizontal ? { x: percentAxis, y: categoryAxis } : { x: categoryAxis, y: percentAxis },
      plugins: { tooltip: tooltip<'bar'>(model, tickFont) },
    },
    plugins: [valueLabels<'bar'>(model, env, horizontal)],
  };
}

/** After these, a Japanese line may break without splitting a word (particles, punctuation). */
const JA_BREAK_AFTER = /[のをはがにでとや・、。）」]/;

/**
 * A category label in lines of at most `width` characters (chart.js draws an array as lines), at most 3. English
 * breaks between words; Japanese after a particle or punctuation where one is near, else anywhere.
 */
export function wrapLabel(label: string, width: number): string[] {
  const spaced = /\s/.test(label.trim());
  const lines: string[] = [];
  if (spaced) {
    let line = '';
    for (const w of label.trim().split(/\s+/)) {
      const next = line ? `${line} ${w}` : w;
      if (line && [...next].length > width) {
        lines.push(line);
        line = w;
      } else line = next;
    }
    if (line) lines.push(line);
  } else {
    let rest = [...label];
    while (rest.length > width) {
      let cut = width;
      for (let i = width - 1; i >= Math.ceil(width / 2); i--) {
        if (JA_BREAK_AFTER.test(rest[i - 1]!)) {
          cut = i;
          break;
        }
      }
      lines.push(rest.slice(0, cut).join(''));
      rest = rest.slice(cut);
    }
    if (rest.length) lines.push(rest.join(''));
  }
  if (lines.length <= 3) return lines;
  // The start and the end, cut in the middle: labels that start alike ("Raising the quality of the …") differ.
  const rest = spaced ? label.trim().split(/\s+/) : [...label];
  let tail = rest.pop()!;
  for (let next = rest.pop(); next && [...next].length + [...tail].length + (spaced ? 2 : 1) <= width; next = rest.pop()) {
    tail = spaced ? `${next} ${tail}` : next + tail;
  }
  return [lines[0]!, `${lines[1]}…`, tail];
}

const valueFormats = new Map<Lang, Intl.NumberFormat>();
/** An axis tick of an indicator's values, in its own unit (「1,200」). */
export function formatValueTick(value: number, lang: Lang): string {
  let f = valueFormats.get(lang);
  if (!f) valueFormats.set(lang, (f = new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'ja-JP', { maximumFractionDigits: 2 })));
  return f.format(value);
}

const tickFormats = new Map<Lang, Intl.NumberFormat>();
/** An axis tick in percent without decimals (「20%」). `value` is in percent. */
export function formatTick(value: number, lang: Lang): string {
  let f = tickFormats.get(lang);
  if (!f) tickFormats.set(lang, (f = new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'ja-JP', { style: 'percent', maximumFractionDigits: 0 })));
  return f.format(value / 100);
}
