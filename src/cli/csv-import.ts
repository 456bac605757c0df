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
import { NodeSchema, NumericTargetSchema, ProgressSchema, ResultSchema, TextSchema, type NodeData, type StatusData, type Text } from '../data/bundle.js';
import { describe, fromValibot, type ValidationIssue } from '../data/validate.js';
import {
  REPORTED, REQUIRED_COLUMNS, SUMMARY_KINDS, columnOf, readChoice, readFiscalYear, readFlag, readId, readNumber, readPage, readText,
  unwrapCell, type ColumnName,
} from './csv-columns.js';
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

export interface ReadOptions {
  planId: string;
  /** The target bundle's statuses: a status cell may give an id or a label (「達成」). */
  statuses: readonly StatusData[];
  /** Turn `&#x…;` back into characters (Shift_JIS files; see `encoding.ts`). */
  charRefs: boolean;
}

export interface ReadResult {
  nodes: NodeData[];
  /** The CSV line of each node, for mapping validation problems back. */
  lines: number[];
  /** Each column's header as the file writes it, so that messages name columns the way the sheet does. */
  headers: Map<ColumnName, string>;
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
  if (parsed.issues.length) return { nodes: [], lines: [], headers: new Map(), issues: parsed.issues };
  return readRows(parsed.rows, options);
}

/**
 * A sheet's rows (the first is the header) as nodes, or every problem found in them. The rows come from a CSV
 * file (`parseCsv`) or from a workbook (the authoring page's `.xlsx` reader, one row per sheet row, as text).
 */
export function readRows(rows: readonly CsvRow[], options: ReadOptions): ReadResult {
  const issues: CliIssue[] = [];
  const headers = new Map<ColumnName, string>();
  const result: ReadResult = { nodes: [], lines: [], headers, issues };

  // Header: known names and aliases; `#…` and blank headers are ignored.
  const [head, ...body] = rows;
  /** Per cell position: its column, `null` for the sheet's own `#…` columns, `undefined` without a header. */
  const columnAt: Array<ColumnName | null | undefined> = [];
  (head?.cells ?? []).forEach((raw, i) => {
    const h = raw.trim();
    const column = h ? columnOf(h) : undefined;
    if (h && column === undefined) issues.push({ line: 1, key: 'unknown-column', params: { name: h } });
    else if (column && headers.has(column)) issues.push({ line: 1, key: 'duplicate-column', params: { name: h } });
    else if (column) headers.set(column, h);
    columnAt[i] = column;
  });
  for (const name of REQUIRED_COLUMNS) {
    if (!headers.has(name)) issues.push({ line: 1, key: 'missing-column', params: { name } });
  }
  if (issues.length) return result;
  const indexOf = new Map<ColumnName, number>();
  columnAt.forEach((c, i) => c && indexOf.set(c, i));
  const label = (c: ColumnName) => headers.get(c) ?? c;

  const statusIds = new Map<string, string>();
  for (const s of options.statuses) {
    for (const name of [s.id, ...textOf(s.label)]) if (name && !statusIds.has(key(name))) statusIds.set(key(name), s.id);
  }

  const data = body.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (!data.length) issues.push({ key: 'no-rows', params: {} });

  for (const row of data) {
    const { line } = row;
    const fail = (column: ColumnName, k: IssueKey | CliIssueKey, params: CliParams = {}) =>
      issues.push({ line, column: label(column), key: k, params });
    // Each cell is read several times (has, read, checked): unwrapped once.
    const seen = new Map<ColumnName, string>();
    const cell = (c: ColumnName): string => {
      let value = seen.get(c);
      if (value === undefined) {
        const raw = row.cells[indexOf.get(c) ?? -1] ?? '';
        value = raw && unwrapCell(options.charRefs ? fromCharRefs(raw) : raw);
        seen.set(c, value);
      }
      return value;
    };
    const has = (c: ColumnName) => cell(c).trim() !== '';
    /** The value if the schema entry accepts it; otherwise the schema's problem, reported at the column. */
    const checked = <T>(schema: v.GenericSchema, value: T | undefined, column: ColumnName): T | undefined => {
      if (value === undefined) return undefined;
      const r = v.safeParse(schema, value);
      if (r.success) return value;
      const issue = fromValibot(r.issues[0]!);
      fail(column, issue.key, issue.params);
      return undefined;
    };
    const read = <T>(column: ColumnName, reader: (s: string) => T | null | undefined, bad: CliIssueKey): T | undefined => {
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
    if (has('total') || has('achieved') || has('unconfirmed')) {
      if (!has('total')) fail('total', 'needs', { name: label(has('achieved') ? 'achieved' : 'unconfirmed') });
      else if (!has('achieved')) fail('achieved', 'needs', { name: label('total') });
      else if (total !== undefined && achieved !== undefined) {
        if (achieved > total) fail('achieved', 'achieved-gt-total', { limit: total });
        else if (unconfirmed !== undefined && unconfirmed > total - achieved) {
          fail('unconfirmed', 'unconfirmed-gt-open', { limit: total - achieved });
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

    // Notes: one per line of the cell; line i of note_en translates line i of note_ja.
    const notesEditorial = read('note_editorial', readFlag, 'not-flag');
    const notes: Text[] = [];
    const split = (s: string) => s.split('\n').map((l) => l.replace(/^[ \t]+|[ \t]+$/g, ''));
    const ja = split(cell('note_ja'));
    const en = split(cell('note_en'));
    for (let i = 0; i < Math.max(ja.length, en.length); i++) {
      const j = checked(TextSchema, ja[i] || undefined, 'note_ja');
      const e = checked(TextSchema, en[i] || undefined, 'note_en');
      if (!ja[i]) {
        if (en[i]) fail('note_en', 'note-unpaired');
        continue;
      }
      if (j !== undefined) notes.push(notesEditorial ? omitUndefined({ ja: j, en: e, editorial: true }) : e === undefined ? j : { ja: j, en: e });
    }
    if (notesEditorial && !notes.length) fail('note_ja', 'needs', { name: label('note_editorial') });

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
      numericTarget: flag || givenValue ? numericTarget : undefined,
      progress,
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
];

/**
 * A validator problem about one of the imported nodes, placed at its CSV line and column (the id it duplicates
 * becomes a line too); anything else keeps its JSON path.
 */
export function locateIssue(issue: ValidationIssue, planIndex: number, read: Pick<ReadResult, 'lines' | 'headers'>): CliIssue {
  const m = /^plans\[(\d+)\]\.nodes\[(\d+)\](.*)$/.exec(issue.path);
  if (!m || Number(m[1]) !== planIndex) return { path: issue.path, key: issue.key, params: issue.params };
  const rest = m[3]!;
  const column = PATH_COLUMNS.find(([re]) => re.test(rest))?.[1];
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
