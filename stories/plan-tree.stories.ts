import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { tokenArgTypes } from './support/controls.js';
import { allStatuses, AMP, BROKEN, DX, EXAMPLES, HTML_PAGE, inlinePlan, KANAZAWA, longTitles, MINIMAL, loadSeeds, MISSING, seedsOf } from './support/data.js';
import { forcedColours } from './support/forced-colours.js';
import { loading } from './support/loading.js';
import { attr, commonArgTypes, grid, ifDefined, labelled, type WidgetArgs } from './support/widgets.js';

interface TreeArgs extends WidgetArgs {
  'expand-depth'?: number;
  selected?: string;
  'link-hash'?: boolean;
  scale?: string;
  onKdxNodeSelect?: (e: Event) => void;
  /** Story only: text typed into the filter box by the play function. */
  filterText?: string;
}

const tree = (a: TreeArgs) =>
  html`<kdx-plan-tree
    src=${ifDefined(attr(a.src))}
    lang=${ifDefined(attr(a.lang))}
    plan=${ifDefined(attr(a.plan))}
    node=${ifDefined(attr(a.node))}
    expand-depth=${ifDefined(attr(a['expand-depth']))}
    selected=${ifDefined(attr(a.selected))}
    ?link-hash=${!!a['link-hash']}
    scale=${ifDefined(attr(a.scale))}
    theme=${ifDefined(attr(a.theme))}
    @kdx-load=${a.onKdxLoad}
    @kdx-error=${a.onKdxError}
    @kdx-node-select=${a.onKdxNodeSelect}
  ></kdx-plan-tree>`;

/** Two plans of different shapes, for the theme, width and language stories. */
const shapes = (a: TreeArgs) =>
  grid(
    labelled('administrative-management-plan', tree({ ...a, selected: 'R7-18' })),
    labelled('dx-action-plan-2', tree({ ...a, plan: DX })),
  );

const meta = {
  title: 'Widgets/kdx-plan-tree',
  component: 'kdx-plan-tree',
  args: { src: KANAZAWA, lang: '', plan: AMP, node: '', 'expand-depth': 1, selected: '', 'link-hash': false, theme: '' },
  argTypes: {
    ...commonArgTypes('kdx-plan-tree'),
    // Controls by attribute name, as a page author writes them (the properties are in the table, without controls).
    'expand-depth': { control: { type: 'number', min: 0, max: 9, step: 1 } },
    selected: { control: { type: 'text' } },
    'link-hash': { control: { type: 'boolean' } },
    filterText: { table: { disable: true } },
    ...tokenArgTypes('kdx-plan-tree'),
  },
  render: (a) => tree(a),
} satisfies Meta<TreeArgs>;

export default meta;
type Story = StoryObj<TreeArgs>;

/** 金沢市行政経営プラン: policies, their areas and main initiatives, with the report's rates. */
export const Default: Story = {};

/** Every level open. */
export const ExpandAll: Story = { args: { 'expand-depth': 9 } };

/** Only the top-level items, closed. */
export const Collapsed: Story = { args: { 'expand-depth': 0 } };

/** 金沢市DXアクションプラン2.0 as a plan: its guidelines, 【視点1】【視点2】 and 【分野1】–【分野5】, in its own words (no progress data). */
export const DxActionPlan: Story = { args: { plan: DX, 'expand-depth': 2 } };

/** Below one node: policy 2's areas and initiatives. */
export const Subtree: Story = { args: { node: 'policy-2', 'expand-depth': 1 } };

/** A selected node (the way to it is opened). */
export const Selected: Story = { args: { selected: 'R7-18' } };

/** `link-hash`: the selection is written to the address as `#<node-id>`, and read from it on load. */
export const LinkHash: Story = { args: { 'link-hash': true } };

/** The filter box, with text typed in (play function). */
export const Filtered: Story = {
  args: { filterText: '木' },
  play: async ({ canvasElement, args }) => {
    const el = canvasElement.querySelector('kdx-plan-tree')!;
    let input: HTMLInputElement | null | undefined;
    for (let i = 0; i < 100 && !(input = el.shadowRoot?.querySelector('input')); i++) await new Promise((r) => setTimeout(r, 50));
    if (!input) return;
    input.value = args.filterText ?? '';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await new Promise((r) => setTimeout(r, 400)); // the widget waits for a pause in typing
  },
};

/** Rates from statuses (fixture with one item in each of its four statuses). */
export const AllStatuses: Story = {
  args: { src: '', plan: '', 'expand-depth': 9 },
  loaders: [loadSeeds],
  render: (a, ctx) => inlinePlan(allStatuses(seedsOf(ctx)), undefined, tree(a)),
};

/** Items without progress data, next to items with it (fixture `minimal.json`: goal C). */
export const NoData: Story = { args: { src: MINIMAL, plan: '', 'expand-depth': 9 } };

/** Each item's grade written out, and the filter by grade (a fictional city's report: seeds/examples/grades.json). */
export const Grades: Story = { args: { src: EXAMPLES.grades, plan: '', 'expand-depth': 2 } };

/** Grades computed from indicators by the plan's rule (indicators.json), and a second scale (two-dimensions.json). */
export const GradesComputedAndSecondScale: Story = {
  args: { plan: '', 'expand-depth': 2 },
  render: (a) =>
    grid(
      labelled('indicators.json (computed grades)', tree({ ...a, src: EXAMPLES.indicators })),
      labelled('two-dimensions.json, scale="implementation"', tree({ ...a, src: EXAMPLES.twoDimensions, scale: 'implementation' })),
    ),
};

export const English: Story = { globals: { lang: 'en' }, render: shapes };

export const Dark: Story = { args: { theme: 'dark' }, render: shapes };

/**
 * Forced colours (Windows contrast themes), pictured by the build with them emulated (see
 * stories/support/forced-colours.ts). Selection and focus stay visible in system colours; other rows show no bar.
 */
export const ForcedColours: Story = { tags: ['forced-colors'], render: (a, ctx) => forcedColours(ctx.id, shapes(a)) };

export const Narrow: Story = { globals: { width: '320' }, args: { selected: 'R7-18' } };

export const Wide: Story = { globals: { width: '1200' }, args: { selected: 'R7-18' } };

/** Long titles at every level, and an unbroken run that must wrap. */
export const LongTitle: Story = {
  args: { src: '', plan: '', selected: 'A-2' },
  loaders: [loadSeeds],
  render: (a, ctx) => inlinePlan(longTitles(seedsOf(ctx)), undefined, tree(a)),
};

export const StandaloneAndProvider: Story = {
  args: { 'expand-depth': 0 },
  render: (a) =>
    grid(
      labelled('standalone: <kdx-plan-tree src>', tree(a)),
      labelled(
        'provider: <kdx-plan src> <kdx-plan-tree>',
        html`<kdx-plan src=${ifDefined(attr(a.src))} plan=${ifDefined(attr(a.plan))}>${tree({ ...a, src: '', plan: '' })}</kdx-plan>`,
      ),
    ),
};

/** While the bundle loads (kept loading by a story-only provider; see stories/support/loading.ts). */
export const Loading: Story = { tags: ['kdx-loading'], args: { src: '' }, render: (a) => loading(tree(a)) };

/** An item without sub-items has no tree to show (code `wrong-kind`). */
export const ErrorWrongKind: Story = { name: 'Error: wrong kind (no sub-items)', tags: ['kdx-error'], args: { node: 'R7-1' } };

export const ErrorNotFound: Story = { name: 'Error: 404', tags: ['kdx-error'], args: { src: MISSING } };

export const ErrorNotJson: Story = { name: 'Error: not JSON', tags: ['kdx-error'], args: { src: HTML_PAGE } };

export const ErrorInvalid: Story = { name: 'Error: invalid bundle', tags: ['kdx-error'], args: { src: BROKEN, plan: '' } };

export const ErrorUnknownPlan: Story = { name: 'Error: unknown plan', tags: ['kdx-error'], args: { plan: 'no-such-plan' } };

export const ErrorUnknownNode: Story = { name: 'Error: unknown node', tags: ['kdx-error'], args: { node: 'R9-99' } };

export const ErrorNoSource: Story = { name: 'Error: no source', tags: ['kdx-error'], args: { src: '' } };
