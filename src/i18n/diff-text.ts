/**
 * What every line of the diff's wording shares: texts quoted in the reader's language (the editor's own wording
 * marked as such), amounts with their unit, lists, "none", and the stretch of a long text that changed.
 */
import type { Text } from '../data/bundle.js';
import { formatNumber, isEditorial, text, unitText } from '../data/format.js';
import type { Lang } from './messages.js';

export type Name = Readonly<Record<Lang, string>>;
export const N = (ja: string, en: string): Name => ({ ja, en });

export const NONE = N('なし', 'none');

/** 「…」 / "…", with 「（編集者による記述）」 / "(editor's wording)" where the text is the editor's (as the overview marks it). */
export function quote(t: Text, lang: Lang, shown = text(t, lang)): string {
  const editorial = isEditorial(t);
  if (lang === 'en') return `"${shown}"${editorial ? " (editor's wording)" : ''}`;
  return `「${shown}」${editorial ? '（編集者による記述）' : ''}`;
}

/** A number with its unit as the card shows it: 17件, 60%, 1,200 people. */
export function amount(n: number, unit: Text | undefined, lang: Lang): string {
  const u = unitText(unit, lang);
  return `${formatNumber(n, lang)}${u && /^[A-Za-z]/.test(u) ? ' ' : ''}${u}`;
}

/** Parts of one value: 「目標 100件・実績 80件」 / "target 100, actual 80". */
export const parts = (list: string[], lang: Lang) => list.join(lang === 'ja' ? '・' : ', ');
/** Entries of a list: 「「a」、「b」」 / `"a", "b"`. */
export const series = (list: string[], lang: Lang) => list.join(lang === 'ja' ? '、' : ', ');
/** An aside: 「（…）」 / " (…)". */
export const aside = (s: string, lang: Lang) => (!s ? '' : lang === 'ja' ? `（${s}）` : ` (${s})`);

/** Long texts: the stretch around the first difference, so that the line says what changed. */
export function excerpt(a: string, b: string, max = 60): [string, string] {
  if (a.length <= max && b.length <= max) return [a, b];
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 15);
  const cut = (s: string) => `${from > 0 ? '…' : ''}${s.slice(from, from + max - 15)}${s.length > from + max - 15 ? '…' : ''}`;
  return [cut(a), cut(b)];
}
