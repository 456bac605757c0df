/** What every widget story shares: the common attributes as arguments, and small render helpers. */
import type { ArgTypes } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { themeArgType } from './controls.js';
import { documentedOnly } from './manifest.js';

export interface WidgetArgs {
  src?: string;
  lang?: '' | 'ja' | 'en';
  plan?: string;
  node?: string;
  theme?: string;
  /** Actions from the manifest's `@fires` (`kdx-load` → `onKdxLoad`). */
  onKdxLoad?: (e: Event) => void;
  onKdxError?: (e: Event) => void;
  [token: `--kdx-${string}`]: string | undefined;
}

/** An attribute from a control: absent when empty. */
export const attr = (v: string | number | undefined | null): string | undefined =>
  v === undefined || v === null || v === '' ? undefined : String(v);

/** Controls for the attributes every widget has; the rest of the table (events, parts…) is documentation. */
export const commonArgTypes = (tag: string): ArgTypes => ({
  ...documentedOnly(tag),
  src: { control: { type: 'text' } },
  plan: { control: { type: 'text' } },
  node: { control: { type: 'text' } },
  // Empty: the widget follows the closest `lang` above it (the toolbar's language, on the story's frame).
  lang: { control: { type: 'inline-radio' }, options: ['', 'ja', 'en'] },
  theme: themeArgType,
});

/** Widgets side by side, each at least 18rem wide (one column at 320 px). */
export const grid = (...items: TemplateResult[]): TemplateResult =>
  html`<div class="story-grid">${items}</div>`;

/** A caption above a widget, for stories that show several at once. */
export const labelled = (label: string, content: TemplateResult): TemplateResult =>
  html`<figure class="story-figure"><figcaption>${label}</figcaption>${content}</figure>`;

export { ifDefined };

