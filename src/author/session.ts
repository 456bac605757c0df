/**
 * The authoring page's data flow, without DOM: what staff opened and changed (a {@link Session}) → the bundle to
 * publish, or every problem with its row and column → its model (for the preview) and its difference from the
 * published bundle (`kdx diff`). Each change of the session computes the outcome again, whole.
 */
import type { Bundle, NodeData, PlanData, StatusData, Text } from '../data/bundle.js';
import { diffBundles, type BundleDiff, type ItemRef } from '../data/diff.js';
import { evaluate } from '../data/evaluate.js';
import { buildModel, type BundleModel } from '../data/model.js';
import { readFiscalYear } from '../cli/csv-columns.js';
import { locateIssue, type CsvRow } from '../cli/csv-import.js';
import { isRevisionSheet } from '../cli/csv-revisions.js';
import { importItems, type ImportResult } from '../cli/import-items.js';
import { importRevisions } from '../cli/import-revisions.js';
import { DEFAULT_STATUSES } from '../cli/merge.js';
import type { CliIssue } from '../cli/messages.js';
import type { IssueKey } from '../i18n/messages.js';
import type { PlanChoice } from './choose-plan.js';
import { itemFields, PLAN_FIELDS, type EditContext } from './edit-fields.js';

export interface OpenedBundle {
  name: string;
  /** The file as published: the saved JSON keeps its layout (`cli/keep-format.ts`). */
  text: string;
  /** Of `valid`: built once, when the bundle is opened. */
  model: BundleModel;
  /** As parsed from the file: merged into, so that fields this version does not know are kept. */
  raw: Bundle;
  /** As the validator reads it: compared with (`kdx diff` does the same). */
  valid: Bundle;
}

export interface OpenedSheet {
  name: string;
  /** Header first; each row with its line (CSV) or row number (workbook). */
  rows: CsvRow[];
  charRefs: boolean;
  /** Rows with something in them, below the header. */
  dataRows: number;
  /** 「CSV（Shift_JIS）」, 「Excel ブック」: for the status line. */
  format: string;
}

/** Typed values by field id (`edit-fields.ts`), as staff typed them. */
export type FieldValues = Readonly<Record<string, string>>;

export interface Edits {
  plan: FieldValues;
  items: ReadonlyMap<string, FieldValues>;
}

export interface NewPlan {
  id: string;
  title: string;
  from: string;
  to: string;
  publisher: string;
}

export interface Session {
  base?: OpenedBundle | undefined;
  sheet?: OpenedSheet | undefined;
  /** The plan the sheet replaces: one of the base's, or a new one (`newPlan`); none while staff are asked. */
  planId: string | undefined;
  /** How the page chose the plan for staff (`choose-plan.ts`), or that it asks them; none when they chose. */
  choice?: PlanChoice | undefined;
  newPlan: NewPlan;
  edits: Edits;
}

export const EMPTY_EDITS: Edits = { plan: {}, items: new Map() };

/** A problem as the page shows it: in the command's words, placed at a row, an item or a field. */
export type PageIssue =
  | { kind: 'cli'; issue: CliIssue; item?: ItemRef | undefined; field?: string | undefined }
  | { kind: 'page'; key: 'needsPeriod' | 'noPlanId' | 'revisionsNeedPlan' }
  | { kind: 'page'; key: 'choosePlan'; plans: ReadonlyArray<{ id: string; title: Text }> };

/** The plan's items and fields before the edits (what the edit panel starts from). */
export interface Source {
  nodes: readonly NodeData[];
  plan: PlanData | undefined;
  /** The sheet row of each item, by id. */
  lines: ReadonlyMap<string, number>;
}

export type Outcome =
  | { status: 'empty' }
  | { status: 'invalid'; issues: PageIssue[]; source: Source | undefined }
  | {
      status: 'ok';
      source: Source;
      result: Extract<ImportResult, { ok: true }>;
      model: BundleModel;
      planId: string;
      /** Against the published bundle, when one is open. */
      diff: BundleDiff | undefined;
      /** The sheet was a revisions sheet: the plan's revisions it put in place (`kdx import` does the same). */
      revisions?: number | undefined;
    };

export const isNewPlan = (s: Pick<Session, 'base' | 'planId'>): boolean => !s.base?.raw.plans.some((p) => p.id === s.planId);

/** The plans staff are asked to choose between, or none (a plan is chosen, or a new one). */
export function asking(s: Pick<Session, 'base' | 'choice'>): PlanData[] | undefined {
  if (s.choice?.by !== 'ask') return undefined;
  const { plans } = s.choice;
  return s.base?.raw.plans.filter((p) => plans.includes(p.id));
}

export function statusesOf(session: Pick<Session, 'base'>): readonly StatusData[] {
  return session.base ? (session.base.raw.statuses ?? []) : DEFAULT_STATUSES;
}

/** What an edit is held to: the bundle's statuses, the plan's scales (a new plan has none). */
export function editContext(session: Session): EditContext {
  const planId = planIdOf(session);
  return { statuses: statusesOf(session), scales: session.base?.raw.plans.find((p) => p.id === planId)?.scales ?? [] };
}

const itemRef = (n: NodeData): ItemRef => ({ id: n.id, number: n.number, title: n.title });

/** The plan id in effect: the chosen one, or the new plan's. */
export function planIdOf(session: Session): string {
  return (session.planId ?? session.newPlan.id).trim();
}

export function compute(session: Session): Outcome {
  const { base, sheet, edits } = session;
  if (!base && !sheet) return { status: 'empty' };
  const choices = asking(session);
  if (choices) return { status: 'invalid', issues: [{ kind: 'page', key: 'choosePlan', plans: choices.map((p) => ({ id: p.id, title: p.title })) }], source: undefined };
  const planId = planIdOf(session);
  const issues: PageIssue[] = [];
  const creating = isNewPlan({ base, planId });
  // A sheet of revisions (`revision_date`) replaces the revisions of a published plan, as `kdx import` does it.
  const revisionSheet = !!sheet?.rows[0] && isRevisionSheet(sheet.rows[0].cells);
  if (revisionSheet && creating) return { status: 'invalid', issues: [{ kind: 'page', key: 'revisionsNeedPlan' }], source: undefined };
  const options: { title?: string; from?: number; to?: number; publisher?: string } = {};
  if (!planId) issues.push({ kind: 'page', key: 'noPlanId' });
  if (creating) {
    const year = (field: 'from' | 'to') => {
      const raw = session.newPlan[field].trim();
      const y = readFiscalYear(raw);
      if (y === null) issues.push({ kind: 'cli', issue: { key: 'not-fiscal-year', params: { received: JSON.stringify(raw) } }, field });
      return y ?? undefined;
    };
    options.from = year('from');
    options.to = year('to');
    if ((options.from === undefined || options.to === undefined) && !issues.some((i) => i.kind === 'cli')) issues.push({ kind: 'page', key: 'needsPeriod' });
    if (session.newPlan.title.trim()) options.title = session.newPlan.title.trim();
    if (!base) options.publisher = session.newPlan.publisher.trim();
  }
  if (issues.length) return { status: 'invalid', issues, source: undefined };

  let published = base?.raw;
  let revisions: number | undefined;
  if (revisionSheet) {
    const placed = importRevisions({ base: published, planId, rows: sheet.rows, charRefs: sheet.charRefs });
    if (!placed.ok) return { status: 'invalid', issues: placed.issues.map((issue) => ({ kind: 'cli', issue })), source: undefined };
    published = placed.bundle;
    revisions = placed.revisions;
  }

  const ctx = editContext(session);
  const editIssues: PageIssue[] = [];
  const lineOf = new Map<string, number>();
  const source: { nodes: readonly NodeData[]; plan: PlanData | undefined; lines: typeof lineOf } = { nodes: [], plan: undefined, lines: lineOf };
  // The items: the sheet's, or the published plan's (edits only, or under a revisions sheet).
  const result = importItems({
    base: published,
    rows: revisionSheet ? undefined : sheet?.rows,
    charRefs: sheet?.charRefs,
    planId,
    ...options,
    editNodes: (nodes) => {
      source.nodes = nodes;
      return edits.items.size ? nodes.map((node) => editItem(node, edits.items.get(node.id), ctx, editIssues)) : nodes;
    },
    editPlan: (plan) => {
      source.plan = plan;
      return Object.keys(edits.plan).length ? editPlan(plan, edits.plan, ctx, editIssues) : plan;
    },
  });
  result.read?.nodes.forEach((n, i) => lineOf.set(n.id, result.read!.lines[i]!));
  if (!result.ok || editIssues.length) {
    const found = result.ok ? [] : result.issues.map((issue) => placeIssue(issue, result, planId, base?.raw));
    // An edit's problem at the edit's row, like a cell's.
    for (const e of editIssues) {
      if (e.kind === 'cli' && e.item) {
        const line = lineOf.get(e.item.id);
        if (line !== undefined) e.issue = { ...e.issue, line, column: result.read?.headers.get(e.issue.column as never) ?? e.issue.column };
      }
    }
    return { status: 'invalid', issues: [...editIssues, ...found], source: source.nodes.length || source.plan ? source : undefined };
  }
  const model = buildModel(result.valid, undefined, evaluate);
  const diff = base ? diffBundles(base.valid, result.valid, { before: base.model, after: model }) : undefined;
  return { status: 'ok', source, result, model, planId, diff, revisions };
}

function editItem(node: NodeData, values: FieldValues | undefined, ctx: EditContext, issues: PageIssue[]): NodeData {
  if (!values) return node;
  let out = node;
  for (const field of itemFields(ctx)) {
    const raw = values[field.id];
    if (raw === undefined) continue;
    const applied = field.apply(out, raw, ctx);
    if (applied.ok) out = applied.value;
    else issues.push({ kind: 'cli', issue: { ...applied.issue, column: field.column }, item: itemRef(node), field: field.id });
  }
  return out;
}

function editPlan(plan: PlanData, values: FieldValues, ctx: EditContext, issues: PageIssue[]): PlanData {
  let out = plan;
  for (const field of PLAN_FIELDS) {
    const raw = values[field.id];
    if (raw === undefined) continue;
    const applied = field.apply(out, raw, ctx);
    if (applied.ok) out = applied.value;
    else issues.push({ kind: 'cli', issue: { ...applied.issue, column: field.column }, field: field.id });
  }
  return out;
}

/**
 * A validator problem with no sheet row to point at (edits on the published bundle alone): at its item, named
 * by № and title, rather than at a JSON path.
 */
function placeIssue(issue: CliIssue, result: Extract<ImportResult, { ok: false }>, planId: string, base: Bundle | undefined): PageIssue {
  const m = issue.line === undefined && issue.path ? /^plans\[(\d+)\]\.nodes\[(\d+)\]/.exec(issue.path) : null;
  const node = m && !result.read ? base?.plans.find((p) => p.id === planId)?.nodes[Number(m[2])] : undefined;
  if (!m || !node) return { kind: 'cli', issue };
  // The column the same problem would have in a sheet (`achieved`, `note_ja`).
  const { column } = locateIssue({ path: issue.path!, key: issue.key as IssueKey, params: issue.params }, Number(m[1]), NO_ROWS);
  return { kind: 'cli', issue: { ...issue, path: undefined, column }, item: itemRef(node) };
}
const NO_ROWS = { lines: [], headers: new Map() };

/** The session with one field of one item (or of the plan, `item` undefined) set to what was typed. */
export function withEdit(edits: Edits, item: string | undefined, field: string, raw: string): Edits {
  if (item === undefined) return { ...edits, plan: { ...edits.plan, [field]: raw } };
  const items = new Map(edits.items);
  items.set(item, { ...items.get(item), [field]: raw });
  return { ...edits, items };
}

export function withoutEdits(edits: Edits, item: string | undefined): Edits {
  if (item === undefined) return { ...edits, plan: {} };
  const items = new Map(edits.items);
  items.delete(item);
  return { ...edits, items };
}
