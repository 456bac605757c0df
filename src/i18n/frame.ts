/**
 * Messages of dist/embed.html for what goes wrong before there is a widget: the frame's address names none, or
 * names a bundle the page may not load. For the site's staff: the reader is told the plain sentence every
 * widget's setup error gives (`readerError.setup`), and these go into the box's disclosure and the console.
 * Both languages in one small chunk, loaded only when such a problem is shown (a frame that works never fetches
 * it). Widgets' own errors (a 404, an unknown item…) come from the widget catalogues, as on any page.
 */
import type { Lang } from './messages.js';

export type FrameProblem =
  | { code: 'no-widget' }
  | { code: 'unknown-widget'; widget: string; valid: string[] }
  | { code: 'no-src'; value: string }
  | { code: 'not-allowed'; origin: string; url: string; allowed: string[] };

type Code = FrameProblem['code'];
type Words = { [C in Code]: (p: Extract<FrameProblem, { code: C }>) => string };

/** What is wrong (the widget list, the value given, the refused origin). */
export const FRAME_PROBLEMS: Record<Lang, Words> = {
  ja: {
    'no-widget': () => 'この埋め込みには、表示するウィジェットの指定がありません。',
    'unknown-widget': (p) => `「${p.widget}」というウィジェットはありません。使えるもの: ${p.valid.join('、')}。`,
    'no-src': (p) => `データの URL（src）がないか、使えない値です${p.value ? `（${p.value}）` : ''}。`,
    'not-allowed': (p) => `${p.origin} のデータは、この埋め込みでは表示できません（このページの公開元が許可していない場所です）。`,
  },
  en: {
    'no-widget': () => 'This embed does not say which widget to show.',
    'unknown-widget': (p) => `There is no widget “${p.widget}”. Widgets: ${p.valid.join(', ')}.`,
    'no-src': (p) => `The data URL (src) is missing or not valid${p.value ? ` (${p.value})` : ''}.`,
    'not-allowed': (p) => `This embed cannot show data from ${p.origin} (the publisher of this page has not allowed it).`,
  },
};

/** How to fix it. */
export const FRAME_HINTS: Record<Lang, Words> = {
  ja: {
    'no-widget': () => 'アドレスを embed.html#kdx=progress&src=…&plan=…&node=… の形にしてください（スニペット作成画面が作ります）。',
    'unknown-widget': () => '#kdx= の後にウィジェット名を書いてください。',
    'no-src': () => 'src に http(s) の URL か相対 URL を書いてください（相対 URL は embed.html の場所が基準です）。',
    'not-allowed': (p) =>
      `${p.url} は読み込んでいません。embed.html が読み込めるのは ${p.allowed.join('、')} のデータだけです。許可するには、embed.html の <meta name="kdx-allowed-origins"> に ${p.origin} を加えてください。`,
  },
  en: {
    'no-widget': () => 'Make the address embed.html#kdx=progress&src=…&plan=…&node=… (the snippet builder writes it).',
    'unknown-widget': () => 'Write a widget name after #kdx=.',
    'no-src': () => 'Give src an http(s) or relative URL (relative to where embed.html is).',
    'not-allowed': (p) =>
      `${p.url} was not requested: this embed.html loads data from ${p.allowed.join(', ')} only. To allow it, add ${p.origin} to <meta name="kdx-allowed-origins"> in embed.html.`,
  },
};

/**
 * What embed.html shows where it cannot run its script at all (an iframe with `sandbox`, as TinyMCE writes by
 * default): the page's `<noscript>`, in both languages since the address cannot be read. embed.html carries
 * it as written here (a test compares them).
 */
export const FRAME_NOSCRIPT: Record<Lang, string> = {
  ja: '表示できません：この埋め込みはスクリプトを使います。iframe の sandbox 属性を外してください。',
  en: 'Cannot show this: this embed needs scripts. Remove the sandbox attribute of its iframe.',
};
