/** `<kdx-plan-tree>` from the library's page entry (src/kdx.ts, as dist/kdx.js), production build. */
import { loadBundle, type KdxPlanTree } from '../../src/kdx.js';
import { afterFrame, expose } from './harness.js';

let tree: KdxPlanTree | undefined;

expose({
  async tree({ data, expandDepth }) {
    await loadBundle(data); // fetched, validated and modelled before timing: the three trees get the same model
    await afterFrame();
    const t0 = performance.now();
    const el = document.createElement('kdx-plan-tree');
    el.setAttribute('src', data);
    el.setAttribute('expand-depth', String(expandDepth));
    const loaded = new Promise((resolve, reject) => {
      el.addEventListener('kdx-load', resolve, { once: true });
      el.addEventListener('kdx-error', reject, { once: true });
    });
    document.body.append(el);
    await loaded;
    const t1 = performance.now();
    const t2 = await afterFrame();
    tree = el;
    return { frame: t2 - t0, script: t1 - t0, items: el.shadowRoot!.querySelectorAll('[role="treeitem"]').length };
  },
  async focus(id) {
    const row = tree!.shadowRoot!.querySelector<HTMLElement>(`[role="treeitem"][data-id="${CSS.escape(id)}"]`);
    if (!row) throw new Error(`no row ${id}`);
    row.focus();
    await afterFrame();
  },
});
