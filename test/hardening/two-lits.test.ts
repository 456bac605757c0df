// A page with a second Lit: the host page's own components use `lit` from node_modules (a separate module, in
// dev mode here), and the page also loads our built bundle dist/kdx.js, which carries its own copy of Lit. Lit
// warns about several copies (in dev mode) but both must work, side by side and nested in each other.
//
// This file imports no source of ours: only the built bundle, as a page would. It needs `npm run build` first
// (CI builds before testing); without dist/kdx.js it is skipped with a message.
import { expect } from '@open-wc/testing';
import { css, html, LitElement } from 'lit';

/** Uncaught errors and rejections (harden.ts is not imported: it would load our source modules). */
function catchUncaught() {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => void errors.push(e.message);
  const onRejection = (e: PromiseRejectionEvent) => void errors.push(String(e.reason));
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onRejection);
  return { errors, stop: () => (removeEventListener('error', onError), removeEventListener('unhandledrejection', onRejection)) };
}

class HostCard extends LitElement {
  static override properties = { label: {}, count: { type: Number } };
  static override styles = css`
    :host {
      display: block;
    }
  `;
  label = 'host';
  count = 0;
  override render() {
    // A kdx widget inside another library's shadow root, configured through that library's bindings.
    return html`<p class="label">${this.label}: ${this.count}</p>
      <kdx-progress src="/seeds/kanazawa.json" plan="administrative-management-plan" .node=${'policy-2'}></kdx-progress>
      <slot></slot>`;
  }
}
customElements.define('host-card', HostCard);

const until = async (f: () => boolean, ms = 8000) => {
  const end = performance.now() + ms;
  while (!f()) {
    if (performance.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};
const rate = (el: Element | null | undefined) => el?.shadowRoot?.querySelector('.rate')?.textContent ?? '';

describe('hardening: a second Lit on the page, next to dist/kdx.js', function () {
  this.timeout(20_000);
  const warnings: string[] = [];
  const { warn } = console;
  let uncaught: ReturnType<typeof catchUncaught>;

  before(async function () {
    const built = await fetch('/dist/kdx.js', { method: 'HEAD' });
    if (!built.ok) {
      console.log('[hardening] dist/kdx.js is missing: run `npm run build` first. Skipping the two-Lit page test.');
      this.skip();
    }
    performance.setResourceTimingBufferSize(5000);
    uncaught = catchUncaught();
    console.warn = (...args: unknown[]) => void warnings.push(String(args[0]));
    const url = '/dist/kdx.js';
    await import(/* @vite-ignore */ url);
    // kdx.js defines a tag when the page first shows it: one widget brings the core (with its Lit) along.
    const first = document.createElement('kdx-progress');
    first.setAttribute('src', '/seeds/kanazawa.json');
    document.body.append(first);
    await customElements.whenDefined('kdx-progress');
    first.remove();
  });
  after(() => {
    console.warn = warn;
    uncaught?.stop();
  });

  it('loads two copies of Lit: ours (inside dist/kdx.js) and the page\'s', () => {
    const versions = (globalThis as { litElementVersions?: string[] }).litElementVersions ?? [];
    expect(versions.length, `litElementVersions: ${versions.join(', ')}`).to.be.at.least(2);
    expect(customElements.get('kdx-progress')).to.exist;
    expect(customElements.get('host-card')).to.equal(HostCard);
    // The tags come from the bundle, not from source modules: no request for src/ was made.
    const ours = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
    expect(ours.filter((p) => p.startsWith('/src/'))).to.deep.equal([]);
  });

  it('both work, side by side and nested in each other; the chart chunk comes from the same origin', async () => {
    const root = document.createElement('div');
    root.innerHTML = `<kdx-plan src="/seeds/kanazawa.json" plan="administrative-management-plan">
        <host-card label="in a provider"><kdx-progress node="policy-3"></kdx-progress></host-card>
        <kdx-chart type="bar"></kdx-chart>
      </kdx-plan>
      <kdx-progress src="/seeds/kanazawa.json" plan="administrative-management-plan"></kdx-progress>`; // fixed test markup
    document.body.append(root);
    const card = root.querySelector('host-card') as HostCard;
    const inner = () => card.shadowRoot?.querySelector('kdx-progress');
    await until(() => rate(inner()) === '84.4%');
    await until(() => rate(root.querySelector('host-card > kdx-progress')) === '80.0%');
    await until(() => rate(root.querySelector(':scope > kdx-progress')) === '87.1%');
    const chart = root.querySelector('kdx-chart')!;
    await until(() => !!chart.shadowRoot?.querySelector('canvas') && performance.getEntriesByType('resource').some((e) => /chart-runtime/.test(e.name)));
    // The page's Lit keeps updating its own element.
    card.count = 3;
    await card.updateComplete;
    expect(card.shadowRoot!.querySelector('.label')!.textContent).to.equal('in a provider: 3');
    // A language switch reaches widgets inside the other library's shadow root.
    root.lang = 'en';
    await until(() => inner()?.shadowRoot?.querySelector('[role="meter"]')?.getAttribute('aria-valuetext') === '38 of 45 items achieved (84.4%)');
    const chunk = performance.getEntriesByType('resource').find((e) => /chart-runtime/.test(e.name))!;
    expect(new URL(chunk.name).origin).to.equal(location.origin);
    expect(new URL(chunk.name).pathname).to.match(/^\/dist\/chunks\/chart-runtime-[\w-]+\.js$/);
    const others = performance.getEntriesByType('resource').filter((e) => new URL(e.name).origin !== location.origin);
    expect(others.map((e) => e.name), 'no third-party request').to.deep.equal([]);
    expect(uncaught.errors).to.deep.equal([]);
    expect(warnings.filter((w) => w.startsWith('[kdx]')), 'no define conflict').to.deep.equal([]);
    root.remove();
  });
});
