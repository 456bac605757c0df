/**
 * What `<kdx-plan-overview>` shows, derived once per data and language: every part is `null` (or empty) when the
 * data has nothing for it, so the widget never says more than the bundle does.
 */
import { formatDate, formatPeriodLong } from '../../data/format-dates.js';
import { formatCount, formatPercent, kindLabel, numberLabel, safeHref, text } from '../../data/format.js';
import type { PlanModel, PlanNode } from '../../data/model.js';
import type { Lang, Messages } from '../../i18n/index.js';
import { shown, type Shown } from '../shared/shown.js';

export interface Fact {
  term: string;
  value: Shown;
  /** A link on the value (the publisher's site, the source document), only where a safe URL exists. */
  href?: string | null;
  /** What the source says about it (the period's reason). */
  note?: Shown | null;
}

export interface Rate {
  /** 「達成率 97.4%」 */
  rate: string;
  /** 「39項目中 38項目達成」 */
  counts: string;
  /** 「※2項目は数値未確定」 */
  unconfirmed: string | null;
}

export interface Entry {
  /** Kind and number in the plan's own words: 「基本方針 1」, 「視点1」, 「（1）」; '' when it has none. */
  label: string;
  title: Shown;
  rate: Rate | null;
  children: Entry[];
}

export interface Overview {
  title: Shown;
  subtitle: Shown | null;
  summary: Shown | null;
  facts: Fact[];
  principle: Shown | null;
  principleSummary: Shown | null;
  /** The whole plan's rate, where the data has one. */
  overall: Rate | null;
  /** The plan's top level, each with its children's titles. */
  top: Entry[];
  /** 策定の趣旨, by paragraph. */
  purpose: Shown[];
  promotion: { summary: Shown | null; bodies: Array<{ title: Shown; summary: Shown | null }> } | null;
  related: Array<{ title: Shown; date: string | null; relation: Shown | null; summary: Shown | null; href: string | null }>;
  revision: Shown | null;
  notes: Shown[];
  /** A link to the source document where its title is not already a fact (it is the plan's own title). */
  sourceLink: string | null;
}

const present = <T>(x: T | null | undefined): x is T => x != null;

function rate(node: PlanNode, lang: Lang, t: Messages): Rate | null {
  const p = node.progress;
  // A leaf's "1 of 1" from its own status is not a figure of the plan's structure.
  if (!p || p.source === 'status' || p.rateTenths === null) return null;
  return {
    rate: `${t.progress.rateLabel} ${formatPercent(p.rateTenths, lang)}`,
    counts: t.progress.counts(formatCount(p.achieved, lang), formatCount(p.total, lang)),
    unconfirmed: p.unconfirmed > 0 ? t.progress.unconfirmed(formatCount(p.unconfirmed, lang), p.unconfirmedDerived) : null,
  };
}

function entry(plan: PlanModel, node: PlanNode, lang: Lang, t: Messages, depth: number): Entry {
  const number = numberLabel(plan.data, node.data, lang);
  // 「視点1」 names its kind already; otherwise the kind the plan names, then the bare number (「基本方針 1」).
  // Below the top level the kind is the heading's, so only the number is shown (「（1）」, 「分野1」).
  const kind = depth === 0 && number === (node.data.number?.trim() ?? '') ? kindLabel(plan.data, node.kind, lang, t.kind) : '';
  return {
    label: [kind, number].filter(Boolean).join(' '),
    title: shown(node.title, lang) ?? { text: node.id, lang },
    rate: depth === 0 ? rate(node, lang, t) : null,
    children: depth === 0 ? node.children.map((c) => entry(plan, c, lang, t, 1)) : [],
  };
}

export function buildOverview(plan: PlanModel, lang: Lang, t: Messages): Overview {
  const d = plan.data;
  const o = t.overview;
  const base = plan.bundle.url; // relative links in a bundle are relative to the bundle
  const title = shown(d.title, lang) ?? { text: d.id, lang };
  const fact = (term: string, value: Shown | null, more?: Partial<Fact>): Fact | null => value && { term, value, ...more };
  const plain = (s: string): Shown => ({ text: s, lang });

  const publisher = plan.bundle.data.publisher;
  const name = shown(publisher.name, lang);
  const department = shown(publisher.department, lang);
  const source = d.source;
  const sourceHref = safeHref(source?.url, base);
  // The source's title is worth a line only where it is not the plan's own (the report on a plan).
  const sourceTitle = source?.title && text(source.title, 'ja').trim() !== text(d.title, 'ja').trim() ? shown(source.title, lang) : null;

  const facts = [
    fact(o.period, plain(formatPeriodLong(d.period, lang)), { note: shown(d.periodNote, lang) }),
    d.adopted ? fact(o.adopted, plain(formatDate(d.adopted, lang))) : null,
    d.asOf ? fact(o.asOf, plain(formatDate(d.asOf, lang))) : null,
    fact(o.publisher, name && (department ? { ...name, text: `${name.text} ${department.text}` } : name), { href: safeHref(publisher.url, base) }),
    fact(o.editor, shown(d.editor, lang)),
    fact(o.source, sourceTitle, { href: sourceHref }),
  ].filter(present);

  const promotion = d.promotion && {
    summary: shown(d.promotion.summary, lang),
    bodies: (d.promotion.bodies ?? [])
      .map((b) => {
        const bodyTitle = shown(b.title, lang);
        return bodyTitle && { title: bodyTitle, summary: shown(b.summary, lang) };
      })
      .filter(present),
  };

  const purpose = shown(d.purpose, lang);
  return {
    title,
    subtitle: shown(d.subtitle, lang),
    summary: shown(d.summary, lang),
    facts,
    principle: shown(d.principle, lang),
    principleSummary: shown(d.principleSummary, lang),
    overall: rate(plan.root, lang, t),
    top: plan.root.children.map((c) => entry(plan, c, lang, t, 0)),
    purpose: purpose
      ? purpose.text
          .split(/\n\s*\n/)
          .map((p) => ({ ...purpose, text: p.trim() }))
          .filter((p) => p.text)
      : [],
    promotion: promotion && (promotion.summary || promotion.bodies.length) ? promotion : null,
    related: (d.related ?? [])
      .map((r) => {
        const relatedTitle = shown(r.title, lang);
        return (
          relatedTitle && {
            title: relatedTitle,
            date: r.date ? formatDate(r.date, lang) : null,
            relation: shown(r.relation, lang),
            summary: shown(r.summary, lang),
            href: safeHref(r.url, base),
          }
        );
      })
      .filter(present),
    revision: shown(d.revisionPolicy, lang),
    notes: (d.notes ?? []).map((n) => shown(n, lang)).filter(present),
    sourceLink: sourceTitle ? null : sourceHref,
  };
}
