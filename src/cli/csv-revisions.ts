/**
 * A plan's revisions (見直し) as a sheet of their own, one row per entry: the period changed, an item added, an
 * item removed with its reason. Rows with the same `revision_date` are one revision; its title and summary may
 * stand on any of its rows (on several, they must agree). `kdx export --revisions` writes it, `kdx import` reads
 * a sheet with a `revision_date` column as one.
 */
import * as v from 'valibot';
import { RevisionSchema, TextSchema, type PlanData, type RevisionData, type Text } from '../data/bundle.js';
import { describe, type ValidationIssue } from '../data/validate.js';
import type { IssueKey } from '../i18n/messages.js';
import { excelText, guardFormula, headerKey, readChoice, readFiscalYear, readId, readText, unwrapCell } from './csv-columns.js';
import { refusal, textPair, type Owner } from './csv-export.js';
import { checkCell, type CsvRow } from './csv-import.js';
import { fromCharRefs } from './encoding.js';
import type { CliIssue, CliIssueKey, CliParams } from './messages.js';

export const REVISION_COLUMNS = [
  { name: 'revision_date', aliases: ['改定日', '見直し日'] },
  { name: 'revision_title_ja', aliases: ['改定の名称', '改定の名称（日本語）'] },
  { name: 'revision_title_en', aliases: ['改定の名称（英語）'] },
  { name: 'revision_summary_ja', aliases: ['改定の概要', '改定の概要（日本語）'] },
  { name: 'revision_summary_en', aliases: ['改定の概要（英語）'] },
  { name: 'change', aliases: ['区分', '変更'] },
  { name: 'node', aliases: ['項目ID'] },
  { name: 'number', aliases: ['№', 'No.', '番号'] },
  { name: 'title_ja', aliases: ['タイトル', '名称'] },
  { name: 'title_en', aliases: ['タイトル（英語）'] },
  { name: 'reason_ja', aliases: ['理由', '理由（日本語）'] },
  { name: 'reason_en', aliases: ['理由（英語）'] },
  { name: 'period_from_before', aliases: ['変更前の開始年度'] },
  { name: 'period_to_before', aliases: ['変更前の終了年度'] },
  { name: 'period_from', aliases: ['開始年度'] },
  { name: 'period_to', aliases: ['終了年度'] },
] as const;

export type RevisionColumn = (typeof REVISION_COLUMNS)[number]['name'];
const NAMES: readonly RevisionColumn[] = REVISION_COLUMNS.map((c) => c.name);

/** `change`: what the row says about the revision. */
export const CHANGES = { period: ['期間', '期間変更', '期間の変更'], added: ['追加'], removed: ['削除', '廃止'] } as const;

const BY_KEY = new Map<string, RevisionColumn>();
for (const c of REVISION_COLUMNS) for (const alias of [c.name, ...c.aliases]) BY_KEY.set(headerKey(alias), c.name);

/** Whether a header row is a revisions sheet's (it has `revision_date`). */
export function isRevisionSheet(header: readonly string[]): boolean {
  return header.some((h) => BY_KEY.get(headerKey(h)) === 'revision_date');
}

// ---- Export. ----

const num = (n: number | undefined) => (n === undefined ? '' : String(n));

/** The plan's revisions as rows: the revision's own cells on its first row; a revision with no entries has one row. */
export function revisionsToSheet(plan: PlanData, planIndex: number): { header: string[]; rows: string[][]; issues: CliIssue[] } {
  const issues: CliIssue[] = [];
  const rows: string[][] = [];
  plan.revisions?.forEach((r, i) => {
    const owner: Owner = { kind: 'revision', id: r.date, at: `plans[${planIndex}].revisions[${i}]` };
    if (r.notes?.length) issues.push(refusal(owner, 'notes', 'not-in-csv'));
    const entries: Array<Partial<Record<RevisionColumn, string>>> = [];
    if (r.period) {
      entries.push({ change: 'period', period_from_before: num(r.period.before.from), period_to_before: num(r.period.before.to), period_from: num(r.period.after.from), period_to: num(r.period.after.to) });
    }
    const texts = (e: { title?: Text | undefined; reason?: Text | undefined }, field: string) => ({ ...textPair('title', e.title, owner, `${field}.title`, issues), ...textPair('reason', e.reason, owner, `${field}.reason`, issues) });
    r.added?.forEach((a, j) => entries.push({ change: 'added', node: a.node ?? '', number: a.number ?? '', ...texts(a, `added[${j}]`) }));
    r.removed?.forEach((d, j) => entries.push({ change: 'removed', number: d.number ?? '', ...texts(d, `removed[${j}]`) }));
    if (!entries.length) entries.push({});
    const own = { ...textPair('revision_title', r.title, owner, 'title', issues), ...textPair('revision_summary', r.summary, owner, 'summary', issues) };
    entries.forEach((e, j) => {
      const row: Partial<Record<RevisionColumn, string>> = { revision_date: r.date, ...(j === 0 ? own : {}), ...e };
      rows.push(NAMES.map((c) => {
        const value = row[c] ?? '';
        const text = excelText(value, c);
        return text === value ? guardFormula(value) : text;
      }));
    });
  });
  return { header: [...NAMES], rows, issues };
}

// ---- Import. ----

const omit = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as T;

/** Where each revision of a sheet stands: its first row, and the row of its period and of each entry. */
export interface RevisionLines {
  line: number;
  period?: number;
  added: number[];
  removed: number[];
}

export interface ReadRevisions {
  revisions: RevisionData[];
  issues: CliIssue[];
  /** By revision, as `revisions`. */
  lines: RevisionLines[];
  /** Each column's header as the sheet writes it. */
  headers: ReadonlyMap<RevisionColumn, string>;
}

/** The sheet's revisions, in the order of their first rows, or every problem found. */
export function readRevisions(rows: readonly CsvRow[], charRefs: boolean): ReadRevisions {
  const issues: CliIssue[] = [];
  const [head, ...body] = rows;
  const index = new Map<RevisionColumn, number>();
  const headers = new Map<RevisionColumn, string>();
  (head?.cells ?? []).forEach((raw, i) => {
    const h = raw.trim();
    if (!h || h.startsWith('#')) return;
    const c = BY_KEY.get(headerKey(h));
    if (!c) issues.push({ line: 1, key: 'unknown-column', params: { name: h } });
    else if (index.has(c)) issues.push({ line: 1, key: 'duplicate-column', params: { name: h } });
    else (index.set(c, i), headers.set(c, h));
  });
  if (issues.length) return { revisions: [], issues, lines: [], headers };
  const byDate = new Map<string, { r: RevisionData; lines: RevisionLines }>();
  for (const row of body) {
    if (!row.cells.some((c) => c.trim())) continue;
    const { line } = row;
    const label = (c: RevisionColumn) => headers.get(c) ?? c;
    const fail = (c: RevisionColumn, k: IssueKey | CliIssueKey, params: CliParams = {}) => issues.push({ line, column: label(c), key: k, params });
    const cell = (c: RevisionColumn) => {
      const raw = row.cells[index.get(c) ?? -1] ?? '';
      return unwrapCell(charRefs ? fromCharRefs(raw) : raw);
    };
    const checked = <T>(schema: v.GenericSchema, value: T | undefined, c: RevisionColumn): T | undefined =>
      checkCell(schema, value, (k, params) => fail(c, k, params));
    const text = (j: RevisionColumn, e: RevisionColumn): Text | undefined => {
      const [a, b] = [checked(TextSchema, readText(cell(j)), j), checked(TextSchema, readText(cell(e)), e)];
      if (a === undefined && b !== undefined) fail(j, 'needs', { name: label(e) });
      return a === undefined ? undefined : b === undefined ? a : { ja: a, en: b };
    };
    const year = (c: RevisionColumn) => {
      if (!cell(c).trim()) return undefined;
      const y = readFiscalYear(cell(c));
      if (y == null) fail(c, 'not-fiscal-year', { received: describe(cell(c).trim()) });
      return y ?? undefined;
    };
    const date = checked(RevisionSchema.entries.date, readText(cell('revision_date')), 'revision_date');
    if (!cell('revision_date').trim()) fail('revision_date', 'empty');
    if (date === undefined) continue;
    let entry = byDate.get(date);
    if (!entry) byDate.set(date, (entry = { r: { date }, lines: { line, added: [], removed: [] } }));
    const r = entry.r;
    // The revision's own cells: given once, or the same wherever they are given.
    for (const [field, j, e] of [['title', 'revision_title_ja', 'revision_title_en'], ['summary', 'revision_summary_ja', 'revision_summary_en']] as const) {
      const t = text(j, e);
      if (t === undefined) continue;
      if (r[field] !== undefined && JSON.stringify(r[field]) !== JSON.stringify(t)) fail(j, 'revision-conflict', { otherLine: entry.lines.line });
      else r[field] = t;
    }
    const raw = cell('change').trim();
    const change = readChoice(CHANGES)(raw);
    if (change === null) fail('change', 'not-choice', { received: describe(raw), name: Object.keys(CHANGES).join(', ') });
    const title = text('title_ja', 'title_en');
    const reason = text('reason_ja', 'reason_en');
    const number = readText(cell('number'));
    if (change === 'period') {
      const [fb, tb, fa, ta] = (['period_from_before', 'period_to_before', 'period_from', 'period_to'] as const).map(year);
      const missing = (['period_from_before', 'period_to_before', 'period_from', 'period_to'] as const).find((c) => !cell(c).trim());
      if (missing) fail(missing, 'needs', { name: label('change') });
      else if (fb !== undefined && tb !== undefined && fa !== undefined && ta !== undefined) {
        r.period = { before: { from: fb, to: tb }, after: { from: fa, to: ta } };
        entry.lines.period = line;
      }
    } else if (change === 'added') {
      const node = readId(cell('node'));
      if (node === undefined && title === undefined) fail('node', 'needs', { name: label('change') });
      (r.added ??= []).push(omit({ node, number, title, reason }));
      entry.lines.added.push(line);
    } else if (change === 'removed') {
      if (title === undefined) fail('title_ja', 'needs', { name: label('change') });
      else {
        (r.removed ??= []).push(omit({ number, title, reason }));
        entry.lines.removed.push(line);
      }
    }
  }
  // Keys in the schema's order, so that written JSON reads the same whichever way it was built.
  const order = Object.keys(RevisionSchema.entries) as Array<keyof RevisionData>;
  const revisions = [...byDate.values()].map(({ r }) => Object.fromEntries(order.filter((k) => r[k] !== undefined).map((k) => [k, r[k]])) as RevisionData);
  return { revisions, issues, lines: [...byDate.values()].map((e) => e.lines), headers };
}

/** The column of each part of a revision (a JSON path after `revisions[i]`), as `csv-locate.ts` has for items. */
const REVISION_PATHS: Array<[RegExp, RevisionColumn]> = [
  [/^\.date$/, 'revision_date'], [/^\.title(\.ja)?$/, 'revision_title_ja'], [/^\.title\.en$/, 'revision_title_en'],
  [/^\.summary(\.ja)?$/, 'revision_summary_ja'], [/^\.summary\.en$/, 'revision_summary_en'],
  [/^\.period\.before/, 'period_from_before'], [/^\.period/, 'period_from'],
  [/^\.added\[\d+\]\.title\.en$/, 'title_en'], [/^\.added\[\d+\]\.title/, 'title_ja'], [/^\.added\[\d+\]\.number$/, 'number'],
  [/^\.added\[\d+\]\.reason\.en$/, 'reason_en'], [/^\.added\[\d+\]\.reason/, 'reason_ja'], [/^\.added\[\d+\]/, 'node'],
  [/^\.removed\[\d+\]\.number$/, 'number'], [/^\.removed\[\d+\]\.title\.en$/, 'title_en'],
  [/^\.removed\[\d+\]\.reason\.en$/, 'reason_en'], [/^\.removed\[\d+\]\.reason/, 'reason_ja'], [/^\.removed\[\d+\]/, 'title_ja'],
];

/**
 * A validator problem about one of the sheet's revisions of plan `planIndex`, placed at the row it came from (an
 * entry's or the period's own row, else the revision's first) and its column; anything else keeps its JSON path.
 */
export function locateRevisionIssue(issue: ValidationIssue, planIndex: number, read: Pick<ReadRevisions, 'lines' | 'headers'>): CliIssue {
  const unplaced: CliIssue = { path: issue.path, key: issue.key, params: issue.params };
  const m = /^plans\[(\d+)\]\.revisions\[(\d+)\](.*)$/.exec(issue.path);
  const lines = m && Number(m[1]) === planIndex ? read.lines[Number(m[2])] : undefined;
  if (!lines) return unplaced;
  const rest = m![3]!;
  const entry = /^\.(added|removed)\[(\d+)\]/.exec(rest);
  const line = (entry ? lines[entry[1] as 'added' | 'removed'][Number(entry[2])] : rest.startsWith('.period') ? lines.period : undefined) ?? lines.line;
  const column = REVISION_PATHS.find(([re]) => re.test(rest))?.[1];
  return { line, column: column ? (read.headers.get(column) ?? column) : rest.replace(/^\./, '') || undefined, key: issue.key, params: issue.params };
}
