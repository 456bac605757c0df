/**
 * The cells of one row that hold the report shapes: grades, counts by grade, the snapshot's date and comparison,
 * earlier years' counts (`history`), and one indicator with its actual values per year. Each cell is checked
 * against the schema's own entry for its field, like the other columns (`csv-import.ts`).
 */
import * as v from 'valibot';
import { HistoryPointSchema, IndicatorSchema, ProgressSchema, type HistoryPoint, type IndicatorData, type ScaleData, type Text } from '../data/bundle.js';
import type { IssueKey } from '../i18n/messages.js';
import { DIRECTIONS, readFiscalYear, readNumber, readText, type Column, type ColumnName } from './csv-columns.js';
import { gradeId, type DynamicColumn } from './csv-shapes.js';
import type { CliIssueKey, CliParams } from './messages.js';

/** What `csv-import.ts` gives the readers of one row. */
export interface RowReader {
  cell(c: Column): string;
  has(c: Column): boolean;
  fail(c: Column, key: IssueKey | CliIssueKey, params?: CliParams): void;
  label(c: Column): string;
  checked<T>(schema: v.GenericSchema, value: T | undefined, column: Column): T | undefined;
  read<T>(column: Column, reader: (s: string) => T | null | undefined, bad: CliIssueKey): T | undefined;
  text(ja: ColumnName, en: ColumnName, required: boolean, editorial?: ColumnName): Text | undefined;
  choice<T extends string>(column: ColumnName, values: Readonly<Record<T, readonly string[]>>): T | undefined;
  /** Notes from a pair of columns, one per line of the cell. */
  notes(ja: ColumnName, en: ColumnName): Text[];
}

export interface Shapes {
  grades: Record<string, string> | undefined;
  /** Snapshot fields for the row's `progress`, and whether any is given (then `total` is needed). */
  snapshot: { byGrade?: Record<string, Record<string, number>>; byStatus?: Record<string, number>; asOf?: string; fiscalYear?: number; comparedWith?: { fiscalYear: number; note?: Text } };
  snapshotGiven: Column | undefined;
  /** Counts by grade or status are given: `achieved` may then be left to them. */
  counted: boolean;
  history: HistoryPoint[] | undefined;
  indicator: IndicatorData | undefined;
}

const P = ProgressSchema.entries;
const H = HistoryPointSchema.entries;
const I = IndicatorSchema.entries;
const count = (r: RowReader, c: Column) => r.checked(P.total, r.read(c, readNumber, 'not-number'), c);

function put(target: Record<string, Record<string, number>>, scale: string, grade: string, n: number) {
  (target[scale] ??= {})[grade] = n;
}

const omit = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as T;

export function readShapes(r: RowReader, columns: ReadonlyArray<[Column, DynamicColumn]>, scales: readonly ScaleData[]): Shapes {
  const grades: Record<string, string> = {};
  const byGrade: Record<string, Record<string, number>> = {};
  const byStatus: Record<string, number> = {};
  const years = new Map<number, { total?: number; achieved?: number; unconfirmed?: number; asOf?: string; byGrade: Record<string, Record<string, number>>; byStatus: Record<string, number>; first: Column }>();
  const actuals = new Map<number, { value?: number; asOf?: string; column: Column }>();
  let counted = false;
  for (const [name, c] of columns) {
    if (!r.has(name)) continue;
    if (c.kind === 'grade') {
      const scale = scales.find((s) => s.id === c.scale)!;
      const id = gradeId(r.cell(name), scale.grades);
      if (id === undefined) r.fail(name, 'unknown-grade', { id: r.cell(name).trim(), other: scale.grades.map((g) => g.id).join(', ') });
      else grades[c.scale] = id;
    } else if (c.kind === 'count') {
      const n = count(r, name);
      if (n === undefined) continue;
      const y = c.year === undefined ? undefined : at(c.year, name);
      if (c.scale === 'status') (y ? y.byStatus : byStatus)[c.grade] = n;
      else put(y ? y.byGrade : byGrade, c.scale, c.grade, n);
      if (!y) counted = true;
    } else if (c.kind === 'snapshot') {
      const y = at(c.year, name);
      if (c.field === 'as_of') y.asOf = r.checked(H.asOf, r.cell(name).trim(), name);
      else y[c.field] = count(r, name);
    } else {
      const a = actuals.get(c.year) ?? { column: name };
      actuals.set(c.year, a);
      if (c.kind === 'actual') a.value = r.checked(v.number(), r.read(name, readNumber, 'not-number'), name);
      else a.asOf = r.checked(H.asOf, r.cell(name).trim(), name);
    }
  }
  function at(year: number, first: Column) {
    let y = years.get(year);
    if (!y) years.set(year, (y = { byGrade: {}, byStatus: {}, first }));
    return y;
  }

  // The snapshot: its date, its year, what it is compared with.
  const snapshot: Shapes['snapshot'] = {};
  if (Object.keys(byGrade).length) snapshot.byGrade = byGrade;
  if (Object.keys(byStatus).length) snapshot.byStatus = byStatus;
  const asOf = r.checked(P.asOf, readText(r.cell('as_of')), 'as_of');
  if (asOf !== undefined) snapshot.asOf = asOf;
  const fy = r.checked(P.fiscalYear, r.read('counts_year', readFiscalYear, 'not-fiscal-year'), 'counts_year');
  if (fy !== undefined) snapshot.fiscalYear = fy;
  const base = r.checked(P.fiscalYear, r.read('compared_with', readFiscalYear, 'not-fiscal-year'), 'compared_with');
  const note = r.text('compare_note_ja', 'compare_note_en', false);
  if (note && base === undefined) r.fail('compared_with', 'needs', { name: r.label('compare_note_ja') });
  if (base !== undefined) snapshot.comparedWith = note ? { fiscalYear: base, note } : { fiscalYear: base };
  const snapshotGiven = (['as_of', 'counts_year', 'compared_with'] as const).find((c) => r.has(c)) ?? (counted ? columns.find(([n, c]) => c.kind === 'count' && c.year === undefined && r.has(n))?.[0] : undefined);

  // Earlier years: each needs its total.
  const history = [...years].sort(([a], [b]) => a - b).map(([year, y]) => {
    if (y.total === undefined) r.fail(`total@${year}`, 'needs', { name: r.label(y.first) });
    return omit<HistoryPoint>({
      fiscalYear: year,
      total: y.total ?? 0,
      achieved: y.achieved,
      unconfirmed: y.unconfirmed,
      byStatus: Object.keys(y.byStatus).length ? y.byStatus : undefined,
      byGrade: Object.keys(y.byGrade).length ? y.byGrade : undefined,
      asOf: y.asOf,
    });
  });

  return { grades: Object.keys(grades).length ? grades : undefined, snapshot, snapshotGiven, counted, history: history.length ? history : undefined, indicator: indicator(r, actuals, scales) };
}

const INDICATOR_COLUMNS = ['indicator_ja', 'indicator_unit_ja', 'baseline', 'baseline_year', 'baseline_as_of', 'indicator_target', 'indicator_target_year', 'direction', 'indicator_scale', 'indicator_grade', 'indicator_note_ja'] as const;

/** One indicator: its name, baseline and target with their years, actuals per year, direction, stated grade. */
function indicator(r: RowReader, actuals: Map<number, { value?: number; asOf?: string; column: Column }>, scales: readonly ScaleData[]): IndicatorData | undefined {
  const given = INDICATOR_COLUMNS.find((c) => r.has(c)) ?? [...actuals.values()][0]?.column;
  if (!given) return undefined;
  const label = r.text('indicator_ja', 'indicator_en', false);
  if (!label) r.fail('indicator_ja', 'needs', { name: r.label(given) });
  const value = (c: ColumnName) => r.checked(v.number(), r.read(c, readNumber, 'not-number'), c);
  const year = (c: ColumnName) => r.checked(P.fiscalYear, r.read(c, readFiscalYear, 'not-fiscal-year'), c);
  const point = (valueColumn: ColumnName, yearColumn: ColumnName, asOfColumn?: ColumnName) => {
    const x = value(valueColumn);
    const fy = year(yearColumn);
    const asOf = asOfColumn && r.checked(P.asOf, readText(r.cell(asOfColumn)), asOfColumn);
    if (x === undefined) {
      const other = [yearColumn, asOfColumn].find((c) => c && r.has(c));
      if (other) r.fail(valueColumn, 'needs', { name: r.label(other) });
      return undefined;
    }
    return omit({ value: x, fiscalYear: fy, asOf });
  };
  const list = [...actuals].sort(([a], [b]) => a - b).flatMap(([fiscalYear, a]) => {
    if (a.value === undefined) {
      r.fail(`actual:${fiscalYear}`, 'needs', { name: r.label(a.column) });
      return [];
    }
    return [omit({ fiscalYear, value: a.value, asOf: a.asOf })];
  });
  const scaleId = r.checked(I.scale, readText(r.cell('indicator_scale')), 'indicator_scale');
  const scale = scaleId === undefined ? (scales.find((s) => s.rule) ?? scales[0]) : scales.find((s) => s.id === scaleId);
  let grade: string | undefined;
  if (r.has('indicator_grade')) {
    grade = scale && gradeId(r.cell('indicator_grade'), scale.grades);
    if (!grade) r.fail('indicator_grade', 'unknown-grade', { id: r.cell('indicator_grade').trim(), other: scale?.grades.map((g) => g.id).join(', ') ?? '' });
  }
  const notes = r.notes('indicator_note_ja', 'indicator_note_en');
  return omit<IndicatorData>({
    label: label ?? '',
    unit: r.text('indicator_unit_ja', 'indicator_unit_en', false),
    baseline: point('baseline', 'baseline_year', 'baseline_as_of'),
    target: point('indicator_target', 'indicator_target_year'),
    actuals: list.length ? list : undefined,
    direction: r.choice('direction', DIRECTIONS),
    scale: scaleId,
    grade,
    notes: notes.length ? notes : undefined,
  });
}
