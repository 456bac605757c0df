/**
 * The chart's texts at phone widths (320, 360 and 390 CSS px, issue 14), as drawn on its canvas: every text's ink
 * box measured where chart.js drew it (the context's transform, rotation included, and `measureText`), so that no
 * two texts (ticks, category labels, value labels, the unit) touch or overlap and none leaves the canvas; a value
 * axis never below 0 for data that is never below 0; category labels broken between words (English) or phrases
 * (Japanese, never one character alone on a line), cut only at their end, and no two alike.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import type { Chart } from 'chart.js';
import '../../src/kdx.js';
import { chartOn } from '../helpers/chart.js';
import { mount, unmountAll } from '../helpers/widgets.js';

const EX = '/seeds/examples';
const SRC = '/seeds/kanazawa.json';
const PLAN = 'administrative-management-plan';

/** One line of text as drawn: its ink box in CSS px of the canvas, and which label it belongs to. */
interface Ink {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** Lines of one label share their transform and x (chart.js draws a label's lines one below the other). */
  group: string;
}

/** Redraws `chart` once and measures every text it draws. */
function inks(chart: Chart): Ink[] {
  const proto = CanvasRenderingContext2D.prototype;
  const { fillText } = proto;
  const out: Ink[] = [];
  const ratio = chart.currentDevicePixelRatio;
  proto.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, w?: number) {
    const m = this.measureText(text);
    const t = this.getTransform();
    const corners = [
      [x - m.actualBoundingBoxLeft, y - m.actualBoundingBoxAscent],
      [x + m.actualBoundingBoxRight, y - m.actualBoundingBoxAscent],
      [x - m.actualBoundingBoxLeft, y + m.actualBoundingBoxDescent],
      [x + m.actualBoundingBoxRight, y + m.actualBoundingBoxDescent],
    ].map(([px, py]) => t.transformPoint(new DOMPoint(px, py)));
    const xs = corners.map((p) => p.x / ratio);
    const ys = corners.map((p) => p.y / ratio);
    // Empty strings and spaces have no ink.
    if (text.trim()) {
      out.push({ text, left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys), group: `${t.a},${t.b},${t.c},${t.d},${t.e},${t.f},${x}` });
    }
    return fillText.call(this, text, x, y, w);
  };
  try {
    chart.draw();
  } finally {
    proto.fillText = fillText;
  }
  return out;
}

/** The space between two boxes (negative: they overlap). */
const apart = (a: Ink, b: Ink) => Math.max(b.left - a.right, a.left - b.right, b.top - a.bottom, a.top - b.bottom);

/** Texts of different labels closer than this (about a word space at the tick font's 14 px) read as one. */
const GAP = 4;

function crowded(all: Ink[]): string[] {
  const out: string[] = [];
  all.forEach((a, i) =>
    all.slice(i + 1).forEach((b) => {
      if (a.group !== b.group && apart(a, b) < GAP) out.push(`"${a.text}" and "${b.text}" ${apart(a, b).toFixed(1)} px apart`);
    }),
  );
  return out;
}

/** A category axis's labels, line by line, as chart.js draws them (the ticks it kept). */
function categoryLabels(chart: Chart): string[][] {
  const axis = Object.values(chart.scales).find((s) => s.type === 'category')!;
  return axis.ticks.map((t) => (Array.isArray(t.label) ? t.label.map(String) : [String(t.label)]));
}

/** A label's lines are its first words, whole, in order: all of them, or cut after one of them with "…". */
function breaksBetweenWords(full: string, lines: string[]): boolean {
  const words = full.split(/\s+/);
  const cut = lines.at(-1)!.endsWith('…');
  const shown = lines.join(' ').replace(/…$/, '').split(' ');
  return shown.every((w, i) => w === words[i]) && (cut ? shown.length < words.length : shown.length === words.length);
}

/** The actual values of indicators.json's city plan, by node, as the axis's unit leaves them on the canvas. */
const ACTUALS: Record<string, string[]> = {
  '1-1': ['18', '12', '0'],
  '1-2': ['63.5', '66'],
  '1-3': ['280,000'],
  '2-1': ['13.1', '14.6', '15'],
  '2-2': ['530', '560'],
};

const CASES: Array<{ name: string; markup: (lang: string) => string; full: (lang: string) => string[]; values: string[] }> = [
  {
    name: 'the administrative management plan’s bar chart',
    markup: (lang) => `<kdx-chart data-test lang="${lang}" src="${SRC}" plan="${PLAN}"></kdx-chart>`,
    full: (lang) =>
      lang === 'en'
        ? ['Raising the quality of the administrative organization', 'Raising the quality of co-creation', 'Raising the quality of the fiscal base']
        : ['行政組織の質を高める', '共創の質を高める', '財政基盤の質を高める'],
    // The report's rates (document 004).
    values: ['97.4%', '84.4%', '80.0%'],
  },
  // Baseline FY2019, actuals FY2022–2024, target 0 children in FY2025 (indicators.json).
  ...Object.entries(ACTUALS).map(([node, values]) => ({
    name: `the indicator chart of ${node}`,
    markup: (lang: string) => `<kdx-chart data-test lang="${lang}" src="${EX}/indicators.json" plan="city-plan" node="${node}" type="indicator"></kdx-chart>`,
    full: (lang: string) => {
      const years = { '1-1': [2019, 2022, 2023, 2024, 2025], '1-2': [2019, 2023, 2024, 2025], '1-3': [2019, 2024, 2025], '2-1': [2019, 2022, 2023, 2024, 2025], '2-2': [2019, 2023, 2024, 2025] }[node]!;
      const era = (y: number) => (y - 2018 === 1 ? '令和元年度' : `令和${y - 2018}年度`);
      return years.map((y) => (lang === 'en' ? `FY${y}` : era(y)));
    },
    values,
  })),
  {
    name: 'the distribution chart of year-over-year.json',
    markup: (lang) => `<kdx-chart data-test lang="${lang}" src="${EX}/year-over-year.json" type="distribution"></kdx-chart>`,
    full: (lang) => (lang === 'en' ? ['FY2013', 'FY2014', 'FY2015'] : ['平成25年度', '平成26年度', '平成27年度']),
    // Each year's total above its bar.
    values: ['75', '73', '60'],
  },
];

describe('<kdx-chart> texts at phone widths', () => {
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  beforeEach(() => executeServerCommand('kdx-front'));
  afterEach(() => unmountAll());
  after(async () => {
    await setViewport({ width: 800, height: 600 });
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  for (const width of [320, 360, 390]) {
    for (const lang of ['ja', 'en']) {
      for (const c of CASES) {
        it(`${width} px, ${lang}: ${c.name} draws every text clear of the others and inside the canvas`, async () => {
          await setViewport({ width, height: 700 });
          await document.fonts.ready;
          const { el } = await mount(c.markup(lang));
          const chart = await chartOn(el);
          const drawn = inks(chart);
          expect(crowded(drawn), `at ${chart.width} px`).to.deep.equal([]);
          for (const d of drawn) {
            expect(d.left >= 0 && d.top >= 0 && d.right <= chart.width && d.bottom <= chart.height, `"${d.text}" inside the canvas`).to.equal(true);
          }
          // Every value on the canvas, none left out to make room.
          expect(drawn.map((d) => d.text)).to.include.members(c.values);
        });

        it(`${width} px, ${lang}: ${c.name} breaks its category labels between ${lang === 'en' ? 'words' : 'phrases'}, each its own`, async () => {
          await setViewport({ width, height: 700 });
          const { el } = await mount(c.markup(lang));
          const chart = await chartOn(el);
          const labels = categoryLabels(chart);
          const full = c.full(lang);
          expect(labels, 'every category labelled').to.have.length(full.length);
          const shown = labels.map((l) => l.join(lang === 'en' ? ' ' : ''));
          expect(new Set(shown).size, `distinct: ${shown.join(' | ')}`).to.equal(full.length);
          const texts = inks(chart).map((d) => d.text);
          labels.forEach((lines, i) => {
            for (const line of lines) expect(texts, `"${line}" drawn`).to.include(line);
            if (lang === 'en') expect(breaksBetweenWords(full[i]!, lines), `"${full[i]}" as ${lines.join(' | ')}`).to.equal(true);
            else {
              const joined = lines.join('');
              expect(joined.endsWith('…') ? full[i]!.startsWith(joined.slice(0, -1)) : joined === full[i], `${lines.join(' | ')}`).to.equal(true);
              // Never one character alone on a line (「度」, 「る」), never inside a word as the browser's ICU finds them.
              for (const line of lines) expect([...line.replace(/…$/, '')].length, `"${line}" of ${lines.join(' | ')}`).to.be.at.least(2);
              const words = new Set([...new Intl.Segmenter('ja', { granularity: 'word' }).segment(full[i]!)].map((w) => w.index));
              let at = 0;
              for (const line of lines.slice(0, -1)) expect(words.has((at += line.length)), `${lines.join(' | ')}`).to.equal(true);
            }
          });
        });
      }

      // Ten years of close values (the fictional city's page views, made denser): the value labels cannot all
      // stand above their points; those that would touch go below, or are left to the tooltip and the table.
      it(`${width} px, ${lang}: ten years of close values: every text clear of the others, most values on the canvas`, async () => {
        await setViewport({ width, height: 700 });
        const bundle = structuredClone(await (await fetch(`${EX}/indicators.json`)).json());
        const indicator = bundle.plans[0].nodes.find((n: { id: string }) => n.id === '2-1').indicators[0];
        const values = [12.1, 12.4, 12.2, 12.6, 12.5, 12.9, 13.1, 13];
        indicator.baseline = { value: 12, fiscalYear: 2015 };
        indicator.actuals = values.map((value, i) => ({ fiscalYear: 2016 + i, value }));
        indicator.target = { value: 14, fiscalYear: 2025 };
        const { el } = await mount(`<kdx-plan lang="${lang}"><script type="application/json">${JSON.stringify(bundle)}</script><kdx-chart data-test node="2-1" type="indicator"></kdx-chart></kdx-plan>`);
        const chart = await chartOn(el);
        expect(categoryLabels(chart), 'every year labelled').to.have.length(10);
        const drawn = inks(chart);
        expect(crowded(drawn), `at ${chart.width} px`).to.deep.equal([]);
        for (const d of drawn) expect(d.left >= 0 && d.top >= 0 && d.right <= chart.width && d.bottom <= chart.height, `"${d.text}" inside the canvas`).to.equal(true);
        const shown = values.map(String).filter((v) => drawn.some((d) => d.text === v));
        expect(shown.length, `values drawn: ${shown.join(', ')}`).to.be.at.least(values.length / 2);
      });

      it(`${width} px, ${lang}: an indicator’s value axis starts at 0 or above when no value is below 0`, async () => {
        await setViewport({ width, height: 700 });
        for (const node of Object.keys(ACTUALS)) {
          const { el } = await mount(`<kdx-chart data-test lang="${lang}" src="${EX}/indicators.json" plan="city-plan" node="${node}" type="indicator"></kdx-chart>`);
          const chart = await chartOn(el);
          const values = chart.data.datasets.flatMap((d) => d.data as Array<number | null>).filter((v): v is number => v !== null);
          expect(Math.min(...values), `${node}: no value below 0`).to.be.at.least(0);
          const ticks = chart.scales.y!.ticks.map((t) => t.value);
          expect(Math.min(...ticks), `${node}: ticks ${ticks.join(', ')}`).to.be.at.least(0);
          expect(chart.scales.y!.min, `${node}: the axis starts at`).to.be.at.least(0);
          // Every value is on the axis.
          expect(chart.scales.y!.max, `${node}: the axis ends at`).to.be.at.least(Math.max(...values));
          expect(inks(chart).map((d) => d.text).filter((t) => /^[-−]/.test(t)), `${node}: no negative tick drawn`).to.deep.equal([]);
          unmountAll();
        }
      });
    }
  }
});
