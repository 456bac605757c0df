/**
 * The snippet builder's iframe form: an absolute address of embed.html, a title, and the height of the widget
 * as it really renders at the chosen width, so that pasted into a page without the kdx script it shows whole,
 * with no scrollbar inside. Needs `npm run build` (the snippet points at the built dist/).
 */
import { expect } from '@open-wc/testing';
import { openBuilder, type Builder } from './builder-page.js';
import { contentHeight, frameShows, hostPage, scrolls } from './frames.js';
import { requireDist, shadowText, waitFor } from './snippets.js';

const attr = (markup: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(markup)?.[1]?.replaceAll('&amp;', '&');

describe('snippet builder: the iframe form', () => {
  let b: Builder;
  before(async () => {
    await requireDist();
    b = await openBuilder();
  });
  after(() => b.frame.remove());

  const preview = () => b.doc.querySelector<HTMLIFrameElement>('#frame-preview iframe')!;
  /** The snippet once its height is the preview's content height at the chosen width. */
  async function measured(what: string): Promise<string> {
    await waitFor(() => frameShows(preview()), `${what}: the preview`);
    await waitFor(() => {
      const h = Number(attr(b.code('code-iframe'), 'height'));
      return h === Math.ceil(contentHeight(preview())) && h === Number(preview().height);
    }, `${what}: the snippet to take the widget’s height`);
    return b.code('code-iframe');
  }

  it('points at embed.html next to the scripts, by an absolute address, with a title', async () => {
    b.set('node', 'policy-1');
    const code = await measured('progress');
    expect(code).to.match(/^<iframe src="[^"]+" title="[^"]+" width="100%" height="\d+" frameborder="0" loading="lazy"><\/iframe>$/);
    expect(attr(code, 'src')).to.equal(`${location.origin}/dist/embed.html#kdx=progress&src=/seeds/kanazawa.json&plan=administrative-management-plan&node=policy-1`);
    expect(attr(code, 'title')).to.equal('行政組織の質を高める（進捗メーター）');
    b.set('base', 'https://example.jp/kdx/');
    expect(attr(b.code('code-iframe'), 'src')).to.match(/^https:\/\/example\.jp\/kdx\/embed\.html#kdx=progress&src=\/seeds\/kanazawa\.json&/);
    b.set('base', '/dist/');
  });

  it('measures the widget at the chosen width: at 320 px a card is taller than at 800 px', async () => {
    b.choose('widget', 'initiative-card');
    b.set('node', 'R7-1');
    b.set('width', '800');
    const wide = Number(attr(await measured('card at 800'), 'height'));
    expect(preview().width).to.equal('800');
    b.set('width', '320');
    await waitFor(() => Number(attr(b.code('code-iframe'), 'height')) > wide, 'a taller card at 320');
    const narrow = Number(attr(await measured('card at 320'), 'height'));
    expect(narrow).to.be.above(wide);
    expect(b.$('frame-note').textContent).to.equal(`幅 320px での高さ ${narrow}px を、実際に表示したウィジェットで測りました。`);
  });

  it('pasted into a page without the kdx script, it shows the widget whole, with no scrollbar inside', async () => {
    const code = await measured('card at 320');
    const { frame: host, frames } = await hostPage(`<div style="width: 320px">${code}</div>`);
    const [frame] = frames;
    await waitFor(() => frameShows(frame!), 'the pasted frame');
    expect(frame!.title).to.equal(attr(code, 'title'));
    expect(frame!.title).to.match(/（取組カード）$/);
    expect(shadowText(frameShows(frame!)!)).to.include('R7-1');
    await new Promise((r) => setTimeout(r, 300));
    expect(frame!.height, 'kept as written: no kdx script here').to.equal(attr(code, 'height'));
    expect(Math.ceil(contentHeight(frame!))).to.equal(Number(attr(code, 'height')));
    expect(scrolls(frame!)).to.equal(false);
    host.remove();
  });

  it('titles the frame and sets its language from the widget’s language', async () => {
    b.set('wlang', 'en');
    await waitFor(() => preview().contentDocument!.documentElement.lang === 'en', 'the preview in English');
    const code = await measured('English card');
    expect(attr(code, 'title')).to.match(/ \(Initiative card\)$/);
    expect(attr(code, 'src')).to.include('&lang=en');
    expect(shadowText(frameShows(preview())!)).to.match(/Initiative|Fiscal|Status/);
    b.set('wlang', '');
  });
});
