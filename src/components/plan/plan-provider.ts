/**
 * The provider side of the context protocol for `<kdx-plan>`: in the provider's own chunk, since only a page with
 * a `<kdx-plan>` needs it. The key and the request are in `context/plan-context.ts`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { planContext, PlanRequestEvent, type PlanCallback, type PlanContextValue } from '../../context/plan-context.js';

/** A provider has connected (`context-provider`): providers above it hand it the subscriptions below it. */
class ProviderEvent extends Event {
  constructor(
    readonly context: unknown,
    readonly contextTarget: Element,
  ) {
    super('context-provider', { bubbles: true, composed: true });
  }
}

/**
 * The provider side of the protocol for `<kdx-plan>`, in the few lines it needs (`@lit/context`'s
 * `ContextProvider` does the same in more bytes): answers requests for `planContext` from below its host,
 * calls every subscriber again when the value changes, and re-parents its subscriptions when a provider is
 * inserted between it and them.
 */
export class PlanProvider implements ReactiveController {
  private readonly subscriptions = new Map<PlanCallback, { unsubscribe: () => void; consumer: Element }>();

  constructor(
    private readonly host: HTMLElement & ReactiveControllerHost,
    private value: PlanContextValue,
  ) {
    const own = (e: PlanRequestEvent | ProviderEvent) => e.context === planContext && (e.contextTarget ?? e.composedPath()[0]) !== host;
    host.addEventListener('context-request', (ev) => {
      const e = ev as PlanRequestEvent;
      if (!own(e)) return;
      e.stopPropagation();
      if (!e.subscribe) return e.callback(this.value);
      let s = this.subscriptions.get(e.callback);
      if (!s) this.subscriptions.set(e.callback, (s = { unsubscribe: () => this.subscriptions.delete(e.callback), consumer: e.contextTarget ?? (e.composedPath()[0] as Element) }));
      e.callback(this.value, s.unsubscribe);
    });
    host.addEventListener('context-provider', (ev) => {
      if (!own(ev as ProviderEvent)) return;
      ev.stopPropagation();
      // A snapshot: subscriptions the new provider does not take come back to this map while it is walked.
      for (const [callback, { consumer }] of [...this.subscriptions]) consumer.dispatchEvent(new PlanRequestEvent(planContext, consumer, callback, true));
    });
    host.addController(this);
  }

  hostConnected(): void {
    this.host.dispatchEvent(new ProviderEvent(planContext, this.host));
  }

  setValue(value: PlanContextValue): void {
    if (Object.is(value, this.value)) return;
    this.value = value;
    for (const [callback, { unsubscribe }] of this.subscriptions) callback(value, unsubscribe);
  }
}
