/** Helpers for the authoring page's tests: open files as staff do, and read what the page shows. */
import { fixture, html } from '@open-wc/testing';
import writeXlsxFile from 'write-excel-file/browser';
import { parseCsv } from '../../src/cli/csv-import.js';
import '../../src/author/main.js';
import type { KdxAuthor } from '../../src/author/author-app.js';
import { shadowText, waitFor } from '../embed/snippets.js';

export { shadowText, waitFor };

export const TEMPLATE = '/docs/kdx-template.csv';
export const SEED = '/seeds/kanazawa.json';
export const AMP = 'administrative-management-plan';

export async function mount(): Promise<KdxAuthor> {
  const app = await fixture<KdxAuthor>(html`<kdx-author></kdx-author>`);
  await app.updateComplete;
  return app;
}

/** An element of the page by id (inside its shadow root). */
export function $<T extends Element = HTMLElement>(app: KdxAuthor, selector: string): T {
  const el = app.shadowRoot!.querySelector<T>(selector);
  if (!el) throw new Error(`no ${selector} on the page`);
  return el;
}

export const textOf = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

export async function fileFrom(url: string, name = url.split('/').pop()!): Promise<File> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return new File([await res.arrayBuffer()], name);
}

/** The workbook Excel would save of the template: its cells, numbers as numbers (made here from the CSV's text). */
export async function templateXlsx(name = 'items.xlsx'): Promise<File> {
  const text = new TextDecoder().decode(await (await fetch(TEMPLATE)).arrayBuffer()).replace(/^\uFEFF/, '');
  const numeric = /^\d+$/;
  const data = parseCsv(text).rows.filter((r) => r.cells.some(Boolean)).map((r) =>
    r.cells.map((c) => {
      const v = c.replace(/^="(.*)"$/, '$1');
      return v === '' ? null : numeric.test(v) && r.line > 1 && !/^="/.test(c) ? { type: Number, value: Number(v) } : { type: String, value: v };
    }),
  );
  return new File([await writeXlsxFile(data as never).toBlob()], name);
}

/** Chooses `file` in the file input `id`, as the file button does (the browser sets `files`, then fires change). */
export async function choose(app: KdxAuthor, id: string, file: File): Promise<void> {
  const input = byId<HTMLInputElement>(app, id);
  const dt = new DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(app);
}

/** Whether the files to save are written, where there are any (once the preview is drawn). */
const written = (app: KdxAuthor) => app.outcome.status !== 'ok' || !!app.files.json;

/** Waits until the page has read its files and checked them. */
export async function settle(app: KdxAuthor): Promise<void> {
  await waitFor(
    () =>
      !app.computing && app.sheetOpening.status !== 'reading' && app.bundleOpening.status !== 'reading' && written(app),
    'the page to read and check its files, and write those to save',
  );
  await app.updateComplete;
}

/** The element with this id (ids of edit fields hold `:`, as the CSV column they write: `grade:evaluation`). */
export const byId = <T extends Element = HTMLElement>(app: KdxAuthor, id: string): T => $<T>(app, `#${CSS.escape(id)}`);

export function selectValue(app: KdxAuthor, id: string, value: string): void {
  const select = byId<HTMLSelectElement>(app, id);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

export function type(app: KdxAuthor, id: string, value: string): void {
  const input = byId<HTMLInputElement>(app, id);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The preview's widgets of one tag, once they have rendered their data. */
export async function previewWidgets(app: KdxAuthor, tag: string): Promise<HTMLElement[]> {
  const preview = $(app, 'kdx-author-preview');
  return waitFor(() => {
    const els = [...(preview.shadowRoot?.querySelectorAll<HTMLElement>(tag) ?? [])];
    return els.length && els.every((el) => el.ownerDocument.defaultView?.customElements.get(tag) && shadowText(el) && !el.shadowRoot!.querySelector('[aria-busy="true"]')) ? els : null;
  }, `the preview's <${tag}>`);
}

/** The saved file behind a download link, as the browser would save it. */
export async function download(app: KdxAuthor, which: 'json' | 'csv' | 'revisions.csv'): Promise<{ name: string; bytes: Uint8Array }> {
  const link = $<HTMLAnchorElement>(app, `#h-save ~ ul a[download$=".${which}"]${which === 'csv' ? ':not([download$=".revisions.csv"])' : ''}`);
  const bytes = new Uint8Array(await (await fetch(link.href)).arrayBuffer());
  return { name: link.download, bytes };
}

export const downloadLinks = (app: KdxAuthor) => [...app.shadowRoot!.querySelectorAll('a[download]')];

/** The page with the published Kanazawa bundle and the template open (the management plan's three items). */
export async function withTemplate(): Promise<KdxAuthor> {
  const app = await mount();
  await withPublished(app);
  await choose(app, 'sheet-file', await fileFrom(TEMPLATE));
  return app;
}

/** The page with the published Kanazawa bundle open and its management plan chosen. */
export async function withPublished(app: KdxAuthor): Promise<void> {
  await choose(app, 'bundle-file', await fileFrom(SEED));
  selectValue(app, 'plan', AMP);
  await settle(app);
}

/** The lines between the common start and the common end of two texts (what a version-control diff shows). */
export function changedLines(a: string, b: string): { removed: string[]; added: string[] } {
  const [x, y] = [a.split('\n'), b.split('\n')];
  let start = 0;
  while (start < x.length && x[start] === y[start]) start++;
  let end = 0;
  while (end < x.length - start && end < y.length - start && x[x.length - 1 - end] === y[y.length - 1 - end]) end++;
  const trim = (lines: string[]) => lines.map((l) => l.trim());
  return { removed: trim(x.slice(start, x.length - end)), added: trim(y.slice(start, y.length - end)) };
}

export const savedText = async (app: KdxAuthor) => new TextDecoder().decode((await download(app, 'json')).bytes);

/** Chooses the item to edit, as typing its id in the item field does. */
export async function editItem(app: KdxAuthor, id: string): Promise<void> {
  type(app, 'edit-item', id);
  await app.updateComplete;
}

/** Waits until an edit (typed: after the typing pause) has been checked. */
export async function recomputed(app: KdxAuthor): Promise<void> {
  await waitFor(() => !app.computing, 'the page to check again', 4000);
  await new Promise((r) => setTimeout(r, 450)); // typing pause
  await waitFor(() => !app.computing && written(app), 'the page to check again', 4000);
  await app.updateComplete;
}

/** The lines of "what changes on the site". */
export const diffLines = (app: KdxAuthor) => [...app.shadowRoot!.querySelectorAll('.diff li')].map(textOf);
