/** Helpers for the iframe form's tests: open embed.html in a frame, on a host page, and read what it shows. */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { page, shadowText, waitFor } from './snippets.js';

/** The source page (the dev server and the test server open it as it is) and the built one. */
export const SOURCE = '/src/embed/embed.html';
export const BUILT = '/dist/embed.html';
/** The same test server under another origin: a partner site, or a foreign bundle. */
export const OTHER = `http://127.0.0.1:${location.port}`;

/** What the frame shows: its widget (or its problem), once no longer loading; null before. */
export function frameShows(frame: HTMLIFrameElement): Element | null {
  const doc = frame.contentDocument;
  const host = doc?.body?.firstElementChild;
  const root = host?.shadowRoot;
  return root && !root.querySelector('[aria-busy="true"]') && shadowText(host) !== '' ? host : null;
}

/** What the reader is told in a widget's (or the frame's) error box: its paragraphs outside the disclosure. */
export const readerOf = (el: Element): string[] | null => {
  const box = el.shadowRoot?.querySelector('[role="alert"]');
  return box ? [...box.querySelectorAll(':scope > p')].map((p) => p.textContent!.replace(/\s+/g, ' ').trim()) : null;
};

/** The detail for the site's staff, in the error box's disclosure (closed: the reader does not meet it). */
export const detailOf = (el: Element): string | null => {
  const parts = [...(el.shadowRoot?.querySelectorAll('[role="alert"] details > :not(summary)') ?? [])];
  return parts.length ? parts.map((p) => p.textContent!.replace(/\s+/g, ' ').trim()).join(' ') : null;
};

/** The frame's content height, as the frame measures it (its root element's box). */
export const contentHeight = (frame: HTMLIFrameElement): number => frame.contentDocument!.documentElement.getBoundingClientRect().height;

/** Whether the frame's document scrolls (either way). */
export function scrolls(frame: HTMLIFrameElement): boolean {
  const root = frame.contentDocument!.documentElement;
  return root.scrollHeight > root.clientHeight || root.scrollWidth > root.clientWidth;
}

/** Opens `url` in an iframe of this test page, once its document has loaded (what it shows may still be on its way). */
export async function addFrame(url: string, { width = 640, height = 400, title = 'kdx' } = {}): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  Object.assign(frame, { title, width: String(width), height: String(height) });
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  frame.src = url;
  document.body.append(frame);
  await loaded;
  return frame;
}

/** Opens `url` in an iframe of this test page and waits until its widget or problem shows. */
export async function openFrame(url: string, size: { width?: number; height?: number; title?: string } = {}) {
  const frame = await addFrame(url, size);
  const shown = await waitFor(() => frameShows(frame), `the frame ${url} to show its widget`);
  return { frame, doc: frame.contentDocument!, shown };
}

/**
 * A host page (as a CMS renders it) with `body` in it, with or without a kdx script in its head, opened in an
 * iframe of this test page. Resolves with its document and the embed iframes in it.
 */
export async function hostPage(body: string, script = '') {
  const opened = await page(`<!doctype html><html lang="ja"><head><meta charset="utf-8">${script}</head><body>${body}</body></html>`);
  // On screen: Chromium does not render a frame of another origin that is out of view (nor resize it) until it is.
  opened.frame.scrollIntoView();
  return { ...opened, frames: [...opened.doc.querySelectorAll<HTMLIFrameElement>('iframe')] };
}

/**
 * A host page without kdx whose own script says hello to its iframe (`hello(origin)`) and records what the frame
 * sends it of one kind (`told()`: the heights, or the problems' details), with the messages that reach this test
 * page meanwhile, which is not the frame's parent (`elsewhere`: none may).
 * `helloFromParentOnly()` waits until the frame shows its widget or problem, says hello from this test page (the
 * frame tells it nothing) and then from the parent, and resolves once the parent was told.
 */
export async function helloPage(body: string, kind: 'embed-height' | 'embed-error') {
  const field = kind === 'embed-height' ? 'height' : 'detail';
  const script = `<script>window.told = []; addEventListener('message', (e) => e.data?.kdx === '${kind}' && told.push(e.data.${field}));
    window.hello = (origin) => document.querySelector('iframe').contentWindow.postMessage({ kdx: 'embed-hello', v: 1 }, origin);</script>`;
  const opened = await hostPage(body, script);
  const page = opened.win as unknown as { told: unknown[]; hello: (origin: string) => void };
  const told = () => page.told;
  const elsewhere: unknown[] = [];
  const listen = (e: MessageEvent) => elsewhere.push(e.data);
  addEventListener('message', listen);
  const helloFromParentOnly = async () => {
    const frame = opened.frames[0]!;
    await waitFor(() => frameShows(frame), 'the frame to show its widget or problem');
    frame.contentWindow!.postMessage({ kdx: 'embed-hello', v: 1 }, location.origin);
    await new Promise((r) => setTimeout(r, 300));
    expect(told(), 'told after a hello from a window that is not the parent').to.deep.equal([]);
    page.hello(location.origin);
    await waitFor(() => told().length, 'the frame to tell its parent');
  };
  const done = () => {
    removeEventListener('message', listen);
    opened.frame.remove();
  };
  return { ...opened, told, hello: page.hello, helloFromParentOnly, elsewhere, done };
}

/** The script tags of a host page that loads kdx: the source autoloader, the built one, or the classic script. */
export const WITH_KDX = '<script type="module" src="/src/autoload.ts"></script>';
export const WITH_BUILT_KDX = '<script type="module" src="/dist/kdx.js"></script>';
export const WITH_CLASSIC_KDX = '<script src="/dist/kdx.iife.js" defer></script>';

export interface FrameLook {
  lang: string;
  tag: string | null;
  attributes: Record<string, string>;
  text: string;
  busy: boolean;
  alert: string | null;
  height: number;
  scrolls: boolean;
  page: string;
}

/** What a frame on another origin shows (read by the browser driving the test: test/helpers/frame-command.js). */
export async function lookInto(urlPart: string, what: string, ready: (look: FrameLook) => boolean = (l) => !l.busy && l.text !== ''): Promise<FrameLook> {
  let last: FrameLook | null = null;
  const end = performance.now() + 8000;
  for (;;) {
    last = (await executeServerCommand<FrameLook | false, { url: string }>('kdx-frame', { url: urlPart })) || null;
    if (last && ready(last)) return last;
    if (performance.now() > end) throw new Error(`Timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
