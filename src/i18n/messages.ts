/**
 * The shape of a message catalogue. Both `ja` and `en` implement it fully (the type checker enforces it), so a
 * widget can never show a missing string.
 */
export type Lang = 'ja' | 'en';

/** Keys of validation problems: schema checks (from `data/bundle.ts`) and the semantic checks in `validate.ts`. */
export type IssueKey =
  | 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'text' | 'id' | 'too-long' | 'url'
  | 'fiscal-year' | 'date' | 'count' | 'finite' | 'page' | 'tone' | 'one-of' | 'schema-version' | 'no-plans'
  | 'too-many-nodes' | 'required' | 'duplicate-id' | 'unknown-parent' | 'cycle' | 'achieved-gt-total'
  | 'unconfirmed-gt-open' | 'unknown-status' | 'too-deep' | 'period-order' | 'json' | 'root'
  | 'not-empty' | 'reserved-id' | 'unknown-scale' | 'unknown-grade' | 'grade-sum' | 'achieved-mismatch' | 'unknown-history'
  | 'duplicate-year' | 'unknown-node' | 'revision-period';

export interface IssueParams {
  expected?: string;
  received?: string;
  /** A number the rule compares with (the total, a limit). */
  limit?: number;
  /** An id the rule is about (duplicate, unknown, cycle…). */
  id?: string;
  /** Where else the id was seen, or a list of valid values. */
  other?: string;
}

/** Codes of every failure a widget can show. Documented in README → Troubleshooting. */
export type ErrorCode =
  | 'network' | 'http' | 'timeout' | 'not-json' | 'too-large' | 'invalid' | 'unsupported-version'
  | 'no-source' | 'inline-missing' | 'plan-not-found' | 'node-not-found' | 'wrong-kind';

/** Why a widget cannot show a node (`wrong-kind`): worded in the language shown, with the node's title. */
export type WrongKind =
  | 'tree-no-children' | 'chart-no-children' | 'chart-no-history' | 'chart-no-progress' | 'overview-not-plan'
  | 'chart-no-distribution' | 'chart-no-indicator' | 'no-scale';

export interface ErrorParams {
  url?: string;
  status?: number;
  seconds?: number;
  /** What was found instead (e.g. the start of an HTML page). */
  found?: string;
  /** Plan or node id that was asked for. */
  id?: string;
  plan?: string;
  /** A few valid ids. */
  valid?: string[];
  /** The first validation problem, already formatted. */
  first?: string;
  count?: number;
  version?: string;
  supported?: string;
  limit?: string;
  widget?: string;
  /** `wrong-kind`: what is missing, and the node's title (as in the bundle, both languages). */
  problem?: WrongKind;
  title?: string | { ja: string; en?: string | undefined };
  /** `wrong-kind`: `problem` worded (set by `errorMessage`). */
  reason?: string;
}

export interface Messages {
  lang: Lang;
  /** Joins a list in running text. */
  list: (items: string[]) => string;
  issue: Record<IssueKey, (p: IssueParams) => string>;
  error: Record<ErrorCode, (p: ErrorParams) => string>;
  /** Why a widget cannot show a node (`wrong-kind`, worded into its `reason`), with the node's title. */
  wrongKind: Record<WrongKind, (title: string) => string>;
  errorTitle: string;
  /**
   * What a reader is told in the error box (a plain sentence; the detail is for staff, in `staffDetails` and the
   * console): `later` when trying again may help, `data` for data that cannot be used, `setup` for a page that
   * asks for something the data does not have.
   */
  readerError: { later: string; data: string; setup: string };
  /** The summary of the disclosure that holds the technical detail, for the site's staff. */
  staffDetails: string;
  retry: string;
  /** Marks a text that is the bundle editor's wording (`editorial: true`), not the source's: a title, a relation. */
  editorial: string;
  kind: (kind: string) => string;
  progress: {
    rateLabel: string;
    /** Spoken text of the meter: 「124項目中108項目達成（87.1%）」. */
    spoken: (achieved: string, total: string, percent: string) => string;
    /** The counts line, spaced exactly as `spoken` (the card prints that): 「124項目中108項目達成」. */
    counts: (achieved: string, total: string) => string;
    /** The counts after an inline meter's rate, in the language's parentheses: 「（124項目中108項目達成）」. */
    countsInline: (achieved: string, total: string) => string;
    /** Items not yet fixed; `derived` when the roll-up carried the count up from the breakdown (not stated). */
    unconfirmed: (n: string, derived?: boolean) => string;
    noData: string;
    noDataSpoken: (title: string) => string;
    breakdown: string;
  };
  card: {
    number: string;
    page: (n: string) => string;
    status: string;
    /** A fiscal year an item was added in, from a bundle's `fiscalYear` (older bundles). */
    added: (fiscalYear: string) => string;
    /** Under which heading the source lists the item (`reported`): 「令和6年度に実施」 / 「令和7年度に追加」. */
    reported: Record<'carried-out' | 'added', (fiscalYear: string) => string>;
    /** The label of the description by what it is (`summaryKind`): 「実施内容」 / 「取組内容」. */
    summaryKind: Record<'result' | 'plan', string>;
    /** Figures the source gives in its text (`results`). */
    results: string;
    /** Items of other plans this node corresponds to (`alignedWith`). */
    alignedWith: string;
    /** One corresponding item: 「未来共創計画：…～魅力づくり～」. */
    alignedItem: (plan: string, title: string) => string;
    /** The label of a note in the bundle editor's words (not the source's ※). */
    editorialNote: string;
    numericTarget: string;
    /** A numeric target the source marks (【数値目標】) without giving its value. */
    targetNotGiven: string;
    target: string;
    actual: string;
    sourceLink: (page: string) => string;
    sourceLinkNoPage: string;
    /** Name of the breadcrumb landmark; with the title, so that several cards on a page stay distinguishable. */
    breadcrumb: (title: string) => string;
    notes: string;
    /** One note (※) as the document prints it. */
    note: (text: string) => string;
    /** A link to the node's own page (its `link`). */
    detailLink: string;
    /** A number with its unit (1,000件 / 1,000 uses). `unit` may be empty. */
    amount: (n: string, unit: string) => string;
  };
  tree: {
    label: (plan: string) => string;
    filter: string;
    filterHint: string;
    matches: (n: string) => string;
    noMatches: string;
    expandAll: string;
    collapseAll: string;
    /** A row's compact progress: 「97.4%（38/39）」. */
    rate: (percent: string, achieved: string, total: string) => string;
  };
  chart: {
    barLabel: (title: string) => string;
    doughnutLabel: (title: string) => string;
    lineLabel: (title: string) => string;
    /** The canvas's spoken summary: the chart's label, then its values in words (`items` already joined). */
    summary: (label: string, items: string) => string;
    showTable: string;
    hideTable: string;
    achieved: string;
    /** The doughnut's remainder when the data gives only totals: calculated, and labelled so. */
    notAchievedDerived: string;
    /** What the calculated remainder is (with or without items not yet fixed taken off). */
    /**
     * What the doughnut calculated: the remainder (`remainder`, with or without items not yet fixed taken off), the
     * items not yet fixed where the roll-up carried them up (`carried`), and always the shares.
     */
    derivedNote: (remainder: boolean, withUnconfirmed: boolean, carried: boolean) => string;
    /** Items not yet fixed, carried up from the breakdown rather than stated. */
    unconfirmedDerived: string;
    unconfirmed: string;
    item: string;
    total: string;
    rate: string;
    fiscalYear: string;
    count: string;
    /** Tooltip of a rate: 「38/39項目（97.4%）」. */
    tooltip: (achieved: string, total: string, percent: string) => string;
    /** A part of the whole: 「108項目（87.1%）」. */
    part: (count: string, percent: string) => string;
    /** Column header of the doughnut's table (達成 / 未達成 / status labels). */
    category: string;
    /** Column header: a part's share of the total. */
    share: string;
    /** Row header of the totals row. */
    sum: string;
    /** Console warning when chart.js cannot be loaded (the table is shown instead). */
    loadFailed: string;
  };
  /** `<kdx-plan-overview>`: the terms of its facts and the headings of its parts. */
  overview: {
    period: string;
    adopted: string;
    asOf: string;
    publisher: string;
    editor: string;
    source: string;
    principle: string;
    purpose: string;
    /** The summary of the disclosure that holds the long 策定の趣旨. */
    purposeToggle: string;
    structure: string;
    /** The whole plan's line in the structure, before its rate. */
    overall: string;
    promotion: string;
    related: string;
    relation: string;
    /** A related plan's date after its title, as the document writes it: 「未来共創計画（2024年2月）」. */
    dated: (date: string) => string;
    revision: string;
  };
}

/** What a problem's detail needs (for staff): loaded when a problem is shown (see `i18n/index.ts`). */
export type DetailMessages = Pick<Messages, 'issue' | 'error' | 'wrongKind'>;
/** The sections a widget brings with it, in Japanese (see `addMessages`). */
export type WidgetSection = 'tree' | 'chart' | 'overview';
/** What every page carries in Japanese. */
export type CoreMessages = Omit<Messages, keyof DetailMessages | WidgetSection>;
