/**
 * Content written inside a tag is what readers get without JavaScript (or before the script runs); once the
 * widget upgrades it is not rendered, because the widgets' shadow roots have no slot. `<kdx-plan>` has one:
 * its children stay on the page.
 */
import { expect } from '@open-wc/testing';
import { allSettled, page, shadowText, waitFor } from './snippets.js';

const SRC = '/seeds/kanazawa.json';
const PLAN = 'administrative-management-plan';

const BODY = `
  <p id="lead">令和6年度の達成率は
    <kdx-progress variant="inline" src="${SRC}" plan="${PLAN}" node="policy-1"><a id="inline-fallback" href="/plan.html">97.4%（39項目中38項目）</a></kdx-progress>
    でした。</p>
  <kdx-initiative-card src="${SRC}" plan="${PLAN}" node="R7-1"><p id="card-fallback">デジタル市民パスポートの導入</p></kdx-initiative-card>
  <kdx-plan src="${SRC}" plan="${PLAN}">
    <h2 id="plan-heading">行政経営プラン</h2>
    <kdx-progress node="policy-2"><span id="nested-fallback">84.4%</span></kdx-progress>
  </kdx-plan>`;

describe('content inside a tag', () => {
  it('is shown, as ordinary markup, until the script runs; then only the widget is', async () => {
    const { doc, frame } = await page(`<!doctype html><html lang="ja"><head><meta charset="utf-8"></head><body>${BODY}</body></html>`);
    const visible = (id: string) => doc.getElementById(id)!.checkVisibility();

    // No script yet: unknown elements render their children like a <span>.
    for (const id of ['inline-fallback', 'card-fallback', 'plan-heading', 'nested-fallback']) expect(visible(id), id).to.equal(true);
    expect(doc.body.innerText).to.include('97.4%（39項目中38項目）');
    expect(doc.getElementById('inline-fallback')!.getAttribute('href')).to.equal('/plan.html');

    // The template's script arrives.
    const script = doc.createElement('script');
    script.type = 'module';
    script.src = '/src/kdx.ts';
    doc.head.append(script);
    const widgets = await waitFor(() => allSettled(doc), 'the widgets');
    expect(widgets).to.have.length(3);

    // Fallbacks inside widgets: still in the DOM, no longer rendered (no slot), not read twice.
    expect(visible('inline-fallback')).to.equal(false);
    expect(visible('card-fallback')).to.equal(false);
    expect(visible('nested-fallback')).to.equal(false);
    expect(doc.getElementById('inline-fallback')!.getClientRects()).to.have.length(0);
    for (const w of widgets) expect(w.shadowRoot!.querySelector('slot')).to.equal(null);
    // <kdx-plan> has a slot: its own children stay.
    expect(visible('plan-heading')).to.equal(true);
    expect(doc.querySelector('kdx-plan')!.shadowRoot!.querySelector('slot')).to.exist;

    const text = doc.body.innerText;
    expect(text).not.to.include('39項目中38項目）');
    expect(text).not.to.include('デジタル市民パスポートの導入');
    expect(text).to.include('行政経営プラン');
    expect(shadowText(widgets[0]!)).to.include('97.4%');
    frame.remove();
  });
});
