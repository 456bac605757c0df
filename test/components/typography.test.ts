/**
 * Typography a reader meets at phone widths (issue 14 #6): a Japanese card heading breaks between phrases, never
 * inside a word (「デジ/タル」: `word-break: auto-phrase` in styles/host.ts), and an English bar chart gives each bar
 * a label of its own (not "Raising the quality…" for two bars). Needs a CJK font (fonts-noto-cjk): without one
 * Japanese renders as boxes and breaks anywhere.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import '../../src/kdx.js';
import { chartOn, drawn } from '../helpers/chart.js';
import { mount, q, unmountAll } from '../helpers/widgets.js';

const SRC = '/seeds/kanazawa.json';
const PLAN = 'administrative-management-plan';
const KATAKANA = /[\u30A0-\u30FF]/;

/** The element's text as the reader sees it, line by line (each character's line box measured, fonts loaded). */
async function lines(el: Element): Promise<string[]> {
  await document.fonts.ready;
  const out: string[] = [];
  let top: number | undefined;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    for (let i = 0; i < node.length; i++) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = [...range.getClientRects()].find((r) => r.width > 0);
      if (!box) continue;
      // A new line: this character's box starts below the last one's (half a line, to ignore baseline shifts).
      if (top === undefined || box.top > top + box.height / 2) {
        out.push(node.data[i]!);
        top = box.top;
      } else out.push(`${out.pop()!}${node.data[i]!}`);
    }
  }
  return out;
}

/** Where a line break falls inside a katakana word (the last character of a line and the first of the next). */
function breaksInsideKatakana(shown: string[]): string[] {
  return shown.slice(1).flatMap((line, i) => {
    const before = shown[i]!.at(-1)!;
    return KATAKANA.test(before) && KATAKANA.test(line[0]!) ? [`${shown[i]}|${line}`] : [];
  });
}

describe('typography at phone widths', () => {
  beforeEach(() => executeServerCommand('kdx-front'));
  afterEach(async () => {
    unmountAll();
    await setViewport({ width: 800, height: 600 });
  });

  // R7-1 as asked at 320 px, where without phrase breaking it broke 「活用でき|る」, and at 360 and 390 px, where it
  // broke 「デ|ジタル」 and 「デジ|タル」; two more titles that broke inside katakana at 320 px 「クレジッ|ト」, 「リノベーショ|ン」.
  const TITLES: Record<string, string> = {
    // The report's titles, verbatim (document 004; the plan's pages P38, P38, P74).
    'R7-1': '避難所の入退所等に活用できるデジタル市民パスポートの導入',
    'R6-7': '公用車給油事務へのクレジットカードの導入',
    'R6-20': '官民連携によるリノベーションまちづくりの推進',
  };
  for (const width of [320, 360, 390]) {
    for (const [id, title] of Object.entries(TITLES)) {
      if (width !== 320 && id !== 'R7-1') continue;
      it(`a Japanese card heading at ${width} px breaks between phrases, never inside a katakana word: ${id}`, async () => {
        await setViewport({ width, height: 640 });
        const { el } = await mount(`<kdx-initiative-card data-test src="${SRC}" plan="${PLAN}" node="${id}"></kdx-initiative-card>`);
        const heading = q(el, '#heading');
        expect(heading.textContent!.trim()).to.equal(title);
        const shown = await lines(heading);
        // A CJK font drew it: a kanji is a full em wide (a missing glyph's box is narrower).
        const text = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT).nextNode()!;
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, 1);
        expect(range.getBoundingClientRect().width / parseFloat(getComputedStyle(heading).fontSize)).to.be.closeTo(1, 0.05);
        expect(shown.join('')).to.equal(title);
        expect(shown.length, `broken into lines: ${shown.join(' | ')}`).to.be.at.least(2);
        expect(breaksInsideKatakana(shown), shown.join(' | ')).to.deep.equal([]);
      });
    }
  }

  // At a 360 px viewport, the page's width and a side column of 240 px: cut to their first lines, the labels of the
  // first and the third policy were both "Raising the quality of…" (in a chart narrower than about 230 px).
  for (const column of ['100%', '240px']) {
    it(`an English bar chart at 360 px, in a column of ${column}, draws a label of its own for each bar`, async () => {
      await setViewport({ width: 360, height: 640 });
      const { el } = await mount(`<div style="width: ${column}"><kdx-chart data-test lang="en" src="${SRC}" plan="${PLAN}"></kdx-chart></div>`);
      const chart = await chartOn(el);
      // Category labels: the texts that are not percentages. chart.js draws each label's lines in turn, each below
      // the last (at the tick's own origin): a line that is not below the previous one starts the next label.
      const labels: { text: string; y: number }[][] = [];
      for (const d of drawn(chart)) {
        if (d.text === undefined || /%$/.test(d.text)) continue;
        const last = labels.at(-1);
        if (last && d.y! > last.at(-1)!.y) last.push({ text: d.text, y: d.y! });
        else labels.push([{ text: d.text, y: d.y! }]);
      }
      const shown = labels.map((l) => l.map((line) => line.text).join(' '));
      expect(shown, shown.join(' | ')).to.have.length(3);
      expect(new Set(shown).size, `distinct labels: ${shown.join(' | ')}`).to.equal(3);
    });
  }
});
