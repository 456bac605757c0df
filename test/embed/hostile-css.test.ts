/**
 * Widgets pasted into a CMS theme that fights back: a global reset, `html { font-size: 62.5% }`, and
 * `!important` colours and letter-spacing on everything. Inside the shadow root the text must stay readable.
 */
import { expect } from '@open-wc/testing';
import { allSettled, page, waitFor } from './snippets.js';

const SRC = '/seeds/kanazawa.json';
const PLAN = 'administrative-management-plan';

const HOSTILE = `
  *, *::before, *::after { margin: 0; padding: 0; border: 0; box-sizing: content-box; font: inherit; vertical-align: baseline; }
  html { font-size: 62.5%; }
  body { font-size: 1.2rem; line-height: 1; font-family: serif; }
  * { letter-spacing: .5em !important; color: red !important; }
  div, span, p, h1, h2, h3, li, a, button, table, td, th { color: #ff0000 !important; background: #ffff00 !important; text-transform: uppercase !important; }
  [lang] { word-spacing: 2em !important; }
`;

const RED = 'rgb(255, 0, 0)';

describe('a hostile page stylesheet', () => {
  it('does not make the widgets unreadable', async () => {
    const { doc, frame } = await page(`<!doctype html><html lang="ja"><head><meta charset="utf-8">
      <style>${HOSTILE}</style><script type="module" src="/src/kdx.ts"></script></head><body>
      <kdx-progress src="${SRC}" plan="${PLAN}" node="policy-1"></kdx-progress>
      <kdx-progress src="${SRC}" plan="${PLAN}" variant="ring"></kdx-progress>
      <kdx-initiative-card src="${SRC}" plan="${PLAN}" node="R7-1"></kdx-initiative-card>
      <kdx-plan-tree src="${SRC}" plan="${PLAN}"></kdx-plan-tree>
      <kdx-chart src="${SRC}" plan="${PLAN}"></kdx-chart>
      <kdx-progress src="/seeds/missing.json"></kdx-progress>
    </body></html>`);
    const widgets = await waitFor(() => allSettled(doc), 'the widgets');
    const win = frame.contentWindow!;
    const problems: string[] = [];
    for (const w of widgets) {
      const walker = doc.createTreeWalker(w.shadowRoot!, NodeFilter.SHOW_TEXT);
      let checked = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!n.textContent?.trim() || !el || !el.checkVisibility()) continue;
        checked++;
        const style = win.getComputedStyle(el);
        const where = `<${w.localName}> ${el.localName}.${el.className} "${n.textContent.trim().slice(0, 20)}"`;
        if (parseFloat(style.fontSize) < 12) problems.push(`${where}: font-size ${style.fontSize}`);
        if (style.color === RED) problems.push(`${where}: color ${style.color}`);
        if (style.letterSpacing !== 'normal' && parseFloat(style.letterSpacing) > 2) problems.push(`${where}: letter-spacing ${style.letterSpacing}`);
        if (style.textTransform === 'uppercase') problems.push(`${where}: text-transform uppercase`);
      }
      expect(checked, `${w.localName} shows text`).to.be.greaterThan(0);
      // The body text of each widget is at the reader's default size, whatever the page's rem.
      const base = w.shadowRoot!.querySelector('[part="base"], [part="error"]') ?? w.shadowRoot!.firstElementChild!;
      const size = parseFloat(win.getComputedStyle(base).fontSize);
      if (size < 16) problems.push(`<${w.localName}> base font-size ${size}px`);
    }
    expect(problems).to.deep.equal([]);
    frame.remove();
  });
});
