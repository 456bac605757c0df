/**
 * `<kdx-plan>` as a context provider: the widgets inside it get its data, the nearest provider wins, a provider
 * inserted later takes over the widgets below it, unsubscribed widgets are no longer called, and it speaks the
 * community context protocol (a consumer made with @lit/context gets its value).
 */
import { ContextConsumer } from '@lit/context';
import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import '../../src/kdx.js';
import { planContext, PlanRequestEvent, type PlanContextValue } from '../../src/context/plan-context.js';
import { unique } from '../helpers/bundles.js';
import { mount, settled, shown, unmountAll } from '../helpers/widgets.js';

const SRC = '/seeds/kanazawa.json';
const MINIMAL = '/seeds/minimal.json';
const AMP = 'administrative-management-plan';

/** Markup without a widget to wait for, in the page; removed by `unmountAll`'s own root when there is one. */
function place(markup: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = markup;
  document.body.append(root);
  placed.push(root);
  return root;
}
const placed: HTMLElement[] = [];

async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!cond()) throw new Error(`timed out waiting for ${what}`);
}

describe('<kdx-plan>', () => {
  afterEach(() => {
    unmountAll();
    placed.splice(0).forEach((r) => r.remove());
  });

  it('gives its data to widgets inside; the nearest provider wins', async () => {
    const { root } = await mount(
      `<kdx-plan src="${unique(SRC)}" plan="${AMP}"><kdx-progress data-test node="policy-1"></kdx-progress>` +
        `<div><kdx-plan src="${unique(MINIMAL)}"><kdx-progress id="inner" node="goal-b"></kdx-progress></kdx-plan></div></kdx-plan>`,
    );
    const inner = root.querySelector<LitElement>('#inner')!;
    await settled(inner);
    // 行政組織の質を高める 39/38 from the outer provider; 目標B 10/7 from the inner one (seeds/minimal.json).
    expect(shown(root.querySelector('[data-test]')!)).to.contain('97.4%');
    expect(shown(inner)).to.contain('70.0%');
  });

  it("a widget moved into another provider takes that provider's data", async () => {
    const { root, el } = await mount(`<kdx-plan src="${unique(SRC)}" plan="${AMP}"><div id="slot"><kdx-progress data-test node="policy-1"></kdx-progress></div></kdx-plan>`);
    expect(shown(el)).to.contain('97.4%');
    // Wrap the widget's parent in a provider of another bundle.
    const slot = root.querySelector('#slot')!;
    const inner = document.createElement('kdx-plan');
    inner.setAttribute('src', unique(MINIMAL));
    slot.before(inner);
    inner.append(slot);
    el.setAttribute('node', 'goal-b');
    await until(() => shown(el).includes('70.0%'), 'the inner provider\'s data');
  });

  it('calls subscribers when its data changes, and no longer after they unsubscribe', async () => {
    const root = place(`<kdx-plan src="${unique(SRC)}" plan="${AMP}"><span id="probe"></span></kdx-plan>`);
    const probe = root.querySelector('#probe')!;
    const calls: PlanContextValue[] = [];
    let unsubscribe: (() => void) | undefined;
    probe.dispatchEvent(new PlanRequestEvent(planContext, probe, (v, u) => (calls.push(v), (unsubscribe = u)), true));
    expect(calls).to.have.length(1);
    expect(typeof unsubscribe).to.equal('function');
    const plan = root.querySelector('kdx-plan')!;
    plan.setAttribute('plan', 'dx-action-plan-2');
    await (plan as LitElement).updateComplete;
    expect(calls.map((c) => c.plan)).to.deep.equal([calls[0]!.plan, 'dx-action-plan-2']);
    unsubscribe!();
    plan.setAttribute('plan', AMP);
    await (plan as LitElement).updateComplete;
    expect(calls).to.have.length(2);
    // A request for another context passes by.
    let other = false;
    probe.dispatchEvent(new PlanRequestEvent(Symbol('other'), probe, () => (other = true), false));
    expect(other).to.equal(false);
  });

  it('speaks the community protocol: a consumer made with @lit/context gets its value', async () => {
    class Probe extends LitElement {
      readonly consumer = new ContextConsumer(this, { context: planContext, subscribe: true });
    }
    customElements.define('kdx-test-lit-consumer', Probe);
    const root = place(`<kdx-plan src="${unique(SRC)}" plan="${AMP}"><kdx-test-lit-consumer></kdx-test-lit-consumer></kdx-plan>`);
    const probe = root.querySelector<Probe>('kdx-test-lit-consumer')!;
    await until(() => probe.consumer.value?.state.status === 'ready', 'the value');
    const value = probe.consumer.value!;
    expect(value.plan).to.equal(AMP);
    expect(value.state.status).to.equal('ready');
  });
});
