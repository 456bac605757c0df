/**
 * The tree as a flat list of visible rows, and the filter. No DOM, no Lit: plain loops over the model, without
 * recursion (plans may be tens of thousands of nodes and 32 levels deep).
 */
import { descendants, type PlanNode } from '../../data/model.js';

export { descendants };
import type { KeyRow } from './tree-keyboard.js';

export interface TreeRow extends KeyRow {
  readonly node: PlanNode;
  /** 1 for the top-level rows (the children of the node the tree starts from). */
  readonly level: number;
  /** Visible siblings, and this row's 1-based position among them. */
  readonly setsize: number;
  readonly posinset: number;
}

export interface TreeFilter {
  /** Nodes whose title (ja or en) or № contains the query. */
  readonly matches: ReadonlySet<PlanNode>;
  /** Ancestors of matches below the tree's root: shown, and opened when the filter is applied. */
  readonly ancestors: ReadonlySet<PlanNode>;
}

/**
 * The rows a reader sees: children of `root`, and below them the children of every open node. With a filter,
 * a node is shown when it matches, is an ancestor of a match, or lies below a match (a match can be opened to
 * see what it contains).
 */
export function flatten(root: PlanNode, open: ReadonlySet<PlanNode>, filter?: TreeFilter): TreeRow[] {
  const rows: TreeRow[] = [];
  const shown = (n: PlanNode) => !filter || filter.matches.has(n) || filter.ancestors.has(n);
  // Children of a node that is not (below) a match are limited to matches and their ancestors.
  const childrenOf = (n: PlanNode, free: boolean) => (free ? n.children : n.children.filter(shown));
  type Frame = { nodes: readonly PlanNode[]; i: number; level: number; parentIndex: number; free: boolean };
  const stack: Frame[] = [{ nodes: childrenOf(root, !filter), i: 0, level: 1, parentIndex: -1, free: !filter }];
  while (stack.length) {
    const f = stack[stack.length - 1]!;
    const node = f.nodes[f.i];
    if (!node) {
      stack.pop();
      continue;
    }
    f.i++;
    const free = f.free || (filter?.matches.has(node) ?? false);
    const kids = node.children.length ? childrenOf(node, free) : node.children;
    const isOpen = kids.length ? open.has(node) : undefined;
    const index = rows.length;
    rows.push({ node, level: f.level, setsize: f.nodes.length, posinset: f.i, open: isOpen, parentIndex: f.parentIndex });
    if (isOpen) stack.push({ nodes: kids, i: 0, level: f.level + 1, parentIndex: index, free });
  }
  return rows;
}

export interface RowBlock {
  /** The id of the block's first node. */
  readonly key: string;
  readonly rows: readonly TreeRow[];
}

/**
 * The rows in blocks of at most `size` rows, for rendering: a block off screen is not laid out or painted
 * (`content-visibility: auto`), so 10,000 open rows cost about as much as the blocks in view, and the browser
 * tracks a few hundred blocks rather than every row. Blocks are stable: a row that started a block (`heads`, from
 * the previous call) starts one again while it is visible, so opening or closing a branch changes the blocks
 * around it and leaves the others as they are. Returns the blocks and their heads (for the next call).
 */
export function toBlocks(rows: readonly TreeRow[], heads: ReadonlySet<PlanNode>, size: number): { blocks: RowBlock[]; heads: Set<PlanNode> } {
  const blocks: RowBlock[] = [];
  const used = new Set<PlanNode>();
  let current: TreeRow[] = [];
  for (const row of rows) {
    if (!current.length || current.length >= size || heads.has(row.node)) {
      current = [];
      blocks.push({ key: row.node.id, rows: current });
      used.add(row.node);
    }
    current.push(row);
  }
  return { blocks, heads: used };
}


/** Nodes open at first: those less than `depth` levels below `root` that have children. */
export function openToDepth(root: PlanNode, depth: number): Set<PlanNode> {
  const open = new Set<PlanNode>();
  const limit = root.depth + Math.max(0, Math.floor(depth));
  // Only the levels that open are walked: the default view of a 10,000-node plan looks at a few dozen nodes.
  const stack: PlanNode[] = [...root.children];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.depth > limit || !n.children.length) continue;
    open.add(n);
    for (const c of n.children) stack.push(c);
  }
  return open;
}

/** Whether `node` lies below `root`. */
export function isBelow(node: PlanNode, root: PlanNode): boolean {
  for (let p = node.parent; p; p = p.parent) if (p === root) return true;
  return false;
}

/** Ancestors of `node` below `root` (the rows that must be open for `node` to be visible). */
export function openPath(node: PlanNode, root: PlanNode): PlanNode[] {
  const out: PlanNode[] = [];
  for (let p = node.parent; p && p !== root; p = p.parent) out.push(p);
  return out;
}

/** Case- and width-insensitive form for matching: ＲＸ７ and r7 both become "r7". */
export function fold(s: string): string {
  return s.normalize('NFKC').toLocaleLowerCase();
}

const haystacks = new WeakMap<PlanNode, string>();

function haystack(n: PlanNode): string {
  let h = haystacks.get(n);
  if (h === undefined) {
    const t = n.title;
    const parts = typeof t === 'string' ? [t] : [t.ja, t.en ?? ''];
    if (n.data.number) parts.push(n.data.number);
    // A separator no query can contain, so that a match never spans two fields.
    haystacks.set(n, (h = fold(parts.join('\u0000'))));
  }
  return h;
}

/**
 * Nodes below `root` matching `query` (title in either language, or №) and `keep` (a grade, say), with their
 * ancestors. Without a query, `keep` alone decides; without either, nothing matches.
 */
export function filterTree(root: PlanNode, query: string, keep?: (n: PlanNode) => boolean): TreeFilter {
  const q = fold(query.trim());
  const matches = new Set<PlanNode>();
  const ancestors = new Set<PlanNode>();
  if (!q && !keep) return { matches, ancestors };
  for (const n of descendants(root)) {
    if ((q && !haystack(n).includes(q)) || (keep && !keep(n))) continue;
    matches.add(n);
    for (let p = n.parent; p && p !== root && !ancestors.has(p); p = p.parent) ancestors.add(p);
  }
  return { matches, ancestors };
}
