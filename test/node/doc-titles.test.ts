/**
 * Titles quoted in the README, the docs, the demo and the stories are the bundle's, character for character: a
 * guide that calls policy 2 「市民サービスの質を高める」 teaches staff a title the city never wrote. Three rules:
 *
 * 1. A snippet's fallback text names the node its markup points at (`node="policy-2"`, `data-node`, `&node=`):
 *    the text before 「：」 or 「（」 is that node's title.
 * 2. A quoted 「…」 that shares six or more characters in a row with a plan, node or source title is a title, and
 *    must be one exactly (or be quoted inside one: 「木の文化都市・金沢」), or be another text of the bundle.
 * 3. 「…ごと」 over a plan's levels uses the plan's own word for them (基本方針, not 取組方針), and no prose gives a
 *    reference date (「令和6年度末」) that no document states: a 時点 comes from the data's `asOf` only.
 * 4. The English of rule 2: a quoted “…” that shares four or more words in a row with a title's `en` is one exactly
 *    (or is quoted inside one), or is another English text of the bundle.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

type Text = string | { ja: string; en?: string };
interface Plan {
  id: string;
  title: Text;
  source?: { title?: Text };
  kinds?: Record<string, { label: Text }>;
  nodes: Array<{ id: string; title: Text }>;
}
const bundle = JSON.parse(readFileSync(join(ROOT, 'seeds', 'kanazawa.json'), 'utf8')) as { plans: Plan[] };
const ja = (t: Text | undefined) => (t === undefined ? '' : typeof t === 'string' ? t : t.ja);
const en = (t: Text | undefined) => (t === undefined || typeof t === 'string' ? '' : (t.en ?? ''));

const titles = bundle.plans.flatMap((p) => [ja(p.title), ja(p.source?.title), ...p.nodes.map((n) => ja(n.title))]).filter(Boolean);
const titlesEn = bundle.plans.flatMap((p) => [en(p.title), en(p.source?.title), ...p.nodes.map((n) => en(n.title))]).filter(Boolean);
/** Every text of the bundle (principles, summaries, relations…), in each language, for quotes that are not titles. */
const allTexts: string[] = [];
const allTextsEn: string[] = [];
(function walk(v: unknown) {
  if (Array.isArray(v)) v.forEach(walk);
  else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.ja !== 'string') return Object.values(o).forEach(walk);
    allTexts.push(o.ja.replace(/\s+/g, ''));
    if (typeof o.en === 'string') allTextsEn.push(o.en);
  }
})(bundle);
const kindWords = new Set(bundle.plans.flatMap((p) => Object.values(p.kinds ?? {}).map((k) => ja(k.label))));

/** Files that quote the plan to readers: README, docs, demo, stories, seeds/README, and the documented snippets. */
function files(): string[] {
  const out = ['README.md', 'seeds/README.md', 'test/embed/snippets.ts'];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(ROOT, dir))) {
      const rel = join(dir, name);
      if (statSync(join(ROOT, rel)).isDirectory()) walk(rel);
      else if (/\.(md|mdx|html|ts)$/.test(name)) out.push(rel);
    }
  };
  ['docs', 'demo', 'stories'].forEach(walk);
  return out;
}

function longestCommon(a: string, b: string): number {
  let best = 0;
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : 0;
      if (prev[j]! > best) best = prev[j]!;
      diag = up;
    }
  }
  return best;
}

const nodesById = new Map<string, Array<{ plan: string; title: Text }>>();
for (const p of bundle.plans) for (const n of p.nodes) nodesById.set(n.id, [...(nodesById.get(n.id) ?? []), { plan: p.id, title: n.title }]);

/** Rule 1: problems in one file's snippets. */
export function snippetProblems(source: string): string[] {
  const out: string[] = [];
  const markup = /<(kdx-[\w-]+|div|a|span|p)\b([^>]*)>([^<]+)(?=<)/g;
  for (const m of source.matchAll(markup)) {
    const attrs = m[2]!.replace(/&amp;/g, '&');
    const node = /(?:\bnode=|\bdata-node=|[&#?]node=)"?([A-Za-z0-9._-]+)/.exec(attrs)?.[1];
    if (!node) continue;
    const plan = /(?:\bplan=|\bdata-plan=|[&#?]plan=)"?([A-Za-z0-9._-]+)/.exec(attrs)?.[1];
    const candidates = (nodesById.get(node) ?? []).filter((c) => !plan || c.plan === plan);
    if (!candidates.length) continue;
    const named = m[3]!.split(/[：（:(]/)[0]!.trim();
    if (!named || /^[\s\d.%]*$/.test(named)) continue;
    if (!candidates.some((c) => named === ja(c.title) || named === en(c.title))) {
      out.push(`node="${node}" is 「${candidates.map((c) => ja(c.title)).join('」 or 「')}」, not 「${named}」`);
    }
  }
  return out;
}

/** Rule 2: quoted titles that are not the bundle's. */
export function quoteProblems(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/「([^「」\n]{4,80})」/g)) {
    const q = m[1]!;
    const near = titles.filter((t) => longestCommon(q, t) >= 6);
    if (!near.length) continue;
    const flat = q.replace(/\s+/g, '');
    const ok = titles.includes(q) || titles.some((t) => t.includes(`「${q}」`)) || allTexts.some((t) => t === flat || t.includes(flat) && !titles.some((x) => x.includes(flat)));
    if (!ok) out.push(`「${q}」 is not a title in the bundle (closest: 「${near[0]}」)`);
  }
  return out;
}

const words = (t: string) => t.toLowerCase().match(/[\p{L}\p{N}’'-]+/gu) ?? [];
/** The longest run of words two English texts share. */
function commonWords(a: string, b: string): number {
  const x = words(a), y = words(b);
  let best = 0;
  for (let i = 0; i < x.length; i++)
    for (let j = 0; j < y.length; j++) {
      let k = 0;
      while (x[i + k] !== undefined && x[i + k] === y[j + k]) k++;
      best = Math.max(best, k);
    }
  return best;
}

/** Rule 4: quoted English titles that are not the bundle's. */
export function quoteProblemsEn(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/“((?:[^“”\n]|“[^“”\n]*”){8,160})”/g)) {
    const q = m[1]!;
    const near = titlesEn.filter((t) => commonWords(q, t) >= 4);
    if (!near.length) continue;
    const ok = titlesEn.includes(q) || titlesEn.some((t) => t.includes(`“${q}”`)) || allTextsEn.some((t) => t.includes(q));
    if (!ok) out.push(`“${q}” is not a title in the bundle (closest: “${near[0]}”)`);
  }
  return out;
}

/** Rule 3: a plan's levels in words its documents do not use, and reference dates from prose. */
export function wordingProblems(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/([\p{Script=Han}]{2,6}(?:方針|指針|分野|視点|施策|事項))ごと/gu)) {
    if (!kindWords.has(m[1]!)) out.push(`「${m[1]}ごと」: the plans call their levels ${[...kindWords].map((k) => `「${k}」`).join('')}`);
  }
  for (const m of source.matchAll(/(?:令和|平成)\S{1,3}年度末|年度末時点/g)) out.push(`「${m[0]}」: a reference date no document states (use the data's asOf)`);
  return out;
}

describe('titles quoted in README, docs, demo and stories', () => {
  it('the rules catch the mistakes they are for', () => {
    assert.deepEqual(snippetProblems('<div data-kdx="progress" data-node="policy-2">市民サービスの質を高める：達成率 84.4%</div>').length, 1);
    assert.deepEqual(snippetProblems('<div data-kdx="progress" data-node="policy-2">共創の質を高める：達成率 84.4%</div>'), []);
    assert.equal(quoteProblems('「財政の質を高める」').length, 1);
    assert.equal(quoteProblems('「行政経営プランの取組状況」').length, 1);
    assert.equal(quoteProblems('「DXアクションプラン2.0」').length, 1);
    assert.deepEqual(quoteProblems('「財政基盤の質を高める」「木の文化都市・金沢」「全ての人が便利に暮らし、幸せを実感するまちへ」'), []);
    assert.equal(wordingProblems('取組方針ごとの達成率').length, 1);
    assert.deepEqual(wordingProblems('基本方針ごとの達成率'), []);
    assert.equal(wordingProblems('令和6年度末の達成率は').length, 1);
    assert.equal(quoteProblemsEn('the progress of “Raising the quality of services”').length, 1);
    assert.deepEqual(quoteProblemsEn('a “quality of the web” page'), [], 'three words in common: not taken for a title');
    assert.equal(quoteProblemsEn('the progress of “Raising the quality of the fiscal health”').length, 1);
    assert.deepEqual(quoteProblemsEn('the policy “Raising the quality of co-creation”, R7-18: “Creating a dedicated website for “Kanazawa, City of Wood Culture””'), []);
  });

  for (const file of files()) {
    it(relative(ROOT, join(ROOT, file)), () => {
      const source = readFileSync(join(ROOT, file), 'utf8');
      assert.deepEqual([...snippetProblems(source), ...quoteProblems(source), ...quoteProblemsEn(source), ...wordingProblems(source)], []);
    });
  }
});
