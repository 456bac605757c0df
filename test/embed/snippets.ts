/**
 * The snippets docs/embedding.md gives to web staff, verbatim (a test checks that the guide still contains
 * each one). They name the bundle `/data/kanazawa.json`, as a city would host it; `served()` points them at the
 * test server's copy.
 */
export const SNIPPETS = {
  /** The real tag, with text for readers without JavaScript inside it. */
  tag: `<kdx-progress src="/data/kanazawa.json" plan="administrative-management-plan" node="policy-1">行政組織の質を高める：達成率 97.4%</kdx-progress>`,
  /** The one-time template script: belongs in the site template, never in the editor. */
  script: `<script type="module" src="/kdx/kdx.js"></script>`,
  /** For editors that keep `data-*` attributes on a div (TinyMCE's default). */
  dataKdx: `<div data-kdx="progress" data-src="/data/kanazawa.json" data-plan="administrative-management-plan" data-node="policy-1">行政組織の質を高める：達成率 97.4%</div>`,
  /** For editors that keep only links (CKEditor 5 without General HTML Support). */
  link: `<p><a href="https://city.example/plan.html#kdx=progress&amp;src=/data/kanazawa.json&amp;plan=administrative-management-plan&amp;node=policy-1">行政組織の質を高める（達成率）</a></p>`,
  /**
   * For pages without the kdx script (TinyMCE keeps iframes): embed.html from dist/, published next to the
   * scripts. A height with room for the meter at 640 px (the builder writes the one it measures).
   */
  iframe: `<iframe src="https://city.example/kdx/embed.html#kdx=progress&amp;src=/data/kanazawa.json&amp;plan=administrative-management-plan&amp;node=policy-1" title="行政組織の質を高める（進捗メーター）" width="100%" height="140" frameborder="0" loading="lazy"></iframe>`,
  /** One load for several widgets, in editors that keep nested divs. */
  dataPlan: `<div data-kdx="plan" data-src="/data/kanazawa.json" data-plan="administrative-management-plan">
<div data-kdx="progress" data-node="policy-2">共創の質を高める：達成率 84.4%</div>
<div data-kdx="progress" data-node="policy-3" data-variant="ring">財政基盤の質を高める：達成率 80.0%</div>
</div>`,
} as const;

/**
 * The snippet with the bundle URL of the test server, and the city's dist/ at the test server's built dist/
 * under another origin (127.0.0.1: an iframe form embedded on another site, as it will be).
 */
export const served = (html: string): string =>
  html.replaceAll('/data/kanazawa.json', '/seeds/kanazawa.json').replaceAll('https://city.example/kdx/', `http://127.0.0.1:${location.port}/dist/`);

/** Polls until `fn` returns (or resolves to) a truthy value; fails with `what` after `ms`. */
export async function waitFor<T>(fn: () => T | null | undefined | false | Promise<T | null | undefined | false>, what: string, ms = 8000): Promise<T> {
  const end = performance.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (performance.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The visible text of a widget's shadow root, whitespace collapsed ('' before it renders). */
export const shadowText = (el: Element): string => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Every kdx widget in `root` has rendered data or an error (not the loading placeholder). */
export function allSettled(root: ParentNode, selector = 'kdx-progress, kdx-initiative-card, kdx-plan-tree, kdx-chart'): Element[] | null {
  const els = [...root.querySelectorAll(selector)];
  const done = els.every((el) => el.shadowRoot && !el.shadowRoot.querySelector('[aria-busy="true"]') && shadowText(el) !== '');
  return els.length && done ? els : null;
}

/**
 * As `allSettled`, on a page whose fallback markup must all become widgets: with `dist/kdx.js` the upgrader is a
 * chunk of its own, so the fallbacks turn into widgets after the tags written as tags have rendered.
 */
export function pageSettled(doc: Document): Element[] | null {
  return doc.querySelector('[data-kdx], a[href*="#kdx="]') ? null : allSettled(doc);
}

/**
 * Opens `html` as a whole page in an iframe (same origin, so the test can look inside) and resolves with its
 * document once loaded.
 */
export async function page(html: string): Promise<{ frame: HTMLIFrameElement; doc: Document; win: Window & typeof globalThis }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 600px; border: 0';
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  frame.srcdoc = html;
  document.body.append(frame);
  await loaded;
  return { frame, doc: frame.contentDocument!, win: frame.contentWindow as Window & typeof globalThis };
}

/** Opens a URL in an iframe (for pages that need response headers, such as a CSP). */
export async function open(url: string): Promise<{ frame: HTMLIFrameElement; doc: Document; win: Window & typeof globalThis }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 600px; border: 0';
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  frame.src = url;
  document.body.append(frame);
  await loaded;
  return { frame, doc: frame.contentDocument!, win: frame.contentWindow as Window & typeof globalThis };
}

/** Every `<kdx-chart>` in `doc` has been drawn by chart.js (which sizes the canvas and sets its display). */
export async function chartsDrawn(doc: Document): Promise<void> {
  const charts = await waitFor(() => doc.querySelector('kdx-chart') && [...doc.querySelectorAll('kdx-chart')], 'a chart');
  for (const chart of charts) {
    await (chart as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    await waitFor(() => chart.shadowRoot?.querySelector('canvas')?.style.display === 'block', 'chart.js to draw');
  }
}

/** Tests of the built files need `npm run build` first: say so instead of failing obscurely. */
export async function requireDist(): Promise<void> {
  const res = await fetch('/dist/sri.json', { cache: 'no-store' });
  if (!res.ok) throw new Error('dist/ is missing or incomplete: run `npm run build` before these tests.');
}
