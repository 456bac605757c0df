/**
 * How the diff compares the bundle's fields, one shape per object of the format: a text, a value compared whole,
 * an object field by field, a list entry by entry (paired by a key), or a field reported by other changes (items,
 * figures, grades, counts). Each shape names every field of its type (`satisfies` fails on a field it lacks), and
 * `i18n/diff-words.ts` and `diff-plan-words.ts` word each shape (their types fail on a field without words): a
 * field added to the schema is a type error until the diff can say how it changed.
 */
import type { Bundle, IndicatorData, NodeData, PlanData, ProgressData, ScaleData, Text } from './bundle.js';
import { sameText } from './format.js';
import { sameValue } from './same.js';

/** The labels ids are shown by on one side of the diff (a plan's kinds, its scales, a scale's grades). */
export type Labels = Readonly<Record<string, Text>>;

/** Where a value is on one side: its plan (null for the bundle's own fields) and the objects around it, outermost first. */
export interface Side {
  readonly plan: PlanData | null;
  readonly within: readonly object[];
}
/** The object whose field the value is (`{}` on the side that lacks it). */
const parent = (side: Side) => side.within[side.within.length - 1];

export type Elem<T> = T extends readonly (infer E)[] ? E : never;

export type Shape<T> =
  /** Reported by other changes, or the key of its list. */
  | 'skip'
  /** A text (string or `{ ja, en, editorial }`), compared and shown as text. */
  | 'text'
  /** Compared whole and shown by its wording. */
  | 'value'
  /** Compared whole, its absence read as `default` (a flag not set is false; a tone not given, neutral). */
  | { readonly default: T }
  /**
   * Compared whole; the ids in it are shown by the labels `labels` finds on each side. It changes where both its
   * ids and what they show change (a kind renamed throughout changes nothing on the site; a kind's label has its line).
   */
  | { readonly labels: (side: Side) => Labels }
  /** Compared field by field. */
  | { readonly fields: { readonly [K in keyof T]-?: Shape<NonNullable<T[K]>> } }
  /**
   * Entries paired by `key` (made unique by occurrence), each compared by `entry`. `show`: the entry as the site
   * shows it, where it names something else (a revision's item by its node).
   */
  | { readonly key: (e: Elem<T>, index: number) => string; readonly entry: Shape<Elem<T>>; readonly show?: (e: Elem<T>, side: Side) => Elem<T> }
  /** A record's entries, paired by their key. */
  | { readonly record: Shape<T[keyof T]> };

/**
 * One step of a field's path: the field, and where the field is a list or record, the entry the path goes into
 * (its key and the entry), or at the end, the key of the entry added or removed.
 */
export interface FieldStep {
  field: string;
  key?: string;
  /** The entry (as the new bundle has it, else the old), for naming it. */
  entry?: unknown;
}

export interface FieldDiff {
  path: FieldStep[];
  /** `added` / `removed`: an entry of the list the path ends at (`after` / `before`). */
  change: 'changed' | 'added' | 'removed';
  before: unknown;
  after: unknown;
  labels?: { before: Labels; after: Labels } | undefined;
}

const textKey = (t: Text | undefined) => (t === undefined ? '' : typeof t === 'string' ? t : t.ja);
const NOTES = { key: (t: Text) => textKey(t), entry: 'text' } as const satisfies Shape<Text[]>;

const labelsOf = (list: ReadonlyArray<{ id: string; label: Text }> | undefined): Labels => Object.fromEntries((list ?? []).map((x) => [x.id, x.label]));

/** The scale an indicator's grade is on, as `scales.ts` finds it: its own, else the first with a rule, else the first. */
function indicatorScale(side: Side): ScaleData | undefined {
  const scales = side.plan?.scales ?? [];
  const id = (parent(side) as IndicatorData | undefined)?.scale;
  return id !== undefined ? scales.find((s) => s.id === id) : (scales.find((s) => s.rule) ?? scales[0]);
}

const NO = { default: false } as const;
const NEUTRAL = { default: 'neutral' } as const;

const PROGRESS = {
  fields: { total: 'skip', achieved: 'skip', unconfirmed: 'skip', byStatus: 'skip', byGrade: 'skip', asOf: 'value', fiscalYear: 'value', comparedWith: 'value' },
} as const satisfies Shape<ProgressData>;

export const BUNDLE_SHAPE = {
  fields: {
    $schema: 'skip',
    schemaVersion: 'skip',
    publisher: { fields: { name: 'text', department: 'text', url: 'value' } },
    statuses: {
      key: (s) => s.id,
      entry: { fields: { id: 'skip', label: 'text', achieved: 'value', unconfirmed: NO, tone: NEUTRAL } },
    },
    plans: 'skip',
  },
} as const satisfies Shape<Bundle>;

const GRADES = {
  key: (g) => g.id,
  entry: { fields: { id: 'skip', label: 'text', definition: 'text', achieved: NO, unconfirmed: NO, tone: NEUTRAL } },
} as const satisfies Shape<ScaleData['grades']>;

const ITEM_REF = (side: Side, ref: { node?: string | undefined; number?: string | undefined; title?: Text | undefined }) => {
  const node = ref.node === undefined ? undefined : side.plan?.nodes.find((n) => n.id === ref.node);
  return { ...ref, number: ref.number ?? node?.number, title: ref.title ?? node?.title };
};

export const PLAN_SHAPE = {
  fields: {
    id: 'skip',
    title: 'text',
    subtitle: 'text',
    summary: 'text',
    principle: 'text',
    principleSummary: 'text',
    purpose: 'text',
    period: 'value',
    periodNote: 'text',
    revisionPolicy: 'text',
    promotion: { fields: { summary: 'text', bodies: { key: (b) => textKey(b.title), entry: { fields: { title: 'text', summary: 'text' } } } } },
    kinds: { record: { fields: { label: 'text', numberWithLabel: NO } } },
    adopted: 'value',
    asOf: 'value',
    editor: 'text',
    source: 'value',
    related: { key: (r) => textKey(r.title), entry: { fields: { title: 'text', relation: 'text', summary: 'text', date: 'value', url: 'value' } } },
    scales: {
      key: (s) => s.id,
      entry: {
        fields: {
          id: 'skip',
          label: 'text',
          grades: GRADES,
          rateLabel: 'text',
          rule: { labels: (side) => labelsOf((parent(side) as ScaleData | undefined)?.grades) },
          notes: NOTES,
        },
      },
    },
    revisions: {
      key: (r) => r.date,
      show: (r, side) => (r.added ? { ...r, added: r.added.map((a) => ITEM_REF(side, a)) } : r),
      entry: {
        fields: {
          date: 'skip',
          title: 'text',
          summary: 'text',
          period: 'value',
          added: {
            key: (a) => a.node ?? a.number ?? textKey(a.title),
            entry: { fields: { node: 'skip', number: 'value', title: 'text', reason: 'text' } },
            show: (a, side) => ITEM_REF(side, a),
          },
          removed: { key: (r) => r.number ?? textKey(r.title), entry: { fields: { number: 'value', title: 'text', reason: 'text' } } },
          notes: NOTES,
        },
      },
    },
    progress: PROGRESS,
    history: 'skip',
    notes: NOTES,
    nodes: 'skip',
  },
} as const satisfies Shape<PlanData>;

export const NODE_SHAPE = {
  fields: {
    id: 'skip',
    parent: 'skip',
    kind: { labels: (side) => Object.fromEntries(Object.entries(side.plan?.kinds ?? {}).map(([id, k]) => [id, k.label])) },
    title: 'text',
    summary: 'text',
    number: 'value',
    page: 'value',
    fiscalYear: 'value',
    reported: 'value',
    summaryKind: 'value',
    results: { key: (r) => textKey(r.label), entry: 'value' },
    alignedWith: { key: (a) => `${textKey(a.plan)}\n${textKey(a.title)}`, entry: 'value' },
    status: 'skip',
    grades: 'skip',
    numericTarget: 'value',
    // By position, as their values are (`diff.ts`).
    indicators: {
      key: (_, i) => String(i),
      entry: {
        fields: {
          label: 'text',
          unit: 'text',
          baseline: 'skip',
          target: 'skip',
          actuals: 'skip',
          direction: 'value',
          scale: { labels: (side) => labelsOf(side.plan?.scales) },
          grade: { labels: (side) => labelsOf(indicatorScale(side)?.grades) },
          notes: NOTES,
        },
      },
    },
    progress: PROGRESS,
    history: 'skip',
    notes: NOTES,
    link: 'value',
  },
} as const satisfies Shape<NodeData>;

/** A value with its ids replaced by their labels: what it shows. */
const shown = (v: unknown, labels: Labels) => JSON.stringify(v, (_, x: unknown) => (typeof x === 'string' && Object.hasOwn(labels, x) ? labels[x] : x));

/** Keys made unique by occurrence: two notes of the same text are two entries. */
function keyed<E>(list: readonly E[] | undefined, key: (e: E, i: number) => string): Map<string, E> {
  const out = new Map<string, E>();
  (list ?? []).forEach((e, i) => {
    const k = key(e, i);
    let n = 0;
    while (out.has(n ? `${k}#${n}` : k)) n++;
    out.set(n ? `${k}#${n}` : k, e);
  });
  return out;
}

/** Any shape, as the walk reads it (methods: their parameters are checked bivariantly, so every `Shape<T>` is one). */
type AnyShape =
  | 'skip'
  | 'text'
  | 'value'
  | { readonly default: unknown }
  | { readonly labels: (side: Side) => Labels }
  | { readonly fields: Readonly<Record<string, AnyShape>> }
  | { key(e: unknown, index: number): string; readonly entry: AnyShape; show?(e: unknown, side: Side): unknown }
  | { readonly record: AnyShape };
type Sides = { before: Side; after: Side };
const inside = (s: Side, o: unknown): Side => ({ plan: s.plan, within: [...s.within, o && typeof o === 'object' ? o : {}] });

/** The changes from `a` to `b` by `shape`, each with its path below `path`. */
export function diffFields(a: unknown, b: unknown, shape: AnyShape, sides: Sides, emit: (d: FieldDiff) => void, path: FieldStep[] = []): void {
  if (shape === 'skip' || sameValue(a, b) || (shape === 'text' && sameText(a, b))) return;
  if (shape === 'text' || shape === 'value') {
    emit({ path, change: 'changed', before: a ?? null, after: b ?? null });
    return;
  }
  if ('default' in shape) {
    if (!sameValue(a ?? shape.default, b ?? shape.default)) emit({ path, change: 'changed', before: a ?? shape.default, after: b ?? shape.default });
    return;
  }
  if ('labels' in shape) {
    const labels = { before: shape.labels(sides.before), after: shape.labels(sides.after) };
    if (!sameValue(shown(a, labels.before), shown(b, labels.after))) emit({ path, change: 'changed', before: a ?? null, after: b ?? null, labels });
    return;
  }
  const [oa, ob] = [a as Record<string, unknown> | undefined, b as Record<string, unknown> | undefined];
  if ('fields' in shape) {
    const within = { before: inside(sides.before, a), after: inside(sides.after, b) };
    for (const [field, s] of Object.entries(shape.fields as Record<string, AnyShape>)) diffFields(oa?.[field], ob?.[field], s, within, emit, [...path, { field }]);
    return;
  }
  const [entry, ma, mb] =
    'record' in shape
      ? [shape.record, new Map(Object.entries(oa ?? {})), new Map(Object.entries(ob ?? {}))]
      : [shape.entry, keyed(a as unknown[] | undefined, shape.key), keyed(b as unknown[] | undefined, shape.key)];
  const show = (e: unknown, side: Side) => ('show' in shape && shape.show ? shape.show(e, side) : e);
  const last = path[path.length - 1]!;
  for (const key of [...new Set([...mb.keys(), ...ma.keys()])]) {
    const [x, y] = [ma.get(key), mb.get(key)];
    if (x === undefined || y === undefined) {
      const added = x === undefined;
      emit({ path: [...path.slice(0, -1), { ...last, key }], change: added ? 'added' : 'removed', before: added ? null : show(x, sides.before), after: added ? show(y, sides.after) : null });
    } else {
      diffFields(x, y, entry, sides, emit, [...path.slice(0, -1), { ...last, key, entry: show(y, sides.after) }]);
    }
  }
}
