/**
 * The script of dist/embed.html, the iframe form: shows the one widget its address names
 * (`embed.html#kdx=progress&src=…&plan=…&node=…`, the link form's fragment, read by the same rules) on a
 * transparent page, for sites whose editors keep iframes but whose templates cannot load the kdx script.
 * Only that widget's code is loaded (by the autoloader, the page's other script), and only bundles this page allows
 * (`frame-policy.ts`). Problems are shown in place; a page with the kdx script sizes the frame to its content
 * and hears of its problems (`frame-report.ts`).
 */
import { reportToParent } from './frame-report.js';
import { allowedOrigins, ALLOW_META, restrictConnections } from './frame-policy.js';
import type { FrameProblem } from '../i18n/frame.js';

const { origins, ignored } = allowedOrigins();
restrictConnections(origins);
if (ignored.length) {
  console.warn(`[kdx] <meta name="${ALLOW_META}"> の ${ignored.join(' ')} はオリジン（https://example.jp の形）ではないため無視しました / ignored ${ignored.join(' ')} in <meta name="${ALLOW_META}">: not an origin (https://example.jp)`);
}

// No margin, room for focus outlines at the edges, margins of the content kept inside: the root's height is
// the content's, which is what the host is told.
const sheet = new CSSStyleSheet();
sheet.replaceSync('html{background:transparent}body{margin:0;padding:6px;display:flow-root}');
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

/**
 * The fallback rules, from the upgrader's chunk (imported the way kdx.js imports it, so both share that one
 * chunk as it is; embed.html preloads it).
 */
const rules = import('./upgrade.js');

/** Each render's token: a problem shown after the address changed again is dropped. */
let current = 0;

function warn(ja: string, en: string): void {
  console.warn(`[kdx] embed.html: ${ja} / ${en}`);
}

async function render(): Promise<void> {
  const { checkAttributes, NOT_IN_FRAME, parseFragment, RULES, WIDGETS, widgetName } = await rules;
  const token = ++current;
  const found = parseFragment(location.hash);
  const langTag = found?.params.get('lang') ?? '';
  // The frame's document carries the widget's language (the widget reads it from there, as on any page).
  document.documentElement.lang = RULES.lang!(langTag) ? langTag : 'ja';
  const fail = (problem: FrameProblem) =>
    import('./frame-error.js').then(
      (m) => m.showProblem(document.body, problem, document.documentElement.lang, found?.params.get('theme') ?? undefined, () => token === current),
      (e: unknown) => console.error('[kdx] embed.html: chunks/ を読み込めませんでした / could not load chunks/', problem, e),
    );
  const widget = found && widgetName(found.widget);
  if (!found) return void fail({ code: 'no-widget' });
  if (!widget || widget === 'plan') {
    return void fail({ code: 'unknown-widget', widget: found.widget, valid: Object.keys(WIDGETS).filter((w) => w !== 'plan') });
  }
  const raw = [...found.params.entries()];
  const unknown = raw.filter(([n]) => !WIDGETS[widget].attributes.includes(n)).map(([n]) => n);
  if (unknown.length) warn(`${unknown.join(', ')} は ${widget} では使えないため無視しました`, `ignored ${unknown.join(', ')}: not an attribute of ${widget}`);
  const { attributes, rejected } = checkAttributes(widget, raw);
  for (const { name, value } of rejected) warn(`${name}=${value} は使えない値のため無視しました`, `ignored ${name}=${value}: not a valid value`);
  const { src, lang: _lang, ...rest } = attributes;
  // link-hash would rewrite the frame's address, which is what the frame shows: reloaded, it would show nothing.
  for (const name of NOT_IN_FRAME.filter((n) => n in rest)) {
    delete rest[name];
    warn(`${name} は iframe では使えないため無視しました（枠のアドレスが表示の指定です）`, `ignored ${name}: in an iframe, the frame’s address says what it shows`);
  }
  if (!src) return void fail({ code: 'no-src', value: found.params.get('src') ?? '' });
  const url = new URL(src, location.href);
  if (!origins.includes(url.origin)) return void fail({ code: 'not-allowed', origin: url.origin, url: url.href, allowed: origins });

  const el = document.createElement(WIDGETS[widget].tag);
  el.setAttribute('src', src);
  for (const [name, value] of Object.entries(rest)) el.setAttribute(name, value);
  // The autoloader (kdx.js, the page's other script) sees the tag and loads its code.
  document.body.replaceChildren(el);
}

reportToParent();
addEventListener('hashchange', () => void render());
void render();
