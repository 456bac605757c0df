/**
 * Controls that come from the source rather than being written again: the design tokens and their defaults are
 * read from `src/styles/tokens.ts`, each widget's own `--kdx-*` properties and their descriptions from
 * custom-elements.json (its JSDoc). This file adds only what a control needs (a colour picker or a text box).
 */
import type { ArgTypes } from '@storybook/web-components-vite';
import { tokens } from '../../src/styles/tokens.js';
import { cssPropertiesOf } from './manifest.js';

interface Token {
  name: string;
  light: string;
  dark: string | undefined;
}

/** `--_x: var(--kdx-name, default);` in the order tokens.ts declares them, with the light and dark defaults. */
function readTokens(): Token[] {
  const found = new Map<string, Token>();
  const text = tokens.cssText;
  const darkAt = text.indexOf("[theme='dark']");
  for (const m of text.matchAll(/--_[\w-]+:\s*var\((--kdx-[\w-]+),\s*([^;]+)\);/g)) {
    const name = m[1]!;
    const value = m[2]!.trim();
    const t = found.get(name);
    if (!t) found.set(name, { name, light: value, dark: undefined });
    else if (t.dark === undefined && m.index! > darkAt) t.dark = value;
  }
  return [...found.values()];
}

export const TOKENS = readTokens();

const isColour = (name: string) => /color|fill|background/.test(name);

/**
 * Argument types for every design token (category "design tokens", shared by all widgets) and a control for
 * each of the widget's own custom properties (their description comes from its JSDoc, through the manifest).
 */
export function tokenArgTypes(tag?: string): ArgTypes {
  const out: ArgTypes = {};
  for (const t of TOKENS) {
    out[t.name] = {
      name: t.name,
      control: isColour(t.name) ? { type: 'color' } : { type: 'text' },
      description: `Design token, shared by every widget. Set it on any ancestor (here: the story's frame).${
        t.dark ? ` Dark theme default: \`${t.dark}\`.` : ''
      }`,
      table: { category: 'design tokens', defaultValue: { summary: t.light }, type: { summary: 'CSS value' } },
    };
  }
  for (const name of tag ? cssPropertiesOf(tag) : []) {
    const { description: _documented, ...rest } = out[name] ?? {};
    out[name] = { ...rest, name, control: isColour(name) ? { type: 'color' } : { type: 'text' } };
  }
  return out;
}

/** The `theme` control: empty follows the toolbar. */
export const themeArgType = {
  control: { type: 'select' as const },
  options: ['', 'light', 'dark', 'auto'],
};
