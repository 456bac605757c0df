/**
 * A widget asked for an item its plan does not have: the detail for staff (the box's disclosure and the
 * `kdx-error` event) offers ids to try, and those are item ids of that plan, never the plan's own id (which names
 * the whole plan, not an item to ask for).
 */
import { expect } from '@open-wc/testing';
import '../../src/kdx.js';
import type { KdxErrorEvent } from '../../src/events/kdx-error.js';
import { mount, q, unmountAll } from '../helpers/widgets.js';

const SRC = '/seeds/kanazawa.json';
const PLANS = ['administrative-management-plan', 'dx-action-plan-2'];

/** The item ids of `plan` in the seed, read from the file (the widgets' model is what is under test). */
async function itemIds(plan: string): Promise<string[]> {
  const bundle = (await (await fetch(SRC)).json()) as { plans: { id: string; nodes: { id: string }[] }[] };
  return bundle.plans.find((p) => p.id === plan)!.nodes.map((n) => n.id);
}

/** The ids after 「例:」 / "For example:" in a message, split as each language lists them. */
function offered(message: string, lang: 'ja' | 'en'): string[] {
  const [, after] = message.split(lang === 'ja' ? '例:' : 'For example:');
  expect(after, `an example in: ${message}`).to.be.a('string');
  return after!.trim().split(lang === 'ja' ? '、' : ', ');
}

describe('an unknown item: the ids offered instead', () => {
  afterEach(unmountAll);

  for (const tag of ['kdx-progress', 'kdx-initiative-card']) {
    for (const plan of PLANS) {
      for (const lang of ['ja', 'en'] as const) {
        it(`<${tag}> in ${plan} (${lang}): item ids of the plan, not the plan’s id`, async () => {
          const { el, event } = await mount(`<${tag} data-test lang="${lang}" src="${SRC}" plan="${plan}" node="R9-9"></${tag}>`);
          expect(event.type).to.equal('kdx-error');
          const detail = q(el, '[role="alert"] details p').textContent!.trim();
          expect(detail).to.include(lang === 'ja' ? '項目「R9-9」' : 'no item "R9-9"');
          expect((event as KdxErrorEvent).detail.message).to.equal(detail);
          const ids = offered(detail, lang);
          expect(ids).not.to.include(plan);
          expect(ids.length).to.be.within(1, 5);
          const items = await itemIds(plan);
          for (const id of ids) expect(items, `${id} is an item of ${plan}`).to.include(id);
        });
      }
    }
  }
});
