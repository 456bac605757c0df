/**
 * A revisions sheet on the authoring page: which plan it goes into (chosen for staff when the files tell, and
 * said; asked when they do not), the revisions saved back as the CSV `kdx export --revisions` writes, and where
 * the revisions stand in the saved JSON. The bundles are the fictional examples of seeds/examples/ (Midori City),
 * some of them put together into a bundle of several plans; Kanazawa's documents state no revisions.
 */
import { expect } from '@open-wc/testing';
import type { Bundle } from '../../src/data/bundle.js';
import type { KdxAuthor } from '../../src/author/author-app.js';
import { $, byId, choose, download, downloadLinks, fileFrom, mount, savedText, selectValue, settle, textOf, waitFor } from './helpers.js';

const EXAMPLE = '/seeds/examples/revisions.json';
const SHEET = '/seeds/examples/revisions.management-plan.revisions.csv';
const BOM = '\uFEFF';
const HEADER =
  'revision_date,revision_title_ja,revision_title_en,revision_summary_ja,revision_summary_en,change,node,number,title_ja,title_en,reason_ja,reason_en,period_from_before,period_to_before,period_from,period_to';

const fetchJson = async (url: string) => (await (await fetch(url)).json()) as Bundle;
const bundleFile = (bundle: Bundle, name = 'midori.json') => new File([JSON.stringify(bundle, null, 2) + '\n'], name);
const csvFile = (rows: string[], name = 'revisions.csv') => new File([BOM + [HEADER, ...rows].join('\r\n') + '\r\n'], name);
const issues = (app: KdxAuthor) => [...app.shadowRoot!.querySelectorAll('.issues li')].map(textOf);

/** Midori's plans in one bundle: the city plan and the DX plan (indicators.json), then the management plan. */
async function midori(): Promise<Bundle> {
  const [indicators, revisions] = await Promise.all([fetchJson('/seeds/examples/indicators.json'), fetchJson(EXAMPLE)]);
  return { ...indicators, plans: [...indicators.plans, ...revisions.plans] };
}

describe('authoring page: the plan a revisions sheet goes into', () => {
  afterEach(() => (document.documentElement.lang = 'ja'));

  it('a bundle of one plan: that plan, and the page says it chose it', async () => {
    const app = await mount();
    await choose(app, 'bundle-file', await fileFrom(EXAMPLE));
    await choose(app, 'sheet-file', await fileFrom(SHEET));
    expect(byId<HTMLSelectElement>(app, 'plan').value).to.equal('management-plan');
    expect(textOf($(app, '#plan-note'))).to.equal('プランデータの計画は「（架空）みどり市行政経営計画（management-plan）」だけなので、これを選びました。');
    expect(app.outcome.status).to.equal('ok');
  });

  it('several plans, one the sheet fits (its items are that plan\'s): chosen and said, whatever the order of the files', async () => {
    const bundle = await midori();
    for (const order of ['bundle first', 'sheet first']) {
      const app = await mount();
      if (order === 'bundle first') await choose(app, 'bundle-file', bundleFile(bundle));
      await choose(app, 'sheet-file', await fileFrom(SHEET));
      if (order === 'sheet first') await choose(app, 'bundle-file', bundleFile(bundle));
      expect(byId<HTMLSelectElement>(app, 'plan').value, order).to.equal('management-plan');
      expect(textOf($(app, '#plan-note')), order).to.equal(
        'この見直しの表を入れられる計画は「（架空）みどり市行政経営計画（management-plan）」だけなので、これを選びました。',
      );
      expect(app.outcome.status, order).to.equal('ok');
      const plans = (JSON.parse(await savedText(app)) as Bundle).plans;
      expect(plans.map((p) => p.revisions?.length ?? 0), order).to.deep.equal([0, 0, 2]);
    }
  });

  it('a sheet two plans could take: no plan is chosen, the page asks, nothing is saved until staff choose', async () => {
    const app = await mount();
    await choose(app, 'bundle-file', bundleFile(await midori()));
    // A period change 2020–2024 → 2020–2025: the city plan and the management plan both run 2020–2025.
    await choose(app, 'sheet-file', csvFile(['"=""2024-03""",令和6年3月改定,,,,period,,,,,,,2020,2024,2020,2025']));
    const select = byId<HTMLSelectElement>(app, 'plan');
    expect(textOf(select.selectedOptions[0]!)).to.equal('（計画を選んでください）');
    expect(select.getAttribute('aria-invalid')).to.equal('true');
    const prompt =
      'どの計画の表か、表からは決められません（候補: （架空）みどり市総合計画（city-plan）、（架空）みどり市行政経営計画（management-plan））。「置き換える計画」で選んでください';
    expect(textOf($(app, '#plan-note'))).to.equal(prompt);
    expect(select.getAttribute('aria-describedby')).to.equal('plan-note');
    expect(issues(app)).to.deep.equal([prompt]);
    expect(app.shadowRoot!.querySelector('fieldset.new-plan'), 'not the new plan form').to.equal(null);
    expect(textOf($(app, '#h-edit + p'))).to.equal('「2. 確認」の誤りを直すと、ここで項目の数値などを直せます。');
    expect(downloadLinks(app)).to.have.length(0);
    await expect(app).to.be.accessible();

    selectValue(app, 'plan', 'city-plan');
    await settle(app);
    expect(app.outcome.status).to.equal('ok');
    expect(app.shadowRoot!.querySelector('#plan-note')).to.equal(null);
    const plans = (JSON.parse(await savedText(app)) as Bundle).plans;
    expect(plans[0]!.revisions).to.deep.equal([{ date: '2024-03', title: '令和6年3月改定', period: { before: { from: 2020, to: 2024 }, after: { from: 2020, to: 2025 } } }]);
    expect(plans[2]!.revisions).to.have.length(2);
  });

  it('in English too', async () => {
    const app = await mount();
    ($(app, 'header button') as HTMLButtonElement).click();
    await waitFor(() => app.language === 'en', 'English');
    await choose(app, 'bundle-file', bundleFile(await midori()));
    await choose(app, 'sheet-file', csvFile(['"=""2024-03""",,,,,removed,,K-9,古い取組,,完了,,,,,']));
    expect(textOf(byId<HTMLSelectElement>(app, 'plan').selectedOptions[0]!)).to.equal('(Choose a plan)');
    expect(textOf($(app, '#plan-note'))).to.equal(
      'Which plan this sheet is for cannot be told from it (it could be Midori City Comprehensive Plan (fictional) (city-plan), Midori City DX Plan (fictional) (dx-plan), Midori City Management Plan (fictional) (management-plan)). Choose it under "Plan to replace"',
    );
    await choose(app, 'sheet-file', await fileFrom(SHEET));
    expect(textOf($(app, '#plan-note'))).to.equal('Midori City Management Plan (fictional) (management-plan) is the only plan this revisions sheet fits: chosen.');
  });

  it('an items sheet with the plan\'s own row names its plan: chosen and said', async () => {
    const [grades, outline] = await Promise.all([fetchJson('/seeds/examples/grades.json'), fetchJson('/seeds/examples/year-over-year.json')]);
    const app = await mount();
    await choose(app, 'bundle-file', bundleFile({ ...grades, plans: [...grades.plans, ...outline.plans] }));
    await choose(app, 'sheet-file', await fileFrom('/docs/kdx-template.year-over-year.csv'));
    expect(byId<HTMLSelectElement>(app, 'plan').value).to.equal('outline-plan');
    expect(textOf($(app, '#plan-note'))).to.equal('表に計画「（架空）みどり市行政改革大綱実施計画（outline-plan）」の行があるので、これを選びました。');
    expect(app.outcome.status).to.equal('ok');
  });
});

describe('authoring page: the revisions saved as CSV, as kdx export --revisions writes them', () => {
  it('the sheet opened is saved back byte for byte; opened again it gives the same bundle', async () => {
    const app = await mount();
    await choose(app, 'bundle-file', await fileFrom(EXAMPLE));
    const original = await fileFrom(SHEET);
    await choose(app, 'sheet-file', original);
    const json = await savedText(app);
    await waitFor(() => app.files.revisions, 'the revisions CSV');
    await app.updateComplete;
    const link = $<HTMLAnchorElement>(app, '#h-save ~ ul a[download$=".revisions.csv"]');
    expect(textOf(link)).to.equal('見直しの表を保存（Excel 用 CSV、management-plan.revisions.csv）');
    const csv = await download(app, 'revisions.csv');
    expect(csv.name).to.equal('management-plan.revisions.csv');
    // seeds/examples/…revisions.csv is what `kdx export --revisions` wrote (test/cli/csv-templates.test.ts).
    expect(csv.bytes).to.deep.equal(new Uint8Array(await original.arrayBuffer()));
    await choose(app, 'sheet-file', new File([csv.bytes as BlobPart], csv.name));
    expect(await savedText(app)).to.equal(json);
  });

  it('a revision edited in the sheet: the saved CSV holds it, and opened again gives the same bundle', async () => {
    const app = await mount();
    await choose(app, 'bundle-file', await fileFrom(EXAMPLE));
    const text = new TextDecoder().decode(await (await fileFrom(SHEET)).arrayBuffer());
    await choose(app, 'sheet-file', new File([text.replace('経常業務化,Became routine work', '事業の統合,Merged into another')], 'edited.csv'));
    const json = await savedText(app);
    await waitFor(() => app.files.revisions, 'the revisions CSV');
    const csv = await download(app, 'revisions.csv');
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.bytes).split('\r\n');
    expect(lines[0]).to.equal(BOM + HEADER);
    expect(lines[5]).to.equal('"=""2024-03""",,,,,removed,,K-4,会議録の作成支援,Help with meeting minutes,事業の統合,Merged into another,,,,');
    await choose(app, 'sheet-file', new File([csv.bytes as BlobPart], csv.name));
    expect(await savedText(app)).to.equal(json);
  });

  it('an items sheet of a plan with revisions: both sheets are offered', async () => {
    const app = await mount();
    await choose(app, 'bundle-file', await fileFrom(EXAMPLE));
    await choose(app, 'sheet-file', await fileFrom('/seeds/examples/revisions.management-plan.csv'));
    await waitFor(() => app.files.csv && app.files.revisions, 'both CSVs');
    await app.updateComplete;
    expect(downloadLinks(app).map((a) => a.getAttribute('download'))).to.deep.equal(['revisions.json', 'management-plan.csv', 'management-plan.revisions.csv']);
  });
});

describe('authoring page: where the revisions stand in the saved JSON', () => {
  it('a plan that had none gains them where the format lists them: after the scales, before the counts and the items', async () => {
    // grades.json's plan: …, kinds, scales, progress, nodes.
    const grades = await fetchJson('/seeds/examples/grades.json');
    const app = await mount();
    await choose(app, 'bundle-file', bundleFile(grades));
    await choose(app, 'sheet-file', csvFile(['"=""2025-03""",令和7年3月改定,,,,removed,,1-9,古い取組,,完了,,,,,']));
    expect(app.outcome.status).to.equal('ok');
    const plan = (JSON.parse(await savedText(app)) as Bundle).plans[0]!;
    expect(Object.keys(plan)).to.deep.equal(['id', 'title', 'period', 'asOf', 'source', 'kinds', 'scales', 'revisions', 'progress', 'nodes']);
  });

  it('the example without its revisions, and its revisions sheet: the example again, byte for byte', async () => {
    const published = await fetchJson(EXAMPLE);
    const without = structuredClone(published);
    delete without.plans[0]!.revisions;
    const app = await mount();
    await choose(app, 'bundle-file', bundleFile(without, 'revisions.json'));
    await choose(app, 'sheet-file', await fileFrom(SHEET));
    expect(await savedText(app)).to.equal(JSON.stringify(published, null, 2) + '\n');
  });
});

describe('authoring page: a revisions sheet\'s problems at their row and column', () => {
  it('an item the plan does not have and a period that is not the plan\'s: at the rows and columns of the CSV, as the other sheets\' are', async () => {
    const app = await mount();
    await choose(app, 'bundle-file', await fileFrom(EXAMPLE));
    const text = new TextDecoder().decode(await (await fileFrom(SHEET)).arrayBuffer());
    // Line 2: the period row (after: 2020–2026, the plan runs 2020–2025); line 4: an item added that the plan lacks.
    const edited = text.replace(',2020,2024,2020,2025', ',2020,2024,2020,2026').replace(',added,K-8,', ',added,K-99,');
    await choose(app, 'sheet-file', new File([edited], 'edited.csv'));
    expect(issues(app)).to.deep.equal([
      '4行目（node）: 項目「K-99」はこの計画にありません',
      '2行目（period_from）: 最新の見直し後の期間（2020–2026）が計画の period（2020–2025）と一致しません',
    ]);
    expect(downloadLinks(app)).to.have.length(0);
  });
});
