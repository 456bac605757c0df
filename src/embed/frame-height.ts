/**
 * The frame's half of the height protocol (`frame-protocol.ts`): once the parent page says hello and the frame
 * shows its widget's data or an error, it tells the parent the height of its content, then again on every
 * change (the tree opened, the chart drawn). Nothing is sent before a hello, nor to any window but the parent,
 * nor to any origin but the one that said hello.
 *
 * Not before the widget is shown: until then the iframe keeps the height of its snippet (the builder measured
 * it on the rendered widget), rather than shrinking to an empty page and growing back.
 */
import type { FrameHeight, FrameHello } from './frame-protocol.js';

/** Starts reporting; returns what to call when the frame shows a problem of its own instead of a widget. */
export function reportHeight(win: Window = window): () => void {
  const root = win.document.documentElement;
  let host: { window: Window; origin: string } | undefined;
  let shown = false;
  let pending = 0;
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
  const show = () => {
    shown = true;
    post();
  };
  win.addEventListener('message', (e) => {
    const data = e.data as Partial<FrameHello> | null;
    if (win.parent === win || e.source !== win.parent || e.origin === 'null' || data?.kdx !== 'embed-hello' || data.v !== 1) return;
    host = { window: win.parent, origin: e.origin };
    post();
  });
  // Every widget announces what it shows with one of these (they bubble out of its shadow root).
  for (const type of ['kdx-load', 'kdx-error']) win.document.addEventListener(type, show);
  // The root's own box: its height is the content's (nothing here stretches it to the viewport).
  new ResizeObserver(post).observe(root);
  return show;
}
