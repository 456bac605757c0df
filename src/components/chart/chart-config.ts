/**
 * A chart model → a chart.js configuration, with the colours and font read from the host. Only needed once
 * chart.js is there: it is part of the lazily loaded chart chunk (`chart-runtime.ts`), so it imports nothing at
 * run time (the classic script imports that chunk by URL, alone).
 */
import type { ChartConfiguration, ChartType as ChartJsType, Plugin, Scale, TooltipItem } from 'chart.js';
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
      } else {
        ctx.font = `700 ${env.font.size}px ${env.font.family}`;
        ctx.textAlign = horizontal ? 'left' : 'center';
        ctx.textBaseline = horizontal ? 'middle' : 'bottom';
        // A distribution: each bar's total above it (the counts per grade are in the tooltips and the table). A label
        // that would touch the last one drawn is left out (the tooltip and the table have it).
        let free = [-Infinity, 0];
        (model.type === 'distribution' ? chart.getDatasetMeta(chart.data.datasets.length - 1).data : elements).forEach((el, i) => {
          const label = model.valueTexts[i];
          if (!label) return;
          if (horizontal) return ctx.fillText(label, el.x + 6, el.y);
          const w = ctx.measureText(label).width / 2 + 2;
          if (el.x - w < free[0]! && Math.abs(el.y - free[1]!) < env.font.size) return;
          free = [el.x + w, el.y];
          ctx.fillText(label, el.x, el.y - 6);
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
    // chart.js's padding between labels it keeps is 3 by default: 2 keeps ten upright years at 320 px.
    ticks: { color: palette.text, font: tickFont, autoSkipPadding: 2 },
    grid: { display: false },
    border: { color: palette.border },
    ...categoryLabels(model.labels, env.lang, tickFont),
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
    const values = model.series!.flatMap((x) => x.values.filter((v): v is number => v !== null));
    const lo = Math.min(...values);
    const valueAxis = {
      type: 'linear' as const,
      // A twentieth of the range beyond the values (chart.js halves the grace), from 0 where that would go below it.
      grace: '10%',
      beginAtZero: lo >= 0 && lo * 20 <= Math.max(...values) - lo,
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

/**
 * Category labels laid out at the axis's size on every layout (a resize too), measured in the tick font: wrapped
 * into lines that fit their room, cut at the end only where the room has too few lines, no two shown alike. Under
 * a chart whose labels do not fit so (a word wider than its category: 「FY2019」 at 320 px), each is one line,
 * turned upright; chart.js leaves some out only when even those cannot stand side by side.
 */
function categoryLabels(labels: string[], lang: Lang, font: { family: string; size: number }) {
  let upright = false;
  return {
    afterTickToLabelConversion(axis: Scale) {
      const { ctx, chart } = axis;
      ctx.save();
      ctx.font = `${font.size}px ${font.family}`;
      const n = labels.length || 1;
      const gap = font.size / 2;
      const fit = (room: number, max: number) => {
        const all = labels.map((l) => wrapLabel(l, lang, (t) => ctx.measureText(t).width, room, max));
        const ok = !all.some((w) => w.over) && new Set(all.map((w) => w.lines.join())).size === new Set(labels).size;
        return { all, ok };
      };
      let f;
      if (axis.isHorizontal()) {
        f = fit(axis.width / n - gap, 3);
        upright = !f.ok;
        if (upright) f = fit(chart.height * 0.4, 1);
      } else {
        // Horizontal bars: as many lines as a bar's room holds, in a column of a third of the chart, wider if need be.
        const max = Math.max(1, Math.floor((axis.height / n - gap) / (font.size * 1.2)));
        f = fit(chart.width * 0.35, max);
        if (!f.ok) f = fit(chart.width * 0.45, max);
      }
      ctx.restore();
      for (const t of axis.ticks) t.label = f.all[t.value]?.lines ?? '';
    },
    // Upright or level, never chart.js's own slant.
    afterCalculateLabelRotation(axis: Scale) {
      axis.labelRotation = upright ? 90 : 0;
    },
  };
}

/** After these, a Japanese line breaks between phrases (particles, punctuation). */
const JA_PHRASE_END = /[のをはがにでとや・、。）」]$/;
/** Never at a line's start: closing marks (the segmenter keeps small kana and 「ー」 in their words). */
const JA_NO_BREAK = /^[、。）」%]/;
const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('ja', { granularity: 'word' }) : undefined;

/**
 * A label's pieces, never broken: its words (each but the first with its space); in Japanese also the words within
 * (Intl.Segmenter, or characters), a number with its counter (「元年度」, 「2019年度」). `good`: a phrase starts there.
 */
function pieces(label: string, lang: Lang) {
  const out: Array<{ text: string; good: boolean }> = [];
  label.trim().split(/\s+/).forEach((word, w) => {
    const parts = lang === 'en' ? [word] : segmenter ? Array.from(segmenter.segment(word), (s) => s.segment) : [...word];
    parts.forEach((text, i) => {
      const last = out.at(-1)!;
      if (i && (JA_NO_BREAK.test(text) || (/[\w元]$/.test(last.text) && /^[\w年月日度]/.test(text)))) last.text += text;
      else out.push({ text: i || !w ? text : ` ${text}`, good: !i || JA_PHRASE_END.test(last.text) });
    });
  });
  return out;
}

/**
 * A category label in lines no wider than `room` (`width` measures a text), at most `max` (chart.js draws an array
 * as lines). English breaks between words; Japanese between words, at a phrase's end where one is in the line's
 * second half, and never leaves one character alone on the last line. Longer than `max` lines: cut at the end (…),
 * the full text being in the tooltip and the table. `over`: a word is wider than the room, or the label was cut.
 */
export function wrapLabel(label: string, lang: Lang, width: (text: string) => number, room: number, max: number) {
  const ps = pieces(label, lang);
  const join = (from: number, to: number) => ps.slice(from, to).map((p) => p.text).join('').trim();
  const lines: string[] = [];
  let over = false;
  for (let i = 0, end; i < ps.length; i = end) {
    end = i + 1;
    while (end < ps.length && width(join(i, end + 1)) <= room) end++;
    // Back to the line's last phrase end, if it is in the line's second half.
    for (let b = end - 1; end < ps.length && !ps[end]!.good && b > i; b--) {
      if (ps[b]!.good) {
        if (width(join(i, b)) >= room / 2) end = b;
        break;
      }
    }
    // One character left for the last line: it takes a piece more from this one.
    if (end < ps.length && end > i + 1 && [...join(end, ps.length)].length < 2) end--;
    if (lines.length === max - 1 && end < ps.length) {
      // Cut: pieces off the end, then characters, until the ellipsis fits.
      let last = join(i, end);
      while (width(`${last}…`) > room && [...last].length > 1) last = end > i + 1 ? join(i, --end) : [...last].slice(0, -1).join('');
      return { lines: [...lines, `${last.trimEnd()}…`], over: true };
    }
    over ||= width(join(i, end)) > room;
    lines.push(join(i, end));
  }
  return { lines, over };
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
