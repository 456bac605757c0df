/**
 * English is a chunk of its own (src/i18n/index.ts): a Japanese page never loads it, and an English widget shows
 * its placeholder, and announces nothing, until it is here. So is the Japanese detail of problems (for staff):
 * loaded when a problem is shown, never before. This file runs in a page of its own, so the first tests see the
 * page before anything asked for either.
 */
import { expect, oneEvent } from '@open-wc/testing';
import '../../src/kdx.js';
import { KdxError } from '../../src/data/errors.js';
import { hasDetail, hasMessages, loadDetail, loadMessages, messages } from '../../src/i18n/index.js';
import { mount, q, settled, shown, unmountAll } from '../helpers/widgets.js';

const SRC = '/seeds/kanazawa.json';
const PLAN = 'administrative-management-plan';
const englishRequested = () => performance.getEntriesByType('resource').some((e) => /\/src\/i18n\/en\.ts/.test(e.name));
const detailRequested = () => performance.getEntriesByType('resource').some((e) => /\/src\/i18n\/ja-detail\.ts/.test(e.name));

describe('languages: English on demand', () => {
  afterEach(unmountAll);

  it('a Japanese widget loads no English; until English is loaded, messages("en") is the Japanese catalogue', async () => {
    const { el } = await mount(`<kdx-progress data-test src="${SRC}" plan="${PLAN}"></kdx-progress>`);
    expect(q(el, '[role="meter"]').getAttribute('aria-valuetext')).to.equal('124項目中108項目達成（87.1%）');
    expect(hasMessages('en')).to.equal(false);
    expect(messages('en').lang).to.equal('ja');
    expect(englishRequested()).to.equal(false);
  });

  it('a page without problems loads no detail of problems; a problem loads it, then is shown and announced worded', async () => {
    expect(detailRequested()).to.equal(false);
    expect(hasDetail('ja')).to.equal(false);
    // Before it is here, a problem is worded by its code, for staff (never a blank or a crash).
    expect(new KdxError('timeout', { url: '/x.json', seconds: 10 }).message).to.equal('timeout {"url":"/x.json","seconds":10}');
    const { el, event } = await mount(`<kdx-progress data-test src="${SRC}" plan="nope"></kdx-progress>`);
    expect(detailRequested()).to.equal(true);
    expect(event.type).to.equal('kdx-error');
    expect((event as CustomEvent<{ message: string }>).detail.message).to.include('計画「nope」はデータにありません');
    expect(q(el, '[role="alert"] details p').textContent).to.include('計画「nope」はデータにありません');
    expect(new KdxError('timeout', { url: '/x.json', seconds: 10 }).message).to.include('10 秒以内に終わりませんでした');
    expect(englishRequested()).to.equal(false);
    await loadDetail();
  });

  it('an English widget: "Loading…" in English, no event, until English is here; then English, announced once', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    const el = document.createElement('kdx-progress');
    Object.assign(el, { lang: 'en' });
    for (const [k, v] of Object.entries({ src: SRC, plan: PLAN, node: 'policy-1' })) el.setAttribute(k, v);
    const events: string[] = [];
    for (const t of ['kdx-load', 'kdx-error']) el.addEventListener(t, () => events.push(t));
    const loaded = oneEvent(el, 'kdx-load');
    root.append(el);
    await el.updateComplete;
    const placeholder = q(el, '[aria-busy="true"]');
    expect(placeholder.textContent).to.equal('Loading…');
    expect(placeholder.getAttribute('lang')).to.equal('en');
    expect(events).to.deep.equal([]);
    await loaded;
    await settled(el);
    expect(englishRequested()).to.equal(true);
    expect(q(el, '[role="meter"]').getAttribute('aria-valuetext')).to.equal('38 of 39 items achieved (97.4%)');
    expect(shown(el)).to.not.match(/[達成項目]/);
    expect(events).to.deep.equal(['kdx-load']);
    expect(new KdxError('timeout', { url: '/x.json', seconds: 10 }).message).to.include('did not finish within 10 seconds');
    root.remove();
  });

  it('a page switching to English: the widget follows, in one language at a time', async () => {
    await loadMessages('en');
    const { root, el } = await mount(`<div lang="ja"><kdx-progress data-test src="${SRC}" plan="${PLAN}" node="policy-2"></kdx-progress></div>`);
    expect(q(el, '[role="meter"]').getAttribute('aria-valuetext')).to.equal('45項目中38項目達成（84.4%）');
    root.firstElementChild!.setAttribute('lang', 'en');
    await new Promise((r) => setTimeout(r, 0));
    await settled(el);
    expect(q(el, '[role="meter"]').getAttribute('aria-valuetext')).to.equal('38 of 45 items achieved (84.4%)');
  });
});
