/**
 * The frame's half of the protocol (`frame-protocol.ts`): once the parent page says hello and the frame shows its
 * widget's data or an error, it tells the parent the height of its content, then again on every change (the tree
 * opened, the chart drawn); and, once each, every problem it shows (the `kdx-error` of its widget, or of the
 * frame's own problem box) and every time its widget shows its data (`kdx-load`). Nothing is sent before a hello,
 * nor to any window but the parent, nor to any origin but the one that said hello.
 *
 * Not before the widget is shown: until then the iframe keeps the height of its snippet (the builder measured
 * it on the rendered widget), rather than shrinking to an empty page and growing back.
 */
import type { KdxErrorEvent } from '../events/kdx-error.js';
import type { KdxLoadEvent } from '../events/kdx-load.js';
import type { FrameError, FrameHeight, FrameHello, FrameLoad, FrameReady } from './frame-protocol.js';

/** Starts reporting to the parent page, once it says hello. */
export function reportToParent(win: Window = window): void {
  const root = win.document.documentElement;
  let host: { window: Window; origin: string } | undefined;
  let shown = false;
  let pending = 0;
  /** What the frame last showed (its widget's data, or a problem), until the host is told. */
  let untold: FrameLoad | FrameError | undefined;
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
  const tell = (shows?: FrameLoad | FrameError) => {
    untold = shows ?? untold;
    if (!host || !untold) return;
    host.window.postMessage(untold, host.origin);
    untold = undefined;
  };
  win.addEventListener('message', (e) => {
    const data = e.data as Partial<FrameHello> | null;
    if (win.parent === win || e.source !== win.parent || e.origin === 'null' || data?.kdx !== 'embed-hello' || data.v !== 1) return;
    host = { window: win.parent, origin: e.origin };
    // At once, whatever the frame shows yet: the host knows this is an embed.html that runs.
    const ready: FrameReady = { kdx: 'embed-ready', v: 1 };
    host.window.postMessage(ready, host.origin);
    post();
    tell();
  });
  const show = () => {
    shown = true;
    post();
  };
  // Every widget announces what it shows with one of these (they bubble out of its shadow root), as does the
  // frame's own problem box.
  // Their details' fields only: what a structured clone carries, nothing else of the event.
  win.document.addEventListener('kdx-load', (e) => {
    const { plan, node } = (e as KdxLoadEvent).detail;
    tell({ kdx: 'embed-load', v: 1, detail: { plan, node } });
    show();
  });
  win.document.addEventListener('kdx-error', (e) => {
    const { code, message, url, issues } = (e as KdxErrorEvent).detail;
    tell({ kdx: 'embed-error', v: 1, detail: { code, message, url, issues } });
    show();
  });
  // The root's own box: its height is the content's (nothing here stretches it to the viewport).
  new ResizeObserver(post).observe(root);
}
