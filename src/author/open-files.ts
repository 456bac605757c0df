/**
 * Files staff open on the authoring page → what the session holds. Everything is read in the browser: a file
 * through the File API, a URL only from this page's own origin (the page's CSP allows no other either).
 */
import { LIMITS, type Bundle } from '../data/bundle.js';
import { KdxError } from '../data/errors.js';
import { parseBundle } from '../data/parse.js';
import { parseCsv, type CsvRow } from '../cli/csv-import.js';
import { EncodingError, decodeCsv } from '../cli/encoding.js';
import type { CliIssue } from '../cli/messages.js';
import type { OpenedBundle, OpenedSheet } from './session.js';

/** Spreadsheets beyond this are refused before they are read (a 50,000-row sheet is far smaller). */
export const SHEET_LIMIT_MB = 50;

export type OpenProblem =
  | { kind: 'cli'; issues: CliIssue[] }
  | { kind: 'kdx'; error: KdxError }
  | { kind: 'page'; key: 'notXlsx' | 'oldXls' | 'otherOrigin' | 'fileOrigin' | 'tooLarge' | 'unknownType'; param?: string | number };

export type Opened<T> = { ok: true; value: T; note?: { sheet: string; sheets: number } } | { ok: false; problem: OpenProblem };

export type FileKind = 'bundle' | 'csv' | 'xlsx' | 'xls' | undefined;

/** What a file is, by its name (and type, for files dragged from places that give no extension). */
export function kindOf(file: Pick<File, 'name' | 'type'>): FileKind {
  const name = file.name.toLowerCase();
  if (name.endsWith('.json') || file.type === 'application/json') return 'bundle';
  if (name.endsWith('.csv') || name.endsWith('.txt') || file.type === 'text/csv') return 'csv';
  if (name.endsWith('.xlsx') || file.type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') return 'xlsx';
  if (name.endsWith('.xls')) return 'xls';
  return undefined;
}

/** The file's bytes, reporting progress (bytes read, total) as they arrive. */
export async function readBytes(file: Blob, onProgress: (done: number, total: number) => void): Promise<Uint8Array> {
  const out = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let done = 0;
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    out.set(chunk.value, done);
    done += chunk.value.length;
    onProgress(done, file.size);
  }
  return out;
}

const dataRows = (rows: readonly CsvRow[]) => rows.slice(1).filter((r) => r.cells.some((c) => c.trim() !== '')).length;

/** A spreadsheet's bytes → its rows, as `kdx import` reads a CSV (encodings, quotes) or as Excel holds them. */
export async function openSheet(name: string, kind: 'csv' | 'xlsx' | 'xls', bytes: Uint8Array): Promise<Opened<OpenedSheet>> {
  if (bytes.length > SHEET_LIMIT_MB * 1024 * 1024) return { ok: false, problem: { kind: 'page', key: 'tooLarge', param: SHEET_LIMIT_MB } };
  if (kind === 'xls') return { ok: false, problem: { kind: 'page', key: 'oldXls' } };
  if (kind === 'xlsx') {
    const { readXlsx } = await import('./xlsx.js');
    const read = await readXlsx(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    if (!read.ok) return { ok: false, problem: { kind: 'page', key: read.reason === 'xls' ? 'oldXls' : 'notXlsx' } };
    const value = { name, rows: read.rows, charRefs: false, dataRows: dataRows(read.rows), format: 'xlsx' };
    return read.sheets > 1 ? { ok: true, value, note: { sheet: read.sheet, sheets: read.sheets } } : { ok: true, value };
  }
  let decoded;
  try {
    decoded = decodeCsv(bytes);
  } catch (e) {
    if (!(e instanceof EncodingError)) throw e;
    return { ok: false, problem: { kind: 'cli', issues: [{ line: e.line, key: e.key, params: {} }] } };
  }
  const parsed = parseCsv(decoded.text);
  if (parsed.issues.length) return { ok: false, problem: { kind: 'cli', issues: parsed.issues } };
  const format = decoded.encoding === 'shift_jis' ? 'CSV Shift_JIS' : decoded.bom ? 'CSV UTF-8 (BOM)' : 'CSV UTF-8';
  return { ok: true, value: { name, rows: parsed.rows, charRefs: decoded.encoding === 'shift_jis', dataRows: dataRows(parsed.rows), format } };
}

/** A bundle's text → the raw JSON to merge into and the validated bundle to compare with. */
export function openBundleText(name: string, text: string): Opened<OpenedBundle> {
  try {
    // parseBundle gives the widgets' own errors (too large, not JSON, invalid with every JSON path).
    const model = parseBundle(text, name);
    const raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as Bundle;
    return { ok: true, value: { name, text, raw, valid: model.data as Bundle, model } };
  } catch (e) {
    if (e instanceof KdxError) return { ok: false, problem: { kind: 'kdx', error: e } };
    throw e;
  }
}

/** The bundle at `url`, which must be on this page's origin (fetched afresh: staff want what is published now). */
export async function openBundleUrl(url: string, signal?: AbortSignal): Promise<Opened<OpenedBundle>> {
  if (location.origin === 'null') return { ok: false, problem: { kind: 'page', key: 'fileOrigin' } };
  let target: URL;
  try {
    target = new URL(url, location.href);
  } catch {
    return { ok: false, problem: { kind: 'kdx', error: new KdxError('network', { url }) } };
  }
  if (target.origin !== location.origin) return { ok: false, problem: { kind: 'page', key: 'otherOrigin', param: location.origin } };
  let response: Response;
  try {
    response = await fetch(target, { cache: 'no-store', credentials: 'same-origin', headers: { Accept: 'application/json' }, ...(signal ? { signal } : {}) });
  } catch (e) {
    return { ok: false, problem: { kind: 'kdx', error: new KdxError('network', { url: target.href }, { cause: e }) } };
  }
  if (!response.ok) return { ok: false, problem: { kind: 'kdx', error: new KdxError('http', { url: target.href, status: response.status }) } };
  if (Number(response.headers.get('Content-Length')) > LIMITS.bundleBytes) {
    return { ok: false, problem: { kind: 'kdx', error: new KdxError('too-large', { url: target.href, limit: `${LIMITS.bundleBytes / 1024 / 1024} MB` }) } };
  }
  const name = decodeURIComponent(target.pathname.split('/').pop() || 'bundle.json');
  return openBundleText(name, await response.text());
}
