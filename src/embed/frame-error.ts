/**
 * How dist/embed.html shows a problem of its own (no widget named, a bundle it may not load): in place of the
 * widget, with the look, theme and `role="alert"` of a widget's error, and the fix for staff in the console.
 * A chunk of its own, loaded only when there is such a problem.
 */
import { FRAME_HINTS, FRAME_MESSAGES, type FrameProblem } from '../i18n/frame.js';
import { hasMessages, loadMessages, messages, toLang } from '../i18n/index.js';
import { hostStyles } from '../styles/host.js';

export async function showProblem(body: HTMLElement, problem: FrameProblem, langTag: string, theme: string | undefined): Promise<void> {
  const wanted = toLang(langTag);
  await loadMessages(wanted).catch(() => undefined);
  const lang = hasMessages(wanted) ? wanted : 'ja';
  // Each entry takes the problem of its own code.
  const say = (words: (typeof FRAME_MESSAGES)['ja']) => (words[problem.code] as (p: FrameProblem) => string)(problem);
  const text = say(FRAME_MESSAGES[lang]);

  const host = body.ownerDocument.createElement('div');
  if (theme) host.setAttribute('theme', theme);
  const root = host.attachShadow({ mode: 'open' });
  // The widgets' own base styles: tokens (and --kdx-* overrides), theme, forced colours, print.
  root.adoptedStyleSheets = [hostStyles].flat().flatMap((s) => ('styleSheet' in s && s.styleSheet ? [s.styleSheet] : []));
  const box = body.ownerDocument.createElement('div');
  box.className = 'state error';
  box.setAttribute('part', 'error');
  box.setAttribute('role', 'alert');
  box.setAttribute('data-code', problem.code);
  box.lang = lang;
  const title = body.ownerDocument.createElement('p');
  title.className = 'title';
  title.textContent = messages(lang).errorTitle;
  const message = body.ownerDocument.createElement('p');
  message.textContent = text;
  box.append(title, message);
  root.append(box);
  body.replaceChildren(host);
  console.error(`[kdx] embed.html ${problem.code}: ${text} ${say(FRAME_HINTS[lang])}`, problem);
}
