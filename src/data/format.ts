/**
 * Formatting for people: texts in the reader's language, numbers and percentages through `Intl`, fiscal years
 * in 和暦 (令和8年度) or as FY2026, and safe link targets. Periods and dates are in `format-dates.ts`.
 */
import type { Lang } from '../i18n/index.js';
import { SAFE_URL_PATTERN, type NodeData, type PlanData, type Text } from './bundle.js';

/** The text in `lang`, falling back to Japanese. */
export function text(t: Text | undefined | null, lang: Lang): string {
  if (t == null) return '';
  if (typeof t === 'string') return t;
  return (lang === 'en' && t.en) || t.ja;
}

/** Whether a text is the bundle editor's wording rather than the source's (`editorial: true`). */
export function isEditorial(t: Text | undefined | null): boolean {
  return typeof t === 'object' && t !== null && t.editorial === true;
}

/** A text as a file may write it: `"x"`, or `{ "ja", "en"?, "editorial"? }` with nothing else. */
export function isTextValue(v: unknown): boolean {
  if (typeof v === 'string') return true;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const t = v as Record<string, unknown>;
  if (typeof t.ja !== 'string') return false;
  for (const k in t) if (k !== 'ja' && k !== 'en' && k !== 'editorial') return false;
  return true;
}

/**
 * Whether two values are texts that say the same: the same Japanese, the same English, both the editor's or
 * neither. `"x"` and `{ "ja": "x" }` say the same, as do `editorial: false` and no mark (an import writes either
 * form): `kdx import --into` keeps the bundle's form of an unchanged text, `kdx diff` reports no change between them.
 */
export function sameText(a: unknown, b: unknown): boolean {
  if (!isTextValue(a) || !isTextValue(b)) return false;
  const [x, y] = [a as Text, b as Text];
  const en = (t: Text) => (typeof t === 'string' ? undefined : (t.en ?? undefined));
  const mine = (t: Text) => typeof t !== 'string' && t.editorial === true;
  return (typeof x === 'string' ? x : x.ja) === (typeof y === 'string' ? y : y.ja) && en(x) === en(y) && mine(x) === mine(y);
}

/**
 * A unit in `lang`, with no fallback to Japanese on English pages: a counter word (件, 人, 回) has no English
 * form, and "17件" would be wrong there.
 */
export function unitText(t: Text | undefined | null, lang: Lang): string {
  if (t == null) return '';
  if (lang === 'ja') return text(t, 'ja');
  return typeof t === 'string' ? '' : (t.en ?? '');
}

const kindOf = (plan: PlanData, kind: string) => (plan.kinds && Object.hasOwn(plan.kinds, kind) ? plan.kinds[kind] : undefined);

/**
 * What the plan calls a kind of node, in the document's words (its `kinds`). A plan without `kinds` gets the
 * library's word (`fallback`); a plan with them gets none for a kind it does not list, rather than a term its
 * document does not use.
 */
export function kindLabel(plan: PlanData, kind: string, lang: Lang, fallback: (kind: string) => string): string {
  if (kind === 'plan') return fallback(kind);
  const k = kindOf(plan, kind);
  if (k) return text(k.label, lang);
  return plan.kinds ? '' : fallback(kind);
}

/** A node's number as the document writes it: 【視点1】 → 「視点1」 / "Viewpoint 1" where the kind says so. */
export function numberLabel(plan: PlanData, node: Pick<NodeData, 'kind' | 'number'>, lang: Lang): string {
  const n = node.number?.trim();
  if (!n) return '';
  const k = kindOf(plan, node.kind);
  if (!k?.numberWithLabel) return n;
  const label = text(k.label, lang);
  return lang === 'en' ? `${label} ${n}` : `${label}${n}`;
}

// Every format below uses signDisplay 'negative': -0, and a negative value that rounds to zero (-0.001), show as
// "0", never "-0".
const FORMATS = {
  count: { maximumFractionDigits: 0, signDisplay: 'negative' },
  number: { maximumFractionDigits: 2, signDisplay: 'negative' },
  percent: { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'negative' },
  tenths: { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'negative' },
} as const satisfies Record<string, Intl.NumberFormatOptions>;

type Format = keyof typeof FORMATS;

/** One formatter per language and format, made on first use. */
const formatters: Partial<Record<`${Lang}-${Format}`, Intl.NumberFormat>> = {};
/**
 * Formatted values by language, format and value: a 10,000-row tree formats 30,000 numbers, mostly the same few
 * hundred (counts, rates in tenths of a percent), and a lookup costs a fraction of `Intl` formatting. Bounded.
 */
const memo = new Map<string, Map<number, string>>();

function format(lang: Lang, format: Format, n: number): string {
  const key = `${lang}-${format}` as const;
  let values = memo.get(key);
  if (!values || values.size > 4096) memo.set(key, (values = new Map()));
  let s = values.get(n);
  if (s === undefined) {
    const f = (formatters[key] ??= new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'ja-JP', FORMATS[format]));
    values.set(n, (s = f.format(format === 'percent' ? n / 1000 : format === 'tenths' ? n / 10 : n)));
  }
  return s;
}

/** A whole count: 1,234 / 1,234. */
export function formatCount(n: number, lang: Lang): string {
  return format(lang, 'count', n);
}

/** Any number, as given (targets and actuals may be fractional). */
export function formatNumber(n: number, lang: Lang): string {
  return format(lang, 'number', n);
}

/** A value given in tenths of a percent, signed (a measure: -120 → "-12.0%"). */
export function formatSignedPercent(tenths: number, lang: Lang): string {
  return tenths > 0 ? `+${formatPercent(tenths, lang)}` : formatPercent(tenths, lang);
}

/** A rate given in tenths of a percent (871) as "87.1%": always one decimal, as the report prints it. */
export function formatPercent(tenths: number, lang: Lang): string {
  return format(lang, 'percent', tenths);
}

/**
 * A change as Japanese tables print it: 「+3」, 「▲22」 (▲ marks a decrease), 「0」; in English 「+3」, 「−22」.
 * `tenths`: the value is in tenths (a rate's change in points: 253 → 「+25.3」).
 */
export function formatChange(n: number, lang: Lang, tenths = false): string {
  const abs = Math.abs(n);
  const s = tenths ? format(lang, 'tenths', abs) : formatCount(abs, lang);
  if (n > 0) return `+${s}`;
  if (n < 0) return `${lang === 'ja' ? '▲' : '\u2212'}${s}`;
  return s;
}

/** Japanese eras by the calendar year in which their first fiscal year starts. */
const ERAS: ReadonlyArray<{ start: number; ja: string; en: string }> = [
  { start: 2019, ja: '令和', en: 'Reiwa' },
  { start: 1989, ja: '平成', en: 'Heisei' },
  { start: 1926, ja: '昭和', en: 'Showa' },
  { start: 1912, ja: '大正', en: 'Taisho' },
  { start: 1868, ja: '明治', en: 'Meiji' },
];

/**
 * The era of a fiscal year. A fiscal year (年度) starts in April; by convention it takes the era in force for
 * most of it, so FY2019 (April 2019 – March 2020) is 令和元年度 although Reiwa began on 1 May 2019.
 * Eras are checked against `Intl`'s Japanese calendar where the engine has it (see tests).
 */
export function fiscalEra(fiscalYear: number): { era: string; eraEn: string; year: number } | null {
  const era = ERAS.find((e) => fiscalYear >= e.start);
  return era ? { era: era.ja, eraEn: era.en, year: fiscalYear - era.start + 1 } : null;
}

/** 令和8年度 (ja) / FY2026 (en). */
export function formatFiscalYear(fiscalYear: number, lang: Lang): string {
  if (lang === 'en') return `FY${fiscalYear}`;
  const e = fiscalEra(fiscalYear);
  if (!e) return `${fiscalYear}年度`;
  return `${e.era}${e.year === 1 ? '元' : e.year}年度`;
}

/**
 * A link target that is safe to put in `href`: `http(s)` or relative, resolved against `base`; `null` for
 * anything else (`javascript:`, `data:`, obfuscated schemes). Checked again here although the validator
 * checks bundles, because widgets also take URLs that did not come through it.
 */
export function safeHref(url: string | undefined | null, base?: string): string | null {
  if (!url || !SAFE_URL_PATTERN.test(url)) return null;
  try {
    const resolved = new URL(url, base ?? globalThis.document?.baseURI ?? 'http://localhost/');
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : null;
  } catch {
    return null;
  }
}
