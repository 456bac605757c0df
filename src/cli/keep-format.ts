/**
 * The bundle to save, in the published file's own layout, so that a version-control diff shows only what changed
 * whoever wrote the file: the file's text is kept, and only the values that changed are replaced in it, members
 * removed and added with the file's own separators (a line break and its indentation, or `, ` on one line). New
 * values are written on one line inside a value the file has on one line, else as `kdx import` writes them (one
 * member a line, the file's indentation). A key the file lacks goes where the bundle has it: before the next key
 * the file has. Array members are matched by `id` where they have one. Nothing changed, the file byte for byte.
 * Written by the author page's save and by `kdx import --into` (both: the bundle they were given, edited).
 */

import { sameValue } from '../data/same.js';

/** Where a value stands in the file. */
interface Span {
  start: number;
  end: number;
}
/** A member of an object or array in the file: its key (or place), where it starts (its key), its value. */
interface Member {
  key: string;
  start: number;
  value: Span;
}

/**
 * A JSON text that `JSON.parse` has read (so it is well formed), read again only where the writer looks: the
 * members of the objects and arrays on the way to what changed (a 10,000-item plan is skimmed, not taken apart).
 */
class Source {
  constructor(readonly text: string) {}

  private ws(i: number): number {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return i;
      i++;
    }
  }

  /** After the string that starts at `i`. */
  private string(i: number): number {
    const t = this.text;
    let j = i + 1;
    for (;;) {
      j = t.indexOf('"', j);
      let slashes = 0;
      while (t.charCodeAt(j - 1 - slashes) === 92) slashes++;
      if (slashes % 2 === 0) return j + 1;
      j++;
    }
  }

  /** Where each object and array ends, by where it starts: found in one pass, the first time one is needed. */
  private ends: Int32Array | undefined;

  private end(start: number): number {
    if (!this.ends) {
      const t = this.text;
      const ends = new Int32Array(t.length);
      const open: number[] = [];
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        if (c === 34) i = this.string(i) - 1;
        else if (c === 123 || c === 91) open.push(i);
        else if (c === 125 || c === 93) ends[open.pop()!] = i + 1;
      }
      this.ends = ends;
    }
    return this.ends[start]!;
  }

  /** After the value that starts at `i`. */
  skip(i: number): number {
    const t = this.text;
    const c = t.charCodeAt(i);
    if (c === 34) return this.string(i);
    if (c === 123 || c === 91) return this.end(i);
    while (i < t.length && !',]} \t\n\r'.includes(t[i]!)) i++;
    return i;
  }

  /** The value at the top, and what follows it. */
  root(): { span: Span; rest: number } {
    const start = this.ws(0);
    const end = this.text.trimEnd().length;
    return { span: { start, end }, rest: end };
  }

  /** Members read, by where their object or array starts (a file is saved into again at every edit). */
  private readonly read = new Map<number, Member[]>();

  /** The members of the object or array at `span` (none for any other value). */
  members(span: Span): Member[] {
    const t = this.text;
    const open = t[span.start];
    if (open !== '{' && open !== '[') return [];
    const known = this.read.get(span.start);
    if (known) return known;
    const out: Member[] = [];
    this.read.set(span.start, out);
    let i = this.ws(span.start + 1);
    while (i < span.end - 1) {
      const start = i;
      let key = String(out.length);
      if (open === '{') {
        i = this.string(i);
        const raw = t.slice(start, i);
        key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        i = this.ws(this.ws(i) + 1); // past the colon
      }
      const end = this.skip(i);
      out.push({ key, start, value: { start: i, end } });
      i = this.ws(end);
      if (t[i] === ',') i = this.ws(i + 1);
    }
    return out;
  }
}

type Json = { [key: string]: unknown };
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const defined = (o: Json) => Object.keys(o).filter((k) => o[k] !== undefined);

/** The order to write an object's keys in: the file's, with each new key before the next one the file has. */
function keyOrder(now: string[], file: ReadonlyMap<string, number>): string[] {
  const present = new Set(now);
  const out = [...file.keys()].filter((k) => present.has(k));
  now.forEach((k, i) => {
    if (file.has(k)) return;
    const next = now.slice(i + 1).find((n) => file.has(n));
    const at = next === undefined ? -1 : out.indexOf(next);
    out.splice(at < 0 ? out.length : at, 0, k);
  });
  return out;
}

const kind = (v: unknown) => (Array.isArray(v) ? 'array' : isObject(v) ? 'object' : 'scalar');
const idOf = (v: unknown) => (isObject(v) && typeof v.id === 'string' ? v.id : undefined);

class Writer {
  private readonly text: string;

  constructor(
    private readonly file: Source,
    /** One level of indentation, as the file has it. */
    private readonly unit: string,
  ) {
    this.text = file.text;
  }

  /**
   * `value` where the file held `was` (a different value: the caller compared them) at `span`, or where the file
   * has nothing (`span` undefined); `indent`: its line's.
   */
  write(value: unknown, was: unknown, span: Span | undefined, indent: string, inline: boolean): string {
    const members = span && kind(value) !== 'scalar' && kind(value) === kind(was) ? this.file.members(span) : [];
    if (members.length) return this.splice(value as Json | unknown[], was as Json | unknown[], span!, members, indent, inline);
    return this.fresh(value, indent, inline);
  }

  /** A value the file does not have: on one line, or as `JSON.stringify(value, null, unit)` at `indent`. */
  fresh(value: unknown, indent: string, inline: boolean): string {
    // JSON.stringify escapes every line break inside a string: each one it writes starts a line of its own.
    if (!inline) return JSON.stringify(value, null, this.unit).replaceAll('\n', `\n${indent}`);
    const wrap = (open: string, close: string, parts: string[]) => (!parts.length ? open + close : open === '{' ? `{ ${parts.join(', ')} }` : `[${parts.join(', ')}]`);
    if (Array.isArray(value)) return wrap('[', ']', value.map((v) => (v === undefined ? 'null' : this.fresh(v, indent, true))));
    if (isObject(value)) return wrap('{', '}', defined(value).map((k) => `${JSON.stringify(k)}: ${this.fresh(value[k], indent, true)}`));
    return JSON.stringify(value);
  }

  /** The file's object or array with the members that changed replaced, the removed taken out, the new put in. */
  private splice(value: Json | unknown[], was: Json | unknown[], span: Span, members: Member[], indent: string, inline: boolean): string {
    const text = this.text;
    const open = text.slice(span.start, members[0]!.start);
    // Members set on the line of the opening brace: a new value among them goes on one line too.
    const oneLine = inline || !open.includes('\n');
    const close = text.slice(members.at(-1)!.value.end, span.end);
    // What follows each member of the file up to the next; a new member is set off as the file's first one is.
    const gapAfter = (j: number) => (j >= 0 && members[j + 1] ? text.slice(members[j]!.value.end, members[j + 1]!.start) : undefined);
    const inner = /\n([ \t]*)$/.exec(open)?.[1] ?? indent + this.unit;
    const gap = gapAfter(0) ?? (oneLine ? ', ' : `,\n${inner}`);
    // Each member to write: which of the file's it is (by key, by id, else by place), and its text (none: the
    // file's member as it is, key and all).
    let parts: Array<{ from: number; text: string | undefined }>;
    if (Array.isArray(value)) {
      const old = was as unknown[];
      const byId = new Map<string, number>();
      old.forEach((v, j) => {
        const id = idOf(v);
        if (id !== undefined) byId.set(id, j);
      });
      parts = value.map((v, i) => {
        const id = idOf(v);
        const j = id !== undefined ? (byId.get(id) ?? -1) : i < members.length ? i : -1;
        const m = members[j];
        if (v === undefined) return { from: j, text: 'null' };
        if (m && sameValue(v, old[j])) return { from: j, text: undefined };
        return { from: j, text: this.write(v, m ? old[j] : undefined, m?.value, inner, oneLine) };
      });
    } else {
      const old = was as Json;
      const index = new Map(members.map((m, j) => [m.key, j] as const));
      parts = keyOrder(defined(value), index).map((k) => {
        const j = index.get(k) ?? -1;
        const m = members[j];
        if (m && sameValue(value[k], old[k])) return { from: j, text: undefined };
        const head = m ? text.slice(m.start, m.value.start) : `${JSON.stringify(k)}: `;
        return { from: j, text: head + this.write(value[k], old[k], m?.value, inner, oneLine) };
      });
    }
    if (!parts.length) return Array.isArray(value) ? '[]' : '{}';
    /**
     * Between two members: the file's gap after the first; where members between them were taken out, the last
     * line break among the gaps (so `a, b,⏎ c` without b is `a,⏎ c`: one line changes, not two).
     */
    const between = (p: { from: number }, q: { from: number }) => {
      let out = gapAfter(p.from) ?? gap;
      for (let j = p.from + 1; p.from >= 0 && j < q.from; j++) {
        const g = gapAfter(j)!;
        if (g.includes('\n')) out = g;
      }
      return out;
    };
    const out = [open];
    for (let i = 0; i < parts.length; i++) {
      let p = parts[i]!;
      if (p.text !== undefined) out.push(p.text);
      else {
        // Members kept as they are, one after the other in the file: its text from the first to the last, at once.
        const first = members[p.from]!;
        while (parts[i + 1]?.text === undefined && parts[i + 1]?.from === p.from + 1) p = parts[++i]!;
        out.push(text.slice(first.start, members[p.from]!.value.end));
      }
      if (i < parts.length - 1) out.push(between(p, parts[i + 1]!));
    }
    out.push(close);
    return out.join('');
  }
}

/**
 * The file last written into: every save of the page is into the same published file (each edit saves again),
 * and where its objects end is found in a pass over the whole text (≈ 10–20 ms for 3 MB), so once.
 */
let last: Source | undefined;

/**
 * `bundle` as the file `text` (which parsed as `parsed`) would hold it. The byte order mark, if any, is dropped
 * (JSON has none); what follows the last brace is kept (else one newline, as `kdx import` ends its files).
 */
export function keepFormat(text: string, parsed: unknown, bundle: unknown): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (sameValue(bundle, parsed)) return body;
  const file = last?.text === body ? last : (last = new Source(body));
  const { span, rest } = file.root();
  const unit = /\n([ \t]+)\S/.exec(body)?.[1] ?? '  ';
  return body.slice(0, span.start) + new Writer(file, unit).write(bundle, parsed, span, '', false) + (body.slice(rest) || '\n');
}
