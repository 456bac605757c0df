/**
 * How dist/embed.html shows a problem of its own (no widget named, a bundle it may not load): in place of the
 * widget, as a widget shows its errors: the look, theme and `role="alert"`, the reader's plain sentence, and
 * what is wrong and how to fix it for staff in a disclosure, the console and a `kdx-error` event.
 * A chunk of its own, loaded only when there is such a problem.
 */
import { KdxErrorEvent } from '../events/kdx-error.js';
import { FRAME_HINTS, FRAME_PROBLEMS, type FrameProblem } from '../i18n/frame.js';
import { hasMessages, loadMessages, messages, toLang } from '../i18n/index.js';
import { hostStyles } from '../styles/host.js';

/**
 * Shows `problem` in place of the frame's content, in `langTag`'s language once its words are loaded — unless by
 * then `current()` says the frame's address has changed again (its new widget stays, and no stale `kdx-error` fires).
 */
export async function showProblem(body: HTMLElement, problem: FrameProblem, langTag: string, theme: string | undefined, current: () => boolean): Promise<void> {
  const wanted = toLang(langTag);
  await loadMessages(wanted).catch(() => undefined);
  if (!current()) return;
  const lang = hasMessages(wanted) ? wanted : 'ja';
  const t = messages(lang);
  // Each entry takes the problem of its own code.
  const say = (words: (typeof FRAME_PROBLEMS)['ja']) => (words[problem.code] as (p: FrameProblem) => string)(problem);
  const detail = [say(FRAME_PROBLEMS[lang]), say(FRAME_HINTS[lang])];

  const doc = body.ownerDocument;
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, textContent = '', className = '') => Object.assign(doc.createElement(tag), { textContent, className });
  const host = doc.createElement('div');
  if (theme) host.setAttribute('theme', theme);
  const root = host.attachShadow({ mode: 'open' });
  // The widgets' own base styles: tokens (and --kdx-* overrides), theme, forced colours, print.
  root.adoptedStyleSheets = [hostStyles].flat().flatMap((s) => ('styleSheet' in s && s.styleSheet ? [s.styleSheet] : []));
  const box = make('div', '', 'state error');
  box.setAttribute('part', 'error');
  box.setAttribute('role', 'alert');
  box.setAttribute('data-code', problem.code);
  box.lang = lang;
  const details = make('details', '', 'detail');
  details.append(make('summary', t.staffDetails), ...detail.map((d) => make('p', d)));
  // Every problem of the frame is one of its setup (its address, or where its deployer allows data from).
  box.append(make('p', t.errorTitle, 'title'), make('p', t.readerError.setup), details);
  root.append(box);
  body.replaceChildren(host);
  const message = detail.join(' ');
  console.error(`[kdx] embed.html ${problem.code}: ${message}`, problem);
  // As a widget announces its problem (a page with the kdx script hears of it on the iframe: frame-report.ts).
  host.dispatchEvent(new KdxErrorEvent({ code: problem.code, message, url: problem.code === 'not-allowed' ? problem.url : undefined, issues: undefined }));
}
