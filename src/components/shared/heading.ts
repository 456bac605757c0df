/** Headings whose level a page sets (`heading-level`), so that a widget fits the page's outline. */
import { html, nothing, type TemplateResult } from 'lit';

/** A heading level from an attribute: 1–6, out-of-range values clamped, anything else (or none) `fallback`. */
export function headingLevel(value: unknown, fallback: number): number {
  // A removed attribute sets null (Number(null) would be 0).
  const n = value == null ? NaN : Math.round(Number(value));
  return Number.isFinite(n) ? Math.min(6, Math.max(1, n)) : fallback;
}

/**
 * A real `<h1>`–`<h6>` whose level is known only at run time. Static tags, never built from input, and without
 * `lit/static-html` (half a kilobyte every page with a widget would carry once two widgets use it).
 */
export function heading(level: number, attrs: { id?: string; part?: string; cls?: string; lang?: string | typeof nothing }, content: unknown): TemplateResult {
  const { id = nothing, part = nothing, cls = nothing, lang = nothing } = attrs;
  switch (level) {
    case 1: return html`<h1 id=${id} part=${part} class=${cls} lang=${lang}>${content}</h1>`;
    case 2: return html`<h2 id=${id} part=${part} class=${cls} lang=${lang}>${content}</h2>`;
    case 3: return html`<h3 id=${id} part=${part} class=${cls} lang=${lang}>${content}</h3>`;
    case 4: return html`<h4 id=${id} part=${part} class=${cls} lang=${lang}>${content}</h4>`;
    case 5: return html`<h5 id=${id} part=${part} class=${cls} lang=${lang}>${content}</h5>`;
    default: return html`<h6 id=${id} part=${part} class=${cls} lang=${lang}>${content}</h6>`;
  }
}
