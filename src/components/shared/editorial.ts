/**
 * The editor's mark: after a text that is the bundle editor's wording (`editorial: true`), never dressed as a
 * quote. One rule styles it (`.editorial-mark`, in the shared host styles); card, overview, tree and the report
 * shapes' renderers all write it here.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Shown } from './shown.js';

export type LangOf = (s: Shown) => string | typeof nothing;

/** The mark itself, with `lang` where it sits inside a text of another language (a Japanese-only heading). */
export const editorialMark = (word: string, lang?: string): TemplateResult =>
  html` <span class="editorial-mark" lang=${lang ?? nothing}>${word}</span>`;

/** A text in its own language where that is not the widget's, followed by the mark where it is the editor's. */
export function marked(s: Shown, langOf: LangOf, word: string): TemplateResult {
  const l = langOf(s);
  return html`${l === nothing ? s.text : html`<span lang=${l}>${s.text}</span>`}${s.editorial ? editorialMark(word) : nothing}`;
}
