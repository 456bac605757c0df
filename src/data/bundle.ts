/**
 * The plan bundle format, version 1: one JSON file a city publishes.
 *
 * This file is the single source of truth: the TypeScript types are inferred from the schema, the runtime
 * validator (`validate.ts`) runs it, and the build writes it as JSON Schema to `dist/kdx-bundle.schema.json`.
 * valibot never compiles code at run time, so validation works under a strict CSP.
 *
 * Validation messages are i18n keys (see `i18n/*.ts` → `schema`), not prose, so that every message can be
 * shown in Japanese and English.
 */
import * as v from 'valibot';

/** Schema versions this library reads. */
export const SUPPORTED_SCHEMA_VERSIONS = [1] as const;

/** Hard limits: a bundle beyond them is refused with a clear message rather than slowing the page down. */
export const LIMITS = {
  /** Bytes of JSON text. */
  bundleBytes: 5 * 1024 * 1024,
  /** Nodes in one plan. */
  nodes: 50_000,
  /** Levels below a plan's root. */
  depth: 32,
  /** Characters in one text. */
  textLength: 10_000,
  /** Characters in an id or document number. */
  idLength: 100,
} as const;

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/**
 * `http(s)` URLs or relative references. No other scheme, no whitespace or control characters anywhere (URL
 * parsers drop tabs and newlines, which is how `java\tscript:` gets through naive checks), no colon before the
 * first `/`, `?` or `#` of a relative reference (RFC 3986 §4.2: it would read as a scheme; write `./a:b`), and
 * none of the characters a URI may not contain that only markup and templates use (`\`, `<`, `>`, `"`, `{`, `}` and
 * the backtick), nor HTML character references (`&#58;`, `&amp;`: text copied from HTML source, or a disguise).
 */
export const SAFE_URL_PATTERN = /^(?!.*&(?:#|[A-Za-z][A-Za-z0-9]*;))(?:https?:\/\/[^\s\x00-\x1f\x7f\\<>"`{}]+|(?![^/?#]*:)[^\s\x00-\x1f\x7f\\<>"`{}]*)$/;
const DATE_PATTERN = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

const Id = v.pipe(v.string('string'), v.minLength(1, 'id'), v.maxLength(LIMITS.idLength, 'too-long'), v.regex(ID_PATTERN, 'id'));
const PlainText = v.pipe(v.string('string'), v.maxLength(LIMITS.textLength, 'too-long'));

/**
 * A text in Japanese with optional English. A plain string is Japanese only. Japanese is quoted from the source
 * document unless `editorial` is true: then it is the bundle editor's own wording (a summary, a relation, a label
 * the document does not print), and widgets do not present it as the source's words. English is a translation.
 */
export const TextSchema = v.union(
  [PlainText, v.object({ ja: PlainText, en: v.optional(PlainText), editorial: v.optional(v.boolean('boolean')) }, 'text')],
  'text',
);
/** Whether the URL parser accepts it (the pattern alone lets `http://a:99999999/` through). */
function parses(url: string): boolean {
  try {
    new URL(url, 'http://localhost/');
    return true;
  } catch {
    return false;
  }
}
const Url = v.pipe(v.string('string'), v.maxLength(2048, 'too-long'), v.regex(SAFE_URL_PATTERN, 'url'), v.check(parses, 'url'));
/** A fiscal year (年度) by the calendar year in which it starts: 2026 = 令和8年度 (April 2026 – March 2027). */
const FiscalYear = v.pipe(v.number('number'), v.integer('integer'), v.minValue(1868, 'fiscal-year'), v.maxValue(2200, 'fiscal-year'));
/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: documents often give only a month (2026年1月策定). */
const DateText = v.pipe(v.string('string'), v.regex(DATE_PATTERN, 'date'));
const Count = v.pipe(v.number('number'), v.integer('integer'), v.minValue(0, 'count'), v.maxValue(1_000_000_000, 'count'));
const Value = v.pipe(v.number('number'), v.finite('finite'));

/**
 * Counts per grade, by scale id: `{ "evaluation": { "S": 10, "A": 70, … } }`. Each scale's counts add up to the
 * snapshot's total (checked), so that shares add up as a printed table's do.
 */
const ByGrade = v.record(Id, v.record(Id, Count, 'object'), 'object');

/**
 * What every snapshot of counts has: the items (項目数), how many are achieved, how many are not yet fixed, and
 * their distribution by grade or status, with the date the counts are as of.
 */
const SNAPSHOT = {
  /** Items in the node (項目数). */
  total: Count,
  /**
   * Items achieved (達成). Must be ≤ total. Optional where the counts by grade give it (the plan's first scale,
   * by its achieved grades) or where the report defines no achieved set (a distribution only).
   */
  achieved: v.optional(Count),
  /** Items whose figures are not yet fixed (数値未確定), counted within total and not achieved. */
  unconfirmed: v.optional(Count),
  /** Items per status id, when the source breaks them down. */
  byStatus: v.optional(v.record(Id, Count, 'object'), undefined),
  /** Items per grade of each of the plan's scales. */
  byGrade: v.optional(ByGrade),
  /** The date the counts are as of (「平成27年3月末現在」 → `2015-03-31`). */
  asOf: v.optional(DateText),
};

/** Declared progress counts: first-class, because reports give totals without listing every item. */
export const ProgressSchema = v.object(
  {
    ...SNAPSHOT,
    /** The fiscal year the counts are for (the report's year), where the source says. */
    fiscalYear: v.optional(FiscalYear),
    /**
     * What the report compares these counts with (増減): the `history` point of that fiscal year, and the report's
     * note on it (「※増減は対H26年度と比較」).
     */
    comparedWith: v.optional(v.object({ fiscalYear: FiscalYear, note: v.optional(TextSchema) }, 'object')),
  },
  'object',
);

/** One point of a node's history: the counts as they stood in a fiscal year (as of its `asOf`, or its end). */
export const HistoryPointSchema = v.object({ fiscalYear: FiscalYear, ...SNAPSHOT }, 'object');

/** A numeric target (数値目標). Its presence is the flag; values are given where the source has them. */
export const NumericTargetSchema = v.object(
  {
    label: v.optional(TextSchema),
    target: v.optional(Value),
    actual: v.optional(Value),
    unit: v.optional(TextSchema),
  },
  'object',
);

/** A value with the fiscal year it is for (基準値（令和元年度）, 目標値（令和7年度）, 実績値). */
const YearValue = { value: Value, fiscalYear: v.optional(FiscalYear), asOf: v.optional(DateText) };

/**
 * A numeric indicator (成果指標, KPI): a baseline and a target, each with its year, the actual value per year, and
 * the grade the report gives it or that its scale's rule computes. `numericTarget` is the older, one-value form.
 */
export const IndicatorSchema = v.object(
  {
    label: TextSchema,
    unit: v.optional(TextSchema),
    /** 基準値. */
    baseline: v.optional(v.object(YearValue, 'object')),
    /** 目標値. */
    target: v.optional(v.object(YearValue, 'object')),
    /** 実績値 (現在値) per fiscal year, one per year. */
    actuals: v.optional(v.array(v.object({ ...YearValue, fiscalYear: FiscalYear }, 'object'), 'array')),
    /** Whether a higher value is better; by default, the way the target lies from the baseline, else higher. */
    direction: v.optional(v.picklist(['increase', 'decrease'], 'one-of')),
    /** The scale its grade is on (default: the plan's first scale with a `rule`). */
    scale: v.optional(Id),
    /** The grade the report states for it. Shown as stated; a rule's result, if different, is shown beside it. */
    grade: v.optional(Id),
    notes: v.optional(v.array(TextSchema, 'array')),
  },
  'object',
);

/**
 * Under which heading the source lists an item: 「令和6年度に実施した主な取組事項」 → `{ as: 'carried-out',
 * fiscalYear: 2024 }`, 「令和7年度に追加した主な取組事項」 → `{ as: 'added', fiscalYear: 2025 }`. The year is the one
 * the heading names, never one inferred from a number.
 */
export const ReportedSchema = v.object(
  { as: v.picklist(['carried-out', 'added'], 'one-of'), fiscalYear: FiscalYear },
  'object',
);

/** A figure the source gives in its prose (「イベントを17件開催しました」): a result, not a numeric target. */
export const ResultSchema = v.object({ label: v.optional(TextSchema), value: Value, unit: v.optional(TextSchema) }, 'object');

/** Another plan's item that this node corresponds to (a field and the 未来共創計画 area it serves). */
export const AlignmentSchema = v.object({ plan: v.optional(TextSchema), title: TextSchema }, 'object');

export const NodeSchema = v.object(
  {
    id: Id,
    /** Parent node id; top-level nodes have none and hang from the plan's root. */
    parent: v.optional(Id),
    /** policy, area, viewpoint, measure, field, guideline, initiative, section… (any id-like word). */
    kind: Id,
    title: TextSchema,
    summary: v.optional(TextSchema),
    /** Document number (№), e.g. `R6-7`. */
    number: v.optional(v.pipe(v.string('string'), v.maxLength(LIMITS.idLength, 'too-long'))),
    /** Page in the source document (P38 → 38). */
    page: v.optional(v.pipe(v.number('number'), v.integer('integer'), v.minValue(1, 'page'))),
    /**
     * Fiscal year in which the item was added (as bundles before `reported` wrote it). Prefer `reported`, which
     * says under which heading the source lists the item.
     */
    fiscalYear: v.optional(FiscalYear),
    reported: v.optional(ReportedSchema),
    /** What the summary is: the source's account of a `result` (past tense) or the `plan`ned content. */
    summaryKind: v.optional(v.picklist(['result', 'plan'], 'one-of')),
    results: v.optional(v.array(ResultSchema, 'array')),
    alignedWith: v.optional(v.array(AlignmentSchema, 'array')),
    /** Status id from the bundle's `statuses`. */
    status: v.optional(Id),
    /** The item's grade on each of the plan's scales, as the report states it: `{ "evaluation": "A" }`. */
    grades: v.optional(v.record(Id, Id, 'object')),
    numericTarget: v.optional(NumericTargetSchema),
    indicators: v.optional(v.array(IndicatorSchema, 'array')),
    progress: v.optional(ProgressSchema),
    history: v.optional(v.array(HistoryPointSchema, 'array')),
    /** Notes: the source's footnotes (※), or the editor's (`editorial` texts), shown as such. */
    notes: v.optional(v.array(TextSchema, 'array')),
    /** A page about this node (overrides the plan's source document link). */
    link: v.optional(Url),
  },
  'object',
);

export const StatusSchema = v.object(
  {
    id: Id,
    label: TextSchema,
    /** Whether an item with this status counts as achieved. */
    achieved: v.boolean('boolean'),
    /** Whether the item's figures are not yet fixed (counted in `unconfirmed`). */
    unconfirmed: v.optional(v.boolean('boolean')),
    /** Colour family; the status is always shown as text too. */
    tone: v.optional(v.picklist(['success', 'info', 'warning', 'danger', 'neutral'], 'tone')),
  },
  'object',
);

/** One grade of a scale (S 計画以上, a ほぼ達成した（90%以上）, 完了…). */
export const GradeSchema = v.object(
  {
    id: Id,
    /** The grade as printed: 「S」, 「a」, 「完了」. */
    label: TextSchema,
    /** The report's definition: 「計画以上」, 「ほぼ達成した（90%以上）」. */
    definition: v.optional(TextSchema),
    /** Whether an item of this grade counts as achieved (the city's choice; the rate counts these). */
    achieved: v.optional(v.boolean('boolean')),
    /** Whether an item's figures are not yet fixed (counted in `unconfirmed`). */
    unconfirmed: v.optional(v.boolean('boolean')),
    tone: v.optional(v.picklist(['success', 'info', 'warning', 'danger', 'neutral'], 'tone')),
  },
  'object',
);

/**
 * One step of a rule: the grade an indicator gets when its measure (in percent) is within the given bounds. A step
 * without a measure always applies (the last grade). Steps are tried in order; the first that applies gives the grade.
 */
export const RuleStepSchema = v.object(
  {
    grade: Id,
    /**
     * `attainment`: actual ÷ target (target ÷ actual where lower is better); `progress`: (actual − baseline) ÷
     * (target − baseline); `change`: (actual − baseline) ÷ |baseline|, with its sign turned where lower is better.
     * Each × 100.
     */
    measure: v.optional(v.picklist(['attainment', 'progress', 'change'], 'one-of')),
    /** ≥ */
    atLeast: v.optional(Value),
    /** > */
    above: v.optional(Value),
    /** ≤ */
    atMost: v.optional(Value),
    /** < */
    below: v.optional(Value),
  },
  'object',
);

/** How a scale's grade is computed from an indicator's values (評価基準). */
export const RuleSchema = v.object(
  {
    steps: v.pipe(v.array(RuleStepSchema, 'array'), v.minLength(1, 'not-empty')),
    /** The grade when the values a step needs are missing (「−：評価できない」); without it, no grade is computed. */
    missing: v.optional(Id),
  },
  'object',
);

/**
 * A scale the report grades or classifies items on (評価区分, 実施状況, 達成度). The plan's first scale is its
 * headline: its achieved grades give the plan's rate.
 */
export const ScaleSchema = v.object(
  {
    /** Any id but `status`, which names the bundle's `statuses`. */
    id: Id,
    label: TextSchema,
    grades: v.pipe(v.array(GradeSchema, 'array'), v.minLength(1, 'not-empty')),
    /** What the report calls the share of achieved grades (「A評価以上の割合」); default 「達成率」. */
    rateLabel: v.optional(TextSchema),
    rule: v.optional(RuleSchema),
    notes: v.optional(v.array(TextSchema, 'array')),
  },
  'object',
);

const Period = v.object({ from: FiscalYear, to: FiscalYear }, 'object');

/** 計画の見直し: one revision of a plan, with its date, as the report gives it. */
export const RevisionSchema = v.object(
  {
    date: DateText,
    title: v.optional(TextSchema),
    summary: v.optional(TextSchema),
    /** The period changed (令和2–6年度 → 令和2–7年度). */
    period: v.optional(v.object({ before: Period, after: Period }, 'object')),
    /** Items added: a node of the plan, or one the bundle does not list (by № and title). */
    added: v.optional(
      v.array(
        v.object({ node: v.optional(Id), number: v.optional(v.pipe(v.string('string'), v.maxLength(LIMITS.idLength, 'too-long'))), title: v.optional(TextSchema), reason: v.optional(TextSchema) }, 'object'),
        'array',
      ),
    ),
    /** Items removed, each with its reason (完了, 経常業務化, 目標達成). */
    removed: v.optional(
      v.array(
        v.object({ number: v.optional(v.pipe(v.string('string'), v.maxLength(LIMITS.idLength, 'too-long'))), title: TextSchema, reason: v.optional(TextSchema) }, 'object'),
        'array',
      ),
    ),
    notes: v.optional(v.array(TextSchema, 'array')),
  },
  'object',
);

export const RelatedPlanSchema = v.object(
  {
    title: TextSchema,
    /** How it relates: 上位計画, 連携, 後継… */
    relation: v.optional(TextSchema),
    summary: v.optional(TextSchema),
    date: v.optional(DateText),
    url: v.optional(Url),
  },
  'object',
);

/**
 * What a plan calls a kind of node, in the document's words (「視点」, 「基本方針」). `numberWithLabel`: the number is
 * shown after the label, as the document writes it (【視点1】 → 「視点1」, "Viewpoint 1").
 */
export const KindSchema = v.object({ label: TextSchema, numberWithLabel: v.optional(v.boolean('boolean')) }, 'object');

/** 推進体制: how the plan is carried out, and by whom. */
export const PromotionSchema = v.object(
  {
    summary: v.optional(TextSchema),
    bodies: v.optional(v.array(v.object({ title: TextSchema, summary: v.optional(TextSchema) }, 'object'), 'array')),
  },
  'object',
);

export const PlanSchema = v.object(
  {
    id: Id,
    title: TextSchema,
    subtitle: v.optional(TextSchema),
    summary: v.optional(TextSchema),
    /** 基本理念 / vision. */
    principle: v.optional(TextSchema),
    principleSummary: v.optional(TextSchema),
    /** Why the plan was made (策定の趣旨). */
    purpose: v.optional(TextSchema),
    /** Fiscal years, inclusive. */
    period: Period,
    /** What the source says about the period (why these years). */
    periodNote: v.optional(TextSchema),
    /** How the plan itself is kept up to date (「毎年、時点修正を行う動的なプラン」). */
    revisionPolicy: v.optional(TextSchema),
    promotion: v.optional(PromotionSchema),
    /** Labels of node kinds in the document's words; where given, kinds not listed are shown without a label. */
    kinds: v.optional(v.record(Id, KindSchema, 'object')),
    adopted: v.optional(DateText),
    asOf: v.optional(DateText),
    /** Who edited the document (編集). */
    editor: v.optional(TextSchema),
    /** The source document (its title as printed); with its `url` and a node's `page`, links go to `url#page=N`. */
    source: v.optional(v.object({ title: v.optional(TextSchema), url: v.optional(Url) }, 'object')),
    related: v.optional(v.array(RelatedPlanSchema, 'array')),
    /** The scales the report grades its items on, in its order; the first is the headline. */
    scales: v.optional(v.array(ScaleSchema, 'array')),
    /** The plan's revisions (見直し), each with its date. */
    revisions: v.optional(v.array(RevisionSchema, 'array')),
    progress: v.optional(ProgressSchema),
    history: v.optional(v.array(HistoryPointSchema, 'array')),
    notes: v.optional(v.array(TextSchema, 'array')),
    nodes: v.pipe(v.array(NodeSchema, 'array'), v.maxLength(LIMITS.nodes, 'too-many-nodes')),
  },
  'object',
);

export const BundleSchema = v.object(
  {
    $schema: v.optional(v.string('string')),
    schemaVersion: v.literal(1, 'schema-version'),
    publisher: v.object({ name: TextSchema, department: v.optional(TextSchema), url: v.optional(Url) }, 'object'),
    statuses: v.optional(v.array(StatusSchema, 'array')),
    plans: v.pipe(v.array(PlanSchema, 'array'), v.minLength(1, 'no-plans')),
  },
  'object',
);

export type Text = v.InferOutput<typeof TextSchema>;
export type ProgressData = v.InferOutput<typeof ProgressSchema>;
export type HistoryPoint = v.InferOutput<typeof HistoryPointSchema>;
export type NumericTarget = v.InferOutput<typeof NumericTargetSchema>;
export type IndicatorData = v.InferOutput<typeof IndicatorSchema>;
export type GradeData = v.InferOutput<typeof GradeSchema>;
export type RuleData = v.InferOutput<typeof RuleSchema>;
export type RuleStep = v.InferOutput<typeof RuleStepSchema>;
export type ScaleData = v.InferOutput<typeof ScaleSchema>;
export type RevisionData = v.InferOutput<typeof RevisionSchema>;
export type Reported = v.InferOutput<typeof ReportedSchema>;
export type Result = v.InferOutput<typeof ResultSchema>;
export type KindData = v.InferOutput<typeof KindSchema>;
export type NodeData = v.InferOutput<typeof NodeSchema>;
export type StatusData = v.InferOutput<typeof StatusSchema>;
export type RelatedPlan = v.InferOutput<typeof RelatedPlanSchema>;
export type PlanData = v.InferOutput<typeof PlanSchema>;
export type Bundle = v.InferOutput<typeof BundleSchema>;
