/**
 * A plan's revisions (見直し) as the plan overview lists them, newest first: each with its date and title, the
 * period before and after, the items added and those removed with the reason the report gives, and its notes.
 * Texts in the editor's words are marked so. Part of the shapes chunk (`shapes.ts`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Text } from '../../data/bundle.js';
import { formatDate, formatPeriod } from '../../data/format-dates.js';
import type { PlanModel } from '../../data/model.js';
import type { Lang } from '../../i18n/index.js';
import type { ShapeMessages } from '../../i18n/shape-messages.js';
import { marked, type LangOf } from './editorial.js';
import { shown, type Shown } from './shown.js';

export interface RevisionItem {
  /** 「K-7 生成AIの業務への活用」: the №, then the title (of the plan's node, or as the revision gives it). */
  item: Shown;
  reason: Shown | null;
}

export interface RevisionView {
  date: string;
  title: Shown | null;
  summary: Shown | null;
  /** 「令和2年度～令和6年度 → 令和2年度～令和7年度」 */
  period: string | null;
  added: RevisionItem[];
  removed: RevisionItem[];
  notes: Shown[];
}

function item(plan: PlanModel, ref: { node?: string | undefined; number?: string | undefined; title?: Text | undefined }, lang: Lang): Shown {
  const node = ref.node === undefined ? undefined : plan.byId.get(ref.node);
  const number = (ref.number ?? node?.data.number ?? '').trim();
  const title = shown(ref.title ?? node?.title, lang) ?? { text: ref.node ?? '', lang };
  return number ? { ...title, text: `${number} ${title.text}` } : title;
}

export function revisionsView(plan: PlanModel, lang: Lang, m: ShapeMessages): RevisionView[] {
  return [...(plan.data.revisions ?? [])]
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
    .map((r) => ({
      date: formatDate(r.date, lang),
      title: shown(r.title, lang),
      summary: shown(r.summary, lang),
      period: r.period ? m.revisions.period(formatPeriod(r.period.before, lang), formatPeriod(r.period.after, lang)) : null,
      added: (r.added ?? []).map((a) => ({ item: item(plan, a, lang), reason: shown(a.reason, lang) })),
      removed: (r.removed ?? []).map((d) => ({ item: item(plan, d, lang), reason: shown(d.reason, lang) })),
      notes: (r.notes ?? []).map((n) => shown(n, lang)).filter((n): n is Shown => n !== null),
    }));
}

function list(label: string, items: RevisionItem[], m: ShapeMessages, langOf: LangOf): TemplateResult | typeof nothing {
  if (!items.length) return nothing;
  return html`<p class="revision-label">${label}</p>
    <ul class="revision-items">
      ${items.map(
        (i) => html`<li>${marked(i.item, langOf, m.context.editorial)}${i.reason ? html`<span class="revision-reason">${marked({ ...i.reason, text: m.revisions.reason(i.reason.text) }, langOf, m.context.editorial)}</span>` : nothing}</li>`,
      )}
    </ul>`;
}

/**
 * The list, in the overview's markup conventions (its own heading, around it, says what it is). `notes` renders a
 * revision's notes as the overview renders its own (※ for the source's, the editor's label for the editor's).
 */
export function renderRevisions(views: RevisionView[], m: ShapeMessages, langOf: LangOf, notes: (n: Shown[]) => unknown): TemplateResult {
  return html`<ol class="revisions" part="revisions">
    ${views.map(
      (r) => html`<li class="revision">
        <p class="revision-head"><span class="revision-date">${r.date}</span>${r.title ? html` ${marked(r.title, langOf, m.context.editorial)}` : nothing}</p>
        ${r.summary ? html`<p>${marked(r.summary, langOf, m.context.editorial)}</p>` : nothing}
        ${r.period ? html`<p class="revision-period">${r.period}</p>` : nothing}
        ${list(m.revisions.added, r.added, m, langOf)}
        ${list(m.revisions.removed, r.removed, m, langOf)}
        ${notes(r.notes)}
      </li>`,
    )}
  </ol>`;
}
