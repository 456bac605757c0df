/**
 * Loading the shapes chunk (`shapes.ts`) when a widget's data needs it: plans with scales of their own, nodes with
 * grades or indicators. Bundles without them (Kanazawa's) never fetch it. One promise per language for the page;
 * a failed load is forgotten so that the next widget tries again.
 */
import type { BundleModel } from '../../data/model.js';
import type { Lang } from '../../i18n/index.js';
import type { ShapeMessages } from '../../i18n/shape-messages.js';

export interface Shapes {
  code: typeof import('./shapes.js');
  m: ShapeMessages;
}

const loaded: Partial<Record<Lang, Shapes>> = {};
const loading: Partial<Record<Lang, Promise<Shapes>>> = {};
const needs = new WeakMap<BundleModel, boolean>();

/** Whether a bundle has shapes to show: scales of a plan's own, or indicators. */
export function bundleHasShapes(model: BundleModel): boolean {
  let n = needs.get(model);
  if (n === undefined) {
    n = model.data.plans.some((p) => p.scales?.length || p.nodes.some((x) => x.indicators?.length));
    needs.set(model, n);
  }
  return n;
}

/** Whether a plan has revisions (the plan overview lists them with the shapes chunk). */
export function planHasRevisions(plan: { data: { revisions?: readonly unknown[] | undefined } }): boolean {
  return !!plan.data.revisions?.length;
}

export function loadedShapes(lang: Lang): Shapes | undefined {
  return loaded[lang];
}

export function loadShapes(lang: Lang): Promise<Shapes> {
  return (loading[lang] ??= import('./shapes.js')
    .then(async (code) => (loaded[lang] = { code, m: await code.shapeMessages(lang) }))
    .catch((e: unknown) => {
      delete loading[lang];
      throw e;
    }));
}
