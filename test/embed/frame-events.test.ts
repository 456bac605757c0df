/**
 * The iframe form's problems on a host page that loads the kdx script: the iframe element fires `kdx-error`, with
 * the detail a widget's `kdx-error` has (code, message, url, issues), for a problem of the frame's own (a refused
 * `src`, an unknown widget) and for its widget's (a bundle that is missing or does not validate), told by the
 * frame through the protocol’s messages (src/embed/frame-report.ts → frame-host.ts) and only from the
 * window and origin of that iframe.
 */
import { expect } from '@open-wc/testing';
import type { KdxErrorDetail } from '../../src/events/kdx-error.js';
import { BUILT, detailOf, frameShows, helloPage, hostPage, OTHER, SOURCE, WITH_BUILT_KDX, WITH_CLASSIC_KDX, WITH_KDX } from './frames.js';
import { requireDist, waitFor } from './snippets.js';

const AMP = 'administrative-management-plan';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const hits = async (path: string) => ((await (await fetch(`/__kdx/hits?path=${encodeURIComponent(path)}`)).json()) as { hits: number }).hits;
const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2)}`;
const iframe = (src: string, title = 'kdx') => `<iframe src="${src}" title="${title}" width="100%" height="140"></iframe>`;

interface Heard {
  /** The element the event was fired on, as the host page's own listener saw it (on its document: it bubbles). */
  on: string;
  title: string;
  bubbles: boolean;
  composed: boolean;
  detail: KdxErrorDetail;
}
/**
 * A host page's own script, before the kdx script: records every kdx-error that reaches its document (`heard`),
 * and apart from them every kdx-load, each as its element and detail (`loaded`).
 */
const RECORD = `<script>window.heard = []; document.addEventListener('kdx-error', (e) => heard.push({ on: e.target.localName, title: e.target.title, bubbles: e.bubbles, composed: e.composed, detail: e.detail }));
  window.loaded = []; document.addEventListener('kdx-load', (e) => loaded.push({ on: e.target.localName, detail: e.detail }));</script>`;

async function hostWith(body: string, script: string) {
  const opened = await hostPage(body, RECORD + script);
  const page = opened.win as unknown as { heard: Heard[]; loaded: { on: string; detail: { plan: string; node: string } }[] };
  return { ...opened, heard: () => page.heard, loaded: () => page.loaded };
}

/** The events heard, once the first has come and nothing more for a while (each problem is told once). */
async function settled(heard: () => Heard[], what: string): Promise<Heard[]> {
  await waitFor(() => heard().length, what);
  await sleep(400);
  return heard();
}

for (const [name, script, page] of [
  ['the source autoloader', WITH_KDX, SOURCE],
  ['dist/kdx.js and dist/embed.html', WITH_BUILT_KDX, BUILT],
  ['dist/kdx.iife.js and dist/embed.html', WITH_CLASSIC_KDX, BUILT],
] as const) {
  describe(`kdx-error on the iframe: a host page with ${name}`, () => {
    if (page === BUILT) before(requireDist);

    it('a refused src: the code, the refused URL and what to do, as the frame’s disclosure says; never requested', async () => {
      const path = `/seeds/kanazawa.json?refused=${unique()}`;
      const { frame: host, frames, heard } = await hostWith(iframe(`${page}#kdx=progress&amp;src=${OTHER}${path}&amp;plan=${AMP}&amp;node=policy-1`, '行政組織の質を高める'), script);
      const events = await settled(heard, 'the kdx-error of the refused src');
      expect(events).to.have.length(1);
      const [{ on, title, bubbles, composed, detail }] = events as [Heard];
      // As a widget's: it bubbles (this listener is on the document) and leaves shadow roots.
      expect([on, title, bubbles, composed]).to.deep.equal(['iframe', '行政組織の質を高める', true, true]);
      expect(detail.code).to.equal('not-allowed');
      expect(detail.url).to.equal(`${OTHER}${path}`);
      expect(detail.message).to.include(`${OTHER} のデータは、この埋め込みでは表示できません`).and.include('<meta name="kdx-allowed-origins">');
      expect(detail.message).to.equal(detailOf(frameShows(frames[0]!)!));
      expect(await hits(path)).to.equal(0);
      host.remove();
    });

    it('a missing bundle (HTTP 404): the widget’s own kdx-error, with the bundle’s URL', async () => {
      const { frame: host, heard } = await hostWith(iframe(`${page}#kdx=progress&amp;src=/__kdx/status?code=404`), script);
      const events = await settled(heard, 'the kdx-error of the 404');
      expect(events).to.have.length(1);
      const { on, detail } = events[0]!;
      expect(on).to.equal('iframe');
      expect(detail.code).to.equal('http');
      expect(detail.url).to.equal(`${location.origin}/__kdx/status?code=404`);
      expect(detail.message).to.include('HTTP 404');
      host.remove();
    });
  });
}

describe('kdx-error on the iframe: what the frame tells', () => {
  it('a bundle that does not validate: its problems as issues, by JSON path', async () => {
    const { frame: host, heard } = await hostWith(iframe(`${SOURCE}#kdx=progress&amp;src=/seeds/broken.json`), WITH_KDX);
    const [event] = await settled(heard, 'the kdx-error of the broken bundle');
    expect(event!.detail.code).to.equal('invalid');
    expect(event!.detail.url).to.equal(`${location.origin}/seeds/broken.json`);
    expect(event!.detail.issues!.some((i) => i.startsWith('plans[0].nodes[4].title'))).to.equal(true);
    host.remove();
  });

  it('in the frame’s language', async () => {
    const { frame: host, heard } = await hostWith(iframe(`${SOURCE}#kdx=banana&amp;lang=en`), WITH_KDX);
    const [event] = await settled(heard, 'the kdx-error of the unknown widget');
    expect(event!.detail).to.deep.equal({
      code: 'unknown-widget',
      message: 'There is no widget “banana”. Widgets: progress, initiative-card, plan-tree, chart, plan-overview. Write a widget name after #kdx=.',
      url: undefined,
      issues: undefined,
    });
    host.remove();
  });

  it('across origins: the city’s embed.html embedded on a partner’s page', async () => {
    const { frame: host, heard } = await hostWith(iframe(`${OTHER}${SOURCE}#kdx=progress&amp;src=/__kdx/status?code=404`), WITH_KDX);
    const [event] = await settled(heard, 'the kdx-error from the other origin');
    expect(event!.detail.code).to.equal('http');
    expect(event!.detail.url).to.equal(`${OTHER}/__kdx/status?code=404`);
    host.remove();
  });

  it('once per problem shown: a new problem after the address changes is a new event; a frame that shows its widget fires none', async () => {
    const { frame: host, frames, heard } = await hostWith(iframe(`${SOURCE}#kdx=progress&amp;src=/seeds/kanazawa.json&amp;plan=${AMP}&amp;node=policy-1`), WITH_KDX);
    await waitFor(() => frameShows(frames[0]!), 'the widget');
    await sleep(400);
    expect(heard()).to.deep.equal([]);
    frames[0]!.contentWindow!.location.hash = '#kdx=banana';
    const events = await settled(heard, 'the kdx-error of the new address');
    expect(events.map((e) => e.detail.code)).to.deep.equal(['unknown-widget']);
    frames[0]!.contentWindow!.location.hash = `#kdx=progress&src=/seeds/kanazawa.json&plan=${AMP}&node=no-such-item`;
    await waitFor(() => heard().length === 2, 'the kdx-error of the next address');
    expect(heard()[1]!.detail.code).to.equal('node-not-found');
    host.remove();
  });
});

describe('kdx-error on the iframe: a frame that never answers', () => {
  it('an address with no embed.html (HTTP 404) or a sandboxed frame: no-answer, with the iframe’s URL; a frame that answers, nothing', async function () {
    this.timeout(20_000); // the host waits 5 s after a frame's load for its answer
    const good = `${SOURCE}#kdx=progress&amp;src=/seeds/kanazawa.json&amp;plan=${AMP}&amp;node=policy-1`;
    const body = [iframe(`/no/such/embed.html#kdx=progress&amp;src=/seeds/kanazawa.json`, '404'), iframe(good, 'good'), iframe(good, 'sandboxed').replace('<iframe', '<iframe sandbox=""')].join('');
    const { frame: host, frames, heard } = await hostWith(body, WITH_KDX);
    await waitFor(() => frameShows(frames[1]!), 'the good frame’s widget');
    await waitFor(() => heard().length === 2, 'the kdx-error of the two frames that do not answer', 12_000);
    await sleep(400);
    const events = heard().map(({ on, title, detail }) => ({ on, title, code: detail.code, url: detail.url }));
    expect(events).to.have.deep.members([
      { on: 'iframe', title: '404', code: 'no-answer', url: frames[0]!.src },
      { on: 'iframe', title: 'sandboxed', code: 'no-answer', url: frames[2]!.src },
    ]);
    expect(heard()[0]!.detail.message).to.include('embed.html').and.include('404').and.include('sandbox');
    host.remove();
  });

  it('one that finished loading before the kdx script found it: no-answer too', async function () {
    this.timeout(20_000);
    const { frame: host, doc, frames, heard } = await hostWith(iframe(`/no/such/embed.html#kdx=progress&amp;src=/seeds/kanazawa.json`, '404'), '');
    // hostPage resolves on the host's load, which waits for its iframes': the 404 is loaded. Now the kdx script.
    const script = Object.assign(doc.createElement('script'), { type: 'module', src: '/src/autoload.ts' });
    doc.head.append(script);
    await waitFor(() => heard().length, 'the kdx-error of the frame loaded before', 12_000);
    expect(heard().map(({ on, detail }) => [on, detail.code, detail.url])).to.deep.equal([['iframe', 'no-answer', frames[0]!.src]]);
    host.remove();
  });
});

describe('kdx-load on the iframe: the frame shows its widget', () => {
  it('after a problem, as a widget does: its Try again loaded the data, or a new address shows a widget', async function () {
    this.timeout(20_000); // the loader tries a 503 three times (0.4 s, then 1.2 s apart) before the widget says so
    // A bundle that fails three times with 503 (a transient fault: the widget offers to try again), then loads.
    const src = encodeURIComponent(`/__kdx/flaky?id=${unique()}&fail=3`);
    const { frame: host, frames, heard, loaded } = await hostWith(iframe(`${SOURCE}#kdx=progress&amp;src=${src}&amp;node=goal-b`), WITH_KDX);
    const [failed] = await settled(heard, 'the kdx-error of the 503');
    expect(failed!.detail.code).to.equal('http');
    expect(loaded()).to.deep.equal([]);
    const widget = () => frames[0]!.contentDocument!.querySelector('kdx-progress')!.shadowRoot!;
    widget().querySelector<HTMLButtonElement>('button.retry')!.click();
    await waitFor(() => loaded().length, 'the kdx-load once the data came');
    expect(widget().querySelector('[role="meter"]')!.getAttribute('aria-valuetext')).to.equal('10項目中7項目達成（70.0%）');
    expect(loaded()).to.deep.equal([{ on: 'iframe', detail: { plan: 'sample-plan', node: 'goal-b' } }]);
    // A problem of the frame's own, then an address that shows a widget again.
    frames[0]!.contentWindow!.location.hash = '#kdx=banana';
    await waitFor(() => heard().length === 2, 'the kdx-error of the unknown widget');
    frames[0]!.contentWindow!.location.hash = `#kdx=progress&src=/seeds/kanazawa.json&plan=${AMP}&node=policy-1`;
    await waitFor(() => loaded().length === 2, 'the kdx-load of the new address');
    expect(loaded()[1]!.detail).to.deep.equal({ plan: AMP, node: 'policy-1' });
    expect(heard().map((e) => e.detail.code)).to.deep.equal(['http', 'unknown-widget']);
    host.remove();
  });
});

describe('kdx-error on the iframe: origin checks', () => {
  const fake = (detail: object) => `/__kdx/fake-frame?detail=${encodeURIComponent(JSON.stringify(detail))}`;
  const said = { code: 'http', message: 'claimed' };

  it('from the window and the origin of the iframe’s src only', async () => {
    // Control: a page on 127.0.0.1 that claims a problem, as the iframe's own src: heard (it is that origin).
    const control = await hostWith(iframe(`${OTHER}${fake(said)}#kdx=progress`), WITH_KDX);
    const [claimed] = await settled(control.heard, 'the claim of the iframe’s own origin');
    expect(claimed!.detail).to.deep.equal({ ...said, url: undefined, issues: undefined });
    control.frame.remove();
    // The same claim from the iframe's window once it navigated away from its src's origin: ignored.
    const { frame: host, frames, heard } = await hostWith(iframe(`${SOURCE}#kdx=progress&amp;src=/seeds/kanazawa.json&amp;plan=${AMP}&amp;node=policy-1`), WITH_KDX);
    await waitFor(() => frameShows(frames[0]!), 'the widget');
    const moved = new Promise((r) => frames[0]!.addEventListener('load', r, { once: true }));
    frames[0]!.contentWindow!.location.href = `${OTHER}${fake(said)}`;
    await moved;
    await sleep(400);
    expect(heard()).to.deep.equal([]);
    host.remove();
  });

  it('from no other window: not another iframe, not the page itself', async () => {
    const other = `<iframe srcdoc="&lt;script&gt;setInterval(() => parent.postMessage({ kdx: 'embed-error', v: 1, detail: { code: 'http', message: 'claimed' } }, '*'), 50)&lt;/script&gt;" title="other"></iframe>`;
    const { frame: host, win, frames, heard } = await hostWith(iframe(`${SOURCE}#kdx=progress&amp;src=/seeds/kanazawa.json&amp;plan=${AMP}&amp;node=policy-1`) + other, WITH_KDX);
    await waitFor(() => frameShows(frames[0]!), 'the widget');
    win.postMessage({ kdx: 'embed-error', v: 1, detail: said }, '*');
    await sleep(400);
    expect(heard()).to.deep.equal([]);
    host.remove();
  });

  it('nothing that lacks the detail’s shape, even from the right window', async () => {
    for (const detail of [{ code: 'http' }, { code: 'http', message: 42 }, { code: 'http', message: 'm', url: 7 }, { code: 'http', message: 'm', issues: ['a', 1] }, { code: 7, message: 'm' }]) {
      const { frame: host, heard } = await hostWith(iframe(`${OTHER}${fake(detail)}#kdx=progress`), WITH_KDX);
      await sleep(400);
      expect(heard(), JSON.stringify(detail)).to.deep.equal([]);
      host.remove();
    }
  });

  it('kdx-load too: from the iframe’s own window and origin, with a plan and a node that are text; from nothing else', async () => {
    const claim = { plan: 'claimed-plan', node: 'claimed-node' };
    const load = (detail: object) => `/__kdx/fake-frame?load=${encodeURIComponent(JSON.stringify(detail))}`;
    // Control: the iframe's own origin claims a widget shown: heard, as the frame's own would be.
    const control = await hostWith(iframe(`${OTHER}${load(claim)}#kdx=progress`), WITH_KDX);
    await waitFor(() => control.loaded().length, 'the kdx-load of the iframe’s own origin');
    expect(control.loaded()[0]).to.deep.equal({ on: 'iframe', detail: claim });
    control.frame.remove();
    // Another iframe of the page, and the page itself, claiming the same: ignored.
    const other = `<iframe srcdoc="&lt;script&gt;setInterval(() => parent.postMessage({ kdx: 'embed-load', v: 1, detail: { plan: 'p', node: 'n' } }, '*'), 50)&lt;/script&gt;" title="other"></iframe>`;
    const { frame: host, win, frames, loaded } = await hostWith(iframe(`${SOURCE}#kdx=progress&amp;src=/seeds/kanazawa.json&amp;plan=${AMP}&amp;node=policy-1`) + other, WITH_KDX);
    await waitFor(() => loaded().length, 'the kdx-load of the frame’s own widget');
    win.postMessage({ kdx: 'embed-load', v: 1, detail: claim }, '*');
    await sleep(400);
    expect(loaded().map((l) => l.detail)).to.deep.equal([{ plan: AMP, node: 'policy-1' }]);
    expect(frames).to.have.length(2);
    host.remove();
    // The right window, without the detail's shape: ignored.
    for (const detail of [{ plan: 'p' }, { plan: 'p', node: 7 }, { plan: ['p'], node: 'n' }]) {
      const bad = await hostWith(iframe(`${OTHER}${load(detail)}#kdx=progress`), WITH_KDX);
      await sleep(400);
      expect(bad.loaded(), JSON.stringify(detail)).to.deep.equal([]);
      bad.frame.remove();
    }
  });

  it('the frame tells only its parent, only the origin that said hello, and once', async () => {
    const { told, hello, helloFromParentOnly, elsewhere, done } = await helloPage(iframe(`${SOURCE}#kdx=banana`), 'embed-error');
    await helloFromParentOnly();
    // Told once, however often the parent says hello.
    hello(location.origin);
    await sleep(300);
    expect((told() as KdxErrorDetail[]).map((d) => d.code)).to.deep.equal(['unknown-widget']);
    expect(elsewhere).to.deep.equal([]);
    done();
  });
});
