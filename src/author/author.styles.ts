import { css } from 'lit';
import { tokens } from '../styles/tokens.js';

/** The authoring page's look: the widgets' design tokens (Digital Agency defaults), one column that reflows. */
export const authorStyles = [
  tokens,
  css`
    :host {
      display: block;
      max-width: 72rem;
      margin: 0 auto;
      padding: 1rem;
      font: 400 var(--_font-size) / 1.7 var(--_font);
      color: var(--_text);
      background: var(--_surface);
      overflow-wrap: anywhere;
    }
    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }
    h1 {
      font-size: 1.6em;
      line-height: 1.4;
      margin: 0 0 0.5em;
    }
    h2 {
      font-size: 1.25em;
      margin: 0 0 0.75em;
      padding-bottom: 0.25em;
      border-bottom: 2px solid var(--_accent);
    }
    h3 {
      font-size: 1em;
    }
    section {
      margin: 2rem 0;
    }
    .privacy {
      font-weight: 700;
    }
    .field {
      margin: 0 0 1rem;
    }
    .field > label,
    .row > label {
      display: block;
      font-weight: 700;
      margin-bottom: 0.25rem;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      margin: 0.5rem 0;
    }
    .row > label {
      flex-basis: 100%;
      margin: 0;
    }
    .row > input {
      flex: 1 1 14rem;
    }
    input[type='text'],
    input[type='url'],
    select,
    textarea {
      font: inherit;
      color: var(--_text);
      background: var(--_surface);
      max-width: 100%;
      width: 32rem;
      padding: 0.35rem 0.5rem;
      border: 1px solid var(--_border);
      border-radius: 4px;
    }
    .row > input[type='url'] {
      width: auto;
    }
    /* The plan chooser: as wide as its longest plan (title and id), never wider than the column. */
    #plan {
      width: auto;
      min-width: min(32rem, 100%);
    }
    input[type='file'] {
      font: inherit;
      max-width: 100%;
    }
    [aria-invalid='true'] {
      border: 2px solid var(--_danger);
    }
    button,
    .button {
      font: inherit;
      display: inline-block;
      padding: 0.4rem 1rem;
      border: 2px solid var(--_accent);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_accent);
      text-decoration: none;
      cursor: pointer;
    }
    a.button {
      background: var(--_accent);
      color: var(--_surface);
    }
    :focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    fieldset {
      min-width: 0; /* not the widest input's: inputs shrink to the column at 320 px */
      margin: 0 0 1rem;
      padding: 0.75rem 1rem 0.25rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    legend {
      font-weight: 700;
      padding: 0 0.25rem;
    }
    .drop {
      margin-bottom: 1rem;
      padding: 1rem;
      border: 2px dashed var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface-alt);
    }
    .drop.over {
      border-color: var(--_accent);
      border-style: solid;
    }
    .drop-hint {
      margin-top: 0;
      color: var(--_muted);
    }
    .hint {
      margin: 0.25rem 0 0;
      color: var(--_muted);
      font-size: 0.9em;
    }
    .status {
      margin: 0.5rem 0 0;
    }
    .status p {
      margin: 0;
    }
    progress {
      display: block;
      width: 100%;
      max-width: 32rem;
      accent-color: var(--_accent);
    }
    .problem {
      color: var(--_danger);
    }
    .status.problem,
    .summary.problem {
      padding: 0.5rem 0.75rem;
      border: 2px solid var(--_danger);
      border-radius: var(--_radius);
    }
    .ok {
      color: var(--_success);
    }
    .summary {
      font-weight: 700;
    }
    .issues li,
    .diff li {
      margin: 0.2rem 0;
    }
    .save {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 0.75rem;
    }
    .note {
      color: var(--_muted);
    }
    @media (forced-colors: active) {
      a.button {
        border-color: LinkText;
      }
    }
  `,
];
