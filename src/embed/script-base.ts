/**
 * For the classic-script build (`kdx.iife.js`) only: the URL of a chunk of the ES build, relative to the script
 * itself. The classic script shares the ES build's lazy chunks that import nothing (chart.js, the English
 * messages, the Japanese detail of problems, the report shapes' English words) instead of carrying them, and loads
 * the report shapes' code from a chunk of its own (scripts/classic-shapes.ts): the build (vite.config.ts,
 * `chunksByUrl`) writes their hashed names in. `import()` works from classic scripts and needs no
 * Trusted Types policy (a `<script>` element built by hand would).
 */

/** Where this script was loaded from, read while it runs (`currentScript` is null later). */
function scriptUrl(): string {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.src) return current.src;
  // Run by another script (a tag manager, a bundle that includes it): look for the file by its name.
  const named = [...document.scripts].reverse().find((s) => /\/kdx\.iife(?:\.min)?\.js(?:[?#]|$)/.test(s.src));
  return named?.src ?? document.baseURI;
}

const base = typeof document === 'undefined' ? '' : scriptUrl();

/** `chunks/<name>-<hash>.js` next to the script, as an absolute URL. */
export const chunkUrl = (path: string): string => new URL(path, base).href;
