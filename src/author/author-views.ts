/**
 * The authoring page's sections as templates of its state: open, check, edit (`author-edit-view.ts`), what
 * changes on the site, preview, save. Every word comes from `i18n/author.ts` or the command's catalogues.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PlanData } from '../data/bundle.js';
import { formatCount, text } from '../data/format.js';
import { authorMessages, type AuthorMessages } from '../i18n/author.js';
import { diffGroups, diffHeading } from '../i18n/diff.js';
import type { Lang } from '../i18n/index.js';
import { cliMessages, formatCliIssue } from '../cli/messages.js';
import { formatPageIssue, formatProblem } from './format-issues.js';
import type { KdxAuthor } from './author-app.js';
import { renderEdit } from './author-edit-view.js';
import type { OpenProblem } from './open-files.js';
import { asking, isNewPlan, planIdOf } from './session.js';

/** What opening a file is doing: reading its bytes, parsing the table, checking it, drawing the preview. */
export type Stage = 'read' | 'parse' | 'check' | 'preview';

export type Opening =
  | { status: 'none' }
  | { status: 'reading'; name: string; done: number; total: number; stage: Stage }
  | { status: 'open'; name: string; note?: { sheet: string; sheets: number } | undefined }
  | { status: 'error'; problem: OpenProblem };

/** At most this many problems are listed: fixing the first ones is what helps. */
const SHOWN = 200;
const NEW_PLAN = '\u0000new';

function opening(o: Opening, id: string, t: AuthorMessages, lang: Lang, opened: () => string): TemplateResult {
  switch (o.status) {
    case 'none':
      return html`<p id=${id} class="status" role="status">${t.open.notOpened}</p>`;
    case 'reading': {
      // Only reading knows how far it is; parsing, checking and drawing say that they are under way (no value).
      const pct = o.stage === 'read' && o.total ? Math.round((o.done / o.total) * 100) : undefined;
      return html`<div id=${id} class="status" role="status">
        <label for="${id}-progress">${t.open.reading(o.name)}: ${t.open.stage[o.stage]}</label>
        <progress id="${id}-progress" max="100" value=${pct ?? nothing}></progress>
      </div>`;
    }
    case 'open':
      return html`<p id=${id} class="status ok" role="status">
        ${opened()}${o.note ? html`<br />${t.open.firstSheet(o.note.sheet, o.note.sheets)}` : nothing}
      </p>`;
    case 'error':
      return html`<div id=${id} class="status problem" role="alert">${formatProblem(o.problem, lang).map((l) => html`<p>${l}</p>`)}</div>`;
  }
}

function renderOpen(app: KdxAuthor, t: AuthorMessages): TemplateResult {
  const lang = app.language;
  const { base, sheet } = app.session;
  const choices = asking(app.session);
  const creating = !choices && isNewPlan({ base, planId: planIdOf(app.session) });
  const files = (e: Event) => {
    const input = e.target as HTMLInputElement;
    void app.openFiles([...(input.files ?? [])]);
    input.value = ''; // the same file chosen again (after fixing it in Excel) opens again
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    (e.currentTarget as HTMLElement).classList.remove('over');
    void app.openFiles([...(e.dataTransfer?.files ?? [])]);
  };
  const over = (e: DragEvent) => {
    e.preventDefault();
    (e.currentTarget as HTMLElement).classList.add('over');
  };
  const np = app.session.newPlan;
  const newPlanField = (key: 'id' | 'title' | 'from' | 'to' | 'publisher', label: string, hint?: string) => html`
    <div class="field">
      <label for="new-${key}">${label}</label>
      <input id="new-${key}" type="text" .value=${np[key]} aria-describedby=${hint ? `new-${key}-hint` : nothing}
        @input=${(e: Event) => void app.change({ newPlan: { ...app.session.newPlan, [key]: (e.target as HTMLInputElement).value } }, 300)} />
      ${hint ? html`<p id="new-${key}-hint" class="hint">${hint}</p>` : nothing}
    </div>`;
  return html`
    <section aria-labelledby="h-open">
      <h2 id="h-open">${t.open.heading}</h2>
      <div class="drop" @dragover=${over} @dragleave=${(e: DragEvent) => (e.currentTarget as HTMLElement).classList.remove('over')} @drop=${drop}>
        <p class="drop-hint">${t.open.drop}</p>
        <div class="field">
          <label for="bundle-file">${t.open.bundle}</label>
          <input id="bundle-file" type="file" accept=".json,application/json" aria-describedby="bundle-hint bundle-status" @change=${files} />
          <p id="bundle-hint" class="hint">${t.open.bundleHint}</p>
          <div class="row">
            <label for="bundle-url">${t.open.bundleUrl}</label>
            <input id="bundle-url" type="url" inputmode="url" spellcheck="false" @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && void app.openUrl((e.target as HTMLInputElement).value)} />
            <button type="button" @click=${(e: Event) => void app.openUrl(((e.target as HTMLElement).previousElementSibling as HTMLInputElement).value)}>${t.open.load}</button>
          </div>
          ${opening(app.bundleOpening, 'bundle-status', t, lang, () => t.open.bundleOpened(base!.name, base!.raw.plans.length, base!.raw.plans.reduce((n, p) => n + p.nodes.length, 0)))}
        </div>
        <div class="field">
          <label for="sheet-file">${t.open.sheet}</label>
          <input id="sheet-file" type="file" accept=".csv,.xlsx,.xls,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby="sheet-hint sheet-status" @change=${files} />
          <p id="sheet-hint" class="hint">${t.open.sheetHint}</p>
          ${opening(app.sheetOpening, 'sheet-status', t, lang, () => t.open.sheetOpened(sheet!.name, sheet!.dataRows, sheet!.format))}
        </div>
      </div>
      ${base ? renderPlanChooser(app, t, base.raw.plans, choices) : nothing}
      ${creating && (base || sheet)
        ? html`<fieldset class="new-plan">
            <legend>${t.open.newPlanLegend}</legend>
            ${newPlanField('id', t.open.planId)} ${newPlanField('title', t.open.planTitle)}
            ${newPlanField('from', t.open.from, t.open.yearHint)} ${newPlanField('to', t.open.to, t.open.yearHint)}
            ${base ? nothing : newPlanField('publisher', t.open.publisher)}
          </fieldset>`
        : nothing}
    </section>`;
}

/** The plan the sheet replaces, and why the page chose it, or that staff must (`choose-plan.ts`). */
function renderPlanChooser(app: KdxAuthor, t: AuthorMessages, plans: readonly PlanData[], choices: readonly PlanData[] | undefined): TemplateResult {
  const lang = app.language;
  const { planId, choice } = app.session;
  const label = (p: PlanData) => t.open.planLabel(text(p.title, lang), p.id);
  const told = choice?.by !== 'ask' ? choice : undefined;
  const chosen = told && plans.find((p) => p.id === told.plan);
  const note = choices
    ? html`<p id="plan-note" class="problem">${formatPageIssue({ kind: 'page', key: 'choosePlan', plans: choices }, lang)}</p>`
    : told && chosen
      ? html`<p id="plan-note" class="hint">${t.open.chosen[told.by](label(chosen))}</p>`
      : nothing;
  return html`<div class="field">
    <label for="plan">${t.open.plan}</label>
    <select id="plan" aria-invalid=${choices ? 'true' : nothing} aria-describedby=${note === nothing ? nothing : 'plan-note'}
      @change=${(e: Event) => {
        const v = (e.target as HTMLSelectElement).value;
        if (v) app.choosePlan(v === NEW_PLAN ? undefined : v);
      }}>
      ${choices ? html`<option value="" selected disabled>${t.open.choosePlan}</option>` : nothing}
      ${plans.map((p) => html`<option .value=${p.id} ?selected=${!choices && planId === p.id}>${label(p)}</option>`)}
      <option .value=${NEW_PLAN} ?selected=${!choices && planId === undefined}>${t.open.newPlan}</option>
    </select>
    ${note}
  </div>`;
}

function renderCheck(app: KdxAuthor, t: AuthorMessages): TemplateResult {
  const o = app.outcome;
  const lang = app.language;
  let body: TemplateResult;
  if (o.status === 'empty') body = html`<p>${t.check.nothing}</p>`;
  else if (o.status === 'invalid') {
    body = html`<p class="summary problem" role="alert">${t.check.errors(o.issues.length)}</p>
      <ol class="issues">${o.issues.slice(0, SHOWN).map((i) => html`<li>${formatPageIssue(i, lang)}</li>`)}</ol>
      ${o.issues.length > SHOWN ? html`<p>${t.check.more(o.issues.length - SHOWN)}</p>` : nothing}`;
  } else {
    const notes: string[] = [];
    if (o.revisions !== undefined) notes.push(t.check.revisions(o.revisions));
    if (o.result.byStatusDropped.length) notes.push(cliMessages(lang).byStatusDropped(o.result.byStatusDropped.join(', ')));
    if (!app.session.base && !app.session.newPlan.publisher.trim()) notes.push(t.check.publisherUnset);
    body = html`<p class="summary ok" role="status">${t.check.ok(o.result.nodes)}</p>${notes.map((n) => html`<p class="note">${n}</p>`)}`;
  }
  return html`<section aria-labelledby="h-check" aria-busy=${app.computing ? 'true' : 'false'}>
    <h2 id="h-check">${t.check.heading}</h2>
    ${body}
  </section>`;
}

function renderDiff(app: KdxAuthor, t: AuthorMessages): TemplateResult {
  const o = app.outcome;
  const lang = app.language;
  const base = app.session.base;
  let body: TemplateResult | typeof nothing = nothing;
  if (!base) body = html`<p>${t.diff.noBase}</p>`;
  else if (o.status === 'ok' && o.diff) {
    const names = { before: base.name, after: app.files.json?.name ?? base.name };
    body = html`<p>${diffHeading(o.diff, lang, names)}</p>
      ${diffGroups(o.diff, lang).map(
        (g, i) => html`<h3 id="diff-${i}">${g.heading}</h3>
          <ul class="diff" aria-labelledby="diff-${i}">${g.lines.map((l) => html`<li>${l}</li>`)}</ul>`,
      )}`;
  }
  return html`<section aria-labelledby="h-diff"><h2 id="h-diff">${t.diff.heading}</h2>${body}</section>`;
}

function renderSave(app: KdxAuthor, t: AuthorMessages): TemplateResult {
  const o = app.outcome;
  const f = app.files;
  const lang = app.language;
  let body: TemplateResult;
  if (o.status === 'empty') body = html`<p>${t.save.nothing}</p>`;
  else if (app.computing) body = html`<p role="status">${t.save.checking}</p>`;
  else if (o.status === 'invalid') body = html`<p class="problem">${t.save.blocked}</p>`;
  else if (!f.json) body = html`<p role="status">${t.save.preparing}</p>`;
  else {
    body = html`<ul class="save">
        <li><a class="button" href=${f.json.url} download=${f.json.name}>${t.save.json(f.json.name)}</a>
          <span class="hint">${formatCount(Math.ceil(f.json.bytes / 1024), lang)} KB</span></li>
        ${f.csv ? html`<li><a class="button" href=${f.csv.url} download=${f.csv.name}>${t.save.csv(f.csv.name)}</a></li>` : nothing}
        ${f.revisions ? html`<li><a class="button" href=${f.revisions.url} download=${f.revisions.name}>${t.save.revisions(f.revisions.name)}</a></li>` : nothing}
      </ul>
      ${f.csvIssues ? html`<p>${t.save.csvBlocked}</p><ul>${f.csvIssues.map((i) => html`<li>${formatCliIssue(i, lang)}</li>`)}</ul>` : nothing}
      ${f.revisionsIssues ? html`<p>${t.save.revisionsBlocked}</p><ul>${f.revisionsIssues.map((i) => html`<li>${formatCliIssue(i, lang)}</li>`)}</ul>` : nothing}`;
  }
  return html`<section aria-labelledby="h-save"><h2 id="h-save">${t.save.heading}</h2>${body}</section>`;
}

export function renderPage(app: KdxAuthor): TemplateResult {
  const lang = app.language;
  const t = authorMessages(lang);
  const other = lang === 'ja' ? 'en' : 'ja';
  const o = app.outcome;
  return html`
    <header>
      <h1>${t.title}</h1>
      <p>${t.intro}</p>
      <p class="privacy">${t.privacy}</p>
      <p class="controls">
        <button type="button" lang=${other} @click=${() => void app.setLang(other)}>${t.switchLang}</button>
      </p>
    </header>
    <main>
      ${renderOpen(app, t)} ${renderCheck(app, t)} ${renderEdit(app, t)} ${renderDiff(app, t)}
      <section aria-labelledby="h-preview">
        <h2 id="h-preview">${t.preview.heading}</h2>
        <kdx-author-preview .model=${o.status === 'ok' ? o.model : undefined} plan=${o.status === 'ok' ? o.planId : ''}
          .selected=${app.selected} .width=${app.width} .language=${lang}
          @author-select=${(e: CustomEvent<{ id: string }>) => app.select(e.detail.id)}></kdx-author-preview>
      </section>
      ${renderSave(app, t)}
    </main>
  `;
}
