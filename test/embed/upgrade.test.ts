/** The upgrader: each fallback form becomes its widget, with only checked attributes, once. */
import { expect } from '@open-wc/testing';
import { upgrade } from '../../src/kdx.js';
import { checkAttributes, fallbackHref, parseFragment, widgetName, type WidgetSpec } from '../../src/embed/fallback.js';
import { dataMarkup, linkMarkup, scriptMarkup, tagMarkup } from '../../src/embed/markup.js';
import { allSettled, served, shadowText, SNIPPETS, waitFor } from './snippets.js';

const SRC = '/seeds/kanazawa.json';
const PLAN = 'administrative-management-plan';

function container(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html; // test markup, written in this file
  document.body.append(root);
  return root;
}
const nextTask = () => new Promise((r) => setTimeout(r, 0));

let warnings: unknown[][] = [];
const originalWarn = console.warn;
beforeEach(() => {
  warnings = [];
  console.warn = (...args: unknown[]) => warnings.push(args);
});
afterEach(() => {
  console.warn = originalWarn;
});

describe('fallback format', () => {
  it('names widgets with or without the kdx- prefix', () => {
    expect(widgetName('progress')).to.equal('progress');
    expect(widgetName(' KDX-Chart ')).to.equal('chart');
    expect(widgetName('script')).to.equal(undefined);
    expect(widgetName('constructor')).to.equal(undefined);
  });

  it('writes and reads the link form', () => {
    const spec = { widget: 'progress' as const, attributes: { src: '/data/a b.json', plan: PLAN, node: 'policy-1', breakdown: '' } };
    const href = fallbackHref('https://city.example/plan.html#old', spec);
    expect(href).to.equal('https://city.example/plan.html#kdx=progress&src=/data/a%20b.json&plan=administrative-management-plan&node=policy-1&breakdown');
    const parsed = parseFragment(new URL(href).hash)!;
    expect(parsed.widget).to.equal('progress');
    expect(Object.fromEntries(parsed.params)).to.deep.equal(spec.attributes);
    expect(parseFragment('#policy-1')).to.equal(null);
    expect(parseFragment('#x=1&kdx=progress')).to.equal(null);
  });

  it('keeps only the attributes of the widget, each by its rule', () => {
    const { attributes, rejected } = checkAttributes('progress', [
      ['src', 'javascript:alert(1)'],
      ['plan', PLAN],
      ['node', '<img>'],
      ['variant', 'ring'],
      ['breakdown', 'false'],
      ['type', 'bar'], // a chart attribute: ignored
      ['onclick', 'alert(1)'],
      ['theme', 'neon'],
      ['lang', 'en'],
    ]);
    expect(attributes).to.deep.equal({ plan: PLAN, variant: 'ring', lang: 'en' });
    expect(rejected.map((r) => r.name)).to.deep.equal(['src', 'node', 'theme']);
    expect(checkAttributes('initiative-card', [['heading-level', '7']]).rejected).to.have.length(1);
    expect(checkAttributes('initiative-card', [['heading-level', '02']]).attributes).to.deep.equal({ 'heading-level': '2' });
    expect(checkAttributes('plan-tree', [['expand-depth', '2'], ['link-hash', '']]).attributes).to.deep.equal({ 'expand-depth': '2', 'link-hash': '' });
    expect(checkAttributes('chart', [['src', 'https://other.example/k.json'], ['type', 'pie']]).rejected).to.deep.equal([{ name: 'type', value: 'pie' }]);
  });
});

describe('upgrading fallbacks', () => {
  it('turns a data-kdx div into its widget, which shows the data', async () => {
    const root = container(served(SNIPPETS.dataKdx));
    const [el] = await waitFor(() => allSettled(root), 'the widget');
    expect(el!.localName).to.equal('kdx-progress');
    expect(el!.getAttribute('src')).to.equal(SRC);
    expect(el!.getAttribute('node')).to.equal('policy-1');
    expect(shadowText(el!)).to.include('97.4%');
    root.remove();
  });

  it('turns a #kdx= link into its widget', async () => {
    const root = container(served(SNIPPETS.link));
    const [el] = await waitFor(() => allSettled(root), 'the widget');
    expect(el!.parentElement!.localName).to.equal('p');
    expect(shadowText(el!)).to.include('97.4%');
    expect(root.querySelector('a')).to.equal(null);
    root.remove();
  });

  it('turns a data-kdx="plan" container into <kdx-plan> whose widgets share its data', async () => {
    const root = container(served(SNIPPETS.dataPlan));
    const els = await waitFor(() => allSettled(root), 'the widgets');
    expect(root.querySelector('kdx-plan')!.getAttribute('src')).to.equal(SRC);
    expect(els.map((e) => e.parentElement!.localName)).to.deep.equal(['kdx-plan', 'kdx-plan']);
    expect(els[1]!.getAttribute('variant')).to.equal('ring');
    expect(shadowText(els[0]!)).to.include('84.4%');
    root.remove();
  });

  it('upgrades every widget kind, with their options', async () => {
    const root = container(`
      <div data-kdx="initiative-card" data-src="${SRC}" data-plan="${PLAN}" data-node="R7-1" data-heading-level="2">card</div>
      <div data-kdx="plan-tree" data-src="${SRC}" data-plan="${PLAN}" data-expand-depth="0" lang="en">tree</div>
      <p><a href="/plan.html#kdx=chart&src=${SRC}&plan=${PLAN}&type=doughnut&theme=dark">chart</a></p>`);
    const els = await waitFor(() => allSettled(root), 'the widgets');
    expect(els.map((e) => e.localName)).to.deep.equal(['kdx-initiative-card', 'kdx-plan-tree', 'kdx-chart']);
    expect(els[0]!.getAttribute('heading-level')).to.equal('2');
    expect(els[1]!.getAttribute('lang')).to.equal('en');
    expect(els[1]!.getAttribute('expand-depth')).to.equal('0');
    expect(els[2]!.getAttribute('type')).to.equal('doughnut');
    expect(els[2]!.getAttribute('theme')).to.equal('dark');
    expect(warnings).to.have.length(0);
    root.remove();
  });

  it('copies only listed attributes and warns about bad values', async () => {
    const root = container(`<div data-kdx="progress" data-src="javascript:alert(1)" data-plan="${PLAN}" data-node="policy-1"
      data-variant="huge" data-onclick="alert(1)" style="color:red" onmouseover="alert(1)" id="amp-rate" class="wide">text</div>`);
    await nextTask();
    const el = root.querySelector('kdx-progress')!;
    // `variant` is reflected by the widget itself (its default, 'bar'); the rejected value was not copied.
    expect(el.getAttributeNames().filter((n) => n !== 'variant').sort()).to.deep.equal(['class', 'id', 'node', 'plan']);
    expect(el.getAttribute('variant') ?? 'bar').to.equal('bar');
    expect(el.id).to.equal('amp-rate');
    expect(warnings.map((w) => String(w[0]))).to.have.length(2);
    expect(String(warnings[0]![0])).to.include('data-src').and.not.to.include('undefined');
    root.remove();
  });

  it('leaves unknown widgets and ordinary links alone, warning once', async () => {
    const root = container(`<div data-kdx="slideshow">keep me</div><a href="#section-2">ordinary</a><a href="/x.html#kdx=plan">plan by link</a>`);
    await nextTask();
    upgrade(root);
    expect(root.querySelector('[data-kdx="slideshow"]')!.textContent).to.equal('keep me');
    expect(root.querySelectorAll('a')).to.have.length(2);
    expect(warnings).to.have.length(2);
    root.remove();
  });

  it('is idempotent: calling upgrade again changes nothing', async () => {
    const root = container(served(SNIPPETS.dataKdx + SNIPPETS.link));
    await nextTask();
    const before = root.innerHTML;
    expect(upgrade(root)).to.deep.equal([]);
    expect(upgrade(document)).to.deep.equal([]);
    expect(root.innerHTML).to.equal(before);
    expect(root.querySelectorAll('kdx-progress')).to.have.length(2);
    root.remove();
  });

  it('upgrades content added later and elements marked later', async () => {
    const root = container('');
    await nextTask();
    root.insertAdjacentHTML('beforeend', served(SNIPPETS.dataKdx));
    await nextTask();
    expect(root.querySelector('kdx-progress')).to.exist;
    const div = document.createElement('div');
    root.append(div);
    await nextTask();
    div.setAttribute('data-src', SRC);
    div.setAttribute('data-node', 'policy-2');
    div.setAttribute('data-plan', PLAN);
    div.setAttribute('data-kdx', 'progress');
    await nextTask();
    expect(root.querySelectorAll('kdx-progress')).to.have.length(2);
    root.remove();
  });

  it('never touches content being edited (contenteditable) or the light DOM of a widget without a slot', async () => {
    const root = container(`<div contenteditable="true"><p>${served(SNIPPETS.link)}</p><div contenteditable="false">${served(SNIPPETS.dataKdx)}</div></div>`);
    await nextTask();
    expect(upgrade(root)).to.deep.equal([]);
    expect(root.querySelector('kdx-progress')).to.equal(null);
    const outer = container(`<div data-kdx="progress" data-src="${SRC}" data-plan="${PLAN}">${served(SNIPPETS.dataKdx)}</div>`);
    await nextTask();
    expect(outer.querySelectorAll('kdx-progress')).to.have.length(1);
    expect(outer.querySelector('kdx-progress [data-kdx]')).to.exist;
    root.remove();
    outer.remove();
  });

  it('upgrades fallbacks in a shadow root when asked', async () => {
    const host = container('');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = served(SNIPPETS.dataKdx);
    await nextTask();
    expect(shadow.querySelector('kdx-progress')).to.equal(null); // the page-wide observer cannot see it
    expect(upgrade(shadow).map((e) => e.localName)).to.deep.equal(['kdx-progress']);
    host.remove();
  });
});

describe('the builder\'s markup', () => {
  const specs: WidgetSpec[] = [
    { widget: 'progress', attributes: { src: SRC, plan: PLAN, node: 'policy-1', variant: 'ring', breakdown: '', theme: 'dark' } },
    { widget: 'initiative-card', attributes: { src: SRC, plan: PLAN, node: 'R7-1', 'heading-level': '4', lang: 'en' } },
    { widget: 'plan-tree', attributes: { src: `${SRC}?a=1&b=2+3&c=%20`, plan: PLAN, 'expand-depth': '2', 'link-hash': '' } },
    { widget: 'chart', attributes: { src: SRC, plan: PLAN, node: 'policy-2', type: 'doughnut' } },
  ];

  for (const spec of specs) {
    it(`tag, data-kdx and link give the same <kdx-${spec.widget}>`, async () => {
      const text = 'A & B <c> "d"';
      const root = container(
        `<section>${tagMarkup(spec, text)}</section><section>${dataMarkup(spec, text)}</section><section>${linkMarkup('/plan.html', spec, text)}</section>`,
      );
      await nextTask();
      const els = [...root.querySelectorAll('section > *')];
      expect(els.map((e) => e.localName)).to.deep.equal(Array(3).fill(`kdx-${spec.widget}`));
      for (const el of els) {
        const got = Object.fromEntries(Object.keys(spec.attributes).map((n) => [n, el.getAttribute(n)]));
        expect(got).to.deep.equal(spec.attributes);
        expect(el.textContent).to.equal(text);
      }
      expect(warnings).to.deep.equal([]);
      root.remove();
    });
  }

  it('writes the template script, pinned when hashes are known', () => {
    const s = scriptMarkup('https://example.jp/kdx', { 'kdx.js': 'sha384-abc', 'kdx.iife.js': 'sha384-def' });
    expect(s.module).to.equal('<script type="module" src="https://example.jp/kdx/kdx.js" integrity="sha384-abc" crossorigin="anonymous"></script>');
    expect(s.classic).to.equal('<script src="https://example.jp/kdx/kdx.iife.js" integrity="sha384-def" crossorigin="anonymous" defer></script>');
    expect(s.importMap).to.equal('', 'no chunk hashes, no import map');
    expect(scriptMarkup('/kdx/').module).to.equal('<script type="module" src="/kdx/kdx.js"></script>');
  });

  it('pins the chunks with an import map; a base that tries to end the script element cannot', () => {
    const hashes = { 'kdx.js': 'sha384-abc', 'chunks/core-1.js': 'sha384-core', 'chunks/progress-2.js': 'sha384-progress' };
    expect(scriptMarkup('https://example.jp/kdx/', hashes).importMap).to.equal(
      '<script type="importmap">{"integrity":{"https://example.jp/kdx/chunks/core-1.js":"sha384-core","https://example.jp/kdx/chunks/progress-2.js":"sha384-progress"}}</script>',
    );
    const hostile = scriptMarkup('/x</script><script>alert(1)</script>/', hashes).importMap;
    expect(hostile.match(/<\/script>/gi)).to.have.length(1);
    const parsed = JSON.parse(hostile.slice('<script type="importmap">'.length, -'</script>'.length)) as { integrity: Record<string, string> };
    expect(Object.keys(parsed.integrity)[0]).to.equal('/x</script><script>alert(1)</script>/chunks/core-1.js');
  });
});

