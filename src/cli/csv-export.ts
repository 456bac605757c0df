/**
 * A plan's nodes, and its own row, → CSV that `kdx import` reads back to the same plan (tested on the Kanazawa
 * seed and on every example in seeds/examples/).
 *
 * Written for Excel: CRLF between records and LF inside cells (as Excel writes Alt+Enter), ids and numbers
 * Excel would convert kept as text with `="(1)"`, and texts that would run as formulas prefixed with `'`.
 * Encoding is the caller's choice (`encoding.ts`): UTF-8 with BOM, or Shift_JIS with `&#x…;` for what it lacks.
 */
import type { IndicatorData, NodeData, PlanData, ProgressData, StatusData, Text } from '../data/bundle.js';
import { COLUMN_NAMES, excelText, guardFormula, type Column } from './csv-columns.js';
import { PLAN_KIND } from './csv-rows.js';
import { actualCells, shapeCells, shapeColumns } from './csv-shapes.js';
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

type Cells = Partial<Record<Column, string>>;

/**
 * A text in a pair of columns `<name>_ja`, `<name>_en` that have no editorial mark of their own: the editor's
 * wording there is refused rather than written as if it were the source's.
 */
export function textPair<N extends string>(name: N, t: Text | undefined, path: string, issues: CliIssue[]): Record<`${N}_ja` | `${N}_en`, string> {
  if (typeof t === 'object' && t.editorial) issues.push({ path, key: 'not-in-csv', params: { name: 'editorial' } });
  return { [`${name}_ja`]: ja(t), [`${name}_en`]: en(t) } as Record<`${N}_ja` | `${N}_en`, string>;
}

/** The notes of a node or of the plan, one a line, all the source's or all the editor's (`note_editorial`). */
function noteCells(notes: readonly Text[], at: string, issues: CliIssue[]): Cells {
  checkNotes(notes, at, issues);
  const editorial = notes.filter((n) => flag(n)).length;
  if (editorial && editorial < notes.length) issues.push({ path: at, key: 'note-editorial', params: {} });
  return { note_ja: notes.map(ja).join('\n'), note_en: notes.map(en).join('\n'), note_editorial: notes.length && editorial === notes.length ? '1' : '' };
}

/** The counts of a node or of the plan: `progress` and its snapshot's date, year and comparison. */
function countCells(p: ProgressData | undefined, at: string, issues: CliIssue[]): Cells {
  return {
    total: num(p?.total),
    achieved: num(p?.achieved),
    unconfirmed: num(p?.unconfirmed),
    as_of: p?.asOf ?? '',
    counts_year: num(p?.fiscalYear),
    compared_with: num(p?.comparedWith?.fiscalYear),
    ...textPair('compare_note', p?.comparedWith?.note, `${at}.progress.comparedWith.note`, issues),
  };
}

/** One indicator's cells (the first on its item's row, each further one on a row of its own). */
function indicatorCells(ind: IndicatorData | undefined, at: string, issues: CliIssue[]): Cells {
  const notes = ind?.notes ?? [];
  checkNotes(notes, `${at}.notes`, issues);
  if (notes.some((n) => flag(n))) issues.push({ path: `${at}.notes`, key: 'not-in-csv', params: { name: 'editorial' } });
  return {
    ...textPair('indicator', ind?.label, `${at}.label`, issues),
    ...textPair('indicator_unit', ind?.unit, `${at}.unit`, issues),
    baseline: num(ind?.baseline?.value),
    baseline_year: num(ind?.baseline?.fiscalYear),
    baseline_as_of: ind?.baseline?.asOf ?? '',
    indicator_target: num(ind?.target?.value),
    indicator_target_year: num(ind?.target?.fiscalYear),
    indicator_target_as_of: ind?.target?.asOf ?? '',
    direction: ind?.direction ?? '',
    indicator_scale: ind?.scale ?? '',
    indicator_grade: ind?.grade ?? '',
    indicator_note_ja: notes.map(ja).join('\n'),
    indicator_note_en: notes.map(en).join('\n'),
    ...actualCells(ind),
  };
}

/** An item's own row: the node, with its first indicator. */
function itemCells(node: NodeData, at: string, issues: CliIssue[]): Cells {
  const t = node.numericTarget;
  const [result, ...moreResults] = node.results ?? [];
  if (moreResults.length) issues.push({ path: `${at}.results`, key: 'one-per-row', params: { name: 'results' } });
  const [aligned, ...moreAligned] = node.alignedWith ?? [];
  if (moreAligned.length) issues.push({ path: `${at}.alignedWith`, key: 'one-per-row', params: { name: 'alignedWith' } });
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
    ...textPair('target_label', t?.label, `${at}.numericTarget.label`, issues),
    target: num(t?.target),
    actual: num(t?.actual),
    ...textPair('unit', t?.unit, `${at}.numericTarget.unit`, issues),
    ...textPair('result_label', result?.label, `${at}.results[0].label`, issues),
    result_value: num(result?.value),
    ...textPair('result_unit', result?.unit, `${at}.results[0].unit`, issues),
    ...textPair('aligned_plan', aligned?.plan, `${at}.alignedWith[0].plan`, issues),
    ...textPair('aligned_title', aligned?.title, `${at}.alignedWith[0].title`, issues),
    ...countCells(node.progress, at, issues),
    ...(node.indicators?.length ? indicatorCells(node.indicators[0], `${at}.indicators[0]`, issues) : {}),
    ...noteCells(node.notes ?? [], `${at}.notes`, issues),
    link: node.link ?? '',
    ...shapeCells(node),
  };
}

/** The plan's own row (id = the plan's id, kind `plan`): its title, counts, as-of dates, history and notes. */
function planCells(plan: PlanData, at: string, issues: CliIssue[]): Cells {
  return {
    id: plan.id,
    kind: Object.keys(PLAN_KIND)[0],
    title_ja: ja(plan.title),
    title_en: en(plan.title),
    title_editorial: flag(plan.title),
    ...countCells(plan.progress, at, issues),
    plan_as_of: plan.asOf ?? '',
    ...noteCells(plan.notes ?? [], `${at}.notes`, issues),
    ...shapeCells(plan),
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
 * of its scales, counts by grade, earlier years and actual years (see `csv-shapes.ts`). An item with several
 * indicators takes a further row (its id and the indicator's cells) for each after the first; the plan's own row
 * comes last, where a spreadsheet puts its 合計 row.
 */
export function planToSheet(plan: PlanData, planIndex: number, statuses?: readonly StatusData[]): Sheet {
  const issues: CliIssue[] = [];
  const header = [...COLUMN_NAMES, ...(shapeColumns(plan, statuses) as Column[])];
  const line = (cells: Cells) => header.map((c) => cellFor(cells[c] ?? '', c));
  const at = `plans[${planIndex}]`;
  const rows = plan.nodes.flatMap((node, n) => {
    const here = `${at}.nodes[${n}]`;
    const own = line(itemCells(node, here, issues));
    return [own, ...(node.indicators ?? []).slice(1).map((ind, i) => line({ id: node.id, ...indicatorCells(ind, `${here}.indicators[${i + 1}]`, issues) }))];
  });
  rows.push(line(planCells(plan, at, issues)));
  return { header, rows, issues };
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
