/**
 * The Kanazawa bundle says only what the two documents say: every Japanese text not marked `editorial` occurs in
 * them verbatim (whitespace aside, and the `**` emphasis the PDF extraction left), and every text marked
 * `editorial` does not (so the mark is not put on the source's own words by mistake).
 *
 * The documents are read from `../shared/seeds/` next to the repository (or `KDX_SOURCES`), where CI has them.
 * Without them the test says so and is skipped: the documents are the city's, not part of this repository.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SOURCES = process.env.KDX_SOURCES ?? join(ROOT, '..', 'shared', 'seeds');
const DOCUMENTS = ['000_6641b99f616e35f8.txt', '004_55081076e8154bcf.txt'];

/** Whitespace (the extraction's line breaks and uneven spaces, U+3000 included) and `**` emphasis out. */
const normalise = (s: string) => s.replace(/\s+/g, '').replace(/\*\*/g, '');

interface Found {
  path: string;
  ja: string;
  editorial: boolean;
}

/**
 * Every Japanese text in the bundle with its JSON path: text objects (`{ ja, en?, editorial? }`) and plain
 * strings in text fields. Document numbers are checked apart (see `numbers`).
 */
function texts(value: unknown, path = '', out: Found[] = []): Found[] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => texts(v, `${path}[${i}]`, out));
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.ja === 'string') {
      out.push({ path, ja: o.ja, editorial: o.editorial === true });
      return out;
    }
    for (const [k, v] of Object.entries(o)) {
      const at = path ? `${path}.${k}` : k;
      if (typeof v === 'string' && TEXT_KEYS.has(k)) out.push({ path: at, ja: v, editorial: false });
      else texts(v, at, out);
    }
  }
  return out;
}
/** Fields that hold a text (ids, kinds, numbers, dates and URLs are the format's, not quotes). */
const TEXT_KEYS = new Set(['title', 'subtitle', 'summary', 'principle', 'principleSummary', 'purpose', 'periodNote', 'revisionPolicy', 'editor', 'relation', 'label', 'unit', 'plan', 'name', 'department']);

interface Numbered {
  path: string;
  number: string;
  title: string;
}

/** Every node's document number with its title. */
function numbers(b: { plans: Array<{ nodes: Array<{ number?: string; title: string | { ja: string } }> }> }): Numbered[] {
  return b.plans.flatMap((p, i) =>
    p.nodes.flatMap((n, j) =>
      n.number === undefined ? [] : [{ path: `plans[${i}].nodes[${j}].number`, number: n.number, title: typeof n.title === 'string' ? n.title : n.title.ja }],
    ),
  );
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const available = DOCUMENTS.every((d) => existsSync(join(SOURCES, d)));
const bundle = JSON.parse(readFileSync(join(ROOT, 'seeds', 'kanazawa.json'), 'utf8')) as unknown;

describe('seeds/kanazawa.json against the two source documents', { skip: available ? false : `the source documents are not at ${SOURCES} (set KDX_SOURCES)` }, () => {
  const documents = available ? DOCUMENTS.map((d) => normalise(readFileSync(join(SOURCES, d), 'utf8'))) : [];
  const inDocuments = (s: string) => documents.some((d) => d.includes(normalise(s)));
  const all = texts(bundle);
  /**
   * A number is the document's when it is printed right before the item's title (「（1）働き方の…」, 「【視点1】
   * 全ての人の…」: at most two characters between) or as 「№.R6-7」. A bare substring would not do: 「(1)」 occurs in the
   * report too, but not before 「働き方のDXと機能的な組織運営」.
   */
  const numberInDocuments = (n: Numbered) => {
    const number = normalise(n.number);
    const title = normalise(n.title);
    return documents.some((d) => d.includes(`№.${number}`) || [0, 1, 2].some((gap) => new RegExp(`${escape(number)}.{${gap}}${escape(title)}`).test(d)));
  };

  it('finds the texts it checks (the walk is not empty)', () => {
    // 2 plans with titles, 58 nodes with titles, and more: far more than a hundred texts.
    assert.ok(all.length > 150, `only ${all.length} texts found`);
    assert.ok(all.some((t) => t.editorial));
  });

  it('every Japanese text not marked editorial occurs verbatim in the documents', () => {
    const unmarked = all.filter((t) => !t.editorial && !inDocuments(t.ja));
    assert.deepEqual(
      unmarked.map((t) => `${t.path}: ${t.ja}`),
      [],
      'these texts are not in the documents: quote them exactly, or mark them "editorial": true',
    );
  });

  it('every document number is printed as the document prints it, before its title or after №', () => {
    const found = numbers(bundle as Parameters<typeof numbers>[0]);
    // 3 policies, 9 areas, 18 initiatives; 2 viewpoints, 5 fields.
    assert.equal(found.length, 37);
    assert.deepEqual(found.filter((n) => !numberInDocuments(n)).map((n) => `${n.path}: ${n.number} (${n.title})`), []);
    // The rule itself: the report's areas are numbered with full-width parentheses.
    assert.equal(numberInDocuments({ path: '', number: '(1)', title: '働き方のDXと機能的な組織運営' }), false);
    assert.equal(numberInDocuments({ path: '', number: '（1）', title: '働き方のDXと機能的な組織運営' }), true);
  });

  it('seeds/README.md counts the editorial texts as they are', () => {
    const readme = readFileSync(join(ROOT, 'seeds', 'README.md'), 'utf8');
    const stated = /(\d+) texts are the bundle editor's words/.exec(readme)?.[1];
    assert.equal(Number(stated), all.filter((t) => t.editorial).length);
  });

  it('no text marked editorial is in fact a quote', () => {
    const quoted = all.filter((t) => t.editorial && inDocuments(t.ja));
    assert.deepEqual(quoted.map((t) => `${t.path}: ${t.ja}`), []);
  });

  it('the normalisation is not so loose that anything passes', () => {
    // Near misses of real texts: half-width area numbers, the report's title split with a character lost, an
    // old wrong policy title.
    for (const wrong of ['金沢市行政経営プラン取組状況等について', '市民サービスの質を高める', '令和6年度末', '未達成']) {
      assert.equal(inDocuments(wrong), false, wrong);
    }
    assert.equal(inDocuments('全ての人が便利に暮らし、 幸せを実感するまちへ'), true);
  });
});

/**
 * The other bundles in seeds/ quote no document: they are fictional cities for tests, stories and templates, and
 * must say so wherever a reader meets them (the publisher, every plan's title), and borrow nothing of Kanazawa's.
 * (broken.json is the error states' input: it is never shown as data.)
 */
describe('seeds/: the other bundles are fictional and say so', () => {
  const FICTIONAL = [
    ...readdirSync(join(ROOT, 'seeds', 'examples')).filter((f) => f.endsWith('.json')).map((f) => `examples/${f}`),
  ];
  const read = (f: string) => JSON.parse(readFileSync(join(ROOT, 'seeds', f), 'utf8')) as {
    publisher: { name: { ja: string; en: string } };
    plans: Array<{ title: { ja: string; en: string } }>;
  };

  it('finds the examples (one per report shape)', () => {
    assert.ok(FICTIONAL.length >= 5, FICTIONAL.join(', '));
  });

  for (const f of FICTIONAL) {
    it(`${f}: publisher and every plan title marked （架空） / (fictional), in both languages`, () => {
      const b = read(f);
      assert.match(b.publisher.name.ja, /^（架空）/);
      assert.match(b.publisher.name.en, /\(fictional\)/);
      for (const p of b.plans) {
        assert.match(p.title.ja, /^（架空）/, p.title.ja);
        assert.match(p.title.en, /\(fictional\)/, p.title.en);
      }
    });
  }

  it('no fictional bundle names Kanazawa, and minimal.json is the fictional サンプル市', () => {
    for (const f of [...FICTIONAL, 'minimal.json']) {
      assert.doesNotMatch(readFileSync(join(ROOT, 'seeds', f), 'utf8'), /金沢|Kanazawa/i, f);
    }
    assert.equal(read('minimal.json').publisher.name.ja, 'サンプル市');
  });
});
