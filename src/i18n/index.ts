import { en } from './en.js';
import { ja } from './ja.js';
import type { Lang, Messages } from './messages.js';

export type { Lang, Messages } from './messages.js';

const CATALOGUES: Record<Lang, Messages> = { ja, en };

/** Normalises any BCP 47 tag to a supported language: `en`, `en-GB` → `en`; everything else → `ja`. */
export function toLang(tag: string | null | undefined): Lang {
  return tag && /^en\b/i.test(tag.trim()) ? 'en' : 'ja';
}

export function messages(lang: Lang): Messages {
  return CATALOGUES[lang];
}
