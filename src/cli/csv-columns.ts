/**
 * The CSV layout for a plan's items (one row per node) and the readers for what people type into cells:
 * full-width digits, 「令和7年度」, 「P38」, 「○」, Excel's `="(1)"`. Shared by import and export, so that the two
 * always agree on names and forms.
 */

/** Columns in the order export writes them. Japanese aliases are accepted on import (see `docs/csv-guide.md`). */
export const COLUMNS = [
  { name: 'id', aliases: ['ID'] },
  { name: 'parent', aliases: ['親ID', '親'] },
  { name: 'kind', aliases: ['種別'] },
  { name: 'number', aliases: ['№', 'No.', '番号'] },
  { name: 'title_ja', aliases: ['タイトル', 'タイトル（日本語）', '名称'] },
  { name: 'title_en', aliases: ['タイトル（英語）'] },
  { name: 'title_editorial', aliases: ['タイトルは編集者の文'] },
  { name: 'summary_ja', aliases: ['概要', '概要（日本語）'] },
  { name: 'summary_en', aliases: ['概要（英語）'] },
  { name: 'summary_editorial', aliases: ['概要は編集者の文'] },
  { name: 'summary_kind', aliases: ['概要の種類'] },
  { name: 'page', aliases: ['ページ', '頁'] },
  { name: 'fiscal_year', aliases: ['年度'] },
  { name: 'reported', aliases: ['掲載区分'] },
  { name: 'reported_year', aliases: ['掲載年度'] },
  { name: 'status', aliases: ['状況', '達成状況'] },
  { name: 'numeric_target', aliases: ['数値目標'] },
  { name: 'target_label_ja', aliases: ['指標', '指標（日本語）'] },
  { name: 'target_label_en', aliases: ['指標（英語）'] },
  { name: 'target', aliases: ['目標値'] },
  { name: 'actual', aliases: ['実績値'] },
  { name: 'unit_ja', aliases: ['単位', '単位（日本語）'] },
  { name: 'unit_en', aliases: ['単位（英語）'] },
  { name: 'result_label_ja', aliases: ['実績の項目', '実績の項目（日本語）'] },
  { name: 'result_label_en', aliases: ['実績の項目（英語）'] },
  { name: 'result_value', aliases: ['実績の数値'] },
  { name: 'result_unit_ja', aliases: ['実績の単位', '実績の単位（日本語）'] },
  { name: 'result_unit_en', aliases: ['実績の単位（英語）'] },
  { name: 'aligned_plan_ja', aliases: ['対応する計画', '対応する計画（日本語）'] },
  { name: 'aligned_plan_en', aliases: ['対応する計画（英語）'] },
  { name: 'aligned_title_ja', aliases: ['対応する項目', '対応する項目（日本語）'] },
  { name: 'aligned_title_en', aliases: ['対応する項目（英語）'] },
  { name: 'total', aliases: ['項目数'] },
  { name: 'achieved', aliases: ['達成数'] },
  { name: 'unconfirmed', aliases: ['数値未確定', '未確定数'] },
  { name: 'as_of', aliases: ['時点', '基準日'] },
  { name: 'counts_year', aliases: ['集計年度'] },
  { name: 'compared_with', aliases: ['比較年度'] },
  { name: 'compare_note_ja', aliases: ['増減の注記', '増減の注記（日本語）'] },
  { name: 'compare_note_en', aliases: ['増減の注記（英語）'] },
  { name: 'plan_as_of', aliases: ['計画の基準日', 'データの時点'] },
  { name: 'indicator_ja', aliases: ['指標名', '指標名（日本語）'] },
  { name: 'indicator_en', aliases: ['指標名（英語）'] },
  { name: 'indicator_editorial', aliases: ['指標名は編集者の文'] },
  { name: 'indicator_unit_ja', aliases: ['指標の単位', '指標の単位（日本語）'] },
  { name: 'indicator_unit_en', aliases: ['指標の単位（英語）'] },
  { name: 'indicator_unit_editorial', aliases: ['指標の単位は編集者の文'] },
  { name: 'baseline', aliases: ['基準値'] },
  { name: 'baseline_year', aliases: ['基準値の年度'] },
  { name: 'baseline_as_of', aliases: ['基準値の時点'] },
  { name: 'indicator_target', aliases: ['指標の目標値'] },
  { name: 'indicator_target_year', aliases: ['目標値の年度'] },
  { name: 'indicator_target_as_of', aliases: ['目標値の時点'] },
  { name: 'direction', aliases: ['指標の方向'] },
  { name: 'indicator_scale', aliases: ['指標の区分'] },
  { name: 'indicator_grade', aliases: ['指標の評価'] },
  { name: 'indicator_note_ja', aliases: ['指標の注記', '指標の注記（日本語）'] },
  { name: 'indicator_note_en', aliases: ['指標の注記（英語）'] },
  { name: 'indicator_note_editorial', aliases: ['指標の注記は編集者の文'] },
  { name: 'note_ja', aliases: ['注記', '備考', '注記（日本語）'] },
  { name: 'note_en', aliases: ['注記（英語）', '備考（英語）'] },
  { name: 'note_editorial', aliases: ['注記は編集者の文'] },
  { name: 'link', aliases: ['リンク', 'URL'] },
] as const;

export type ColumnName = (typeof COLUMNS)[number]['name'];
/** A column whose name carries a scale, a grade or a year (`grade:evaluation`, `total@2014`; see `csv-shapes.ts`). */
export type DynamicName = `${string}:${string}` | `${string}@${string}`;
export type Column = ColumnName | DynamicName;
export const COLUMN_NAMES: readonly ColumnName[] = COLUMNS.map((c) => c.name);
export const REQUIRED_COLUMNS: readonly ColumnName[] = ['id', 'kind', 'title_ja'];

/** Columns whose header starts with this are the sheet's own (memos, owners…) and are ignored. */
export const IGNORED_PREFIX = '#';

/** Header text → a comparable key: full-width → half-width, case and spacing ignored, 「No.」 = 「№」 = 「no」. */
export function headerKey(s: string): string {
  return s.normalize('NFKC').trim().toLowerCase().replace(/[\s-]+/g, '_').replace(/\.$/, '');
}

const BY_KEY = new Map<string, ColumnName>();
for (const c of COLUMNS) for (const alias of [c.name, ...c.aliases]) BY_KEY.set(headerKey(alias), c.name);

/** The column a header cell names, `null` for an ignored column, `undefined` if unknown. */
export function columnOf(header: string): ColumnName | null | undefined {
  if (header.trim().startsWith(IGNORED_PREFIX)) return null;
  return BY_KEY.get(headerKey(header));
}

// ---- Cell readers. Each returns `undefined` for an empty cell and `null` for one it cannot read. ----

/** Full-width digits and signs to ASCII, the minus sign (U+2212) to `-`, spaces out. */
function numeric(s: string): string {
  if (!s) return s; // most cells of a sheet are empty
  return s.normalize('NFKC').replace(/\u2212/g, '-').replace(/\s+/g, '');
}

const DECIMAL = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[+-]?\d+)?$/i;

/** A number as people write it: `1200`, `1,200`, `１２００`, `-3.5`, `1e21` (as JS prints large numbers). */
export function readNumber(cell: string): number | null | undefined {
  const s = numeric(cell);
  if (!s) return undefined;
  if (!DECIMAL.test(s) || !/\d/.test(s.replace(/e.*$/i, ''))) return null;
  const n = Number(s.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

/** A page: `38`, `P38`, `p.38`, `Ｐ３８`, `38頁`, `38ページ`. */
export function readPage(cell: string): number | null | undefined {
  const s = numeric(cell);
  if (!s) return undefined;
  const m = /^(?:p\.?)?(\d+)(?:頁|ページ)?$/i.exec(s);
  return m ? Number(m[1]) : null;
}

/**
 * Eras by the Gregorian year in which their first fiscal year starts (as `data/format.ts` counts them), with
 * the initials used in abbreviations such as 「R7」.
 */
const ERAS: ReadonlyArray<{ names: readonly string[]; start: number }> = [
  { names: ['令和', 'r'], start: 2019 },
  { names: ['平成', 'h'], start: 1989 },
  { names: ['昭和', 's'], start: 1926 },
  { names: ['大正', 't'], start: 1912 },
  { names: ['明治', 'm'], start: 1868 },
];

/**
 * A fiscal year as the Gregorian year in which it starts: `2025`, `２０２５年度`, `FY2025`, `令和7年度`, `令和7`,
 * `R7`, `R7年度`, `令和元年度`, `平成31年度` (= 2019), `㋿7`. Range checks are the schema's job.
 */
export function readFiscalYear(cell: string): number | null | undefined {
  const s = numeric(cell).toLowerCase().replace(/年度?$/, '');
  if (!s) return undefined;
  let m = /^(?:fy)?(\d{4})$/.exec(s);
  if (m) return Number(m[1]);
  m = /^(\D+?)\.?(元|\d{1,3})$/.exec(s);
  const era = m && ERAS.find((e) => e.names.includes(m![1]!));
  if (!m || !era) return null;
  const year = m[2] === '元' ? 1 : Number(m[2]);
  return year >= 1 ? era.start + year - 1 : null;
}

const YES = new Set(['1', 'true', 'yes', 'y', '○', '〇', '◯', '●', 'あり', '有', '有り', 'はい']);
const NO = new Set(['0', 'false', 'no', 'n', '×', 'なし', '無', '無し', 'いいえ', '-']);

/** A yes/no cell: `1`, `○`, `あり`, `TRUE` / `0`, `×`, `なし`, `FALSE`. */
export function readFlag(cell: string): boolean | null | undefined {
  if (!cell) return undefined;
  const s = cell.normalize('NFKC').trim().toLowerCase();
  if (!s) return undefined;
  return YES.has(s) ? true : NO.has(s) ? false : null;
}

/**
 * A cell naming one of `values` by its id or its Japanese word: `carried-out` or 「実施」, `added` or 「追加」
 * (case, width and spaces ignored).
 */
export function readChoice<T extends string>(values: Readonly<Record<T, readonly string[]>>): (cell: string) => T | null | undefined {
  return (cell) => {
    if (!cell) return undefined;
    const s = cell.normalize('NFKC').trim().toLowerCase();
    if (!s) return undefined;
    for (const [id, words] of Object.entries(values) as Array<[T, readonly string[]]>) if (id === s || words.includes(s)) return id;
    return null;
  };
}

/** `reported`: under which heading the source lists the item. */
export const REPORTED = { 'carried-out': ['実施', '実施した'], added: ['追加', '追加した'] } as const;
/** `direction`: whether a higher value of an indicator is better. */
export const DIRECTIONS = { increase: ['大きいほど良い', '上昇', '増加'], decrease: ['小さいほど良い', '低下', '減少'] } as const;
/** `summary_kind`: what the summary is. */
export const SUMMARY_KINDS = { result: ['実施内容', '結果'], plan: ['取組内容', '予定'] } as const;

/** An id-like cell (id, parent, kind, status): full-width letters and digits are made half-width. */
export function readId(cell: string): string | undefined {
  const s = cell.normalize('NFKC').trim();
  return s || undefined;
}

/** Text: surrounding spaces and blank lines dropped (an Alt+Enter at the end of a cell is not content). */
export function readText(cell: string): string | undefined {
  const s = cell.replace(/^[ \t\n]+|[ \t\n]+$/g, '');
  return s || undefined;
}

// ---- Excel. ----

/**
 * What Excel reads as something else when it opens a CSV: `(1)` becomes -1, `1-1` a date, `2.10` 2.1, `007` 7.
 * Export writes such ids and numbers as `="(1)"`, Excel's way to say "this text", and import reads that form.
 */
const EXCEL_CONVERTS = /^[\d(+\-.]/;
/** Columns of ids and numbers as printed, and of dates (Excel reads `2024-03` as a date and writes it back as `Mar-24`). */
const AS_TEXT = /^(id|parent|number|node|revision_date|as_of(@.*)?|plan_as_of|baseline_as_of|indicator_target_as_of|actual_as_of:.*)$/;
export function excelText(value: string, column: string): string {
  return AS_TEXT.test(column) && EXCEL_CONVERTS.test(value) ? `="${value.replace(/"/g, '""')}"` : value;
}

/**
 * A text that starts with `=`, `+`, `-` or `@` would run as a formula in a spreadsheet (CSV injection): export
 * puts a `'` before it, which spreadsheets show as text; import takes it off again.
 */
const FORMULA = /^'*[=+\-@\t\r]/;
export function guardFormula(value: string): string {
  return FORMULA.test(value) ? `'${value}` : value;
}

/** Undoes {@link excelText} and {@link guardFormula} on a raw cell. */
export function unwrapCell(cell: string): string {
  const m = /^="((?:[^"]|"")*)"$/.exec(cell);
  if (m) return m[1]!.replace(/""/g, '"');
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}
