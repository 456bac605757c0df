/**
 * The built files under a strict Content-Security-Policy with Trusted Types enforced: no inline script or style,
 * no eval, data from 'self', and only Lit's `lit-html` policy. Needs `npm run build`.
 */
import { expect } from '@open-wc/testing';
import { chartsDrawn, open, pageSettled, requireDist, shadowText, waitFor } from './snippets.js';

interface Probe {
  violations: { directive: string; blocked: string; sample: string; source: string }[];
  errors: string[];
}

async function cspPage(query: string) {
  const { frame, doc, win } = await open(`/__kdx/embed/csp?${query}`);
  const probe = (win as unknown as { kdxProbe: Probe }).kdxProbe;
  const widgets = await waitFor(() => pageSettled(doc), 'the widgets under CSP', 10000);
  // Charts draw after chart.js arrives: wait for their canvases too.
  await chartsDrawn(doc);
  await new Promise((r) => setTimeout(r, 300));
  return { frame, doc, win, probe, widgets };
}

describe('strict CSP and Trusted Types', () => {
  before(requireDist);

  for (const build of ['module', 'iife']) {
    it(`kdx.${build === 'module' ? 'js' : 'iife.js'}: every widget renders, with no violation`, async () => {
      const { frame, doc, probe, widgets } = await cspPage(`scripts=${build}`);
      expect(probe.violations).to.deep.equal([]);
      expect(probe.errors).to.deep.equal([]);
      expect(widgets.map((w) => w.localName)).to.deep.equal([
        'kdx-progress', 'kdx-progress', 'kdx-initiative-card', 'kdx-plan-tree', 'kdx-chart', 'kdx-chart', 'kdx-progress', 'kdx-progress',
      ]);
      expect(widgets.filter((w) => w.shadowRoot!.querySelector('[part="error"]'))).to.deep.equal([]);
      expect(shadowText(widgets[0]!)).to.include('97.4%');
      // Styles came through adoptedStyleSheets, which style-src 'self' does not block.
      expect(widgets[0]!.shadowRoot!.adoptedStyleSheets.length).to.be.greaterThan(0);
      expect(widgets[0]!.shadowRoot!.querySelector('style')).to.equal(null);
      // The policy is really enforced: a string into an HTML sink throws.
      expect(() => {
        doc.body.insertAdjacentHTML('beforeend', '<b>x</b>');
      }).to.throw(/TrustedHTML/);
      frame.remove();
    });
  }

  it('classic + module: the module finds every tag defined and loads no second Lit, so no violation', async () => {
    const { frame, win, probe, widgets } = await cspPage('scripts=iife,module');
    expect(widgets).to.have.length(8);
    expect(probe.violations).to.deep.equal([]);
    expect(probe.errors).to.deep.equal([]);
    const chunks = win.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.startsWith('/dist/chunks/'));
    expect(chunks.filter((p) => !/chart-runtime-/.test(p)), 'only chart.js, which the classic script loads').to.deep.equal([]);
    frame.remove();
  });

  it('two classic copies: the second cannot create its lit-html policy without allow-duplicates; the first still serves every widget', async () => {
    const { frame, probe, widgets } = await cspPage('scripts=iife,iife');
    expect(widgets).to.have.length(8);
    expect(probe.violations.map((v) => v.directive)).to.deep.equal(['trusted-types']);
    expect(probe.violations[0]!.sample).to.equal('lit-html');
    // The message docs/embedding.md tells readers to look for.
    expect(probe.errors).to.have.length(1);
    expect(probe.errors[0]).to.include('Policy with name "lit-html" already exists');
    frame.remove();
  });

  it("two copies with trusted-types lit-html 'allow-duplicates': no violation", async () => {
    const { frame, probe, widgets } = await cspPage('scripts=iife,iife&tt=dup');
    expect(widgets).to.have.length(8);
    expect(probe.violations).to.deep.equal([]);
    expect(probe.errors).to.deep.equal([]);
    frame.remove();
  });
});
