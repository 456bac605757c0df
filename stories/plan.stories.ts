import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { AMP, BROKEN, futureVersion, inlinePlan, KANAZAWA, loadSeeds, seedsOf } from './support/data.js';
import { documentedOnly } from './support/manifest.js';
import { attr, grid, ifDefined } from './support/widgets.js';

interface PlanArgs {
  src?: string;
  plan?: string;
  theme?: string;
}

/** What sits inside the provider in these stories: one of each widget, none with its own `src`. */
const widgets = (a: PlanArgs, node = 'policy-1'): TemplateResult =>
  grid(
    html`<kdx-progress node=${node} theme=${ifDefined(attr(a.theme))}></kdx-progress>`,
    html`<kdx-initiative-card node=${node} theme=${ifDefined(attr(a.theme))}></kdx-initiative-card>`,
    html`<kdx-chart theme=${ifDefined(attr(a.theme))}></kdx-chart>`,
    html`<kdx-plan-tree expand-depth="0" theme=${ifDefined(attr(a.theme))}></kdx-plan-tree>`,
  );

const meta = {
  title: 'Widgets/kdx-plan',
  component: 'kdx-plan',
  args: { src: KANAZAWA, plan: AMP },
  argTypes: {
    ...documentedOnly('kdx-plan'),
    src: { control: { type: 'text' } },
    plan: { control: { type: 'text' } },
    theme: { table: { disable: true } },
  },
  render: (a) => html`<kdx-plan src=${ifDefined(attr(a.src))} plan=${ifDefined(attr(a.plan))}>${widgets(a)}</kdx-plan>`,
} satisfies Meta<PlanArgs>;

export default meta;
type Story = StoryObj<PlanArgs>;

/** One request for the bundle, shared by every widget inside, however deeply nested. */
export const Provider: Story = {};

/** The bundle inline, for a CMS that cannot host a JSON file: `<script type="application/json">` inside. */
export const InlineData: Story = {
  args: { src: '' },
  loaders: [loadSeeds],
  render: (a, ctx) => inlinePlan(seedsOf(ctx).minimal, undefined, widgets(a, 'goal-a')),
};

/** The provider's `plan` names a plan the bundle does not have: every widget inside says so. */
export const ErrorUnknownPlan: Story = { name: 'Error: unknown plan', tags: ['kdx-error'], args: { plan: 'no-such-plan' } };

/** `seeds/broken.json`: every widget inside shows the first problem and its JSON path. */
export const ErrorInvalid: Story = { name: 'Error: invalid bundle', tags: ['kdx-error'], args: { src: BROKEN, plan: '' } };

/** Neither `src` nor inline data. */
export const ErrorInlineMissing: Story = {
  name: 'Error: no src, no inline data',
  tags: ['kdx-error'],
  args: { src: '', plan: '' },
};

/** Inline data in a format this library does not support (`schemaVersion: 2`). */
export const ErrorUnsupportedVersion: Story = {
  name: 'Error: unsupported version',
  tags: ['kdx-error'],
  args: { src: '', plan: '' },
  loaders: [loadSeeds],
  render: (a, ctx) => inlinePlan(futureVersion(seedsOf(ctx)), undefined, widgets(a, 'goal-a')),
};
