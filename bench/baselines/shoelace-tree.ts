/**
 * Baseline: the same tree with Shoelace 2's `<sl-tree>` / `<sl-tree-item>` (cherry-picked, light theme), the
 * same text per item (№, title, rate and counts). Shoelace's own idiom: every item is in the DOM, nested, and
 * branches are open by the `expanded` attribute (its items compute their ARIA themselves).
 */
import '@shoelace-style/shoelace/dist/themes/light.css';
import '@shoelace-style/shoelace/dist/components/tree/tree.js';
import '@shoelace-style/shoelace/dist/components/tree-item/tree-item.js';
import { formatCount, formatPercent, text } from '../../src/data/format.js';
import type { PlanNode } from '../../src/data/model.js';

export function renderShoelaceTree(container: HTMLElement, root: PlanNode, expandDepth: number): HTMLElement {
  const tree = document.createElement('sl-tree');
  tree.setAttribute('aria-label', text(root.title, 'ja'));
  const limit = root.depth + expandDepth;
  const item = (n: PlanNode): HTMLElement => {
    const el = document.createElement('sl-tree-item');
    el.dataset.id = n.id; // as the widget's rows (for focus by id)
    const label = n.data.number ? `${n.data.number} ${text(n.title, 'ja')}` : text(n.title, 'ja');
    const p = n.progress;
    el.textContent = p && p.rateTenths !== null
      ? `${label} ${formatPercent(p.rateTenths, 'ja')}（${formatCount(p.achieved, 'ja')}/${formatCount(p.total, 'ja')}）`
      : label;
    if (n.children.length) {
      if (n.depth <= limit) el.setAttribute('expanded', '');
      for (const c of n.children) el.append(item(c));
    }
    return el;
  };
  for (const c of root.children) tree.append(item(c));
  container.append(tree);
  return tree;
}

/** Resolves when every item has rendered (Shoelace items update asynchronously, one Lit element each). */
export async function shoelaceSettled(tree: HTMLElement): Promise<void> {
  type Lit = HTMLElement & { updateComplete: Promise<unknown> };
  await (tree as Lit).updateComplete;
  const items = tree.querySelectorAll<Lit>('sl-tree-item');
  await Promise.all(Array.from(items, (i) => i.updateComplete));
}
