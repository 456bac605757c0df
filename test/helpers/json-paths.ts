/** JSON paths for property tests (Node and browser): every path into a value, for mutating it at random. */
export type Path = Array<string | number>;

/** Every path into `x` (object keys and array indices), parents before children. */
export function allPaths(x: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (x && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) {
      const p = [...path, Array.isArray(x) ? Number(k) : k];
      out.push(p);
      allPaths(v, p, out);
    }
  }
  return out;
}
