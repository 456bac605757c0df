/**
 * Problems the validator finds in an imported bundle, placed back at the sheet's line and column: a node's at its
 * row (an indicator's at the row it stands on), the plan's own counts at the plan's row; anything else keeps its
 * JSON path.
 */
import type { NodeData } from '../data/bundle.js';
import type { ValidationIssue } from '../data/validate.js';
import type { Column, ColumnName } from './csv-columns.js';
import type { ReadResult } from './csv-import.js';
import { ROW_LISTS, type RowList } from './csv-rows.js';
import type { CliIssue, CliParams } from './messages.js';

const PATH_COLUMNS: Array<[RegExp, ColumnName]> = [
  [/^\.id$/, 'id'], [/^\.parent$/, 'parent'], [/^\.kind$/, 'kind'], [/^\.number$/, 'number'], [/^\.page$/, 'page'],
  [/^\.fiscalYear$/, 'fiscal_year'], [/^\.status$/, 'status'], [/^\.link$/, 'link'], [/^\.asOf$/, 'plan_as_of'],
  [/^\.reported\.as$/, 'reported'], [/^\.reported\.fiscalYear$/, 'reported_year'], [/^\.summaryKind$/, 'summary_kind'],
  [/^\.results\[\d+\]\.value$/, 'result_value'], [/^\.results\[\d+\]\.label(\.ja)?$/, 'result_label_ja'],
  [/^\.results\[\d+\]\.label\.en$/, 'result_label_en'], [/^\.results\[\d+\]\.unit(\.ja)?$/, 'result_unit_ja'],
  [/^\.results\[\d+\]\.unit\.en$/, 'result_unit_en'], [/^\.alignedWith\[\d+\]\.title(\.ja)?$/, 'aligned_title_ja'],
  [/^\.alignedWith\[\d+\]\.title\.en$/, 'aligned_title_en'], [/^\.alignedWith\[\d+\]\.plan(\.ja)?$/, 'aligned_plan_ja'],
  [/^\.alignedWith\[\d+\]\.plan\.en$/, 'aligned_plan_en'],
  [/^\.title(\.ja)?$/, 'title_ja'], [/^\.title\.en$/, 'title_en'],
  [/^\.summary(\.ja)?$/, 'summary_ja'], [/^\.summary\.en$/, 'summary_en'],
  [/^\.numericTarget\.label(\.ja)?$/, 'target_label_ja'], [/^\.numericTarget\.label\.en$/, 'target_label_en'],
  [/^\.numericTarget\.target$/, 'target'], [/^\.numericTarget\.actual$/, 'actual'],
  [/^\.numericTarget\.unit(\.ja)?$/, 'unit_ja'], [/^\.numericTarget\.unit\.en$/, 'unit_en'],
  [/^\.numericTarget$/, 'numeric_target'],
  [/^\.progress\.total$/, 'total'], [/^\.progress\.achieved$/, 'achieved'], [/^\.progress\.unconfirmed$/, 'unconfirmed'],
  [/^\.notes\[\d+\](\.ja)?$/, 'note_ja'], [/^\.notes\[\d+\]\.en$/, 'note_en'],
  [/^\.progress\.asOf$/, 'as_of'], [/^\.progress\.fiscalYear$/, 'counts_year'], [/^\.progress\.comparedWith/, 'compared_with'],
  [/^\.indicators\[\d+\]\.label/, 'indicator_ja'], [/^\.indicators\[\d+\]\.unit/, 'indicator_unit_ja'],
  [/^\.indicators\[\d+\]\.baseline\.fiscalYear$/, 'baseline_year'], [/^\.indicators\[\d+\]\.baseline\.asOf$/, 'baseline_as_of'],
  [/^\.indicators\[\d+\]\.baseline/, 'baseline'], [/^\.indicators\[\d+\]\.target\.fiscalYear$/, 'indicator_target_year'],
  [/^\.indicators\[\d+\]\.target\.asOf$/, 'indicator_target_as_of'],
  [/^\.indicators\[\d+\]\.target/, 'indicator_target'], [/^\.indicators\[\d+\]\.scale$/, 'indicator_scale'],
  [/^\.indicators\[\d+\]\.grade$/, 'indicator_grade'], [/^\.indicators\[\d+\]\.direction$/, 'direction'],
  [/^\.indicators\[\d+\]\.notes\[\d+\]\.en$/, 'indicator_note_en'], [/^\.indicators\[\d+\]\.notes/, 'indicator_note_ja'],
];

/** What a row gave: a node, or the plan's own counts. */
type RowData = Pick<NodeData, 'history' | 'indicators'>;

/** A problem in the columns of the report shapes: the grade or count column it is about (`csv-shapes.ts`). */
function shapeColumn(rest: string, row: RowData | undefined, headers: ReadonlyMap<Column, string>): string | undefined {
  let m = /^\.grades\.([^.[]+)$/.exec(rest);
  if (m) return `grade:${m[1]}`;
  m = /^\.progress\.by(Grade|Status)(?:\.([^.[]+))?(?:\.([^.[]+))?/.exec(rest);
  const scale = m && (m[1] === 'Status' ? 'status' : m[2]);
  if (m && scale) return [...headers.keys()].find((c) => c.startsWith(`count:${scale}:`) && !c.includes('@'));
  m = /^\.history\[(\d+)\](?:\.(\w+))?/.exec(rest);
  const year = m && row?.history?.[Number(m[1])]?.fiscalYear;
  if (m && year !== undefined) return [...headers.keys()].find((c) => c.endsWith(`@${year}`) && (m![2] === 'asOf' ? c.startsWith('as_of') : !m![2] || c.startsWith(m![2]!))) ?? `total@${year}`;
  m = /^\.indicators\[(\d+)\]\.actuals\[(\d+)\]/.exec(rest);
  const actual = m && row?.indicators?.[Number(m[1])]?.actuals?.[Number(m[2])]?.fiscalYear;
  return actual === undefined || actual === null ? undefined : `actual:${actual}`;
}

/** An entry of one of an item's lists that hold one entry a row (`csv-rows.ts`): `.results[1]`. */
const ENTRY_PATH = new RegExp(`^\\.(${ROW_LISTS.join('|')})\\[(\\d+)\\]`);

/** What the plan's own row holds (`csv-import.ts`): its other fields come from the bundle and are not placed. */
const PLAN_ROW_PATH = /^\.(title|asOf|progress|history|notes)\b/;

export type Located = Pick<ReadResult, 'lines' | 'headers'> & Partial<Pick<ReadResult, 'nodes' | 'entryLines' | 'plan'>>;

/**
 * A validator problem about one of the imported nodes, or the plan's own row, placed at its CSV line and column
 * (the id it duplicates becomes a line too); anything else keeps its JSON path.
 */
export function locateIssue(issue: ValidationIssue, planIndex: number, read: Located): CliIssue {
  const unplaced: CliIssue = { path: issue.path, key: issue.key, params: issue.params };
  const m = /^plans\[(\d+)\](?:\.nodes\[(\d+)\])?(.*)$/.exec(issue.path);
  if (!m || Number(m[1]) !== planIndex) return unplaced;
  const rest = m[3]!;
  let line: number | undefined;
  let row: RowData | undefined;
  if (m[2] !== undefined) {
    const n = Number(m[2]);
    // An entry of a list at the row it stands on (an item's further rows hold its further entries).
    const k = ENTRY_PATH.exec(rest);
    line = (k && read.entryLines?.[n]?.[k[1] as RowList][Number(k[2])]) || read.lines[n];
    row = read.nodes?.[n];
  } else if (read.plan && PLAN_ROW_PATH.test(rest)) {
    line = read.plan.line;
    row = read.plan.fields;
  } else return unplaced;
  const column: Column | undefined = (shapeColumn(rest, row, read.headers) as Column | undefined) ?? PATH_COLUMNS.find(([re]) => re.test(rest))?.[1];
  const params: CliParams = { ...issue.params };
  const other = /^plans\[(\d+)\]\.nodes\[(\d+)\]\.id$/.exec(issue.params.other ?? '');
  if (other && Number(other[1]) === planIndex) params.otherLine = read.lines[Number(other[2])];
  return {
    line,
    column: column ? (read.headers.get(column) ?? column) : rest.replace(/^\./, '') || undefined,
    key: issue.key,
    params,
  };
}
