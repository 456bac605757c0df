/**
 * dist/embed.html as a city publishes it (needs `npm run build`): the widget from the built chunks, only the
 * scripts that widget needs, no CSP or Trusted Types violation under the page's own policy, and the same
 * refusal of bundles from other origins as the source page.
 */
import { expect } from '@open-wc/testing';
import { addFrame, BUILT, detailOf, frameShows, OTHER, openFrame, readerOf } from './frames.js';
import { requireDist, shadowText, waitFor } from './snippets.js';

interface Probe {
  violations: { directive: string; blocked: string }[];
  errors: string[];
  console: { level: string; text: string }[];
}

const AMP = 'administrative-management-plan';
const VARIANT = '/dist/__variant.html?probe=1';
const scripts = (frame: HTMLIFrameElement) =>
  frame
    .contentWindow!.performance.getEntriesByType('resource')
    .filter((e) => (e as PerformanceResourceTiming).initiatorType === 'script' || /\.js$/.test(new URL(e.name).pathname))
    .map((e) => new URL(e.name).pathname.replace(/-[\w-]{8}\.js$/, '.js'))
    .sort();

describe('dist/embed.html', () => {
  before(requireDist);

  it('shows the widget from the built chunks, loading only that widget’s code, with no violation', async () => {
    const { frame, shown } = await openFrame(`${VARIANT}#kdx=progress&src=/seeds/kanazawa.json&plan=${AMP}&node=policy-1`);
    expect(shadowText(shown)).to.include('97.4%');
    const probe = (frame.contentWindow as unknown as { kdxProbe: Probe }).kdxProbe;
    expect(probe.violations).to.deep.equal([]);
    expect(probe.errors).to.deep.equal([]);
    expect(probe.console).to.deep.equal([]);
    // The page script, the frame's script, the rules (from the upgrader's chunk), the core and the widget.
    expect(scripts(frame)).to.deep.equal(
      ['/dist/chunks/core.js', '/dist/chunks/progress.js', '/dist/chunks/upgrade.js', '/dist/embed.js', '/dist/kdx.js', '/test/embed/fixtures/csp-probe.js'].sort(),
    );
    frame.remove();
  });

  it('an English chart: the English messages and chart.js too, and nothing else', async () => {
    const { frame, shown } = await openFrame(`${VARIANT}#kdx=chart&src=/seeds/kanazawa.json&plan=${AMP}&type=bar&lang=en`);
    await waitFor(() => shown.shadowRoot!.querySelector('canvas')?.style.display === 'block', 'chart.js to draw');
    expect(frame.contentDocument!.documentElement.lang).to.equal('en');
    const probe = (frame.contentWindow as unknown as { kdxProbe: Probe }).kdxProbe;
    expect(probe.violations).to.deep.equal([]);
    expect(scripts(frame).filter((s) => /chunks/.test(s))).to.deep.equal(
      ['/dist/chunks/chart-runtime.js', '/dist/chunks/chart.js', '/dist/chunks/core.js', '/dist/chunks/en.js', '/dist/chunks/upgrade.js'].sort(),
    );
    frame.remove();
  });

  it('refuses a bundle on another origin in place, without requesting it', async () => {
    const path = `/seeds/kanazawa.json?built-refused=${Date.now()}`;
    const { frame, shown } = await openFrame(`${VARIANT}#kdx=progress&src=${OTHER}${path}&plan=${AMP}`);
    expect(readerOf(shown)).to.deep.equal(['表示できません', 'このページの設定に誤りがあるため、この内容は表示できません。']);
    expect(detailOf(shown)).to.include(`${OTHER} のデータは、この埋め込みでは表示できません`);
    const { hits } = (await (await fetch(`/__kdx/hits?path=${encodeURIComponent(path)}`)).json()) as { hits: number };
    expect(hits).to.equal(0);
    const probe = (frame.contentWindow as unknown as { kdxProbe: Probe }).kdxProbe;
    expect(probe.violations).to.deep.equal([]);
    frame.remove();
  });

  it('a problem whose words load late does not replace the widget of the address that came meanwhile', async () => {
    // The English messages' chunk is held back on the server: the problem of the first address (no such widget)
    // waits for its words; the address changes to a widget before they arrive.
    await fetch('/__kdx/embed/hold-en');
    const frame = await addFrame('/__kdx/embed/held-en/embed.html#kdx=banana&src=/seeds/kanazawa.json&lang=en');
    try {
      const errors: string[] = [];
      frame.contentWindow!.addEventListener('kdx-error', (e) => errors.push((e as CustomEvent<{ code: string }>).detail.code), true);
      const waiting = async () => ((await (await fetch('/__kdx/embed/held')).json()) as { waiting: number }).waiting;
      await waitFor(waiting, 'the problem to ask for its English words');
      frame.contentWindow!.location.hash = `#kdx=progress&src=/seeds/kanazawa.json&plan=${AMP}&node=policy-1&lang=en`;
      await waitFor(() => frame.contentDocument!.querySelector('kdx-progress'), 'the new address\'s widget');
      await fetch('/__kdx/embed/release-en');
      const shown = await waitFor(() => frameShows(frame), 'the frame to show its widget');
      expect(shown.localName).to.equal('kdx-progress');
      expect(shadowText(shown)).to.include('97.4%');
      // Words that arrive after the widget drew: the problem of the old address would have come with them.
      await new Promise((r) => setTimeout(r, 200));
      expect([...frame.contentDocument!.body.children].map((c) => c.localName)).to.deep.equal(['kdx-progress']);
      expect(errors).to.deep.equal([]);
    } finally {
      await fetch('/__kdx/embed/release-en');
      frame.remove();
    }
  });

  it('is the source page with its scripts built: the same meta to allow origins, the same policy', async () => {
    const [built, source] = await Promise.all([BUILT, '/src/embed/embed.html'].map(async (u) => (await fetch(u)).text()));
    const meta = (html: string, what: string) => new RegExp(`<meta[^>]*${what}[^>]*>`).exec(html)?.[0];
    for (const what of ['name="kdx-allowed-origins"', 'http-equiv="Content-Security-Policy"']) expect(meta(built!, what), what).to.equal(meta(source!, what));
    expect(built).to.match(/<script type="module" src="\.\/kdx\.js"><\/script>\s*<script type="module" src="\.\/embed\.js"><\/script>/);
    expect(built).not.to.include('.ts"');
    // Opened as it is (no test variant), it works too.
    const { frame } = await openFrame(`${BUILT}#kdx=progress&src=/seeds/kanazawa.json&plan=${AMP}&node=policy-2`);
    expect(shadowText(frameShows(frame)!)).to.include('84.4%');
    frame.remove();
  });
});
