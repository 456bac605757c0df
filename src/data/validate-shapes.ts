/**
 * The rules of the report shapes a schema cannot express: scales (unique ids and grades, rules naming their
 * grades), grades and counts by grade naming known scales and grades and adding up, the comparison's base, an
 * indicator's years, revisions naming the plan's items and setting its period. Pure; `validate.ts` runs it for
 * every bundle that has such shapes (on a page, it is loaded only then: `load.ts`).
 */
import type { Bundle, HistoryPoint, PlanData, ProgressData } from './bundle.js';
import { formatPath, type ValidationIssue } from './validate.js';

const keyPath = (path: string, key: string) => `${path}${formatPath([key]).replace(/^(?!\[)/, '.')}`;

/** A plan's scales by id, with their grades, and the headline scale's achieved grades (for the checks below). */
interface Scales {
  grades: Map<string, Set<string>>;
  /** The headline scale (the plan's first) and its achieved grades, when it has any. */
  headline?: { id: string; achieved: Set<string> } | undefined;
}

function scalesOf(plan: PlanData): Scales {
  const grades = new Map((plan.scales ?? []).map((s) => [s.id, new Set(s.grades.map((g) => g.id))] as const));
  const first = plan.scales?.[0];
  const achieved = new Set(first?.grades.filter((g) => g.achieved).map((g) => g.id));
  return { grades, headline: first && achieved.size ? { id: first.id, achieved } : undefined };
}

/** Counts by grade: known scales and grades, adding up to the total, agreeing with `achieved`. */
function checkCounts(p: ProgressData | HistoryPoint, path: string, scales: Scales, out: ValidationIssue[]) {
  for (const [scale, counts] of Object.entries(p.byGrade ?? {})) {
    const at = keyPath(`${path}.byGrade`, scale);
    const grades = scales.grades.get(scale);
    if (!grades) {
      out.push({ path: at, key: 'unknown-scale', params: { id: scale, other: [...scales.grades.keys()].join(', ') } });
      continue;
    }
    let sum = 0;
    let met = 0;
    for (const [grade, n] of Object.entries(counts)) {
      if (!grades.has(grade)) out.push({ path: keyPath(at, grade), key: 'unknown-grade', params: { id: grade, other: [...grades].join(', ') } });
      sum += n;
      if (scales.headline?.id === scale && scales.headline.achieved.has(grade)) met += n;
    }
    // Shares add up only if the counts do: a printed table's rows sum to its total.
    if (sum !== p.total) out.push({ path: at, key: 'grade-sum', params: { limit: p.total, received: String(sum) } });
    else if (scales.headline?.id === scale && p.achieved !== undefined && p.achieved !== met) {
      out.push({ path: `${path}.achieved`, key: 'achieved-mismatch', params: { limit: met, id: scale } });
    }
  }
}

/** Snapshots of one node or plan: their counts by grade checked, the comparison's base present. */
function checkSnapshots(
  progress: ProgressData | undefined,
  history: readonly HistoryPoint[] | undefined,
  at: string,
  scales: Scales,
  out: ValidationIssue[],
) {
  if (progress) checkCounts(progress, `${at}.progress`, scales, out);
  // Years may repeat in history (bundles before the comparison allowed it); the comparison takes the first.
  const years = new Set<number>();
  history?.forEach((h, i) => {
    checkCounts(h, `${at}.history[${i}]`, scales, out);
    years.add(h.fiscalYear);
  });
  const base = progress?.comparedWith?.fiscalYear;
  if (base !== undefined && !years.has(base)) {
    out.push({ path: `${at}.progress.comparedWith.fiscalYear`, key: 'unknown-history', params: { received: String(base), other: [...years].join(', ') } });
  }
}

/** The plan's scales and their rules, its revisions, and each node's grades and indicators. */
function checkPlanShapes(plan: PlanData, at: string, scales: Scales, nodeIds: ReadonlyMap<string, number>, out: ValidationIssue[]) {
  const seen = new Set<string>();
  plan.scales?.forEach((scale, i) => {
    const here = `${at}.scales[${i}]`;
    if (scale.id === 'status') out.push({ path: `${here}.id`, key: 'reserved-id', params: { id: scale.id } });
    else if (seen.has(scale.id)) out.push({ path: `${here}.id`, key: 'duplicate-id', params: { id: scale.id, other: 'scales' } });
    seen.add(scale.id);
    const grades = new Set<string>();
    scale.grades.forEach((g, j) => {
      if (grades.has(g.id)) out.push({ path: `${here}.grades[${j}].id`, key: 'duplicate-id', params: { id: g.id, other: `${here}.grades` } });
      grades.add(g.id);
    });
    const known = (id: string, path: string) => {
      if (!grades.has(id)) out.push({ path, key: 'unknown-grade', params: { id, other: [...grades].join(', ') } });
    };
    scale.rule?.steps.forEach((step, j) => {
      known(step.grade, `${here}.rule.steps[${j}].grade`);
      const bounded = [step.atLeast, step.above, step.atMost, step.below].some((b) => b !== undefined);
      if (bounded && !step.measure) out.push({ path: `${here}.rule.steps[${j}].measure`, key: 'required', params: { expected: 'measure' } });
    });
    if (scale.rule?.missing !== undefined) known(scale.rule.missing, `${here}.rule.missing`);
  });
  const ruled = plan.scales?.find((s) => s.rule)?.id ?? plan.scales?.[0]?.id;
  const gradeCheck = (scale: string | undefined, grade: string, path: string, scalePath: string) => {
    const grades = scale === undefined ? undefined : scales.grades.get(scale);
    if (!grades) out.push({ path: scalePath, key: 'unknown-scale', params: { id: scale ?? '', other: [...scales.grades.keys()].join(', ') } });
    else if (!grades.has(grade)) out.push({ path, key: 'unknown-grade', params: { id: grade, other: [...grades].join(', ') } });
  };
  plan.nodes.forEach((node, n) => {
    const here = `${at}.nodes[${n}]`;
    for (const [scale, grade] of Object.entries(node.grades ?? {})) gradeCheck(scale, grade, keyPath(`${here}.grades`, scale), keyPath(`${here}.grades`, scale));
    node.indicators?.forEach((ind, i) => {
      const path = `${here}.indicators[${i}]`;
      if (ind.scale !== undefined && !scales.grades.has(ind.scale)) {
        out.push({ path: `${path}.scale`, key: 'unknown-scale', params: { id: ind.scale, other: [...scales.grades.keys()].join(', ') } });
      } else if (ind.grade !== undefined) gradeCheck(ind.scale ?? ruled, ind.grade, `${path}.grade`, `${path}.scale`);
      const years = new Set<number>();
      ind.actuals?.forEach((a, j) => {
        if (years.has(a.fiscalYear)) out.push({ path: `${path}.actuals[${j}].fiscalYear`, key: 'duplicate-year', params: { received: String(a.fiscalYear) } });
        years.add(a.fiscalYear);
      });
    });
  });
  let latest: { date: string; after: { from: number; to: number }; path: string } | undefined;
  plan.revisions?.forEach((r, i) => {
    const here = `${at}.revisions[${i}]`;
    if (r.period) {
      for (const side of ['before', 'after'] as const) {
        if (r.period[side].from > r.period[side].to) out.push({ path: `${here}.period.${side}`, key: 'period-order', params: {} });
      }
      if (!latest || r.date >= latest.date) latest = { date: r.date, after: r.period.after, path: `${here}.period.after` };
    }
    r.added?.forEach((a, j) => {
      if (a.node === undefined && a.title === undefined) out.push({ path: `${here}.added[${j}]`, key: 'required', params: { expected: 'node, title' } });
      else if (a.node !== undefined && !nodeIds.has(a.node)) out.push({ path: `${here}.added[${j}].node`, key: 'unknown-node', params: { id: a.node } });
    });
  });
  // The plan's period is the one its latest revision set.
  if (latest && (latest.after.from !== plan.period.from || latest.after.to !== plan.period.to)) {
    out.push({ path: latest.path, key: 'revision-period', params: { received: `${latest.after.from}–${latest.after.to}`, other: `${plan.period.from}–${plan.period.to}` } });
  }
}


/** The problems of the bundle's report shapes, with their JSON paths. */
export function checkShapes(bundle: Bundle): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  bundle.plans.forEach((plan, p) => {
    const at = `plans[${p}]`;
    const scales = scalesOf(plan);
    checkSnapshots(plan.progress, plan.history, at, scales, out);
    const index = new Map(plan.nodes.map((n, i) => [n.id, i] as const));
    plan.nodes.forEach((node, n) => checkSnapshots(node.progress, node.history, `${at}.nodes[${n}]`, scales, out));
    checkPlanShapes(plan, at, scales, index, out);
  });
  return out;
}
