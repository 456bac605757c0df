/**
 * The page builds' Lit `html` and `svg` templates without their layout white space (see `vite.config.ts`): a run
 * of white space with a line break in it becomes one line break in the text between tags (which renders the same
 * in every `white-space` mode but `pre`, `pre-wrap` and `break-spaces`, which no template's text uses: one space, or
 * a line break under `pre-line`), and one space between a tag's attributes. Left as written: runs without a line
 * break, quoted attribute values, comments, and the content of `<pre>`, `<textarea>`, `<script>` and `<style>`. The
 * JS minifier keeps template literals as written.
 */
import { parseAst } from 'vite';
import type { Edit } from './source-maps.js';

type State = 'text' | 'tag' | 'dq' | 'sq' | 'comment' | 'raw';
const RAW = /^(pre|textarea|script|style)$/i;

/** The edits that take the layout white space out of a module's Lit templates (none without a template). */
export function minifyHtmlTemplates(code: string): Edit[] {
  if (!/\bfrom\s*['"]lit/.test(code)) return [];
  const ast = parseAst(code);
  const tags = new Set<string>();
  for (const node of ast.body) {
    if (node.type !== 'ImportDeclaration' || !/^lit(-html)?(\/|$)/.test(String(node.source.value))) continue;
    for (const s of node.specifiers) {
      if (s.type === 'ImportSpecifier' && s.imported.type === 'Identifier' && (s.imported.name === 'html' || s.imported.name === 'svg')) tags.add(s.local.name);
    }
  }
  if (!tags.size) return [];
  const edits: Edit[] = [];
  walk(ast, (node) => {
    if (node.type !== 'TaggedTemplateExpression') return;
    const tag = node.tag as { type: string; name?: string };
    if (tag.type !== 'Identifier' || !tags.has(tag.name!)) return;
    const quasis = (node.quasi as { quasis: Array<{ start: number; end: number; value: { raw: string } }> }).quasis;
    let state: State = 'text';
    let rawTag = '';
    for (const q of quasis) {
      const [text, next, nextRaw] = strip(q.value.raw, state, rawTag);
      state = next;
      rawTag = nextRaw;
      if (text !== q.value.raw) edits.push({ start: q.start, end: q.end, text });
    }
  });
  return edits;
}

/** One static part of a template, from the state it starts in: the part without layout white space, and the state it ends in. */
function strip(raw: string, start: State, startRaw: string): [string, State, string] {
  let state = start;
  let rawTag = startRaw;
  let out = '';
  for (let i = 0; i < raw.length; ) {
    const c = raw[i]!;
    if ((state === 'text' || state === 'tag') && /\s/.test(c) && raw[i - 1] !== '\\') {
      let j = i;
      while (j < raw.length && /\s/.test(raw[j]!)) j++;
      const run = raw.slice(i, j);
      out += run.includes('\n') ? (state === 'tag' ? ' ' : '\n') : run;
      i = j;
      continue;
    }
    out += c;
    i++;
    if (state === 'text') {
      if (c === '<' && raw.startsWith('!--', i)) state = 'comment';
      else if (c === '<' && /[A-Za-z/]/.test(raw[i] ?? '')) {
        state = 'tag';
        rawTag = /^[A-Za-z][\w-]*/.exec(raw.slice(i))?.[0] ?? '';
      }
    } else if (state === 'tag') {
      if (c === '"') state = 'dq';
      else if (c === "'") state = 'sq';
      else if (c === '>') state = RAW.test(rawTag) ? 'raw' : 'text';
    } else if (state === 'dq') {
      if (c === '"') state = 'tag';
    } else if (state === 'sq') {
      if (c === "'") state = 'tag';
    } else if (state === 'comment') {
      if (c === '>' && raw.slice(i - 3, i) === '-->') state = 'text';
    } else if (state === 'raw') {
      if (c === '<' && raw.slice(i, i + 1 + rawTag.length).toLowerCase() === `/${rawTag.toLowerCase()}`) {
        state = 'tag';
        rawTag = '';
      }
    }
  }
  return [out, state, rawTag];
}

function walk(node: unknown, visit: (node: { type: string; [k: string]: unknown }) => void): void {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, visit);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const n = node as { type?: unknown };
  if (typeof n.type === 'string') visit(n as { type: string });
  for (const key in node) if (key !== 'parent') walk((node as Record<string, unknown>)[key], visit);
}
