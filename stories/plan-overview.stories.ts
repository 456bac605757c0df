import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { tokenArgTypes } from './support/controls.js';
import { AMP, BROKEN, DX, futureVersion, HTML_PAGE, inlinePlan, KANAZAWA, loadSeeds, MINIMAL, MISSING, seedsOf, UNREACHABLE } from './support/data.js';
import { forcedColours } from './support/forced-colours.js';
import { loading } from './support/loading.js';
import { attr, commonArgTypes, ifDefined, labelled, type WidgetArgs } from './support/widgets.js';

interface OverviewArgs extends WidgetArgs {
  'heading-level'?: number;
}

const overview = (a: OverviewArgs) =>
  html`<kdx-plan-overview
    src=${ifDefined(attr(a.src))}
    lang=${ifDefined(attr(a.lang))}
    plan=${ifDefined(attr(a.plan))}
    node=${ifDefined(attr(a.node))}
    heading-level=${ifDefined(attr(a['heading-level']))}
    theme=${ifDefined(attr(a.theme))}
    @kdx-load=${a.onKdxLoad}
    @kdx-error=${a.onKdxError}
  ></kdx-plan-overview>`;

/** Both of Kanazawa's plans, one under the other (an overview is as wide as its page column). */
const both = (a: OverviewArgs) =>
  html`<div class="story-page">
    ${labelled('dx-action-plan-2', overview({ ...a, plan: DX }))} ${labelled('administrative-management-plan', overview({ ...a, plan: AMP }))}
  </div>`;

const meta = {
  title: 'Widgets/kdx-plan-overview',
  component: 'kdx-plan-overview',
  args: { src: KANAZAWA, lang: '', plan: DX, node: '', 'heading-level': 2, theme: '' },
  argTypes: {
    ...commonArgTypes('kdx-plan-overview'),
    'heading-level': { control: { type: 'number', min: 1, max: 6, step: 1 } },
    ...tokenArgTypes('kdx-plan-overview'),
  },
  render: (a) => overview(a),
} satisfies Meta<OverviewArgs>;

export default meta;
type Story = StoryObj<OverviewArgs>;

/**
 * 金沢市DXアクションプラン2.0: period, adoption, publisher and editor, 基本理念, the five 行動指針 and both 視点 and
 * all five 分野 at a glance, 策定の趣旨, 推進体制, related plans (the editor's relations marked), and the yearly revision.
 */
export const DxActionPlan: Story = {};

/** 金沢市行政経営プラン as its progress report gives it: the three 基本方針 with the report's rates, and 87.1% overall. */
export const AdministrativeManagementPlan: Story = { args: { plan: AMP } };

export const English: Story = { globals: { lang: 'en' }, render: both };

export const Dark: Story = { args: { theme: 'dark' }, render: both };

/** `theme="auto"` follows the reader's system setting (here whatever the browser running Storybook reports). */
export const Auto: Story = { args: { theme: 'auto' }, render: both };

/** Forced colours (Windows contrast themes): the build's picture of it, and the live widgets (see support/forced-colours.ts). */
export const ForcedColours: Story = { tags: ['forced-colors'], render: (a, ctx) => forcedColours(ctx.id, both(a)) };

export const Narrow: Story = { globals: { width: '320' }, render: both };

export const NarrowEnglish: Story = { globals: { width: '320', lang: 'en' }, render: both };

/**
 * Sample City, a fictional city (seeds/minimal.json): what Kanazawa's data does not have — an as-of date (`asOf`), links
 * to the publisher and the source document, rates rolled up from statuses.
 */
export const FictionalCity: Story = { args: { src: MINIMAL, plan: '' } };

/** A plan with only a title and one fiscal year (minimal.json: second-plan): every other part is left out. */
/** A fictional city's plan with two revisions: the period extended, items added, items removed with their reasons. */
export const Revisions: Story = { args: { src: 'seeds/examples/revisions.json', plan: '' } };

export const BarePlan: Story = { args: { src: MINIMAL, plan: 'second-plan' } };

/** The title is a real heading; set its level to fit the page's outline. Its parts' headings follow one below. */
export const HeadingLevel: Story = {
  args: { 'heading-level': 3 },
  render: (a, { globals }) =>
    html`<h2 class="story-heading">${globals.lang === 'en' ? 'Plans of the city' : '市の計画'}</h2>
      ${overview(a)}`,
};

/** Inside `<kdx-plan>`: the overview takes the provider's data and plan (one request for the page). */
export const InProvider: Story = {
  render: (a) => html`<kdx-plan src=${ifDefined(attr(a.src))} plan=${AMP}>${overview({ ...a, src: '', plan: '' })}</kdx-plan>`,
};

/** While the bundle loads (kept loading by a story-only provider; see stories/support/loading.ts). */
export const Loading: Story = { tags: ['kdx-loading'], args: { src: '' }, render: (a) => loading(overview(a)) };

export const ErrorNotFound: Story = { name: 'Error: 404', tags: ['kdx-error'], args: { src: MISSING } };

export const ErrorNotJson: Story = { name: 'Error: not JSON', tags: ['kdx-error'], args: { src: HTML_PAGE } };

export const ErrorNetwork: Story = { name: 'Error: network', tags: ['kdx-error'], args: { src: UNREACHABLE } };

export const ErrorInvalid: Story = { name: 'Error: invalid bundle', tags: ['kdx-error'], args: { src: BROKEN, plan: '' } };

export const ErrorUnsupportedVersion: Story = {
  name: 'Error: unsupported format version',
  tags: ['kdx-error'],
  args: { src: '', plan: '' },
  loaders: [loadSeeds],
  render: (a, ctx) => inlinePlan(futureVersion(seedsOf(ctx)), undefined, overview(a)),
};

export const ErrorUnknownPlan: Story = { name: 'Error: unknown plan', tags: ['kdx-error'], args: { plan: 'no-such-plan' } };

/** The overview is of a whole plan: a `node` is refused with a message that says what to change. */
export const ErrorNode: Story = { name: 'Error: a node instead of the plan', tags: ['kdx-error'], args: { node: 'field-1' } };

export const ErrorNoSource: Story = { name: 'Error: no source', tags: ['kdx-error'], args: { src: '' } };
