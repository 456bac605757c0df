/**
 * custom-elements.json, when generated (`npm run analyze`; the type check must pass without it), and what the
 * stories take from it: the public API for the docs tables, and which entries are documentation only.
 */
/// <reference types="vite/client" />
import type { ArgTypes } from '@storybook/web-components-vite';

interface Item {
  name: string;
  description?: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
  attribute?: string;
}
interface Declaration {
  tagName?: string;
  members?: Item[];
  attributes?: Item[];
  events?: Item[];
  slots?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
}
interface Manifest {
  modules?: Array<{ declarations?: Declaration[] }>;
}

const found = import.meta.glob<Manifest>('../../custom-elements.json', { eager: true, import: 'default' });
const raw: Manifest | undefined = Object.values(found)[0];

/**
 * The manifest as Storybook should show it: the analyzer also lists private and protected members and static
 * fields (Storybook's docs table would show them as properties); only the public instance API is kept.
 */
export const manifest: Manifest | undefined = raw && {
  ...raw,
  modules: raw.modules?.map((m) => ({
    ...m,
    declarations: m.declarations?.map((d) => ({
      ...d,
      members: d.members?.filter((x) => !x.static && (x.privacy ?? 'public') === 'public'),
    })),
  })),
};

function declaration(tag: string): Declaration | undefined {
  for (const m of manifest?.modules ?? []) for (const d of m.declarations ?? []) if (d.tagName === tag) return d;
  return undefined;
}

/** The `--kdx-*` custom properties a widget's JSDoc documents (`@cssprop`). */
export function cssPropertiesOf(tag: string): string[] {
  return (declaration(tag)?.cssProperties ?? []).map((p) => p.name);
}

/**
 * Entries of the docs table that are documentation, not something to set from Controls: events, parts, slots,
 * and properties without an attribute (objects, or set by the widget itself). Keys as Storybook derives them.
 */
export function documentedOnly(tag: string): ArgTypes {
  const d = declaration(tag);
  if (!d) return {};
  const attributes = new Set((d.attributes ?? []).map((a) => a.name));
  const names = [
    ...(d.events ?? []).map((e) => e.name),
    ...(d.cssParts ?? []).map((p) => p.name),
    ...(d.slots ?? []).map((s) => s.name),
    ...(d.members ?? []).filter((m) => m.kind === 'field' && !attributes.has(m.name)).map((m) => m.name),
  ].filter((n) => n && !attributes.has(n));
  return Object.fromEntries(names.map((n) => [n, { control: false }]));
}
