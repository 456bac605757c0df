/**
 * The message catalogues. Japanese is built in, in parts: what every page needs (`ja.ts`); the sections of the
 * tree, the chart and the overview, which those widgets bring with them (`addMessages`, from their chunks); and
 * the staff's detail of a problem, a chunk of its own loaded when a problem is shown (`detailReady`,
 * `loadDetail`). English is one chunk (`en.ts`), loaded when a widget (or the command line) first needs it, so
 * that Japanese pages, most of a city's, do not carry it.
 */
import { ja as jaCore } from './ja.js';
import type { Lang, Messages } from './messages.js';

export type { Lang, Messages } from './messages.js';

/** Japanese, complete once every part that a page uses has been added. */
const ja = { ...jaCore } as Messages;
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

/** Adds a widget's own section of the Japanese catalogue (its chunk calls this when its class is defined). */
export function addMessages(part: Partial<Messages>): void {
  Object.assign(ja, part);
}

let detail: Promise<void> | undefined;
/** Set when the detail chunk could not be loaded: problems are then worded by their codes (see `errorMessage`). */
let detailFailed = false;
const waiting = new Set<() => void>();

/** Whether the staff's detail of problems can be worded in `lang` (English has it in its one chunk). */
export function hasDetail(lang: Lang): boolean {
  return 'issue' in (loaded[lang] ?? ja);
}

/** Loads the Japanese detail of problems (once; a failed load is tried again on the next call). */
export function loadDetail(): Promise<void> {
  if (hasDetail('ja')) return Promise.resolve();
  return (detail ??= import('./ja-detail.js').then(
    (m) => {
      addMessages(m.jaDetail);
      detailFailed = false;
    },
    (e: unknown) => {
      detail = undefined;
      detailFailed = true;
      console.error('[kdx] 問題の詳細の文言を読み込めませんでした（コードで示します）。 / Could not load the wording of problems (shown by their codes).', e);
    },
  ));
}

/**
 * Whether a problem can be shown and announced in `lang` now: its detail is loaded, or could not be (then it is
 * worded by its code). Otherwise starts loading it and calls `then` once that has settled.
 */
export function detailReady(lang: Lang, then: () => void): boolean {
  if (hasDetail(lang) || detailFailed) return true;
  waiting.add(then);
  void loadDetail().then(() => {
    const calls = [...waiting];
    waiting.clear();
    for (const call of calls) call();
  });
  return false;
}

/**
 * The catalogue of `lang`, once loaded (`hasMessages`, `loadMessages`); until English is, the Japanese one.
 * Widgets wait for their language before they show data, so they never mix the two.
 */
export function messages(lang: Lang): Messages {
  return loaded[lang] ?? ja;
}
