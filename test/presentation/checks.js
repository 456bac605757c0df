/**
 * Presentation checks that run in the page (a classic script: `window.kdxPresentation`), on what the browser
 * rendered: every text inside the widgets (their shadow roots, found by tag prefix `kdx-`), with computed colours,
 * boxes and clipping. Used by scripts/storybook-smoke.mjs on every story and by test/presentation/checks.test.ts,
 * which shows that each check finds the fault it is for.
 *
 *   overflow()            — nothing sticks out of the viewport or needs horizontal scrolling (WCAG 1.4.10)
 *   contrast(page)        — every text ≥ 4.5:1 (3:1 large) against what is painted behind it, on a page colour
 *   printContrast()       — every text ≥ 4.5:1 against white paper (browsers drop backgrounds)
 *   decorations()         — visible border and outline sides, to compare with and without forced colours
 *   textSpacing(on)       — WCAG 1.4.12 spacing in every widget; clipped() then lists clipped text
 *
 * Each returns a list of problems (strings), empty when all is well.
 */
(() => {
  const PREFIX = 'kdx-';

  /** Widgets below `root`, through shadow roots. */
  function widgets(root = document) {
    const out = [];
    const walk = (node) => {
      for (const el of node.querySelectorAll('*')) {
        if (el.localName.startsWith(PREFIX) && el.shadowRoot) out.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(root);
    return out;
  }

  /** The element's parent in the flat tree (slots and shadow hosts crossed). */
  const up = (el) => el.assignedSlot ?? el.parentElement ?? el.getRootNode().host ?? null;

  const describe = (el) => {
    const host = el.getRootNode().host;
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    return `${host ? `<${host.localName}> ` : ''}${el.localName}${cls}`;
  };

  /** Parses `rgb()`/`rgba()`/`color(srgb …)` as computed; null for anything else. */
  function rgba(value) {
    let m = /^rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\)$/.exec(value);
    if (m) {
      const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
      return [Number(m[1]), Number(m[2]), Number(m[3]), a];
    }
    m = /^color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)(?: \/ ([\d.]+))?\)$/.exec(value);
    if (m) return [m[1] * 255, m[2] * 255, m[3] * 255, m[4] === undefined ? 1 : Number(m[4])];
    return null;
  }

  const over = (top, below) => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + below[i] * (1 - a)).concat(1);
  };

  function luminance([r, g, b]) {
    const lin = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  }
  function ratio(a, b) {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  }

  /** The opaque colour painted behind `el`: its own and its ancestors' backgrounds over `page`. */
  function backdrop(el, page) {
    const layers = [];
    for (let e = el; e; e = up(e)) {
      const cs = getComputedStyle(e);
      const c = rgba(cs.backgroundColor);
      if (c && c[3] > 0) layers.push(c);
      if (c && c[3] >= 1) break;
    }
    let colour = page;
    for (let i = layers.length - 1; i >= 0; i--) colour = over(layers[i], colour);
    return colour;
  }

  function opacity(el) {
    let o = 1;
    for (let e = el; e; e = up(e)) o *= Number(getComputedStyle(e).opacity);
    return o;
  }

  /** Hidden from sight on purpose: the visually-hidden pattern, or nothing rendered. */
  function unseen(el) {
    for (let e = el; e; e = up(e)) {
      const cs = getComputedStyle(e);
      if (cs.visibility === 'hidden' || cs.display === 'none') return true;
      if (cs.clipPath === 'inset(50%)' || (cs.overflow === 'hidden' && e.getBoundingClientRect().width <= 1)) return true;
    }
    return false;
  }

  /** Every text shown by the widgets: [element, text, rect]. */
  function texts(root = document) {
    const out = [];
    for (const w of widgets(root)) {
      const walker = document.createTreeWalker(w.shadowRoot, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const t = n.data.trim();
        const el = n.parentElement;
        if (!t || !el || el.closest('style, script')) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        const rect = range.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) continue;
        if (unseen(el)) continue;
        out.push([el, t, rect]);
      }
    }
    return out;
  }

  function large(cs) {
    const px = parseFloat(cs.fontSize);
    return px >= 24 || (px >= 18.66 && Number(cs.fontWeight) >= 700);
  }

  function checkContrast(page, paper) {
    const problems = [];
    const seen = new Set();
    for (const [el, t] of texts()) {
      if (seen.has(el)) continue;
      seen.add(el);
      const cs = getComputedStyle(el);
      const fg = rgba(cs.color);
      if (!fg) continue;
      const bg = paper ? [255, 255, 255, 1] : backdrop(el, page);
      const shown = over([fg[0], fg[1], fg[2], fg[3] * opacity(el)], bg);
      const r = ratio(shown, bg);
      const need = large(cs) ? 3 : 4.5;
      if (r < need - 0.005) {
        problems.push(`${describe(el)} "${t.slice(0, 40)}": ${r.toFixed(2)}:1 < ${need}:1 (${cs.color} on rgb(${bg.slice(0, 3).map(Math.round).join(', ')}))`);
      }
    }
    return problems;
  }

  /** `page`: the page's background colour as CSS (the story's frame is painted with it by the caller). */
  function contrast(page = 'rgb(255, 255, 255)') {
    return checkContrast(rgba(page) ?? [255, 255, 255, 1], false);
  }

  function printContrast() {
    return checkContrast(null, true);
  }

  /** Elements of the widgets, in document order (shadow roots included). */
  function elements() {
    const out = [];
    for (const w of widgets()) for (const el of w.shadowRoot.querySelectorAll('*')) out.push(el);
    return out;
  }

  function overflow() {
    const problems = [];
    const vw = document.documentElement.clientWidth;
    const doc = document.scrollingElement ?? document.documentElement;
    if (doc.scrollWidth > vw + 1) {
      // Which of the page's own elements stick out (the widgets' are listed below).
      const out = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n && out.length < 3; n = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(n);
        const right = range.getBoundingClientRect().right;
        if (right > vw + 1 && n.parentElement) out.push(`${describe(n.parentElement)} "${n.data.trim().slice(0, 30)}" (${Math.round(right)}px)`);
      }
      const where = out;
      problems.push(`the page scrolls sideways: ${doc.scrollWidth}px wide in a ${vw}px viewport${where.length ? `: ${where.join(', ')}` : ''}`);
    }
    for (const el of elements()) {
      if (unseen(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width && r.right > vw + 1) problems.push(`${describe(el)} reaches ${Math.round(r.right)}px in a ${vw}px viewport`);
      const cs = getComputedStyle(el);
      if (/auto|scroll/.test(cs.overflowX) && el.scrollWidth > el.clientWidth + 1) {
        problems.push(`${describe(el)} needs horizontal scrolling (${el.scrollWidth}px in ${el.clientWidth}px)`);
      }
    }
    return [...new Set(problems)].slice(0, 10);
  }

  const SIDES = ['Top', 'Right', 'Bottom', 'Left'];
  const same = (a, b) => a && b && [0, 1, 2].every((i) => Math.abs(a[i] - b[i]) < 2);

  /**
   * For every element, the decorations one sees: border sides and the outline whose colour differs from what is
   * behind them, and whether the element paints a background of its own. Keyed by position in document order.
   */
  function decorations() {
    return elements().map((el, i) => {
      const cs = getComputedStyle(el);
      const behind = backdrop(up(el) ?? el, [255, 255, 255, 1]);
      const own = rgba(cs.backgroundColor);
      const visible = (width, style, colour) => {
        const c = rgba(colour);
        return parseFloat(width) > 0 && style !== 'none' && style !== 'hidden' && c && c[3] > 0 && !same(over(c, behind), behind);
      };
      const seen = SIDES.filter((s) => visible(cs[`border${s}Width`], cs[`border${s}Style`], cs[`border${s}Color`]));
      if (visible(cs.outlineWidth, cs.outlineStyle, cs.outlineColor)) seen.push('outline');
      return { i, what: describe(el), seen, background: !!own && own[3] > 0 && !same(own, behind) };
    });
  }

  /** Decorations in `after` (forced colours) that `before` did not have, on elements that had no background either. */
  function newDecorations(before, after) {
    const problems = [];
    for (const a of after) {
      const b = before[a.i];
      if (!b || b.what !== a.what || b.background) continue;
      const added = a.seen.filter((s) => !b.seen.includes(s));
      if (added.length) problems.push(`${a.what}: ${added.join(', ')} appear only with forced colours`);
    }
    return [...new Set(problems)].slice(0, 10);
  }

  const SPACING = `*, *::before, *::after { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; } p { margin-block-end: 2em !important; }`;
  const spaced = new Map();

  /** Applies (or removes) the WCAG 1.4.12 text spacing in the page and in every widget. */
  function textSpacing(on) {
    const roots = [document, ...widgets().map((w) => w.shadowRoot)];
    for (const root of roots) {
      const sheet = spaced.get(root);
      if (on && !sheet) {
        const s = new CSSStyleSheet();
        s.replaceSync(SPACING);
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, s];
        spaced.set(root, s);
      } else if (!on && sheet) {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((x) => x !== sheet);
        spaced.delete(root);
      }
    }
  }

  /** Text cut off: a box that hides its overflow and has more content than room, or text outside such a box. */
  function clipped() {
    const problems = [];
    for (const [el, t, rect] of texts()) {
      for (let e = el; e && !e.localName.startsWith(PREFIX); e = up(e)) {
        const cs = getComputedStyle(e);
        const clips = (v) => v === 'hidden' || v === 'clip';
        if (!clips(cs.overflowX) && !clips(cs.overflowY) && cs.textOverflow !== 'ellipsis') continue;
        const box = e.getBoundingClientRect();
        const out =
          (clips(cs.overflowX) && (rect.left < box.left - 1 || rect.right > box.right + 1 || e.scrollWidth > e.clientWidth + 1)) ||
          (clips(cs.overflowY) && (rect.top < box.top - 1 || rect.bottom > box.bottom + 1 || e.scrollHeight > e.clientHeight + 1));
        if (out) {
          problems.push(`${describe(el)} "${t.slice(0, 40)}" is clipped by ${describe(e)}`);
          break;
        }
      }
    }
    return [...new Set(problems)].slice(0, 10);
  }

  /** Sets `theme` on every widget (re-rendered in place) and resolves after they have updated and painted. */
  async function setTheme(theme) {
    const all = widgets();
    for (const w of all) {
      if (theme === null) w.removeAttribute('theme');
      else w.setAttribute('theme', theme);
    }
    await Promise.all(all.map((w) => w.updateComplete));
    await frames();
  }

  /** Two frames, or 100 ms where a page in the background gets no frames (two pages at once in the smoke test). */
  const frames = () =>
    new Promise((r) => {
      const done = () => (clearTimeout(timer), r());
      const timer = setTimeout(done, 100);
      requestAnimationFrame(() => requestAnimationFrame(done));
    });

  /**
   * Waits (up to `ms`) until every chart's canvas has followed its box's size (chart.js resizes in an animation
   * frame). Returns what did not, with chart.js's state, so that a failure says whether the chart missed the resize
   * or the box itself is too wide. 6 s: on a loaded machine (two smoke pages at once, other work on 2 cores) a chart
   * once took over 2 s to follow a 1280 → 320 px resize.
   */
  async function fitted(ms = 6000) {
    const until = performance.now() + ms;
    const stale = () =>
      widgets().flatMap((w) =>
        [...w.shadowRoot.querySelectorAll('canvas')].filter((c) => c.getBoundingClientRect().width > c.parentElement.clientWidth + 1),
      );
    while (stale().length && performance.now() < until) await frames();
    await frames();
    return stale().map((c) => {
      const chart = c.getRootNode().host?.chart;
      const state = chart
        ? `chart.js attached: ${chart.attached}, its width ${chart.width}px, a resize held for the next draw: ${JSON.stringify(chart._resizeBeforeDraw ?? null)}`
        : 'no chart.js instance';
      return `<kdx-chart> canvas stayed ${Math.round(c.getBoundingClientRect().width)}px wide in its ${c.parentElement.clientWidth}px box for ${ms / 1000} s (${state})`;
    });
  }

  /** How many animation frames the page gets in `ms`: 0 means the browser is not rendering it at all. */
  async function framesIn(ms) {
    let n = 0;
    const count = () => (n++, (id = requestAnimationFrame(count)));
    let id = requestAnimationFrame(count);
    await new Promise((r) => setTimeout(r, ms));
    cancelAnimationFrame(id);
    return n;
  }

  window.kdxPresentation = {
    fitted, framesIn,
    widgets, texts, contrast, printContrast, overflow, decorations, newDecorations, textSpacing, clipped, setTheme, frames, ratio, rgba,
  };
})();
