import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { tokenArgTypes } from './support/controls.js';
import { AMP, DX, KANAZAWA } from './support/data.js';
import { attr, ifDefined, type WidgetArgs } from './support/widgets.js';

/**
 * Guides: the widgets as a city's page would compose them, the markup to paste for what is on screen, and a
 * partner site's theme. Everything here is the real library on the real Kanazawa bundle.
 */
const meta = {
  title: 'Guides/Plan page',
  tags: ['!autodocs'],
  args: { src: KANAZAWA, plan: AMP, theme: '' },
  argTypes: {
    src: { control: { type: 'text' } },
    plan: { control: { type: 'text' } },
    theme: { control: { type: 'select' }, options: ['', 'light', 'dark', 'auto'] },
    ...tokenArgTypes(),
  },
} satisfies Meta<WidgetArgs>;

export default meta;

const T = {
  ja: {
    crumbs: ['ホーム', '市政情報', '行政経営'],
    crumbLabel: '現在位置',
    title: '金沢市行政経営プランの取組状況',
    lead: '取組事項の達成状況です。数値は報告書「金沢市行政経営プランの取組状況等について」のとおりです。',
    overall: '全体の達成状況',
    sentence: ['取組事項全体の達成率は', 'です。'],
    byPolicy: '基本方針ごとの達成率',
    structure: '計画の構成',
    initiatives: '主な取組事項',
  },
  en: {
    crumbs: ['Home', 'City government', 'Administrative management'],
    crumbLabel: 'You are here',
    title: 'Progress of the Kanazawa City Administrative Management Plan',
    lead: 'How far the plan’s items were achieved, with the figures as the progress report gives them.',
    overall: 'Overall',
    sentence: ['The achievement rate of all items is', '.'],
    byPolicy: 'Achievement rate by basic policy',
    structure: 'Structure of the plan',
    initiatives: 'Main initiatives',
  },
};

type PageStory = StoryObj<WidgetArgs>;

/**
 * A whole plan page, as a city's CMS would compose it: one `<kdx-plan>` (one request) around the plan's overview,
 * an overall meter, a chart by policy, the tree and a few initiative cards, between the page's own headings and text.
 */
export const PlanPage: PageStory = {
  render: (a, { globals }) => {
    const t = globals.lang === 'en' ? T.en : T.ja;
    const theme = ifDefined(attr(a.theme));
    return html`<article class="story-page">
      <nav aria-label=${t.crumbLabel} class="story-crumbs">
        <ol>
          ${t.crumbs.map((c) => html`<li>${c}</li>`)}
        </ol>
      </nav>
      <h1>${t.title}</h1>
      <p>${t.lead}</p>
      <kdx-plan src=${ifDefined(attr(a.src))} plan=${ifDefined(attr(a.plan))}>
        <kdx-plan-overview heading-level="2" theme=${theme}></kdx-plan-overview>
        <section>
          <h2>${t.overall}</h2>
          <div class="story-grid">
            <kdx-progress variant="ring" theme=${theme}></kdx-progress>
            <kdx-chart type="doughnut" theme=${theme}></kdx-chart>
          </div>
          <p>${t.sentence[0]} <kdx-progress variant="inline" theme=${theme}></kdx-progress>${t.sentence[1]}</p>
        </section>
        <section>
          <h2>${t.byPolicy}</h2>
          <kdx-chart type="bar" theme=${theme}></kdx-chart>
          <div class="story-grid">
            ${['policy-1', 'policy-2', 'policy-3'].map((node) => html`<kdx-progress node=${node} theme=${theme}></kdx-progress>`)}
          </div>
        </section>
        <section>
          <h2>${t.structure}</h2>
          <kdx-plan-tree expand-depth="1" theme=${theme}></kdx-plan-tree>
        </section>
        <section>
          <h2>${t.initiatives}</h2>
          <div class="story-grid">
            ${['R7-1', 'R7-18', 'R6-33', 'R7-25'].map(
              (node) => html`<kdx-initiative-card node=${node} heading-level="3" theme=${theme}></kdx-initiative-card>`,
            )}
          </div>
        </section>
      </kdx-plan>
    </article>`;
  },
};

// --- Embedding snippet -------------------------------------------------------------------------------------

type Widget = 'kdx-progress' | 'kdx-initiative-card' | 'kdx-plan-tree' | 'kdx-chart' | 'kdx-plan';

interface SnippetArgs extends WidgetArgs {
  widget: Widget;
  lang: '' | 'ja' | 'en';
  variant: 'bar' | 'ring' | 'inline';
  breakdown: boolean;
  type: 'bar' | 'doughnut' | 'line';
  headingLevel: number;
  expandDepth: number;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** ` name="value"` for each set attribute, in the order given; `true` writes a boolean attribute. */
function attrs(list: Array<[string, string | number | boolean | undefined]>): string {
  return list
    .filter(([, v]) => v !== undefined && v !== '' && v !== false)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${esc(String(v))}"`))
    .join('');
}

/** The markup for the chosen widget: what is rendered live and what is shown to copy, from one string. */
function snippet(a: SnippetArgs): string {
  // `light` is the default: left out, as a page author would.
  const common = (own: boolean): Array<[string, string | undefined]> => [
    ['src', own ? attr(a.src) : undefined],
    ['plan', own ? attr(a.plan) : undefined],
  ];
  const tail: Array<[string, string | undefined]> = [
    ['lang', attr(a.lang)],
    ['theme', a.theme === 'light' ? undefined : attr(a.theme)],
  ];
  const one = (w: Exclude<Widget, 'kdx-plan'>, own: boolean): string => {
    const specific: Array<[string, string | number | boolean | undefined]> =
      w === 'kdx-progress'
        ? [['variant', a.variant === 'bar' ? undefined : a.variant], ['breakdown', a.breakdown]]
        : w === 'kdx-initiative-card'
          ? [['heading-level', a.headingLevel === 3 ? undefined : a.headingLevel]]
          : w === 'kdx-plan-tree'
            ? [['expand-depth', a.expandDepth === 1 ? undefined : a.expandDepth]]
            : [['type', a.type === 'bar' ? undefined : a.type]];
    const node = w === 'kdx-initiative-card' ? attr(a.node) ?? 'R7-1' : attr(a.node);
    return `<${w}${attrs([...common(own), ['node', node], ...specific, ...tail])}></${w}>`;
  };
  if (a.widget !== 'kdx-plan') return one(a.widget, true);
  return [
    `<kdx-plan${attrs(common(true))}>`,
    `  ${one('kdx-progress', false)}`,
    `  ${one('kdx-chart', false)}`,
    `  ${one('kdx-initiative-card', false)}`,
    `</kdx-plan>`,
  ].join('\n');
}

const SCRIPT = '<script type="module" src="https://example.jp/kdx/kdx.js"></script>';

/**
 * The markup for what is on screen, to paste into a page. Choose a widget and its attributes in Controls: the
 * live widget on the left and the code on the right are the same string. The script tag goes once in the site
 * template (its URL is wherever the city hosts `kdx.js`); `src` is the bundle's URL on the city's site.
 */
export const EmbeddingSnippet: StoryObj<SnippetArgs> = {
  args: {
    widget: 'kdx-progress',
    node: 'policy-1',
    lang: '',
    variant: 'bar',
    breakdown: false,
    type: 'bar',
    headingLevel: 3,
    expandDepth: 1,
  },
  argTypes: {
    widget: {
      control: { type: 'select' },
      options: ['kdx-progress', 'kdx-initiative-card', 'kdx-plan-tree', 'kdx-chart', 'kdx-plan'],
      description: '`kdx-plan` shows the provider form: several widgets sharing one request.',
    },
    node: { control: { type: 'text' } },
    lang: { control: { type: 'inline-radio' }, options: ['', 'ja', 'en'], description: 'Empty: the page’s language.' },
    variant: { control: { type: 'inline-radio' }, options: ['bar', 'ring', 'inline'], description: 'kdx-progress' },
    breakdown: { control: { type: 'boolean' }, description: 'kdx-progress' },
    type: { control: { type: 'inline-radio' }, options: ['bar', 'doughnut', 'line'], description: 'kdx-chart' },
    headingLevel: { name: 'heading-level', control: { type: 'number', min: 1, max: 6 }, description: 'kdx-initiative-card' },
    expandDepth: { name: 'expand-depth', control: { type: 'number', min: 0, max: 9 }, description: 'kdx-plan-tree' },
  },
  render: (a, { globals }) => {
    const markup = snippet(a);
    return html`<div class="story-snippet">
      <div class="story-live">${unsafeHTML(markup)}</div>
      <figure>
        <figcaption>${globals.lang === 'en' ? 'Markup to paste' : '貼り付けるコード'}</figcaption>
        <pre><code>${`<!-- ${globals.lang === 'en' ? 'once, in the site template' : 'サイトのテンプレートに一度だけ'} -->\n${SCRIPT}\n\n${markup}`}</code></pre>
      </figure>
    </div>`;
  },
};

// --- Partner theme ----------------------------------------------------------------------------------------

/**
 * 「木の文化都市・金沢」: a partner site's theme in wood tones (弁柄 red-brown, washi paper, a Mincho face), set only
 * through `--kdx-*` tokens on an ancestor, as the partner's stylesheet would. Every colour keeps AA contrast
 * (text ≥ 7:1 on the surface, borders and bar fill ≥ 3:1). Change any token in Controls to try another palette.
 */
export const PartnerTheme: PageStory = {
  args: {
    '--kdx-color-text': '#3b2716',
    '--kdx-color-text-muted': '#5c4632',
    '--kdx-color-surface': '#fbf7f0',
    '--kdx-color-surface-alt': '#f3ebdd',
    '--kdx-color-border': '#8a6a4a',
    '--kdx-color-accent': '#7a3e12',
    '--kdx-color-track': '#eadfcc',
    '--kdx-color-focus': '#1f5f8b',
    '--kdx-color-success': '#3f6b2a',
    '--kdx-color-info': '#2f5573',
    '--kdx-color-warning': '#8a4b08',
    '--kdx-color-danger': '#a11d1d',
    '--kdx-color-neutral': '#5c4632',
    '--kdx-progress-fill': '#9a5b2e',
    '--kdx-font-family': "'Noto Serif JP', 'Hiragino Mincho ProN', 'Yu Mincho', serif",
    '--kdx-radius': '2px',
  },
  argTypes: {
    '--kdx-progress-fill': { control: { type: 'color' }, table: { category: 'kdx-progress' } },
  },
  render: (a, { globals }) => {
    const en = globals.lang === 'en';
    const theme = ifDefined(attr(a.theme));
    return html`<article class="story-partner">
      <h1>${en ? 'Kanazawa, City of Wood Culture' : '木の文化都市・金沢'}</h1>
      <p>
        ${en
          ? 'A partner site shows, in its own colours, the progress of the basic policy “Raising the quality of co-creation”, which includes R7-18: Creating a dedicated website for “Kanazawa, City of Wood Culture”.'
          : '「「木の文化都市・金沢」専用サイトの創設」（R7-18）を含む基本方針「共創の質を高める」の取組状況を、サイトの色で表示しています。'}
      </p>
      <kdx-plan src=${ifDefined(attr(a.src))} plan=${ifDefined(attr(a.plan))}>
        <div class="story-grid">
          <kdx-progress node="policy-2" variant="ring" theme=${theme}></kdx-progress>
          <kdx-initiative-card node="R7-18" heading-level="2" theme=${theme}></kdx-initiative-card>
        </div>
        <kdx-chart theme=${theme}></kdx-chart>
        <kdx-plan-tree node="policy-2" selected="R7-18" theme=${theme}></kdx-plan-tree>
      </kdx-plan>
    </article>`;
  },
};

/** The DX Action Plan 2.0's structure, with the partner theme: a plan without progress data. */
export const PartnerThemeDxPlan: PageStory = {
  args: { ...PartnerTheme.args, plan: DX },
  render: (a) =>
    html`<article class="story-partner">
      <kdx-plan-tree src=${ifDefined(attr(a.src))} plan=${ifDefined(attr(a.plan))} expand-depth="2"
        theme=${ifDefined(attr(a.theme))}></kdx-plan-tree>
    </article>`,
};
