/** Helpers for widget tests: wait until a widget shows data or an error, read what a user meets. */
import { expect, oneEvent } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { forgetBundle } from '../../src/data/load.js';
import type { KdxErrorEvent } from '../../src/events/kdx-error.js';

/** Resolves when the widget has shown data or an error (whichever comes first) and has rendered. */
export async function settled<T extends LitElement>(el: T): Promise<T> {
  for (let i = 0; i < 200; i++) {
    await el.updateComplete;
    const root = el.shadowRoot;
    if (root && !root.querySelector('[aria-busy="true"]') && root.childElementCount + (root.textContent?.trim() ? 1 : 0) > 0) {
      await el.updateComplete;
      return el;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`<${el.localName}> did not settle`);
}

/** The visible text of a shadow root, whitespace collapsed. */
export function shown(el: Element): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function q<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = el.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`<${el.localName}> has no ${selector}`);
  return found;
}

/** The rows of a widget's table as the reader sees them (text for screen readers only left out). */
export function rows(el: Element, selector = 'table'): string[][] {
  const table = q(el, selector);
  return [...table.querySelectorAll('tr')].map((tr) =>
    [...tr.children].map((c) => {
      const copy = c.cloneNode(true) as Element;
      copy.querySelectorAll('.visually-hidden').forEach((h) => h.remove());
      return copy.textContent!.replace(/\s+/g, ' ').trim();
    }),
  );
}

/** Creates `markup` in a fresh container and waits for the first kdx-load or kdx-error of `target`. */
export async function mount(markup: string, target = '[data-test]'): Promise<{ root: HTMLElement; el: LitElement; event: Event }> {
  const root = document.createElement('div');
  document.body.append(root);
  const tpl = document.createElement('template');
  tpl.innerHTML = markup; // test markup, written in this file
  const el = tpl.content.querySelector(target) as LitElement;
  const load = oneEvent(el, 'kdx-load');
  const error = oneEvent(el, 'kdx-error');
  root.append(tpl.content);
  const event = await Promise.race([load, error]);
  await settled(el);
  return { root, el, event };
}

/** Nothing a reader should ever meet: leaked JS values, and a negative zero ("-0項目"). */
export const GARBAGE = /\b(NaN|undefined|null|Infinity)\b|\[object Object\]|(?:^|[^\w.])-0(?![\w.,])/;

/**
 * The error state a reader meets: a `kdx-error` event (bubbling, composed) whose message matches, the same
 * message in a role="alert" box, nothing garbled, and no axe violation. Returns the alert.
 */
export async function expectErrorShown(el: LitElement, event: Event, message: RegExp): Promise<HTMLElement> {
  expect(event.type).to.equal('kdx-error');
  expect(event.bubbles && event.composed, 'kdx-error bubbles out of shadow roots').to.equal(true);
  expect((event as KdxErrorEvent).detail.message).to.match(message);
  const alert = q(el, '[role="alert"]');
  expect(alert.textContent).to.match(message);
  expect(alert.textContent).to.not.match(GARBAGE);
  await expect(el).to.be.accessible();
  return alert;
}

/** Re-rendering a widget that shows an error does not announce the same error again. */
export async function expectNoRepeatedError(el: LitElement): Promise<void> {
  let again = 0;
  el.addEventListener('kdx-error', () => again++);
  el.requestUpdate();
  await el.updateComplete;
  el.requestUpdate();
  await el.updateComplete;
  expect(again, 'kdx-error fired again for the same failure').to.equal(0);
}

/** Removes everything `mount()` added and forgets cached bundles: for `afterEach`. */
export function unmountAll(): void {
  document.body.querySelectorAll(':scope > div').forEach((d) => d.remove());
  forgetBundle();
}
