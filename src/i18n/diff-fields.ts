/**
 * A field that changes (`data/diff-fields.ts`) as a line: its name along its path (「評価区分「評価」の区分「S」の定義」 /
 * "Scale "Evaluation", grade "S", definition"), then its value before and after, or the entry added or removed.
 */
import type { Text } from '../data/bundle.js';
import type { FieldChange } from '../data/diff.js';
import type { Labels } from '../data/diff-fields.js';
import { text } from '../data/format.js';
import { excerpt, N, NONE, quote, type Name } from './diff-text.js';
import { PLAN_WORDS } from './diff-plan-words.js';
import { BUNDLE_WORDS, NODE_WORDS, type LeafWords, type ListWords } from './diff-words.js';
import type { Lang } from './messages.js';

// The words are typed on the shapes (`diff-words.ts`); a path walks them by name.
/* eslint-disable @typescript-eslint/no-explicit-any */
interface SomeWords extends Partial<Omit<LeafWords<any>, 'name'> & Omit<ListWords<any, AnyWords>, 'name'>> {
  name: Name | null;
  fields?: Record<string, AnyWords>;
}
type AnyWords = SomeWords | null;

const OTHER: Record<Lang, Lang> = { ja: 'en', en: 'ja' };
/** The other language, where the reader's reads the same on both sides (an English title reworded, on a Japanese page). */
const IN_OTHER = N('（英語）', ' (Japanese)');

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The words of each step of the path, and the name of what it reaches. */
function walk(c: FieldChange): { chain: Array<(lang: Lang) => string>; words: AnyWords; list: boolean } {
  let words = (c.item ? NODE_WORDS : c.plan ? PLAN_WORDS : BUNDLE_WORDS) as AnyWords;
  const chain: Array<(lang: Lang) => string> = [];
  c.path.forEach((step, i) => {
    const w = words!.fields![step.field]!;
    const last = i === c.path.length - 1;
    if (step.entry !== undefined && !(last && w.entry === null)) {
      const key = step.key ?? '';
      chain.push((lang) => {
        const label = w.label!(step.entry, key, lang);
        // 「区分「S」の定義」, 「種別 policy の呼び名」; "grade "S", definition".
        if (lang === 'en') return `${w.one!.en} ${label}`;
        return `${w.one!.ja}${label.startsWith('「') ? '' : ' '}${label}${label.endsWith('」') ? '' : ' '}`;
      });
      words = w.entry!;
    } else {
      if (w.name) chain.push((lang) => w.name![lang]);
      words = w;
    }
  });
  const end = c.path[c.path.length - 1]!;
  return { chain, words, list: c.change !== 'changed' || end.entry !== undefined };
}

function valueText(v: unknown, w: NonNullable<AnyWords>, lang: Lang, labels: Labels | undefined, list: boolean): string {
  if (v === null || v === undefined) return (w.absent ?? NONE)[lang];
  if (list) return w.label!(v, '', lang);
  if (w.show) return w.show(v, lang, labels ?? {});
  return quote(v as Text, lang);
}

/** One field's change as a line; `where`: the item it belongs to, as the line names it (with a space), or ''. */
export function describeField(c: FieldChange, lang: Lang, where: string): string {
  const { chain, words, list } = walk(c);
  const w = words!;
  const name = (l: Lang, upTo = chain.length) => {
    const s = chain.slice(0, upTo).map((part) => part(l)).join(l === 'ja' ? 'の' : ', ');
    return l === 'en' ? capital(s) : s;
  };
  if (c.change !== 'changed') {
    const entry = (c.change === 'added' ? c.after : c.before) as unknown;
    const shown = (w.full ?? w.label!)(entry, c.path[c.path.length - 1]!.key ?? '', lang);
    const added = c.change === 'added';
    // A list of the bundle, a plan or an item: 「注記を追加」, 「推進体制の組織を追加」; of an entry of another list:
    // 「見直し …の追加した項目に追加」.
    if (!c.path.some((step) => step.entry !== undefined)) {
      const at = chain.slice(0, -1).map((part) => part(lang));
      if (lang === 'ja') return `${[...at, ''].join('の')}${w.one!.ja}を${added ? '追加' : '削除'}: ${where}${shown}`;
      return `${capital([...at, `${w.one!.en} ${added ? 'added' : 'removed'}`].join(', '))}: ${where}${shown}`;
    }
    const at = name(lang);
    return lang === 'ja' ? `${at}${added ? 'に追加' : 'から削除'}: ${where}${shown}` : `${added ? 'Added to' : 'Removed from'} ${at.charAt(0).toLowerCase()}${at.slice(1)}: ${where}${shown}`;
  }
  const render = (l: Lang): [string, string] => {
    if (w.show || list) return [valueText(c.before, w, l, c.labels?.before, list), valueText(c.after, w, l, c.labels?.after, list)];
    const [a, b] = [c.before as Text | null, c.after as Text | null];
    // A title is shown whole (its item by № alone: the line names it once, old and new); other texts around the change.
    const [x, y] = [a === null ? '' : text(a, l), b === null ? '' : text(b, l)];
    const [sa, sb] = c.path.length === 1 && c.path[0]!.field === 'title' ? [x, y] : excerpt(x, y);
    return [a === null ? NONE[l] : quote(a, l, sa), b === null ? NONE[l] : quote(b, l, sb)];
  };
  let [a, b] = render(lang);
  let field = name(lang);
  if (a === b) {
    [a, b] = render(OTHER[lang]);
    field += IN_OTHER[lang];
  }
  return `${field}: ${where}${a} → ${b}`;
}
