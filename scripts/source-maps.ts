/**
 * Source maps for the build's own edits of code (scripts/classic-shapes.ts, the page builds' template minifier)
 * and for bench/lib/by-module.ts: base64 VLQ, and mappings moved along with edits.
 */
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...B64].map((c, i) => [c, i] as const));

/** The numbers of one segment (`AAgBC` → [0, 0, 16, 1]). */
export function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const c of segment) {
    const d = DIGIT.get(c)!;
    value += (d & 31) << shift;
    if (d & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

function encodeVlq(n: number): string {
  let v = n < 0 ? (-n << 1) | 1 : n << 1;
  let out = '';
  do {
    let d = v & 31;
    v >>>= 5;
    if (v) d |= 32;
    out += B64[d];
  } while (v);
  return out;
}

/** A segment with absolute numbers: where in the generated code (offset), and [source, line, column, name?]. */
type Segment = [offset: number, ...rest: number[]];

const lineStarts = (s: string) => {
  const starts = [0];
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
};

function decodeMappings(code: string, mappings: string): Segment[] {
  const starts = lineStarts(code);
  const segments: Segment[] = [];
  const state = [0, 0, 0, 0];
  mappings.split(';').forEach((line, l) => {
    let column = 0;
    for (const raw of line ? line.split(',') : []) {
      const f = decodeVlq(raw);
      column += f[0]!;
      const rest: number[] = [];
      for (let k = 1; k < f.length; k++) rest.push((state[k - 1]! += f[k]!));
      segments.push([starts[l]! + column, ...rest]);
    }
  });
  return segments;
}

/** Segments in the order of their offsets in `code`. */
function encodeMappings(code: string, segments: Segment[]): string {
  const starts = lineStarts(code);
  const lines: string[][] = starts.map(() => []);
  const prev = [0, 0, 0, 0];
  let line = 0;
  let lastColumn = 0;
  for (const [offset, ...rest] of segments) {
    while (line + 1 < starts.length && starts[line + 1]! <= offset) {
      line++;
      lastColumn = 0;
    }
    const column = offset - starts[line]!;
    let s = encodeVlq(column - lastColumn);
    lastColumn = column;
    rest.forEach((v, k) => {
      s += encodeVlq(v - prev[k]!);
      prev[k] = v;
    });
    lines[line]!.push(s);
  }
  return lines.map((l) => l.join(',')).join(';');
}

export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** `code` with `edits` (not overlapping) applied, and the mappings of its source map moved with it. */
export function applyEdits(code: string, mappings: string, edits: Edit[]): { code: string; mappings: string } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += code.slice(at, e.start) + e.text;
    at = e.end;
  }
  out += code.slice(at);
  // A segment inside a replaced stretch goes; one after an edit moves by what the edit added; an insertion goes
  // before the code that was at its offset.
  const moved = (offset: number): number | undefined => {
    let delta = 0;
    for (const e of sorted) {
      if (e.start === e.end) {
        if (offset >= e.start) delta += e.text.length;
      } else if (offset >= e.end) delta += e.text.length - (e.end - e.start);
      else if (offset >= e.start) return undefined;
    }
    return offset + delta;
  };
  const segments: Segment[] = [];
  for (const [offset, ...rest] of decodeMappings(code, mappings)) {
    const o = moved(offset);
    if (o !== undefined) segments.push([o, ...rest]);
  }
  return { code: out, mappings: encodeMappings(out, segments) };
}

/**
 * `code` (a module, `id`) with `edits` applied, and a source map from the result to `code`: each line start, and
 * the code after each edit, mapped to where it was.
 */
export function editWithMap(code: string, edits: Edit[], id: string) {
  const starts = lineStarts(code);
  const offsets = [...new Set([...starts, ...edits.map((e) => e.end).filter((o) => o < code.length)])].sort((a, b) => a - b);
  let line = 0;
  const identity: Segment[] = offsets.map((o) => {
    while (line + 1 < starts.length && starts[line + 1]! <= o) line++;
    return [o, 0, line, o - starts[line]!];
  });
  const out = applyEdits(code, encodeMappings(code, identity), edits);
  return { code: out.code, map: { version: 3, sources: [id], sourcesContent: [code], names: [], mappings: out.mappings } };
}
