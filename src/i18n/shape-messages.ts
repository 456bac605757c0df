/**
 * The strings of the report shapes (grade scales, snapshots, indicators), in both languages. They travel with the
 * code that shows the shapes (`components/shared/shapes.ts`), which only pages whose data has such shapes load.
 */
import type { Lang } from './messages.js';

export interface ShapeMessages {
  lang: Lang;
  grades: {
    /** A grade with the report's definition: 「S：計画以上」. */
    withDefinition: (label: string, definition: string) => string;
    /** The bundle's statuses, read as a scale, have no name of their own: 「状況」. */
    statusScale: string;
    /** A scale's rate when the report gives it no name: 「達成率」. */
    rate: string;
    /** Spoken rate of a named scale: 「A評価以上の割合 70.0%（40項目中28項目）」. */
    spokenRate: (label: string, percent: string, achieved: string, total: string) => string;
    /** The counts a named rate is from: 「A評価以上の割合：40項目中28項目」. */
    rateCounts: (label: string, achieved: string, total: string) => string;
    /** The same in running text, in its parentheses: 「（A評価以上の割合：40項目中28項目）」. */
    rateCountsInline: (label: string, achieved: string, total: string) => string;
    /** How a grade was reached: stated in the report, or computed by the scale's rule. */
    source: Record<'declared' | 'computed', string>;
    /** After a grade: how it was reached, and why (「（評価基準による計算：基準値からの変化率 +25.0%…）」). */
    sourced: (source: string, why: string) => string;
    /** 「2016年3月31日現在」: the date counts are as of. */
    asOf: (date: string) => string;
    /** Caption of a distribution table: 「評価の内訳」. */
    distribution: (scale: string) => string;
    grade: string;
    count: string;
    share: string;
    total: string;
    change: string;
    /** Under a distribution table: its shares (and changes) are the widget's arithmetic on the counts, not printed figures. */
    derived: (withChange: boolean) => string;
    /** A count of items: 「40項目」. */
    items: (n: string) => string;
    /** A change of a count in words, for screen readers: 「22減」, 「3増」, 「増減なし」. */
    changeSpoken: (sign: -1 | 0 | 1, n: string) => string;
    /** A change of a rate: 「+25.3ポイント」 (`n` already signed, ▲ for a decrease). */
    points: (n: string) => string;
    pointsSpoken: (sign: -1 | 0 | 1, n: string) => string;
    /** The rate's change against the base: 「平成26年度比 +25.3ポイント」. */
    rateChange: (base: string, points: string) => string;
    /** What the changes are against, when the report gives no note: 「増減は平成26年度（2015年3月31日現在）との差です。」. */
    changeBase: (base: string) => string;
    /**
     * A snapshot's name: its fiscal year (may be empty), with the date it is as of (formatted; may be empty). Also
     * any name or figure with its date: 「…：評価の内訳（2025年3月31日現在）」, 「0人（2024年4月1日現在）」.
     */
    snapshot: (fiscalYear: string, date: string) => string;
  };
  indicator: {
    /** Heading of an indicator block: 「指標」. */
    heading: string;
    baseline: string;
    target: string;
    actual: string;
    /** Caption of the table of actuals: 「実績値の推移」. */
    actuals: string;
    fiscalYear: string;
    value: string;
    /** A value with the year it is for: 「12万件（令和元年度）」. */
    withYear: (value: string, fiscalYear: string) => string;
    /** The grade line's label: 「評価」 (or the scale's name). */
    grade: string;
    /** What a rule measures, as the card explains a computed grade. */
    measure: Record<'attainment' | 'progress' | 'change', string>;
    /** How a computed grade was reached: 「基準値からの変化率 +25.0%（令和6年度の実績値）」. */
    computedFrom: (measure: string, value: string, fiscalYear: string) => string;
    /** Why a rule gave no grade, or its `missing` grade. */
    missing: Record<'actual' | 'baseline' | 'target' | 'zero', string>;
    /** A stated grade that the rule would not give: 「評価基準による計算では S」. */
    differs: (grade: string) => string;
    /** The card's word for an indicator's direction. */
    direction: Record<'increase' | 'decrease', string>;
  };
  /** A plan's revisions, as the plan overview lists them. */
  revisions: {
    /** 「計画期間：令和2年度～令和6年度 → 令和2年度～令和7年度」. */
    period: (before: string, after: string) => string;
    added: string;
    removed: string;
    /** After an item: the reason the report gives (「（完了）」). */
    reason: (reason: string) => string;
  };
  tree: {
    /** The grade filter's first option. */
    allGrades: string;
    /** A grade in a row, spoken: 「評価：S：計画以上」. */
    gradeSpoken: (scale: string, grade: string) => string;
    /** A grade filter option with its count: 「S：計画以上（4）」. */
    gradeOption: (grade: string, n: string) => string;
  };
  /**
   * Where the figures shown come from, said where it is not the report (tree, progress, chart): a grade the rule
   * computed, counts the widget added up.
   */
  provenance: {
    /** Sentences one after the other (in Japanese without a space). */
    sentences: (s: string[]) => string;
    /** After a computed grade in a tree row, in sight (rows are narrow): 「（計算）」; read out as `grades.sourced`. */
    computedMark: string;
    /**
     * Under counts the widget added up rather than took from the report: tallied from the items' grades (and how
     * many of those the rule computed, if any), summed from the report's counts of parts, or both.
     */
    tallied: (fromItems: boolean, fromReport: boolean, computed: string | undefined) => string;
  };
  chart: {
    /** The doughnut of a scale's grades: 「…：評価の内訳」. */
    scaleLabel: (title: string, scale: string) => string;
    /** An undated snapshot (the current counts of a report that gives no date). */
    current: string;
    /** One snapshot of a distribution in words: 「令和6年度：S 4項目（10.0%）、…」. */
    snapshotParts: (label: string, parts: string) => string;
    distributionLabel: (title: string, scale: string) => string;
    indicatorLabel: (title: string, indicator: string) => string;
    /** A point of an indicator in words: 「実績値（令和6年度） 15万件」. */
    indicatorPoint: (name: string, value: string) => string;
  };
  /** What a figure or text needs beside it to be read right: its as-of date, the editor's mark, a change's meaning. */
  context: {
    /** After a text in the bundle editor's words (`editorial: true`), as the plan overview marks it. */
    editorial: string;
    /** Before a note in the bundle editor's words, as the card and overview label theirs (never ※). */
    editorialNote: string;
    /** A value with its year (may be empty) and the date it is as of: 「0人（令和6年度、2024年4月1日現在）」. */
    withAsOf: (value: string, fiscalYear: string, date: string) => string;
    /**
     * The change on the baseline of a lower-is-better indicator, as the values show it (`change`, signed), with
     * what it means there: 「+12.0%、数値が小さいほど良い指標のため12.0%の悪化」.
     */
    lowerIsBetter: (change: string, amount: string, better: boolean) => string;
  };
}
