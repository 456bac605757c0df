import { css } from 'lit';
import { tokens } from './tokens.js';

/**
 * The base every widget shares: tokens, a typography reset on :host (a CMS theme's fonts, `rem` size,
 * letter-spacing or text-transform must not leak in through inheritance), the loading and error states, focus,
 * reduced motion, forced colours and print.
 */
export const hostStyles = [
  tokens,
  css`
    :host {
      display: block;
      box-sizing: border-box;
      /* medium = the reader's default size; immune to html { font-size: 62.5% } */
      font: normal normal 400 var(--_font-size) / 1.7 var(--_font) !important;
      letter-spacing: normal !important;
      word-spacing: normal !important;
      text-transform: none !important;
      text-indent: 0 !important;
      text-align: start !important;
      text-shadow: none !important;
      white-space: normal !important;
      color: var(--_text) !important;
      /* anywhere, not break-word: a long phrase must not widen a grid or table track (320 px) */
      overflow-wrap: anywhere;
      line-break: strict;
      /*
       * Japanese lines break between phrases (「デジタル」 stays whole) and a last line is not one stranded kana.
       * Browsers without these keep the strict breaking above.
       */
      word-break: auto-phrase;
      text-wrap: pretty;
    }
    :host([hidden]) {
      display: none !important;
    }
    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }
    .state {
      padding: 0.75em 1em;
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
    }
    .state[aria-busy='true'] {
      color: var(--_muted);
      border: 1px dashed var(--_border);
    }
    .error {
      border: 2px solid var(--_danger);
    }
    .error .title {
      font-weight: 700;
      margin: 0 0 0.25em;
      color: var(--_danger);
    }
    .error p {
      margin: 0;
    }
    /* The technical detail (URL, JSON path, values), for the site's staff; closed, it is not read out. */
    .detail {
      margin-top: 0.5em;
      font-size: 0.875em;
      color: var(--_muted);
      overflow-wrap: anywhere;
    }
    .detail summary {
      cursor: pointer;
    }
    button {
      font: inherit;
      color: inherit;
      letter-spacing: inherit;
      text-transform: none;
    }
    /* Colour keys for statuses (always next to a text label). */
    .swatch {
      width: 0.875em;
      height: 0.875em;
      border-radius: 2px;
      border: 1px solid var(--_border);
      background: var(--_neutral);
    }
    .tone-accent { background: var(--_accent); }
    .tone-success { background: var(--_success); }
    .tone-info { background: var(--_info); }
    .tone-warning { background: var(--_warning); }
    .tone-danger { background: var(--_danger); }
    .retry {
      margin-top: 0.5em;
    }
    /* Secondary buttons: "Try again", the chart's table toggle. */
    .retry,
    .toggle {
      padding: 0.25em 1em;
      border: 1px solid var(--_accent);
      border-radius: calc(var(--_radius) / 2);
      background: var(--_surface);
      color: var(--_accent);
      cursor: pointer;
    }
    :focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    /*
     * The editor's wording (a text with editorial: true), marked as such next to it, never dressed as a quote:
     * card, overview, tree and the report shapes' renderers use it. On paper and in forced colours it takes the
     * text colour (--_muted is #000 in print; forced colours replace both).
     */
    .editorial-mark {
      display: inline-block;
      padding: 0 0.375em;
      border: 1px solid var(--_muted);
      border-radius: calc(var(--_radius) / 2);
      color: var(--_muted);
      font-size: 0.75em;
      font-weight: 400;
      line-height: 1.5;
      vertical-align: 0.125em;
    }
    .visually-hidden {
      position: absolute !important;
      width: 1px;
      height: 1px;
      margin: -1px;
      padding: 0;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
      border: 0;
    }
    @media (prefers-reduced-motion: reduce) {
      *,
      *::before,
      *::after {
        transition: none !important;
        animation: none !important;
      }
    }
    @media (forced-colors: active) {
      .error {
        border-color: CanvasText;
      }
      :focus-visible {
        outline-color: Highlight;
      }
    }
    @media print {
      :host {
        color: #000;
        --_text: #000;
        --_muted: #000;
        --_surface: #fff;
      }
      .retry {
        display: none;
      }
    }
  `,
];
