/**
 * The frame's half of the protocol (`frame-protocol.ts`): once the parent page says hello and the frame shows its
 * widget's data or an error, it tells the parent the height of its content, then again on every change (the tree
 * opened, the chart drawn); and each problem it shows (the `kdx-error` of its widget, or of the frame's own
 * problem box), once. Nothing is sent before a hello, nor to any window but the parent, nor to any origin but the
 * one that said hello.
 *
 * Not before the widget is shown: until then the iframe keeps the height of its snippet (the builder measured
 * it on the rendered widget), rather than shrinking to an empty page and growing back.
 */
import type { KdxErrorEvent } from '../events/kdx-error.js';
import type { FrameError, FrameHeight, FrameHello } from './frame-protocol.js';

/** Starts reporting to the parent page, once it says hello. */
export function reportToParent(win: Window = window): void {
  const root = win.document.documentElement;
  let host: { window: Window; origin: string } | undefined;
  let shown = false;
  let pending = 0;
  /** The problem shown, until the host is told. */
  let problem: FrameError | undefined;
  // Measured in the next frame, once: a widget's updates in a row (data, then its first adjustments) send the
  // height they end at, not each one.
  const post = () => {
    pending ||= requestAnimationFrame(() => {
      pending = 0;
      if (!host || !shown) return;
      const message: FrameHeight = { kdx: 'embed-height', v: 1, height: root.getBoundingClientRect().height };
      host.window.postMessage(message, host.origin);
    });
  };
  const tell = () => {
    if (!host || !problem) return;
    host.window.postMessage(problem, host.origin);
    problem = undefined;
  };
  win.addEventListener('message', (e) => {
    const data = e.data as Partial<FrameHello> | null;
    if (win.parent === win || e.source !== win.parent || e.origin === 'null' || data?.kdx !== 'embed-hello' || data.v !== 1) return;
    host = { window: win.parent, origin: e.origin };
    post();
    tell();
  });
  const show = () => {
    shown = true;
    post();
  };
  // Every widget announces what it shows with one of these (they bubble out of its shadow root), as does the
  // frame's own problem box.
  win.document.addEventListener('kdx-load', () => {
    problem = undefined;
    show();
  });
  win.document.addEventListener('kdx-error', (e) => {
    // The detail's fields only: what a structured clone carries, nothing else of the event.
    const { code, message, url, issues } = (e as KdxErrorEvent).detail;
    problem = { kdx: 'embed-error', v: 1, detail: { code, message, url, issues } };
    tell();
    show();
  });
  // The root's own box: its height is the content's (nothing here stretches it to the viewport).
  new ResizeObserver(post).observe(root);
}
