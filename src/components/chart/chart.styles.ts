import { css } from 'lit';

export const chartStyles = css`
  .base {
    display: grid;
    /* minmax(0, …): lets the responsive canvas shrink with its container, not only grow */
    grid-template-columns: minmax(0, 1fr);
    gap: 0.5em;
    background: var(--kdx-chart-background, var(--_surface));
    border-radius: var(--_radius);
    padding: var(--kdx-chart-padding, 0.75em 1em);
  }
  .title {
    margin: 0;
    font-weight: 700;
  }
  .frame {
    position: relative;
    min-width: 0;
    height: var(--kdx-chart-height, 300px);
  }
  .note {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .legend {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: 0.25em 1.25em;
    font-size: 0.875em;
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: 0.375em;
  }
  .legend-value {
    font-variant-numeric: tabular-nums;
  }
  /* A reference line (baseline, target) is dashed on the canvas, and so in its key. */
  .swatch.dashed {
    height: 0;
    border: 0;
    border-top: 3px dashed var(--_neutral);
    background: none;
  }
  .swatch.dashed.tone-success { border-top-color: var(--_success); }
  .swatch.dashed.tone-accent { border-top-color: var(--_accent); }
  .toggle {
    justify-self: start;
  }
  /* Closed, the table is still read by screen readers: hidden visually only. */
  .table-wrap:not(.open) {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .table-wrap.open {
    overflow-x: auto;
    container-type: inline-size;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    font-weight: 700;
    padding-bottom: 0.25em;
  }
  th,
  td {
    padding: 0.25em 0.375em;
    border-bottom: 1px solid var(--_border);
    text-align: end;
    vertical-align: top;
  }
  /* Numbers stay whole; the headers wrap, so that the table fits a 320 px column in English too. */
  td {
    white-space: nowrap;
  }
  thead th {
    vertical-align: bottom;
  }
  .table-wrap.open:focus-visible {
    outline-offset: 0;
  }
  th[scope='row'],
  thead th:first-child {
    text-align: start;
    white-space: normal;
  }
  /* Names break between phrases; without a floor they would shrink to one phrase per line. */
  th[scope='row'] {
    min-width: 5em;
  }
  thead th,
  tfoot th,
  tfoot td {
    font-weight: 700;
  }
  /*
   * A narrow column (a phone, 320 px): each row is its name on a line of its own, then its numbers, each after its
   * column's name («Achieved 38»), wrapping between numbers, never inside a word, so that nothing needs scrolling
   * sideways (WCAG 1.4.10). The header row is then kept for assistive technology only; the names shown before
   * the numbers are hidden from it (the empty alternative text), which reads each cell with its header as a table does.
   */
  @container (max-width: 28em) {
    table,
    thead,
    tbody,
    tfoot {
      display: block;
    }
    caption {
      display: block;
    }
    tr {
      display: flex;
      flex-wrap: wrap;
      border-bottom: 1px solid var(--_border);
    }
    th,
    td {
      border: 0;
    }
    th[scope='row'] {
      flex-basis: 100%;
      padding-bottom: 0;
    }
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    td {
      text-align: start;
      margin-inline-end: 0.75em;
    }
    td::before {
      content: attr(data-label) ' ' / '';
      color: var(--_muted);
    }
  }
  @media (forced-colors: active) {
    /* Drawn in system colours by the script (see FORCED in chart.ts), read from here unchanged. */
    canvas { forced-color-adjust: none; }
    .swatch { forced-color-adjust: none; }
    .tone-accent, .tone-success, .tone-info { background: Highlight; }
    .tone-warning, .tone-danger { background: CanvasText; }
    .tone-neutral { background: GrayText; }
    .toggle { border-color: ButtonText; color: ButtonText; }
  }
  @media print {
    .toggle { display: none; }
    .frame { break-inside: avoid; }
    .table-wrap:not(.open) {
      position: static;
      width: auto;
      height: auto;
      margin: 0;
      overflow: visible;
      clip-path: none;
      white-space: normal;
    }
    .swatch { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  }
`;
