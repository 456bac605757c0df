/**
 * The host page's half of the protocol (`frame-protocol.ts`): each iframe of dist/embed.html on a page that loads
 * the kdx script takes the height of its content, so it never shows a scrollbar of its own, and fires `kdx-error`
 * when its frame shows a problem and `kdx-load` when its widget shows its data, with the details a widget's
 * events have. Part of the upgrader, which finds
 * these iframes as it finds the other fallback forms. Without the kdx script an iframe keeps the height its
 * snippet gives, and its problems are told in the frame and its console only.
 *
 * The height goes into the `height` attribute, as the snippet writes it: no inline style (a strict CSP blocks
 * none of this).
 */
import { KdxErrorEvent, type KdxErrorDetail } from '../events/kdx-error.js';
import { KdxLoadEvent } from '../events/kdx-load.js';
import type { FrameHello } from './frame-protocol.js';

/** Iframes whose address carries a widget, as the snippet builder writes them. */
export const FRAME_SELECTOR = 'iframe[src*="#kdx="]';

interface Frames {
  /** Windows with the listener (an iframe of another realm's document is heard in that realm). */
  listening: WeakSet<Window>;
  frames: Set<HTMLIFrameElement>;
  /** Frames that have not answered since their last `load`, with the timer that reports it. */
  waiting?: Map<HTMLIFrameElement, ReturnType<typeof setTimeout>>;
}
/** Page-wide, shared by every copy of the library: one listener per page. */
const KEY = Symbol.for('kdx.frames.v1');
const shared: Frames = ((globalThis as Record<symbol, Frames | undefined>)[KEY] ??= { listening: new WeakSet(), frames: new Set() });
// (A copy of the library from before `waiting` may have made the shared object.)
const waiting = (shared.waiting ??= new Map());

/** How long after a frame's `load` its embed.html has to answer the hello (it answers at once: a busy machine). */
export const ANSWER_WAIT = 5000;

/** The origin of the frame's `src`, or undefined (an opaque or unparsable address gets no message). */
function originOf(frame: HTMLIFrameElement): string | undefined {
  try {
    const origin = new URL(frame.src, frame.ownerDocument.baseURI).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

function hello(frame: HTMLIFrameElement): void {
  const origin = originOf(frame);
  const hi: FrameHello = { kdx: 'embed-hello', v: 1 };
  // While the frame still shows about:blank the origin does not match and the browser drops the message;
  // its `load` event says hello again.
  if (origin) frame.contentWindow?.postMessage(hi, origin);
}

/** From now, a frame that does not answer within ANSWER_WAIT fires `kdx-error` (`no-answer`) on its iframe. */
function awaitAnswer(frame: HTMLIFrameElement): void {
  clearTimeout(waiting.get(frame));
  waiting.set(
    frame,
    setTimeout(() => {
      waiting.delete(frame);
      if (!frame.isConnected) return;
      const message = `${frame.src} は embed.html として応答しません（404、sandbox 属性、embed.js がない） / ${frame.src} does not answer as embed.html (a 404, a sandbox attribute, no embed.js)`;
      console.error(`[kdx] no-answer: ${message}`, frame);
      frame.dispatchEvent(new KdxErrorEvent({ code: 'no-answer', message, url: frame.src }));
    }, ANSWER_WAIT),
  );
}

const isText = (v: unknown): v is string => typeof v === 'string';

/** A problem's detail with exactly the fields and types of a widget's `kdx-error`; undefined for anything else. */
function errorDetail(d: unknown): KdxErrorDetail | undefined {
  const { code, message, url, issues } = (d ?? {}) as Record<string, unknown>;
  if (!isText(code) || !isText(message) || (url !== undefined && !isText(url))) return undefined;
  if (issues !== undefined && !(Array.isArray(issues) && issues.every(isText))) return undefined;
  return { code: code as KdxErrorDetail['code'], message, url, issues: issues as string[] | undefined };
}

/** The embed iframe whose window sent `e` from the origin of its `src`; undefined for any other sender. */
function senderOf(e: MessageEvent): HTMLIFrameElement | undefined {
  for (const frame of shared.frames) {
    if (!frame.isConnected) shared.frames.delete(frame);
    else if (frame.contentWindow === e.source) return originOf(frame) === e.origin ? frame : undefined;
  }
  return undefined;
}

function onMessage(e: MessageEvent): void {
  const data = e.data as { kdx?: unknown; v?: unknown; height?: unknown; detail?: unknown } | null;
  const frame = data?.v === 1 && senderOf(e);
  if (!frame) return;
  clearTimeout(waiting.get(frame));
  waiting.delete(frame);
  const { kdx, height } = data;
  const { plan, node } = (data.detail ?? {}) as Record<string, unknown>;
  const detail = kdx === 'embed-error' && errorDetail(data.detail);
  if (detail) frame.dispatchEvent(new KdxErrorEvent(detail));
  else if (kdx === 'embed-load' && isText(plan) && isText(node)) frame.dispatchEvent(new KdxLoadEvent({ plan, node }));
  else if (kdx === 'embed-height' && typeof height === 'number' && Number.isFinite(height) && height >= 0) frame.height = String(Math.ceil(height));
}

/** Starts resizing `frame` to its content (once per iframe; the listener once per page). */
export function fitFrame(frame: HTMLIFrameElement): void {
  if (shared.frames.has(frame)) return;
  shared.frames.add(frame);
  const win = frame.ownerDocument.defaultView;
  if (win && !shared.listening.has(win)) {
    shared.listening.add(win);
    win.addEventListener('message', onMessage);
  }
  frame.addEventListener('load', () => {
    hello(frame);
    awaitAnswer(frame);
  });
  hello(frame);
  // Loaded already (before this script found it): its document is another origin's, or a loaded one of this
  // origin's, not the initial about:blank. A frame still loading waits for its `load`.
  const doc = frame.contentDocument;
  if (!doc || (doc.readyState === 'complete' && doc.URL !== 'about:blank')) awaitAnswer(frame);
}
