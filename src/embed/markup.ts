/**
 * The markup web staff paste, written from one widget spec: the tag, each fallback form, the iframe form, and
 * the one-time template script. Used by the snippet builder (demo/builder.ts); the tests check that every form
 * becomes the same widget.
 */
import { fallbackHref, NOT_IN_FRAME, WIDGETS, type WidgetSpec } from './fallback.js';

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

const attrs = (pairs: [string, string][]) => pairs.map(([n, v]) => (v === '' ? ` ${n}` : ` ${n}="${escapeAttr(v)}"`)).join('');

/** `<kdx-progress src="…" …>text</kdx-progress>`: for places that keep custom elements. */
export function tagMarkup(spec: WidgetSpec, text: string): string {
  const tag = WIDGETS[spec.widget].tag;
  return `<${tag}${attrs(Object.entries(spec.attributes))}>${escapeText(text)}</${tag}>`;
}

/** `<div data-kdx="progress" data-src="…" …>text</div>`: for editors that keep data-* attributes. */
export function dataMarkup(spec: WidgetSpec, text: string): string {
  const pairs: [string, string][] = [['data-kdx', spec.widget], ...Object.entries(spec.attributes).map(([n, v]): [string, string] => [`data-${n}`, v === '' ? 'true' : v])];
  return `<div${attrs(pairs)}>${escapeText(text)}</div>`;
}

/** `<a href="page#kdx=…">text</a>`: for editors that keep only links. */
export function linkMarkup(page: string, spec: WidgetSpec, text: string): string {
  return `<a href="${escapeAttr(fallbackHref(page, spec))}">${escapeText(text)}</a>`;
}

/**
 * The address of the iframe form: `embed.html` next to the scripts in `base`, with the widget after `#` (without
 * the attributes a frame leaves out, `NOT_IN_FRAME`).
 */
export function embedUrl(base: string, spec: WidgetSpec): string {
  const attributes = Object.fromEntries(Object.entries(spec.attributes).filter(([name]) => !NOT_IN_FRAME.includes(name)));
  return fallbackHref(`${base.endsWith('/') ? base : `${base}/`}embed.html`, { ...spec, attributes });
}

/**
 * `<iframe src="…/embed.html#kdx=…" title="…" height="…">`: for pages without the kdx script. `title` names the
 * frame for screen readers; `height` (CSS px) is what the frame keeps where no kdx script fits it to its content.
 * No style attribute, which a strict CSP would block: `frameborder="0"` is the one way to drop the border then.
 */
export function iframeMarkup(src: string, title: string, height: number): string {
  return `<iframe${attrs([['src', src], ['title', title], ['width', '100%'], ['height', String(Math.ceil(height))], ['frameborder', '0'], ['loading', 'lazy']])}></iframe>`;
}

/**
 * The script tags for the site template, once per page. `base` is where dist/ is served (ending in `/`);
 * `integrity` maps file names to SRI hashes (dist/sri.json), when known.
 */
export function scriptMarkup(base: string, integrity?: Readonly<Record<string, string>>): { module: string; classic: string; importMap: string } {
  const root = base.endsWith('/') ? base : `${base}/`;
  const pin = (file: string) => (integrity?.[file] ? ` integrity="${escapeAttr(integrity[file])}" crossorigin="anonymous"` : '');
  // The chunks kdx.js (and the classic script's charts) load with import(), which no attribute can pin: an
  // import map can. `<` is escaped so that nothing typed as the base can end the script element.
  const chunks = Object.entries(integrity ?? {}).filter(([file]) => file.startsWith('chunks/'));
  const map = JSON.stringify({ integrity: Object.fromEntries(chunks.map(([file, hash]) => [`${root}${file}`, hash])) }).replace(/</g, '\\u003c');
  return {
    module: `<script type="module" src="${escapeAttr(`${root}kdx.js`)}"${pin('kdx.js')}></script>`,
    classic: `<script src="${escapeAttr(`${root}kdx.iife.js`)}"${pin('kdx.iife.js')} defer></script>`,
    importMap: chunks.length ? `<script type="importmap">${map}</script>` : '',
  };
}
