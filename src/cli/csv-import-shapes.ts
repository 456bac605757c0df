/**
 * The cells of one row that hold counts and the report shapes: the item's (or the plan's) counts, grades, counts
 * by grade, the snapshot's date and comparison, earlier years' counts (`history`), and an indicator with its
 * actual values per year (one a row: an item's further indicators stand on further rows, `csv-import.ts`). Each
 * cell is checked against the schema's own entry for its field, like the other columns.
 */
import * as v from 'valibot';
import { HistoryPointSchema, IndicatorSchema, ProgressSchema, type HistoryPoint, type IndicatorData, type ProgressData, type ScaleData, type Text } from '../data/bundle.js';
import { DIRECTIONS, readFiscalYear, readNumber, readText, type Column, type ColumnName } from './csv-columns.js';
import type { RowReader } from './csv-cells.js';
import { gradeId, type DynamicColumn } from './csv-shapes.js';

interface Totals {
  total: number | undefined;
  /** The counts, when they are given and agree. */
  progress?: ProgressData;
}

/** The counts of a row (`total`, `achieved`, `unconfirmed`): together, and each within what it may be. */
export function readTotals(r: RowReader, counted: boolean): Totals {
  const total = r.checked(P.total, r.read('total', readNumber, 'not-number'), 'total');
  const achieved = r.checked(P.achieved, r.read('achieved', readNumber, 'not-number'), 'achieved');
  const unconfirmed = r.checked(P.unconfirmed, r.read('unconfirmed', readNumber, 'not-number'), 'unconfirmed');
  if (!r.has('total') && !r.has('achieved') && !r.has('unconfirmed')) return { total };
  // Counts by grade may stand for `achieved` (the validator checks that they agree with it when both are given).
  if (!r.has('total')) r.fail('total', 'needs', { name: r.label(r.has('achieved') ? 'achieved' : 'unconfirmed') });
  else if (!r.has('achieved') && !counted) r.fail('achieved', 'needs', { name: r.label('total') });
  else if (total !== undefined && (achieved !== undefined || !r.has('achieved'))) {
    const a = achieved ?? 0;
    if (a > total) r.fail('achieved', 'achieved-gt-total', { limit: total });
    else if (unconfirmed !== undefined && unconfirmed > total - a) r.fail('unconfirmed', 'unconfirmed-gt-open', { limit: total - a });
    return { total, progress: omit({ total, achieved, unconfirmed }) };
  }
  return { total };
}

export interface Shapes {
  grades: Record<string, string> | undefined;
  /** Snapshot fields for the row's `progress`, and whether any is given (then `total` is needed). */
  snapshot: { byGrade?: Record<string, Record<string, number>>; byStatus?: Record<string, number>; asOf?: string; fiscalYear?: number; comparedWith?: { fiscalYear: number; note?: Text } };
  snapshotGiven: Column | undefined;
  history: HistoryPoint[] | undefined;
}

/** Whether the row gives counts by grade or status for now (then `achieved` may be left to them). */
export const counted = (r: RowReader, columns: ReadonlyArray<[Column, DynamicColumn]>) =>
  columns.some(([name, c]) => c.kind === 'count' && c.year === undefined && r.has(name));

const P = ProgressSchema.entries;
const H = HistoryPointSchema.entries;
const I = IndicatorSchema.entries;
const count = (r: RowReader, c: Column) => r.checked(P.total, r.read(c, readNumber, 'not-number'), c);

function put(target: Record<string, Record<string, number>>, scale: string, grade: string, n: number) {
  (target[scale] ??= {})[grade] = n;
}

const omit = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as T;

/** Grades, counts by grade or status, the snapshot's date, year and comparison, and earlier years' counts. */
export function readShapes(r: RowReader, columns: ReadonlyArray<[Column, DynamicColumn]>, scales: readonly ScaleData[]): Shapes {
  const grades: Record<string, string> = {};
  const byGrade: Record<string, Record<string, number>> = {};
  const byStatus: Record<string, number> = {};
  const years = new Map<number, { total?: number; achieved?: number; unconfirmed?: number; asOf?: string; byGrade: Record<string, Record<string, number>>; byStatus: Record<string, number>; first: Column }>();
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
    } else if (c.kind === 'snapshot') {
      const y = at(c.year, name);
      if (c.field === 'as_of') y.asOf = r.checked(H.asOf, r.cell(name).trim(), name);
      else y[c.field] = count(r, name);
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
  const now = counted(r, columns);
  const snapshotGiven = (['as_of', 'counts_year', 'compared_with'] as const).find((c) => r.has(c)) ?? (now ? columns.find(([n, c]) => c.kind === 'count' && c.year === undefined && r.has(n))?.[0] : undefined);

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

  return { grades: Object.keys(grades).length ? grades : undefined, snapshot, snapshotGiven, history: history.length ? history : undefined };
}

/** The row's `progress`: its counts with the snapshot's fields; a snapshot needs its `total`. */
export function progressOf(r: RowReader, totals: Totals, shapes: Shapes): ProgressData | undefined {
  if (shapes.snapshotGiven && !r.has('total')) {
    r.fail('total', 'needs', { name: r.label(shapes.snapshotGiven) });
    return undefined;
  }
  return totals.progress || shapes.snapshotGiven ? omit({ ...(totals.progress ?? { total: totals.total! }), ...shapes.snapshot }) : undefined;
}

/** The columns of one indicator (with its `actual:<year>` and `actual_as_of:<year>` columns). */
export const INDICATOR_COLUMNS = [
  'indicator_ja', 'indicator_en', 'indicator_editorial', 'indicator_unit_ja', 'indicator_unit_en', 'indicator_unit_editorial',
  'baseline', 'baseline_year', 'baseline_as_of', 'indicator_target', 'indicator_target_year', 'indicator_target_as_of',
  'direction', 'indicator_scale', 'indicator_grade', 'indicator_note_ja', 'indicator_note_en', 'indicator_note_editorial',
] as const satisfies readonly ColumnName[];

export const isIndicatorColumn = (name: Column, c: DynamicColumn | undefined) =>
  (INDICATOR_COLUMNS as readonly string[]).includes(name) || c?.kind === 'actual' || c?.kind === 'actual_as_of';

/**
 * The row's indicator, if any of its cells is given: its name, baseline and target with their years, actuals per
 * year, direction, stated grade.
 */
export function readIndicator(r: RowReader, columns: ReadonlyArray<[Column, DynamicColumn]>, scales: readonly ScaleData[]): IndicatorData | undefined {
  const actuals = new Map<number, { value?: number; asOf?: string; column: Column }>();
  for (const [name, c] of columns) {
    if (!r.has(name) || (c.kind !== 'actual' && c.kind !== 'actual_as_of')) continue;
    const a = actuals.get(c.year) ?? { column: name };
    actuals.set(c.year, a);
    if (c.kind === 'actual') a.value = r.checked(v.number(), r.read(name, readNumber, 'not-number'), name);
    else a.asOf = r.checked(H.asOf, r.cell(name).trim(), name);
  }
  const given = INDICATOR_COLUMNS.find((c) => r.has(c)) ?? [...actuals.values()][0]?.column;
  if (!given) return undefined;
  const label = r.text('indicator_ja', 'indicator_en', false, 'indicator_editorial');
  // Without a name (the text's own columns say so themselves where they are given).
  if (!(['indicator_ja', 'indicator_en', 'indicator_editorial'] as const).some(r.has)) r.fail('indicator_ja', 'needs', { name: r.label(given) });
  const value = (c: ColumnName) => r.checked(v.number(), r.read(c, readNumber, 'not-number'), c);
  const year = (c: ColumnName) => r.checked(P.fiscalYear, r.read(c, readFiscalYear, 'not-fiscal-year'), c);
  const point = (valueColumn: ColumnName, yearColumn: ColumnName, asOfColumn: ColumnName) => {
    const x = value(valueColumn);
    const fy = year(yearColumn);
    const asOf = r.checked(P.asOf, readText(r.cell(asOfColumn)), asOfColumn);
    if (x === undefined) {
      const other = [yearColumn, asOfColumn].find((c) => r.has(c));
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
  const notes = r.notes('indicator_note_ja', 'indicator_note_en', 'indicator_note_editorial');
  return omit<IndicatorData>({
    label: label ?? '',
    unit: r.text('indicator_unit_ja', 'indicator_unit_en', false, 'indicator_unit_editorial'),
    baseline: point('baseline', 'baseline_year', 'baseline_as_of'),
    target: point('indicator_target', 'indicator_target_year', 'indicator_target_as_of'),
    actuals: list.length ? list : undefined,
    direction: r.choice('direction', DIRECTIONS),
    scale: scaleId,
    grade,
    notes: notes.length ? notes : undefined,
  });
}
