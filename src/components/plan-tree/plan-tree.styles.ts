import { css } from 'lit';

export const planTreeStyles = css`
  /* Every text sits on the surface of the widget, whatever the background of the page (contrast in any theme). */
  .base {
    display: grid;
    gap: 0.5em;
    padding: var(--kdx-tree-padding, 0.75em);
    background: var(--kdx-tree-background, var(--_surface));
    border-radius: var(--_radius);
  }
  /* The buttons line up with the input (not with the hint, which has a line of its own below both). */
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.25em 1em;
  }
  .filter,
  .grade-filter {
    display: grid;
    gap: 0.125em;
  }
  .filter {
    flex: 1 1 16em;
  }
  .filter label,
  .grade-filter label {
    font-weight: 700;
    font-size: 0.875em;
  }
  .grade-filter select {
    max-width: 100%;
  }
  .filter input {
    width: 100%;
  }
  .filter input,
  .grade-filter select {
    min-width: 0;
    padding: 0.375em 0.5em;
    font: inherit;
    color: var(--_text);
    background: var(--kdx-tree-background, var(--_surface));
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
  }
  .hint {
    flex-basis: 100%;
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .actions {
    display: flex;
    gap: 0.5em;
  }
  .actions button {
    padding: 0.375em 0.75em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--kdx-tree-background, var(--_surface));
    cursor: pointer;
  }
  /* Always rendered (an empty live region is still in the accessibility tree), so changes are announced. */
  .status {
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .tree {
    max-height: var(--kdx-tree-max-height, none);
    overflow: auto;
    padding: 0.25em 0;
    background: var(--kdx-tree-background, var(--_surface));
    border: 1px solid var(--kdx-tree-border-color, var(--_border));
    border-radius: var(--_radius);
  }
  .tree[hidden] {
    display: none;
  }
  .row {
    /*
     * The mark in 1.25em, the label in the rest, then the grade and the progress where a row has them. Flex, and a
     * block progress, not grids: the same boxes, less layout in the first frame (bench/README.md, Trees).
     */
    display: flex;
    align-items: center;
    column-gap: 0.5em;
    padding: 0.25em 0.75em 0.25em calc(0.5em + var(--_level, 0) * var(--kdx-tree-indent, 1.5em));
    border-inline-start: 4px solid transparent;
    line-height: 1.5;
    cursor: pointer;
  }
  /*
   * Blocks of up to 64 rows, without a role (to assistive technology the rows stay one flat list). A block off
   * screen is laid out and painted only when it comes near: 10,000 open rows cost about as much as a few blocks.
   */
  .block {
    content-visibility: auto;
    /* Rows in the block (--_rows) times the mean height of the rows on screen; auto keeps a seen height. */
    contain-intrinsic-size: auto calc(var(--_rows, 64) * var(--_row-height, var(--kdx-tree-row-height, 2.125em)));
  }
  /*
   * Except the first, which is on screen whenever the tree is: a block that starts skipped and turns out to be in
   * view makes the browser run style and layout a second time in the first frame.
   */
  .block:first-child {
    content-visibility: visible;
  }
  /* The open/closed mark: drawn with borders (no text, so nothing is read out), on parents only. */
  .row::before {
    content: '';
    flex: none;
    /* Centred in 1.25em. */
    margin-inline: 0.4em;
    width: 0.45em;
    height: 0.45em;
  }
  .label {
    flex: 1 1 0;
    min-width: 0;
  }
  .row[aria-expanded]::before {
    border-right: 2px solid currentColor;
    border-bottom: 2px solid currentColor;
    transform: translateX(-0.1em) rotate(-45deg);
    transition: transform 0.15s ease-out;
  }
  .row[aria-expanded='true']::before {
    transform: translateY(-0.1em) rotate(45deg);
  }
  .row:hover {
    background: var(--kdx-tree-hover-background, var(--_surface-alt));
  }
  .row:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  /* Selected: a bar at the start and bold text, not colour alone. */
  .row[aria-selected='true'] {
    border-inline-start-color: var(--kdx-tree-selected-color, var(--_accent));
    background: var(--kdx-tree-selected-background, var(--_surface-alt));
  }
  .row[aria-selected='true'] .label {
    font-weight: 700;
  }
  /* While filtering, rows shown only as the way to a match are quieter. */
  .row[data-context] .label {
    color: var(--_muted);
  }
  .number:empty {
    display: none;
  }
  .number {
    margin-inline-end: 0.25em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .progress {
    flex: none;
    text-align: end;
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  /* A row's grade: its label written out in a frame of its tone (the colour is never the only cue). */
  .grade {
    --_tone: var(--_neutral);
    flex: none;
    min-width: 1.75em;
    padding: 0 0.375em;
    border: 1px solid var(--_tone);
    border-inline-start-width: 4px;
    border-radius: calc(var(--_radius) / 2);
    font-size: 0.875em;
    font-weight: 700;
    text-align: center;
    white-space: nowrap;
  }
  .grade[data-tone='success'] { --_tone: var(--_success); }
  .grade[data-tone='info'] { --_tone: var(--_info); }
  .grade[data-tone='warning'] { --_tone: var(--_warning); }
  .grade[data-tone='danger'] { --_tone: var(--_danger); }
  .bar {
    display: block;
    margin-block-start: 2px;
    margin-inline-start: auto;
    width: var(--kdx-tree-bar-width, 6em);
    height: var(--kdx-tree-bar-height, 4px);
    overflow: hidden;
    border-radius: 2px;
    background: var(--_track);
  }
  .bar::before {
    content: '';
    display: block;
    height: 100%;
    width: calc(var(--_rate, 0) * 100%);
    background: var(--kdx-tree-bar-fill, var(--_accent));
  }
  @media (forced-colors: active) {
    /* The transparent bar would be forced visible on every row: only the selected row shows one. */
    .row {
      border-inline-start-color: Canvas;
    }
    .row[aria-selected='true'] {
      border-inline-start-color: Highlight;
    }
    .grade {
      border-color: CanvasText;
    }
    .bar {
      forced-color-adjust: none;
      background: Canvas;
      outline: 1px solid CanvasText;
    }
    .bar::before {
      forced-color-adjust: none;
      background: CanvasText;
    }
  }
  @media print {
    .toolbar {
      display: none;
    }
    .tree {
      max-height: none;
      overflow: visible;
      border: 0;
    }
    .block {
      content-visibility: visible;
    }
    .row {
      break-inside: avoid;
    }
    .row[aria-selected='true'] {
      background: none;
      border-inline-start-color: #000;
    }
    .grade {
      border-color: #000;
    }
    .bar {
      background: #fff;
      outline: 1px solid #000;
    }
    .bar::before {
      background: #000;
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
  }
`;
