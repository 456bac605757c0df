/** The page builds' CSS minifier (`scripts/minify-css.ts`): smaller, never different in meaning. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minifyLiteral } from '../../scripts/minify-css.js';

test('drops what CSS does not need', () => {
  assert.equal(
    minifyLiteral(`
    /* a comment */
    :host {
      --_text: var(--kdx-color-text, #cccccc);
      font: 400 var(--_size) / 1.7 var(--_font) !important;
      padding: 0.375em 0.75em;
    }
    .a > .b,
    .c {
      color: #0017c1;
    }
  `),
    ':host{--_text:var(--kdx-color-text,#ccc);font:400 var(--_size)/1.7 var(--_font)!important;padding:.375em .75em}.a>.b,.c{color:#0017c1}',
  );
});

test('keeps quoted strings, descendant selectors, numbers that are not 0.x, and six-digit colours that do not repeat', () => {
  assert.equal(minifyLiteral(`.a .b::before { content: '  0.5  / x  '; width: 10.5em; color: #1a1a1a; }`), `.a .b::before{content:'  0.5  / x  ';width:10.5em;color:#1a1a1a}`);
});

test('minifies around ${…} without joining what it separates', () => {
  assert.equal(minifyLiteral(`:host([theme='dark']) {\n    \${dark}\n  }\n  .a \${sel} {\n  color: red;\n}`), `:host([theme='dark']){\${dark}}.a \${sel}{color:red}`);
  assert.equal(minifyLiteral(`\n    --_text: var(--kdx-color-text, #f2f2f2);\n    --_muted: var(--m, #cccccc);\n`), '--_text:var(--kdx-color-text,#f2f2f2);--_muted:var(--m,#ccc);');
});

test('drops comments with quotes in them, and keeps what looks like a comment inside a string', () => {
  assert.equal(
    minifyLiteral(`/* the host reset's font */\n  .a {\n    /* "Try again", the chart's toggle */\n    font: inherit !important;\n    content: '/* kept */';\n  }`),
    `.a{font:inherit!important;content:'/* kept */'}`,
  );
});
