import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { tokenArgTypes } from './support/controls.js';
import {
  allStatuses,
  AMP,
  BROKEN,
  EXAMPLES,
  HTML_PAGE,
  inlinePlan,
  KANAZAWA,
  loadSeeds,
  longTitles,
  MINIMAL,
  MISSING,
  seedsOf,
  UNREACHABLE,
} from './support/data.js';
import { forcedColours } from './support/forced-colours.js';
import { loading } from './support/loading.js';
import { attr, commonArgTypes, grid, ifDefined, labelled, type WidgetArgs } from './support/widgets.js';

interface ProgressArgs extends WidgetArgs {
  variant?: 'bar' | 'ring' | 'inline' | '';
  breakdown?: boolean;
  scale?: string;
}

const progress = (a: ProgressArgs) =>
  html`<kdx-progress
    src=${ifDefined(attr(a.src))}
    lang=${ifDefined(attr(a.lang))}
    plan=${ifDefined(attr(a.plan))}
    node=${ifDefined(attr(a.node))}
    variant=${ifDefined(attr(a.variant))}
    ?breakdown=${!!a.breakdown}
    scale=${ifDefined(attr(a.scale))}
    theme=${ifDefined(attr(a.theme))}
    @kdx-load=${a.onKdxLoad}
    @kdx-error=${a.onKdxError}
  ></kdx-progress>`;

/** Every variant of one node, for the theme, width and language stories. */
const variants = (a: ProgressArgs) =>
  grid(
    labelled('bar', progress({ ...a, variant: 'bar' })),
    labelled('ring', progress({ ...a, variant: 'ring' })),
    labelled('breakdown', progress({ ...a, src: MINIMAL, plan: '', node: 'goal-a', variant: 'bar', breakdown: true })),
    labelled('inline', html`<p>${progress({ ...a, variant: 'inline' })}</p>`),
  );

const meta = {
  title: 'Widgets/kdx-progress',
  component: 'kdx-progress',
  args: { src: KANAZAWA, lang: '', plan: AMP, node: '', variant: 'bar', breakdown: false, scale: '', theme: '' },
  argTypes: {
    ...commonArgTypes('kdx-progress'),
    variant: { control: { type: 'inline-radio' }, options: ['bar', 'ring', 'inline'] },
    breakdown: { control: { type: 'boolean' } },
    scale: { control: { type: 'text' } },
    ...tokenArgTypes('kdx-progress'),
  },
  render: (a) => progress(a),
} satisfies Meta<ProgressArgs>;

export default meta;
type Story = StoryObj<ProgressArgs>;

/** The plan as a whole: 124 items, 108 achieved (87.1%), as the report prints it. */
export const Bar: Story = {};

export const Ring: Story = { args: { variant: 'ring' } };

/** In running text: the sentence is the page's, the meter is the widget. */
export const Inline: Story = {
  args: { variant: 'inline' },
  render: (a, { globals }) =>
    globals.lang === 'en'
      ? html`<p>The achievement rate of the plan’s items is ${progress(a)}.</p>`
      : html`<p>取組事項の達成率は${progress(a)}です。</p>`,
};

/** The three policies, one widget each, inside one `<kdx-plan>` (one request for all). */
export const Policies: Story = {
  render: (a) =>
    html`<kdx-plan src=${ifDefined(attr(a.src))} plan=${ifDefined(attr(a.plan))}>
      ${grid(...['policy-1', 'policy-2', 'policy-3'].map((node) => progress({ ...a, src: '', plan: '', node })))}
    </kdx-plan>`,
};

/** 2 of policy 3's items have no figures yet (※うち2項目は数値未確定): shown as a note. */
export const Unconfirmed: Story = { args: { node: 'policy-3' } };

/** Counts by status, from the items' statuses (fixture `minimal.json`). */
export const Breakdown: Story = { args: { src: MINIMAL, plan: '', node: 'goal-a', breakdown: true } };

/** One item in each status of the fixture's vocabulary: 達成, 取組中, 遅れ, 数値未確定. */
export const AllStatuses: Story = {
  args: { src: '', plan: '', node: 'goal-a', breakdown: true },
  loaders: [loadSeeds],
  render: (a, ctx) =>
    inlinePlan(allStatuses(seedsOf(ctx)), undefined, grid(progress(a), progress({ ...a, variant: 'ring' }))),
};

/** An item the report gives no figures for: "no progress data", never 0%. */
export const NoData: Story = {
  args: { node: 'R7-1' },
  render: (a) =>
    grid(
      labelled('bar', progress(a)),
      labelled('ring', progress({ ...a, variant: 'ring' })),
      labelled('inline', html`<p>${progress({ ...a, variant: 'inline' })}</p>`),
      labelled('minimal.json: goal-c', progress({ ...a, src: MINIMAL, plan: '', node: 'goal-c' })),
      labelled('minimal.json: second-plan (0 items)', progress({ ...a, src: MINIMAL, plan: 'second-plan', node: '' })),
    ),
};

/**
 * A grade scale of a fictional city's report (seeds/examples/grades.json): S 計画以上 … C ほとんど進んでいない, S and A
 * counted as achieved. The headline is the table of counts and shares as printed, with the rate the plan names.
 */
export const GradeScale: Story = {
  args: { src: EXAMPLES.grades, plan: '' },
  render: (a) =>
    grid(
      labelled('the plan', progress(a)),
      labelled('policy-3 (ring): shares 8.3 + 58.3 + 25.0 + 8.3', progress({ ...a, node: 'policy-3', variant: 'ring' })),
      labelled('inline', html`<p>${progress({ ...a, variant: 'inline' })}</p>`),
    ),
};

/** Two status dimensions on the same 7 items (two-dimensions.json): 達成度, the headline, and 実施状況, without a rate. */
export const TwoDimensions: Story = {
  args: { src: EXAMPLES.twoDimensions, plan: '' },
  render: (a) => grid(labelled('達成度 (the first scale)', progress(a)), labelled('scale="implementation"', progress({ ...a, scale: 'implementation' }))),
};

/** Counts as of 2016-03-31 beside the previous report's, the change per grade with ▲, the rate's change and the base (year-over-year.json). */
export const YearOverYear: Story = {
  args: { src: EXAMPLES.yearOverYear, plan: '' },
  render: (a) => grid(labelled('the plan', progress(a)), labelled('node="service"', progress({ ...a, node: 'service' }))),
};

export const English: Story = { globals: { lang: 'en' }, render: variants };

export const Dark: Story = { args: { theme: 'dark' }, render: variants };

/**
 * Windows contrast themes and other forced colours replace every colour with the reader's system colours. The
 * picture is the build's rendering with forced colours emulated (see stories/support/forced-colours.ts). The
 * meter must stay readable: track border, fill and text in system colours.
 */
export const ForcedColours: Story = { tags: ['forced-colors'], render: (a, ctx) => forcedColours(ctx.id, variants(a)) };

/** A 320 px column: the narrowest phone a city site supports. */
export const Narrow: Story = { globals: { width: '320' }, render: variants };

export const Wide: Story = { globals: { width: '1200' }, render: variants };

/** A title that wraps over several lines, and one unbroken run that must wrap rather than overflow. */
export const LongTitle: Story = {
  args: { src: '', plan: '', node: 'goal-b' },
  loaders: [loadSeeds],
  render: (a, ctx) =>
    inlinePlan(
      longTitles(seedsOf(ctx)),
      undefined,
      grid(progress(a), progress({ ...a, variant: 'ring' }), progress({ ...a, node: 'A-2', variant: 'bar' })),
    ),
};

/** The two forms side by side: its own `src` (standalone) and inside `<kdx-plan>` (the provider's data). */
export const StandaloneAndProvider: Story = {
  args: { node: 'policy-1' },
  render: (a) =>
    grid(
      labelled('standalone: <kdx-progress src>', progress(a)),
      labelled(
        'provider: <kdx-plan src> <kdx-progress>',
        html`<kdx-plan src=${ifDefined(attr(a.src))} plan=${ifDefined(attr(a.plan))}>${progress({ ...a, src: '', plan: '' })}</kdx-plan>`,
      ),
    ),
};

/** While the bundle loads (kept loading by a story-only provider; see stories/support/loading.ts). */
export const Loading: Story = {
  tags: ['kdx-loading'],
  args: { src: '' },
  render: (a) => loading(grid(progress(a), progress({ ...a, variant: 'ring' }), html`<p>${progress({ ...a, variant: 'inline' })}</p>`)),
};

export const ErrorNotFound: Story = { name: 'Error: 404', tags: ['kdx-error'], args: { src: MISSING } };

/** `src` points at a web page (here an HTML error page served with status 200). */
export const ErrorNotJson: Story = { name: 'Error: not JSON', tags: ['kdx-error'], args: { src: HTML_PAGE } };

/** `seeds/broken.json`: the message gives the first problem with its JSON path. */
export const ErrorInvalid: Story = { name: 'Error: invalid bundle', tags: ['kdx-error'], args: { src: BROKEN, plan: '' } };

export const ErrorUnknownPlan: Story = { name: 'Error: unknown plan', tags: ['kdx-error'], args: { plan: 'no-such-plan' } };

export const ErrorUnknownNode: Story = { name: 'Error: unknown node', tags: ['kdx-error'], args: { node: 'R9-99' } };

/** Neither `src` nor a `<kdx-plan>` around it. */
export const ErrorNoSource: Story = { name: 'Error: no source', tags: ['kdx-error'], args: { src: '' } };

/** The server cannot be reached (offline, or another site without CORS): retried twice, then "Try again". */
export const ErrorNetwork: Story = { name: 'Error: network', tags: ['kdx-error'], args: { src: UNREACHABLE } };
