import { css } from 'lit';

export const planOverviewStyles = css`
  .base {
    --_ov-accent: var(--kdx-overview-accent, var(--_accent));
    display: grid;
    gap: 1em;
    padding: var(--kdx-overview-padding, 1em 1.25em);
    border: 1px solid var(--kdx-overview-border-color, var(--_border));
    border-radius: var(--kdx-overview-radius, var(--_radius));
    background: var(--kdx-overview-background, var(--_surface));
  }
  p,
  ul,
  dl,
  dd {
    margin: 0;
    padding: 0;
  }
  ul {
    list-style: none;
  }
  .heading {
    margin: 0;
    font-size: var(--kdx-overview-heading-size, 1.5em);
    font-weight: 700;
    line-height: 1.4;
  }
  .base > .subtitle {
    margin-block-start: -0.75em;
    font-weight: 700;
  }
  .summary,
  .prose,
  .related-summary,
  .bodies dd {
    /* Source texts separate paragraphs with blank lines. */
    white-space: pre-line;
  }

  /* Term and value side by side where there is room, the value below its term in a narrow column. */
  .facts,
  .bodies {
    display: grid;
    gap: 0.25em;
  }
  .facts > div,
  .relation > div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1em;
  }
  .facts dt,
  .relation dt {
    flex: 0 0 auto;
    min-width: 5em;
  }
  .facts dd,
  .relation dd {
    flex: 1 1 14em;
    min-width: 0;
  }
  dt {
    color: var(--_muted);
    font-weight: 700;
  }
  .fact-note {
    display: block;
    color: var(--_muted);
    font-size: 0.875em;
  }

  .section {
    display: grid;
    gap: 0.5em;
    padding-block-start: 0.75em;
    border-block-start: 1px solid var(--kdx-overview-border-color, var(--_border));
  }
  .section-heading {
    margin: 0;
    font-size: 1.125em;
    font-weight: 700;
    line-height: 1.4;
  }
  .principle {
    padding-inline-start: 0.75em;
    border-inline-start: 4px solid var(--_ov-accent);
    font-size: 1.25em;
    font-weight: 700;
  }

  .overall {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.75em;
    font-weight: 700;
  }
  .rate strong {
    font-variant-numeric: tabular-nums;
  }
  .counts {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .rate .counts {
    margin-inline-start: 0.5em;
  }
  .top {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 16em), 1fr));
    align-items: start;
    gap: 0.75em;
  }
  .entry {
    display: grid;
    gap: 0.25em;
    padding: 0.5em 0.75em;
    border: 1px solid var(--kdx-overview-border-color, var(--_border));
    border-inline-start: 4px solid var(--_ov-accent);
    border-radius: calc(var(--_radius) / 2);
  }
  .entry-head {
    font-weight: 700;
  }
  .entry-label {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .entry-head .entry-label {
    display: block;
  }
  .children {
    display: grid;
    gap: 0.125em;
    padding-inline-start: 1.25em;
    font-size: 0.9375em;
    list-style: disc;
  }

  details summary {
    width: fit-content;
    color: var(--kdx-overview-link-color, var(--_accent));
    cursor: pointer;
  }
  details[open] summary {
    margin-block-end: 0.5em;
  }
  details .prose + .prose {
    margin-block-start: 0.75em;
  }

  .bodies dt {
    color: var(--_text);
  }
  .related {
    display: grid;
    gap: 0.75em;
  }
  /* The plan's revisions, newest first: each a date and title, then its period and items. */
  .revisions {
    display: grid;
    gap: 0.75em;
    margin: 0.5em 0 0;
    padding: 0;
    list-style: none;
  }
  .revision-head {
    font-weight: 700;
  }
  .revision-date {
    font-variant-numeric: tabular-nums;
  }
  .revision-label {
    margin-block-start: 0.25em;
    color: var(--_muted);
    font-size: 0.875em;
    font-weight: 700;
  }
  .revision-items {
    padding-inline-start: 1.25em;
    list-style: disc;
  }
  .revision-reason {
    color: var(--_muted);
  }
  .related-title {
    font-weight: 700;
  }
  .related-date {
    color: var(--_muted);
    font-weight: 400;
  }
  .related-summary {
    font-size: 0.875em;
  }

  /*
   * Notes, the editor's label and links: the card's rules again, on purpose. Shared, they would go to the core
   * chunk that every page loads: +148 B brotli on a page with one meter, for 37 B less with every widget.
   */
  .editorial-label {
    font-weight: 700;
  }
  .notes {
    display: grid;
    gap: 0.125em;
    color: var(--_muted);
    font-size: 0.875em;
  }

  .link {
    color: var(--kdx-overview-link-color, var(--_accent));
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  .link:hover {
    text-decoration-thickness: 2px;
  }

  @media (forced-colors: active) {
    .base,
    .section,
    .entry,
    .principle,
    .editorial-mark {
      border-color: CanvasText;
    }
    .link,
    details summary {
      color: LinkText;
    }
  }
  @media print {
    .base {
      border-color: #000;
    }
    .entry,
    .principle,
    .section,
    .editorial-mark {
      border-color: #000;
    }
    dt,
    .fact-note,
    .counts,
    .entry-label,
    .related-date,
    .revision-label,
    .revision-reason,
    .notes,
    .editorial-mark,
    .link,
    details summary {
      color: #000;
    }
    .entry,
    .related li,
    .revision {
      break-inside: avoid;
    }
    /* Paper has no disclosure: the whole text is printed. */
    details summary {
      display: none;
    }
    details::details-content {
      content-visibility: visible;
      display: contents;
    }
    .link::after {
      content: ' <' attr(href) '>';
      font-size: 0.875em;
      overflow-wrap: anywhere;
    }
  }
`;
