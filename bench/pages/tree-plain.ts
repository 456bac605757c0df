/** Baseline: plain DOM tree (bench/baselines/plain-tree.ts) from the same model. */
import { loadBundle } from '../../src/data/load.js';
import { renderPlainTree } from '../baselines/plain-tree.js';
import { afterFrame, expose } from './harness.js';

let tree: HTMLElement | undefined;

expose({
  async tree({ data, expandDepth }) {
    const model = await loadBundle(data);
    const root = model.plans[0]!.root;
    await afterFrame();
    const t0 = performance.now();
    tree = renderPlainTree(document.body, root, expandDepth).element;
    const t1 = performance.now();
    const t2 = await afterFrame();
    return { frame: t2 - t0, script: t1 - t0, items: tree.querySelectorAll('[role="treeitem"]').length };
  },
  async focus(id) {
    const item = tree!.querySelector<HTMLElement>(`[role="treeitem"][data-id="${CSS.escape(id)}"]`);
    if (!item) throw new Error(`no item ${id}`);
    tree!.querySelector<HTMLElement>('[tabindex="0"]')?.setAttribute('tabindex', '-1');
    item.tabIndex = 0;
    item.focus();
    await afterFrame();
  },
});
