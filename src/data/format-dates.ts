/**
 * A plan's periods and dates for people, as the documents give them: 令和8年度～令和11年度（2026～2029年度）,
 * 2026年1月. Apart from `format.ts` because, of the widgets, only the plan overview shows them (the CLI's diff
 * wording uses them too): the page build keeps them out of the core every widget loads.
 */
import type { Lang } from '../i18n/index.js';
import { fiscalEra, formatFiscalYear } from './format.js';

/** 令和8年度（2026年度） / FY2026 (Reiwa 8): for places where both readings help. */
export function formatFiscalYearLong(fiscalYear: number, lang: Lang): string {
  const e = fiscalEra(fiscalYear);
  if (lang === 'en') return e ? `FY${fiscalYear} (${e.eraEn} ${e.year})` : `FY${fiscalYear}`;
  return e ? `${formatFiscalYear(fiscalYear, 'ja')}（${fiscalYear}年度）` : `${fiscalYear}年度`;
}

/** 令和8年度～令和11年度 / FY2026–FY2029. */
export function formatPeriod(period: { from: number; to: number }, lang: Lang): string {
  return lang === 'en'
    ? `FY${period.from}–FY${period.to}`
    : `${formatFiscalYear(period.from, 'ja')}～${formatFiscalYear(period.to, 'ja')}`;
}

/** 令和8年度～令和11年度（2026～2029年度） / FY2026–FY2029; one year: 令和7年度（2025年度） / FY2025. */
export function formatPeriodLong(period: { from: number; to: number }, lang: Lang): string {
  if (lang === 'en') return period.from === period.to ? `FY${period.from}` : formatPeriod(period, 'en');
  if (period.from === period.to) return formatFiscalYearLong(period.from, 'ja');
  return `${formatPeriod(period, 'ja')}（${period.from}～${period.to}年度）`;
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2026-01` → 2026年1月 / January 2026; `2026` → 2026年 / 2026; full dates likewise. */
export function formatDate(date: string, lang: Lang): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  if (lang === 'en') {
    const month = mo ? MONTHS_EN[Number(mo) - 1] : undefined;
    return [d ? Number(d) : '', month ?? '', y].filter(Boolean).join(' ');
  }
  return `${y}年${mo ? `${Number(mo)}月` : ''}${d ? `${Number(d)}日` : ''}`;
}
