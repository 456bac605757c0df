/**
 * The protocol between a frame of dist/embed.html and a page that loads the kdx script. Types only: each side
 * writes its literals against these types, so that the frame's code and the host page's upgrader share no
 * module (and no extra request).
 *
 * 1. host → frame, when the host's script finds the iframe and on each of its `load` events: a hello, posted
 *    to the origin of the iframe's `src` only (a frame that navigated elsewhere never receives it).
 * 2. frame → host, in reply: a ready at once; then, once it shows its widget or a problem and whenever its
 *    content's height changes, the height in CSS pixels; each posted only to its own parent and only to the origin
 *    the hello came from. A frame that answers nothing within `ANSWER_WAIT` of its `load` (no embed.html at that
 *    address, a sandbox, its scripts missing) gets a `kdx-error` on its iframe from the host: `no-answer`.
 * 3. frame → host, under the same rules, once for each problem the frame shows instead of its widget (one of its
 *    own, or its widget's `kdx-error`), with the detail of that `kdx-error`, and once each time its widget shows
 *    its data (its `kdx-load`: after a problem, the problem is over), with that detail. What the frame shows
 *    before the hello is told after it, the last only. The host fires `kdx-error` or `kdx-load` with that detail
 *    on the iframe.
 * The host takes a message only from the window of an iframe it found, from the origin of that iframe's `src`.
 */
import type { KdxErrorDetail } from '../events/kdx-error.js';
import type { KdxLoadEvent } from '../events/kdx-load.js';

export interface FrameHello {
  kdx: 'embed-hello';
  v: 1;
}

export interface FrameReady {
  kdx: 'embed-ready';
  v: 1;
}

export interface FrameHeight {
  kdx: 'embed-height';
  v: 1;
  height: number;
}

export interface FrameError {
  kdx: 'embed-error';
  v: 1;
  detail: KdxErrorDetail;
}

export interface FrameLoad {
  kdx: 'embed-load';
  v: 1;
  detail: KdxLoadEvent['detail'];
}
