/**
 * The height protocol between a frame of dist/embed.html and a page that loads the kdx script. Types only: each
 * side writes its literals against these types, so that the frame's code and the host page's upgrader share
 * no module (and no extra request).
 *
 * 1. host → frame, when the host's script finds the iframe and on each of its `load` events: a hello, posted
 *    to the origin of the iframe's `src` only (a frame that navigated elsewhere never receives it).
 * 2. frame → host, in reply and whenever its content's height changes: the height in CSS pixels, posted only
 *    to its own parent and only to the origin the hello came from.
 * The host takes a height only from the window of an iframe it found, from the origin of that iframe's `src`.
 */
export interface FrameHello {
  kdx: 'embed-hello';
  v: 1;
}

export interface FrameHeight {
  kdx: 'embed-height';
  v: 1;
  height: number;
}
