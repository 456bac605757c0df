import { css } from 'lit';

export const progressStyles = css`
  .base {
    background: var(--kdx-progress-background, var(--_surface));
    border-radius: var(--_radius);
    padding: var(--kdx-progress-padding, 0.75em 1em);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0 1em;
  }
  .title {
    font-weight: 700;
  }
  .rate {
    font-size: 1.5em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    line-height: 1.3;
  }
  .track {
    position: relative;
    height: var(--kdx-progress-height, 0.75em);
    margin: 0.375em 0;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_track);
    overflow: hidden;
  }
  .fill {
    position: absolute;
    inset: 0 auto 0 0;
    width: calc(var(--_rate, 0) * 100%);
    background: var(--kdx-progress-fill, var(--_accent));
    border-radius: inherit;
    transition: width 0.4s ease-out;
  }
  .counts,
  .note,
  .nodata {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .ring-layout {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 1em;
  }
  /* Below the ring and its text, across the whole box. */
  .ring-table {
    flex: 1 0 100%;
  }
  .ring {
    flex: none;
    width: var(--kdx-progress-ring-size, 6em);
    height: var(--kdx-progress-ring-size, 6em);
    transform: rotate(-90deg);
  }
  .ring circle {
    fill: none;
    stroke-width: 12;
  }
  .ring .ring-track {
    stroke: var(--_track);
  }
  .ring .ring-fill {
    stroke: var(--kdx-progress-fill, var(--_accent));
    stroke-linecap: butt;
    transition: stroke-dashoffset 0.4s ease-out;
  }
  .ring-text {
    display: grid;
    gap: 0.125em;
    flex: 1 1 0;
    min-width: 8em;
  }
  :host([variant='inline']) {
    display: inline;
    /* !important to beat the host reset's (running text takes the page's typography on purpose) */
    font: inherit !important;
    color: inherit !important;
    letter-spacing: inherit !important;
  }
  /* The rate and its bar stay together; the counts wrap like the sentence around them (320 px, WCAG 1.4.10). */
  .inline-meter {
    white-space: nowrap;
  }
  .inline .track {
    display: inline-block;
    vertical-align: middle;
    width: 3em;
    height: 0.6em;
    margin: 0 0.25em;
  }
  .inline-rate {
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .breakdown {
    list-style: none;
    margin: 0.5em 0 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    font-size: 0.875em;
  }
  .breakdown li {
    display: flex;
    align-items: center;
    gap: 0.375em;
  }
  .as-of {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .change {
    margin: 0.25em 0 0;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  /* The report's table: grades written out, counts and shares as printed. */
  .distribution {
    width: 100%;
    margin: 0.5em 0 0;
    border-collapse: collapse;
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
  }
  .distribution caption {
    text-align: start;
    font-weight: 700;
    padding-bottom: 0.25em;
  }
  .distribution th,
  .distribution td {
    padding: 0.25em 0.5em;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  .distribution th[scope='col'] {
    text-align: end;
    font-weight: 700;
  }
  .distribution th[scope='col']:first-child,
  .distribution th[scope='row'] {
    text-align: start;
    padding-inline-start: 0;
  }
  .distribution th[scope='row'] {
    font-weight: 400;
  }
  .distribution th[scope='row'] .swatch {
    display: inline-block;
    vertical-align: -0.1em;
    margin-inline-end: 0.375em;
  }
  .distribution td {
    text-align: end;
    white-space: nowrap;
  }
  .distribution tfoot th,
  .distribution tfoot td {
    font-weight: 700;
    border-bottom: 0;
  }
  @media (forced-colors: active) {
    .fill { background: Highlight; forced-color-adjust: none; }
    .track { border-color: CanvasText; }
    .ring .ring-fill { stroke: Highlight; }
    .ring .ring-track { stroke: GrayText; }
  }
  @media print {
    .fill { background: #000; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
    .track { border-color: #000; background: #fff; }
    .ring .ring-fill { stroke: #000; }
    /* The remainder pale, the fill black: only the fill reads as progress. */
    .ring .ring-track { stroke: #d9d9d9; }
  }
`;
