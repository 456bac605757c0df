/**
 * The import pipeline of `kdx import`, shared with the authoring page (author.html) so that the two can never
 * disagree: a sheet's rows → the plan's nodes → merged into the published bundle (or a new one) → validated, with
 * every problem placed at its row and column → the JSON text to publish. Pure: no files, no DOM, no Node.
 */
import { LIMITS, type Bundle, type NodeData, type PlanData } from '../data/bundle.js';
import { overBundleLimit } from '../data/load.js';
import { validateBundle } from '../data/parse.js';
import { locateIssue, readRows, type CsvRow, type ReadResult } from './csv-import.js';
import { DEFAULT_STATUSES, mergePlan, type MergeOptions, type PlanOptionProblem } from './merge.js';
import type { CliIssue } from './messages.js';

export interface ImportInput extends Omit<MergeOptions, 'nodes'> {
  /**
   * The published bundle, as parsed from its JSON and already found valid (not the validator's output: fields
   * this version does not know are kept as they are).
   */
  base: Bundle | undefined;
  /** The sheet's rows, header first; without them, the plan's nodes as `base` has them (edits only). */
  rows?: readonly CsvRow[] | undefined;
  /** Turn `&#x…;` back into characters (Shift_JIS files; see `encoding.ts`). */
  charRefs?: boolean;
  /** Changes to the nodes before they are merged (the authoring page's edits in place). */
  editNodes?: ((nodes: NodeData[]) => NodeData[]) | undefined;
  /** Changes to the plan after the merge (the authoring page's plan-level edits: the as-of date). */
  editPlan?: ((plan: PlanData) => PlanData) | undefined;
}

export type ImportResult =
  | {
      ok: true;
      bundle: Bundle;
      /** As the validator reads it (what the widgets and `kdx diff` see). */
      valid: Bundle;
      /** The bundle as written: {@link bundleJson}. */
      text: string;
      planIndex: number;
      /** Nodes of the plan, added and removed against `base`. */
      nodes: number;
      added: number;
      removed: number;
      created: boolean;
      byStatusDropped: string[];
      read: ReadResult | undefined;
    }
  | { ok: false; issues: CliIssue[]; read: ReadResult | undefined; problem?: PlanOptionProblem };

/**
 * The written form of a bundle: two-space indentation and a final newline, keys in the order they come (the
 * published file's, and the schema's for nodes: `merge.ts`), so that a version-control diff shows only what
 * changed.
 */
export function bundleJson(bundle: Bundle): string {
  return JSON.stringify(bundle, null, 2) + '\n';
}

/** The sheet (or the base's own nodes) as the plan's items of a new, valid bundle; or every problem found. */
export function importItems(input: ImportInput): ImportResult {
  const { base, rows, planId } = input;
  let read: ReadResult | undefined;
  let nodes: NodeData[];
  if (rows) {
    const statuses = base ? (base.statuses ?? []) : DEFAULT_STATUSES;
    const scales = base?.plans.find((p) => p.id === planId)?.scales;
    read = readRows(rows, { planId, statuses, scales, charRefs: input.charRefs ?? false });
    // The title of a new plan: from the option, or from the sheet's plan row; not both.
    if (read.plan?.fields.title !== undefined && input.title !== undefined) {
      read.issues.push({ line: read.plan.line, column: read.headers.get('title_ja') ?? 'title_ja', key: 'plan-title-twice', params: {} });
      read.issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    }
    if (read.issues.length) return { ok: false, issues: read.issues, read };
    nodes = read.nodes;
  } else {
    nodes = base?.plans.find((p) => p.id === planId)?.nodes ?? [];
  }
  if (input.editNodes) nodes = input.editNodes(nodes);

  // A sheet with columns of earlier years or of status counts says what they are; without them, the bundle's stay.
  const keep = read ? { history: !read.hasHistory, byStatus: !read.hasByStatus } : undefined;
  const merged = mergePlan(base, { ...input, nodes, ...(keep ? { keep } : {}), plan: read?.plan?.fields });
  if (!merged.ok) return { ok: false, issues: [], read, problem: merged };
  const bundle = merged.bundle;
  if (input.editPlan) bundle.plans[merged.planIndex] = input.editPlan(bundle.plans[merged.planIndex]!);

  const valid = validateBundle(bundle);
  if (!valid.ok) {
    const issues = valid.errors.map((e): CliIssue => (read ? locateIssue(e, merged.planIndex, read) : { path: e.path, key: e.key, params: e.params }));
    return { ok: false, issues, read };
  }
  const text = bundleJson(bundle);
  if (overBundleLimit(text)) {
    return { ok: false, issues: [{ key: 'too-large', params: { limit: LIMITS.bundleBytes } }], read };
  }
  return {
    ok: true,
    bundle,
    valid: valid.bundle,
    text,
    planIndex: merged.planIndex,
    nodes: nodes.length,
    added: merged.added,
    removed: merged.removed,
    created: merged.created,
    byStatusDropped: merged.byStatusDropped,
    read,
  };
}
