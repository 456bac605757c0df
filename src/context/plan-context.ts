import type { Context } from '@lit/context';
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
 * of the library on one page understand each other, and a future incompatible value gets a new key. It is a key
 * of the community context protocol that `@lit/context` implements: a provider made with its `ContextProvider`
 * serves the widgets too.
 */
export const planContext = Symbol.for('kdx.plan-context.v1') as Context<symbol, PlanContextValue>;

export type PlanCallback = (value: PlanContextValue, unsubscribe?: () => void) => void;

/** A widget asks for the nearest provider's value (`context-request`, as the protocol defines it). */
export class PlanRequestEvent extends Event {
  constructor(
    readonly context: unknown,
    readonly contextTarget: Element,
    readonly callback: PlanCallback,
    readonly subscribe = false,
  ) {
    super('context-request', { bubbles: true, composed: true });
  }
}
