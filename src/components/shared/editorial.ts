/**
 * A text as the shapes chunk's renderers show it: in its own language where that is not the widget's, followed by
 * the editor's mark where it is the bundle editor's wording (`editorial: true`), the mark the plan overview sets
 * (`.editorial-mark`; each widget that uses this styles it). Part of the shapes chunk (`shapes.ts`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ShapeMessages } from '../../i18n/shape-messages.js';
import type { Shown } from './shown.js';

export type LangOf = (s: Shown) => string | typeof nothing;

export function marked(s: Shown, langOf: LangOf, t: ShapeMessages): TemplateResult {
  const l = langOf(s);
  return html`${l === nothing ? s.text : html`<span lang=${l}>${s.text}</span>`}${s.editorial
    ? html` <span class="editorial-mark">${t.context.editorial}</span>`
    : nothing}`;
}
