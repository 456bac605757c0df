import { expect } from '@open-wc/testing';
import { formatDate, formatFiscalYearLong, formatPeriod, formatPeriodLong } from '../../src/data/format-dates.js';
import { fiscalEra, formatCount, formatFiscalYear, formatPercent, safeHref, text } from '../../src/data/format.js';

describe('formatFiscalYear (和暦 年度)', () => {
  it('names fiscal years as the documents do', () => {
    expect(formatFiscalYear(2026, 'ja')).to.equal('令和8年度');
    expect(formatFiscalYear(2029, 'ja')).to.equal('令和11年度');
    expect(formatFiscalYear(2023, 'ja')).to.equal('令和5年度');
    expect(formatFiscalYear(2025, 'ja')).to.equal('令和7年度');
    expect(formatFiscalYear(2019, 'ja')).to.equal('令和元年度');
    expect(formatFiscalYear(2018, 'ja')).to.equal('平成30年度');
    expect(formatFiscalYear(1989, 'ja')).to.equal('平成元年度');
    expect(formatFiscalYear(2026, 'en')).to.equal('FY2026');
    expect(formatFiscalYearLong(2026, 'en')).to.equal('FY2026 (Reiwa 8)');
    expect(formatFiscalYearLong(2026, 'ja')).to.equal('令和8年度（2026年度）');
    expect(formatPeriod({ from: 2026, to: 2029 }, 'ja')).to.equal('令和8年度～令和11年度');
    expect(formatPeriod({ from: 2023, to: 2026 }, 'en')).to.equal('FY2023–FY2026');
  });
  it('gives a period in 和暦 with 西暦, as the DX Action Plan 2.0 writes it (令和8(2026)年度～令和11(2029)年度)', () => {
    expect(formatPeriodLong({ from: 2026, to: 2029 }, 'ja')).to.equal('令和8年度～令和11年度（2026～2029年度）');
    expect(formatPeriodLong({ from: 2026, to: 2029 }, 'en')).to.equal('FY2026–FY2029');
    // One fiscal year: not 「令和7年度～令和7年度」.
    expect(formatPeriodLong({ from: 2025, to: 2025 }, 'ja')).to.equal('令和7年度（2025年度）');
    expect(formatPeriodLong({ from: 2025, to: 2025 }, 'en')).to.equal('FY2025');
    // Across an era: 平成30年度 (FY2018) is followed by 令和元年度 (FY2019).
    expect(formatPeriodLong({ from: 2018, to: 2019 }, 'ja')).to.equal('平成30年度～令和元年度（2018～2019年度）');
  });
  it("agrees with Intl's Japanese calendar for the year most of each fiscal year lies in", () => {
    const intl = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', timeZone: 'UTC' });
    for (let fy = 1990; fy <= 2100; fy++) {
      const parts = intl.formatToParts(new Date(Date.UTC(fy, 11, 1)));
      const era = parts.find((p) => p.type === 'era')!.value;
      const year = parts.find((p) => p.type === 'year')!.value;
      const mine = fiscalEra(fy)!;
      expect(mine.era, String(fy)).to.equal(era);
      expect(mine.year === 1 ? ['1', '元'] : [String(mine.year)], String(fy)).to.include(year);
    }
  });
});

describe('numbers', () => {
  it('formats percentages with one decimal and counts with separators', () => {
    expect(formatPercent(871, 'ja')).to.equal('87.1%');
    expect(formatPercent(800, 'en')).to.equal('80.0%');
    expect(formatPercent(1000, 'en')).to.equal('100.0%');
    expect(formatCount(12345, 'ja')).to.equal('12,345');
  });
  it('formats dates as given', () => {
    expect(formatDate('2026-01', 'ja')).to.equal('2026年1月');
    expect(formatDate('2026-01', 'en')).to.equal('January 2026');
    expect(formatDate('2023-12-05', 'en')).to.equal('5 December 2023');
    expect(formatDate('2024', 'ja')).to.equal('2024年');
  });
  it('picks the text in the language, falling back to Japanese', () => {
    expect(text({ ja: '達成', en: 'Achieved' }, 'en')).to.equal('Achieved');
    expect(text({ ja: '達成' }, 'en')).to.equal('達成');
    expect(text('達成', 'en')).to.equal('達成');
    expect(text(undefined, 'ja')).to.equal('');
  });
});

describe('safeHref', () => {
  it('keeps http(s) and relative URLs, resolved', () => {
    expect(safeHref('https://example.jp/a', 'http://x/')).to.equal('https://example.jp/a');
    expect(safeHref('docs/a.pdf#page=3', 'http://x/y/')).to.equal('http://x/y/docs/a.pdf#page=3');
    expect(safeHref('/a', 'http://x/y/')).to.equal('http://x/a');
  });
  it('refuses every other scheme, however disguised', () => {
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', ' javascript:alert(1)',
      'java\nscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'file:///etc/passwd', '\x01javascript:x', '']) {
      expect(safeHref(bad, 'http://x/'), JSON.stringify(bad)).to.equal(null);
    }
  });
});
