/**
 * The authoring page (dist/author.html) with a 10,000-row spreadsheet: the time from the file being chosen to
 * the preview drawn (every widget rendered, charts drawn, then the next frame), and the stages on the way
 * (bytes read, table parsed, checked: the page's `kdx-author:*` performance marks), and the CSV download offered
 * (made after the preview). Part `author` of
 * `npm run bench`; alone: `npx tsx bench/run.ts --only author` after `npm run build`.
 *
 * Data: `gen-bundle.ts` (10,000 nodes, 5 levels, seed 1) is the published bundle; the spreadsheet is its plan as
 * `kdx export` writes it (UTF-8 with BOM), with 100 titles changed (so that "what changes" has something to say),
 * and the same rows as an .xlsx (write-excel-file; numbers as numbers, as Excel keeps them).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, ElementHandle } from 'puppeteer-core';
import writeXlsxFile from 'write-excel-file/node';
import { planToSheet, toCsv } from '../src/cli/csv-export.js';
import { encodeUtf8WithBom } from '../src/cli/encoding.js';
import { generateBundle } from './gen-bundle.js';

export const AUTHOR_ROWS = 10_000;
export type Format = 'csv' | 'xlsx';

export interface AuthorSample {
  /** From the file input's change event, ms. */
  read: number;
  parsed: number;
  checked: number;
  previewed: number;
  /** The CSV download offered (made after the preview). */
  csv: number;
}

export type AuthorResult = Record<Format, AuthorSample[]>;

const NUMERIC = /^(page|fiscal_year|reported_year|target|actual|result_value|total|achieved|unconfirmed)$/;

/** Writes bundle.json, items.csv and items.xlsx into `dir`. */
export async function writeAuthorData(dir: string): Promise<void> {
  const bundle = generateBundle({ nodes: AUTHOR_ROWS, depth: 5, seed: 1 });
  writeFileSync(join(dir, 'author-bundle.json'), JSON.stringify(bundle, null, 2) + '\n');
  const sheet = planToSheet(bundle.plans[0]!, 0);
  const titleAt = sheet.header.indexOf('title_ja');
  sheet.rows.forEach((row, i) => i % 100 === 0 && (row[titleAt] = `${row[titleAt]}（改）`));
  writeFileSync(join(dir, 'author-items.csv'), encodeUtf8WithBom(toCsv(sheet)));
  const cell = (value: string, column: string) =>
    value === '' ? null : NUMERIC.test(column) ? { type: Number, value: Number(value) } : { type: String, value: value.replace(/^="(.*)"$/, '$1') };
  const data = [sheet.header.map((h) => cell(h, '')), ...sheet.rows.map((r) => r.map((v, c) => cell(v, sheet.header[c]!)))];
  await writeXlsxFile(data as never).toFile(join(dir, 'author-items.xlsx'));
}

const input = async (tab: import('puppeteer-core').Page, id: string) =>
  (await tab.evaluateHandle(`document.querySelector('kdx-author').shadowRoot.getElementById('${id}')`)) as ElementHandle<HTMLInputElement>;

/** Every preview widget rendered from data (no placeholder), every chart drawn. */
const PREVIEWED = `(() => {
  const app = document.querySelector('kdx-author');
  if (!app || app.outcome.status !== 'ok' || app.computing) return false;
  const preview = app.shadowRoot.querySelector('kdx-author-preview').shadowRoot;
  const widgets = [...preview.querySelectorAll('.widgets > *')];
  if (!widgets.length) return false;
  return widgets.every((w) => w.shadowRoot && w.shadowRoot.textContent.trim() && !w.shadowRoot.querySelector('[aria-busy="true"]')
    && (w.localName !== 'kdx-chart' || w.shadowRoot.querySelector('canvas')?.style.display === 'block'));
})()`;

/** One sample: a fresh page with the published bundle open, then the spreadsheet chosen. */
export async function sampleAuthor(browser: Browser, origin: string, dir: string, format: Format): Promise<AuthorSample> {
  const tab = await browser.newPage();
  const errors: string[] = [];
  tab.on('pageerror', (e) => errors.push(String(e)));
  try {
    await tab.goto(`${origin}/dist/author.html`);
    await tab.waitForFunction(`document.querySelector('kdx-author')?.shadowRoot?.getElementById('bundle-file')`);
    await (await input(tab, 'bundle-file')).uploadFile(join(dir, 'author-bundle.json'));
    await tab.waitForFunction(`document.querySelector('kdx-author').outcome.status === 'ok'`, { timeout: 60_000 });
    await tab.waitForFunction(PREVIEWED, { timeout: 60_000, polling: 'raf' });
    // The published bundle's CSV too (made after its preview): staff do not choose a sheet within that moment.
    await tab.waitForFunction(`document.querySelector('kdx-author').files.csv`, { timeout: 60_000 });
    const sheet = await input(tab, 'sheet-file');
    // Watched in the page, on every frame from the change on (no DevTools round trip in the times): the preview is
    // drawn when PREVIEWED holds after the sheet's outcome, and the time is taken in a task posted from that
    // frame (after its paint); the CSV when the page offers a new one.
    await tab.evaluate(`(() => {
      performance.clearMarks();
      const app = document.querySelector('kdx-author');
      const baseCsv = app.files.csv.url;
      const input = app.shadowRoot.getElementById('sheet-file');
      input.addEventListener('change', () => (window.t0 = performance.now()), { capture: true, once: true });
      window.kdxTimes = new Promise((resolve) => {
        const times = {};
        const tick = () => {
          if (window.t0 !== undefined) {
            if (times.previewed === undefined && app.sheetOpening.status === 'open' && ${PREVIEWED}) {
              times.previewed = null;
              setTimeout(() => (times.previewed = performance.now() - window.t0));
            }
            if (times.csv === undefined && app.files.csv && app.files.csv.url !== baseCsv) times.csv = performance.now() - window.t0;
            if (typeof times.previewed === 'number' && times.csv !== undefined) return resolve(times);
          }
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    })()`);
    await sheet.uploadFile(join(dir, `author-items.${format}`));
    const { previewed, csv } = (await Promise.race([
      tab.evaluate(`window.kdxTimes`),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`author.html (${format}): no preview within 60 s`)), 60_000)),
    ])) as { previewed: number; csv: number };
    const marks = (await tab.evaluate(`Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime - window.t0]))`)) as Record<string, number>;
    if (errors.length) throw new Error(errors.join('; '));
    return { read: marks['kdx-author:read']!, parsed: marks['kdx-author:parsed']!, checked: marks['kdx-author:checked']!, previewed, csv };
  } finally {
    await tab.close();
  }
}

export async function runAuthor(browser: Browser, origin: string, dir: string, samples: number): Promise<AuthorResult> {
  await writeAuthorData(dir);
  const out: AuthorResult = { csv: [], xlsx: [] };
  for (let i = 0; i < samples; i++) {
    // Interleaved, the order alternating: a slow spell of the machine hits both formats alike.
    for (const format of (i % 2 ? ['xlsx', 'csv'] : ['csv', 'xlsx']) as Format[]) out[format].push(await sampleAuthor(browser, origin, dir, format));
  }
  return out;
}
