/**
 * author.html as a page of its own (an iframe, with the page's own Content Security Policy), from the source and
 * as built (dist/author.html, `npm run build` first): it loads the published bundle named in its address from its
 * own origin only, and no file leaves the machine: every request the page makes, whatever staff open (a CSV, an
 * .xlsx) and in either language, goes to its own origin (or stays in the browser: blob:).
 */
import { expect } from '@open-wc/testing';
import type { KdxAuthor } from '../../src/author/author-app.js';
import { open, requireDist } from '../embed/snippets.js';
import { $, choose, download, fileFrom, previewWidgets, settle, shadowText, TEMPLATE, templateXlsx, textOf, waitFor } from './helpers.js';

type Opened = Awaited<ReturnType<typeof open>>;

/** Every resource the page fetched, and every request its policy refused. */
function requests({ win }: Opened) {
  const violations = (win as unknown as { violations: string[] }).violations;
  return { urls: win.performance.getEntriesByType('resource').map((e) => e.name), violations };
}

async function openPage(query = '', path = '/author.html'): Promise<Opened & { app: KdxAuthor }> {
  const opened = await open(`${path}${query}`);
  const { win, doc } = opened;
  (win as unknown as { violations: string[] }).violations = [];
  doc.addEventListener('securitypolicyviolation', (e) => (win as unknown as { violations: string[] }).violations.push(e.blockedURI));
  const app = await waitFor(() => doc.querySelector('kdx-author')?.shadowRoot?.querySelector('h1') && (doc.querySelector('kdx-author') as KdxAuthor), 'the page');
  return { ...opened, app };
}

/**
 * What staff do on the page: the bundle from the address, the template as CSV and as .xlsx, the page in English.
 * Then every request the page made: its own origin or blob: only, none refused by its policy.
 */
async function staffSession(page: Opened & { app: KdxAuthor }): Promise<string[]> {
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
  const fromCsv = await download(app, 'json');
  expect(fromCsv.bytes.length).to.be.greaterThan(1000);

  await choose(app, 'sheet-file', await templateXlsx());
  expect(textOf($(app, '#sheet-status'))).to.equal('items.xlsx（3 行、xlsx）');
  expect((await download(app, 'json')).bytes).to.deep.equal(fromCsv.bytes);

  ($(app, 'header button') as HTMLButtonElement).click();
  await waitFor(() => app.language === 'en', 'English');
  await app.updateComplete;
  expect(textOf($(app, 'h1'))).to.equal('Update the plan data');
  expect(textOf($(app, '.summary'))).to.equal('No problems (3 items). Ready to save.');
  const [card] = await previewWidgets(app, 'kdx-initiative-card');
  await waitFor(() => shadowText(card!).includes('Introducing credit cards'), 'the preview in English');

  const { urls, violations } = requests(page);
  const origin = new URL(frame.src).origin;
  expect(urls.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:'))).to.deep.equal([]);
  expect(urls.some((u) => u.endsWith('/seeds/kanazawa.json'))).to.equal(true);
  expect(violations).to.deep.equal([]);
  return urls;
}

describe('author.html', () => {
  it('opens the published bundle named in its address, a CSV and an .xlsx, in English too: no request leaves its origin', async () => {
    const page = await openPage('?src=/seeds/kanazawa.json');
    const urls = await staffSession(page);
    // The source page loads English and the .xlsx reader when they are needed: from its own origin too.
    expect(urls.some((u) => /\/src\/i18n\/en\.ts$/.test(u)), 'the English messages loaded').to.equal(true);
    expect(urls.some((u) => /\/src\/author\/xlsx\.ts$/.test(u)), 'the .xlsx reader loaded').to.equal(true);
    page.frame.remove();
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

describe('dist/author.html, as built', () => {
  before(requireDist);

  it('does the same with its one built script: no request leaves its origin', async () => {
    const page = await openPage('?src=/seeds/kanazawa.json', '/dist/author.html');
    // The test server adds a script of its own to every HTML page it serves (its web socket): not the page's.
    const own = (paths: string[]) => paths.filter((p) => !p.startsWith('/__web-dev-server'));
    expect(own([...page.doc.scripts].map((s) => new URL(s.src).pathname))).to.deep.equal(['/dist/author/author.js']);
    const urls = await staffSession(page);
    // English and the .xlsx reader are in that script: no other script is fetched, whatever staff do.
    expect(own(urls.filter((u) => u.endsWith('.js')).map((u) => new URL(u).pathname))).to.deep.equal(['/dist/author/author.js']);
    page.frame.remove();
  });
});
