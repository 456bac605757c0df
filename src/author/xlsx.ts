/**
 * `.xlsx` workbooks → the rows `readRows` reads, through read-excel-file (a maintained reader of the Office Open
 * XML format; see docs/author-guide.md for why this one). Loaded only by the authoring page, never by kdx.js.
 *
 * A row's line is its row number in Excel (leading empty rows are kept, trailing ones dropped), so messages say
 * 「12行目」 for what Excel shows as row 12. Cells become the text a CSV saved by Excel would hold.
 */
import readXlsxFile, { InvalidInputError } from 'read-excel-file/universal';
import type { CsvRow } from '../cli/csv-import.js';

export type XlsxResult =
  | { ok: true; rows: CsvRow[]; sheet: string; sheets: number }
  | { ok: false; reason: 'not-xlsx' | 'xls' };

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as text: numbers as JavaScript writes them (1200, 97.4), dates as YYYY-MM-DD, TRUE / FALSE. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // Excel stores dates as day counts; the reader gives them as Dates at UTC midnight.
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  return String(value);
}

export async function readXlsx(bytes: ArrayBuffer): Promise<XlsxResult> {
  let sheets;
  try {
    // trim: false — cells are read as typed; `readRows` trims where the CSV import does.
    sheets = await readXlsxFile(bytes, { trim: false });
  } catch (e) {
    if (e instanceof InvalidInputError || (e as Error | undefined)?.name === 'InvalidInputError') {
      return { ok: false, reason: (e as InvalidInputError).code === 'XLS_FILE_NOT_SUPPORTED' ? 'xls' : 'not-xlsx' };
    }
    console.error('[kdx author] .xlsx', e);
    return { ok: false, reason: 'not-xlsx' };
  }
  const first = sheets[0];
  if (!first) return { ok: false, reason: 'not-xlsx' };
  const rows = first.data.map((row, i) => ({ line: i + 1, cells: row.map(cellText) }));
  return { ok: true, rows, sheet: first.sheet, sheets: sheets.length };
}
