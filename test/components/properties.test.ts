/**
 * Every widget's attributes as its documentation (the JSDoc @attr tags, custom-elements.json) describes them:
 * the attribute names the element observes, each attribute's value as a typed property, which properties
 * reflect back to their attribute, and the documented defaults. The properties are declared in
 * `static properties`; an instance field would shadow Lit's accessor (a property that no longer renders nor
 * reflects), which the last test catches whatever the compiler's class-field semantics.
 */
import { expect } from '@open-wc/testing';
import type { ReactiveElement } from 'lit';
import '../../src/kdx.js';
import { unmountAll } from '../helpers/widgets.js';

/** Data that takes its time: every element here stays in its loading state (the tests end long before). */
const SLOW = '/__kdx/slow?ms=5000';
const PLAN = 'administrative-management-plan';
const WIDGETS = ['kdx-progress', 'kdx-initiative-card', 'kdx-plan-tree', 'kdx-chart', 'kdx-plan-overview'] as const;
const TAGS = ['kdx-plan', ...WIDGETS] as const;
type Tag = (typeof TAGS)[number];

/** The attributes each element documents (`lang` apart: it is the page's own attribute, watched, not a property). */
const DOCUMENTED: Record<Tag, string[]> = {
  'kdx-plan': ['src', 'plan'],
  'kdx-progress': ['src', 'plan', 'node', 'theme', 'variant', 'breakdown', 'scale'],
  'kdx-initiative-card': ['src', 'plan', 'node', 'theme', 'heading-level'],
  'kdx-plan-tree': ['src', 'plan', 'node', 'theme', 'expand-depth', 'selected', 'link-hash', 'scale'],
  'kdx-chart': ['src', 'plan', 'node', 'theme', 'type', 'scale', 'indicator'],
  'kdx-plan-overview': ['src', 'plan', 'node', 'theme', 'heading-level'],
};

/** [attribute, property, an attribute value, the property it gives, reflected]. */
type Case = [string, string, string, unknown, boolean];
const COMMON: Case[] = [
  ['src', 'src', `${SLOW}&own`, `${SLOW}&own`, true],
  ['plan', 'plan', PLAN, PLAN, true],
  ['node', 'node', 'policy-1', 'policy-1', true],
  ['theme', 'theme', 'dark', 'dark', true],
];
const CASES: Record<Tag, Case[]> = {
  'kdx-plan': COMMON.slice(0, 2),
  'kdx-progress': [...COMMON, ['variant', 'variant', 'ring', 'ring', true], ['breakdown', 'breakdown', '', true, true], ['scale', 'scale', 'status', 'status', true]],
  'kdx-initiative-card': [...COMMON, ['heading-level', 'headingLevel', '4', 4, false]],
  'kdx-plan-tree': [
    ...COMMON,
    ['expand-depth', 'expandDepth', '2', 2, false],
    ['selected', 'selected', 'policy-1', 'policy-1', true],
    ['link-hash', 'linkHash', '', true, false],
    ['scale', 'scale', 'status', 'status', true],
  ],
  'kdx-chart': [...COMMON, ['type', 'type', 'line', 'line', true], ['scale', 'scale', 'status', 'status', true], ['indicator', 'indicator', '1', 1, true]],
  'kdx-plan-overview': [...COMMON, ['heading-level', 'headingLevel', '4', 4, false]],
};

type Props = ReactiveElement & Record<string, unknown>;

/** A connected element inside a `<kdx-plan>` whose data is still on its way. */
function create(tag: Tag, attrs: Record<string, string> = {}): Props {
  const root = document.createElement('div');
  const provider = document.createElement('kdx-plan');
  provider.setAttribute('src', SLOW);
  root.append(provider);
  document.body.append(root);
  const el = document.createElement(tag) as unknown as Props;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  provider.append(el);
  return el;
}

describe('widget attributes and properties', () => {
  afterEach(() => unmountAll());

  for (const tag of TAGS) {
    describe(`<${tag}>`, () => {
      it('observes exactly the attributes it documents (its internal state has none)', () => {
        const observed = (customElements.get(tag) as unknown as { observedAttributes: string[] }).observedAttributes;
        expect([...observed].sort()).to.deep.equal([...DOCUMENTED[tag]].sort());
      });

      for (const [attr, prop, value, typed, reflects] of CASES[tag]) {
        it(`${attr}="${value}" sets ${prop} to ${JSON.stringify(typed)}; setting ${prop} ${reflects ? 'reflects' : 'does not reflect'}`, async () => {
          const fromAttr = create(tag, { [attr]: value });
          await fromAttr.updateComplete;
          expect(fromAttr[prop]).to.equal(typed);

          const fromProp = create(tag);
          await fromProp.updateComplete;
          fromProp[prop] = typed;
          await fromProp.updateComplete;
          expect(fromProp.getAttribute(attr)).to.equal(reflects ? value : null);
        });
      }
    });
  }

  it('has the documented defaults: a bar meter (reflected), no breakdown, headings h3 (card) and h2 (overview), the tree one level open, a bar chart (reflected)', async () => {
    const progress = create('kdx-progress');
    const card = create('kdx-initiative-card');
    const overview = create('kdx-plan-overview');
    const tree = create('kdx-plan-tree');
    const chart = create('kdx-chart');
    await Promise.all([progress, card, overview, tree, chart].map((el) => el.updateComplete));
    expect([progress.variant, progress.getAttribute('variant')]).to.deep.equal(['bar', 'bar']);
    expect([progress.breakdown, progress.hasAttribute('breakdown')]).to.deep.equal([false, false]);
    expect(card.headingLevel).to.equal(3);
    expect(overview.headingLevel).to.equal(2);
    expect([tree.expandDepth, tree.linkHash]).to.deep.equal([1, false]);
    expect([chart.type, chart.getAttribute('type')]).to.deep.equal(['bar', 'bar']);
  });

  it('keeps every reactive property as Lit’s accessor: no instance field shadows it, and a change re-renders', async () => {
    for (const tag of TAGS) {
      const el = create(tag, { plan: PLAN });
      await el.updateComplete;
      const names = [...(el.constructor as typeof ReactiveElement).elementProperties.keys()] as string[];
      expect(names.length, tag).to.be.greaterThan(0);
      for (const name of names) expect(Object.prototype.hasOwnProperty.call(el, name), `<${tag}>.${name} is an own field`).to.equal(false);
      // A property set from code schedules an update, as only the accessor does.
      el.plan = 'another-plan';
      expect(el.isUpdatePending, `<${tag}>.plan = … schedules an update`).to.equal(true);
      await el.updateComplete;
    }
  });
});
