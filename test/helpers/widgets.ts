/** Helpers for widget tests: wait until a widget shows data or an error, read what a user meets. */
import { oneEvent } from '@open-wc/testing';
import type { LitElement } from 'lit';

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

/** Nothing a reader should ever meet. */
export const GARBAGE = /\b(NaN|undefined|null|Infinity)\b|\[object Object\]/;
