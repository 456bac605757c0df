import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { tokenArgTypes } from './support/controls.js';
import { allStatuses, AMP, BROKEN, EXAMPLES, HTML_PAGE, inlinePlan, KANAZAWA, longTitles, MINIMAL, loadSeeds, MISSING, seedsOf } from './support/data.js';
import { forcedColours } from './support/forced-colours.js';
import { loading } from './support/loading.js';
import { attr, commonArgTypes, grid, ifDefined, labelled, type WidgetArgs } from './support/widgets.js';

interface ChartArgs extends WidgetArgs {
  type?: 'bar' | 'doughnut' | 'line' | 'distribution' | 'indicator' | '';
  scale?: string;
  indicator?: number;
}

const chart = (a: ChartArgs) =>
  html`<kdx-chart
    src=${ifDefined(attr(a.src))}
    lang=${ifDefined(attr(a.lang))}
    plan=${ifDefined(attr(a.plan))}
    node=${ifDefined(attr(a.node))}
    type=${ifDefined(attr(a.type))}
    scale=${ifDefined(attr(a.scale))}
    indicator=${ifDefined(attr(a.indicator))}
    theme=${ifDefined(attr(a.theme))}
    @kdx-load=${a.onKdxLoad}
    @kdx-error=${a.onKdxError}
  ></kdx-chart>`;

/** The three types, for the theme, width and language stories. */
const types = (a: ChartArgs) =>
  grid(
    labelled('bar', chart({ ...a, type: 'bar' })),
    labelled('doughnut', chart({ ...a, type: 'doughnut' })),
    labelled('line (minimal.json: goal-b)', chart({ ...a, src: MINIMAL, plan: '', node: 'goal-b', type: 'line' })),
  );

const meta = {
  title: 'Widgets/kdx-chart',
  component: 'kdx-chart',
  args: { src: KANAZAWA, lang: '', plan: AMP, node: '', type: 'bar', theme: '' },
  argTypes: {
    ...commonArgTypes('kdx-chart'),
    type: { control: { type: 'inline-radio' }, options: ['bar', 'doughnut', 'line', 'distribution', 'indicator'] },
    scale: { control: { type: 'text' } },
    indicator: { control: { type: 'number', min: 0, step: 1 } },
    ...tokenArgTypes('kdx-chart'),
  },
  render: (a) => chart(a),
} satisfies Meta<ChartArgs>;

export default meta;
type Story = StoryObj<ChartArgs>;

/** The achievement rate of each policy (基本方針ごとの達成率). */
export const Bar: Story = {};

/** The plan's 124 items: achieved, not achieved, figures not yet fixed. */
export const Doughnut: Story = { args: { type: 'doughnut' } };

/** Rate by fiscal year, from a node's `history` (the Kanazawa report has none: fixture `minimal.json`). */
export const Line: Story = { args: { src: MINIMAL, plan: '', node: 'goal-b', type: 'line' } };

/** The items of a node by status, when the data breaks them down (fixture with all four statuses). */
export const AllStatuses: Story = {
  args: { src: '', plan: '', node: 'goal-a', type: 'doughnut' },
  loaders: [loadSeeds],
  render: (a, ctx) => inlinePlan(allStatuses(seedsOf(ctx)), undefined, chart(a)),
};

/** The same data as a table: what screen readers, print and "show the table" give. */
export const TableShown: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('kdx-chart')!;
    for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('button'); i++) await new Promise((r) => setTimeout(r, 50));
    el.shadowRoot?.querySelector<HTMLButtonElement>('button[aria-controls]')?.click();
  },
};

/** Counts by grade over three years, stacked, with the table (a fictional city's report: year-over-year.json). */
export const Distribution: Story = { args: { src: EXAMPLES.yearOverYear, plan: '', type: 'distribution' } };

/** An indicator's actuals against its baseline and target, dashed (indicators.json); one where lower is better. */
export const Indicator: Story = {
  args: { src: EXAMPLES.indicators, plan: 'city-plan', type: 'indicator' },
  render: (a) => grid(labelled('2-1', chart({ ...a, node: '2-1' })), labelled('lower is better (1-3)', chart({ ...a, node: '1-3' }))),
};

/** A grade scale as a doughnut (grades.json), and a scale without achieved grades (two-dimensions.json, 実施状況). */
export const GradeDoughnut: Story = {
  args: { plan: '', type: 'doughnut' },
  render: (a) =>
    grid(
      labelled('grades.json', chart({ ...a, src: EXAMPLES.grades })),
      labelled('two-dimensions.json, scale="implementation"', chart({ ...a, src: EXAMPLES.twoDimensions, scale: 'implementation' })),
    ),
};

export const English: Story = { globals: { lang: 'en' }, render: types };

export const Dark: Story = { args: { theme: 'dark' }, render: types };

/**
 * Forced colours (Windows contrast themes), pictured by the build with them emulated (see
 * stories/support/forced-colours.ts): the canvas is drawn in the reader's system colours.
 */
export const ForcedColours: Story = { tags: ['forced-colors'], render: (a, ctx) => forcedColours(ctx.id, types(a)) };

export const Narrow: Story = { globals: { width: '320' }, render: types };

export const Wide: Story = { globals: { width: '1200' }, render: types };

/** A very long label among the bars. */
export const LongTitle: Story = {
  args: { src: '', plan: '' },
  loaders: [loadSeeds],
  render: (a, ctx) => inlinePlan(longTitles(seedsOf(ctx)), undefined, grid(chart(a), chart({ ...a, type: 'doughnut', node: 'goal-b' }))),
};

export const StandaloneAndProvider: Story = {
  render: (a) =>
    grid(
      labelled('standalone: <kdx-chart src>', chart(a)),
      labelled(
        'provider: <kdx-plan src> <kdx-chart>',
        html`<kdx-plan src=${ifDefined(attr(a.src))} plan=${ifDefined(attr(a.plan))}>${chart({ ...a, src: '', plan: '' })}</kdx-plan>`,
      ),
    ),
};

/** While the bundle loads (kept loading by a story-only provider; see stories/support/loading.ts). */
export const Loading: Story = { tags: ['kdx-loading'], args: { src: '' }, render: (a) => loading(chart(a)) };

/** A node without progress data cannot be charted: the widget says so (code `wrong-kind`). */
export const NoData: Story = {
  name: 'No data',
  tags: ['kdx-error'],
  args: { src: MINIMAL, plan: '', node: 'goal-c', type: 'doughnut' },
};

export const ErrorWrongKindBar: Story = {
  name: 'Error: wrong kind (bar of an item without sub-items)',
  tags: ['kdx-error'],
  args: { node: 'R7-1', type: 'bar' },
};

export const ErrorWrongKindLine: Story = {
  name: 'Error: wrong kind (line without history)',
  tags: ['kdx-error'],
  args: { type: 'line' },
};

export const ErrorNotFound: Story = { name: 'Error: 404', tags: ['kdx-error'], args: { src: MISSING } };

export const ErrorNotJson: Story = { name: 'Error: not JSON', tags: ['kdx-error'], args: { src: HTML_PAGE } };

export const ErrorInvalid: Story = { name: 'Error: invalid bundle', tags: ['kdx-error'], args: { src: BROKEN, plan: '' } };

export const ErrorUnknownPlan: Story = { name: 'Error: unknown plan', tags: ['kdx-error'], args: { plan: 'no-such-plan' } };

export const ErrorUnknownNode: Story = { name: 'Error: unknown node', tags: ['kdx-error'], args: { node: 'R9-99' } };

export const ErrorNoSource: Story = { name: 'Error: no source', tags: ['kdx-error'], args: { src: '' } };
