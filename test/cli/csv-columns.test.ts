import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  columnOf, excelText, guardFormula, readFiscalYear, readFlag, readNumber, readPage, unwrapCell,
} from '../../src/cli/csv-columns.js';

const table = <T>(read: (s: string) => T, cases: Array<[string, T]>) => {
  for (const [input, expected] of cases) assert.equal(read(input), expected, JSON.stringify(input));
};

describe('cells as people type them', () => {
  it('fiscal years: Gregorian, 令和/平成 and their initials, full-width, 元年', () => {
    table(readFiscalYear, [
      ['2025', 2025], ['２０２５', 2025], ['2025年度', 2025], ['FY2025', 2025], ['令和7年度', 2025], ['令和７年度', 2025],
      ['令和7', 2025], ['R7', 2025], ['r7年度', 2025], ['Ｒ７', 2025], ['R.7', 2025], ['令和元年度', 2019],
      ['平成31年度', 2019], ['H30', 2018], ['昭和64年', 1989], ['㋿8', 2026], ['', undefined],
      ['令和X年度', null], ['R0', null], ['来年度', null], ['20255', null],
    ]);
  });

  it('pages: 38, P38, p.38, Ｐ３８, 38頁', () => {
    table(readPage, [['38', 38], ['P38', 38], ['p.38', 38], ['Ｐ３８', 38], ['P 38', 38], ['38頁', 38], ['38ページ', 38], [' ', undefined], ['三十八', null], ['38-39', null]]);
  });

  it('numbers: thousands separators, full-width digits and minus, decimals', () => {
    table(readNumber, [
      ['1200', 1200], ['1,200', 1200], ['１，２００', 1200], ['-3.5', -3.5], ['－３', -3], ['−3', -3], ['.5', 0.5], ['1e21', 1e21],
      ['', undefined], ['abc', null], ['12件', null], ['1,20', null], ['+', null], ['e5', null],
    ]);
  });

  it('yes/no flags', () => {
    table(readFlag, [['1', true], ['○', true], ['あり', true], ['TRUE', true], ['0', false], ['×', false], ['なし', false], ['FALSE', false], ['', undefined], ['maybe', null]]);
  });

  it('headers by name or Japanese alias, full-width and case ignored; # columns are the sheet\'s own', () => {
    table(columnOf, [
      ['id', 'id'], ['ID', 'id'], ['ｉｄ', 'id'], ['親ID', 'parent'], ['№', 'number'], ['No.', 'number'], ['タイトル', 'title_ja'],
      ['タイトル(英語)', 'title_en'], ['Fiscal Year', 'fiscal_year'], ['年度', 'fiscal_year'], ['備考', 'note_ja'],
      ['#担当課', null], ['titel', undefined],
    ]);
  });
});

describe('cells as Excel sees them', () => {
  it('keeps ids and numbers Excel would convert as ="…", and reads them back', () => {
    for (const value of ['(1)', '1-1', '2.10', '007', '1', 'a"b(1)']) {
      const cell = excelText(value, 'number');
      if (/^[\d(]/.test(value)) assert.match(cell, /^="/);
      assert.equal(unwrapCell(cell), value);
    }
    assert.equal(excelText('R6-7', 'number'), 'R6-7');
    assert.equal(excelText('(1)', 'title_ja'), '(1)');
  });

  it('guards texts that would run as formulas, and takes the guard off again', () => {
    for (const value of ['=SUM(A1)', '+1', '-', '@x', "'=x", "'plain", 'plain']) {
      assert.equal(unwrapCell(guardFormula(value)), value);
    }
    assert.equal(guardFormula('=1+1'), "'=1+1");
    assert.equal(guardFormula("'plain"), "'plain");
  });
});
