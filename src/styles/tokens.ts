import { css } from 'lit';

/**
 * Design tokens. Each widget reads `var(--kdx-<token>, <default>)` into a private `--_<token>` on :host, so a
 * page's own `--kdx-*` values (set on any ancestor) always win, and nothing public is declared on :host.
 *
 * Defaults are the Digital Agency design system's (`@digital-go-jp/design-tokens`), chosen for contrast:
 * text #1a1a1a (gray-900), muted #4d4d4d (gray-700, 8.5:1), accent #0017c1 (blue-900), success #197a4b
 * (green-800), warning #ac3e00 (orange-900), danger #ce0000 (red-900), borders #949494 (gray-420, 3:1).
 * A test checks these against the package.
 */
/** Dark defaults, for `theme="dark"` and for `theme="auto"` when the reader's system is dark (on screen). */
const dark = css`
    --_text: var(--kdx-color-text, #f2f2f2);
    --_muted: var(--kdx-color-text-muted, #cccccc);
    --_surface: var(--kdx-color-surface, #1a1a1a);
    --_surface-alt: var(--kdx-color-surface-alt, #262626);
    --_border: var(--kdx-color-border, #808080);
    --_accent: var(--kdx-color-accent, #9db7f9);
    --_track: var(--kdx-color-track, #333333);
    --_focus: var(--kdx-color-focus, #57b8ff);
    --_success: var(--kdx-color-success, #71c598);
    --_info: var(--kdx-color-info, #9db7f9);
    --_warning: var(--kdx-color-warning, #ffa66d);
    --_danger: var(--kdx-color-danger, #ff7171);
    --_neutral: var(--kdx-color-neutral, #cccccc);
`;

/** `.light-tokens`: the light values on an inner element too (a chart reads them to draw for paper). */
export const tokens = css`
  :host,
  .light-tokens {
    --_font: var(--kdx-font-family, 'Noto Sans JP', -apple-system, BlinkMacSystemFont, 'Hiragino Sans', Meiryo, sans-serif);
    --_font-size: var(--kdx-font-size, medium);
    --_text: var(--kdx-color-text, #1a1a1a);
    --_muted: var(--kdx-color-text-muted, #4d4d4d);
    --_surface: var(--kdx-color-surface, #ffffff);
    --_surface-alt: var(--kdx-color-surface-alt, #f2f2f2);
    --_border: var(--kdx-color-border, #949494);
    --_accent: var(--kdx-color-accent, #0017c1);
    --_track: var(--kdx-color-track, #e6e6e6);
    --_focus: var(--kdx-color-focus, #0877d7);
    --_success: var(--kdx-color-success, #197a4b);
    --_info: var(--kdx-color-info, #0017c1);
    --_warning: var(--kdx-color-warning, #ac3e00);
    --_danger: var(--kdx-color-danger, #ce0000);
    --_neutral: var(--kdx-color-neutral, #4d4d4d);
    --_radius: var(--kdx-radius, 8px);
    --_space: var(--kdx-space, 1em);
  }
  /* Screen only: paper is white (browsers drop backgrounds), so every theme prints as the light one. */
  @media screen {
    :host([theme='dark']) {
      ${dark}
    }
  }
  @media screen and (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${dark}
    }
  }
`;
