/** Baseline: Shoelace 2 `<sl-tree>` (bench/baselines/shoelace-tree.ts) from the same model. */
import { loadBundle } from '../../src/data/load.js';
import { renderShoelaceTree, shoelaceSettled } from '../baselines/shoelace-tree.js';
import { afterFrame, expose } from './harness.js';

let tree: HTMLElement | undefined;

expose({
  async tree({ data, expandDepth }) {
    const model = await loadBundle(data);
    const root = model.plans[0]!.root;
    await customElements.whenDefined('sl-tree-item');
    await afterFrame();
    const t0 = performance.now();
    tree = renderShoelaceTree(document.body, root, expandDepth);
    await shoelaceSettled(tree);
    const t1 = performance.now();
    const t2 = await afterFrame();
    // Items in the DOM that a reader can reach (inside open branches), for comparison with the other trees.
    const open = (el: Element | null): boolean => el === tree || (!!el && el.hasAttribute('expanded') && open(el.parentElement));
    let shown = 0;
    for (const el of tree.querySelectorAll('sl-tree-item')) if (open(el.parentElement)) shown++;
    return { frame: t2 - t0, script: t1 - t0, items: shown };
  },
  async focus(id) {
    const item = tree!.querySelector<HTMLElement>(`sl-tree-item[data-id="${CSS.escape(id)}"]`);
    if (!item) throw new Error(`no item ${id}`);
    item.focus();
    await afterFrame();
  },
});
