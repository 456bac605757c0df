/**
 * An indicator graded by its scale's rule (評価基準): the latest actual against the baseline and the target.
 *
 * Exact: every value is read as the decimal it was written as (JSON's `0.1` is 1/10, not the nearest binary
 * fraction) and compared in integer arithmetic, so that 「基準値の±10%以内」 includes 10% exactly, as a reader
 * checking the table by hand would.
 */
import type { IndicatorData, RuleData, RuleStep } from './bundle.js';

export type Measure = NonNullable<RuleStep['measure']>;

export interface Evaluation {
  /** The grade the rule gives; undefined when it cannot give one and has no `missing` grade. */
  grade: string | undefined;
  /** The step that applied (its index in `rule.steps`), or null when the values did not allow a grade. */
  step: number | null;
  /** The actual the grade is for (the latest year). */
  actual: { value: number; fiscalYear: number } | undefined;
  /**
   * The measure of the step that applied, in tenths of a percent, rounded half away from zero (四捨五入); for a
   * step without a measure (the last grade), the measure the step before it tested.
   */
  measure: { kind: Measure; tenths: number } | undefined;
  /** The indicator's direction: where lower is better, a `change` measure is the actual change with its sign turned. */
  direction: 'increase' | 'decrease';
  /** What kept the rule from grading: no actual, no baseline or target, or a measure that divides by zero. */
  missing: 'actual' | 'baseline' | 'target' | 'zero' | undefined;
}

/** A rational number n/d with d > 0. */
type Q = readonly [bigint, bigint];

/** The decimal a number was written as (JS prints the shortest string that reads back to it). */
export function decimal(x: number): Q {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(x));
  if (!m) throw new RangeError(`not a finite number: ${x}`);
  const [, sign, int, frac = '', exp = '0'] = m;
  let n = BigInt(`${sign}${int}${frac}`);
  let d = 10n ** BigInt(frac.length);
  const e = Number(exp);
  if (e > 0) n *= 10n ** BigInt(e);
  else if (e < 0) d *= 10n ** BigInt(-e);
  return [n, d];
}

const sub = (a: Q, b: Q): Q => [a[0] * b[1] - b[0] * a[1], a[1] * b[1]];
/** a / b × 100, or null when b is 0. */
function percent(a: Q, b: Q): Q | null {
  if (b[0] === 0n) return null;
  const n = a[0] * b[1] * 100n;
  const d = a[1] * b[0];
  return d < 0n ? [-n, -d] : [n, d];
}
const abs = (a: Q): Q => [a[0] < 0n ? -a[0] : a[0], a[1]];
const neg = (a: Q): Q => [-a[0], a[1]];
/** Sign of a − b. */
const cmp = (a: Q, b: Q): number => {
  const x = a[0] * b[1] - b[0] * a[1];
  return x > 0n ? 1 : x < 0n ? -1 : 0;
};

/** q in tenths, rounded half away from zero. */
function tenths(q: Q): number {
  const [n, d] = q;
  const m = n < 0n ? -n : n;
  const t = (20n * m + d) / (2n * d);
  return Number(n < 0n ? -t : t);
}

/** Higher is better unless the data says lower, or the target lies below the baseline. */
export function direction(ind: IndicatorData): 'increase' | 'decrease' {
  if (ind.direction) return ind.direction;
  return ind.target && ind.baseline && ind.target.value < ind.baseline.value ? 'decrease' : 'increase';
}

/** The latest actual by fiscal year. */
export function latestActual(ind: IndicatorData): { value: number; fiscalYear: number } | undefined {
  let latest: { value: number; fiscalYear: number } | undefined;
  for (const a of ind.actuals ?? []) if (!latest || a.fiscalYear > latest.fiscalYear) latest = a;
  return latest;
}

type Computed = { value: Q } | { missing: NonNullable<Evaluation['missing']> };

/** One measure of an indicator, in percent, exactly. */
export function measureOf(ind: IndicatorData, kind: Measure, actualValue: number): Computed {
  const a = decimal(actualValue);
  const down = direction(ind) === 'decrease';
  const t = ind.target && decimal(ind.target.value);
  const b = ind.baseline && decimal(ind.baseline.value);
  let value: Q | null;
  if (kind === 'attainment') {
    if (!t) return { missing: 'target' };
    value = down ? percent(t, a) : percent(a, t);
  } else if (kind === 'progress') {
    if (!b) return { missing: 'baseline' };
    if (!t) return { missing: 'target' };
    value = percent(sub(a, b), sub(t, b));
  } else {
    if (!b) return { missing: 'baseline' };
    value = percent(sub(a, b), abs(b));
    if (value && down) value = neg(value);
  }
  return value ? { value } : { missing: 'zero' };
}

function holds(step: RuleStep, q: Q): boolean {
  const at = (x: number | undefined, ok: (c: number) => boolean) => x === undefined || ok(cmp(q, decimal(x)));
  return at(step.atLeast, (c) => c >= 0) && at(step.above, (c) => c > 0) && at(step.atMost, (c) => c <= 0) && at(step.below, (c) => c < 0);
}

/** The grade `rule` gives `ind`, and how. */
export function evaluate(ind: IndicatorData, rule: RuleData): Evaluation {
  const actual = latestActual(ind);
  const of = { actual, direction: direction(ind) };
  const none = (missing: Evaluation['missing']): Evaluation => ({ ...of, grade: rule.missing, step: null, measure: undefined, missing });
  if (!actual) return none('actual');
  let measure: Evaluation['measure'];
  for (let i = 0; i < rule.steps.length; i++) {
    const step = rule.steps[i]!;
    if (!step.measure) return { ...of, grade: step.grade, step: i, measure, missing: undefined };
    const m = measureOf(ind, step.measure, actual.value);
    if ('missing' in m) return none(m.missing);
    measure = { kind: step.measure, tenths: tenths(m.value) };
    if (holds(step, m.value)) return { ...of, grade: step.grade, step: i, measure, missing: undefined };
  }
  return { ...of, grade: undefined, step: null, measure, missing: undefined };
}
