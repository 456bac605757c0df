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
import { FILLED_DOWN, PLAN_KIND, repeatsRow, type RowList } from './csv-rows.js';
import { actualCells, shapeCells, shapeColumns } from './csv-shapes.js';
import { toShiftJisSafe } from './encoding.js';
import type { CliIssue, CliIssueKey, CliParams } from './messages.js';

export interface Sheet {
  header: string[];
  rows: string[][];
  /** Values a CSV row cannot hold (multi-line notes), by JSON path, each naming its item and field. */
  issues: CliIssue[];
}

const ja = (t: Text | undefined) => (t === undefined ? '' : typeof t === 'string' ? t : t.ja);
const en = (t: Text | undefined) => (t === undefined || typeof t === 'string' ? '' : (t.en ?? ''));
const num = (n: number | undefined) => (n === undefined ? '' : String(n));
const flag = (t: Text | undefined) => (typeof t === 'object' && t.editorial ? '1' : '');

/** What an export problem is about: an item, the plan or a revision, by its id (a revision by its date), at its JSON path. */
export interface Owner {
  kind: NonNullable<CliParams['owner']>;
  id: string;
  at: string;
}

/** A problem with `field` (its path below the owner's: `results[0].label`) of `owner`. */
export function refusal(owner: Owner, field: string, key: CliIssueKey, params: CliParams = {}): CliIssue {
  return { path: `${owner.at}.${field}`, key, params: { owner: owner.kind, id: owner.id, field, ...params } };
}

/** Notes that one line of a cell per note cannot hold. */
function checkNotes(notes: readonly Text[], owner: Owner, field: string, issues: CliIssue[]) {
  notes.forEach((note, i) => {
    if (!ja(note).trim() || /\n|\r/.test(ja(note) + en(note))) issues.push(refusal(owner, `${field}[${i}]`, 'note-lines'));
  });
}

type Cells = Partial<Record<Column, string>>;
type ResultData = NonNullable<NodeData['results']>[number];
type AlignmentData = NonNullable<NodeData['alignedWith']>[number];

/**
 * A text in a pair of columns `<name>_ja`, `<name>_en` that have no editorial mark of their own: the editor's
 * wording there is refused (naming the item, the field and what to do) rather than written as if it were the source's.
 */
export function textPair<N extends string>(name: N, t: Text | undefined, owner: Owner, field: string, issues: CliIssue[]): Record<`${N}_ja` | `${N}_en`, string> {
  if (typeof t === 'object' && t.editorial) issues.push(refusal(owner, field, 'editorial-no-column', { name: `${name}_ja` }));
  return { [`${name}_ja`]: ja(t), [`${name}_en`]: en(t) } as Record<`${N}_ja` | `${N}_en`, string>;
}

/** A text in `<name>_ja`, `<name>_en` and its mark `<name>_editorial` (the editor's wording, not the source's). */
function markedText<N extends string>(name: N, t: Text | undefined): Record<`${N}_ja` | `${N}_en` | `${N}_editorial`, string> {
  return { [`${name}_ja`]: ja(t), [`${name}_en`]: en(t), [`${name}_editorial`]: flag(t) } as Record<`${N}_ja` | `${N}_en` | `${N}_editorial`, string>;
}

/**
 * Notes in `<name>_ja`, `<name>_en`, one a line, all the source's or all the editor's (`<name>_editorial`): of a
 * node or the plan (`note`), of an indicator (`indicator_note`).
 */
function noteCells<N extends 'note' | 'indicator_note'>(name: N, notes: readonly Text[], owner: Owner, field: string, issues: CliIssue[]): Cells {
  checkNotes(notes, owner, field, issues);
  const editorial = notes.filter((n) => flag(n)).length;
  if (editorial && editorial < notes.length) issues.push(refusal(owner, field, 'note-editorial', { name: `${name}_editorial` }));
  return { [`${name}_ja`]: notes.map(ja).join('\n'), [`${name}_en`]: notes.map(en).join('\n'), [`${name}_editorial`]: notes.length && editorial === notes.length ? '1' : '' };
}

/** The counts of a node or of the plan: `progress` and its snapshot's date, year and comparison. */
function countCells(p: ProgressData | undefined, owner: Owner, issues: CliIssue[]): Cells {
  return {
    total: num(p?.total),
    achieved: num(p?.achieved),
    unconfirmed: num(p?.unconfirmed),
    as_of: p?.asOf ?? '',
    counts_year: num(p?.fiscalYear),
    compared_with: num(p?.comparedWith?.fiscalYear),
    ...textPair('compare_note', p?.comparedWith?.note, owner, 'progress.comparedWith.note', issues),
  };
}

/** One indicator's cells (the first on its item's row, each further one on a further row). */
function indicatorCells(ind: IndicatorData, owner: Owner, field: string, issues: CliIssue[]): Cells {
  return {
    ...markedText('indicator', ind.label),
    ...markedText('indicator_unit', ind.unit),
    baseline: num(ind.baseline?.value),
    baseline_year: num(ind.baseline?.fiscalYear),
    baseline_as_of: ind.baseline?.asOf ?? '',
    indicator_target: num(ind.target?.value),
    indicator_target_year: num(ind.target?.fiscalYear),
    indicator_target_as_of: ind.target?.asOf ?? '',
    direction: ind.direction ?? '',
    indicator_scale: ind.scale ?? '',
    indicator_grade: ind.grade ?? '',
    ...noteCells('indicator_note', ind.notes ?? [], owner, `${field}.notes`, issues),
    ...actualCells(ind),
  };
}

/** One result's cells (a figure the source gives in its text). */
function resultCells(r: ResultData, owner: Owner, field: string, issues: CliIssue[]): Cells {
  return {
    ...textPair('result_label', r.label, owner, `${field}.label`, issues),
    result_value: num(r.value),
    ...textPair('result_unit', r.unit, owner, `${field}.unit`, issues),
  };
}

/** One corresponding item's cells (of another plan). */
function alignedCells(a: AlignmentData, owner: Owner, field: string, issues: CliIssue[]): Cells {
  return { ...textPair('aligned_plan', a.plan, owner, `${field}.plan`, issues), ...textPair('aligned_title', a.title, owner, `${field}.title`, issues) };
}

/**
 * An item's lists, entry i on its i-th row (its own row, then further rows): indicators, results and corresponding
 * items. A further row that repeats the item's own row in the columns of a result or corresponding item is read
 * as Excel's fill-down, not as an entry (`csv-rows.ts`, `FILLED_DOWN`): an entry whose cells are the first one's is
 * refused.
 */
function listCells(node: NodeData, owner: Owner, issues: CliIssue[]): Cells[] {
  const rows: Cells[] = [{}];
  function put<E>(field: RowList, list: readonly E[] | undefined, cells: (e: E, field: string) => Cells) {
    const fillDown = FILLED_DOWN[field];
    (list ?? []).forEach((entry, i) => {
      const c = cells(entry, `${field}[${i}]`);
      const own = rows[0]!;
      if (i && fillDown && repeatsRow(fillDown, (k) => c[k] ?? '', (k) => own[k] ?? '')) {
        issues.push(refusal(owner, `${field}[${i}]`, 'repeats-first', { other: `${field}[0]` }));
      }
      Object.assign((rows[i] ??= {}), c);
    });
  }
  put('indicators', node.indicators, (e, f) => indicatorCells(e, owner, f, issues));
  put('results', node.results, (e, f) => resultCells(e, owner, f, issues));
  put('alignedWith', node.alignedWith, (e, f) => alignedCells(e, owner, f, issues));
  return rows;
}

/** An item's rows: its own (the node, with the first entry of each list), then a further row for each entry after. */
function itemRows(node: NodeData, owner: Owner, issues: CliIssue[]): Cells[] {
  const t = node.numericTarget;
  const [own, ...further] = listCells(node, owner, issues);
  const item: Cells = {
    id: node.id,
    parent: node.parent ?? '',
    kind: node.kind,
    number: node.number ?? '',
    ...markedText('title', node.title),
    ...markedText('summary', node.summary),
    summary_kind: node.summaryKind ?? '',
    page: num(node.page),
    fiscal_year: num(node.fiscalYear),
    reported: node.reported?.as ?? '',
    reported_year: num(node.reported?.fiscalYear),
    status: node.status ?? '',
    numeric_target: t ? '1' : '',
    ...textPair('target_label', t?.label, owner, 'numericTarget.label', issues),
    target: num(t?.target),
    actual: num(t?.actual),
    ...textPair('unit', t?.unit, owner, 'numericTarget.unit', issues),
    ...countCells(node.progress, owner, issues),
    ...own,
    ...noteCells('note', node.notes ?? [], owner, 'notes', issues),
    link: node.link ?? '',
    ...shapeCells(node),
  };
  return [item, ...further.map((cells) => ({ id: node.id, ...cells }))];
}

/** The plan's own row (id = the plan's id, kind `plan`): its title, counts, as-of dates, history and notes. */
function planCells(plan: PlanData, owner: Owner, issues: CliIssue[]): Cells {
  return {
    id: plan.id,
    kind: Object.keys(PLAN_KIND)[0],
    ...markedText('title', plan.title),
    ...countCells(plan.progress, owner, issues),
    plan_as_of: plan.asOf ?? '',
    ...noteCells('note', plan.notes ?? [], owner, 'notes', issues),
    ...shapeCells(plan),
  };
}

const NUMERIC = new Set<Column>([
  'page', 'fiscal_year', 'reported_year', 'numeric_target', 'target', 'actual', 'result_value', 'total', 'achieved', 'unconfirmed',
  'title_editorial', 'summary_editorial', 'note_editorial', 'counts_year', 'compared_with', 'baseline', 'baseline_year',
  'indicator_target', 'indicator_target_year', 'indicator_editorial', 'indicator_unit_editorial', 'indicator_note_editorial',
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
 * indicators, results or corresponding items takes a further row (its id and the entries' cells) for each after
 * the first; the plan's own row comes last, where a spreadsheet puts its 合計 row.
 */
export function planToSheet(plan: PlanData, planIndex: number, statuses?: readonly StatusData[]): Sheet {
  const issues: CliIssue[] = [];
  const header = [...COLUMN_NAMES, ...(shapeColumns(plan, statuses) as Column[])];
  const line = (cells: Cells) => header.map((c) => cellFor(cells[c] ?? '', c));
  const at = `plans[${planIndex}]`;
  const rows = plan.nodes.flatMap((node, n) => itemRows(node, { kind: 'item', id: node.id, at: `${at}.nodes[${n}]` }, issues).map(line));
  rows.push(line(planCells(plan, { kind: 'plan', id: plan.id, at }, issues)));
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
