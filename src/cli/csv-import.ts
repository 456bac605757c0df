/**
 * CSV rows → a plan's nodes (`merge.ts` then puts them into a bundle).
 *
 * Every cell is checked against the bundle schema's own entry for its field (`data/bundle.ts`), so a bad cell is
 * reported at its line and column with the same message the validator gives; cross-row rules (duplicate ids,
 * unknown parents) are checked here with line numbers too. The finished bundle then goes through
 * `validateBundle` itself, whose problems are mapped back to lines. Nothing is written unless all of it passes.
 */
import Papa from 'papaparse';
import * as v from 'valibot';
import { NodeSchema, NumericTargetSchema, ProgressSchema, ResultSchema, TextSchema, type NodeData, type ScaleData, type StatusData, type Text } from '../data/bundle.js';
import { describe, fromValibot, type ValidationIssue } from '../data/validate.js';
import {
  REPORTED, REQUIRED_COLUMNS, SUMMARY_KINDS, columnOf, readChoice, readFiscalYear, readFlag, readId, readNumber, readPage, readText,
  unwrapCell, type Column, type ColumnName,
} from './csv-columns.js';
import { readShapes, type RowReader } from './csv-import-shapes.js';
import { dynamicColumn, dynamicName, type DynamicColumn } from './csv-shapes.js';
import { fromCharRefs } from './encoding.js';
import { canonicalNode } from './merge.js';
import type { CliIssue, CliIssueKey, CliParams } from './messages.js';
import type { IssueKey } from '../i18n/messages.js';

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

/** The value if the schema entry accepts it; otherwise the schema's problem, given to `fail`. */
export function checkCell<T>(schema: v.GenericSchema, value: T | undefined, fail: (key: IssueKey, params: CliParams) => void): T | undefined {
  if (value === undefined) return undefined;
  const r = v.safeParse(schema, value);
  if (r.success) return value;
  const issue = fromValibot(r.issues[0]!);
  fail(issue.key, issue.params);
  return undefined;
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
  /** Each column's header as the file writes it, so that messages name columns the way the sheet does. */
  headers: Map<Column, string>;
  /** Whether the sheet has columns of earlier years and of counts by status: then they replace the bundle's. */
  hasHistory: boolean;
  hasByStatus: boolean;
  issues: CliIssue[];
}

const textOf = (t: Text) => (typeof t === 'string' ? [t] : [t.ja, t.en ?? '']);
const key = (s: string) => s.normalize('NFKC').trim().toLowerCase();
const omitUndefined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, value]) => value !== undefined)) as T;

/** The CSV's items as nodes, or every problem found in it. */
export function readItems(text: string, options: ReadOptions): ReadResult {
  const parsed = parseCsv(text);
  // After an unclosed quote, the rest of the file is one cell: nothing more to say.
  if (parsed.issues.length) return { nodes: [], lines: [], headers: new Map(), issues: parsed.issues, hasHistory: false, hasByStatus: false };
  return readRows(parsed.rows, options);
}

/**
 * A sheet's rows (the first is the header) as nodes, or every problem found in them. The rows come from a CSV
 * file (`parseCsv`) or from a workbook (the authoring page's `.xlsx` reader, one row per sheet row, as text).
 */
export function readRows(rows: readonly CsvRow[], options: ReadOptions): ReadResult {
  const issues: CliIssue[] = [];
  const headers = new Map<Column, string>();
  const result: ReadResult = { nodes: [], lines: [], headers, issues, hasHistory: false, hasByStatus: false };

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
    for (const name of [s.id, ...textOf(s.label)]) if (name && !statusIds.has(key(name))) statusIds.set(key(name), s.id);
  }

  const data = body.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (!data.length) issues.push({ key: 'no-rows', params: {} });

  for (const row of data) {
    const { line } = row;
    const fail = (column: Column, k: IssueKey | CliIssueKey, params: CliParams = {}) =>
      issues.push({ line, column: label(column), key: k, params });
    // Each cell is read several times (has, read, checked): unwrapped once.
    const seen = new Map<Column, string>();
    const cell = (c: Column): string => {
      let value = seen.get(c);
      if (value === undefined) {
        const raw = row.cells[indexOf.get(c) ?? -1] ?? '';
        value = raw && unwrapCell(options.charRefs ? fromCharRefs(raw) : raw);
        seen.set(c, value);
      }
      return value;
    };
    const has = (c: Column) => cell(c).trim() !== '';
    /** The value if the schema entry accepts it; otherwise the schema's problem, reported at the column. */
    const checked = <T>(schema: v.GenericSchema, value: T | undefined, column: Column): T | undefined =>
      checkCell(schema, value, (k, params) => fail(column, k, params));
    const read = <T>(column: Column, reader: (s: string) => T | null | undefined, bad: CliIssueKey): T | undefined => {
      const value = reader(cell(column));
      if (value === null) fail(column, bad, { received: describe(cell(column).trim()) });
      return value ?? undefined;
    };
    /** A text from its two columns; `editorial` names the column that marks it as the editor's wording. */
    const text = (ja: ColumnName, en: ColumnName, required: boolean, editorial?: ColumnName): Text | undefined => {
      const j = checked(TextSchema, readText(cell(ja)), ja);
      const e = checked(TextSchema, readText(cell(en)), en);
      const mine = editorial ? read(editorial, readFlag, 'not-flag') : undefined;
      if (!has(ja)) {
        if (required) fail(ja, 'empty');
        else if (has(en)) fail(ja, 'needs', { name: label(en) });
        else if (mine) fail(ja, 'needs', { name: label(editorial!) });
        return undefined;
      }
      if (j === undefined) return undefined;
      if (mine) return e === undefined ? { ja: j, editorial: true } : { ja: j, en: e, editorial: true };
      return e === undefined ? j : { ja: j, en: e };
    };
    const choice = <T extends string>(column: ColumnName, values: Readonly<Record<T, readonly string[]>>): T | undefined => {
      const value = readChoice(values)(cell(column));
      if (value === null) fail(column, 'not-choice', { received: describe(cell(column).trim()), name: Object.keys(values).join(', ') });
      return value ?? undefined;
    };
    const E = NodeSchema.entries;

    const id = readId(cell('id'));
    if (id === undefined) fail('id', 'empty');
    else checked(E.id, id, 'id');
    const kind = readId(cell('kind'));
    if (kind === undefined) fail('kind', 'empty');
    else checked(E.kind, kind, 'kind');
    const title = text('title_ja', 'title_en', true, 'title_editorial');

    let status = readId(cell('status'));
    if (status !== undefined) {
      const known = statusIds.get(key(status));
      if (known) status = known;
      else {
        fail('status', 'unknown-status', { id: status, other: options.statuses.map((s) => s.id).join(', ') });
        status = undefined;
      }
    }

    // Numeric target: flagged by its column, or implied by any of its values.
    const flag = read('numeric_target', readFlag, 'not-flag');
    const numericTarget = omitUndefined({
      label: text('target_label_ja', 'target_label_en', false),
      target: checked(NumericTargetSchema.entries.target, read('target', readNumber, 'not-number'), 'target'),
      actual: checked(NumericTargetSchema.entries.actual, read('actual', readNumber, 'not-number'), 'actual'),
      unit: text('unit_ja', 'unit_en', false),
    });
    const givenValue = (['target_label_ja', 'target', 'actual', 'unit_ja'] as const).find(has);
    if (flag === false && givenValue) fail('numeric_target', 'flag-conflict', { name: label(givenValue) });

    // Progress: total and achieved together; unconfirmed within what is not achieved.
    const P = ProgressSchema.entries;
    const total = checked(P.total, read('total', readNumber, 'not-number'), 'total');
    const achieved = checked(P.achieved, read('achieved', readNumber, 'not-number'), 'achieved');
    const unconfirmed = checked(P.unconfirmed, read('unconfirmed', readNumber, 'not-number'), 'unconfirmed');
    let progress: NodeData['progress'];
    // Counts by grade may stand for `achieved` (the validator checks that they agree with it when both are given).
    const counted = dynamic.some(([name, c]) => c.kind === 'count' && c.year === undefined && has(name));
    if (has('total') || has('achieved') || has('unconfirmed')) {
      if (!has('total')) fail('total', 'needs', { name: label(has('achieved') ? 'achieved' : 'unconfirmed') });
      else if (!has('achieved') && !counted) fail('achieved', 'needs', { name: label('total') });
      else if (total !== undefined && (achieved !== undefined || !has('achieved'))) {
        const a = achieved ?? 0;
        if (a > total) fail('achieved', 'achieved-gt-total', { limit: total });
        else if (unconfirmed !== undefined && unconfirmed > total - a) {
          fail('unconfirmed', 'unconfirmed-gt-open', { limit: total - a });
        }
        progress = omitUndefined({ total, achieved, unconfirmed });
      }
    }

    // Under which heading the source lists it: both columns or neither.
    const reportedAs = choice('reported', REPORTED);
    const reportedYear = checked(E.fiscalYear, read('reported_year', readFiscalYear, 'not-fiscal-year'), 'reported_year');
    if (has('reported') !== has('reported_year')) fail(has('reported') ? 'reported_year' : 'reported', 'needs', { name: label(has('reported') ? 'reported' : 'reported_year') });
    const reported = reportedAs && reportedYear !== undefined ? { as: reportedAs, fiscalYear: reportedYear } : undefined;

    // One figure the source gives in its text, and one item of another plan it corresponds to.
    const resultValue = checked(ResultSchema.entries.value, read('result_value', readNumber, 'not-number'), 'result_value');
    const resultGiven = (['result_label_ja', 'result_unit_ja'] as const).find(has);
    if (resultGiven && !has('result_value')) fail('result_value', 'needs', { name: label(resultGiven) });
    const figure = resultValue === undefined ? undefined : omitUndefined({
      label: text('result_label_ja', 'result_label_en', false),
      value: resultValue,
      unit: text('result_unit_ja', 'result_unit_en', false),
    });
    const alignedTitle = text('aligned_title_ja', 'aligned_title_en', false);
    const alignedPlan = text('aligned_plan_ja', 'aligned_plan_en', false);
    if (alignedPlan && !alignedTitle) fail('aligned_title_ja', 'needs', { name: label('aligned_plan_ja') });

    /** Notes: one per line of the cell; line i of the English column translates line i of the Japanese one. */
    const notesOf = (jaColumn: ColumnName, enColumn: ColumnName, editorial = false): Text[] => {
      const out: Text[] = [];
      const split = (s: string) => s.split('\n').map((l) => l.replace(/^[ \t]+|[ \t]+$/g, ''));
      const ja = split(cell(jaColumn));
      const en = split(cell(enColumn));
      for (let i = 0; i < Math.max(ja.length, en.length); i++) {
        const j = checked(TextSchema, ja[i] || undefined, jaColumn);
        const e = checked(TextSchema, en[i] || undefined, enColumn);
        if (!ja[i]) {
          if (en[i]) fail(enColumn, 'note-unpaired');
          continue;
        }
        if (j !== undefined) out.push(editorial ? omitUndefined({ ja: j, en: e, editorial: true }) : e === undefined ? j : { ja: j, en: e });
      }
      return out;
    };
    const notesEditorial = read('note_editorial', readFlag, 'not-flag');
    const notes = notesOf('note_ja', 'note_en', notesEditorial);
    if (notesEditorial && !notes.length) fail('note_ja', 'needs', { name: label('note_editorial') });

    const reader: RowReader = { cell, has, fail, label, checked, read, text, choice, notes: (ja, en) => notesOf(ja, en) };
    const shapes = readShapes(reader, dynamic, scales);
    if (shapes.snapshotGiven && !has('total')) fail('total', 'needs', { name: label(shapes.snapshotGiven) });
    else if (progress || shapes.snapshotGiven) progress = omitUndefined({ ...(progress ?? { total: total! }), ...shapes.snapshot });

    const node = canonicalNode(omitUndefined({
      id: id ?? '',
      parent: checked(E.parent, readId(cell('parent')), 'parent'),
      kind: kind ?? '',
      number: checked(E.number, readText(cell('number')), 'number'),
      page: checked(E.page, read('page', readPage, 'not-page'), 'page'),
      fiscalYear: checked(E.fiscalYear, read('fiscal_year', readFiscalYear, 'not-fiscal-year'), 'fiscal_year'),
      reported,
      summaryKind: choice('summary_kind', SUMMARY_KINDS),
      results: figure ? [figure] : undefined,
      alignedWith: alignedTitle ? [omitUndefined({ plan: alignedPlan, title: alignedTitle })] : undefined,
      title: title ?? '',
      summary: text('summary_ja', 'summary_en', false, 'summary_editorial'),
      status,
      grades: shapes.grades,
      numericTarget: flag || givenValue ? numericTarget : undefined,
      indicators: shapes.indicator ? [shapes.indicator] : undefined,
      progress,
      history: shapes.history,
      notes: notes.length ? notes : undefined,
      link: checked(E.link, readText(cell('link')), 'link'),
    }));
    // A value under a blank header, or beyond the header, would be lost: it is a mistake, often an unquoted ",".
    const stray = row.cells.findIndex((c, i) => columnAt[i] === undefined && c.trim() !== '');
    if (stray >= 0) issues.push({ line, key: 'too-many-cells', params: { received: String(stray + 1) } });

    result.nodes.push(node);
    result.lines.push(line);
  }

  // Across rows: ids unique (and not the plan's), parents present.
  const lineOf = new Map<string, number>();
  result.nodes.forEach((n, i) => {
    const line = result.lines[i]!;
    if (!n.id) return;
    if (n.id === options.planId) issues.push({ line, column: label('id'), key: 'id-is-plan', params: { id: n.id } });
    else if (lineOf.has(n.id)) issues.push({ line, column: label('id'), key: 'duplicate-row', params: { id: n.id, otherLine: lineOf.get(n.id) } });
    else lineOf.set(n.id, line);
  });
  result.nodes.forEach((n, i) => {
    if (n.parent !== undefined && n.parent !== options.planId && !lineOf.has(n.parent)) {
      issues.push({ line: result.lines[i], column: label('parent'), key: 'unknown-parent', params: { id: n.parent } });
    }
  });
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return result;
}

const PATH_COLUMNS: Array<[RegExp, ColumnName]> = [
  [/^\.id$/, 'id'], [/^\.parent$/, 'parent'], [/^\.kind$/, 'kind'], [/^\.number$/, 'number'], [/^\.page$/, 'page'],
  [/^\.fiscalYear$/, 'fiscal_year'], [/^\.status$/, 'status'], [/^\.link$/, 'link'],
  [/^\.reported\.as$/, 'reported'], [/^\.reported\.fiscalYear$/, 'reported_year'], [/^\.summaryKind$/, 'summary_kind'],
  [/^\.results\[0\]\.value$/, 'result_value'], [/^\.results\[0\]\.label(\.ja)?$/, 'result_label_ja'],
  [/^\.results\[0\]\.unit(\.ja)?$/, 'result_unit_ja'], [/^\.alignedWith\[0\]\.title(\.ja)?$/, 'aligned_title_ja'],
  [/^\.alignedWith\[0\]\.plan(\.ja)?$/, 'aligned_plan_ja'],
  [/^\.title(\.ja)?$/, 'title_ja'], [/^\.title\.en$/, 'title_en'],
  [/^\.summary(\.ja)?$/, 'summary_ja'], [/^\.summary\.en$/, 'summary_en'],
  [/^\.numericTarget\.label(\.ja)?$/, 'target_label_ja'], [/^\.numericTarget\.label\.en$/, 'target_label_en'],
  [/^\.numericTarget\.target$/, 'target'], [/^\.numericTarget\.actual$/, 'actual'],
  [/^\.numericTarget\.unit(\.ja)?$/, 'unit_ja'], [/^\.numericTarget\.unit\.en$/, 'unit_en'],
  [/^\.numericTarget$/, 'numeric_target'],
  [/^\.progress\.total$/, 'total'], [/^\.progress\.achieved$/, 'achieved'], [/^\.progress\.unconfirmed$/, 'unconfirmed'],
  [/^\.notes\[\d+\](\.ja)?$/, 'note_ja'], [/^\.notes\[\d+\]\.en$/, 'note_en'],
  [/^\.progress\.asOf$/, 'as_of'], [/^\.progress\.fiscalYear$/, 'counts_year'], [/^\.progress\.comparedWith/, 'compared_with'],
  [/^\.indicators\[0\]\.label/, 'indicator_ja'], [/^\.indicators\[0\]\.baseline\.fiscalYear$/, 'baseline_year'],
  [/^\.indicators\[0\]\.baseline/, 'baseline'], [/^\.indicators\[0\]\.target\.fiscalYear$/, 'indicator_target_year'],
  [/^\.indicators\[0\]\.target/, 'indicator_target'], [/^\.indicators\[0\]\.scale$/, 'indicator_scale'],
  [/^\.indicators\[0\]\.grade$/, 'indicator_grade'],
];

/** A problem in the columns of the report shapes: the grade or count column it is about (`csv-shapes.ts`). */
function shapeColumn(rest: string, node: NodeData | undefined, headers: ReadonlyMap<Column, string>): string | undefined {
  let m = /^\.grades\.([^.[]+)$/.exec(rest);
  if (m) return `grade:${m[1]}`;
  m = /^\.progress\.by(Grade|Status)(?:\.([^.[]+))?(?:\.([^.[]+))?/.exec(rest);
  const scale = m && (m[1] === 'Status' ? 'status' : m[2]);
  if (m && scale) return [...headers.keys()].find((c) => c.startsWith(`count:${scale}:`) && !c.includes('@'));
  m = /^\.history\[(\d+)\](?:\.(\w+))?/.exec(rest);
  const year = m && node?.history?.[Number(m[1])]?.fiscalYear;
  if (m && year !== undefined) return [...headers.keys()].find((c) => c.endsWith(`@${year}`) && (m![2] === 'asOf' ? c.startsWith('as_of') : !m![2] || c.startsWith(m![2]!))) ?? `total@${year}`;
  m = /^\.indicators\[0\]\.actuals\[(\d+)\]/.exec(rest);
  const actual = m && node?.indicators?.[0]?.actuals?.[Number(m[1])]?.fiscalYear;
  return actual === undefined || actual === null ? undefined : `actual:${actual}`;
}

/**
 * A validator problem about one of the imported nodes, placed at its CSV line and column (the id it duplicates
 * becomes a line too); anything else keeps its JSON path.
 */
export function locateIssue(issue: ValidationIssue, planIndex: number, read: Pick<ReadResult, 'lines' | 'headers'> & Partial<Pick<ReadResult, 'nodes'>>): CliIssue {
  const m = /^plans\[(\d+)\]\.nodes\[(\d+)\](.*)$/.exec(issue.path);
  if (!m || Number(m[1]) !== planIndex) return { path: issue.path, key: issue.key, params: issue.params };
  const rest = m[3]!;
  const column: Column | undefined = (shapeColumn(rest, read.nodes?.[Number(m[2])], read.headers) as Column | undefined) ?? PATH_COLUMNS.find(([re]) => re.test(rest))?.[1];
  const params: CliParams = { ...issue.params };
  const other = /^plans\[(\d+)\]\.nodes\[(\d+)\]\.id$/.exec(issue.params.other ?? '');
  if (other && Number(other[1]) === planIndex) params.otherLine = read.lines[Number(other[2])];
  return {
    line: read.lines[Number(m[2])],
    column: column ? (read.headers.get(column) ?? column) : rest.replace(/^\./, '') || undefined,
    key: issue.key,
    params,
  };
}
