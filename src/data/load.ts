/**
 * Loading bundles: fetch with a page-wide cache keyed by absolute URL (any number of widgets with one `src` make
 * one request), abort when no one is waiting any more, a timeout, a bounded retry for transient faults, and a
 * named error for each way it can fail.
 *
 * The cache lives on `globalThis` under a versioned symbol, so two copies of the library on one page (a CMS
 * template and a partner widget) still share one request per URL.
 */
import { LIMITS } from './bundle.js';
import { KdxError } from './errors.js';
import { buildModel, type BundleModel } from './model.js';
import { hasShapeData, validateParts, withShapeIssues, type ValidationResult } from './validate.js';

export interface LoadOptions {
  /** Aborts this caller's wait; the request itself is aborted when every caller has gone. */
  signal?: AbortSignal | undefined;
  /** Milliseconds before the request fails with `timeout`. */
  timeout?: number | undefined;
  /** Base for relative URLs (default: the document's base URI). */
  base?: string | undefined;
  /** Retries for transient failures (network, 408, 429, 5xx). */
  retries?: number | undefined;
}

export const DEFAULT_TIMEOUT = 10_000;
const DEFAULT_RETRIES = 2;
const RETRY_DELAY = 400;

interface Entry {
  promise: Promise<BundleModel>;
  controller: AbortController;
  waiters: number;
  /** A caller without a signal keeps the request alive. */
  pinned: boolean;
  settled: boolean;
  /** The model, once loaded. */
  model?: BundleModel;
}

const CACHE_KEY = Symbol.for('kdx.bundle-cache.v1');
const cache: Map<string, Entry> = ((globalThis as Record<symbol, unknown>)[CACHE_KEY] as Map<string, Entry> | undefined) ??
  ((globalThis as Record<symbol, unknown>)[CACHE_KEY] = new Map<string, Entry>());

/** The absolute URL a `src` attribute means. */
export function resolveUrl(src: string, base?: string): string {
  try {
    return new URL(src, base ?? globalThis.document?.baseURI).href;
  } catch {
    return src;
  }
}

/** UTF-8 length of `s` without copying it: a UTF-16 unit is 1–3 bytes, a surrogate pair 4. */
function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return n;
}

/** Whether `text` is more than a bundle may be in UTF-8 (`LIMITS.bundleBytes`), counted without encoding it. */
export function overBundleLimit(text: string): boolean {
  // Japanese text is 3 bytes per character: counted only where that could pass the limit.
  return text.length > LIMITS.bundleBytes || (text.length * 3 > LIMITS.bundleBytes && utf8Length(text) > LIMITS.bundleBytes);
}

/** Bundle text (JSON, optional BOM) as JSON, within the size limit. Throws a KdxError. */
export function readJson(text: string, url: string): unknown {
  // The limit is in bytes (as served).
  if (overBundleLimit(text)) {
    throw new KdxError('too-large', { url, limit: `${LIMITS.bundleBytes / 1024 / 1024} MB` });
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (e) {
    const start = body.trimStart();
    const found = start.startsWith('<') ? 'HTML' : start ? JSON.stringify(start.slice(0, 30)) : '""';
    throw new KdxError('not-json', { url, found }, { cause: e });
  }
}

export type Rules = Pick<typeof import('./shape-rules.js'), 'checkShapes' | 'evaluate'>;

/** The model of a validated bundle, or the validation's problems as a KdxError. */
export function modelOf(result: ValidationResult, url: string, rules: Rules | undefined): BundleModel {
  if (!result.ok) {
    if (result.version !== undefined) {
      throw new KdxError('unsupported-version', { url, version: result.version, supported: '1' }, { issues: result.errors });
    }
    throw new KdxError('invalid', { url }, { issues: result.errors });
  }
  return buildModel(result.bundle, /^https?:/.test(url) ? url : undefined, rules?.evaluate);
}


let rules: Promise<Rules> | undefined;
/** The report shapes' rules, loaded on first need (a failed load is tried again next time). */
function loadRules(): Promise<Rules> {
  return (rules ??= import('./shape-rules.js').catch((e: unknown) => {
    rules = undefined;
    throw e;
  }));
}

/**
 * `parseBundle` (`parse.ts`) for pages: the same result, but the rules and the evaluation of the report shapes are fetched only
 * for a bundle that has such shapes, so that other pages never load them. A bundle without them is parsed at once
 * (the result is not a promise then).
 */
export function parseBundleLazily(text: string, url = ''): BundleModel | Promise<BundleModel> {
  const parts = validateParts(readJson(text, url));
  if (!parts.bundle || !hasShapeData(parts.bundle)) return modelOf(parts.result, url, undefined);
  const bundle = parts.bundle;
  return loadRules().then(
    (r) => modelOf(withShapeIssues(parts, r.checkShapes(bundle)), url, r),
    (e: unknown) => {
      throw new KdxError('network', { url }, { transient: true, cause: e });
    },
  );
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), reject(signal.reason)), { once: true });
  });

async function fetchOnce(url: string, signal: AbortSignal): Promise<BundleModel> {
  let response: Response;
  try {
    // No cookies or credentials: bundles are public data (see SECURITY.md).
    response = await fetch(url, { signal, credentials: 'omit', headers: { Accept: 'application/json' } });
  } catch (e) {
    if (signal.aborted) throw signal.reason;
    throw new KdxError('network', { url }, { transient: true, cause: e });
  }
  if (!response.ok) {
    const s = response.status;
    throw new KdxError('http', { url, status: s }, { transient: s === 408 || s === 429 || s >= 500 });
  }
  const length = Number(response.headers.get('Content-Length'));
  if (length > LIMITS.bundleBytes) throw new KdxError('too-large', { url, limit: `${LIMITS.bundleBytes / 1024 / 1024} MB` });
  let body: string;
  try {
    body = await response.text();
  } catch (e) {
    if (signal.aborted) throw signal.reason;
    throw new KdxError('network', { url }, { transient: true, cause: e });
  }
  return parseBundleLazily(body, url);
}

async function fetchWithRetry(url: string, controller: AbortController, timeoutMs: number, retries: number): Promise<BundleModel> {
  const timer = setTimeout(() => controller.abort(new KdxError('timeout', { url, seconds: Math.round(timeoutMs / 1000) }, { transient: true })), timeoutMs);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fetchOnce(url, controller.signal);
      } catch (e) {
        if (!(e instanceof KdxError) || !e.transient || attempt >= retries || controller.signal.aborted) throw e;
        await sleep(RETRY_DELAY * 3 ** attempt, controller.signal);
      }
    }
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The bundle at `src`, validated and modelled. Concurrent and later calls for the same absolute URL share one
 * request and one model; a failed load is dropped from the cache so that a retry fetches again.
 */
export function loadBundle(src: string, options: LoadOptions = {}): Promise<BundleModel> {
  const url = resolveUrl(src, options.base);
  let entry = cache.get(url);
  if (!entry) {
    const controller = new AbortController();
    const created: Entry = { controller, waiters: 0, pinned: false, settled: false, promise: undefined! };
    created.promise = fetchWithRetry(url, controller, options.timeout ?? DEFAULT_TIMEOUT, options.retries ?? DEFAULT_RETRIES).then(
      (model) => ((created.settled = true), (created.model = model)),
      (e) => {
        created.settled = true;
        if (cache.get(url) === created) cache.delete(url);
        throw e;
      },
    );
    created.promise.catch(() => {}); // rejections are handled by each waiter
    cache.set(url, created);
    entry = created;
  }
  const shared = entry;
  const signal = options.signal;
  if (!signal) {
    shared.pinned = true;
    return shared.promise;
  }
  if (signal.aborted) return Promise.reject(signal.reason);
  shared.waiters++;
  return new Promise<BundleModel>((resolve, reject) => {
    const onAbort = () => {
      shared.waiters--;
      // Checked a microtask later: a widget moved in the page (disconnected, then connected again in the same
      // task) joins the request again instead of aborting and restarting it.
      queueMicrotask(() => {
        if (shared.waiters === 0 && !shared.pinned && !shared.settled) {
          shared.controller.abort(signal.reason);
          if (cache.get(url) === shared) cache.delete(url);
        }
      });
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    shared.promise.then(
      (m) => (signal.removeEventListener('abort', onAbort), shared.waiters--, resolve(m)),
      (e) => (signal.removeEventListener('abort', onAbort), shared.waiters--, reject(e)),
    );
  });
}

/** The model for `src` if it is already loaded (no request, no waiting), else undefined. */
export function peekBundle(src: string, base?: string): BundleModel | undefined {
  return cache.get(resolveUrl(src, base))?.model;
}

/** Forgets a URL (or every URL), so the next load fetches again: for "try again" and for tests. */
export function forgetBundle(src?: string, base?: string): void {
  if (src === undefined) cache.clear();
  else cache.delete(resolveUrl(src, base));
}
