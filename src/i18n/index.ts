/**
 * The message catalogues. Japanese is built in; English is a chunk of its own, loaded when a widget (or the
 * command line) first needs it, so that Japanese pages, most of a city's, do not carry it.
 */
import { ja } from './ja.js';
import type { Lang, Messages } from './messages.js';

export type { Lang, Messages } from './messages.js';

const loaded: Partial<Record<Lang, Messages>> = { ja };
let english: Promise<Messages> | undefined;

/** Normalises any BCP 47 tag to a supported language: `en`, `en-GB` → `en`; everything else → `ja`. */
export function toLang(tag: string | null | undefined): Lang {
  return tag && /^en\b/i.test(tag.trim()) ? 'en' : 'ja';
}

/** The placeholder's text, needed before a catalogue is here. */
export const LOADING: Record<Lang, string> = { ja: '読み込み中…', en: 'Loading…' };

/** Whether the catalogue of `lang` is loaded (Japanese always is). */
export function hasMessages(lang: Lang): boolean {
  return lang in loaded;
}

/** Loads the catalogue of `lang` (once per page; a failed load is tried again on the next call). */
export function loadMessages(lang: Lang): Promise<Messages> {
  const done = loaded[lang];
  if (done) return Promise.resolve(done);
  return (english ??= import('./en.js').then(
    (m) => (loaded.en = m.en),
    (e: unknown) => {
      english = undefined;
      throw e;
    },
  ));
}

/**
 * The catalogue of `lang`, once loaded (`hasMessages`, `loadMessages`); until English is, the Japanese one.
 * Widgets wait for their language before they show data, so they never mix the two.
 */
export function messages(lang: Lang): Messages {
  return loaded[lang] ?? ja;
}
