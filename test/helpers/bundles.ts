/** Helpers for tests: seeds read over HTTP from the test runner's server, and small bundle builders. */
import type { Bundle } from '../../src/data/bundle.js';

export async function seed(name: 'kanazawa' | 'minimal' | 'broken'): Promise<Bundle> {
  const res = await fetch(`/seeds/${name}.json`);
  return (await res.json()) as Bundle;
}

/** The fictional examples in seeds/examples/, one per report shape. */
export const EXAMPLES = ['grades', 'two-dimensions', 'year-over-year', 'indicators', 'revisions'] as const;
export type Example = (typeof EXAMPLES)[number];

export async function example(name: Example): Promise<Bundle> {
  const res = await fetch(`/seeds/examples/${name}.json`);
  return (await res.json()) as Bundle;
}

export async function seedText(name: string): Promise<string> {
  return (await fetch(`/seeds/${name}.json`)).text();
}

/** A deep copy, for mutating a valid bundle into an invalid one. */
export const clone = <T>(x: T): T => structuredClone(x);

/** A unique query string, so that each test gets its own cache entry and its own server hit counter. */
let n = 0;
export const unique = (url: string): string => `${url}${url.includes('?') ? '&' : '?'}t=${Date.now()}-${n++}`;

export async function hits(path: string): Promise<number> {
  const res = await fetch(`/__kdx/hits?path=${encodeURIComponent(path)}`);
  return ((await res.json()) as { hits: number }).hits;
}
