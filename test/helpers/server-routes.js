// Real routes on the test runner's own server, for fault tests (no fetch mocks).
// Koa middleware, used by web-test-runner.config.js.
import { readFile } from 'node:fs/promises';

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

export const testRoutes = [kdxRoutes];
