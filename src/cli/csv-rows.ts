/**
 * The three kinds of row a sheet of items has (`csv-import.ts` tells them apart by their id):
 *
 *   an item's row        one node: every column but `plan_as_of`;
 *   a further row        the id of an item already given: one more indicator, result and corresponding item of
 *                        that item, each as the next of its list (総合計画 give several indicators to one measure).
 *                        Its other cells are empty, or repeat the item's row (Excel's fill-down); so do the cells
 *                        of a result or corresponding item that repeat the item's row (the same entry twice cannot
 *                        be written, `csv-export.ts`);
 *   the plan's own row   id = the plan's id, kind `plan`: the plan's title, its own counts (the headline table),
 *                        their as-of dates and history, its notes, and `plan_as_of`.
 */
import { NodeSchema, NumericTargetSchema, PlanSchema, ResultSchema, type NodeData, type ScaleData } from '../data/bundle.js';
import { describe } from '../data/validate.js';
import { REPORTED, SUMMARY_KINDS, readChoice, readFiscalYear, readFlag, readId, readNumber, readPage, readText, type Column } from './csv-columns.js';
import type { RowReader } from './csv-cells.js';
import { counted, isIndicatorColumn, progressOf, readIndicator, readShapes, readTotals } from './csv-import-shapes.js';
import type { DynamicColumn } from './csv-shapes.js';
import { canonicalNode, type PlanRowFields } from './merge.js';

export interface RowContext {
  planId: string;
  /** The sheet's columns, and those of them whose names carry a scale, a grade or a year. */
  columns: readonly Column[];
  dynamic: ReadonlyArray<[Column, DynamicColumn]>;
  scales: readonly ScaleData[];
  /** Status ids by id and label, as keys (`key`). */
  statusIds: ReadonlyMap<string, string>;
  statusList: string;
}

/** The word in `kind` that marks the plan's own row (its id is the plan's). */
export const PLAN_KIND = { plan: ['計画'] } as const;

export const statusKey = (s: string) => s.normalize('NFKC').trim().toLowerCase();
const omitUndefined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, value]) => value !== undefined)) as T;

/** An item's row as a node. */
export function readNode(r: RowReader, ctx: RowContext): NodeData {
  const { cell, has, fail, label, checked, read, text, choice } = r;
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
    const known = ctx.statusIds.get(statusKey(status));
    if (known) status = known;
    else {
      fail('status', 'unknown-status', { id: status, other: ctx.statusList });
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
  const totals = readTotals(r, counted(r, ctx.dynamic));

  // Under which heading the source lists it: both columns or neither.
  const reportedAs = choice('reported', REPORTED);
  const reportedYear = checked(E.fiscalYear, read('reported_year', readFiscalYear, 'not-fiscal-year'), 'reported_year');
  if (has('reported') !== has('reported_year')) fail(has('reported') ? 'reported_year' : 'reported', 'needs', { name: label(has('reported') ? 'reported' : 'reported_year') });
  const reported = reportedAs && reportedYear !== undefined ? { as: reportedAs, fiscalYear: reportedYear } : undefined;

  // The first figure the source gives in its text, and the first item of another plan it corresponds to.
  const figure = readResult(r);
  const aligned = readAlignment(r);

  const notes = r.notes('note_ja', 'note_en', 'note_editorial');
  const shapes = readShapes(r, ctx.dynamic, ctx.scales);
  const progress = progressOf(r, totals, shapes);
  const indicator = readIndicator(r, ctx.dynamic, ctx.scales);
  if (has('plan_as_of')) fail('plan_as_of', 'plan-row-only', { id: ctx.planId });

  return canonicalNode(omitUndefined({
    id: id ?? '',
    parent: checked(E.parent, readId(cell('parent')), 'parent'),
    kind: kind ?? '',
    number: checked(E.number, readText(cell('number')), 'number'),
    page: checked(E.page, read('page', readPage, 'not-page'), 'page'),
    fiscalYear: checked(E.fiscalYear, read('fiscal_year', readFiscalYear, 'not-fiscal-year'), 'fiscal_year'),
    reported,
    summaryKind: choice('summary_kind', SUMMARY_KINDS),
    results: figure ? [figure] : undefined,
    alignedWith: aligned ? [aligned] : undefined,
    title: title ?? '',
    summary: text('summary_ja', 'summary_en', false, 'summary_editorial'),
    status,
    grades: shapes.grades,
    numericTarget: flag || givenValue ? numericTarget : undefined,
    indicators: indicator ? [indicator] : undefined,
    progress,
    history: shapes.history,
    notes: notes.length ? notes : undefined,
    link: checked(E.link, readText(cell('link')), 'link'),
  }));
}

/** An item's lists that hold one entry a row: the first of each on the item's own row, the next on each further row. */
export const ROW_LISTS = ['indicators', 'results', 'alignedWith'] as const;
export type RowList = (typeof ROW_LISTS)[number];
type Entry<K extends RowList> = NonNullable<NodeData[K]>[number];
type Result = Entry<'results'>;
type Alignment = Entry<'alignedWith'>;

/** The columns of one result, and of one corresponding item (a further row may give the next one of each). */
const RESULT_COLUMNS = ['result_label_ja', 'result_label_en', 'result_value', 'result_unit_ja', 'result_unit_en'] as const satisfies readonly Column[];
const ALIGNED_COLUMNS = ['aligned_plan_ja', 'aligned_plan_en', 'aligned_title_ja', 'aligned_title_en'] as const satisfies readonly Column[];
/**
 * The lists whose entry on a further row may be Excel's fill-down of the item's row, with their columns: a further
 * row that repeats the item's row in all of them gives no entry (`repeatsRow`), so export refuses to write one so.
 */
export const FILLED_DOWN: Partial<Record<RowList, readonly Column[]>> = { results: RESULT_COLUMNS, alignedWith: ALIGNED_COLUMNS };
const LIST_COLUMNS = new Set<Column>([...RESULT_COLUMNS, ...ALIGNED_COLUMNS]);

/** Whether the cells of a row (`cell`) are those of another (`first`) in `columns`, trimmed. */
export const repeatsRow = (columns: readonly Column[], cell: (c: Column) => string, first: (c: Column) => string) =>
  columns.every((c) => cell(c).trim() === first(c).trim());

/** A figure the source gives in its text (`result_*`), if the row gives one. */
function readResult(r: RowReader): Result | undefined {
  const value = r.checked(ResultSchema.entries.value, r.read('result_value', readNumber, 'not-number'), 'result_value');
  const given = (['result_label_ja', 'result_unit_ja'] as const).find(r.has);
  if (given && !r.has('result_value')) r.fail('result_value', 'needs', { name: r.label(given) });
  if (value === undefined) return undefined;
  return omitUndefined({ label: r.text('result_label_ja', 'result_label_en', false), value, unit: r.text('result_unit_ja', 'result_unit_en', false) });
}

/** An item of another plan the item corresponds to (`aligned_*`), if the row gives one. */
function readAlignment(r: RowReader): Alignment | undefined {
  const title = r.text('aligned_title_ja', 'aligned_title_en', false);
  const plan = r.text('aligned_plan_ja', 'aligned_plan_en', false);
  if (plan && !title) r.fail('aligned_title_ja', 'needs', { name: r.label('aligned_plan_ja') });
  return title ? omitUndefined({ plan, title }) : undefined;
}

/** The columns the plan's own row may fill (with the counts and earlier years of the dynamic columns). */
const PLAN_ROW_COLUMNS = new Set<Column>([
  'id', 'kind', 'title_ja', 'title_en', 'title_editorial', 'total', 'achieved', 'unconfirmed', 'as_of', 'counts_year',
  'compared_with', 'compare_note_ja', 'compare_note_en', 'plan_as_of', 'note_ja', 'note_en', 'note_editorial',
]);

/** The plan's own row: what it says of the plan (the rest of the plan stays as the bundle has it). */
export function readPlanRow(r: RowReader, ctx: RowContext): PlanRowFields {
  const counts = ctx.dynamic.filter(([, c]) => c.kind === 'count' || c.kind === 'snapshot');
  for (const c of ctx.columns) {
    if (r.has(c) && !PLAN_ROW_COLUMNS.has(c) && !counts.some(([name]) => name === c)) r.fail(c, 'not-on-plan-row', { id: ctx.planId });
  }
  const raw = r.cell('kind').trim();
  if (readChoice(PLAN_KIND)(raw) === null) r.fail('kind', 'not-choice', { received: describe(raw), name: Object.keys(PLAN_KIND).join(', ') });
  const title = r.text('title_ja', 'title_en', false, 'title_editorial');
  const totals = readTotals(r, counted(r, counts));
  const notes = r.notes('note_ja', 'note_en', 'note_editorial');
  const shapes = readShapes(r, counts, ctx.scales);
  return omitUndefined<PlanRowFields>({
    title,
    asOf: r.checked(PlanSchema.entries.asOf, readText(r.cell('plan_as_of')), 'plan_as_of'),
    progress: progressOf(r, totals, shapes),
    history: shapes.history,
    notes: notes.length ? notes : undefined,
  });
}

/** What a further row gives: the next entry of each of its item's lists, by the list's name. */
export type FurtherEntries = { [K in RowList]?: Entry<K> };

/**
 * A further row of the item on `first`'s row: the next indicator, result and corresponding item it gives, or
 * `undefined` when it gives none (then it is a duplicate). Other cells must be empty or repeat the item's row; so
 * may the cells of a result or corresponding item (Excel's fill-down), which then give none.
 */
export function readFurtherRow(r: RowReader, ctx: RowContext, first: RowReader): FurtherEntries | undefined {
  const repeats = (columns: readonly Column[]) => repeatsRow(columns, r.cell, first.cell);
  const entries: FurtherEntries = omitUndefined({
    indicators: readIndicator(r, ctx.dynamic, ctx.scales),
    results: repeats(RESULT_COLUMNS) ? undefined : readResult(r),
    alignedWith: repeats(ALIGNED_COLUMNS) ? undefined : readAlignment(r),
  });
  if (!Object.keys(entries).length) return undefined;
  for (const c of itemColumns(ctx)) {
    if (r.has(c) && r.cell(c).trim() !== first.cell(c).trim()) r.fail(c, 'further-row', { id: readId(r.cell('id')), otherLine: first.line });
  }
  return entries;
}

const ITEM_COLUMNS = new WeakMap<RowContext, readonly Column[]>();
/** A sheet's columns that a further row leaves empty or as its item's row has them (all but the id and the lists'), once a sheet. */
function itemColumns(ctx: RowContext): readonly Column[] {
  let columns = ITEM_COLUMNS.get(ctx);
  if (!columns) {
    const dynamic = new Map(ctx.dynamic);
    columns = ctx.columns.filter((c) => c !== 'id' && !LIST_COLUMNS.has(c) && !isIndicatorColumn(c, dynamic.get(c)));
    ITEM_COLUMNS.set(ctx, columns);
  }
  return columns;
}
