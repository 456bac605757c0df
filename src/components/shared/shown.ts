/**
 * Texts as a widget shows them: in the reader's language where the bundle has it, with the language they are
 * really in (an English page may show a Japanese-only text, which screen readers must read as Japanese), and
 * whether they are the bundle editor's words rather than the source's.
 */
import { nothing } from 'lit';
import type { Text } from '../../data/bundle.js';
import { isEditorial, text } from '../../data/format.js';
import type { Lang } from '../../i18n/index.js';

export interface Shown {
  text: string;
  lang: Lang;
  /** The bundle editor's wording, not the source's (`editorial: true`). */
  editorial?: boolean;
}

/** `t` in `lang` with the language it is in; `null` when empty, so that no empty label is ever rendered. */
export function shown(t: Text | undefined, lang: Lang): Shown | null {
  const s = text(t, lang).trim();
  if (!s) return null;
  return { text: s, lang: lang === 'en' && (typeof t === 'string' || !t?.en) ? 'ja' : lang, editorial: isEditorial(t) };
}

/** The `lang` attribute for a shown text: only where it is not in the widget's language. */
export function langOf(s: Shown, widgetLang: Lang): Lang | typeof nothing {
  return s.lang === widgetLang ? nothing : s.lang;
}
