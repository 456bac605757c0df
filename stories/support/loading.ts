/**
 * The loading state, honestly: what a widget shows while its bundle is on its way. A real request always ends
 * (data, an error, or the 10-second timeout), and a static Storybook has no slow endpoint, so this story-only
 * element provides the public `planContext` with `{ status: 'loading' }` and never anything else. The widgets
 * inside are the real ones, consuming the context exactly as they do under `<kdx-plan>`; only the provider is a
 * stand-in. Never shipped: it lives in stories/.
 */
import { ContextProvider } from '@lit/context';
import { html, type TemplateResult } from 'lit';
import { planContext, type PlanContextValue } from '../../src/index.js';

const LOADING: PlanContextValue = { state: { status: 'loading' }, plan: undefined, retry: () => {} };

export class StoryLoadingPlan extends HTMLElement {
  constructor() {
    super();
    // A plain element: the provider listens from construction, before its children connect.
    new ContextProvider(this, { context: planContext, initialValue: LOADING });
  }

  connectedCallback(): void {
    this.style.display = 'contents';
  }
}

if (!customElements.get('story-loading-plan')) customElements.define('story-loading-plan', StoryLoadingPlan);

/** `content` (widgets without `src`) kept in the loading state for good. */
export const loading = (content: TemplateResult): TemplateResult =>
  html`<story-loading-plan>${content}</story-loading-plan>`;
