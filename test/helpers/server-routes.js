// Real routes on the test runner's own server, for fault tests (no fetch mocks).
// Koa middleware, used by web-test-runner.config.js.
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';

const hits = new Map();
const versions = new Map();

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** @type {import('koa').Middleware} */
async function kdxRoutes(ctx, next) {
  const url = new URL(ctx.url, 'http://localhost');
  const key = url.pathname + url.search;
  hits.set(key, (hits.get(key) ?? 0) + 1);
  if (!url.pathname.startsWith('/__kdx/')) return next();
  const route = url.pathname.slice('/__kdx/'.length);
  const q = url.searchParams;
  switch (route) {
    case 'hits': {
      // How many times a path was requested: /__kdx/hits?path=/seeds/kanazawa.json%3Fx
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { hits: hits.get(q.get('path') ?? '') ?? 0 };
      return;
    }
    case 'status': {
      ctx.status = Number(q.get('code') ?? 500);
      ctx.body = `status ${ctx.status}`;
      return;
    }
    case 'slow': {
      await sleep(Number(q.get('ms') ?? 3000));
      ctx.type = 'application/json';
      ctx.body = await readFile(new URL('../../seeds/minimal.json', import.meta.url), 'utf8');
      return;
    }
    case 'html200': {
      ctx.status = 200;
      ctx.type = 'text/html';
      ctx.body = '<!DOCTYPE html><html><body><h1>Page not found</h1></body></html>';
      return;
    }
    case 'redirect': {
      // A same-origin address that redirects elsewhere: /__kdx/redirect?to=<absolute URL>
      ctx.status = 302;
      ctx.set('Cache-Control', 'no-store');
      ctx.set('Location', q.get('to') ?? '/');
      ctx.body = 'moved';
      return;
    }
    case 'fake-frame': {
      // A page that claims a height to its parent, unasked: what the host's origin check must refuse when it
      // comes from anywhere but the iframe's own origin. /__kdx/fake-frame?height=999; with detail=<JSON>, a
      // problem (embed-error) with that detail instead; with load=<JSON>, a widget shown (embed-load).
      const height = Number(q.get('height') ?? 999);
      const detail = q.get('detail') ?? q.get('load');
      const kind = q.has('load') ? 'embed-load' : 'embed-error';
      const message = detail
        ? `{ kdx: '${kind}', v: 1, detail: ${JSON.stringify(JSON.parse(detail)).replaceAll('<', '\\u003c')} }`
        : `{ kdx: 'embed-height', v: 1, height: ${height} }`;
      ctx.set('Cache-Control', 'no-store');
      ctx.type = 'text/html';
      ctx.body = `<!doctype html><title>fake</title><script>setInterval(() => parent.postMessage(${message}, '*'), 50);</script>`;
      return;
    }
    case 'editions': {
      // Two editions of one (fictional) plan sharing item ids; the second lacks C-1.
      const bundle = JSON.parse(await readFile(new URL('../../seeds/minimal.json', import.meta.url), 'utf8'));
      const first = bundle.plans[0];
      const next = { ...first, id: 'sample-plan-next', title: { ja: 'サンプル計画（次期）', en: 'Sample Plan (next)' }, nodes: first.nodes.filter((n) => n.id !== 'C-1') };
      bundle.plans = [first, next];
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(bundle);
      return;
    }
    case 'drop': {
      // Accept the request, then drop the connection without an answer.
      ctx.respond = false;
      ctx.req.socket.destroy();
      return;
    }
    case 'seed': {
      // Serves a seed file with optional CORS header: /__kdx/seed?name=minimal&cors=1
      const name = (q.get('name') ?? 'minimal').replace(/[^a-z0-9-]/g, '');
      if (q.get('cors')) ctx.set('Access-Control-Allow-Origin', '*');
      ctx.type = 'application/json';
      ctx.body = await readFile(new URL(`../../seeds/${name}.json`, import.meta.url), 'utf8');
      return;
    }
    case 'changing': {
      // A bundle whose asOf date changes on every load.
      const id = q.get('id') ?? 'default';
      const n = (versions.get(id) ?? 0) + 1;
      versions.set(id, n);
      const bundle = JSON.parse(await readFile(new URL('../../seeds/minimal.json', import.meta.url), 'utf8'));
      bundle.plans[0].title = { ja: `版${n}`, en: `Version ${n}` };
      ctx.set('Cache-Control', 'no-store');
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(bundle);
      return;
    }
    case 'flaky': {
      // Fails with 503 the first `fail` times for a given id, then serves the minimal seed.
      const id = q.get('id') ?? 'default';
      const fail = Number(q.get('fail') ?? 1);
      const n = (versions.get(`flaky:${id}`) ?? 0) + 1;
      versions.set(`flaky:${id}`, n);
      ctx.set('Cache-Control', 'no-store');
      if (n <= fail) {
        ctx.status = 503;
        ctx.body = 'try later';
        return;
      }
      ctx.type = 'application/json';
      ctx.body = await readFile(new URL('../../seeds/minimal.json', import.meta.url), 'utf8');
      return;
    }
    default:
      return next();
  }
}

/**
 * Routes for the embedding tests (test/embed/), kept apart from the fault routes above.
 * - /__kdx/embed/v/<version>/<file>: dist/ as if it were another release: kdx.iife.js and the module build's
 *   core chunk with their VERSION literal replaced, everything else as built.
 * - /__kdx/embed/no-chunks/<file>, /__kdx/embed/no-en/<file>, /__kdx/embed/no-detail/<file>,
 *   /__kdx/embed/no-shapes/<file>: dist/ without chunks/, without the English messages' chunk, without the
 *   Japanese detail of problems, or without the classic script's chunk of the report shapes (404 for those).
 * - /__kdx/embed/held-en/<file> (embed.html too): dist/; after /__kdx/embed/hold-en, its English messages'
 *   chunk is held back until /__kdx/embed/release-en (or 8 s), for races against a slow chunk;
 *   /__kdx/embed/held tells how many requests wait.
 * - /__kdx/embed/csp?scripts=module,iife&tt=strict|dup: a page under a strict Content-Security-Policy with
 *   Trusted Types enforced (`dup` adds 'allow-duplicates'), loading the named builds and test/embed/fixtures.
 */
const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

/** The requests for held-en's English chunk now waiting, and what lets them go (nothing is held until hold-en). */
const heldEn = { waiting: 0, release: () => {}, released: Promise.resolve() };

/** A file of dist/ as built, never cached (each test's variant of dist/ is served under its own path). */
async function sendDist(ctx, file) {
  ctx.type = file.endsWith('.html') ? 'text/html' : 'text/javascript';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = await readFile(new URL(`../../dist/${file}`, import.meta.url), 'utf8');
}

async function embedRoutes(ctx, next) {
  const url = new URL(ctx.url, 'http://localhost');
  if (!url.pathname.startsWith('/__kdx/embed/')) return next();
  const route = url.pathname.slice('/__kdx/embed/'.length);
  const q = url.searchParams;
  if (route === 'held' || route === 'hold-en' || route === 'release-en') {
    if (route !== 'held') heldEn.release();
    if (route === 'hold-en') {
      heldEn.released = new Promise((r) => (heldEn.release = r));
      setTimeout(heldEn.release, 8000); // a test that fails never leaves a request hanging
    }
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { waiting: heldEn.waiting };
    return;
  }
  const held = /^held-en\/((?:chunks\/)?[\w.-]+\.(?:js|html))$/.exec(route);
  if (held) {
    const [, file] = held;
    if (file.startsWith('chunks/en-')) {
      heldEn.waiting++;
      await heldEn.released;
      heldEn.waiting--;
    }
    return sendDist(ctx, file);
  }
  const versioned = /^v\/([0-9A-Za-z.-]+)\/((?:chunks\/)?[\w.-]+\.js)$/.exec(route);
  if (versioned) {
    const [, version, file] = versioned;
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
    let body = await readFile(new URL(`../../dist/${file}`, import.meta.url), 'utf8');
    // The version literal is in the classic script and in the module build's core chunk.
    if (file === 'kdx.iife.js' || /^chunks\/core-/.test(file)) {
      const literal = new RegExp(`([\`"'])${pkg.version.replaceAll('.', '\\.')}\\1`, 'g');
      if (!literal.test(body)) throw new Error(`VERSION ${pkg.version} not found in dist/${file}`);
      body = body.replace(literal, `$1${version}$1`);
    }
    ctx.type = 'text/javascript';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = body;
    return;
  }
  // dist/ published with files missing: without chunks/ at all, or without one chunk of messages.
  const partial = /^(no-chunks|no-en|no-detail|no-shapes)\/((?:chunks\/)?[\w.-]+\.js)$/.exec(route);
  if (partial) {
    const [, missing, file] = partial;
    if (file.startsWith({ 'no-en': 'chunks/en-', 'no-detail': 'chunks/ja-detail-', 'no-shapes': 'chunks/classic-shapes-' }[missing] ?? 'chunks/')) return next();
    return sendDist(ctx, file);
  }
  if (route === 'csp') {
    const scripts = (q.get('scripts') ?? 'module').split(',');
    const tags = scripts.map((s) =>
      s === 'iife' ? '<script src="/dist/kdx.iife.js" defer></script>' : '<script type="module" src="/dist/kdx.js"></script>',
    );
    const policy = q.get('tt') === 'dup' ? `${STRICT_CSP} 'allow-duplicates'` : STRICT_CSP;
    ctx.set('Content-Security-Policy', policy);
    ctx.set('Cache-Control', 'no-store');
    ctx.type = 'text/html';
    ctx.body = `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<title>kdx under a strict CSP</title>
<script src="/test/embed/fixtures/csp-probe.js"></script>
${tags.join('\n')}
</head>
<body>
<kdx-progress src="/seeds/kanazawa.json" plan="administrative-management-plan" node="policy-1"></kdx-progress>
<kdx-progress src="/seeds/kanazawa.json" plan="administrative-management-plan" variant="ring"></kdx-progress>
<kdx-initiative-card src="/seeds/kanazawa.json" plan="administrative-management-plan" node="R7-1"></kdx-initiative-card>
<kdx-plan-tree src="/seeds/kanazawa.json" plan="administrative-management-plan" expand-depth="1"></kdx-plan-tree>
<kdx-chart src="/seeds/kanazawa.json" plan="administrative-management-plan" type="bar"></kdx-chart>
<kdx-chart src="/seeds/kanazawa.json" plan="administrative-management-plan" type="doughnut"></kdx-chart>
<div data-kdx="progress" data-src="/seeds/kanazawa.json" data-plan="administrative-management-plan" data-node="policy-2">84.4%</div>
<p><a href="/plan.html#kdx=progress&amp;src=/seeds/kanazawa.json&amp;plan=administrative-management-plan&amp;node=policy-3">80.0%</a></p>
</body>
</html>`;
    return;
  }
  return next();
}

/**
 * Routes for the hardening tests (test/hardening/).
 * - /__kdx/hold?id=&ms=: answers with the minimal seed after `ms`, unless the client goes away first;
 * - /__kdx/held?id=: how that request ended: `open`, `served` or `aborted` (the client closed the connection),
 *   to see that removing a widget really cancels its request.
 * - /__kdx/big?chars=&char=&chunked=1: a JSON bundle-like text with one string of `chars` × `char` (default `x`);
 *   with `chunked`, streamed without Content-Length (so only the size of the text itself can be checked).
 */
const held = new Map();

async function hardeningRoutes(ctx, next) {
  const url = new URL(ctx.url, 'http://localhost');
  const q = url.searchParams;
  if (url.pathname === '/__kdx/big') {
    const chars = Number(q.get('chars') ?? 6 * 1024 * 1024);
    const unit = (q.get('char') ?? 'x').slice(0, 1) || 'x';
    const text = `{"schemaVersion":1,"x":"${unit.repeat(chars)}"}`;
    ctx.set('Cache-Control', 'no-store');
    ctx.type = 'application/json';
    ctx.body = q.get('chunked') ? Readable.from([text.slice(0, text.length >> 1), text.slice(text.length >> 1)]) : text;
    return;
  }
  if (url.pathname === '/__kdx/held') {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { state: held.get(q.get('id') ?? 'default') ?? 'unknown' };
    return;
  }
  if (url.pathname !== '/__kdx/hold') return next();
  const id = q.get('id') ?? 'default';
  held.set(id, 'open');
  const aborted = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), Number(q.get('ms') ?? 3000));
    ctx.res.once('close', () => {
      clearTimeout(timer);
      resolve(!ctx.res.writableFinished);
    });
  });
  held.set(id, aborted ? 'aborted' : 'served');
  if (aborted) {
    ctx.respond = false;
    return;
  }
  ctx.set('Cache-Control', 'no-store');
  ctx.type = 'application/json';
  ctx.body = await readFile(new URL('../../seeds/minimal.json', import.meta.url), 'utf8');
}

/**
 * Variants of the iframe form's page, next to the real one (so that its relative script addresses still hold):
 * /src/embed/__variant.html (the source page) and /dist/__variant.html (as built), with
 * - `allow=<origins>`: the content of its `<meta name="kdx-allowed-origins">`, as a deployer would write it;
 * - `probe=1`: test/embed/fixtures/csp-probe.js loaded first, to record CSP violations and errors;
 * - `axe=1`: axe-core loaded by the page itself (its CSP lets no test script in afterwards).
 */
const escapeAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

async function frameRoutes(ctx, next) {
  const url = new URL(ctx.url, 'http://localhost');
  const variant = /^\/(src\/embed|dist)\/__variant\.html$/.exec(url.pathname);
  if (!variant) return next();
  const file = variant[1] === 'dist' ? '../../dist/embed.html' : '../../src/embed/embed.html';
  let html = await readFile(new URL(file, import.meta.url), 'utf8');
  const meta = '<meta name="kdx-allowed-origins" content="" />';
  if (!html.includes(meta)) throw new Error(`${file} has no ${meta}`);
  html = html.replace(meta, `<meta name="kdx-allowed-origins" content="${escapeAttr(url.searchParams.get('allow') ?? '')}" />`);
  if (url.searchParams.get('probe')) html = html.replace('<title>', '<script src="/test/embed/fixtures/csp-probe.js"></script>\n    <title>');
  if (url.searchParams.get('axe')) html = html.replace('<title>', '<script src="/node_modules/axe-core/axe.min.js"></script>\n    <title>');
  ctx.set('Cache-Control', 'no-store');
  ctx.type = 'text/html';
  ctx.body = html;
}

export const testRoutes = [kdxRoutes, embedRoutes, frameRoutes, hardeningRoutes];
