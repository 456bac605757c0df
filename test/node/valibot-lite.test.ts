/**
 * The page builds validate with `src/data/valibot-lite.ts` in place of valibot (`vite.config.ts`); this test makes
 * sure they cannot disagree. The validator is bundled a second time with esbuild and the same alias, and both
 * copies judge the same inputs — the seeds, thousands of mutations of them, and arbitrary values — with the
 * results compared whole: ok or not, every problem (path, key, parameters) in order, and the typed bundle.
 */
import { build } from 'esbuild';
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LIMITS } from '../../src/data/bundle.js';
import { validateBundle } from '../../src/data/parse.js';
import { allPaths, type Path } from '../helpers/json-paths.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const seeds = ['kanazawa', 'minimal', 'broken'].map((name) => JSON.parse(readFileSync(join(ROOT, 'seeds', `${name}.json`), 'utf8')) as unknown);

let lite: typeof validateBundle;
const dir = mkdtempSync(join(tmpdir(), 'kdx-lite-'));
before(async () => {
  const out = await build({
    entryPoints: [join(ROOT, 'src/data/parse.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    alias: { valibot: join(ROOT, 'src/data/valibot-lite.ts') },
    logLevel: 'silent',
  });
  const code = out.outputFiles[0]!.text;
  // The bundle must really be the lite one: valibot's own code is not in it.
  assert.ok(!code.includes('_standardSchema') && code.includes('function safeParse'));
  const file = join(dir, 'validate-lite.mjs');
  writeFileSync(file, code);
  lite = ((await import(pathToFileURL(file).href)) as { validateBundle: typeof validateBundle }).validateBundle;
});
after(() => rmSync(dir, { recursive: true, force: true }));

function same(input: unknown): void {
  const a = validateBundle(structuredCloneSafe(input));
  const b = lite(structuredCloneSafe(input));
  assert.deepEqual(b, a);
}

/** Inputs may hold functions, boxed values and null prototypes (fast-check's anything): copy them as they are. */
function structuredCloneSafe<T>(x: T): T {
  try {
    return structuredClone(x);
  } catch {
    return x;
  }
}

function at(root: unknown, path: Path): Record<string | number, unknown> | undefined {
  let cur = root;
  for (const k of path.slice(0, -1)) cur = cur && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[k] : undefined;
  return cur && typeof cur === 'object' ? (cur as Record<string | number, unknown>) : undefined;
}

/** Values that break things, as the fuzz tests use them. */
const junk = fc.oneof(
  fc.constantFrom<unknown>(
    null, true, false, 0, -0, -1, 1.5, 1e9 + 1, NaN, Infinity, -Infinity, '', ' ', '0', 'x', [], {}, [null], { ja: null }, { ja: 1 },
    { en: 'x' }, { ja: 'x', en: 2 }, { ja: 'x', editorial: 'yes' }, { ja: 'x', editorial: true }, 'javascript:alert(1)', undefined,
    'x'.repeat(LIMITS.textLength + 1), 'a'.repeat(LIMITS.idLength + 1), 'carried-out', 'added', 'result', 'plan', 'constructor',
    { constructor: 1 }, { __proto__: null }, Object.create(null), [1, 2], { as: 'added', fiscalYear: 2025 }, { as: 'x', fiscalYear: 1 },
  ),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 20 }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.anything({ maxDepth: 2, withNullPrototype: true, withSparseArray: true, withBoxedValues: true }),
);

describe('valibot-lite validates exactly as valibot', () => {
  test('the seeds', () => {
    for (const s of seeds) same(s);
  });

  test('anything at all', () => {
    fc.assert(fc.property(fc.oneof(junk, fc.anything({ maxDepth: 5, withNullPrototype: true, withSparseArray: true })), same), { numRuns: 1000 });
  });

  for (const [i, name] of ['kanazawa', 'minimal'].entries()) {
    const paths = allPaths(seeds[i]);
    test(`1–4 mutations of ${name}: values set to junk, keys deleted, objects swapped`, () => {
      const mutation = fc.oneof(
        fc.record({ op: fc.constant('set' as const), path: fc.constantFrom(...paths), value: junk }),
        fc.record({ op: fc.constant('delete' as const), path: fc.constantFrom(...paths) }),
        fc.record({ op: fc.constant('swap' as const), path: fc.constantFrom(...paths), other: fc.constantFrom(...paths) }),
      );
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
          const b = structuredClone(seeds[i]);
          for (const m of ms) {
            const parent = at(b, m.path);
            if (!parent) continue;
            const key = m.path[m.path.length - 1]!;
            if (m.op === 'set') parent[key] = m.value;
            else if (m.op === 'delete') Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key];
            else parent[key] = structuredClone(at(b, m.other)?.[m.other[m.other.length - 1]!]);
          }
          same(b);
        }),
        { numRuns: 1500 },
      );
    });
  }
});
