#!/usr/bin/env node
/**
 * Security lint for src/ (not tests): fails, with file:line, on any way of turning data into markup or code,
 * inline styles (blocked by a strict CSP), storage and cookies, and unload listeners (they block the back/forward
 * cache). See SECURITY.md for why each rule exists.
 *
 * Usage: node scripts/lint-security.mjs [dir…]   (default: src)
 *        node scripts/lint-security.mjs --self-test
 *
 * Comments are ignored (they may name what they avoid); string literals are not (el['innerHTML'] is still
 * innerHTML). `style=`, inline `on…=` handlers and dangerous tags are looked for only in the static parts of
 * html`` / svg`` templates, where they would become markup.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Rules on code (comments removed). */
const CODE_RULES = [
  { id: 'unsafe-html', re: /\bunsafe(?:HTML|SVG|MathML|Static)\b/g, why: 'renders a string as markup' },
  { id: 'inner-html', re: /\.\s*innerHTML\b|\[\s*['"`]innerHTML['"`]\s*\]/g, why: 'parses a string as HTML' },
  { id: 'outer-html', re: /\bouterHTML\s*=(?!=)/g, why: 'parses a string as HTML' },
  { id: 'insert-adjacent-html', re: /\binsertAdjacentHTML\b/g, why: 'parses a string as HTML' },
  { id: 'document-write', re: /\bdocument\s*\.\s*write(?:ln)?\b/g, why: 'writes markup into the page' },
  { id: 'create-contextual-fragment', re: /\bcreateContextualFragment\b/g, why: 'parses a string as HTML' },
  { id: 'parse-from-string', re: /\bparseFromString\b/g, why: 'parses a string as HTML' },
  { id: 'srcdoc', re: /\bsrcdoc\b/g, why: 'loads a string as a document' },
  { id: 'new-function', re: /\bnew\s+Function\b/g, why: 'compiles a string as code (and needs unsafe-eval)' },
  { id: 'eval', re: /(?<![\w$])eval\s*\(/g, why: 'runs a string as code (and needs unsafe-eval)' },
  { id: 'string-timer', re: /\bset(?:Timeout|Interval)\s*\(\s*['"`]/g, why: 'runs a string as code' },
  { id: 'style-map', re: /\bstyleMap\s*\(/g, why: 'writes a style attribute (blocked by a strict CSP)' },
  { id: 'style-attribute', re: /\bsetAttribute\s*\(\s*['"`]style['"`]/g, why: 'writes a style attribute (blocked by a strict CSP)' },
  {
    id: 'style-text',
    re: /\.\s*style\s*(?:\.\s*cssText\s*)?=(?!=)/g,
    why: 'writes a whole style declaration from a string (the style attribute by another door); set one custom property with style.setProperty',
  },
  { id: 'javascript-url', re: /\bjavascript\s*:/gi, why: 'a javascript: URL' },
  { id: 'storage', re: /\b(?:localStorage|sessionStorage|indexedDB|caches\s*\.\s*open)\b/g, why: 'the widgets store nothing (SECURITY.md)' },
  { id: 'cookie', re: /\bdocument\s*\.\s*cookie\b|\bcookieStore\b/g, why: 'the widgets use no cookies (SECURITY.md)' },
  {
    id: 'unload-listener',
    re: /\baddEventListener\s*\(\s*['"`](?:before)?unload['"`]|\bon(?:before)?unload\s*=(?!=)/g,
    why: 'an unload listener blocks the back/forward cache; use pagehide',
  },
];

/** Rules on the static text of html`` / svg`` templates. */
const TEMPLATE_RULES = [
  { id: 'template-style', re: /(?<![\w.:@?-])style\s*=/gi, why: 'an inline style attribute (blocked by a strict CSP); set custom properties from code' },
  { id: 'template-handler', re: /(?<![\w.:@?-])on[a-z]+\s*=/gi, why: 'an inline event handler (blocked by a strict CSP); use @event' },
  { id: 'template-tag', re: /<\s*(?:script|iframe|object|embed|style|link|meta|base|form)\b/gi, why: 'a tag that loads or runs something' },
];

const TEMPLATE_TAG = /(?:^|[^\w$])(html|svg|staticHtml|staticSvg|\w*[Hh]tml|\w*[Ss]vg)\s*$/;
const REGEX_BEFORE = new Set([...'(,=:[!&|?{};+-*%<>~^']);
const REGEX_AFTER_WORD = /(?:^|[^\w$])(?:return|typeof|case|do|else|in|of|new|delete|void|throw|yield|await)\s*$/;

/**
 * Splits TypeScript source into code with comments blanked (same length, newlines kept, so offsets and lines
 * stay true) and the static chunks of tagged templates. Handles strings, nested template literals and regex
 * literals well enough for lint purposes.
 */
export function scan(source) {
  const out = source.split('');
  const templates = []; // { tag, start, text } static chunks
  let i = 0;
  const n = source.length;
  const blank = (from, to) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  const prevSignificant = (at) => {
    let k = at - 1;
    while (k >= 0 && /\s/.test(out[k])) k--;
    return k;
  };
  // Stack of open template literals: each entry is the brace depth at which its `${` was opened.
  const stack = [];
  let braces = 0;

  const readTemplateChunk = (tag) => {
    // At the character after ` or after the } closing a ${…}. Reads to the next ${ or closing `.
    const start = i;
    while (i < n) {
      const c = source[i];
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (c === '`') {
        if (tag) templates.push({ tag, start, text: source.slice(start, i) });
        i++;
        return 'end';
      }
      if (c === '$' && source[i + 1] === '{') {
        if (tag) templates.push({ tag, start, text: source.slice(start, i) });
        i += 2;
        return 'expr';
      }
      i++;
    }
    return 'end';
  };

  while (i < n) {
    const c = source[i];
    const d = source[i + 1];
    if (c === '/' && d === '/') {
      const end = source.indexOf('\n', i);
      const to = end === -1 ? n : end;
      blank(i, to);
      i = to;
      continue;
    }
    if (c === '/' && d === '*') {
      const end = source.indexOf('*/', i + 2);
      const to = end === -1 ? n : end + 2;
      blank(i, to);
      i = to;
      continue;
    }
    if (c === '"' || c === "'") {
      i++;
      while (i < n && source[i] !== c && source[i] !== '\n') i += source[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    if (c === '`') {
      const before = source.slice(Math.max(0, i - 60), i);
      const m = TEMPLATE_TAG.exec(before);
      const tag = m ? m[1] : '';
      i++;
      const r = readTemplateChunk(tag);
      if (r === 'expr') stack.push({ depth: braces, tag });
      continue;
    }
    if (c === '/') {
      const k = prevSignificant(i);
      const prev = k < 0 ? '' : out[k];
      if (k < 0 || REGEX_BEFORE.has(prev) || REGEX_AFTER_WORD.test(source.slice(Math.max(0, k - 10), k + 1))) {
        // A regex literal: skip to its closing slash (not inside a character class), then its flags.
        i++;
        let inClass = false;
        while (i < n && source[i] !== '\n') {
          const r = source[i];
          if (r === '\\') {
            i += 2;
            continue;
          }
          if (r === '[') inClass = true;
          else if (r === ']') inClass = false;
          else if (r === '/' && !inClass) break;
          i++;
        }
        i++;
        while (i < n && /[a-z]/i.test(source[i])) i++;
        continue;
      }
    }
    if (c === '{') braces++;
    if (c === '}') {
      const top = stack[stack.length - 1];
      if (top && top.depth === braces) {
        stack.pop();
        i++;
        const r = readTemplateChunk(top.tag);
        if (r === 'expr') stack.push(top);
        continue;
      }
      braces--;
    }
    i++;
  }
  return { code: out.join(''), templates };
}

function lineOf(source, offset) {
  let line = 1;
  let col = 1;
  for (let k = 0; k < offset && k < source.length; k++) {
    if (source[k] === '\n') {
      line++;
      col = 1;
    } else col++;
  }
  return { line, col };
}

/** Problems in one file's source: [{ line, col, rule, why, text }]. */
export function lint(source) {
  const { code, templates } = scan(source);
  const problems = [];
  const add = (offset, rule, match) => {
    const { line, col } = lineOf(source, offset);
    problems.push({ line, col, rule: rule.id, why: rule.why, text: match.trim() });
  };
  for (const rule of CODE_RULES) {
    for (const m of code.matchAll(rule.re)) add(m.index, rule, m[0]);
  }
  for (const t of templates) {
    for (const rule of TEMPLATE_RULES) {
      for (const m of t.text.matchAll(rule.re)) add(t.start + m.index, rule, m[0]);
    }
  }
  return problems.sort((a, b) => a.line - b.line || a.col - b.col);
}

function* files(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(?:[cm]?[jt]sx?)$/.test(name) && !/\.d\.ts$/.test(name)) yield path;
  }
}

/** Every rule must fire on its bad example and stay quiet on the good ones, or the lint itself is broken. */
function selfTest() {
  const bad = {
    'unsafe-html': 'import { unsafeHTML } from "lit/directives/unsafe-html.js"; html`${unsafeHTML(x)}`;',
    'inner-html': 'el.innerHTML = text;',
    'outer-html': 'el.outerHTML = text;',
    'insert-adjacent-html': 'el.insertAdjacentHTML("beforeend", text);',
    'document-write': 'document.write(text);',
    'create-contextual-fragment': 'document.createRange().createContextualFragment(s);',
    'parse-from-string': 'new DOMParser().parseFromString(s, "text/html");',
    srcdoc: 'frame.srcdoc = s;',
    'new-function': 'const f = new Function("return 1");',
    eval: 'const x = eval(s);',
    'string-timer': 'setTimeout("go()", 10);',
    'style-map': 'html`<p class=${c} ${x}>${styleMap({ color: c })}</p>`;',
    'style-attribute': 'el.setAttribute("style", s);',
    'javascript-url': 'a.href = "javascript:void 0";',
    storage: 'localStorage.setItem("k", v);',
    cookie: 'const c = document.cookie;',
    'unload-listener': 'window.addEventListener("unload", f);',
    'template-style': 'const t = html`<div class="a" style="width: ${w}%"></div>`;',
    'style-text': 'const t = html`<div class="a" .style=${`--_x:${w}`}></div>`; el.style.cssText = s;',
    'template-handler': 'const t = svg`<circle onclick="go()"></circle>`;',
    'template-tag': 'const t = html`<p>${a}</p><script>go()</script>`;',
  };
  const good = [
    '// el.innerHTML = x is what we avoid; so is eval(x) and new Function\nconst a = 1;',
    '/* style="x" onclick="y" <script> */ const b = 2;',
    'this.style.setProperty("--_rate", String(r));',
    'html`<div class="x" data-style=${s} @click=${f} .value=${v} ?hidden=${h} aria-label=${l}></div>`;',
    'const re = /"`\'/; const t = html`<p>${re.test(s) ? html`<b>${s}</b>` : ""}</p>`;',
    'const s = "style=" + x; const o = { style: 1 };',
    'css`:host { display: block; }`;',
    'const x = a / b; const y = c / d; html`<p>${x}</p>`;',
    'el.removeEventListener("pagehide", f); window.addEventListener("pagehide", f);',
    'const u = obj.evaluate(x); const r = retrieval(y);',
  ];
  const failures = [];
  for (const [rule, src] of Object.entries(bad)) {
    const found = lint(src).map((p) => p.rule);
    if (!found.includes(rule)) failures.push(`rule ${rule} missed: ${src}`);
  }
  for (const src of good) {
    const found = lint(src);
    if (found.length) failures.push(`false alarm ${found.map((p) => p.rule).join(', ')}: ${src}`);
  }
  // Line numbers survive comments and templates spanning lines.
  const lines = lint('/*\n*/\nconst t = html`\n  <p>\n    <i style="x"></i>`;\n').map((p) => p.line);
  if (lines.join() !== '5') failures.push(`line numbers: expected 5, got ${lines.join()}`);
  return failures;
}

function main() {
  const args = process.argv.slice(2);
  const failures = selfTest();
  if (failures.length) {
    console.error(`lint:security self-test failed:\n  ${failures.join('\n  ')}`);
    process.exit(2);
  }
  if (args.includes('--self-test')) {
    console.log('lint:security self-test: every rule fires on its example and not on the safe ones.');
    return;
  }
  const roots = args.length ? args : ['src'];
  let count = 0;
  const problems = [];
  for (const root of roots) {
    for (const file of files(root)) {
      count++;
      for (const p of lint(readFileSync(file, 'utf8'))) problems.push({ file: relative(process.cwd(), file), ...p });
    }
  }
  for (const p of problems) console.error(`${p.file}:${p.line}:${p.col}: ${p.rule}: ${p.text} — ${p.why}`);
  if (problems.length) {
    console.error(`lint:security: ${problems.length} problem(s) in ${count} files. See SECURITY.md.`);
    process.exit(1);
  }
  console.log(`lint:security: ${count} files, no problems.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
