/**
 * The data the stories stand on: the seed files as URLs (fetched by the widgets, like on a city's site) and, for
 * the few cases no seed has, fixtures derived in code from the served seeds (a Storybook loader fetches them),
 * given to `<kdx-plan>` as inline data.
 */
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Bundle } from '../../src/data/bundle.js';

/** Relative to the preview page, so the static Storybook works under any path. */
export const KANAZAWA = 'seeds/kanazawa.json';
export const MINIMAL = 'seeds/minimal.json';
export const BROKEN = 'seeds/broken.json';
/** Not on the server: HTTP 404. */
export const MISSING = 'seeds/missing.json';
/** An HTML error page served with status 200 (what a CMS often answers for a wrong path). */
export const HTML_PAGE = 'fixtures/error-page.html';
/** A port browsers refuse to connect to: fails at once, as a blocked cross-origin request or an offline server does. */
export const UNREACHABLE = 'http://127.0.0.1:9/kanazawa.json';

/**
 * Reports of other cities, one per shape (seeds/examples/): fictional, their publisher 「（架空）みどり市」, never
 * Kanazawa's data rewritten.
 */
export const EXAMPLES = {
  grades: 'seeds/examples/grades.json',
  twoDimensions: 'seeds/examples/two-dimensions.json',
  yearOverYear: 'seeds/examples/year-over-year.json',
  indicators: 'seeds/examples/indicators.json',
  revisions: 'seeds/examples/revisions.json',
} as const;

/** The administrative management plan: the one with declared progress. */
export const AMP = 'administrative-management-plan';
export const DX = 'dx-action-plan-2';

export interface Seeds {
  kanazawa: Bundle;
  minimal: Bundle;
}

async function fetchSeed(url: string): Promise<Bundle> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as Bundle;
}

/**
 * Storybook loader (`loaders: [loadSeeds]`): the seeds as served, for stories that derive a fixture from them.
 * (Not `import … from 'seeds/….json'`: in the dev server that module URL is the static `/seeds/` route.)
 */
export const loadSeeds = async (): Promise<{ seeds: Seeds }> => {
  const [kanazawa, minimal] = await Promise.all([fetchSeed(KANAZAWA), fetchSeed(MINIMAL)]);
  return { seeds: { kanazawa, minimal } };
};

/** The seeds a story's loader fetched (fresh copies: fixtures change them). */
export const seedsOf = (context: { loaded: Record<string, unknown> }): Seeds =>
  structuredClone((context.loaded as { seeds: Seeds }).seeds);

/**
 * Sample City's bundle (fictional, like every example that is not Kanazawa's documents) with very long titles: a
 * policy and an initiative, in both languages, plus one unbroken run (a long katakana compound and a URL-like
 * English string) that must wrap, not overflow. Kanazawa's titles are never rewritten for a story.
 */
export function longTitles(seeds: Seeds): Bundle {
  const b = seeds.minimal;
  const plan = b.plans[0]!;
  const node = (id: string) => plan.nodes.find((n) => n.id === id)!;
  node('goal-b').title = {
    ja: '目標B～市民・企業・大学・NPO・他の自治体など多様な主体との対話と協働を通じて、地域の課題を共に解決し、新たな価値を生み出すまちづくりの推進～',
    en: 'Goal B — solving local issues together and creating new value through dialogue and collaboration with citizens, businesses, universities, NPOs and other municipalities',
  };
  node('A-2').title = {
    ja: '取組A-2～サンプル市ウッドカルチャーシティプロモーションウェブサイトリニューアルプロジェクト～',
    en: 'Initiative A-2: SampleCityWoodCultureCityPromotionWebsiteRenewalProject-2025-https://example.jp/a/very/long/path/without/any/spaces',
  };
  return b;
}

/**
 * The minimal fixture with one item in each of its four statuses (達成, 取組中, 遅れ, 数値未確定): the seed has
 * no `delayed` item, so one is added.
 */
export function allStatuses(seeds: Seeds): Bundle {
  const b = seeds.minimal;
  const plan = b.plans[0]!;
  const at = plan.nodes.findIndex((n) => n.id === 'A-3');
  plan.nodes.splice(at, 0, {
    id: 'A-4',
    parent: 'goal-a',
    kind: 'initiative',
    number: 'A-4',
    page: 14,
    fiscalYear: 2025,
    status: 'delayed',
    title: { ja: '取組A-4（遅れ）', en: 'Initiative A-4 (delayed)' },
    summary: { ja: '工期の見直しにより遅れています。', en: 'Delayed by a revised schedule.' },
  });
  return b;
}

/** A bundle in a future format: `schemaVersion: 2`. */
export function futureVersion(seeds: Seeds): Bundle {
  return { ...seeds.minimal, schemaVersion: 2 } as unknown as Bundle;
}

/**
 * `<kdx-plan>` with the bundle inline, as a CMS page can carry it: a `<script type="application/json">` child.
 * The script element is built from code (Lit does not bind inside `<script>`), before the provider connects.
 */
export function inlinePlan(bundle: Bundle, plan: string | undefined, content: TemplateResult): TemplateResult {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = JSON.stringify(bundle);
  return html`<kdx-plan plan=${ifDefined(plan)}>${script}${content}</kdx-plan>`;
}
