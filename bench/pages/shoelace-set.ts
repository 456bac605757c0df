/**
 * Shoelace 2's set comparable to the kdx widgets (issue 18): progress bar and ring, tree and tree item, card,
 * input and button, cherry-picked, rendered once each. bench/run.ts builds this page as the page builds are built
 * (the same minifiers) and measures what it loads, to print the ratio of `every widget, no chart` to it. Shoelace
 * has no data layer: nothing here loads, validates or rolls up a plan.
 */
import '@shoelace-style/shoelace/dist/components/progress-bar/progress-bar.js';
import '@shoelace-style/shoelace/dist/components/progress-ring/progress-ring.js';
import '@shoelace-style/shoelace/dist/components/tree/tree.js';
import '@shoelace-style/shoelace/dist/components/tree-item/tree-item.js';
import '@shoelace-style/shoelace/dist/components/card/card.js';
import '@shoelace-style/shoelace/dist/components/input/input.js';
import '@shoelace-style/shoelace/dist/components/button/button.js';

document.body.innerHTML = `
  <sl-progress-bar value="87.1" label="達成率">87.1%</sl-progress-bar>
  <sl-progress-ring value="84.4" label="達成率">84.4%</sl-progress-ring>
  <sl-card><strong slot="header">取組</strong>説明</sl-card>
  <sl-input label="絞り込み"></sl-input>
  <sl-button>すべて開く</sl-button>
  <sl-tree><sl-tree-item expanded>1<sl-tree-item>1-1</sl-tree-item></sl-tree-item></sl-tree>`;
// The size page waits for `announced` (widgets' kdx-load); these have none: announce once they are defined.
void Promise.all(['sl-progress-bar', 'sl-tree-item', 'sl-card', 'sl-input', 'sl-button'].map((t) => customElements.whenDefined(t))).then(() => {
  (window as unknown as { announced: number }).announced = 1;
});
