/**
 * The authoring page as staff use it: open the published bundle and a spreadsheet with the file buttons, read
 * the checks, see the preview, save. Files are the project's own (docs/kdx-template.csv, seeds/kanazawa.json) or
 * made here from literal rows; the saved files are read back from their download links.
 */
import { expect } from '@open-wc/testing';
import { validateBundle } from '../../src/data/parse.js';
import type { Bundle } from '../../src/data/bundle.js';
import { encodeShiftJis, toShiftJisSafe } from '../../src/cli/encoding.js';
import {
  $, AMP, choose, download, downloadLinks, settle, fileFrom, mount, previewWidgets, shadowText, TEMPLATE, templateXlsx, textOf, type,
  waitFor, withPublished,
} from './helpers.js';

const HEADER = 'id,parent,kind,number,title_ja,total,achieved,reported,reported_year,page';
const csvFile = (text: string, name = 'items.csv') => new File([text], name, { type: 'text/csv' });
const json = async (app: Parameters<typeof download>[0]) => JSON.parse(new TextDecoder().decode((await download(app, 'json')).bytes)) as Bundle;

describe('authoring page: the template, opened with the file button', () => {
  it('previews policy 1 at 97.4%, and saves a valid bundle holding the template\'s items', async () => {
    const app = await mount();
    await withPublished(app);
    await choose(app, 'sheet-file', await fileFrom(TEMPLATE));
    expect(textOf($(app, '#sheet-status'))).to.equal('kdx-template.csv（3 行、CSV UTF-8 (BOM)）');
    expect(textOf($(app, '.summary'))).to.equal('誤りはありません（項目 3 件）。保存できます。');

    const meters = await previewWidgets(app, 'kdx-progress');
    const policy1 = meters.find((m) => m.getAttribute('node') === 'policy-1')!;
    expect(shadowText(policy1)).to.include('行政組織の質を高める').and.include('97.4%');
    // The plan page's header too: the published plan's identity, with the edited items' rate.
    const [overview] = await previewWidgets(app, 'kdx-plan-overview');
    expect(shadowText(overview!)).to.include('金沢市行政経営プラン').and.include('令和5年度～令和8年度').and.include('97.4%');

    const saved = await download(app, 'json');
    expect(saved.name).to.equal('kanazawa.json');
    const bundle = JSON.parse(new TextDecoder().decode(saved.bytes)) as Bundle;
    expect(validateBundle(bundle).ok).to.equal(true);
    const plan = bundle.plans.find((p) => p.id === AMP)!;
    expect(plan.nodes.map((n) => n.id)).to.deep.equal(['policy-1', 'policy-1-1', 'R6-7']);
    expect(plan.nodes[0]).to.deep.include({ kind: 'policy', number: '1', progress: { total: 39, achieved: 38 } });
    expect(plan.nodes[2]).to.deep.include({
      parent: 'policy-1-1',
      number: 'R6-7',
      page: 38,
      reported: { as: 'carried-out', fiscalYear: 2024 },
      title: { ja: '公用車給油事務へのクレジットカードの導入', en: 'Introducing credit cards for refueling official vehicles' },
    });
    // The other plan of the published bundle is kept as it was.
    const published = (await (await fetch('/seeds/kanazawa.json')).json()) as Bundle;
    expect(bundle.plans[0]).to.deep.equal(published.plans[0]);
  });

  it('replaces the plan the sheet belongs to, unless staff choose another', async () => {
    const app = await mount();
    await choose(app, 'bundle-file', await fileFrom('/seeds/kanazawa.json'));
    expect($<HTMLSelectElement>(app, '#plan').value).to.equal('dx-action-plan-2'); // the first, before a sheet says more
    await choose(app, 'sheet-file', await fileFrom(TEMPLATE));
    expect(app.session.planId).to.equal(AMP);
    expect($<HTMLSelectElement>(app, '#plan').value).to.equal(AMP);
  });

  it('makes a new bundle from the template alone once the new plan has an id and a period', async () => {
    const app = await mount();
    await choose(app, 'sheet-file', await fileFrom(TEMPLATE));
    expect(textOf($(app, '.summary'))).to.equal('誤りが 2 件あります。すべて直すまで保存できません。');
    expect(downloadLinks(app)).to.have.length(0);
    type(app, 'new-id', 'my-plan');
    type(app, 'new-from', '令和7年度');
    type(app, 'new-to', 'R10');
    type(app, 'new-publisher', '金沢市');
    await waitFor(() => app.outcome.status === 'ok', 'the new plan to check');
    await settle(app);
    const bundle = await json(app);
    expect(bundle.publisher).to.deep.equal({ name: '金沢市' });
    expect(bundle.plans[0]).to.deep.include({ id: 'my-plan', title: 'my-plan', period: { from: 2025, to: 2028 } });
    expect(bundle.plans[0]!.nodes).to.have.length(3);
  });
});

describe('authoring page: the items saved as CSV for Excel', () => {
  it('UTF-8 with BOM, every column, and opened again it gives the same bundle', async () => {
    const app = await mount();
    await withPublished(app);
    await choose(app, 'sheet-file', await fileFrom(TEMPLATE));
    const bundle = new TextDecoder().decode((await download(app, 'json')).bytes);
    await waitFor(() => app.files.csv, 'the CSV');
    await app.updateComplete;
    const csv = await download(app, 'csv');
    expect(csv.name).to.equal(`${AMP}.csv`);
    expect([...csv.bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(csv.bytes.slice(3)).split('\r\n');
    expect(lines[0]).to.match(/^id,parent,kind,number,title_ja,title_en,.*,link$/);
    expect(lines[1]).to.match(/^policy-1,,policy,"=""1""",行政組織の質を高める,/);
    await choose(app, 'sheet-file', new File([csv.bytes as BlobPart], csv.name));
    expect(new TextDecoder().decode((await download(app, 'json')).bytes)).to.equal(bundle);
  });
});

describe('authoring page: a revisions sheet, as kdx import takes it', () => {
  const EXAMPLE = '/seeds/examples/revisions.json';
  const SHEET = '/seeds/examples/revisions.management-plan.revisions.csv';

  it('puts the sheet\'s revisions into the plan: the overview lists them, what changes says so, the saved JSON holds them', async () => {
    // The published bundle without its revisions; the sheet is the one kdx export --revisions wrote of them.
    const published = (await (await fetch(EXAMPLE)).json()) as Bundle;
    const without = structuredClone(published);
    delete without.plans[0]!.revisions;
    const app = await mount();
    await choose(app, 'bundle-file', new File([JSON.stringify(without, null, 2)], 'revisions.json'));
    await choose(app, 'sheet-file', await fileFrom(SHEET));
    expect(textOf($(app, '#sheet-status'))).to.equal('revisions.management-plan.revisions.csv（7 行、CSV UTF-8 (BOM)）');
    expect(app.shadowRoot!.querySelectorAll('.issues li')).to.have.length(0);
    expect(textOf($(app, '.summary'))).to.equal('誤りはありません（項目 5 件）。保存できます。');
    expect(textOf($(app, '#h-check ~ .note'))).to.equal('見直しの表として読みました。計画の見直しを、この表の 2 件に置き換えます。');

    const [overview] = await previewWidgets(app, 'kdx-plan-overview');
    expect(shadowText(overview!)).to.include('令和6年3月改定').and.include('令和4年3月改定').and.include('窓口の番号案内システムの導入').and.include('経常業務化');
    const lines = [...app.shadowRoot!.querySelectorAll('.diff li')].map(textOf);
    const added = lines.filter((l) => l.startsWith('見直しを追加: '));
    expect(added).to.have.length(2);
    expect(added.some((l) => l.includes('令和6年3月改定'))).to.equal(true);
    expect(added.some((l) => l.includes('令和4年3月改定'))).to.equal(true);

    const bundle = await json(app);
    expect(validateBundle(bundle).ok).to.equal(true);
    expect(bundle.plans[0]!.revisions).to.deep.equal(published.plans[0]!.revisions);
    expect(bundle.plans[0]!.nodes).to.deep.equal(published.plans[0]!.nodes);
  });

  it('needs the published bundle with its plan: said where the checks are, nothing to save', async () => {
    const app = await mount();
    await choose(app, 'sheet-file', await fileFrom(SHEET));
    expect([...app.shadowRoot!.querySelectorAll('.issues li')].map(textOf)).to.deep.equal([
      '見直しの表は、公開中のプランデータにある計画に読み込みます。公開中のプランデータを開き、置き換える計画を選んでください',
    ]);
    expect(downloadLinks(app)).to.have.length(0);
  });
});

describe('authoring page: problems', () => {
  it('a row with achieved > total: its row and column in the message, and nothing to download', async () => {
    const app = await mount();
    await withPublished(app);
    const text = `${HEADER}\npolicy-1,,policy,1,行政組織の質を高める,39,38,,,\npolicy-2,,policy,2,共創の質を高める,45,46,,,\n`;
    await choose(app, 'sheet-file', csvFile(text));
    const alert = $(app, '.summary[role="alert"]');
    expect(textOf(alert)).to.equal('誤りが 1 件あります。すべて直すまで保存できません。');
    expect([...app.shadowRoot!.querySelectorAll('.issues li')].map(textOf)).to.deep.equal(['3行目（achieved）: total（45）以下にしてください']);
    expect(downloadLinks(app)).to.have.length(0);
    expect(textOf($(app, '#h-save ~ p'))).to.include('保存できません');
    expect($(app, 'kdx-author-preview').shadowRoot!.querySelector('kdx-progress')).to.equal(null);
  });

  it('every problem of the sheet, as kdx import lists them (docs/csv-guide.md)', async () => {
    const app = await mount();
    await withPublished(app);
    await choose(app, 'sheet-file', await fileFrom('/test/cli/fixtures/bad-rows.csv'));
    const issues = [...app.shadowRoot!.querySelectorAll('.issues li')].map(textOf);
    expect(issues).to.include('5行目（id）: ID「R6-7」が重複しています（4行目と同じ）');
    expect(issues).to.include('7行目（page）: ページとして読めません（実際: "三十八"）。38 や P38 のように書いてください');
  });

  it('an unreadable file says what it is, where the file was chosen', async () => {
    const app = await mount();
    await choose(app, 'sheet-file', new File([new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])], 'items.xlsx'));
    expect(textOf($(app, '#sheet-status'))).to.include('Excel ブック（.xlsx）として読めません');
    expect($(app, '#sheet-status').getAttribute('role')).to.equal('alert');
  });
});

describe('authoring page: encodings and workbooks', () => {
  it('a Shift_JIS CSV with 和暦 years and full-width digits reads as the UTF-8 one does', async () => {
    const rows = (year: string, total: string) =>
      `${HEADER}\npolicy-1,,policy,1,行政組織の質を高める,${total},38,,,\nR6-7,policy-1,initiative,R6-7,公用車給油事務へのクレジットカードの導入,,,carried-out,${year},Ｐ３８\n`;
    const app = await mount();
    await withPublished(app);
    await choose(app, 'sheet-file', csvFile(rows('2024', '39'), 'utf8.csv'));
    const utf8 = (await json(app)).plans[1];
    const sjis = encodeShiftJis(toShiftJisSafe(rows('令和6年度', '３９')).text);
    await choose(app, 'sheet-file', new File([sjis as BlobPart], 'sjis.csv'));
    expect(textOf($(app, '#sheet-status'))).to.equal('sjis.csv（2 行、CSV Shift_JIS）');
    const policy1 = (await previewWidgets(app, 'kdx-progress')).find((m) => m.getAttribute('node') === 'policy-1')!;
    expect(shadowText(policy1)).to.include('97.4%');
    expect((await json(app)).plans[1]).to.deep.equal(utf8);
    expect(utf8!.nodes[1]).to.deep.include({ page: 38, reported: { as: 'carried-out', fiscalYear: 2024 } });
  });

  it('an .xlsx with the template\'s rows gives the same bundle as the CSV', async () => {
    const app = await mount();
    await withPublished(app);
    await choose(app, 'sheet-file', await fileFrom(TEMPLATE));
    const fromCsv = new TextDecoder().decode((await download(app, 'json')).bytes);

    await choose(app, 'sheet-file', await templateXlsx());
    expect(textOf($(app, '#sheet-status'))).to.equal('items.xlsx（3 行、xlsx）');
    expect(new TextDecoder().decode((await download(app, 'json')).bytes)).to.equal(fromCsv);
  });
});
