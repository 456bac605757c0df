/**
 * The columns of the report shapes whose names carry a scale, a grade or a fiscal year, so that a sheet holds
 * them the way the printed table lays them out:
 *
 *   grade:<scale>                 the item's grade on a scale of the plan (id or label: `S`, 「完了」)
 *   count:<scale>:<grade>         declared counts by grade (`count:status:<id>` for the bundle's statuses)
 *   total@<year>, achieved@<year>, unconfirmed@<year>, as_of@<year>, count:<scale>:<grade>@<year>
 *                                 the counts of an earlier year (`history`)
 *   actual:<year>, actual_as_of:<year>
 *                                 an indicator's actual value of a year, and the date it is as of
 *
 * Years are read like any fiscal year (`2014`, `H26`, `平成26年度`); export writes the Gregorian year.
 */
import type { GradeData, IndicatorData, NodeData, PlanData, StatusData } from '../data/bundle.js';
import { columnOf, readFiscalYear } from './csv-columns.js';

export type SnapshotField = 'total' | 'achieved' | 'unconfirmed' | 'as_of';

export type DynamicColumn =
  | { kind: 'grade'; scale: string }
  | { kind: 'count'; scale: string; grade: string; year?: number | undefined }
  | { kind: 'snapshot'; field: SnapshotField; year: number }
  | { kind: 'actual' | 'actual_as_of'; year: number };

const SNAPSHOT_FIELDS: readonly SnapshotField[] = ['total', 'achieved', 'unconfirmed', 'as_of'];

/** The column's name as export writes it (and import's key for it). */
export function dynamicName(c: DynamicColumn): string {
  switch (c.kind) {
    case 'grade':
      return `grade:${c.scale}`;
    case 'count':
      return `count:${c.scale}:${c.grade}${c.year === undefined ? '' : `@${c.year}`}`;
    case 'snapshot':
      return `${c.field}@${c.year}`;
    default:
      return `${c.kind}:${c.year}`;
  }
}

/**
 * A header of one of these forms as its column; `null` when it is not one of them; `undefined` when it is, but its
 * year cannot be read. Ids (scales, grades) are kept as written: they are case-sensitive.
 */
export function dynamicColumn(header: string): DynamicColumn | null | undefined {
  const h = header.normalize('NFKC').trim();
  const year = (s: string | undefined) => (s === undefined ? undefined : (readFiscalYear(s) ?? NaN));
  let m = /^(?:grade|区分):([^:@]+)$/i.exec(h);
  if (m) return { kind: 'grade', scale: m[1]!.trim() };
  m = /^(?:count|件数):([^:@]+):([^:@]+)(?:@(.+))?$/i.exec(h);
  if (m) {
    const y = year(m[3]);
    return Number.isNaN(y) ? undefined : { kind: 'count', scale: m[1]!.trim(), grade: m[2]!.trim(), year: y };
  }
  m = /^(?:(actual_as_of|実績値の時点)|(actual|実績値)):(.+)$/i.exec(h);
  if (m) {
    const y = year(m[3])!;
    return Number.isNaN(y) ? undefined : { kind: m[1] ? 'actual_as_of' : 'actual', year: y };
  }
  m = /^([^@]+)@(.+)$/.exec(h);
  if (m) {
    const field = columnOf(m[1]!);
    if (!field || !(SNAPSHOT_FIELDS as readonly string[]).includes(field)) return null;
    const y = year(m[2])!;
    return Number.isNaN(y) ? undefined : { kind: 'snapshot', field: field as SnapshotField, year: y };
  }
  return null;
}

/** A grade cell as a grade id of `grades`: the id as written, else a label or definition in either language. */
export function gradeId(cell: string, grades: readonly (GradeData | StatusData)[]): string | undefined {
  const s = cell.normalize('NFKC').trim();
  const exact = grades.find((g) => g.id === s);
  if (exact) return exact.id;
  const key = s.toLowerCase();
  const words = (t: GradeData['label'] | undefined) => (t === undefined ? [] : typeof t === 'string' ? [t] : [t.ja, t.en ?? '']);
  const names = (g: GradeData | StatusData) => [g.id, ...words(g.label), ...words('definition' in g ? g.definition : undefined)];
  return grades.find((g) => names(g).some((n) => n && n.normalize('NFKC').trim().toLowerCase() === key))?.id;
}

// ---- Export: the columns a plan's items use, and each node's cells. ----

const num = (n: number | undefined) => (n === undefined ? '' : String(n));

/** What has counts: the plan's nodes and the plan itself (its own row). */
type Counted = Pick<NodeData, 'progress' | 'history'>;

/**
 * The dynamic columns of a plan: a grade column per scale, and the counts, history years (of its nodes and its own)
 * and actual years (of every indicator) in use.
 */
export function shapeColumns(plan: PlanData, statuses: readonly StatusData[] | undefined): string[] {
  const scales: ReadonlyArray<{ id: string; grades: ReadonlyArray<{ id: string }> }> = [...(plan.scales ?? []), ...(statuses?.length ? [{ id: 'status', grades: statuses }] : [])];
  const counted = (p: { byGrade?: Record<string, unknown> | undefined; byStatus?: unknown } | undefined, scale: string) =>
    scale === 'status' ? p?.byStatus !== undefined : p?.byGrade?.[scale] !== undefined;
  const all: readonly Counted[] = [...plan.nodes, plan];
  const years = [...new Set(all.flatMap((n) => (n.history ?? []).map((h) => h.fiscalYear)))].sort((a, b) => a - b);
  const out: DynamicColumn[] = (plan.scales ?? []).map((s) => ({ kind: 'grade', scale: s.id }));
  for (const s of scales) {
    if (all.some((n) => counted(n.progress, s.id))) out.push(...s.grades.map((g) => ({ kind: 'count' as const, scale: s.id, grade: g.id })));
  }
  for (const year of years) {
    const points = all.flatMap((n) => (n.history ?? []).filter((h) => h.fiscalYear === year));
    for (const field of SNAPSHOT_FIELDS) {
      const key = field === 'as_of' ? 'asOf' : field;
      if (points.some((h) => h[key] !== undefined)) out.push({ kind: 'snapshot', field, year });
    }
    for (const s of scales) {
      if (points.some((h) => counted(h, s.id))) out.push(...s.grades.map((g) => ({ kind: 'count' as const, scale: s.id, grade: g.id, year })));
    }
  }
  const actuals = plan.nodes.flatMap((n) => (n.indicators ?? []).flatMap((i) => i.actuals ?? []));
  for (const year of [...new Set(actuals.map((a) => a.fiscalYear))].sort((a, b) => a - b)) {
    out.push({ kind: 'actual', year });
    if (actuals.some((a) => a.fiscalYear === year && a.asOf !== undefined)) out.push({ kind: 'actual_as_of', year });
  }
  return out.map(dynamicName);
}

type Counts = { byGrade?: Record<string, Record<string, number>> | undefined; byStatus?: Record<string, number> | undefined };

function countCells(p: Counts | undefined, suffix: string, out: Record<string, string>) {
  for (const [scale, counts] of Object.entries(p?.byGrade ?? {})) for (const [g, n] of Object.entries(counts)) out[`count:${scale}:${g}${suffix}`] = String(n);
  for (const [g, n] of Object.entries(p?.byStatus ?? {})) out[`count:status:${g}${suffix}`] = String(n);
}

/** The cells of a node (or of the plan's own row) in the grade, count and history columns; those without a value are left out. */
export function shapeCells(node: Counted & Pick<NodeData, 'grades'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [scale, grade] of Object.entries(node.grades ?? {})) out[`grade:${scale}`] = grade;
  countCells(node.progress, '', out);
  for (const h of node.history ?? []) {
    const at = `@${h.fiscalYear}`;
    out[`total${at}`] = String(h.total);
    if (h.achieved !== undefined) out[`achieved${at}`] = String(h.achieved);
    if (h.unconfirmed !== undefined) out[`unconfirmed${at}`] = String(h.unconfirmed);
    if (h.asOf !== undefined) out[`as_of${at}`] = h.asOf;
    countCells(h, at, out);
  }
  return out;
}

/** An indicator's cells in the actual-year columns. */
export function actualCells(indicator: IndicatorData | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of indicator?.actuals ?? []) {
    out[`actual:${a.fiscalYear}`] = num(a.value);
    if (a.asOf !== undefined) out[`actual_as_of:${a.fiscalYear}`] = a.asOf;
  }
  return out;
}
