/**
 * Minifies the CSS of a Lit `css` literal for the page builds (see `vite.config.ts`). Comments and layout
 * whitespace go; no space after a property's colon (custom properties too), before `!important` or around `/`;
 * `0.5` → `.5`; `#cccccc` → `#ccc`. Quoted strings are left as written. In a literal with `${…}` each stretch
 * between them is minified on its own, and a space at its end stays unless it is next to `{`, `}` or `;` (it may
 * separate two selectors or values across the interpolation).
 */
function minifyCss(text: string): string {
  return text
    .split(STRING)
    .map((part, i) =>
      i % 2
        ? part
        : part
            .replace(/\s+/g, ' ')
            .replace(/ ?([{};,>]) ?/g, '$1')
            .replace(/(^|[{;]) ?(-*[a-z_][\w-]*): /g, '$1$2:')
            .replace(/ !important/g, '!important')
            .replace(/ \/ /g, '/')
            .replace(/(^|[\s:(,])0\.(\d)/g, '$1.$2')
            .replace(/#([\da-f])\1([\da-f])\2([\da-f])\3\b/gi, '#$1$2$3'),
    )
    .join('')
    .replace(/;}/g, '}');
}

const STRING = /('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")/;
/**
 * Comments go first, in one pass with the strings: a quote inside a comment (「the host reset's」) would otherwise
 * be taken for the start of a string, and the comment kept.
 */
const dropComments = (text: string) => text.replace(new RegExp(`${STRING.source}|/\\*[\\s\\S]*?\\*/`, 'g'), (_m, str?: string) => str ?? ' ');

/** A literal's body, minified; `${…}` kept as written. */
export function minifyLiteral(body: string): string {
  return body
    .split(/(\$\{[^`}]*\})/)
    .map((p, i) => (i % 2 ? p : minifyCss(dropComments(p))))
    .join('')
    .trim();
}
