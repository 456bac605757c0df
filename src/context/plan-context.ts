import { createContext } from '@lit/context';
import type { KdxError } from '../data/errors.js';
import type { BundleModel } from '../data/model.js';

/** Where a bundle stands: the value `<kdx-plan>` provides and every widget consumes. */
export type BundleState =
  | { status: 'loading' }
  | { status: 'ready'; model: BundleModel }
  | { status: 'error'; error: KdxError };

export interface PlanContextValue {
  state: BundleState;
  /** The provider's `plan` attribute: the default plan for widgets below it. */
  plan: string | undefined;
  /** Loads the bundle again (after a transient failure). */
  retry: () => void;
}

/**
 * The context key. Versioned and registered globally (`Symbol.for`), so providers and consumers from two copies
 * of the library on one page understand each other, and a future incompatible value gets a new key.
 */
export const planContext = createContext<PlanContextValue>(Symbol.for('kdx.plan-context.v1'));
