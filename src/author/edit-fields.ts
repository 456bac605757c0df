/**
 * What the authoring page lets staff change in place: a list of fields, each with the input it needs, how it
 * shows the current value and how it writes a new one. The edit panel is built from these lists only, so a new
 * field is one entry here (a grade: one per scale of the plan). Values are read with the CSV readers (`csv-columns.ts`) and
 * checked against the bundle schema's own entries, so an edit is held to the same rules as a spreadsheet cell.
 */
import * as v from 'valibot';
import { PlanSchema, ProgressSchema, type NodeData, type PlanData, type ScaleData, type StatusData, type Text } from '../data/bundle.js';
import { text } from '../data/format.js';
import { describe, fromValibot } from '../data/validate.js';
import { readNumber } from '../cli/csv-columns.js';
import type { CliIssue } from '../cli/messages.js';

export interface EditContext {
  /** The bundle's status vocabulary (a new bundle's default one). */
  statuses: readonly StatusData[];
  /** The scales of the plan being edited (none for a new plan). */
  scales: readonly ScaleData[];
}

export type FieldInput = 'count' | 'choice' | 'lines' | 'date';
export type Applied<T> = { ok: true; value: T } | { ok: false; issue: Pick<CliIssue, 'key' | 'params'> };

export interface EditField<T> {
  /** Key of its label and hint in `i18n/author.ts` (`edit.fields`, `edit.hints`). */
  id: string;
  /** Its name where the bundle gives it (a scale's), instead of `edit.fields`. */
  name?: Text;
  /** The CSV column or bundle field it writes: messages about it name it so. */
  column: string;
  input: FieldInput;
  /** The current value as the input shows it. */
  value(target: T): string;
  /** `target` with the typed value written; an empty input removes the value. */
  apply(target: T, raw: string, ctx: EditContext): Applied<T>;
  /** For `choice`: the values offered (an empty value means none). */
  choices?(ctx: EditContext): Array<{ value: string; label: Text; definition?: Text | undefined }>;
}

const schemaProblem = (schema: v.GenericSchema, value: unknown) => {
  const r = v.safeParse(schema, value);
  return r.success ? undefined : fromValibot(r.issues[0]!);
};

type CountKey = 'total' | 'achieved' | 'unconfirmed';

/** A count of `progress`; the validator then checks the counts together (achieved ≤ total…). */
function count(key: CountKey): EditField<NodeData> {
  return {
    id: key,
    column: key,
    input: 'count',
    value: (node) => (node.progress?.[key] === undefined ? '' : String(node.progress[key])),
    apply(node, raw) {
      const n = readNumber(raw);
      if (n === null) return { ok: false, issue: { key: 'not-number', params: { received: describe(raw.trim()) } } };
      const problem = n === undefined ? undefined : schemaProblem(ProgressSchema.entries[key], n);
      if (problem) return { ok: false, issue: problem };
      const progress: Partial<NonNullable<NodeData['progress']>> = { ...node.progress };
      if (n === undefined) delete progress[key];
      else progress[key] = n;
      const empty = progress.total === undefined && progress.achieved === undefined && progress.unconfirmed === undefined;
      const out = { ...node, progress: progress as NodeData['progress'] };
      if (empty) delete out.progress;
      return { ok: true, value: out };
    },
  };
}

/**
 * `target` with `key` set: in place when it is there, else before the first key present that comes after it in
 * `order`, so that the written JSON changes by one line.
 */
function withKey<T extends object>(target: T, key: string, value: unknown, order: readonly string[]): T {
  const entries: Array<[string, unknown]> = Object.entries(target).filter(([k]) => k !== key);
  if (value !== undefined) {
    const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : Infinity);
    const at = key in target ? Object.keys(target).indexOf(key) : entries.findIndex(([k]) => rank(k) > rank(key));
    entries.splice(at < 0 ? entries.length : at, 0, [key, value]);
  }
  return Object.fromEntries(entries) as T;
}

/** The item's grade on `scale` (the CSV's `grade:<scale>` column); none removes it, and `grades` once empty. */
function grade(scale: ScaleData): EditField<NodeData> {
  const column = `grade:${scale.id}`;
  return {
    id: column,
    name: scale.label,
    column,
    input: 'choice',
    value: (node) => node.grades?.[scale.id] ?? '',
    choices: () => scale.grades.map((g) => ({ value: g.id, label: g.label, definition: g.definition })),
    apply(node, raw, ctx) {
      const id = raw.trim();
      if (id && !scale.grades.some((g) => g.id === id)) {
        return { ok: false, issue: { key: 'unknown-grade', params: { id, other: scale.grades.map((g) => g.id).join(', ') } } };
      }
      const grades = withKey(node.grades ?? {}, scale.id, id || undefined, ctx.scales.map((s) => s.id));
      const out: NodeData = { ...node, grades };
      if (!Object.keys(grades).length) delete out.grades;
      return { ok: true, value: out };
    },
  };
}

const COUNTS = [count('total'), count('achieved'), count('unconfirmed')];

const STATUS: EditField<NodeData> = {
  id: 'status',
  column: 'status',
  input: 'choice',
  value: (node) => node.status ?? '',
  choices: (ctx) => ctx.statuses.map((s) => ({ value: s.id, label: s.label })),
  apply(node, raw, ctx) {
    const id = raw.trim();
    if (id && !ctx.statuses.some((s) => s.id === id)) {
      return { ok: false, issue: { key: 'unknown-status', params: { id, other: ctx.statuses.map((s) => s.id).join(', ') } } };
    }
    const out = { ...node, status: id || undefined };
    if (!id) delete out.status;
    return { ok: true, value: out };
  },
};

const NOTE: EditField<NodeData> = {
  id: 'note',
  column: 'note_ja',
  input: 'lines',
  // One note per line, as the CSV's note_ja column holds them.
  value: (node) => (node.notes ?? []).map((n) => text(n, 'ja')).join('\n'),
  apply(node, raw) {
    const lines = raw.split('\n').map((l) => l.trim()).filter(Boolean);
    // A line left as it was keeps its note whole (English, editorial mark); a changed line is a new note.
    const notes = lines.map((line, i) => {
      const old = node.notes?.[i];
      return old !== undefined && text(old, 'ja') === line ? old : line;
    });
    const out = { ...node, notes: notes.length ? notes : undefined };
    if (!notes.length) delete out.notes;
    return { ok: true, value: out };
  },
};

/** An item's fields, in the order the panel shows them: counts, status, a grade per scale of the plan, notes. */
export function itemFields(ctx: Pick<EditContext, 'scales'>): ReadonlyArray<EditField<NodeData>> {
  return [...COUNTS, STATUS, ...ctx.scales.map(grade), NOTE];
}

const PLAN_KEYS = Object.keys(PlanSchema.entries);

/** Plan fields. */
export const PLAN_FIELDS: ReadonlyArray<EditField<PlanData>> = [
  {
    id: 'asOf',
    column: 'asOf',
    input: 'date',
    value: (plan) => plan.asOf ?? '',
    apply(plan, raw) {
      const s = raw.normalize('NFKC').trim();
      const problem = s ? schemaProblem(PlanSchema.entries.asOf, s) : undefined;
      if (problem) return { ok: false, issue: { key: 'date', params: { received: describe(s) } } };
      return { ok: true, value: withKey(plan, 'asOf', s || undefined, PLAN_KEYS) };
    },
  },
];
