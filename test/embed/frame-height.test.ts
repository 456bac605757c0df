/**
 * The iframe form on host pages: the height its snippet gives without the kdx script, its content's height with
 * it, the module script or the classic one (src/embed/frame-host.ts ↔ frame-report.ts), never a scrollbar inside
 * when it has room, the origin checks of that protocol on both sides, and keyboard focus moving into and out of
 * the frame.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { contentHeight, frameShows, helloPage, hostPage, lookInto, OTHER, scrolls, SOURCE, WITH_BUILT_KDX, WITH_CLASSIC_KDX, WITH_KDX } from './frames.js';
import { requireDist, waitFor } from './snippets.js';

const AMP = 'administrative-management-plan';
const PROGRESS = `#kdx=progress&amp;src=/seeds/kanazawa.json&amp;plan=${AMP}&amp;node=policy-1`;
const TREE = `#kdx=plan-tree&amp;src=/seeds/kanazawa.json&amp;plan=${AMP}&amp;expand-depth=1`;
const CARD = `#kdx=initiative-card&amp;src=/seeds/kanazawa.json&amp;plan=${AMP}&amp;node=R7-1`;
const iframe = (src: string, height = 40, width = '100%') => `<iframe src="${src}" title="kdx" width="${width}" height="${height}"></iframe>`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until the host gave the frame its content's height (the frame measures fractions; the host rounds up),
 * and it stays so: the tree's first layout counts rows it has not drawn yet at an estimated height
 * (`content-visibility`), then corrects itself once the frame is tall enough to draw them.
 */
async function fitted(frame: HTMLIFrameElement, what: string): Promise<number> {
  await waitFor(() => frameShows(frame), `${what}: the widget`);
  const fits = () => Number(frame.height) === Math.ceil(contentHeight(frame));
  await waitFor(fits, `${what}: the iframe to take its content's height`);
  await sleep(150);
  await waitFor(fits, `${what}: the iframe to keep its content's height`);
  return Number(frame.height);
}

describe('iframe height: on a page without the kdx script', () => {
  it('keeps the height the snippet gives', async () => {
    const { frame: host, frames } = await hostPage(iframe(`${SOURCE}${PROGRESS}`, 300));
    await waitFor(() => frameShows(frames[0]!), 'the widget');
    await sleep(300);
    expect(frames[0]!.height).to.equal('300');
    // With room for its content, the frame shows no scrollbar.
    expect(contentHeight(frames[0]!)).to.be.below(300);
    expect(scrolls(frames[0]!)).to.equal(false);
    host.remove();
  });
});

for (const [name, script] of [
  ['the source autoloader', WITH_KDX],
  ['dist/kdx.js', WITH_BUILT_KDX],
  // The classic script (docs/embedding.md §4.5: "kdx.js (or kdx.iife.js)"), for CMSs without type="module".
  ['dist/kdx.iife.js', WITH_CLASSIC_KDX],
] as const) {
  describe(`iframe height: on a page with ${name}`, () => {
    if (script !== WITH_KDX) before(requireDist);

    it('takes the height of its content, with no scrollbar inside', async () => {
      const { frame: host, frames } = await hostPage(iframe(`${SOURCE}${PROGRESS}`, 40), script);
      const height = await fitted(frames[0]!, 'progress');
      expect(height).to.be.above(40);
      expect(scrolls(frames[0]!)).to.equal(false);
      host.remove();
    });

    it('follows its content as it changes (the tree opened)', async () => {
      const { frame: host, frames } = await hostPage(iframe(`${SOURCE}${TREE}`), script);
      const before = await fitted(frames[0]!, 'tree');
      const tree = frames[0]!.contentDocument!.querySelector('kdx-plan-tree')!;
      const expandAll = [...tree.shadowRoot!.querySelectorAll('button')].find((b) => /すべて開く/.test(b.textContent ?? ''))!;
      expandAll.click();
      await waitFor(() => Number(frames[0]!.height) > before + 100 && Number(frames[0]!.height) === Math.ceil(contentHeight(frames[0]!)), 'the taller tree');
      expect(scrolls(frames[0]!)).to.equal(false);
      host.remove();
    });

    it('at 320 px as at 800 px: its content’s height, no scrollbar either way', async () => {
      const { frame: host, frames } = await hostPage([320, 800].map((w) => iframe(`${SOURCE}${CARD}`, 40, String(w))).join(''), script);
      const [narrow, wide] = [await fitted(frames[0]!, 'card at 320'), await fitted(frames[1]!, 'card at 800')];
      expect(narrow).to.be.above(wide);
      for (const f of frames) {
        expect(scrolls(f)).to.equal(false);
        expect(f.contentDocument!.documentElement.scrollWidth).to.be.at.most(f.contentDocument!.documentElement.clientWidth);
      }
      host.remove();
    });

    it('added later by a script, it is found and fitted too', async () => {
      const { frame: host, doc } = await hostPage('<p>本文</p>', script);
      await sleep(200);
      const tpl = doc.createElement('template');
      tpl.innerHTML = iframe(`${SOURCE}${PROGRESS}`); // test markup, written in this file
      doc.body.append(tpl.content);
      await fitted(doc.querySelector('iframe')!, 'the added frame');
      host.remove();
    });
  });
}

describe('iframe height: across origins (a partner site embedding the city’s embed.html)', () => {
  it('a frame on another origin is fitted too, with no scrollbar inside', async () => {
    const { frame: host, frames } = await hostPage(iframe(`${OTHER}${SOURCE}${PROGRESS}`), WITH_KDX);
    const look = await lookInto(`${OTHER}${SOURCE}`, 'the cross-origin widget');
    expect(look.tag).to.equal('kdx-progress');
    expect(look.text).to.include('97.4%');
    await waitFor(() => frames[0]!.height !== '40', 'the host to fit the frame');
    const fitted = await lookInto(`${OTHER}${SOURCE}`, 'its fitted look', (l) => !l.busy && Number(frames[0]!.height) === Math.ceil(l.height));
    expect(fitted.scrolls).to.equal(false);
    host.remove();
  });
});

describe('iframe height: origin checks', () => {
  it('the host takes a height only from the origin of the iframe’s src', async () => {
    // Control: a page on 127.0.0.1 that claims 999 px, as the iframe's own src: accepted (it is that origin).
    const { frame: control, frames: [claimed] } = await hostPage(iframe(`${OTHER}/__kdx/fake-frame?height=999#kdx=progress`), WITH_KDX);
    await waitFor(() => claimed!.height === '999', 'the claim of the iframe’s own origin');
    control.remove();
    // The same claim from a window that navigated away from the iframe's src origin: ignored.
    const { frame: host, frames: [frame] } = await hostPage(iframe(`${SOURCE}${PROGRESS}`), WITH_KDX);
    const height = await fitted(frame!, 'progress');
    const moved = new Promise((r) => frame!.addEventListener('load', r, { once: true }));
    frame!.contentWindow!.location.href = `${OTHER}/__kdx/fake-frame?height=999`;
    await moved;
    await sleep(400);
    expect(frame!.height).to.equal(String(height));
    host.remove();
  });

  it('the host ignores heights from windows that are not its embed iframes', async () => {
    const fake = `<iframe srcdoc="&lt;script&gt;parent.postMessage({ kdx: 'embed-height', v: 1, height: 999 }, '*')&lt;/script&gt;" title="other"></iframe>`;
    const { frame: host, win, frames } = await hostPage(iframe(`${SOURCE}${PROGRESS}`) + fake, WITH_KDX);
    const height = await fitted(frames[0]!, 'progress');
    win.postMessage({ kdx: 'embed-height', v: 1, height: 999 }, '*');
    await sleep(400);
    expect(frames[0]!.height).to.equal(String(height));
    expect(frames[1]!.getAttribute('height')).to.equal(null);
    host.remove();
  });

  it('the frame answers only its parent, and only to the origin that asked', async () => {
    const { frames, told, helloFromParentOnly, elsewhere, done } = await helloPage(iframe(`${SOURCE}${PROGRESS}`), 'embed-height');
    // Answered, with the content's height.
    await helloFromParentOnly();
    expect(told()[0]).to.equal(contentHeight(frames[0]!));
    expect(elsewhere).to.deep.equal([]);
    done();
  });
});

describe('iframe form: keyboard focus', () => {
  it('Tab moves into the frame’s widget and out of it again; Shift+Tab back', async () => {
    const { frame: host, doc, frames } = await hostPage(`<button id="before">前</button>${iframe(`${SOURCE}${TREE}`, 600)}<button id="after">後</button>`, WITH_KDX);
    await waitFor(() => frameShows(frames[0]!), 'the tree');
    host.focus();
    doc.getElementById('before')!.focus();
    const inFrame = () => doc.activeElement === frames[0] && frames[0]!.contentDocument!.activeElement?.localName === 'kdx-plan-tree';
    await sendKeys({ press: 'Tab' });
    expect(inFrame(), 'focus inside the frame, on the tree').to.equal(true);
    let presses = 1;
    while (doc.activeElement?.id !== 'after' && presses < 15) {
      await sendKeys({ press: 'Tab' });
      presses++;
    }
    expect(doc.activeElement?.id, 'focus left the frame for the next button').to.equal('after');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(inFrame(), 'Shift+Tab: back into the frame').to.equal(true);
    host.remove();
  });
});
