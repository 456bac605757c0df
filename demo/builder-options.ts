/**
 * The builder's widget choices and display options, made from the one table of widgets and attribute rules
 * (`src/embed/fallback.ts`): a widget added there appears here, and each of its attributes gets the control its
 * rule's shape calls for (a list, a number, a checkbox, or a text field). Left at its default, an attribute is
 * not written into the code.
 */
import { RULES, WIDGETS, type WidgetName } from '../src/embed/fallback.js';
import { ATTRIBUTE_LABELS, MSG, named, VALUE_LABELS, WIDGET_LABELS, type Lang } from './builder-text.js';

/** Handled by the builder's own fields (data, language), not as display options. */
const OWN = new Set(['src', 'plan', 'node', 'lang']);

/** Widgets staff can choose: every one of the table but the container. */
export const CHOICES = (Object.keys(WIDGETS) as WidgetName[]).filter((w) => w !== 'plan');

export const widgetLabel = (w: WidgetName, lang: Lang): string => WIDGET_LABELS[w]?.[lang] ?? WIDGETS[w].tag;

/** Every option attribute of any widget, with the widgets that have it: each widget's own first, then the shared. */
function optionAttributes(): [string, WidgetName[]][] {
  const out = new Map<string, WidgetName[]>();
  for (const w of CHOICES) for (const a of WIDGETS[w].attributes) if (!OWN.has(a)) out.set(a, [...(out.get(a) ?? []), w]);
  const shared = (ws: WidgetName[]) => (ws.length === CHOICES.length ? 1 : 0);
  return [...out].sort(([, a], [, b]) => shared(a) - shared(b));
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string | boolean> = {}): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), props);
}

/** The radio buttons of the widgets, into `into`; the first is checked. */
export function renderWidgetChoices(into: HTMLElement, lang: Lang): void {
  const checked = into.querySelector<HTMLInputElement>('input:checked')?.value ?? CHOICES[0];
  into.replaceChildren(
    ...CHOICES.map((w) => {
      const label = el('label');
      label.append(el('input', { type: 'radio', name: 'widget', value: w, checked: w === checked }), ` ${widgetLabel(w, lang)}`);
      return label;
    }),
  );
}

/** One field per option attribute, into `into` (values kept across a change of language). */
export function renderOptions(into: HTMLElement, lang: Lang): void {
  const kept = new Map([...into.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[name^="opt-"]')].map((f) => [f.name, f instanceof HTMLInputElement && f.type === 'checkbox' ? String(f.checked) : f.value]));
  const fields: HTMLElement[] = [];
  for (const [name, widgets] of optionAttributes()) {
    const rule = RULES[name];
    const meta = ATTRIBUTE_LABELS[name];
    const id = `opt-${name}`;
    const field = el('div', { className: 'field' });
    field.dataset.for = widgets.join(' ');
    const title = named(meta?.[lang], name, lang);
    const fallback = meta?.defaultText ? MSG.byDefault[lang](meta.defaultText[lang]) : meta?.default ? MSG.byDefault[lang](meta.default) : MSG.noDefault[lang];
    if (rule?.flag) {
      field.classList.add('check');
      const label = el('label');
      label.append(el('input', { type: 'checkbox', id, name: id, checked: kept.get(id) === 'true' }), ` ${title}`);
      field.append(label);
    } else {
      field.append(el('label', { htmlFor: id, textContent: title }));
      const small = rule?.min !== undefined && rule.max !== undefined && rule.max - rule.min <= 10;
      const values = rule?.values ?? (small ? Array.from({ length: rule!.max! - rule!.min! + 1 }, (_, i) => String(rule!.min! + i)) : undefined);
      if (values) {
        const select = el('select', { id, name: id });
        select.append(new Option(fallback, ''));
        for (const v of values.filter((v) => v !== meta?.default)) {
          const label = VALUE_LABELS[name]?.[v]?.[lang];
          select.append(new Option(label ? named(label, v, lang) : v, v));
        }
        select.value = kept.get(id) ?? '';
        field.append(select);
      } else {
        const number = rule?.min !== undefined;
        const input = el('input', { id, name: id, type: number ? 'number' : 'text', placeholder: meta?.default ?? '', value: kept.get(id) ?? '' });
        if (number) Object.assign(input, { min: String(rule!.min), max: String(rule!.max) });
        field.append(input);
      }
    }
    fields.push(field);
  }
  into.replaceChildren(...fields);
}

/** Shows the fields of `widget` only. */
export function showOptionsOf(into: HTMLElement, widget: WidgetName): void {
  for (const f of into.querySelectorAll<HTMLElement>('[data-for]')) f.hidden = !f.dataset.for!.split(' ').includes(widget);
}

/** The options `widget` has that are set, as raw name/value pairs for the fallback rules to check. */
export function optionValues(into: HTMLElement, widget: WidgetName): [string, string][] {
  const raw: [string, string][] = [];
  for (const name of WIDGETS[widget].attributes) {
    const f = into.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="opt-${name}"]`);
    if (!f) continue;
    if (f instanceof HTMLInputElement && f.type === 'checkbox') {
      if (f.checked) raw.push([name, '']);
    } else if (f.value.trim() !== '') raw.push([name, f.value.trim()]);
  }
  return raw;
}
