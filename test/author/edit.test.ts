/**
 * The authoring page after the files are open: edits in place, what changes on the site, the saved files'
 * form, languages, keyboard-free controls that are labelled, axe, and the preview at a phone and a desktop width.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { Bundle } from '../../src/data/bundle.js';
import {
  $, AMP, changedLines, choose, downloadLinks, editItem, fileFrom, mount, previewWidgets, recomputed, savedText, selectValue, settle, shadowText,
  TEMPLATE, textOf, type, waitFor, withPublished, withTemplate,
} from './helpers.js';

/** The cells (total, achieved, rate) of a row of the preview's bar chart's data table, by its row header. */
function barRow(app: Parameters<typeof previewWidgets>[0], header: string): string[] | undefined {
  const bar = $(app, 'kdx-author-preview').shadowRoot!.querySelector('kdx-chart[type="bar"]');
  const row = [...(bar?.shadowRoot?.querySelectorAll('table tbody tr') ?? [])].find((r) => textOf(r.querySelector('th')!) === header);
  return row && [...row.querySelectorAll('td')].map(textOf);
}

describe('authoring page: small edits in place', () => {
  it('a count: the preview, what changes and the saved bundle follow', async () => {
    const app = await withTemplate();
    await editItem(app, 'policy-1');
    const legends = [...app.shadowRoot!.querySelectorAll('#h-edit ~ fieldset legend')].map(textOf);
    expect(legends).to.deep.equal(['計画全体', '項目「1 行政組織の質を高める」']);
    expect($<HTMLInputElement>(app, '#edit-item-achieved').value).to.equal('38');
    await previewWidgets(app, 'kdx-chart');
    expect(barRow(app, '行政組織の質を高める')).to.deep.equal(['39', '38', '97.4%']);
    type(app, 'edit-item-achieved', '３９');
    await recomputed(app);
    const meter = (await previewWidgets(app, 'kdx-progress')).find((m) => m.getAttribute('node') === 'policy-1')!;
    await waitFor(() => shadowText(meter).includes('100.0%'), 'the meter to show the edit');
    // The bar chart says it too: its data table (what a screen reader reads for the bars), policy 1's row.
    await waitFor(() => barRow(app, '行政組織の質を高める')?.[2] !== '97.4%', 'the chart to follow the edit').catch(() => undefined);
    expect(barRow(app, '行政組織の質を高める')).to.deep.equal(['39', '39', '100.0%']);
    const diff = [...app.shadowRoot!.querySelectorAll('.diff li')].map(textOf);
    expect(diff).to.include('達成率: 1 行政組織の質を高める 97.4%（38/39項目） → 100.0%（39/39項目）');
    const bundle = JSON.parse(await savedText(app)) as Bundle;
    expect(bundle.plans[1]!.nodes[0]!.progress).to.deep.equal({ total: 39, achieved: 39 });
    expect(textOf($(app, '#h-edit ~ .note'))).to.equal('修正した項目: 1 件（保存するデータに入ります）');
  });

  it('a wrong edit: its message beside the field and in the checks, at the item\'s row; nothing to save', async () => {
    const app = await withTemplate();
    await editItem(app, 'policy-1');
    type(app, 'edit-item-achieved', '40');
    await recomputed(app);
    expect([...app.shadowRoot!.querySelectorAll('.issues li')].map(textOf)).to.deep.equal(['2行目（achieved）: total（39）以下にしてください']);
    expect(downloadLinks(app)).to.have.length(0);
    type(app, 'edit-item-total', 'たくさん');
    await recomputed(app);
    const field = $<HTMLInputElement>(app, '#edit-item-total');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(textOf($(app, `#${field.getAttribute('aria-describedby')!.split(' ').pop()}`))).to.equal(
      '2行目（total）: 数値として読めません（実際: "たくさん"）。1200、1,200、１２００ のように書いてください',
    );
    ($(app, '#h-edit ~ fieldset button') as HTMLButtonElement).click();
    await recomputed(app);
    expect(app.outcome.status).to.equal('ok');
    expect($<HTMLInputElement>(app, '#edit-item-achieved').value).to.equal('38');
  });

  it('the as-of date and a note: one line each in the saved JSON (keys in the schema\'s order)', async () => {
    const app = await withTemplate();
    const before = await savedText(app);
    type(app, 'edit-plan-asOf', '2025-03-31');
    await recomputed(app);
    const dated = await savedText(app);
    expect(changedLines(before, dated)).to.deep.equal({ removed: [], added: ['"asOf": "2025-03-31",'] });
    expect(JSON.parse(dated).plans[1].asOf).to.equal('2025-03-31');
    await editItem(app, 'R6-7');
    const note = $<HTMLTextAreaElement>(app, '#edit-item-note');
    note.value = '※令和6年度の実績';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    await recomputed(app);
    const after = await savedText(app);
    // The item's last line (in the published file, its summary) gains its comma; the notes follow it.
    const last = '"summary": { "ja": "公用車への給油時に用いていた伝票を廃止し、クレジットカード払いを導入したことにより、事業者の請求処理と市の支払処理の双方で事務負担の軽減を図りました。", "en": "By abolishing the slips used when refueling official vehicles and introducing payment by credit card, the city reduced the administrative workload of both the suppliers\' billing and the city\'s payment processing." }';
    expect(changedLines(dated, after)).to.deep.equal({ removed: [last], added: [`${last},`, '"notes": [', '"※令和6年度の実績"', ']'] });
    // The saved file, opened as the published bundle: nothing changes on the site.
    const again = await mount();
    await choose(again, 'bundle-file', new File([after], 'kanazawa.json'));
    selectValue(again, 'plan', AMP);
    await settle(again);
    expect(textOf($(again, '#h-diff ~ p'))).to.equal('違いはありません（kanazawa.json と kanazawa.json）。');
    expect(await savedText(again)).to.equal(after);
  });

  it('choosing a row in the preview tree chooses the item to edit and the card', async () => {
    const app = await withTemplate();
    const [tree] = await previewWidgets(app, 'kdx-plan-tree');
    const row = await waitFor(() => [...tree!.shadowRoot!.querySelectorAll<HTMLElement>('[role="treeitem"]')].find((r) => r.textContent?.includes('行政組織の質を高める')), 'the tree row');
    (row.querySelector('.label, .title, span') as HTMLElement | null ?? row).click();
    await waitFor(() => app.selected === 'policy-1', 'the selection');
    await app.updateComplete;
    expect($<HTMLInputElement>(app, '#edit-item').value).to.equal('policy-1');
    const [card] = await previewWidgets(app, 'kdx-initiative-card');
    expect(card!.getAttribute('node')).to.equal('policy-1');
  });
});

describe('authoring page: what changes on the site', () => {
  it('lists the changes as kdx diff words them', async () => {
    const app = await withTemplate();
    expect(textOf($(app, '#h-diff ~ p'))).to.match(/^kanazawa\.json → kanazawa\.json: サイトで変わる点が \d+ 件あります$/);
    const lines = [...app.shadowRoot!.querySelectorAll('.diff li')].map(textOf);
    expect(lines).to.include('削除: 2 共創の質を高める');
    expect(lines.filter((l) => l.startsWith('削除: '))).to.have.length(27); // 30 items before, the template's 3 kept
    expect(textOf($(app, '#h-diff ~ p'))).to.include(`${lines.length} 件`);
  });
});

describe('authoring page: language', () => {
  it('switches to English, problems included', async () => {
    const app = await mount();
    await withPublished(app);
    await choose(app, 'sheet-file', new File(['id,kind,title_ja,total,achieved\npolicy-1,policy,行政組織の質を高める,39,40\n'], 'bad.csv'));
    ($(app, 'header button') as HTMLButtonElement).click();
    await waitFor(() => app.language === 'en', 'English');
    await app.updateComplete;
    expect(textOf($(app, 'h1'))).to.equal('Update the plan data');
    expect(document.documentElement.lang).to.equal('en');
    expect([...app.shadowRoot!.querySelectorAll('.issues li')].map(textOf)).to.deep.equal(['line 2 (achieved): must be ≤ total (39)']);
    ($(app, 'header button') as HTMLButtonElement).click();
    await waitFor(() => app.language === 'ja', 'Japanese');
  });
});

describe('authoring page: usable', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('has no axe violations, empty, with problems and with everything open', async () => {
    const app = await mount();
    await expect(app).to.be.accessible();
    await withPublished(app);
    await choose(app, 'sheet-file', new File(['id,kind,title_ja,total,achieved\npolicy-1,policy,x,39,40\n'], 'bad.csv'));
    await expect(app).to.be.accessible();
    await choose(app, 'sheet-file', await fileFrom(TEMPLATE));
    await editItem(app, 'R6-7');
    await previewWidgets(app, 'kdx-progress');
    await expect(app).to.be.accessible();
  });

  it('every control has a label', async () => {
    const app = await withTemplate();
    await editItem(app, 'R6-7');
    const controls = [...app.shadowRoot!.querySelectorAll('input, select, textarea')];
    for (const c of controls) {
      const label = c.id && app.shadowRoot!.querySelector(`label[for="${c.id}"]`);
      expect(label || c.closest('label'), `a label for #${c.id || c.outerHTML}`).to.be.ok;
    }
  });

  it('files dropped on the page open where they belong', async () => {
    const app = await mount();
    const dt = new DataTransfer();
    dt.items.add(await fileFrom('/seeds/kanazawa.json'));
    dt.items.add(await fileFrom(TEMPLATE));
    $(app, '.drop').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    await waitFor(() => app.sheetOpening.status === 'open', 'both files to open');
    await settle(app);
    expect(textOf($(app, '#bundle-status'))).to.equal('kanazawa.json（計画 2 件、項目 58 件）');
    expect(textOf($(app, '#sheet-status'))).to.equal('kdx-template.csv（3 行、CSV UTF-8 (BOM)）');
  });

  it('previews at a phone and a desktop width, and the page reflows at 320 px', async () => {
    await setViewport({ width: 1280, height: 900 });
    const app = await withTemplate();
    const preview = $(app, 'kdx-author-preview');
    const frame = () => preview.shadowRoot!.querySelector<HTMLElement>('.frame')!;
    expect(Math.round(frame().getBoundingClientRect().width)).to.equal(1024);
    (preview.shadowRoot!.querySelector('input[value="phone"]') as HTMLInputElement).click();
    await waitFor(() => Math.round(frame().getBoundingClientRect().width) === 360, 'the phone width');
    await setViewport({ width: 320, height: 640 });
    await new Promise((r) => requestAnimationFrame(r));
    // Wider than the screen: nothing, once the charts have followed the new width (chart.js resizes on a ResizeObserver).
    const wide = () => {
      const out: string[] = [];
      const walk = (root: ParentNode) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.getBoundingClientRect().right > 321 && !el.closest('table')) out.push(`${el.localName}.${el.className}`);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      return out;
    };
    await waitFor(() => !wide().length, 'nothing wider than 320 px', 5000).catch(() => undefined);
    expect(wide()).to.deep.equal([]);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });
});

