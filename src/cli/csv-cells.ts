/**
 * The cells of one sheet row as the readers of items, of the plan's own row and of further rows see
 * them (`csv-import.ts`): unwrapped once (`="(1)"`, `'=…`, `&#x…;`), read by kind (numbers, years, flags, texts),
 * checked against the schema's entry for their field, every problem placed at the row's line and the column's
 * header as the file writes it.
 */
import * as v from 'valibot';
import { TextSchema, type Text } from '../data/bundle.js';
import { describe, fromValibot } from '../data/validate.js';
import type { IssueKey } from '../i18n/messages.js';
import { readChoice, readFlag, readText, unwrapCell, type Column, type ColumnName } from './csv-columns.js';
import { fromCharRefs } from './encoding.js';
import type { CliIssue, CliIssueKey, CliParams } from './messages.js';

/** The value if the schema entry accepts it; otherwise the schema's problem, given to `fail`. */
export function checkCell<T>(schema: v.GenericSchema, value: T | undefined, fail: (key: IssueKey, params: CliParams) => void): T | undefined {
  if (value === undefined) return undefined;
  const r = v.safeParse(schema, value);
  if (r.success) return value;
  const issue = fromValibot(r.issues[0]!);
  fail(issue.key, issue.params);
  return undefined;
}

export interface RowReader {
  line: number;
  /** The cell, unwrapped (empty when the sheet has no such column). */
  cell(c: Column): string;
  has(c: Column): boolean;
  fail(c: Column, key: IssueKey | CliIssueKey, params?: CliParams): void;
  label(c: Column): string;
  checked<T>(schema: v.GenericSchema, value: T | undefined, column: Column): T | undefined;
  read<T>(column: Column, reader: (s: string) => T | null | undefined, bad: CliIssueKey): T | undefined;
  /** A text from its two columns; `editorial` names the column that marks it as the editor's wording. */
  text(ja: ColumnName, en: ColumnName, required: boolean, editorial?: ColumnName): Text | undefined;
  choice<T extends string>(column: ColumnName, values: Readonly<Record<T, readonly string[]>>): T | undefined;
  /**
   * Notes from a pair of columns, one per line of the cell; line i of the English one translates line i.
   * `editorial` names the column that marks them all as the editor's wording (a mark without notes is a problem).
   */
  notes(ja: ColumnName, en: ColumnName, editorial?: ColumnName): Text[];
}

export interface Sheet {
  indexOf: ReadonlyMap<Column, number>;
  label(c: Column): string;
  charRefs: boolean;
  issues: CliIssue[];
}

const omitUndefined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as T;

export function rowReader(cells: readonly string[], line: number, sheet: Sheet): RowReader {
  const { label } = sheet;
  const fail = (column: Column, k: IssueKey | CliIssueKey, params: CliParams = {}) => void sheet.issues.push({ line, column: label(column), key: k, params });
  // Each cell is read several times (has, read, checked): unwrapped once.
  const seen = new Map<Column, string>();
  const cell = (c: Column): string => {
    let value = seen.get(c);
    if (value === undefined) {
      const raw = cells[sheet.indexOf.get(c) ?? -1] ?? '';
      value = raw && unwrapCell(sheet.charRefs ? fromCharRefs(raw) : raw);
      seen.set(c, value);
    }
    return value;
  };
  const has = (c: Column) => cell(c).trim() !== '';
  const checked = <T>(schema: v.GenericSchema, value: T | undefined, column: Column): T | undefined =>
    checkCell(schema, value, (k, params) => fail(column, k, params));
  const read = <T>(column: Column, reader: (s: string) => T | null | undefined, bad: CliIssueKey): T | undefined => {
    const value = reader(cell(column));
    if (value === null) fail(column, bad, { received: describe(cell(column).trim()) });
    return value ?? undefined;
  };
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
  const notes = (jaColumn: ColumnName, enColumn: ColumnName, editorialColumn?: ColumnName): Text[] => {
    const editorial = editorialColumn ? read(editorialColumn, readFlag, 'not-flag') : undefined;
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
    if (editorial && !out.length) fail(jaColumn, 'needs', { name: label(editorialColumn!) });
    return out;
  };
  return { line, cell, has, fail, label, checked, read, text, choice, notes };
}
