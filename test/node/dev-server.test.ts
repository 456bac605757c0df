/**
 * `npm start` as staff use it to try a snippet: the builder's "try it locally" page, saved under demo/ and
 * opened from the Vite dev server, shows every form as a widget, with the integrity hashes holding (dist/ is
 * served at /dist/ as built, untouched by Vite) and the classic script running as a classic script. Real
 * Chromium, real dev server (vite.config.ts). Needs `npm run build`.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { createServer, type ViteDevServer } from 'vite';
import { launch } from '../../bench/lib/browser.js';

const TRY = `demo/try-${process.pid}.html`;
let server: ViteDevServer;
let browser: Browser;
let origin: string;

before(async () => {
  assert.ok(existsSync('dist/sri.json'), 'dist/ is missing: run `npm run build` before this test');
  server = await createServer({ configFile: 'vite.config.ts', logLevel: 'error', server: { port: 0, host: '127.0.0.1', strictPort: false } });
  await server.listen();
  origin = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
  browser = await launch();
});

after(async () => {
  rmSync(TRY, { force: true });
  await browser?.close();
  await server?.close();
});

/** A page of the dev server, with what it logs as errors (an integrity failure is one). */
async function visit(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${origin}${path}`, { waitUntil: 'load', timeout: 60_000 });
  return { page, errors };
}

const sri = JSON.parse(readFileSync('dist/sri.json', 'utf8')) as { files: Record<string, string> };

test('serves dist/ at /dist/ byte for byte (so integrity hashes hold)', async () => {
  for (const file of ['kdx.js', 'kdx.iife.js', 'embed.js']) {
    const res = await fetch(`${origin}/dist/${file}`);
    assert.equal(res.status, 200, file);
    assert.match(res.headers.get('content-type') ?? '', /^text\/javascript/, file);
    const hash = `sha384-${createHash('sha384').update(Buffer.from(await res.arrayBuffer())).digest('base64')}`;
    assert.equal(hash, sri.files[file], `${file} as served is not the file built`);
  }
  assert.equal((await fetch(`${origin}/dist/embed.html`)).headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal((await fetch(`${origin}/dist/nothing.js`)).status, 404);
  // Nothing outside dist/ through it (a raw request: fetch would normalize the path first).
  const status = await new Promise<number>((resolve, reject) =>
    get(`${origin}/`, { path: '/dist/../package.json' }, (res) => (res.resume(), resolve(res.statusCode ?? 0))).on('error', reject),
  );
  assert.equal(status, 404);
});

test('a page made from the builder’s code shows every form as a widget, under npm start', async () => {
  const { page: builder } = await visit('/demo/builder.html');
  await builder.waitForFunction(() => document.querySelector('#plan-choices input:checked'), { timeout: 60_000 });
  // A string, not a function: tsx would wrap inner functions in a helper the page does not have.
  await builder.evaluate(`for (const [id, value] of [['node', 'policy-1'], ['page', '/demo/']]) {
    const el = document.getElementById(id);
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }`);
  // The integrity hashes are in, and the iframe's height has been measured on the widget.
  await builder.waitForFunction(() => document.getElementById('code-script')!.textContent!.includes('integrity') && /測りました/.test(document.getElementById('frame-note')!.textContent!), { timeout: 60_000 });
  const code = await builder.$eval('#code-try', (el) => el.textContent!);
  await builder.close();
  assert.match(code, /<script type="importmap">/);
  assert.match(code, /<script type="module" src="\/dist\/kdx\.js" integrity="sha384-/);
  writeFileSync(TRY, code);

  const { page, errors } = await visit(`/${TRY}`);
  // The tag, the data-kdx div and the link become three meters; the iframe shows a fourth.
  await page.waitForFunction(
    () => {
      const meters = [...document.querySelectorAll('kdx-progress')];
      return meters.length === 3 && meters.every((m) => m.shadowRoot?.textContent?.includes('97.4%'));
    },
    { timeout: 30_000 },
  );
  // The frame may still be navigating (its first document, then embed.html): look again if it is replaced.
  const end = Date.now() + 30_000;
  for (;;) {
    const frame = page.frames().find((f) => f.url().includes('/dist/embed.html#kdx=progress') && !f.detached);
    try {
      assert.ok(frame, 'the iframe of embed.html');
      await frame.waitForFunction(() => document.querySelector('kdx-progress')?.shadowRoot?.textContent?.includes('97.4%'), { timeout: 30_000 });
      break;
    } catch (e) {
      if (Date.now() > end || !/detached|destroyed|iframe of embed/.test(String(e))) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('the classic script, with its integrity hash, runs as a classic script under npm start', async () => {
  writeFileSync(
    TRY,
    `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>kdx</title>
<script src="/dist/kdx.iife.js" integrity="${sri.files['kdx.iife.js']}" crossorigin="anonymous" defer></script></head>
<body><kdx-progress src="/seeds/kanazawa.json" plan="administrative-management-plan" node="policy-2"></kdx-progress></body></html>`,
  );
  const { page, errors } = await visit(`/${TRY}`);
  await page.waitForFunction(() => document.querySelector('kdx-progress')?.shadowRoot?.textContent?.includes('84.4%'), { timeout: 30_000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the iframe form’s source page works under npm start too (the builder’s preview before a build)', async () => {
  const { page, errors } = await visit('/src/embed/embed.html#kdx=progress&src=/seeds/kanazawa.json&plan=administrative-management-plan&node=policy-3');
  await page.waitForFunction(() => document.querySelector('kdx-progress')?.shadowRoot?.textContent?.includes('80.0%'), { timeout: 30_000 });
  assert.deepEqual(errors, []);
  await page.close();
});
