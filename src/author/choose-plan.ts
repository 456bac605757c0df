/**
 * Which plan of the published bundle a sheet replaces (or, a revisions sheet, goes into), when the files tell:
 * the bundle's only plan; the plan whose own row the sheet has; the only plan a revisions sheet fits (its items
 * are the plan's, its latest period the plan's: what the checks would hold it to); else the plan with most of the
 * sheet's ids. When they do not tell, staff are asked, between the plans it could be.
 */
import type { Bundle, PlanData } from '../data/bundle.js';
import { columnOf, readId, unwrapCell } from '../cli/csv-columns.js';
import { isRevisionSheet, readRevisions } from '../cli/csv-revisions.js';
import { importRevisions } from '../cli/import-revisions.js';
import type { OpenedSheet } from './session.js';

/** How the plan was chosen (said under the plan chooser), or the plans staff choose between. */
export type PlanChoice = { by: 'only' | 'planRow' | 'ids' | 'fits'; plan: string } | { by: 'ask'; plans: string[] };

/** The one plan with most of `ids` (none when no plan has any, or two have as many). */
function byIds(plans: readonly PlanData[], ids: ReadonlySet<string | undefined>): PlanChoice | undefined {
  const counts = plans.map((p) => p.nodes.filter((n) => ids.has(n.id)).length);
  const most = Math.max(...counts);
  return most > 0 && counts.filter((c) => c === most).length === 1 ? { by: 'ids', plan: plans[counts.indexOf(most)]!.id } : undefined;
}

const ask = (plans: readonly PlanData[]): PlanChoice => ({ by: 'ask', plans: plans.map((p) => p.id) });

/** The plan for `sheet` in `base` (parsed and valid); none without a sheet (the page then takes the first plan). */
export function planFromFiles(base: Bundle, sheet: OpenedSheet | undefined): PlanChoice | undefined {
  const plans = base.plans;
  const header = sheet?.rows[0]?.cells;
  if (!sheet || !header) return undefined;
  if (plans.length === 1) return { by: 'only', plan: plans[0]!.id };
  if (isRevisionSheet(header)) {
    const read = readRevisions(sheet.rows, sheet.charRefs);
    // A sheet with problems of its own fits no plan: importRevisions would read the same problems for each.
    const fits = read.issues.length ? [] : plans.filter((p) => importRevisions({ base, planId: p.id, rows: sheet.rows, charRefs: sheet.charRefs }).ok);
    if (fits.length === 1) return { by: 'fits', plan: fits[0]!.id };
    const pool = fits.length ? fits : plans;
    const named = new Set(read.revisions.flatMap((r) => r.added?.map((a) => a.node) ?? []));
    named.delete(undefined);
    return byIds(pool, named) ?? ask(pool);
  }
  const at = header.findIndex((h) => columnOf(h.trim()) === 'id');
  const ids = new Set(at < 0 ? [] : sheet.rows.slice(1).map((r) => readId(unwrapCell(r.cells[at] ?? ''))));
  const own = plans.find((p) => ids.has(p.id));
  if (own) return { by: 'planRow', plan: own.id };
  return byIds(plans, ids) ?? ask(plans);
}
