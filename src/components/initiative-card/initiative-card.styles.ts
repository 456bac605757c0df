import { css } from 'lit';

export const initiativeCardStyles = css`
  .base {
    display: grid;
    gap: 0.5em;
    padding: var(--kdx-card-padding, 1em 1.25em);
    border: 1px solid var(--kdx-card-border-color, var(--_border));
    border-radius: var(--kdx-card-radius, var(--_radius));
    background: var(--kdx-card-background, var(--_surface));
  }
  .base > * {
    margin: 0;
  }
  ul,
  ol,
  dl,
  dd {
    margin: 0;
    padding: 0;
  }
  ul,
  ol {
    list-style: none;
  }

  /* plan › policy › area */
  .breadcrumb ol {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.375em;
    color: var(--_muted);
    font-size: 0.8125em;
  }
  .breadcrumb li + li::before {
    /* Decorative: the list already says where one level ends; the empty alt keeps it out of speech. */
    content: '›' / '';
    margin-inline-end: 0.375em;
  }

  .heading {
    margin: 0;
    font-size: var(--kdx-card-heading-size, 1.25em);
    font-weight: 700;
    line-height: 1.4;
  }

  .meta {
    display: grid;
    gap: 0.25em;
    font-size: 0.875em;
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.125em 0.5em;
    color: var(--_muted);
  }
  /* The separator ends a line, never starts one, when the facts wrap. */
  .facts li:not(:last-child)::after {
    content: '·' / '';
    margin-inline-start: 0.5em;
  }
  .status,
  .progress {
    margin: 0;
  }
  .status-value {
    font-weight: 700;
  }
  .none {
    color: var(--_muted);
    font-weight: 400;
  }
  /* The tone is a colour on top of the written status, never instead of it. */
  .badge {
    --_tone: var(--_neutral);
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
    padding: 0 0.5em;
    border: 1px solid var(--_tone);
    border-radius: 999px;
    background: var(--kdx-card-background, var(--_surface));
    color: var(--_tone);
  }
  .dot {
    width: 0.625em;
    height: 0.625em;
    border-radius: 50%;
    background: var(--_tone);
  }
  .tone-success { --_tone: var(--_success); }
  .tone-info { --_tone: var(--_info); }
  .tone-warning { --_tone: var(--_warning); }
  .tone-danger { --_tone: var(--_danger); }
  .tone-neutral { --_tone: var(--_neutral); }

  .target,
  .results {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em 0.5em;
  }
  .target-values {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75em;
  }
  .target-values div {
    display: flex;
    gap: 0.25em;
  }
  /* A long value (with its year and date) wraps; its name does not. */
  .target-values dt {
    flex: none;
    color: var(--_muted);
  }
  .target-values dd {
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }

  .grade,
  .as-of {
    margin: 0;
  }
  .grade-source,
  .as-of,
  .indicator-direction {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .indicator {
    display: grid;
    gap: 0.25em;
    padding-inline-start: 0.75em;
    border-inline-start: 2px solid var(--_border);
  }
  .indicator p {
    margin: 0;
  }
  .actuals {
    border-collapse: collapse;
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
  }
  .actuals caption {
    text-align: start;
    color: var(--_muted);
  }
  .actuals th,
  .actuals td {
    padding: 0.125em 0.75em 0.125em 0;
    border-bottom: 1px solid var(--_border);
    text-align: start;
  }
  .actuals td {
    text-align: end;
    font-weight: 700;
  }

  .description {
    /* Summaries separate paragraphs with blank lines. */
    white-space: pre-line;
  }
  /* The label sits on the text it names (実施内容 / 取組内容), like the aligned items' heading. */
  .description-label,
  .aligned-label {
    margin-block-end: -0.5em;
    color: var(--_muted);
    font-size: 0.875em;
    font-weight: 700;
  }
  .aligned ul {
    margin: 0;
  }
  /* Notes, the editor's label, and links: the overview has the same rules (see there why not shared). */
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
    color: var(--kdx-card-link-color, var(--_accent));
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  .link:hover {
    text-decoration-thickness: 2px;
  }

  @media (forced-colors: active) {
    .base,
    .badge,
    .editorial-mark {
      border-color: CanvasText;
      color: CanvasText;
    }
    .dot {
      forced-color-adjust: none;
      background: CanvasText;
    }
    .link {
      color: LinkText;
    }
  }
  @media print {
    .base {
      border-color: #000;
      break-inside: avoid;
    }
    .breadcrumb ol,
    .facts,
    .notes,
    .none,
    .grade-source,
    .as-of,
    .indicator-direction,
    .actuals caption,
    .target-values dt {
      color: #000;
    }
    .badge,
    .editorial-mark {
      color: #000;
      border-color: #000;
      background: #fff;
    }
    .dot {
      background: #000;
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
    .link {
      color: #000;
    }
    /* Paper has no links: print where it goes. */
    .link::after {
      content: ' <' attr(href) '>';
      font-size: 0.875em;
      overflow-wrap: anywhere;
    }
  }
`;
