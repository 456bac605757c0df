/**
 * What the chart's canvas looks like to a reader, read from the drawing calls (a canvas has no computed style):
 * under forced colours (Windows contrast themes) its bars and texts are drawn in the reader's system colours,
 * whatever the widget's theme; without them, every text it draws meets 4.5:1 against the widget's surface in the
 * light and the dark theme (issue 14 #4, #3).
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/kdx.js';
import '../presentation/checks.js';
import { canvasColour, chartOn, drawn, type Drawn } from '../helpers/chart.js';
import { mount, q, unmountAll } from '../helpers/widgets.js';

const SRC = '/seeds/kanazawa.json';
const PLAN = 'administrative-management-plan';
const { ratio, rgba } = (window as unknown as { kdxPresentation: { ratio(a: number[], b: number[]): number; rgba(v: string): number[] | null } }).kdxPresentation;

type Feature = { name: string; value: string };
/** Media features through the DevTools protocol (web-test-runner.config.js): forced colours cannot go otherwise. */
const media = (features: Feature[] = []) => executeServerCommand('kdx-media', { media: '', features });
// No animation: a bar drawn mid-animation has a colour on its way from transparent.
const STILL: Feature = { name: 'prefers-reduced-motion', value: 'reduce' };
const FORCED: Feature = { name: 'forced-colors', value: 'active' };

/** A system colour as this browser resolves it now, by a probe element (forced colours leave it alone). */
function systemColour(keyword: string): string {
  const probe = document.createElement('span');
  probe.style.cssText = `forced-color-adjust: none; color: ${keyword}`;
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return canvasColour(value);
}

/** The accent of the widget's theme (its token, as computed on the widget). */
const themeAccent = (el: Element) => canvasColour(getComputedStyle(el).getPropertyValue('--_accent').trim());

/** The drawn chart: its shapes (the bars) and its texts (value labels, ticks, category labels). */
async function drawnChart(markup: string): Promise<{ el: Element; shapes: Drawn[]; texts: Drawn[] }> {
  const { el } = await mount(markup);
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  const chart = await chartOn(el);
  const calls = drawn(chart);
  return { el, shapes: calls.filter((c) => c.text === undefined), texts: calls.filter((c) => c.text !== undefined) };
}

/** A canvas colour (`#rrggbb` or `rgba(…)`) as [r, g, b, a]. */
function channels(colour: string): number[] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  const parsed = hex ? [1, 2, 3].map((i) => parseInt(hex[i]!, 16)).concat(1) : rgba(colour.replace(/,\s*/g, ', '));
  if (!parsed) throw new Error(`not a colour: ${colour}`);
  return parsed;
}

describe('<kdx-chart> presentation', () => {
  beforeEach(() => executeServerCommand('kdx-front'));
  afterEach(async () => {
    unmountAll();
    await media();
  });

  describe('under forced colours', () => {
    it('draws its bars in Highlight and its texts in CanvasText, not in its dark theme’s colours', async () => {
      await media([FORCED, STILL]);
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const { el, shapes, texts } = await drawnChart(`<kdx-chart data-test theme="dark" src="${SRC}" plan="${PLAN}"></kdx-chart>`);
      const [highlight, canvasText] = [systemColour('Highlight'), systemColour('CanvasText')];
      // The system's colours, not the dark theme's (so that this cannot pass by chance).
      expect([highlight, canvasText]).not.to.include(themeAccent(el));
      // The three basic policies, one bar each.
      expect(shapes.map((s) => s.fill)).to.deep.equal([highlight, highlight, highlight]);
      const ticks = texts.filter((t) => /^\d+%$/.test(t.text!));
      expect(ticks.map((t) => t.text)).to.include.members(['0%', '50%', '100%']);
      const values = texts.filter((t) => /^\d+\.\d%$/.test(t.text!));
      expect(values.map((t) => t.text)).to.deep.equal(['97.4%', '84.4%', '80.0%']);
      for (const t of texts) expect(t.fill, `"${t.text}"`).to.equal(canvasText);
    });

    it('redraws in the theme’s colours once forced colours are off again', async () => {
      await media([FORCED, STILL]);
      const { el } = await drawnChart(`<kdx-chart data-test theme="dark" src="${SRC}" plan="${PLAN}"></kdx-chart>`);
      const forced = drawn(await chartOn(el)).filter((c) => c.text === undefined)[0]!.fill;
      await media([STILL]);
      let fill = forced;
      for (let i = 0; i < 100 && fill === forced; i++) {
        await new Promise((r) => setTimeout(r, 20));
        fill = drawn(await chartOn(el)).filter((c) => c.text === undefined)[0]?.fill ?? forced;
      }
      expect(fill).to.equal(themeAccent(el));
    });
  });

  describe('without forced colours: the drawn texts against the widget’s surface', () => {
    for (const theme of ['light', 'dark']) {
      it(`theme="${theme}": every text drawn meets 4.5:1 on .base`, async () => {
        await media([STILL]);
        const { el, texts } = await drawnChart(`<kdx-chart data-test theme="${theme}" src="${SRC}" plan="${PLAN}"></kdx-chart>`);
        const surface = rgba(getComputedStyle(q(el, '.base')).backgroundColor)!;
        expect(surface[3], 'an opaque surface').to.equal(1);
        expect(texts.map((t) => t.text)).to.include.members(['97.4%', '0%', '100%']);
        for (const t of texts) {
          const colour = channels(t.fill);
          expect(colour[3], `"${t.text}" opaque`).to.equal(1);
          expect(ratio(colour, surface), `"${t.text}" (${t.fill}) on ${getComputedStyle(q(el, '.base')).backgroundColor}`).to.be.at.least(4.5);
        }
      });
    }
  });
});
