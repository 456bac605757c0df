/**
 * A plan's nodes → CSV that `kdx import` reads back to the same nodes (tested on the Kanazawa seed).
 *
 * Written for Excel: CRLF between records and LF inside cells (as Excel writes Alt+Enter), ids and numbers
 * Excel would convert kept as text with `="(1)"`, and texts that would run as formulas prefixed with `'`.
 * Encoding is the caller's choice (`encoding.ts`): UTF-8 with BOM, or Shift_JIS with `&#x…;` for what it lacks.
 */
import type { NodeData, PlanData, StatusData, Text } from '../data/bundle.js';
import { COLUMN_NAMES, excelText, guardFormula, type Column, type ColumnName } from './csv-columns.js';
import { shapeCells, shapeColumns } from './csv-shapes.js';
import { toShiftJisSafe } from './encoding.js';
import type { CliIssue } from './messages.js';

export interface Sheet {
  header: string[];
  rows: string[][];
  /** Values a CSV row cannot hold (multi-line notes), by JSON path. */
  issues: CliIssue[];
}

const ja = (t: Text | undefined) => (t === undefined ? '' : typeof t === 'string' ? t : t.ja);
const en = (t: Text | undefined) => (t === undefined || typeof t === 'string' ? '' : (t.en ?? ''));
const num = (n: number | undefined) => (n === undefined ? '' : String(n));
const flag = (t: Text | undefined) => (typeof t === 'object' && t.editorial ? '1' : '');

/** Notes that one line of a cell per note cannot hold. */
function checkNotes(notes: readonly Text[], at: string, issues: CliIssue[]) {
  notes.forEach((note, i) => {
    if (!ja(note).trim() || /\n|\r/.test(ja(note) + en(note))) issues.push({ path: `${at}[${i}]`, key: 'note-lines', params: {} });
  });
}

function rowOf(node: NodeData, at: string, issues: CliIssue[]): Record<ColumnName, string> {
  const t = node.numericTarget;
  const notes = node.notes ?? [];
  checkNotes(notes, `${at}.notes`, issues);
  const editorialNotes = notes.filter((n) => flag(n)).length;
  if (editorialNotes && editorialNotes < notes.length) issues.push({ path: `${at}.notes`, key: 'note-editorial', params: {} });
  const [result, ...moreResults] = node.results ?? [];
  if (moreResults.length) issues.push({ path: `${at}.results`, key: 'one-per-row', params: { name: 'results' } });
  const [aligned, ...moreAligned] = node.alignedWith ?? [];
  if (moreAligned.length) issues.push({ path: `${at}.alignedWith`, key: 'one-per-row', params: { name: 'alignedWith' } });
  const [ind, ...moreIndicators] = node.indicators ?? [];
  if (moreIndicators.length) issues.push({ path: `${at}.indicators`, key: 'one-per-row', params: { name: 'indicators' } });
  if (ind?.target?.asOf) issues.push({ path: `${at}.indicators[0].target.asOf`, key: 'not-in-csv', params: { name: 'target.asOf' } });
  const indicatorNotes = ind?.notes ?? [];
  checkNotes(indicatorNotes, `${at}.indicators[0].notes`, issues);
  if (indicatorNotes.some((n) => flag(n))) issues.push({ path: `${at}.indicators[0].notes`, key: 'not-in-csv', params: { name: 'editorial' } });
  const p = node.progress;
  return {
    id: node.id,
    parent: node.parent ?? '',
    kind: node.kind,
    number: node.number ?? '',
    title_ja: ja(node.title),
    title_en: en(node.title),
    title_editorial: flag(node.title),
    summary_ja: ja(node.summary),
    summary_en: en(node.summary),
    summary_editorial: flag(node.summary),
    summary_kind: node.summaryKind ?? '',
    page: num(node.page),
    fiscal_year: num(node.fiscalYear),
    reported: node.reported?.as ?? '',
    reported_year: num(node.reported?.fiscalYear),
    status: node.status ?? '',
    numeric_target: t ? '1' : '',
    target_label_ja: ja(t?.label),
    target_label_en: en(t?.label),
    target: num(t?.target),
    actual: num(t?.actual),
    unit_ja: ja(t?.unit),
    unit_en: en(t?.unit),
    result_label_ja: ja(result?.label),
    result_label_en: en(result?.label),
    result_value: num(result?.value),
    result_unit_ja: ja(result?.unit),
    result_unit_en: en(result?.unit),
    aligned_plan_ja: ja(aligned?.plan),
    aligned_plan_en: en(aligned?.plan),
    aligned_title_ja: ja(aligned?.title),
    aligned_title_en: en(aligned?.title),
    total: num(node.progress?.total),
    achieved: num(node.progress?.achieved),
    unconfirmed: num(node.progress?.unconfirmed),
    as_of: p?.asOf ?? '',
    counts_year: num(p?.fiscalYear),
    compared_with: num(p?.comparedWith?.fiscalYear),
    compare_note_ja: ja(p?.comparedWith?.note),
    compare_note_en: en(p?.comparedWith?.note),
    indicator_ja: ja(ind?.label),
    indicator_en: en(ind?.label),
    indicator_unit_ja: ja(ind?.unit),
    indicator_unit_en: en(ind?.unit),
    baseline: num(ind?.baseline?.value),
    baseline_year: num(ind?.baseline?.fiscalYear),
    baseline_as_of: ind?.baseline?.asOf ?? '',
    indicator_target: num(ind?.target?.value),
    indicator_target_year: num(ind?.target?.fiscalYear),
    direction: ind?.direction ?? '',
    indicator_scale: ind?.scale ?? '',
    indicator_grade: ind?.grade ?? '',
    indicator_note_ja: indicatorNotes.map(ja).join('\n'),
    indicator_note_en: indicatorNotes.map(en).join('\n'),
    note_ja: notes.map(ja).join('\n'),
    note_en: notes.map(en).join('\n'),
    note_editorial: notes.length && editorialNotes === notes.length ? '1' : '',
    link: node.link ?? '',
  };
}

const NUMERIC = new Set<Column>([
  'page', 'fiscal_year', 'reported_year', 'numeric_target', 'target', 'actual', 'result_value', 'total', 'achieved', 'unconfirmed',
  'title_editorial', 'summary_editorial', 'note_editorial', 'counts_year', 'compared_with', 'baseline', 'baseline_year',
  'indicator_target', 'indicator_target_year',
]);

/** One cell as Excel should see it: text kept as text, never a formula. Counts and years of the dynamic columns are numbers. */
export function cellFor(value: string, column: Column): string {
  if (!value || NUMERIC.has(column) || /^(count:|actual:|(total|achieved|unconfirmed)@)/.test(column)) return value;
  const text = excelText(value, column);
  return text === value ? guardFormula(value) : text;
}

/**
 * The plan's nodes as rows under the full header (every column, so the file is a template too), then the columns
 * of its scales, counts by grade, earlier years and actual years (see `csv-shapes.ts`).
 */
export function planToSheet(plan: PlanData, planIndex: number, statuses?: readonly StatusData[]): Sheet {
  const issues: CliIssue[] = [];
  const dynamic = shapeColumns(plan, statuses) as Column[];
  const rows = plan.nodes.map((node, n) => {
    const row: Record<string, string> = { ...rowOf(node, `plans[${planIndex}].nodes[${n}]`, issues), ...shapeCells(node) };
    return [...COLUMN_NAMES, ...dynamic].map((c) => cellFor(row[c] ?? '', c));
  });
  return { header: [...COLUMN_NAMES, ...dynamic], rows, issues };
}

/** Characters written as `&#x…;`, where they are in the file. */
export interface Replaced {
  line: number;
  column: string;
  chars: string[];
}

/** The sheet with every cell made encodable in Shift_JIS (header included, though it is ASCII). */
export function shiftJisSheet(sheet: Sheet): { sheet: Sheet; replaced: Replaced[] } {
  const replaced: Replaced[] = [];
  const lines = lineNumbers(sheet.rows);
  const rows = sheet.rows.map((row, r) =>
    row.map((cell, c) => {
      const safe = toShiftJisSafe(cell);
      if (safe.replaced.length) replaced.push({ line: lines[r]!, column: sheet.header[c]!, chars: safe.replaced });
      return safe.text;
    }),
  );
  return { sheet: { ...sheet, rows }, replaced };
}

/** The line each row starts on in the written file (cells with line breaks take several). */
export function lineNumbers(rows: readonly string[][]): number[] {
  let line = 2;
  return rows.map((row) => {
    const at = line;
    line += 1 + row.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    return at;
  });
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** RFC 4180 text: CRLF after every record, line breaks inside cells as LF. */
export function toCsv(sheet: Pick<Sheet, 'header' | 'rows'>): string {
  return [sheet.header, ...sheet.rows].map((r) => r.map(quote).join(',') + '\r\n').join('');
}
