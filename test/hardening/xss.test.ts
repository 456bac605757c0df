// Hostile text: an OWASP-style list of XSS payloads put in every text of the Kanazawa bundle (titles, summaries,
// notes, status and target labels, document numbers) must render as text in every widget, creating no element,
// attribute or handler; in URL fields they must be refused by the validator (an error state, never an href).
import { expect } from '@open-wc/testing';
import '../../src/kdx.js';
import { safeHref } from '../../src/data/format.js';
import { forgetBundle } from '../../src/data/load.js';
import { validateBundle } from '../../src/data/parse.js';
import { clone, seed } from '../helpers/bundles.js';
import { settled } from '../helpers/widgets.js';
import { ALL_WIDGETS, catchUncaught, cleanup, dangers, mountWith, outcome, problems, quietConsole, shadowRoots, tagCounts, type Mounted } from './harden.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** OWASP XSS filter-evasion classics, template injections, and markup that breaks out of attributes or styles. */
export const PAYLOADS: readonly string[] = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  'javascript:alert(1)',
  'java\tscript:alert(1)',
  'jav&#x09;ascript:alert(1)',
  '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:text/html,<script>alert(1)</script>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '\\u003cscript\\u003ealert(1)\\u003c/script\\u003e',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '" onmouseover="alert(1)" x="',
  "' onfocus='alert(1)' autofocus='",
  '${alert(1)}',
  '`${alert(1)}`',
  "{{constructor.constructor('alert(1)')()}}",
  '{{7*7}}#{7*7}<%= 7*7 %>',
  '</style><script>alert(1)</script>',
  '<style>*{display:none!important}</style>',
  'expression(alert(1))',
  'url(javascript:alert(1))',
  '</script><script>alert(1)</script>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  '<object data="data:text/html,<script>alert(1)</script>"></object>',
  '<embed src="javascript:alert(1)">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<!--<img src=x onerror=alert(1)>-->',
  '<details open ontoggle=alert(1)>',
  '<body onload=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<template><img src=x onerror=alert(1)></template>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<x contenteditable onblur=alert(1)>x</x>',
  '<img src="x\u0000" onerror=alert(1)>',
  '\u202e<script>alert(1)</script>',
  '&{alert(1)};',
  '<<script>alert(1);//<</script>',
  '¼script¾alert(1)¼/script¾',
];

/** Keys whose values are texts (a string or { ja, en }); `notes` holds a list of them. */
const TEXT_KEYS = new Set(['title', 'subtitle', 'summary', 'principle', 'principleSummary', 'editor', 'label', 'relation', 'unit', 'name', 'department', 'purpose', 'periodNote', 'revisionPolicy', 'plan']);

/** Puts `payload` in every text of `b` (both languages) and in every document number that can hold it. */
function payloadEverywhere(b: unknown, payload: string): void {
  // The payload in place of the text, in both languages; an editorial text stays editorial (it is labelled so).
  const asText = (t: unknown) =>
    typeof t === 'string' ? payload : { ja: payload, en: payload, ...((t as { editorial?: boolean }).editorial ? { editorial: true } : {}) };
  const walk = (x: unknown) => {
    if (Array.isArray(x)) return x.forEach(walk);
    if (!x || typeof x !== 'object') return;
    for (const [k, v] of Object.entries(x as Json)) {
      if (TEXT_KEYS.has(k) && (typeof v === 'string' || (v && typeof v === 'object' && 'ja' in v))) (x as Json)[k] = asText(v);
      else if (k === 'notes' && Array.isArray(v)) (x as Json)[k] = v.map(asText);
      else if (k === 'number' && typeof v === 'string' && payload.length <= 100) (x as Json)[k] = payload;
      else walk(v);
    }
  };
  walk(b);
}

const PLAN = 'administrative-management-plan';
const NODE = 'R7-11';

/** The Kanazawa bundle with every kind of text and link a card shows present on one node, and a history. */
async function richBundle(): Promise<Json> {
  const b = clone(await seed('kanazawa')) as Json;
  b.statuses = [{ id: 'achieved', label: { ja: '達成', en: 'Achieved' }, achieved: true, tone: 'success' }];
  const plan = b.plans.find((p: Json) => p.id === PLAN);
  // Titled as the plan, as every text is once a payload replaces it: the overview then shows the same parts (a link
  // to the document, no separate title line) in the baseline and under every payload.
  plan.source = { title: plan.title, url: 'https://www4.city.kanazawa.lg.jp/plan.pdf' };
  plan.history = [
    { fiscalYear: 2023, total: 120, achieved: 90 },
    { fiscalYear: 2024, total: 124, achieved: 108, unconfirmed: 2 },
  ];
  b.plans[0].related[0].url = 'https://www4.city.kanazawa.lg.jp/';
  // Every field the plan overview shows, so that payloads reach each of them.
  Object.assign(plan, {
    subtitle: '副題', principleSummary: '理念の説明', purpose: '趣旨', periodNote: '期間の説明', revisionPolicy: '見直し', editor: '編集課', asOf: '2025-03-31',
    promotion: { summary: '体制', bodies: [{ title: '会議', summary: '会議の説明' }] },
  });
  plan.related[0] = { ...plan.related[0], summary: '概要', url: 'https://www4.city.kanazawa.lg.jp/dx/' };
  b.publisher.url = 'https://www4.city.kanazawa.lg.jp/';
  const node = plan.nodes.find((n: Json) => n.id === NODE);
  node.status = 'achieved';
  node.notes = [{ ja: '注記', en: 'A note' }];
  node.numericTarget = { label: { ja: '目標', en: 'Target' }, target: 100, actual: 120, unit: { ja: '件', en: 'cases' } };
  return b;
}

/** Calls of the functions payloads try to reach. Any call means a payload ran. */
const fired: string[] = [];
const originals = { alert: window.alert, confirm: window.confirm, prompt: window.prompt, print: window.print };

/** Elements in the page's own DOM that could load or run something (the test's inline data excepted). */
function lightDomCount(): number {
  return [...document.querySelectorAll('script, img, iframe, object, embed, svg, style, link, meta, base, form, template')].filter(
    (el) => !el.matches('.hardening kdx-plan > script[type="application/json"]'),
  ).length;
}

describe('hardening: XSS payloads render as text', function () {
  this.timeout(60_000);
  let rich: Json;
  let baseline: Array<Record<string, number>>;
  let baselineTags: Set<string>;

  let quiet: ReturnType<typeof quietConsole>;
  before(async () => {
    quiet = quietConsole();
    rich = await richBundle();
    window.alert = () => void fired.push('alert');
    window.confirm = () => (fired.push('confirm'), false);
    window.prompt = () => (fired.push('prompt'), null);
    window.print = () => void fired.push('print');
    expect(validateBundle(rich).ok, 'the rich bundle is valid').to.equal(true);
    const m = await mountWith({ json: JSON.stringify(rich) }, { plan: PLAN, node: NODE });
    // The card shows everything: status, target, notes, breadcrumb, the source link at the node's page.
    // Every widget renders, but the tree of a leaf (it has nothing below it).
    expect(m.widgets.map(outcome)).to.deep.equal(['ready', 'ready', 'ready', 'ready', 'ready', 'ready', 'wrong-kind', 'ready', 'ready', 'ready', 'ready']);
    const card = m.widgets[3]!.shadowRoot!;
    expect(card.querySelector('a')!.getAttribute('href')).to.match(/^https:\/\/www4\.city\.kanazawa\.lg\.jp\/plan\.pdf#page=\d+$/);
    baseline = m.widgets.map(tagCounts);
    baselineTags = new Set(baseline.flatMap((c) => Object.keys(c)));
    expect(m.widgets.flatMap(dangers)).to.deep.equal([]);
    cleanup();
  });
  afterEach(() => {
    cleanup();
    forgetBundle();
    expect(fired, 'a payload ran').to.deep.equal([]);
    expect(quiet.foreign(), 'console output other than the widgets\' own error reports').to.deep.equal([]);
  });
  after(() => {
    Object.assign(window, originals);
    quiet.restore();
  });

  async function renderPayload(json: string, label: string): Promise<Mounted> {
    const uncaught = catchUncaught();
    const lightBefore = lightDomCount();
    try {
      const m = await mountWith({ json }, { plan: PLAN, node: NODE });
      const found: string[] = [...uncaught.errors];
      m.widgets.forEach((w, i) => {
        found.push(...dangers(w), ...problems(w));
        const counts = tagCounts(w);
        if (JSON.stringify(counts) !== JSON.stringify(baseline[i])) found.push(`<${w.localName}> #${i} renders other elements: ${JSON.stringify(counts)} vs ${JSON.stringify(baseline[i])}`);
      });
      // Re-rendering (a language switch) creates nothing new either.
      const added: string[] = [];
      const observers = m.widgets.flatMap((w) =>
        shadowRoots(w).map((root) => {
          const mo = new MutationObserver((records) => {
            for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) for (const el of [n, ...n.querySelectorAll('*')]) if (!baselineTags.has(el.localName)) added.push(el.localName);
          });
          mo.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['href', 'src', 'style'] });
          return mo;
        }),
      );
      m.root.lang = 'en';
      await new Promise((r) => setTimeout(r, 0));
      await Promise.all(m.widgets.map((w) => settled(w)));
      m.root.lang = 'ja';
      await new Promise((r) => setTimeout(r, 0));
      await Promise.all(m.widgets.map((w) => settled(w)));
      observers.forEach((o) => o.disconnect());
      found.push(...added.map((t) => `<${t}> added on re-render`));
      if (lightDomCount() !== lightBefore) found.push('an element appeared in the page outside the widgets');
      found.push(...fired.map((f) => `${f}() was called`));
      expect(found, label).to.deep.equal([]);
      return m;
    } finally {
      uncaught.stop();
    }
  }

  it(`${PAYLOADS.length} payloads in every text of the bundle: shown as text, nothing created, nothing run`, async () => {
    const started = performance.now();
    for (const payload of PAYLOADS) {
      const b = clone(rich);
      payloadEverywhere(b, payload);
      const json = JSON.stringify(b);
      expect(validateBundle(JSON.parse(json)).ok, `${payload}: texts may hold anything`).to.equal(true);
      const m = await renderPayload(json, payload);
      const [, , , card, , tree, , bar, doughnut] = m.widgets;
      // Text, exactly: the card's heading is the payload, character for character.
      expect(card!.shadowRoot!.querySelector('#heading')!.textContent, payload).to.equal(payload);
      expect(card!.shadowRoot!.textContent).to.contain(payload);
      expect(tree!.shadowRoot!.textContent).to.contain(payload);
      expect(m.widgets[0]!.shadowRoot!.textContent).to.contain(payload);
      expect(bar!.shadowRoot!.querySelector('canvas')!.getAttribute('aria-label')).to.contain(payload);
      expect(doughnut!.shadowRoot!.querySelector('table')!.textContent).to.contain(payload);
      const overview = m.widgets[10]!.shadowRoot!;
      expect(overview.querySelector('#heading')!.textContent, payload).to.equal(payload);
      expect(overview.querySelector('details')!.textContent).to.contain(payload);
      cleanup();
    }
    console.log(`[hardening] ${PAYLOADS.length} payloads × ${ALL_WIDGETS.length} widgets (+ a re-render each) in ${Math.round(performance.now() - started)} ms`);
  });

  it('the same, with the JSON written with \\u003c-style escapes (as careful publishers do)', async () => {
    for (const payload of PAYLOADS.filter((_, i) => i % 4 === 0)) {
      const b = clone(rich);
      payloadEverywhere(b, payload);
      const json = JSON.stringify(b).replace(/[<>&'\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      expect(json).to.not.contain('<');
      const m = await renderPayload(json, `escaped ${payload}`);
      expect(m.widgets[3]!.shadowRoot!.querySelector('#heading')!.textContent).to.equal(payload);
      cleanup();
    }
  });

  describe('URL fields', () => {
    const FIELDS: Array<[string, string, (b: Json, url: string) => void]> = [
      ['node link', `plans[1].nodes[9].link`, (b, url) => (b.plans[1].nodes[9].link = url)],
      ['source document', 'plans[1].source.url', (b, url) => (b.plans[1].source.url = url)],
      ['related plan', 'plans[0].related[0].url', (b, url) => (b.plans[0].related[0].url = url)],
      ['publisher', 'publisher.url', (b, url) => (b.publisher.url = url)],
    ];

    it('a payload in a URL field is refused by the validator (an error in every widget, no link), or is a harmless relative path', async () => {
      expect(rich.plans[1].nodes[9].id).to.equal(NODE);
      const accepted: string[] = [];
      for (const payload of PAYLOADS) {
        for (const [name, path, put] of FIELDS) {
          const b = clone(rich);
          put(b, payload);
          const r = validateBundle(b);
          if (r.ok) {
            accepted.push(`${name}: ${payload}`);
            continue;
          }
          expect(r.errors.map((e) => e.path), `${name}: ${payload}`).to.include(path);
          expect(r.errors.every((e) => e.path === path && (e.key === 'url' || e.key === 'too-long')), `${name}: ${payload}`).to.equal(true);
        }
      }
      // What gets through has no scheme and no markup: a path on the bundle's own site, percent-encoded by the
      // URL parser. Checked in a widget below.
      const through = [...new Set(accepted.map((a) => a.slice(a.indexOf(': ') + 2)))];
      expect(through).to.deep.equal(['%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'expression(alert(1))', '¼script¾alert(1)¼/script¾']);
      for (const payload of PAYLOADS) {
        const href = safeHref(payload, 'https://city.example.jp/data/');
        expect(href === null || href.startsWith('https://city.example.jp/data/'), `safeHref(${payload}) = ${href}`).to.equal(true);
      }
    });

    it('in a widget: a refused URL is an error state with role="alert" and no link; an accepted one is an http(s) link', async () => {
      for (const payload of ['javascript:alert(1)', 'java\tscript:alert(1)', 'jav&#x09;ascript:alert(1)', 'data:text/html,<script>alert(1)</script>', '"><script>alert(1)</script>']) {
        for (const [name, path, put] of FIELDS) {
          const b = clone(rich);
          put(b, payload);
          const uncaught = catchUncaught();
          const m = await mountWith({ json: JSON.stringify(b) }, { plan: PLAN, node: NODE });
          uncaught.stop();
          expect(uncaught.errors).to.deep.equal([]);
          for (const w of m.widgets) {
            expect(outcome(w), `${name}: ${payload}`).to.equal('invalid');
            expect(w.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain(`${path}: URL は http(s):// か相対パスにしてください`);
            expect(w.shadowRoot!.querySelectorAll('a, [href]').length).to.equal(0);
            expect(dangers(w)).to.deep.equal([]);
          }
          cleanup();
        }
      }
      for (const payload of ['expression(alert(1))', '%3Cscript%3Ealert(1)%3C%2Fscript%3E', '¼script¾alert(1)¼/script¾']) {
        const b = clone(rich);
        b.plans[1].nodes[9].link = payload;
        const m = await mountWith({ json: JSON.stringify(b) }, { plan: PLAN, node: NODE });
        const a = m.widgets[3]!.shadowRoot!.querySelector('a')!;
        expect(a.getAttribute('href')).to.equal(new URL(payload, document.baseURI).href);
        expect(dangers(m.widgets[3]!)).to.deep.equal([]);
        cleanup();
      }
    });
  });

  it('a hostile or malformed #hash does not reach the tree as markup and throws nothing', async () => {
    const original = location.href;
    const uncaught = catchUncaught();
    try {
      const m = await mountWith({ json: JSON.stringify(rich) }, { plan: PLAN, specs: [['kdx-plan-tree', { 'link-hash': '', 'expand-depth': '99' }]] });
      const tree = m.widgets[0]!;
      const before = tagCounts(tree);
      for (const hash of ['<img src=x onerror=alert(1)>', '%E0%A4%A', '%3Cscript%3Ealert(1)%3C/script%3E', 'javascript:alert(1)', '"><svg onload=alert(1)>', 'R7-11']) {
        location.hash = hash;
        await new Promise((r) => setTimeout(r, 20));
        await tree.updateComplete;
        expect(dangers(tree), hash).to.deep.equal([]);
        expect(problems(tree), hash).to.deep.equal([]);
      }
      expect(Object.keys(tagCounts(tree))).to.have.members(Object.keys(before));
      expect(uncaught.errors).to.deep.equal([]);
    } finally {
      uncaught.stop();
      history.replaceState(null, '', original);
    }
  });
});
