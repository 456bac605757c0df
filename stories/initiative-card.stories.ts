import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { tokenArgTypes } from './support/controls.js';
import { allStatuses, AMP, BROKEN, DX, EXAMPLES, HTML_PAGE, inlinePlan, KANAZAWA, longTitles, MINIMAL, loadSeeds, MISSING, seedsOf } from './support/data.js';
import { forcedColours } from './support/forced-colours.js';
import { loading } from './support/loading.js';
import { attr, commonArgTypes, grid, ifDefined, labelled, type WidgetArgs } from './support/widgets.js';

interface CardArgs extends WidgetArgs {
  'heading-level'?: number;
}

const card = (a: CardArgs) =>
  html`<kdx-initiative-card
    src=${ifDefined(attr(a.src))}
    lang=${ifDefined(attr(a.lang))}
    plan=${ifDefined(attr(a.plan))}
    node=${ifDefined(attr(a.node))}
    heading-level=${ifDefined(attr(a['heading-level']))}
    theme=${ifDefined(attr(a.theme))}
    @kdx-load=${a.onKdxLoad}
    @kdx-error=${a.onKdxError}
  ></kdx-initiative-card>`;

/** A Kanazawa initiative, a policy with counts, and a fixture item with everything the format allows. */
const kinds = (a: CardArgs) =>
  grid(
    labelled('initiative (R7-1)', card(a)),
    labelled('policy with counts (policy-3)', card({ ...a, node: 'policy-3' })),
    labelled('every field (minimal.json: A-1)', card({ ...a, src: MINIMAL, plan: '', node: 'A-1' })),
  );

const meta = {
  title: 'Widgets/kdx-initiative-card',
  component: 'kdx-initiative-card',
  args: { src: KANAZAWA, lang: '', plan: AMP, node: 'R7-1', 'heading-level': 3, theme: '' },
  argTypes: {
    ...commonArgTypes('kdx-initiative-card'),
    // Controls by attribute name, as a page author writes them (the property is in the table, without a control).
    'heading-level': { control: { type: 'number', min: 1, max: 6, step: 1 } },
    ...tokenArgTypes('kdx-initiative-card'),
  },
  render: (a) => card(a),
} satisfies Meta<CardArgs>;

export default meta;
type Story = StoryObj<CardArgs>;

/** 避難所の入退所等に活用できるデジタル市民パスポートの導入 (R7-1): the report gives no status for single items. */
export const Initiative: Story = {};

/** Flagged 【数値目標】 in the report, without values (R6-33). */
export const NumericTarget: Story = { args: { node: 'R6-33' } };

/** A policy: its counts and rate instead of a status. */
export const Policy: Story = { args: { node: 'policy-1' } };

/**
 * Indicators of a fictional city's plan (seeds/examples/indicators.json): baseline → target with their years, actuals
 * per year and unit, and the grade with how it was reached — computed by the rule, stated by the report (and what the
 * rule would give), or not possible without an actual; an indicator where lower is better; an attainment scale.
 */
export const Indicators: Story = {
  args: { src: EXAMPLES.indicators, plan: 'city-plan' },
  render: (a) =>
    grid(
      labelled('computed: A (2-1)', card({ ...a, node: '2-1' })),
      labelled('stated: A, the rule gives S (2-2)', card({ ...a, node: '2-2' })),
      labelled('no actual: − (2-3)', card({ ...a, node: '2-3' })),
      labelled('lower is better: C (1-3)', card({ ...a, node: '1-3' })),
      labelled('attainment scale a–d (dx-plan: D-2)', card({ ...a, plan: 'dx-plan', node: 'D-2' })),
    ),
};

/** An item graded on two scales (two-dimensions.json: S-3), and a stated grade with a note (grades.json: 2-2). */
export const Grades: Story = {
  args: { src: EXAMPLES.twoDimensions, plan: '', node: 'S-3' },
  render: (a) => grid(labelled('two dimensions (S-3)', card(a)), labelled('grade scale (grades.json: 2-2)', card({ ...a, src: EXAMPLES.grades, node: '2-2' }))),
};

/** The plan itself (no `node`). */
export const WholePlan: Story = { args: { node: '' } };

/** The DX Action Plan 2.0: a viewpoint of 取組の方向性. */
export const DxActionPlan: Story = { args: { plan: DX, node: 'viewpoint-1' } };

/** Status, numeric target with values, summary, page and a link to the source document (fixture). */
export const EveryField: Story = { args: { src: MINIMAL, plan: '', node: 'A-1' } };

/** One card per status of the fixture's vocabulary: 達成, 取組中, 遅れ, 数値未確定. */
export const AllStatuses: Story = {
  args: { src: '', plan: '' },
  loaders: [loadSeeds],
  render: (a, ctx) =>
    inlinePlan(allStatuses(seedsOf(ctx)), undefined, grid(...['A-1', 'A-2', 'A-4', 'A-3'].map((node) => card({ ...a, node })))),
};

/** An English page showing an item that has only a Japanese title: marked `lang="ja"` for screen readers. */
export const JapaneseOnlyOnEnglishPage: Story = {
  globals: { lang: 'en' },
  args: { src: MINIMAL, plan: '', node: 'A-3' },
};

/** Items without data: no status given (R7-1 in the report), and an item with no status at all (C-1). */
export const NoData: Story = {
  render: (a) =>
    grid(
      labelled('R7-1', card(a)),
      labelled('minimal.json: C-1', card({ ...a, src: MINIMAL, plan: '', node: 'C-1' })),
      labelled('minimal.json: second-plan (0 items)', card({ ...a, src: MINIMAL, plan: 'second-plan', node: '' })),
    ),
};

/** The card's title is a real heading; set its level to fit the page's outline. */
export const HeadingLevel: Story = {
  args: { 'heading-level': 2 },
  render: (a, { globals }) =>
    html`<h1 class="story-heading">${globals.lang === 'en' ? 'Main initiatives' : '主な取組事項'}</h1>
      ${card(a)}`,
};

export const English: Story = { globals: { lang: 'en' }, render: kinds };

export const Dark: Story = { args: { theme: 'dark' }, render: kinds };

/**
 * Forced colours (Windows contrast themes), pictured by the build with them emulated (see
 * stories/support/forced-colours.ts). Each status is written out, so nothing depends on its colour.
 */
export const ForcedColours: Story = {
  tags: ['forced-colors'],
  args: { src: '', plan: '' },
  loaders: [loadSeeds],
  render: (a, ctx) =>
    forcedColours(ctx.id, inlinePlan(allStatuses(seedsOf(ctx)), undefined, grid(...['A-1', 'A-2', 'A-4', 'A-3'].map((node) => card({ ...a, node }))))),
};

export const Narrow: Story = { globals: { width: '320' }, render: kinds };

export const Wide: Story = { globals: { width: '1200' }, render: kinds };

/** A long title and breadcrumb, and an unbroken run that must wrap. */
export const LongTitle: Story = {
  args: { src: '', plan: '', node: 'A-2' },
  loaders: [loadSeeds],
  render: (a, ctx) => inlinePlan(longTitles(seedsOf(ctx)), undefined, grid(card(a), card({ ...a, node: 'goal-b' }))),
};

/** The two forms side by side (two different items: a page shows each item once). */
export const StandaloneAndProvider: Story = {
  render: (a) =>
    grid(
      labelled('standalone: <kdx-initiative-card src>', card(a)),
      labelled(
        'provider: <kdx-plan src> <kdx-initiative-card>',
        html`<kdx-plan src=${ifDefined(attr(a.src))} plan=${ifDefined(attr(a.plan))}
          >${card({ ...a, src: '', plan: '', node: 'R7-18' })}</kdx-plan
        >`,
      ),
    ),
};

/** While the bundle loads (kept loading by a story-only provider; see stories/support/loading.ts). */
export const Loading: Story = { tags: ['kdx-loading'], args: { src: '' }, render: (a) => loading(card(a)) };

export const ErrorNotFound: Story = { name: 'Error: 404', tags: ['kdx-error'], args: { src: MISSING } };

export const ErrorNotJson: Story = { name: 'Error: not JSON', tags: ['kdx-error'], args: { src: HTML_PAGE } };

export const ErrorInvalid: Story = { name: 'Error: invalid bundle', tags: ['kdx-error'], args: { src: BROKEN, plan: '' } };

export const ErrorUnknownPlan: Story = { name: 'Error: unknown plan', tags: ['kdx-error'], args: { plan: 'no-such-plan' } };

export const ErrorUnknownNode: Story = { name: 'Error: unknown node', tags: ['kdx-error'], args: { node: 'R9-99' } };

export const ErrorNoSource: Story = { name: 'Error: no source', tags: ['kdx-error'], args: { src: '' } };
