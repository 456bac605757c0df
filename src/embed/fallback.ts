/**
 * The fallback forms: markup that survives rich-text editors and becomes a widget when the page's kdx script
 * runs. One contract, used both ways: `upgrade.ts` reads it, the snippet builder writes it.
 *
 * - `<div data-kdx="progress" data-src="…" data-plan="…" data-node="…">text</div>` for editors that keep
 *   `data-*` attributes (TinyMCE's default configuration);
 * - `<a href="page.html#kdx=progress&src=…&plan=…&node=…">text</a>` for editors that keep only links (CKEditor 5
 *   without General HTML Support). The page before `#` is where the link goes without JavaScript; the fragment,
 *   never sent to a server, carries the widget.
 * - `<iframe src="…/embed.html#kdx=progress&src=…">` for pages without the kdx script: the same fragment, read by
 *   `frame.ts` inside dist/embed.html.
 *
 * Names are the widgets' attribute names (`data-heading-level`, `heading-level=`). Only the attributes listed
 * here are copied, each checked by its rule; anything else is left behind.
 */
import { safeHref } from '../data/format.js';

export type WidgetName = 'progress' | 'initiative-card' | 'plan-tree' | 'chart' | 'plan-overview' | 'plan';

/** What a fallback asks for: a widget and its attributes, every value already checked. */
export interface WidgetSpec {
  widget: WidgetName;
  attributes: Record<string, string>;
}

/** A value that failed its rule (the attribute is left out, the rest of the widget still works). */
export interface Rejected {
  name: string;
  value: string;
}

/**
 * What a rule accepts, for the snippet builder to offer (a list, a range, a checkbox); a rule without any of
 * these takes free text.
 */
export interface RuleShape {
  values?: readonly string[];
  min?: number;
  max?: number;
  flag?: true;
}

/** `''` = boolean attribute present, `null` = leave it out quietly, `undefined` = invalid. */
export type Rule = ((value: string) => string | null | undefined) & RuleShape;

/** Same rule as bundle ids (`src/data/bundle.ts`). */
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const oneOf = (...values: string[]): Rule => Object.assign((v: string) => (values.includes(v) ? v : undefined), { values });
const integer = (min: number, max: number): Rule =>
  Object.assign((v: string) => (/^\d{1,3}$/.test(v) && Number(v) >= min && Number(v) <= max ? String(Number(v)) : undefined), { min, max });
const flag: Rule = Object.assign(
  (v: string) => {
    const s = v.trim().toLowerCase();
    if (s === '' || s === '1' || s === 'true' || s === 'yes') return '';
    if (s === '0' || s === 'false' || s === 'no') return null;
    return undefined;
  },
  { flag: true as const },
);

export const RULES: Readonly<Record<string, Rule>> = {
  src: (v) => (v.length <= 2048 && safeHref(v) ? v : undefined),
  plan: (v) => (ID.test(v) ? v : undefined),
  node: (v) => (ID.test(v) ? v : undefined),
  lang: (v) => (/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}$/.test(v) ? v : undefined),
  theme: oneOf('light', 'dark', 'auto'),
  variant: oneOf('bar', 'ring', 'inline'),
  breakdown: flag,
  type: oneOf('bar', 'doughnut', 'line'),
  'heading-level': integer(1, 6),
  'expand-depth': integer(0, 32),
  'link-hash': flag,
};

const COMMON = ['src', 'plan', 'node', 'lang', 'theme'];

/** Each widget's tag and the attributes a fallback may set on it. */
export const WIDGETS: Readonly<Record<WidgetName, { tag: string; attributes: readonly string[] }>> = {
  progress: { tag: 'kdx-progress', attributes: [...COMMON, 'variant', 'breakdown'] },
  'initiative-card': { tag: 'kdx-initiative-card', attributes: [...COMMON, 'heading-level'] },
  'plan-tree': { tag: 'kdx-plan-tree', attributes: [...COMMON, 'expand-depth', 'link-hash'] },
  chart: { tag: 'kdx-chart', attributes: [...COMMON, 'type'] },
  // The overview is of a whole plan: no node.
  'plan-overview': { tag: 'kdx-plan-overview', attributes: ['src', 'plan', 'lang', 'theme', 'heading-level'] },
  plan: { tag: 'kdx-plan', attributes: ['src', 'plan', 'lang'] },
};

/**
 * What the iframe form leaves out: `link-hash` writes the selection into the address, and the frame's address
 * (its `#kdx=…`) is what the frame shows: rewritten, the frame would show nothing once reloaded.
 */
export const NOT_IN_FRAME: readonly string[] = ['link-hash'];

/** `progress` or `kdx-progress` → `progress`; anything else → undefined. */
export function widgetName(value: string | null | undefined): WidgetName | undefined {
  const name = (value ?? '').trim().toLowerCase().replace(/^kdx-/, '');
  return Object.hasOwn(WIDGETS, name) ? (name as WidgetName) : undefined;
}

/**
 * Checks raw name/value pairs against the widget's list: returns the accepted attributes and what was
 * rejected. Names not on the list are ignored (an editor may add attributes of its own).
 */
export function checkAttributes(widget: WidgetName, raw: Iterable<[string, string]>): { attributes: Record<string, string>; rejected: Rejected[] } {
  const allowed = WIDGETS[widget].attributes;
  const attributes: Record<string, string> = {};
  const rejected: Rejected[] = [];
  for (const [name, value] of raw) {
    if (!allowed.includes(name)) continue;
    const checked = RULES[name]!(value.trim());
    if (checked === undefined) rejected.push({ name, value });
    else if (checked !== null) attributes[name] = checked;
  }
  return { attributes, rejected };
}

/** The `#kdx=…` part of a fallback link, or null when the fragment is not one. */
export function parseFragment(hash: string): { widget: string; params: URLSearchParams } | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!fragment.startsWith('kdx=')) return null;
  const params = new URLSearchParams(fragment);
  const widget = params.get('kdx') ?? '';
  params.delete('kdx');
  return { widget, params };
}

/** Percent-encodes what URLSearchParams would misread (`&`, `=`, `+`, `#`, `%`, spaces); keeps `/` and `:`. */
const encode = (v: string) => encodeURIComponent(v).replace(/%2F/gi, '/').replace(/%3A/gi, ':');

/**
 * A fallback link's href: `page` (where the link goes without JavaScript) with the widget in the fragment.
 * Boolean attributes are written bare (`&breakdown`).
 */
export function fallbackHref(page: string, spec: WidgetSpec): string {
  const parts = [`kdx=${spec.widget}`];
  for (const [name, value] of Object.entries(spec.attributes)) parts.push(value === '' ? name : `${name}=${encode(value)}`);
  return `${page.split('#')[0]}#${parts.join('&')}`;
}
