/**
 * The project's guides as HTML in the demo site (the Markdown files themselves would open as plain text, and
 * in the wrong encoding). `guide.html` shows docs/embedding.md; `?doc=` another of the documents below. Links
 * between them stay in this page; headings get GitHub's anchors, which the guides' tables of contents use.
 * The Markdown is the project's own, rendered by marked (GitHub's dialect, tables included); HTML written in
 * it is shown as text, never parsed.
 */
import { Marked } from 'marked';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const markdown = new Marked({ gfm: true, renderer: { html: ({ text }) => escape(text) } });

const DOCS: Record<string, string> = {
  embedding: '/docs/embedding.md',
  'csv-guide': '/docs/csv-guide.md',
  readme: '/README.md',
  security: '/SECURITY.md',
};

/** GitHub's heading anchors: lower case, punctuation and symbols removed, spaces to hyphens, repeats numbered. */
function slugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base = text.toLowerCase().trim().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n ? `${base}-${n}` : base;
  };
}

/** A link to one of the documents above, as a link to this page. */
function local(href: string): string | undefined {
  const url = new URL(href, new URL(DOCS[current]!, location.origin));
  if (url.origin !== location.origin) return undefined;
  const doc = Object.entries(DOCS).find(([, path]) => path === url.pathname)?.[0];
  return doc ? `?doc=${doc}${url.hash}` : undefined;
}

/** Japanese and other wide characters (kana, kanji, full-width punctuation and forms). */
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/**
 * The guides wrap their Japanese across source lines; a browser shows each line break as a space, which
 * Japanese text does not have. Drops the breaks that fall between two wide characters (outside code blocks).
 */
function joinWideLines(root: HTMLElement): void {
  const texts: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) texts.push(walker.currentNode as Text);
  texts.forEach((node, i) => {
    if (node.parentElement?.closest('pre') || !node.data.includes('\n')) return;
    const before = (k: number) => (k > 0 ? node.data[k - 1] : texts[i - 1]?.data.at(-1)) ?? '';
    const after = (k: number) => (k < node.data.length - 1 ? node.data[k + 1] : texts[i + 1]?.data[0]) ?? '';
    node.data = [...node.data].map((c, k) => (c === '\n' && WIDE.test(before(k)) && WIDE.test(after(k)) ? '' : c)).join('');
  });
}

const current = new URLSearchParams(location.search).get('doc') ?? 'embedding';
const main = document.getElementById('guide')!;

async function show() {
  const path = DOCS[current] ?? DOCS.embedding!;
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  main.innerHTML = await markdown.parse(await response.text());
  joinWideLines(main);
  const slug = slugger();
  for (const h of main.querySelectorAll('h1, h2, h3, h4')) h.id = slug(h.textContent ?? '');
  for (const a of main.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const href = a.getAttribute('href')!;
    if (!href.startsWith('#')) a.href = local(href) ?? a.href;
  }
  document.title = `${main.querySelector('h1')?.textContent ?? 'kdx'} — kdx widgets`;
  main.removeAttribute('aria-busy');
  if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
}

show().catch((e: unknown) => {
  main.removeAttribute('aria-busy');
  main.textContent = `読み込めませんでした / Could not load the guide: ${String(e)}`;
  main.setAttribute('role', 'alert');
});
