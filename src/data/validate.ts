/**
 * bundle → typed bundle, or a list of problems, each with a JSON path and an i18n key.
 *
 * Two passes: the schema (`bundle.ts`, run by valibot) checks shapes and types; then the rules a schema cannot
 * express: unique ids, known parents and statuses, no cycles, depth, achieved ≤ total.
 */
import * as v from 'valibot';
import { hasDetail, messages, type Lang } from '../i18n/index.js';
import type { IssueKey, IssueParams } from '../i18n/messages.js';
import { BundleSchema, LIMITS, SUPPORTED_SCHEMA_VERSIONS, type Bundle, type HistoryPoint, type ProgressData } from './bundle.js';

export interface ValidationIssue {
  /** JSON path, e.g. `plans[1].nodes[3].progress.achieved`; empty for the whole document. */
  path: string;
  key: IssueKey;
  params: IssueParams;
}

export type ValidationResult =
  | { ok: true; bundle: Bundle }
  | { ok: false; errors: ValidationIssue[]; /** Set when the bundle declares a schemaVersion we do not read. */ version?: string };

/** At most this many problems are reported: after that, more are noise. */
const MAX_ISSUES = 100;

type PathItem = string | number;

export function formatPath(path: readonly PathItem[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    // Keys are data (byStatus ids): a 5 MB key must not make a 5 MB message.
    else if (key.length > 40) out += `[${JSON.stringify(`${key.slice(0, 40)}…`)}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

/** One problem as a line for people: `plans[1].nodes[3].progress.achieved: must be ≤ total (40)`. */
export function formatIssue(issue: ValidationIssue, lang: Lang): string {
  // Without the detail catalogue (not loaded yet, or not loadable): the problem's key and what was found.
  const text = hasDetail(lang) ? messages(lang).issue[issue.key](issue.params) : `${issue.key} ${JSON.stringify(issue.params)}`;
  return issue.path ? `${issue.path}: ${text}` : text;
}

/** A short, safe description of a value for messages (never the whole 5 MB string). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string': {
      const s = value.length > 40 ? `${value.slice(0, 40)}…` : value;
      return JSON.stringify(s);
    }
    case 'number':
    case 'boolean':
      return String(value);
    case 'undefined':
      return 'undefined';
    default:
      return typeof value;
  }
}

const KNOWN_KEYS = new Set<string>([
  'string', 'number', 'integer', 'boolean', 'object', 'array', 'text', 'id', 'too-long', 'url', 'fiscal-year',
  'date', 'count', 'finite', 'page', 'tone', 'one-of', 'schema-version', 'no-plans', 'too-many-nodes', 'not-empty',
]);

/** One valibot issue as a ValidationIssue (also used by the CLI to check single CSV cells against the schema). */
export function fromValibot(issue: v.BaseIssue<unknown>): ValidationIssue {
  // A text given as an object that is wrong inside (`editorial: "yes"`): the object branch's own problem, at its
  // path, says more than "must be a string or { ja, en }".
  if (issue.type === 'union' && issue.input !== null && typeof issue.input === 'object' && !Array.isArray(issue.input)) {
    // (The branches' paths start at the union's input.)
    const inner = issue.issues?.find((i) => i.path?.length);
    if (inner) return fromValibot({ ...inner, path: [...(issue.path ?? []), ...inner.path!] } as v.BaseIssue<unknown>);
  }
  const path = (issue.path ?? []).map((p) => p.key as PathItem);
  const key = KNOWN_KEYS.has(issue.message) ? (issue.message as IssueKey) : 'object';
  if (issue.received === 'undefined' && issue.kind === 'schema') {
    const last = path[path.length - 1];
    return { path: formatPath(path), key: 'required', params: { expected: String(last ?? '') } };
  }
  const params: IssueParams = { received: describe(issue.input) };
  if (key === 'too-long' || key === 'too-many-nodes') params.limit = Number(issue.requirement);
  if (key === 'schema-version') params.other = SUPPORTED_SCHEMA_VERSIONS.join(', ');
  if (key === 'one-of') params.other = (issue.expected ?? '').replace(/["()]/g, '').split(' | ').join(', ');
  return { path: formatPath(path), key, params };
}

/**
 * The schema and the rules every bundle has, without the report shapes' rules (`validate-shapes.ts`); with the
 * schema's output, on which those rules run, whenever the schema passed.
 */
export function validateParts(input: unknown): { result: ValidationResult; bundle?: Bundle | undefined } {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { result: { ok: false, errors: [{ path: '', key: 'root', params: { received: describe(input) } }] } };
  }
  const version = (input as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && !(SUPPORTED_SCHEMA_VERSIONS as readonly unknown[]).includes(version)) {
    return { result: {
      ok: false,
      version: describe(version),
      errors: [
        {
          path: 'schemaVersion',
          key: 'schema-version',
          params: { received: describe(version), other: SUPPORTED_SCHEMA_VERSIONS.join(', ') },
        },
      ],
    } };
  }
  const parsed = v.safeParse(BundleSchema, input, { abortEarly: false });
  if (!parsed.success) {
    return { result: { ok: false, errors: parsed.issues.slice(0, MAX_ISSUES).map(fromValibot) } };
  }
  const errors = checkRules(parsed.output);
  return { result: errors.length ? { ok: false, errors: errors.slice(0, MAX_ISSUES) } : { ok: true, bundle: parsed.output }, bundle: parsed.output };
}

/** The parts' result with the problems the shapes' rules found (`more`) added. */
export function withShapeIssues(parts: ReturnType<typeof validateParts>, more: readonly ValidationIssue[]): ValidationResult {
  const { result } = parts;
  if (!more.length) return result;
  return { ok: false, errors: [...(result.ok ? [] : result.errors), ...more].slice(0, MAX_ISSUES) };
}

/**
 * Whether a bundle that passed the schema needs the report shapes' rules (and, for indicators, their evaluation):
 * scales, grades, counts by grade, a comparison, indicators or revisions anywhere.
 */
export function hasShapeData(bundle: Bundle): boolean {
  const counted = (p: { byGrade?: unknown; comparedWith?: unknown } | undefined) => !!p && (p.byGrade !== undefined || p.comparedWith !== undefined);
  return bundle.plans.some(
    (p) =>
      p.scales !== undefined || p.revisions !== undefined || counted(p.progress) || !!p.history?.some(counted) ||
      p.nodes.some((n) => n.grades !== undefined || n.indicators !== undefined || counted(n.progress) || !!n.history?.some(counted)),
  );
}


const keyPath = (path: string, key: string) => `${path}${formatPath([key]).replace(/^(?!\[)/, '.')}`;

function checkProgress(p: ProgressData | HistoryPoint, path: string, statusIds: Set<string>, out: ValidationIssue[]) {
  const achieved = p.achieved ?? 0;
  if (achieved > p.total) out.push({ path: `${path}.achieved`, key: 'achieved-gt-total', params: { limit: p.total } });
  else if (p.unconfirmed !== undefined && p.unconfirmed > p.total - achieved) {
    out.push({ path: `${path}.unconfirmed`, key: 'unconfirmed-gt-open', params: { limit: p.total - achieved } });
  }
  if (p.byStatus) {
    for (const id of Object.keys(p.byStatus)) {
      if (!statusIds.has(id)) {
        out.push({ path: keyPath(`${path}.byStatus`, id), key: 'unknown-status', params: { id, other: [...statusIds].join(', ') } });
      }
    }
  }
}

function checkRules(bundle: Bundle): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const statusIds = new Set<string>();
  bundle.statuses?.forEach((s, i) => {
    if (statusIds.has(s.id)) out.push({ path: `statuses[${i}].id`, key: 'duplicate-id', params: { id: s.id, other: 'statuses' } });
    statusIds.add(s.id);
  });
  const planIds = new Map<string, number>();
  bundle.plans.forEach((plan, p) => {
    const at = `plans[${p}]`;
    const seenPlan = planIds.get(plan.id);
    if (seenPlan !== undefined) out.push({ path: `${at}.id`, key: 'duplicate-id', params: { id: plan.id, other: `plans[${seenPlan}].id` } });
    planIds.set(plan.id, p);
    if (plan.period.from > plan.period.to) out.push({ path: `${at}.period`, key: 'period-order', params: {} });
    if (plan.progress) checkProgress(plan.progress, `${at}.progress`, statusIds, out);
    plan.history?.forEach((h, i) => checkProgress(h, `${at}.history[${i}]`, statusIds, out));

    // Ids: unique within the plan, and distinct from the plan id (which names the plan's root).
    const index = new Map<string, number>();
    plan.nodes.forEach((node, n) => {
      const here = `${at}.nodes[${n}]`;
      const seen = index.get(node.id);
      if (seen !== undefined || node.id === plan.id) {
        out.push({ path: `${here}.id`, key: 'duplicate-id', params: { id: node.id, other: seen !== undefined ? `${at}.nodes[${seen}].id` : `${at}.id` } });
      } else index.set(node.id, n);
      if (node.status !== undefined && !statusIds.has(node.status)) {
        out.push({ path: `${here}.status`, key: 'unknown-status', params: { id: node.status, other: [...statusIds].join(', ') } });
      }
      if (node.progress) checkProgress(node.progress, `${here}.progress`, statusIds, out);
      node.history?.forEach((h, i) => checkProgress(h, `${here}.history[${i}]`, statusIds, out));
    });

    // Parents: known, acyclic, not too deep. Iterative so that deep chains cannot overflow the stack.
    const depth = new Int32Array(plan.nodes.length); // 0 unknown, -1 on the current walk, n ≥ 1 depth
    plan.nodes.forEach((node, n) => {
      if (node.parent !== undefined && node.parent !== plan.id && !index.has(node.parent)) {
        out.push({ path: `${at}.nodes[${n}].parent`, key: 'unknown-parent', params: { id: node.parent } });
      }
    });
    for (let start = 0; start < plan.nodes.length; start++) {
      if (depth[start] !== 0) continue;
      const walk: number[] = [];
      let cur: number | undefined = start;
      let base = 0;
      while (cur !== undefined) {
        const d = depth[cur]!;
        if (d > 0) { base = d; break; }
        if (d === -1) {
          const ids = walk.slice(walk.indexOf(cur)).map((i) => plan.nodes[i]!.id);
          out.push({ path: `${at}.nodes[${cur}].parent`, key: 'cycle', params: { id: plan.nodes[cur]!.id, other: [...ids, ids[0]].join(' → ') } });
          base = LIMITS.depth + 1; // mark the whole walk as resolved without further reports
          break;
        }
        depth[cur] = -1;
        walk.push(cur);
        const parent: string | undefined = plan.nodes[cur]!.parent;
        cur = parent === undefined || parent === plan.id ? undefined : index.get(parent);
      }
      let tooDeepReported = false;
      for (let i = walk.length - 1; i >= 0; i--) {
        const d = base + (walk.length - i);
        depth[walk[i]!] = d;
        if (d > LIMITS.depth && base <= LIMITS.depth && !tooDeepReported) {
          out.push({ path: `${at}.nodes[${walk[i]}].parent`, key: 'too-deep', params: { limit: LIMITS.depth } });
          tooDeepReported = true;
        }
      }
      if (out.length > MAX_ISSUES) return out;
    }
  });
  return out;
}
