/**
 * A revisions sheet (one with a `revision_date` column) into its plan: the step of `kdx import` that the
 * authoring page shares, so that the two read, place and check revisions alike. The sheet's revisions replace the
 * plan's; the plan must exist (revisions name its items). Pure: no files, no DOM, no Node.
 */
import { PlanSchema, type Bundle, type PlanData, type RevisionData } from '../data/bundle.js';
import { validateBundle } from '../data/parse.js';
import type { CsvRow } from './csv-import.js';
import { locateRevisionIssue, readRevisions } from './csv-revisions.js';
import { keepForm } from './merge.js';
import { bundleJson, type ImportResult } from './import-items.js';
import type { CliIssue } from './messages.js';

export interface RevisionsInput {
  /** The published bundle, as parsed from its JSON and found valid (left untouched). */
  base: Bundle | undefined;
  planId: string;
  /** The sheet's rows, header first. */
  rows: readonly CsvRow[];
  /** Turn `&#x…;` back into characters (Shift_JIS files; see `encoding.ts`). */
  charRefs?: boolean | undefined;
}

/** As `importItems` gives the bundle (validated, and as written), with how many revisions the plan now has. */
export type RevisionsResult =
  | ({ ok: true; revisions: number } & Pick<Extract<ImportResult, { ok: true }>, 'bundle' | 'valid' | 'text' | 'planIndex'>)
  | { ok: false; issues: CliIssue[] };

export function importRevisions(input: RevisionsInput): RevisionsResult {
  const { base, planId } = input;
  const planIndex = base?.plans.findIndex((p) => p.id === planId) ?? -1;
  if (!base || planIndex < 0) return { ok: false, issues: [{ key: 'revisions-need-plan', params: { id: planId } }] };
  const read = readRevisions(input.rows, input.charRefs ?? false);
  if (read.issues.length) return { ok: false, issues: read.issues };
  const bundle = structuredClone(base);
  bundle.plans[planIndex] = withRevisions(bundle.plans[planIndex]!, read.revisions);
  const valid = validateBundle(bundle);
  if (!valid.ok) return { ok: false, issues: valid.errors.map((e) => locateRevisionIssue(e, planIndex, read)) };
  return { ok: true, bundle, valid: valid.bundle, text: bundleJson(bundle), planIndex, revisions: read.revisions.length };
}

const PLAN_KEYS = Object.keys(PlanSchema.entries);
/** The keys the format lists after `revisions` (docs/bundle-format.md, the schema's order): progress, …, nodes. */
const AFTER = new Set(PLAN_KEYS.slice(PLAN_KEYS.indexOf('revisions') + 1));

/**
 * The plan with these revisions: where it had some, in their place, each text in the form the plan wrote it while
 * its words are the same (`keepForm`); else where the format lists them, before the first key it lists after them
 * (so `kdx import` of a revisions sheet adds one block, not one after the nodes).
 */
function withRevisions(plan: PlanData, revisions: RevisionData[]): PlanData {
  const { revisions: had, ...rest } = plan;
  if (!revisions.length) return rest as PlanData;
  if (had) return { ...plan, revisions: keepForm(revisions, had) };
  const entries: Array<[string, unknown]> = Object.entries(rest);
  const at = entries.findIndex(([k]) => AFTER.has(k));
  entries.splice(at < 0 ? entries.length : at, 0, ['revisions', revisions]);
  return Object.fromEntries(entries) as PlanData;
}
