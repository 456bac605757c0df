import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { Chart } from 'chart.js';
import '../../src/kdx.js';
import { formatTick, wrapLabel } from '../../src/components/chart/chart-config.js';
import { chartModel, chartProblem } from '../../src/components/chart/chart-data.js';
import { buildModel } from '../../src/data/model.js';
import type { KdxErrorEvent } from '../../src/events/kdx-error.js';
import { seed } from '../helpers/bundles.js';
import { drawnTexts } from '../helpers/chart.js';
import { GARBAGE, mount, q, settled, shown, unmountAll, expectErrorShown, expectNoRepeatedError } from '../helpers/widgets.js';

// Expected values are the report's (行政経営プラン 令和7年度実績, document 004), not this code's output.
const SRC = '/seeds/kanazawa.json';
const PLAN = 'administrative-management-plan';
const MINIMAL = '/seeds/minimal.json';

// Module scripts of a test page easily pass the default 250 entries; keep them all.
performance.setResourceTimingBufferSize(5000);
const chartJsRequests = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((n) => /\/chart\.js\/|chart-runtime/.test(n));

/** chart.js as the widget loaded it (same module URL, so the same registry). Only after the lazy-load test. */
const chartJs = async () => (await import('chart.js')).Chart;
const chartOf = async (el: Element): Promise<Chart> => {
  const chart = (await chartJs()).getChart(q<HTMLCanvasElement>(el, 'canvas'));
  if (!chart) throw new Error('no chart on the canvas');
  return chart;
};

const rows = (el: Element, section = 'tbody') =>
  [...el.shadowRoot!.querySelectorAll(`${section} tr`)].map((tr) => [...tr.children].map((c) => c.textContent!.trim()));

/** Everything a reader meets: visible text and every aria-label. */
function readable(el: Element): string {
  const labels = [...el.shadowRoot!.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label'));
  return [shown(el), ...labels].join(' | ');
}

function tooltipAt(chart: Chart, index: number): { title: string[]; body: string[] } {
  chart.tooltip!.setActiveElements([{ datasetIndex: 0, index }], { x: 0, y: 0 });
  chart.update('none');
  const tip = chart.tooltip!;
  return { title: tip.title, body: tip.body.flatMap((b) => b.lines) };
}

/** Waits until `ok()` holds (chart.js resizes through a ResizeObserver, after any running animation). */
async function until(ok: () => boolean, ms = 2000): Promise<void> {
  for (const end = Date.now() + ms; !ok(); ) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${ok.toString()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('<kdx-chart>', () => {
  afterEach(async () => {
    unmountAll();
    await emulateMedia({ media: 'screen', reducedMotion: 'no-preference', colorScheme: 'light' });
  });

  // First in this file: nothing before it may create a chart.
  describe('loading chart.js', () => {
    it('loads no chart.js on a page with other widgets only, and loads it when a <kdx-chart> connects', async () => {
      const { el: progress } = await mount(`<kdx-progress data-test src="${SRC}" plan="${PLAN}"></kdx-progress>`);
      expect(q(progress, '.rate').textContent).to.equal('87.1%');
      expect(chartJsRequests()).to.deep.equal([]);

      const root = document.createElement('div');
      document.body.append(root);
      const chart = document.createElement('kdx-chart');
      chart.setAttribute('src', SRC);
      chart.setAttribute('plan', PLAN);
      root.append(chart);
      await settled(chart);
      const loaded = chartJsRequests();
      expect(loaded.some((n) => /\/chart\.js\/dist\//.test(n)), loaded.join()).to.equal(true);
      expect(await chartOf(chart)).to.be.ok;

      // A second chart uses the same import.
      const { el: second } = await mount(`<kdx-chart data-test type="doughnut" src="${SRC}" plan="${PLAN}"></kdx-chart>`);
      expect(await chartOf(second)).to.be.ok;
      expect(chartJsRequests().filter((n) => /\/chart\.js\/dist\/chart\.js/.test(n))).to.have.length(1);
    });
  });

  describe('bar (default): the rate of each child', () => {
    it('draws the three basic policies: 97.4 / 84.4 / 80.0%', async () => {
      const { el } = await mount(`<kdx-chart data-test src="${SRC}" plan="${PLAN}"></kdx-chart>`);
      const chart = await chartOf(el);
      expect((chart.config as { type: string }).type).to.equal('bar');
      expect(chart.data.datasets).to.have.length(1);
      expect(chart.data.datasets[0]!.data).to.deep.equal([97.4, 84.4, 80.0]);
      expect(chart.getDatasetMeta(0).data).to.have.length(3);

      const canvas = q(el, 'canvas');
      expect(canvas.getAttribute('role')).to.equal('img');
      expect(canvas.getAttribute('aria-label')).to.equal(
        '金沢市行政経営プラン：項目ごとの達成率。行政組織の質を高める 97.4%、共創の質を高める 84.4%、財政基盤の質を高める 80.0%',
      );
      expect(rows(el)).to.deep.equal([
        ['行政組織の質を高める', '39', '38', '0', '97.4%'],
        ['共創の質を高める', '45', '38', '0', '84.4%'],
        ['財政基盤の質を高める', '40', '32', '2', '80.0%'],
      ]);
      expect(readable(el)).to.not.match(GARBAGE);
      await expect(el).to.be.accessible();
    });

    it('writes the values on the bars and percent on the axis, and tooltips in counts and rate', async () => {
      const { el } = await mount(`<kdx-chart data-test src="${SRC}" plan="${PLAN}"></kdx-chart>`);
      const chart = await chartOf(el);
      const texts = drawnTexts(chart);
      expect(texts).to.include.members(['97.4%', '84.4%', '80.0%', '0%', '50%', '100%']);
      expect(texts.join()).to.not.match(GARBAGE);
      expect(tooltipAt(chart, 0)).to.deep.equal({ title: ['行政組織の質を高める'], body: ['38/39項目（97.4%）'] });
      expect(tooltipAt(chart, 2).body).to.deep.equal(['32/40項目（80.0%）']);
    });

    it('takes its colours from the tokens, as the page sets them', async () => {
      const { el } = await mount(`<div style="--kdx-color-accent: rgb(1, 2, 3)"><kdx-chart data-test src="${SRC}" plan="${PLAN}"></kdx-chart></div>`);
      const chart = await chartOf(el);
      expect(chart.data.datasets[0]!.backgroundColor).to.deep.equal(['rgb(1, 2, 3)', 'rgb(1, 2, 3)', 'rgb(1, 2, 3)']);
    });

    it('redraws in the dark theme colours when the theme changes', async () => {
      const { el } = await mount(`<kdx-chart data-test src="${SRC}" plan="${PLAN}"></kdx-chart>`);
      const before = await chartOf(el);
      expect((before.data.datasets[0]!.backgroundColor as string[])[0]).to.equal('#0017c1');
      el.setAttribute('theme', 'dark');
      await el.updateComplete;
      const after = await chartOf(el);
      expect((after.data.datasets[0]!.backgroundColor as string[])[0]).to.equal('#9db7f9');
      expect(before.canvas).to.equal(null); // destroyed
    });

    it('refuses a leaf (an initiative has no children to compare)', async () => {
      const { el, event } = await mount(`<kdx-chart data-test src="${SRC}" plan="${PLAN}" node="R7-1"></kdx-chart>`);
      expect(event.type).to.equal('kdx-error');
      expect(q(el, '[role="alert"]').textContent).to.contain('下位項目がありません');
    });
  });

  describe('doughnut: achieved / not achieved / not yet fixed', () => {
    it('splits the whole plan into 108 / 14 / 2 of 124, and says that 14 is calculated (124 − 108 − 2), the 2 carried up from policy 3, the shares calculated', async () => {
      const { el } = await mount(`<kdx-chart data-test type="doughnut" src="${SRC}" plan="${PLAN}"></kdx-chart>`);
      const chart = await chartOf(el);
      expect(chart.data.datasets[0]!.data).to.deep.equal([108, 14, 2]);
      expect(rows(el)).to.deep.equal([
        ['達成', '108', '87.1%'],
        ['未達成（計算値）', '14', '11.3%'],
        ['数値未確定（計算値）', '2', '1.6%'],
      ]);
      expect(rows(el, 'tfoot')).to.deep.equal([['合計', '124', '100.0%']]);
      expect(q(el, 'canvas').getAttribute('aria-label')).to.equal(
        '金沢市行政経営プラン：達成状況の内訳。達成 108項目（87.1%）、未達成（計算値） 14項目（11.3%）、数値未確定（計算値） 2項目（1.6%）',
      );
      expect(q(el, '[part="note"]').textContent).to.equal(
        // The report's 合計 row has no ※: its 2 not yet fixed are policy 3's (「※うち 2 項目は数値未確定」), carried up.
        '未達成（計算値）は、項目数から達成と数値未確定の数を引いて求めた値で、資料に書かれた数ではありません。数値未確定（計算値）は、内訳の数を合計した値です。割合は件数から計算した値です。',
      );
      // Colour is not the only cue: the legend names each part with its count; the rate is in the middle.
      const legend = [...el.shadowRoot!.querySelectorAll('.legend li')].map((li) => li.textContent!.replace(/\s+/g, ''));
      expect(legend).to.deep.equal(['達成108項目（87.1%）', '未達成（計算値）14項目（11.3%）', '数値未確定（計算値）2項目（1.6%）']);
      expect(drawnTexts(chart)).to.include('87.1%');
      expect(tooltipAt(chart, 1)).to.deep.equal({ title: ['未達成（計算値）'], body: ['14項目（11.3%）'] });
      expect(readable(el)).to.not.match(GARBAGE);
      await expect(el).to.be.accessible();
    });

    it('splits by status when the data has a breakdown', async () => {
      const { el } = await mount(`<kdx-chart data-test lang="en" type="doughnut" src="${MINIMAL}" node="goal-a"></kdx-chart>`);
      expect(rows(el)).to.deep.equal([
        ['Achieved', '1', '33.3%'],
        ['In progress', '1', '33.3%'],
        ['Figures not yet fixed', '1', '33.3%'],
      ]);
      // Every part counted from the items' statuses: only the shares are calculated, and the note says that alone.
      expect(q(el, '[part="note"]').textContent).to.equal('Shares are calculated from the counts.');
      const chart = await chartOf(el);
      expect(chart.data.datasets[0]!.backgroundColor).to.deep.equal(['#197a4b', '#0017c1', '#4d4d4d']);
      await expect(el).to.be.accessible();
    });
  });

  describe('line: history by fiscal year', () => {
    it('draws goal B: FY2024 40.0%, FY2025 70.0%', async () => {
      const { el } = await mount(`<kdx-chart data-test type="line" src="${MINIMAL}" node="goal-b"></kdx-chart>`);
      const chart = await chartOf(el);
      expect(chart.data.datasets[0]!.data).to.deep.equal([40, 70]);
      expect(rows(el)).to.deep.equal([
        ['令和6年度', '10', '4', '0', '40.0%'],
        ['令和7年度', '10', '7', '1', '70.0%'],
      ]);
      expect(q(el, 'canvas').getAttribute('aria-label')).to.equal('目標B：年度ごとの推移。令和6年度 40.0%、令和7年度 70.0%');
      expect(drawnTexts(chart)).to.include.members(['40.0%', '70.0%']);
      expect(tooltipAt(chart, 1)).to.deep.equal({ title: ['令和7年度'], body: ['7/10項目（70.0%）'] });
      expect(readable(el)).to.not.match(GARBAGE);
      await expect(el).to.be.accessible();
    });

    it('speaks English', async () => {
      const { el } = await mount(`<kdx-chart data-test lang="en" type="line" src="${MINIMAL}" node="goal-b"></kdx-chart>`);
      expect(q(el, 'canvas').getAttribute('aria-label')).to.equal('Goal B: progress by fiscal year. FY2024 40.0%, FY2025 70.0%');
      expect(rows(el).map((r) => [r[0], r.at(-1)])).to.deep.equal([
        ['FY2024', '40.0%'],
        ['FY2025', '70.0%'],
      ]);
      expect(tooltipAt(await chartOf(el), 0).body).to.deep.equal(['4/10 items (40.0%)']);
    });
  });

  describe('the table alternative', () => {
    it('is a real table, visually hidden until the toggle shows it', async () => {
      const { el } = await mount(`<kdx-chart data-test src="${SRC}" plan="${PLAN}"></kdx-chart>`);
      const table = q(el, 'table');
      expect(table.querySelector('caption')!.textContent).to.equal('金沢市行政経営プラン：項目ごとの達成率');
      expect([...table.querySelectorAll('thead th')].map((th) => [th.getAttribute('scope'), th.textContent])).to.deep.equal([
        ['col', '項目'],
        ['col', '項目数'],
        ['col', '達成'],
        ['col', '数値未確定'],
        ['col', '達成率'],
      ]);
      expect(table.querySelectorAll('tbody th[scope="row"]')).to.have.length(3);

      const button = q<HTMLButtonElement>(el, 'button.toggle');
      const wrap = el.shadowRoot!.getElementById(button.getAttribute('aria-controls')!)!;
      expect(wrap.contains(table)).to.equal(true);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(button.textContent!.trim()).to.equal('表で見る');
      expect(wrap.getBoundingClientRect().width).to.be.at.most(1);

      button.click();
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(button.textContent!.trim()).to.equal('表を閉じる');
      expect(wrap.getBoundingClientRect().width).to.be.above(100);
      expect(q(el, 'tbody tr').getBoundingClientRect().height).to.be.above(0);
      await expect(el).to.be.accessible();

      button.click();
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(wrap.getBoundingClientRect().width).to.be.at.most(1);
    });

    it('is always printed, without the toggle', async () => {
      const { el } = await mount(`<kdx-chart data-test src="${SRC}" plan="${PLAN}"></kdx-chart>`);
      await emulateMedia({ media: 'print' });
      expect(q(el, '.table-wrap').getBoundingClientRect().width).to.be.above(100);
      expect(getComputedStyle(q(el, 'button.toggle')).display).to.equal('none');
      expect(q(el, '.frame').getBoundingClientRect().height).to.be.above(0);
    });

    it('redraws the canvas in print colours before printing, and back after', async () => {
      const { el } = await mount(`<kdx-chart data-test theme="dark" src="${SRC}" plan="${PLAN}"></kdx-chart>`);
      const tickColour = async () => ((await chartOf(el)).options.scales!.y!.ticks as { color: string }).color;
      expect(await tickColour()).to.equal('#f2f2f2');
      dispatchEvent(new Event('beforeprint'));
      expect(await tickColour()).to.equal('#000');
      expect((await chartOf(el)).options.animation).to.equal(false);
      dispatchEvent(new Event('afterprint'));
      expect(await tickColour()).to.equal('#f2f2f2');
    });

    it('has English headers with lang="en"', async () => {
      const { el } = await mount(`<kdx-chart data-test lang="en" src="${SRC}" plan="${PLAN}"></kdx-chart>`);
      expect([...el.shadowRoot!.querySelectorAll('thead th')].map((th) => th.textContent)).to.deep.equal(['Item', 'Items', 'Achieved', 'Not yet fixed', 'Rate']);
      expect(q(el, 'button.toggle').textContent!.trim()).to.equal('Show as table');
      expect(q(el, 'canvas').getAttribute('aria-label')).to.equal(
        'Kanazawa City Administrative Management Plan: achievement rate by item. Raising the quality of the administrative organization 97.4%, Raising the quality of co-creation 84.4%, Raising the quality of the fiscal base 80.0%',
      );
      expect(tooltipAt(await chartOf(el), 0).body).to.deep.equal(['38/39 items (97.4%)']);
      expect(readable(el)).to.not.match(GARBAGE);
      await expect(el).to.be.accessible();
    });
  });

  describe('life cycle', () => {
    it('destroys the chart on disconnect and draws a new one on reconnect', async () => {
      const { root, el } = await mount(`<kdx-chart data-test src="${SRC}" plan="${PLAN}"></kdx-chart>`);
      const Chart = await chartJs();
      const canvas = q<HTMLCanvasElement>(el, 'canvas');
      const first = Chart.getChart(canvas)!;
      expect(first).to.be.ok;
      el.remove();
      expect(Chart.getChart(canvas)).to.equal(undefined);
      expect(first.canvas).to.equal(null);

      root.append(el);
      await settled(el);
      const again = Chart.getChart(q<HTMLCanvasElement>(el, 'canvas'));
      expect(again).to.be.ok;
      expect(again).to.not.equal(first);
      expect(again!.data.datasets[0]!.data).to.deep.equal([97.4, 84.4, 80.0]);
      expect(el.shadowRoot!.querySelectorAll('canvas')).to.have.length(1);
    });

    it('follows type and lang changes', async () => {
      const { el } = await mount(`<kdx-chart data-test src="${SRC}" plan="${PLAN}"></kdx-chart>`);
      el.setAttribute('type', 'doughnut');
      await settled(el);
      expect((await chartOf(el)).data.datasets[0]!.data).to.deep.equal([108, 14, 2]);
      el.setAttribute('lang', 'en');
      await settled(el);
      expect(rows(el).map((r) => r[0])).to.deep.equal(['Achieved', 'Not achieved (calculated)', 'Not yet fixed (calculated)']);
      expect((await chartOf(el)).data.labels).to.deep.equal(['Achieved', 'Not achieved (calculated)', 'Not yet fixed (calculated)']);
    });

    it('resizes with its container; height from --kdx-chart-height', async () => {
      // No animation: chart.js defers a resize while one runs, and a test page in the background gets no frames.
      await emulateMedia({ reducedMotion: 'reduce' });
      const { root, el } = await mount(`<kdx-chart data-test src="${SRC}" plan="${PLAN}"></kdx-chart>`);
      const chart = await chartOf(el);
      // chart.resize() measures the container now, instead of waiting for chart.js's ResizeObserver and frame.
      const frame = q(el, '.frame');
      root.style.width = '600px';
      await until(() => (chart.resize(), chart.width === frame.clientWidth));
      expect(frame.clientWidth).to.be.within(500, 600);
      expect(chart.height).to.equal(300);
      root.style.width = '320px';
      root.style.setProperty('--kdx-chart-height', '200px');
      await until(() => (chart.resize(), chart.width === frame.clientWidth && chart.height === 200));
      expect(frame.clientWidth).to.be.within(250, 320);
    });

    it('does not animate under prefers-reduced-motion', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const { el } = await mount(`<kdx-chart data-test src="${SRC}" plan="${PLAN}"></kdx-chart>`);
      expect((await chartOf(el)).options.animation).to.equal(false);
      await emulateMedia({ reducedMotion: 'no-preference' });
      const { el: moving } = await mount(`<kdx-chart data-test src="${SRC}" plan="${PLAN}"></kdx-chart>`);
      expect((await chartOf(moving)).options.animation).to.not.equal(false);
    });

    it('puts no style attribute in its shadow DOM except chart.js’s own on the canvas (strict CSP)', async () => {
      const { el } = await mount(`<kdx-chart data-test type="doughnut" src="${SRC}" plan="${PLAN}"></kdx-chart>`);
      const styled = [...el.shadowRoot!.querySelectorAll('[style]')].map((e) => e.localName);
      expect(styled.filter((n) => n !== 'canvas')).to.deep.equal([]);
      expect(el.shadowRoot!.querySelector('style')).to.equal(null);
    });

    it('follows the system colour scheme with theme="auto"', async () => {
      const { el } = await mount(`<kdx-chart data-test theme="auto" src="${SRC}" plan="${PLAN}"></kdx-chart>`);
      const Chart = await chartJs();
      const colour = () => {
        const chart = Chart.getChart(el.shadowRoot!.querySelector('canvas')!);
        return (chart?.data.datasets[0]!.backgroundColor as string[] | undefined)?.[0];
      };
      expect(colour()).to.equal('#0017c1');
      // A test page in the background gets no media-query change events (they come with rendering), so the
      // widget's handler is called here as the event would call it.
      const schemeChanged = async () => {
        (el as unknown as { onSchemeChange(): void }).onSchemeChange();
        await el.updateComplete;
      };
      await emulateMedia({ colorScheme: 'dark' });
      await schemeChanged();
      expect(colour()).to.equal('#9db7f9');
      await emulateMedia({ colorScheme: 'light' });
      await schemeChanged();
      expect(colour()).to.equal('#0017c1');
    });

    it('takes data from the nearest <kdx-plan>', async () => {
      const { el } = await mount(`<kdx-plan src="${SRC}" plan="${PLAN}"><kdx-chart data-test type="doughnut"></kdx-chart></kdx-plan>`);
      expect((await chartOf(el)).data.datasets[0]!.data).to.deep.equal([108, 14, 2]);
    });
  });

  describe('errors', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['bar of a node without children', `type="bar" src="${MINIMAL}" node="goal-b"`, /項目「goal-b」.*「目標B」には達成率を比べる下位項目がありません/],
      ['bar of children without data', `src="${MINIMAL}" node="goal-c"`, /「目標C（データなし）」には達成率を比べる下位項目がありません/],
      ['line of a node without history', `type="line" src="${SRC}" plan="${PLAN}"`, /「金沢市行政経営プラン」には年度ごとの推移データがありません/],
      ['doughnut of a node without progress', `type="doughnut" src="${MINIMAL}" node="goal-c"`, /「目標C（データなし）」には進捗データがありません/],
      ['doughnut of an empty plan', `type="doughnut" src="${MINIMAL}" plan="second-plan"`, /「第二の計画」には進捗データがありません/],
    ];
    for (const [name, attrs, message] of cases) {
      it(`says so for a ${name}: role="alert" and one kdx-error`, async () => {
        const { el, event } = await mount(`<kdx-chart data-test ${attrs}></kdx-chart>`);
        expect((event as KdxErrorEvent).detail.code).to.equal('wrong-kind');
        const alert = await expectErrorShown(el, event, message);
        expect(alert.textContent).to.contain('<kdx-chart>');
        expect(el.shadowRoot!.querySelector('canvas')).to.equal(null);
        expect(readable(el)).to.not.match(GARBAGE);
        await expectNoRepeatedError(el);
      });
    }

    it('says so in English', async () => {
      const { el } = await mount(`<kdx-chart data-test lang="en" type="line" src="${SRC}" plan="${PLAN}"></kdx-chart>`);
      expect(q(el, '[role="alert"]').textContent).to.contain('"Kanazawa City Administrative Management Plan" has no history by fiscal year');
      await expect(el).to.be.accessible();
    });

    it('recovers when the node changes to one it can show', async () => {
      const { el } = await mount(`<kdx-chart data-test type="line" src="${MINIMAL}" node="goal-a"></kdx-chart>`);
      expect(q(el, '[role="alert"]')).to.be.ok;
      el.setAttribute('node', 'goal-b');
      await settled(el);
      expect((await chartOf(el)).data.datasets[0]!.data).to.deep.equal([40, 70]);
    });
  });
});

describe('chart data (pure)', () => {
  it('builds the same figures without a DOM', async () => {
    const model = buildModel(await seed('kanazawa'));
    const plan = model.plan(PLAN)!;
    const bar = chartModel(plan.root, 'bar', 'ja', model.statuses);
    expect(bar.values).to.deep.equal([97.4, 84.4, 80.0]);
    expect(bar.tooltips).to.deep.equal(['38/39項目（97.4%）', '38/45項目（84.4%）', '32/40項目（80.0%）']);
    const doughnut = chartModel(plan.root, 'doughnut', 'en', model.statuses);
    expect(doughnut.values).to.deep.equal([108, 14, 2]);
    expect(doughnut.centre).to.equal('87.1%');
    expect(chartProblem(plan.root, 'line')).to.equal('chart-no-history');
    expect(chartProblem(plan.root, 'bar')).to.equal(null);
  });

  it('wraps labels between words or phrases, cuts them at the end only, and formats ticks', () => {
    // A measure of one unit a character (the canvas measures in the tick font).
    const chars = (t: string) => [...t].length;
    const wrap = (label: string, lang: 'ja' | 'en', room: number, max = 3) => wrapLabel(label, lang, chars, room, max);
    expect(wrap('行政組織の質を高める', 'ja', 10)).to.deep.equal({ lines: ['行政組織の質を高める'], over: false });
    // After a particle, not inside 「組織」 or 「高める」.
    expect(wrap('行政組織の質を高める', 'ja', 6).lines).to.deep.equal(['行政組織の', '質を高める']);
    // The era apart from its year, the year with its counter: never 「令和元年|度」.
    expect(wrap('令和元年度', 'ja', 4).lines).to.deep.equal(['令和', '元年度']);
    expect(wrap('令和6年度', 'ja', 3).lines).to.deep.equal(['令和', '6年度']);
    expect(wrap('Raising the quality of the administrative organization', 'en', 18)).to.deep.equal({
      lines: ['Raising the', 'quality of the', 'administrative…'],
      over: true,
    });
    expect(wrap('Raising the quality of the administrative organization', 'en', 18, 4)).to.deep.equal({
      lines: ['Raising the', 'quality of the', 'administrative', 'organization'],
      over: false,
    });
    // A word is never broken: too wide for its room, it is said so.
    expect(wrap('FY2019', 'en', 4)).to.deep.equal({ lines: ['FY2019'], over: true });
    // Cut at the end, between words, the ellipsis within the room.
    expect(wrap('共創の質を高めるまちづくりの推進と新たな価値の創出', 'ja', 6, 2)).to.deep.equal({ lines: ['共創の質を', '高めるまち…'], over: true });
    expect(formatTick(40, 'ja')).to.equal('40%');
    expect(formatTick(100, 'en')).to.equal('100%');
  });
});
