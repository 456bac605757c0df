/**
 * The authoring page with the keyboard alone (real key presses, through the browser): Tab in the order the page
 * reads, a URL typed and Enter to open it, and the arrow keys between the preview's widths (a radio group).
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { KdxAuthor } from '../../src/author/author-app.js';
import { $, mount, settle, SEED, textOf, waitFor } from './helpers.js';

/** The focused element inside the page (and inside the preview, when focus is there). */
function focused(app: KdxAuthor): Element | null {
  let el = app.shadowRoot!.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

describe('authoring page: keyboard', () => {
  // Key presses go to the window in front (two test files run at once).
  beforeEach(() => executeServerCommand('kdx-front'));

  it('Tab reaches the URL field after the file button; a URL typed and Enter opens the bundle', async () => {
    const app = await mount();
    $<HTMLButtonElement>(app, 'header button').focus();
    const visited: string[] = [];
    for (let i = 0; i < 2; i++) {
      await sendKeys({ press: 'Tab' });
      visited.push(focused(app)?.id ?? '');
    }
    expect(visited).to.deep.equal(['bundle-file', 'bundle-url']);
    await sendKeys({ type: SEED });
    expect($<HTMLInputElement>(app, '#bundle-url').value).to.equal(SEED);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => app.bundleOpening.status === 'open', 'the bundle from the URL');
    await settle(app);
    expect(textOf($(app, '#bundle-status'))).to.equal('kanazawa.json（計画 2 件、項目 58 件）');
    expect(focused(app)?.id, 'focus stays where it was').to.equal('bundle-url');
  });

  it('the arrow keys switch the preview between the phone and the desktop width', async () => {
    const app = await mount();
    $<HTMLInputElement>(app, '#bundle-url').focus();
    await sendKeys({ type: SEED });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => app.outcome.status === 'ok', 'the bundle to open and check');
    await app.updateComplete;
    const preview = $(app, 'kdx-author-preview');
    await (preview as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const radio = (value: string) => preview.shadowRoot!.querySelector<HTMLInputElement>(`input[type="radio"][value="${value}"]`)!;
    const frame = () => preview.shadowRoot!.querySelector<HTMLElement>('.frame')!;
    expect(radio('desktop').checked).to.equal(true);
    radio('desktop').focus();

    await sendKeys({ press: 'ArrowLeft' });
    await waitFor(() => frame().dataset.width === 'phone', 'the phone width');
    expect(radio('phone').checked).to.equal(true);
    expect(focused(app)).to.equal(radio('phone'));
    await sendKeys({ press: 'ArrowRight' });
    await waitFor(() => frame().dataset.width === 'desktop', 'the desktop width');
    expect(radio('desktop').checked).to.equal(true);
    expect(focused(app)).to.equal(radio('desktop'));
  });
});
