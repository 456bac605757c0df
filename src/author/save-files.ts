/**
 * What the page offers to save, as object URLs for download links: the bundle as `kdx import` writes it (in the
 * published file's own layout, `cli/keep-format.ts`), the plan's items as `kdx export` writes them and its revisions
 * as `kdx export --revisions` does (UTF-8 with BOM, for Excel). Only for an outcome without problems.
 */
import { planToSheet, toCsv } from '../cli/csv-export.js';
import { revisionsToSheet } from '../cli/csv-revisions.js';
import { encodeUtf8WithBom } from '../cli/encoding.js';
import type { CliIssue } from '../cli/messages.js';
import { keepFormat } from '../cli/keep-format.js';
import type { OpenedBundle, Outcome } from './session.js';

export interface SaveFiles {
  json?: { url: string; name: string; bytes: number };
  csv?: { url: string; name: string };
  /** Why the items cannot be written as CSV (`kdx export` refuses the same). */
  csvIssues?: CliIssue[];
  /** The plan's revisions sheet: offered when the plan has revisions, or a revisions sheet was opened. */
  revisions?: { url: string; name: string };
  revisionsIssues?: CliIssue[];
}

/** The bundle for `outcome`, releasing the URLs of `previous`; it keeps the published file's name and layout. */
export function saveFiles(outcome: Outcome | undefined, previous: SaveFiles, base?: OpenedBundle): SaveFiles {
  for (const f of [previous.json, previous.csv, previous.revisions]) if (f) URL.revokeObjectURL(f.url);
  if (outcome?.status !== 'ok') return {};
  const text = base ? keepFormat(base.text, base.raw, outcome.result.bundle) : outcome.result.text;
  const json = new Blob([text], { type: 'application/json' });
  return { json: { url: URL.createObjectURL(json), name: base?.name ?? `${outcome.planId}.json`, bytes: json.size } };
}

const csvUrl = (sheet: { header: string[]; rows: string[][] }) =>
  URL.createObjectURL(new Blob([encodeUtf8WithBom(toCsv(sheet)) as BlobPart], { type: 'text/csv' }));

/**
 * The plan's items (and revisions) as `kdx export` writes them, added to `files`. Made after the preview (a
 * 10,000-row sheet takes a moment, and is not needed to see the result).
 */
export function withCsv(outcome: Extract<Outcome, { status: 'ok' }>, files: SaveFiles): SaveFiles {
  const { result, planId } = outcome;
  const plan = result.bundle.plans[result.planIndex]!;
  const sheet = planToSheet(plan, result.planIndex, result.bundle.statuses);
  const out: SaveFiles = { ...files };
  if (sheet.issues.length) out.csvIssues = sheet.issues;
  else out.csv = { url: csvUrl(sheet), name: `${planId}.csv` };
  if (outcome.revisions !== undefined || plan.revisions?.length) {
    const revisions = revisionsToSheet(plan, result.planIndex);
    if (revisions.issues.length) out.revisionsIssues = revisions.issues;
    else out.revisions = { url: csvUrl(revisions), name: `${planId}.revisions.csv` };
  }
  return out;
}
