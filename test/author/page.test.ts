/**
 * author.html as a page of its own (an iframe, with the page's own Content Security Policy): it loads the
 * published bundle named in its address from its own origin only, and no file leaves the machine: every request
 * the page makes, whatever staff open, goes to its own origin (or stays in the browser: blob:).
 */
import { expect } from '@open-wc/testing';
import type { KdxAuthor } from '../../src/author/author-app.js';
import { open } from '../embed/snippets.js';
import { $, choose, download, fileFrom, previewWidgets, settle, shadowText, TEMPLATE, textOf, waitFor } from './helpers.js';

type Opened = Awaited<ReturnType<typeof open>>;

/** Every resource the page fetched, and every request its policy refused. */
function requests({ win }: Opened) {
  const violations = (win as unknown as { violations: string[] }).violations;
  return { urls: win.performance.getEntriesByType('resource').map((e) => e.name), violations };
}

async function openPage(query = ''): Promise<Opened & { app: KdxAuthor }> {
  const opened = await open(`/author.html${query}`);
  const { win, doc } = opened;
  (win as unknown as { violations: string[] }).violations = [];
  doc.addEventListener('securitypolicyviolation', (e) => (win as unknown as { violations: string[] }).violations.push(e.blockedURI));
  const app = await waitFor(() => doc.querySelector('kdx-author')?.shadowRoot?.querySelector('h1') && (doc.querySelector('kdx-author') as KdxAuthor), 'the page');
  return { ...opened, app };
}

describe('author.html', () => {
  it('opens the published bundle named in its address, and the template: no request leaves its origin', async () => {
    const page = await openPage('?src=/seeds/kanazawa.json');
    const { app, frame } = page;
    await waitFor(() => app.bundleOpening.status === 'open', 'the bundle from ?src=');
    const plan = $<HTMLSelectElement>(app, '#plan');
    plan.value = 'administrative-management-plan';
    plan.dispatchEvent(new Event('change'));
    await settle(app);
    await choose(app, 'sheet-file', await fileFrom(TEMPLATE));
    const meter = (await previewWidgets(app, 'kdx-progress')).find((m) => m.getAttribute('node') === 'policy-1')!;
    expect(shadowText(meter)).to.include('97.4%');
    await previewWidgets(app, 'kdx-chart');
    const saved = await download(app, 'json');
    expect(saved.bytes.length).to.be.greaterThan(1000);

    const { urls, violations } = requests(page);
    const origin = new URL(frame.src).origin;
    expect(urls.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:'))).to.deep.equal([]);
    expect(urls.some((u) => u.endsWith('/seeds/kanazawa.json'))).to.equal(true);
    expect(violations).to.deep.equal([]);
    frame.remove();
  });

  it('refuses a bundle on another origin before any request, with a message saying why', async () => {
    const page = await openPage('?src=http://127.0.0.1:1/data.json');
    const { app, frame } = page;
    await waitFor(() => app.bundleOpening.status === 'error', 'the refusal');
    await app.updateComplete;
    const status = $(app, '#bundle-status');
    expect(status.getAttribute('role')).to.equal('alert');
    expect(textOf(status)).to.include(`このページと同じサイト（${new URL(frame.src).origin}）の URL だけを読み込めます`);
    const { urls, violations } = requests(page);
    expect(urls.filter((u) => u.includes('127.0.0.1:1'))).to.deep.equal([]);
    expect(violations).to.deep.equal([]);
    // And the page's policy stops what the page's own check would not (a script of the page going astray).
    await page.win.fetch('http://127.0.0.1:1/x').catch(() => undefined);
    await waitFor(() => requests(page).violations.length, 'the policy to refuse it');
    expect(requests(page).violations).to.deep.equal(['http://127.0.0.1:1/x']);
    frame.remove();
  });
});
