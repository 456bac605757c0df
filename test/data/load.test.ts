import { expect } from '@open-wc/testing';
import { KdxError, errorMessage } from '../../src/data/errors.js';
import { forgetBundle, loadBundle } from '../../src/data/load.js';
import { parseBundle } from '../../src/data/parse.js';
import { hits, seedText, unique } from '../helpers/bundles.js';
import { loadDetail, loadMessages } from '../../src/i18n/index.js';

async function failure(p: Promise<unknown>): Promise<KdxError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(KdxError);
    return e as KdxError;
  }
  throw new Error('expected a failure');
}

describe('loadBundle', () => {
  // These messages are checked in English too, which the widgets load on demand.
  before(() => Promise.all([loadMessages('en'), loadDetail()]));
  afterEach(() => forgetBundle());

  it('loads, validates and models a bundle', async () => {
    const model = await loadBundle(unique('/seeds/kanazawa.json'));
    expect(model.plans.map((p) => p.data.id)).to.deep.equal(['dx-action-plan-2', 'administrative-management-plan']);
  });

  it('makes one request for any number of loads of one URL, relative or absolute', async () => {
    const url = unique('/seeds/minimal.json');
    const all = await Promise.all([
      loadBundle(url),
      loadBundle(url),
      loadBundle(new URL(url, location.href).href),
      ...Array.from({ length: 20 }, () => loadBundle(url, { signal: new AbortController().signal })),
    ]);
    await loadBundle(url);
    expect(new Set(all).size, 'one shared model').to.equal(1);
    expect(await hits(url)).to.equal(1);
  });

  it('names a missing file (404) and says what to check', async () => {
    const e = await failure(loadBundle(unique('/seeds/does-not-exist.json')));
    expect(e.code).to.equal('http');
    expect(e.params.status).to.equal(404);
    expect(errorMessage(e, 'en')).to.match(/HTTP 404.*Check that the file exists/);
    expect(errorMessage(e, 'ja')).to.contain('HTTP 404');
  });

  it('retries a 503 a bounded number of times, then succeeds', async () => {
    const id = `flaky-${Date.now()}`;
    const model = await loadBundle(`/__kdx/flaky?id=${id}&fail=2`);
    expect(model.plans[0]!.data.id).to.equal('sample-plan');
    const e = await failure(loadBundle(`/__kdx/flaky?id=${id}-b&fail=5`));
    expect(e.code).to.equal('http');
    expect(e.params.status).to.equal(503);
  });

  it('does not retry a 500-class error forever and does not retry 404', async () => {
    const url = unique('/seeds/nope.json');
    await failure(loadBundle(url));
    expect(await hits(url)).to.equal(1);
  });

  it('names a non-JSON file and an HTML page served with status 200', async () => {
    const e1 = await failure(loadBundle(unique('/vite.config.ts')));
    expect(e1.code).to.equal('not-json');
    const e2 = await failure(loadBundle(unique('/__kdx/html200')));
    expect(e2.code).to.equal('not-json');
    expect(e2.params.found).to.equal('HTML');
    expect(errorMessage(e2, 'en')).to.contain('is not JSON');
  });

  it('times out a slow response', async () => {
    const e = await failure(loadBundle(unique('/__kdx/slow?ms=3000'), { timeout: 300 }));
    expect(e.code).to.equal('timeout');
    expect(errorMessage(e, 'ja')).to.contain('秒以内に終わりませんでした');
  });

  it('names a dropped connection as a network or CORS failure', async () => {
    const e = await failure(loadBundle(unique('/__kdx/drop'), { retries: 0 }));
    expect(e.code).to.equal('network');
    expect(errorMessage(e, 'en')).to.contain('Access-Control-Allow-Origin');
  });

  it('names a CORS-blocked origin the same way, with the header hint', async () => {
    const other = `${location.protocol}//127.0.0.1:${location.port}`;
    expect(location.hostname).to.not.equal('127.0.0.1');
    const e = await failure(loadBundle(unique(`${other}/__kdx/seed?name=minimal`), { retries: 0 }));
    expect(e.code).to.equal('network');
    const ok = await loadBundle(unique(`${other}/__kdx/seed?name=minimal&cors=1`));
    expect(ok.plans.length).to.equal(2);
  });

  it('names an invalid bundle with its first problem', async () => {
    const e = await failure(loadBundle(unique('/seeds/broken.json')));
    expect(e.code).to.equal('invalid');
    expect(errorMessage(e, 'en')).to.equal(
      'The plan data has 2 errors. First: plans[0].nodes[4].title: must be a string or { "ja": "…", "en": "…" } (got 42)',
    );
  });

  it('aborts the request when every waiter has gone', async () => {
    const url = unique('/__kdx/slow?ms=2000');
    const a = new AbortController();
    const b = new AbortController();
    const pa = loadBundle(url, { signal: a.signal });
    const pb = loadBundle(url, { signal: b.signal });
    a.abort();
    await pa.catch(() => {});
    b.abort();
    await pb.catch(() => {});
    // A new load starts a new request (the aborted one was dropped from the cache).
    const start = performance.now();
    const model = loadBundle(url, { timeout: 5000 });
    await model;
    expect(performance.now() - start).to.be.greaterThan(1000);
  });

  it('forgets failures so a retry fetches again', async () => {
    const id = `retry-${Date.now()}`;
    const url = `/__kdx/flaky?id=${id}&fail=1`;
    await failure(loadBundle(url, { retries: 0 }));
    const model = await loadBundle(url, { retries: 0 });
    expect(model.plans.length).to.equal(2);
  });
});

describe('parseBundle', () => {
  // These messages are checked in English too, which the widgets load on demand.
  before(() => Promise.all([loadMessages('en'), loadDetail()]));
  it('accepts a UTF-8 BOM', async () => {
    const model = parseBundle('\ufeff' + (await seedText('minimal')));
    expect(model.plans.length).to.equal(2);
  });
  it('names truncated JSON as not JSON', async () => {
    const text = await seedText('minimal');
    expect(() => parseBundle(text.slice(0, 100))).to.throw(KdxError).with.property('code', 'not-json');
  });
  it('refuses a bundle over the size limit with its own message', () => {
    expect(() => parseBundle(' '.repeat(5 * 1024 * 1024 + 1))).to.throw(KdxError).with.property('code', 'too-large');
  });
  it('names an unsupported schema version', async () => {
    const b = JSON.parse(await seedText('minimal'));
    b.schemaVersion = 3;
    try {
      parseBundle(JSON.stringify(b));
      expect.fail('should throw');
    } catch (e) {
      expect((e as KdxError).code).to.equal('unsupported-version');
      expect(errorMessage(e as KdxError, 'en')).to.equal('This plan data format (schemaVersion 3) is not supported. Supported: 1.');
    }
  });
});
