/**
 * What the page offers to save, as object URLs for download links: the bundle as `kdx import` writes it (in the
 * published file's own layout, `keep-format.ts`), and the plan's items as `kdx export` writes them (UTF-8 with BOM, for Excel). Only for an outcome without problems.
 */
import { planToSheet, toCsv } from '../cli/csv-export.js';
import { encodeUtf8WithBom } from '../cli/encoding.js';
import type { CliIssue } from '../cli/messages.js';
import { keepFormat } from './keep-format.js';
import type { OpenedBundle, Outcome } from './session.js';

export interface SaveFiles {
  json?: { url: string; name: string; bytes: number };
  csv?: { url: string; name: string };
  /** Why the items cannot be written as CSV (`kdx export` refuses the same). */
  csvIssues?: CliIssue[];
  /** Data the CSV leaves out (the bundle keeps it). */
}

/** The bundle for `outcome`, releasing the URLs of `previous`; it keeps the published file's name and layout. */
export function saveFiles(outcome: Outcome | undefined, previous: SaveFiles, base?: OpenedBundle): SaveFiles {
  if (previous.json) URL.revokeObjectURL(previous.json.url);
  if (previous.csv) URL.revokeObjectURL(previous.csv.url);
  if (outcome?.status !== 'ok') return {};
  const text = base ? keepFormat(base.text, base.raw, outcome.result.bundle) : outcome.result.text;
  const json = new Blob([text], { type: 'application/json' });
  return { json: { url: URL.createObjectURL(json), name: base?.name ?? `${outcome.planId}.json`, bytes: json.size } };
}

/**
 * The plan's items as `kdx export` writes them, added to `files`. Made after the preview (a 10,000-row sheet
 * takes a moment, and is not needed to see the result).
 */
export function withCsv(outcome: Extract<Outcome, { status: 'ok' }>, files: SaveFiles): SaveFiles {
  const { result, planId } = outcome;
  const sheet = planToSheet(result.bundle.plans[result.planIndex]!, result.planIndex, result.bundle.statuses);
  const out: SaveFiles = { ...files };
  if (sheet.issues.length) out.csvIssues = sheet.issues;
  else {
    const csv = new Blob([encodeUtf8WithBom(toCsv(sheet)) as BlobPart], { type: 'text/csv' });
    out.csv = { url: URL.createObjectURL(csv), name: `${planId}.csv` };
  }
  return out;
}
