/**
 * The part of valibot that `bundle.ts` uses, for the page builds only (`vite.config.ts` aliases `valibot` to this
 * file there): the same schema source and the same verdicts in a fraction of the bytes. Behaviour follows valibot
 * 1.x (its `object`, `record`, `array`, `union`, `optional`, `pipe`, `_addIssue`) for everything `validate.ts`
 * reads of a result: success, output, and of each issue its kind, type, input, message, requirement, path keys,
 * a union's sub-issues, a picklist's `expected` and whether `received` is "undefined". A differential test
 * (test/node/valibot-lite.test.ts) runs both over the seeds, thousands of their mutations and arbitrary values,
 * so the two cannot drift. The command line, the npm build and the JSON Schema use valibot itself.
 *
 * Not here: async, transformations, defaults, `abortEarly` (the validator never sets it), message functions.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */

interface Issue {
  kind: string;
  type: string;
  input: unknown;
  expected: string | undefined;
  received: string;
  message: string | undefined;
  requirement: unknown;
  path?: Array<{ key: unknown }> | undefined;
  issues?: Issue[] | undefined;
}
interface Dataset {
  value: any;
  typed?: boolean;
  issues?: Issue[];
}
interface Node {
  kind: 'schema' | 'validation';
  type: string;
  message?: string | undefined;
  requirement?: unknown;
  expects?: string;
  [key: string]: any;
  '~run'(d: Dataset): Dataset;
}

/** An issue of `ctx` about the dataset's value (or `input`), as valibot's `_addIssue` makes it. */
function add(ctx: Node, d: Dataset, other?: { input?: unknown; path?: Issue['path']; issues?: Issue[] }) {
  const input = other && 'input' in other ? other.input : d.value;
  (d.issues ??= []).push({
    kind: ctx.kind,
    type: ctx.type,
    input,
    expected: ctx.expects,
    // valibot prints what it received; only "undefined" (a missing value) matters to the validator.
    received: input === undefined ? 'undefined' : '',
    message: ctx.message,
    requirement: ctx.requirement,
    path: other?.path,
    issues: other?.issues,
  });
  if (ctx.kind === 'schema') d.typed = false;
}

/** A schema that accepts the values `ok` accepts. */
const leaf = (type: string, ok: (v: any) => boolean, message?: string, extra?: object): Node => ({
  kind: 'schema',
  type,
  message,
  ...extra,
  '~run'(d) {
    if (ok(d.value)) d.typed = true;
    else add(this, d);
    return d;
  },
});

export const string = (message?: string) => leaf('string', (v) => typeof v === 'string', message);
export const number = (message?: string) => leaf('number', (v) => typeof v === 'number' && !isNaN(v), message);
export const boolean = (message?: string) => leaf('boolean', (v) => typeof v === 'boolean', message);
export const literal = (value: unknown, message?: string) => leaf('literal', (v) => v === value || (Number.isNaN(v) && Number.isNaN(value)), message);
export const picklist = (options: readonly string[], message?: string) =>
  leaf('picklist', (v) => options.includes(v), message, { expects: options.length > 1 ? `(${options.map((o) => `"${o}"`).join(' | ')})` : `"${options[0]}"` });

/** Runs `schema` on `value` and moves its issues under `key` of the parent dataset. */
function child(parent: Dataset, schema: Node, value: unknown, key: unknown): Dataset {
  const d = schema['~run']({ value });
  if (d.issues) {
    for (const issue of d.issues) (issue.path ??= []).unshift({ key });
    (parent.issues ??= []).push(...d.issues);
  }
  if (!d.typed) parent.typed = false;
  return d;
}

/** A schema over objects (`object`, `record`): `entries` fills the output from the input. */
const container = (type: string, ok: (v: any) => boolean, entries: (this: Node, d: Dataset, input: any) => void, message?: string, extra?: object): Node => ({
  kind: 'schema',
  type,
  message,
  ...extra,
  '~run'(d) {
    const input = d.value;
    if (!ok(input)) return add(this, d), d;
    d.typed = true;
    entries.call(this, d, input);
    return d;
  },
});
const isObject = (v: unknown) => !!v && typeof v === 'object';

export const object = (entries: Record<string, Node>, message?: string) =>
  container(
    'object',
    isObject,
    function (d, input) {
      d.value = {};
      for (const key in entries) {
        const schema = entries[key]!;
        if (key in input) d.value[key] = child(d, schema, input[key], key).value;
        else if (schema.type !== 'optional') add(this, d, { input: undefined, path: [{ key }] });
      }
    },
    message,
    { entries },
  );

export const record = (key: Node, value: Node, message?: string) =>
  container(
    'record',
    isObject,
    (d, input) => {
      d.value = {};
      for (const k in input) {
        if (!Object.prototype.hasOwnProperty.call(input, k) || k === '__proto__' || k === 'prototype' || k === 'constructor') continue;
        const kd = key['~run']({ value: k });
        if (kd.issues) {
          for (const issue of kd.issues) issue.path = [{ key: k }];
          (d.issues ??= []).push(...kd.issues);
        }
        const vd = child(d, value, input[k], k);
        if (kd.typed) d.value[k] = vd.value;
        else d.typed = false;
      }
    },
    message,
  );

export const array = (item: Node, message?: string) =>
  container(
    'array',
    Array.isArray,
    (d, input) => {
      d.value = [];
      // Holes of a sparse array are items too (`map` would skip them).
      for (let i = 0; i < input.length; i++) d.value.push(child(d, item, input[i], i).value);
    },
    message,
  );

export const union = (options: Node[], message?: string): Node => ({
  kind: 'schema',
  type: 'union',
  message,
  '~run'(d) {
    let typed: Dataset[] | undefined;
    let untyped: Dataset[] | undefined;
    for (const o of options) {
      const r = o['~run']({ value: d.value });
      if (r.typed && !r.issues) return r;
      if (r.typed) (typed ??= []).push(r);
      else (untyped ??= []).push(r);
    }
    const some = typed ?? untyped!;
    if (some.length === 1) return some[0]!;
    add(this, d, { issues: some.flatMap((r) => r.issues!) });
    if (typed) d.typed = true;
    return d;
  },
});

export const optional = (wrapped: Node, _default?: undefined): Node => ({
  kind: 'schema',
  type: 'optional',
  '~run'(d) {
    if (d.value === undefined) return (d.typed = true), d;
    return wrapped['~run'](d);
  },
});

export const pipe = (first: Node, ...actions: Node[]): Node => ({
  ...first,
  '~run'(d) {
    d = first['~run'](d);
    // Validations run after a problem too (valibot without abortEarly); they skip values of the wrong type.
    for (const a of actions) d = a['~run'](d);
    return d;
  },
});

/** A validation: `fails(value)` says whether a typed value breaks it. */
const rule = (type: string, requirement: unknown, fails: (v: any) => boolean, message?: string): Node => ({
  kind: 'validation',
  type,
  requirement,
  message,
  '~run'(d) {
    if (d.typed && fails(d.value)) add(this, d);
    return d;
  },
});

export const minLength = (n: number, message?: string) => rule('min_length', n, (v) => v.length < n, message);
export const maxLength = (n: number, message?: string) => rule('max_length', n, (v) => v.length > n, message);
export const regex = (re: RegExp, message?: string) => rule('regex', re, (v) => !re.test(v), message);
export const check = (ok: (v: any) => boolean, message?: string) => rule('check', ok, (v) => !ok(v), message);
export const integer = (message?: string) => rule('integer', Number.isInteger, (v) => !Number.isInteger(v), message);
export const finite = (message?: string) => rule('finite', Number.isFinite, (v) => !Number.isFinite(v), message);
export const minValue = (n: number, message?: string) => rule('min_value', n, (v) => !(v >= n), message);
export const maxValue = (n: number, message?: string) => rule('max_value', n, (v) => !(v <= n), message);

export function safeParse(schema: Node, input: unknown, _config?: unknown) {
  const d = schema['~run']({ value: input });
  return { typed: d.typed, success: !d.issues, output: d.value, issues: d.issues };
}
