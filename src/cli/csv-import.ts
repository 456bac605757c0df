/**
 * CSV rows → a plan's nodes, and what the plan's own row says of the plan (`merge.ts` then puts them into a bundle).
 *
 * Every cell is checked against the bundle schema's own entry for its field (`data/bundle.ts`), so a bad cell is
 * reported at its line and column with the same message the validator gives; cross-row rules (duplicate ids,
 * unknown parents) are checked here with line numbers too. The finished bundle then goes through
 * `validateBundle` itself, whose problems are mapped back to lines (`csv-locate.ts`). Nothing is written unless
 * all of it passes. The kinds of row (an item's, a further row of its, the plan's own) are read by `csv-rows.ts`.
 */
import Papa from 'papaparse';
import type { NodeData, ScaleData, StatusData, Text } from '../data/bundle.js';
import { REQUIRED_COLUMNS, columnOf, readId, type Column } from './csv-columns.js';
import { rowReader, type RowReader } from './csv-cells.js';
import { readFurtherRow, readNode, readPlanRow, ROW_LISTS, statusKey, type FurtherEntries, type RowContext, type RowList } from './csv-rows.js';
import { dynamicColumn, dynamicName, type DynamicColumn } from './csv-shapes.js';
import { canonicalNode, type PlanRowFields } from './merge.js';
import type { CliIssue } from './messages.js';

export { checkCell } from './csv-cells.js';
export { locateIssue } from './csv-locate.js';

export interface CsvRow {
  /** The line the record starts on (1 = header); quoted cells may span lines. */
  line: number;
  cells: string[];
}

/** RFC 4180 records with their line numbers. Line breaks (CRLF, CR, LF) become `\n`, also inside cells. */
export function parseCsv(text: string): { rows: CsvRow[]; issues: CliIssue[] } {
  const src = text.replace(/\r\n?/g, '\n');
  const rows: CsvRow[] = [];
  const issues: CliIssue[] = [];
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(src, {
    delimiter: ',',
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    step: (result) => {
      if (result.errors.length) issues.push({ line, key: 'quote', params: {} });
      rows.push({ line, cells: result.data });
      const end = result.meta.cursor;
      for (let i = start; i < end; i++) if (src.charCodeAt(i) === 10) line++;
      start = end;
    },
  });
  return { rows, issues };
}

export interface ReadOptions {
  planId: string;
  /** The target bundle's statuses: a status cell may give an id or a label (「達成」). */
  statuses: readonly StatusData[];
  /** The target plan's scales: a `grade:<scale>` cell may give a grade's id or label. */
  scales?: readonly ScaleData[] | undefined;
  /** Turn `&#x…;` back into characters (Shift_JIS files; see `encoding.ts`). */
  charRefs: boolean;
}

export interface ReadResult {
  nodes: NodeData[];
  /** The CSV line of each node, for mapping validation problems back. */
  lines: number[];
  /** For each node, the line each entry of its lists stands on (its own row's, then its further rows'). */
  entryLines: EntryLines[];
  /** The plan's own row (id = the plan's id), if the sheet has one. */
  plan: { line: number; fields: PlanRowFields } | undefined;
  /** Each column's header as the file writes it, so that messages name columns the way the sheet does. */
  headers: Map<Column, string>;
  /** Whether the sheet has columns of earlier years and of counts by status: then they replace the bundle's. */
  hasHistory: boolean;
  hasByStatus: boolean;
  issues: CliIssue[];
}

const textOf = (t: Text) => (typeof t === 'string' ? [t] : [t.ja, t.en ?? '']);
/** The lines of an item's list entries, one entry a row: on its own row, then on its further rows. */
export type EntryLines = Record<RowList, number[]>;
const empty = (issues: CliIssue[]): ReadResult => ({ nodes: [], lines: [], entryLines: [], plan: undefined, headers: new Map(), issues, hasHistory: false, hasByStatus: false });

/** A node with the entries its further rows give, each after those of its own row, in the order of the rows. */
function withFurther(n: NodeData, rows: readonly FurtherEntries[]): NodeData {
  const list = <E>(own: readonly E[] | undefined, more: Array<E | undefined>) => {
    const all = [...(own ?? []), ...more.filter((e): e is E => e !== undefined)];
    return all.length ? all : undefined;
  };
  return canonicalNode({
    ...n,
    indicators: list(n.indicators, rows.map((e) => e.indicators)),
    results: list(n.results, rows.map((e) => e.results)),
    alignedWith: list(n.alignedWith, rows.map((e) => e.alignedWith)),
  });
}

/** The CSV's items as nodes, or every problem found in it. */
export function readItems(text: string, options: ReadOptions): ReadResult {
  const parsed = parseCsv(text);
  // After an unclosed quote, the rest of the file is one cell: nothing more to say.
  if (parsed.issues.length) return empty(parsed.issues);
  return readRows(parsed.rows, options);
}

/**
 * A sheet's rows (the first is the header) as nodes, or every problem found in them. The rows come from a CSV
 * file (`parseCsv`) or from a workbook (the authoring page's `.xlsx` reader, one row per sheet row, as text).
 */
export function readRows(rows: readonly CsvRow[], options: ReadOptions): ReadResult {
  const issues: CliIssue[] = [];
  const headers = new Map<Column, string>();
  const result: ReadResult = { ...empty(issues), headers };

  // Header: known names and aliases, and names that carry a scale, grade or year; `#…` and blank headers are ignored.
  const [head, ...body] = rows;
  /** Per cell position: its column, `null` for the sheet's own `#…` columns, `undefined` without a header. */
  const columnAt: Array<Column | null | undefined> = [];
  const dynamic: Array<[Column, DynamicColumn]> = [];
  const scales = options.scales ?? [];
  (head?.cells ?? []).forEach((raw, i) => {
    const h = raw.trim();
    const dyn = h && !h.startsWith('#') ? dynamicColumn(h) : null;
    const column = dyn ? (dynamicName(dyn) as Column) : dyn === undefined ? undefined : h ? columnOf(h) : undefined;
    if (dyn === undefined) issues.push({ line: 1, key: 'column-year', params: { name: h } });
    else if (h && column === undefined) issues.push({ line: 1, key: 'unknown-column', params: { name: h } });
    else if (column && headers.has(column)) issues.push({ line: 1, key: 'duplicate-column', params: { name: h } });
    else if (column && (!dyn || knownShape(dyn, h))) {
      headers.set(column, h);
      if (dyn) dynamic.push([column, dyn]);
    }
    columnAt[i] = column;
  });
  /** A scale and grade the target plan has (`status`: the bundle's statuses). */
  function knownShape(c: DynamicColumn, h: string): boolean {
    if (c.kind !== 'grade' && c.kind !== 'count') return true;
    const grades = c.scale === 'status' && c.kind === 'count' ? options.statuses : scales.find((s) => s.id === c.scale)?.grades;
    if (!grades) issues.push({ line: 1, key: 'unknown-scale', params: { name: h, id: c.scale, other: scales.map((s) => s.id).join(', ') } });
    else if (c.kind === 'count' && !grades.some((g) => g.id === c.grade)) issues.push({ line: 1, key: 'unknown-grade', params: { name: h, id: c.grade, other: grades.map((g) => g.id).join(', ') } });
    else return true;
    return false;
  }
  result.hasHistory = dynamic.some(([, c]) => c.kind === 'snapshot' || (c.kind === 'count' && c.year !== undefined));
  result.hasByStatus = dynamic.some(([, c]) => c.kind === 'count' && c.scale === 'status');
  for (const name of REQUIRED_COLUMNS) {
    if (!headers.has(name)) issues.push({ line: 1, key: 'missing-column', params: { name } });
  }
  if (issues.length) return result;
  const indexOf = new Map<Column, number>();
  columnAt.forEach((c, i) => c && indexOf.set(c, i));
  const label = (c: Column) => headers.get(c) ?? c;

  const statusIds = new Map<string, string>();
  for (const s of options.statuses) {
    for (const name of [s.id, ...textOf(s.label)]) if (name && !statusIds.has(statusKey(name))) statusIds.set(statusKey(name), s.id);
  }
  const ctx: RowContext = { planId: options.planId, columns: [...indexOf.keys()], dynamic, scales, statusIds, statusList: options.statuses.map((s) => s.id).join(', ') };

  const data = body.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (!data.length) issues.push({ key: 'no-rows', params: {} });

  const sheet = { indexOf, label, charRefs: options.charRefs, issues };
  /** Each item's own row, by id: later rows with its id hold its further indicators, results and corresponding items. */
  const first = new Map<string, { index: number; r: RowReader }>();
  const further: FurtherEntries[][] = [];
  for (const row of data) {
    const { line } = row;
    const r = rowReader(row.cells, line, sheet);
    const id = readId(r.cell('id'));
    const item = id === undefined ? undefined : first.get(id);
    if (id !== undefined && id === options.planId) {
      if (result.plan) issues.push({ line, column: label('id'), key: 'duplicate-row', params: { id, otherLine: result.plan.line } });
      else result.plan = { line, fields: readPlanRow(r, ctx) };
    } else if (item) {
      const entries = readFurtherRow(r, ctx, item.r);
      if (!entries) issues.push({ line, column: label('id'), key: 'duplicate-row', params: { id, otherLine: item.r.line } });
      else {
        further[item.index]!.push(entries);
        for (const list of ROW_LISTS) if (entries[list]) result.entryLines[item.index]![list].push(line);
      }
    } else {
      const node = readNode(r, ctx);
      if (id !== undefined) first.set(id, { index: result.nodes.length, r });
      result.nodes.push(node);
      result.lines.push(line);
      result.entryLines.push(Object.fromEntries(ROW_LISTS.map((list) => [list, node[list] ? [line] : []])) as EntryLines);
      further.push([]);
    }
    // A value under a blank header, or beyond the header, would be lost: it is a mistake, often an unquoted ",".
    const stray = row.cells.findIndex((c, i) => columnAt[i] === undefined && c.trim() !== '');
    if (stray >= 0) issues.push({ line, key: 'too-many-cells', params: { received: String(stray + 1) } });
  }
  result.nodes = result.nodes.map((n, i) => (further[i]!.length ? withFurther(n, further[i]!) : n));

  // Across rows: parents present (the plan's id is the root's).
  result.nodes.forEach((n, i) => {
    if (n.parent !== undefined && n.parent !== options.planId && !first.has(n.parent)) {
      issues.push({ line: result.lines[i], column: label('parent'), key: 'unknown-parent', params: { id: n.parent } });
    }
  });
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return result;
}
