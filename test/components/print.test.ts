/**
 * On paper (issue 14 #5): every widget prints as the light theme whatever its `theme`, with dark text on white
 * (browsers drop backgrounds), and where the reader prints with backgrounds the bars keep their meaning: the
 * filled part black (`print-color-adjust: exact`, so it is printed even without backgrounds), the remainder white,
 * so that the remainder never reads as the progress. Under print media emulation, with `theme="dark"`.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/kdx.js';
import '../presentation/checks.js';
import { mount, q, unmountAll } from '../helpers/widgets.js';

const SRC = '/seeds/kanazawa.json';
const PLAN = 'administrative-management-plan';
interface Checks {
  printContrast(): string[];
  ratio(a: number[], b: number[]): number;
  rgba(v: string): number[] | null;
}
const { printContrast, ratio, rgba } = (window as unknown as { kdxPresentation: Checks }).kdxPresentation;

const media = (media = '') => executeServerCommand('kdx-media', { media, features: [] });
const BLACK = 'rgb(0, 0, 0)';
const WHITE = 'rgb(255, 255, 255)';

/** What paper gets of an element (or its pseudo-element): the colours that matter for a bar. */
function printed(el: Element, pseudo?: string) {
  const cs = getComputedStyle(el, pseudo);
  return { background: cs.backgroundColor, adjust: cs.printColorAdjust, colour: cs.color, stroke: cs.stroke };
}

/** The filled part is much darker than the remainder: the progress is what is black, never what is left. */
function fillReadsAsProgress(fill: string, remainder: string): void {
  const [f, r] = [rgba(fill)!, rgba(remainder)!];
  expect(ratio(f, r), `${fill} against ${remainder}`).to.be.at.least(3);
  expect(f.slice(0, 3).reduce((a, b) => a + b), 'the fill is the darker part').to.be.below(r.slice(0, 3).reduce((a, b) => a + b));
}

/** A bar on paper: its fill black and printed even without backgrounds, its remainder white. */
function expectPrintedBar(fill: ReturnType<typeof printed>, remainder: ReturnType<typeof printed>): void {
  expect(fill.background).to.equal(BLACK);
  expect(fill.adjust).to.equal('exact');
  expect(remainder.background).to.equal(WHITE);
  fillReadsAsProgress(fill.background, remainder.background);
}

describe('print, with theme="dark"', () => {
  beforeEach(() => executeServerCommand('kdx-front'));
  afterEach(async () => {
    unmountAll();
    await media();
  });

  it('the meter: a black fill printed exactly, on a white track; black text on white', async () => {
    const { el } = await mount(`<kdx-progress data-test theme="dark" src="${SRC}" plan="${PLAN}"></kdx-progress>`);
    // The dark theme on screen, so that the print values below are not what the screen has anyway.
    expect(printed(q(el, '.track')).background).not.to.equal(WHITE);
    await media('print');
    expect(matchMedia('print').matches).to.equal(true);
    expectPrintedBar(printed(q(el, '.fill')), printed(q(el, '.track')));
    expect(getComputedStyle(el).color).to.equal(BLACK);
    expect(printContrast()).to.deep.equal([]);
  });

  it('the ring: a black arc over a pale remainder', async () => {
    const { el } = await mount(`<kdx-progress data-test theme="dark" variant="ring" src="${SRC}" plan="${PLAN}"></kdx-progress>`);
    await media('print');
    const [fill, track] = [printed(q(el, '.ring-fill')).stroke, printed(q(el, '.ring-track')).stroke];
    expect(fill).to.equal(BLACK);
    fillReadsAsProgress(fill, track);
    expect(printContrast()).to.deep.equal([]);
  });

  it('the tree’s bars: black fill printed exactly, white remainder; black text on white', async () => {
    const { el } = await mount(`<kdx-plan-tree data-test theme="dark" src="${SRC}" plan="${PLAN}" expand-depth="1"></kdx-plan-tree>`);
    await media('print');
    const bars = [...el.shadowRoot!.querySelectorAll('.bar')];
    expect(bars.length, 'a bar per row with progress').to.be.at.least(3);
    for (const bar of bars) expectPrintedBar(printed(bar, '::before'), printed(bar));
    expect(getComputedStyle(el).color).to.equal(BLACK);
    expect(printContrast()).to.deep.equal([]);
  });

  it('the card: its status dot black, printed exactly; black text on white', async () => {
    // The fictional sample: Kanazawa's items carry no status.
    const { el } = await mount(`<kdx-initiative-card data-test theme="dark" src="/seeds/minimal.json" node="A-1"></kdx-initiative-card>`);
    await mount(`<kdx-initiative-card data-test theme="dark" src="${SRC}" plan="${PLAN}" node="R7-1"></kdx-initiative-card>`);
    await media('print');
    const dot = printed(q(el, '.dot'));
    expect(dot.background).to.equal(BLACK);
    expect(dot.adjust).to.equal('exact');
    expect(getComputedStyle(el).color).to.equal(BLACK);
    expect(printContrast()).to.deep.equal([]);
  });
});
