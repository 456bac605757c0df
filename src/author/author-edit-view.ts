/**
 * The edit panel: the plan's fields and one item's, built from the field lists of `edit-fields.ts`. Typed values
 * are kept as typed (so a wrong one stays to be corrected) and shown with their problem beside them.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { text } from '../data/format.js';
import type { NodeData } from '../data/bundle.js';
import type { AuthorMessages } from '../i18n/author.js';
import { itemLabel } from '../i18n/diff.js';
import type { KdxAuthor } from './author-app.js';
import { itemFields, PLAN_FIELDS, type EditContext, type EditField } from './edit-fields.js';
import { formatPageIssue } from './format-issues.js';
import { editContext } from './session.js';

/** Suggestions in the item chooser: enough to find one, never thousands of options. */
const SUGGESTIONS = 30;
/** Typing pauses this long before the outcome is computed again (a 10,000-row plan takes a moment). */
const TYPING = 400;

const ref = (n: NodeData) => ({ id: n.id, number: n.number, title: n.title });

function fieldInput<T>(app: KdxAuthor, t: AuthorMessages, ctx: EditContext, field: EditField<T>, target: T, item: string | undefined): TemplateResult {
  const id = `edit-${item === undefined ? 'plan' : 'item'}-${field.id}`;
  const typed = item === undefined ? app.session.edits.plan[field.id] : app.session.edits.items.get(item)?.[field.id];
  const value = typed ?? field.value(target);
  const o = app.outcome;
  const problem = o.status === 'invalid' ? o.issues.find((i) => i.kind === 'cli' && i.field === field.id && i.item?.id === item) : undefined;
  const hint = t.edit.hints[field.id];
  const described = [hint ? `${id}-hint` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ') || nothing;
  const lang = app.language;
  const set = (delay: number) => (e: Event) => app.edit(item, field.id, (e.target as HTMLInputElement).value, delay);
  let control: TemplateResult;
  if (field.input === 'choice') {
    control = html`<select id=${id} aria-describedby=${described} @change=${set(0)}>
      <option value="" ?selected=${value === ''}>${t.edit.none}</option>
      ${field.choices!(ctx).map(
        (c) => html`<option .value=${c.value} ?selected=${c.value === value}>${t.edit.choice(text(c.label, lang), c.definition && text(c.definition, lang))}</option>`,
      )}
    </select>`;
  } else if (field.input === 'lines') {
    control = html`<textarea id=${id} rows="3" aria-describedby=${described} aria-invalid=${problem ? 'true' : 'false'} .value=${value} @input=${set(TYPING)}></textarea>`;
  } else {
    control = html`<input id=${id} type="text" inputmode=${field.input === 'count' ? 'numeric' : 'text'} autocomplete="off"
      aria-describedby=${described} aria-invalid=${problem ? 'true' : 'false'} .value=${value} @input=${set(TYPING)} />`;
  }
  return html`<div class="field">
    <label for=${id}>${field.name ? t.edit.named(text(field.name, lang), field.column) : (t.edit.fields[field.id] ?? field.id)}</label>
    ${control}
    ${hint ? html`<p id="${id}-hint" class="hint">${hint}</p>` : nothing}
    ${problem ? html`<p id="${id}-problem" class="problem">${formatPageIssue(problem, lang)}</p>` : nothing}
  </div>`;
}

export function renderEdit(app: KdxAuthor, t: AuthorMessages): TemplateResult {
  const o = app.outcome;
  const source = o.status === 'empty' ? undefined : o.source;
  const lang = app.language;
  if (!source) return html`<section aria-labelledby="h-edit"><h2 id="h-edit">${t.edit.heading}</h2><p>${t.edit.noSource[o.status === 'empty' ? 'empty' : 'invalid']}</p></section>`;
  const node = app.selected ? source.nodes.find((n) => n.id === app.selected) : undefined;
  const query = (app.selected ?? '').normalize('NFKC').toLowerCase();
  const matches = source.nodes
    .filter((n) => !query || node || `${n.id} ${n.number ?? ''} ${text(n.title, 'ja')} ${text(n.title, 'en')}`.toLowerCase().includes(query))
    .slice(0, SUGGESTIONS);
  const ctx = editContext(app.session);
  const edited = app.session.edits.items.size + (Object.keys(app.session.edits.plan).length ? 1 : 0);
  return html`<section aria-labelledby="h-edit">
    <h2 id="h-edit">${t.edit.heading}</h2>
    <p>${t.edit.intro}</p>
    ${source.plan
      ? html`<fieldset>
          <legend>${t.edit.planFields}</legend>
          ${PLAN_FIELDS.map((f) => fieldInput(app, t, ctx, f, source.plan!, undefined))}
        </fieldset>`
      : nothing}
    <div class="field">
      <label for="edit-item">${t.edit.item}</label>
      <input id="edit-item" type="text" list="edit-items" autocomplete="off" spellcheck="false" aria-describedby="edit-item-hint"
        .value=${app.selected ?? ''} @input=${(e: Event) => app.select((e.target as HTMLInputElement).value.trim() || undefined)} />
      <datalist id="edit-items">${matches.map((n) => html`<option .value=${n.id}>${itemLabel(ref(n), lang)}</option>`)}</datalist>
      <p id="edit-item-hint" class="hint">${t.edit.itemHint}</p>
    </div>
    ${node
      ? html`<fieldset>
          <legend>${t.edit.itemFields(itemLabel(ref(node), lang))}</legend>
          ${itemFields(ctx).map((f) => fieldInput(app, t, ctx, f, node, node.id))}
          ${app.session.edits.items.has(node.id) ? html`<button type="button" @click=${() => app.undo(node.id)}>${t.edit.undo}</button>` : nothing}
        </fieldset>`
      : nothing}
    ${edited ? html`<p class="note" role="status">${t.edit.edited(edited)}</p>` : nothing}
  </section>`;
}
