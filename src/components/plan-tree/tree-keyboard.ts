/**
 * The tree's key map, rule by rule from the WAI-ARIA APG tree view pattern
 * (https://www.w3.org/WAI/ARIA/apg/patterns/treeview/), as pure functions over the flat list of visible rows.
 * No DOM here: the widget turns a command into state and focus.
 */

/** What the key map needs to know about a visible row. */
export interface KeyRow {
  /** `true` open, `false` closed, `undefined` for an end node (no children). */
  readonly open: boolean | undefined;
  /** Index of the parent row in the visible list; -1 for a top-level row. */
  readonly parentIndex: number;
}

export type TreeCommand =
  | { kind: 'focus'; index: number }
  | { kind: 'open'; index: number }
  | { kind: 'close'; index: number }
  | { kind: 'select'; index: number }
  | { kind: 'open-siblings'; index: number };

/**
 * The command for a key on the row at `index`, or `null` when the key is not the tree's (the browser keeps its
 * default). Printable characters are not handled here: see `TypeAhead`.
 */
export function commandFor(key: string, rows: readonly KeyRow[], index: number): TreeCommand | null {
  const row = rows[index];
  if (!row) return null;
  const last = rows.length - 1;
  switch (key) {
    case 'ArrowDown':
      return { kind: 'focus', index: Math.min(index + 1, last) };
    case 'ArrowUp':
      return { kind: 'focus', index: Math.max(index - 1, 0) };
    case 'ArrowRight':
      // Closed node: open it. Open node: to its first child. End node: nothing.
      if (row.open === false) return { kind: 'open', index };
      if (row.open === true) return { kind: 'focus', index: Math.min(index + 1, last) };
      return { kind: 'focus', index };
    case 'ArrowLeft':
      // Open node: close it. Otherwise to the parent; a closed top-level node stays.
      if (row.open === true) return { kind: 'close', index };
      return { kind: 'focus', index: row.parentIndex >= 0 ? row.parentIndex : index };
    case 'Home':
      return { kind: 'focus', index: 0 };
    case 'End':
      return { kind: 'focus', index: last };
    case 'Enter':
    case ' ':
      return { kind: 'select', index };
    case '*':
      return { kind: 'open-siblings', index };
    default:
      return null;
  }
}

/** A single printable character (not a named key such as `Tab` or `Shift`). */
export function isPrintable(key: string): boolean {
  return [...key].length === 1 && key.trim() !== '' && key !== '*';
}

/** Characters typed in quick succession, as one search string. */
export class TypeAhead {
  private buffer = '';
  private last = 0;

  constructor(private readonly delay = 500) {}

  /** Whether a search string is being typed (so that Space continues it rather than selecting). */
  active(now = Date.now()): boolean {
    return this.buffer !== '' && now - this.last < this.delay;
  }

  /** Adds a character and returns the search string. */
  push(char: string, now = Date.now()): string {
    this.buffer = (this.active(now) ? this.buffer : '') + char.toLocaleLowerCase();
    this.last = now;
    return this.buffer;
  }

  reset(): void {
    this.buffer = '';
  }
}

/**
 * The next row (after `from`, wrapping) whose name starts with `prefix`. While a longer string is typed, the
 * current row is tried first, so that typing "ab" stays on an item found by "a".
 * `names(i)` gives the lower-cased strings a row can be found by (title, and № when it has one).
 */
export function findByPrefix(count: number, from: number, prefix: string, names: (i: number) => readonly string[]): number {
  const start = [...prefix].length > 1 ? from : from + 1;
  for (let k = 0; k < count; k++) {
    const i = (start + k) % count;
    if (names(i).some((n) => n.startsWith(prefix))) return i;
  }
  return -1;
}
