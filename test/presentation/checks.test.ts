/**
 * The presentation checks (test/presentation/checks.js, run on every story by scripts/storybook-smoke.mjs) find
 * the faults they are for, and stay quiet on what is right: each is shown a known fault and its fix.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import './checks.js';

interface Checks {
  contrast(page?: string): string[];
  printContrast(): string[];
  overflow(): string[];
  decorations(): unknown[];
  newDecorations(before: unknown[], after: unknown[]): string[];
  textSpacing(on: boolean): void;
  clipped(): string[];
  frames(): Promise<void>;
}
const checks = (window as unknown as { kdxPresentation: Checks }).kdxPresentation;

/** A stand-in widget: a `kdx-` element whose shadow root holds `markup` (test markup, written here). */
class Fixture extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
  }
}
customElements.define('kdx-fixture', Fixture);

function fixture(markup: string): HTMLElement {
  const el = document.createElement('kdx-fixture');
  el.shadowRoot!.innerHTML = markup;
  document.body.append(el);
  return el;
}

const media = (media = '', features: Array<{ name: string; value: string }> = []) => executeServerCommand('kdx-media', { media, features });

describe('presentation checks', () => {
  beforeEach(() => executeServerCommand('kdx-front'));
  afterEach(async () => {
    document.querySelectorAll('kdx-fixture').forEach((e) => e.remove());
    checks.textSpacing(false);
    await media();
  });

  it('contrast: finds grey on white (2.8:1) and passes the same grey as large text on a dark surface', () => {
    fixture(`<p style="color:#949494">faint</p><div style="background:#1a1a1a"><p style="color:#949494;font-size:24px">large</p></div>`);
    const found = checks.contrast('rgb(255, 255, 255)');
    expect(found).to.have.length(1);
    expect(found[0]).to.match(/"faint": 3\.0\d:1 < 4\.5:1/);
  });

  it('contrast: the page colour shows through a transparent widget, not through its surface', () => {
    fixture(`<p style="color:#1a1a1a">on the page</p><div style="background:#fff"><p style="color:#1a1a1a">on the surface</p></div>`);
    expect(checks.contrast('rgb(255, 255, 255)')).to.deep.equal([]);
    const dark = checks.contrast('rgb(13, 13, 13)');
    expect(dark).to.have.length(1);
    expect(dark[0]).to.contain('"on the page"');
  });

  it('contrast: ignores visually hidden text (read out, not seen)', () => {
    fixture(`<span style="position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);color:#eee">hidden</span>`);
    expect(checks.contrast()).to.deep.equal([]);
  });

  it('print: pale text fails on white paper, whatever its screen background', async () => {
    fixture(`<div style="background:#000"><p style="color:#ccc">pale</p></div><p style="color:#000">black</p>`);
    await media('print');
    const found = checks.printContrast();
    expect(found).to.have.length(1);
    expect(found[0]).to.contain('"pale"');
  });

  it('overflow: finds a box wider than a 320 px viewport and a table that scrolls sideways', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      fixture(`<div style="width:400px">wide</div><div style="overflow-x:auto;width:200px"><div style="width:300px">table</div></div>`);
      const found = checks.overflow();
      expect(found.join('\n')).to.match(/scrolls sideways/);
      expect(found.join('\n')).to.match(/div reaches 4\d\dpx/);
      expect(found.join('\n')).to.match(/needs horizontal scrolling \(300px in 200px\)/);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('forced colours: a transparent border that turns visible is found; the same border kept on Canvas is not', async () => {
    const rows = `<style>.row { border-left: 4px solid transparent }</style>
      <div class="tree" style="background:#fff"><div class="row">a row</div></div>`;
    fixture(rows);
    const before = checks.decorations();
    await media('', [{ name: 'forced-colors', value: 'active' }]);
    await checks.frames();
    const found = checks.newDecorations(before, checks.decorations());
    expect(found.join('\n')).to.match(/div\.row: Left appear only with forced colours/);

    document.querySelector('kdx-fixture')!.remove();
    await media();
    fixture(`${rows}<style>@media (forced-colors: active) { .row { border-left-color: Canvas } }</style>`);
    const fixed = checks.decorations();
    await media('', [{ name: 'forced-colors', value: 'active' }]);
    await checks.frames();
    expect(checks.newDecorations(fixed, checks.decorations())).to.deep.equal([]);
  });

  it('text spacing (WCAG 1.4.12): finds text clipped by a box of fixed height, not text in a box that grows', async () => {
    fixture(`<p style="height:1.2em;line-height:1.1;overflow:hidden;width:12em">a fixed line</p>
      <p style="overflow:hidden;width:12em">grows with its text, however it is spaced</p>`);
    expect(checks.clipped()).to.deep.equal([]);
    checks.textSpacing(true);
    await checks.frames();
    const found = checks.clipped();
    expect(found).to.have.length(1);
    expect(found[0]).to.contain('"a fixed line"');
  });
});
