/**
 * The words of the authoring page (author.html), Japanese and English. Only that page loads them (never the
 * widgets); problems in the data are worded by the same catalogues as `kdx import` (`cli/messages.ts`).
 */
import { formatCount } from '../data/format.js';
import type { Lang } from './messages.js';

/** Counts through Intl, as the widgets write them (5,000 行, not 5000). */
const countJa = (n: number) => formatCount(n, 'ja');
const countEn = (n: number) => formatCount(n, 'en');

export interface AuthorMessages {
  title: string;
  intro: string;
  privacy: string;
  switchLang: string;
  guide: string;
  open: {
    heading: string;
    drop: string;
    bundle: string;
    bundleHint: string;
    bundleUrl: string;
    load: string;
    sheet: string;
    sheetHint: string;
    plan: string;
    newPlan: string;
    newPlanLegend: string;
    planId: string;
    planTitle: string;
    from: string;
    to: string;
    yearHint: string;
    publisher: string;
    /** What was opened: 「kanazawa.json（計画 2 件、項目 181 件）」. */
    bundleOpened: (name: string, plans: number, nodes: number) => string;
    sheetOpened: (name: string, rows: number, format: string) => string;
    notOpened: string;
    reading: (name: string) => string;
    stage: Record<'read' | 'parse' | 'check' | 'preview', string>;
    otherOrigin: (origin: string) => string;
    fileOrigin: string;
    notXlsx: string;
    oldXls: string;
    unknownType: (name: string) => string;
    tooLarge: (mb: number) => string;
    firstSheet: (sheet: string, count: number) => string;
    /** A plan in the plan chooser and in the notes about it: 「金沢市行政経営プラン（administrative-management-plan）」. */
    planLabel: (title: string, id: string) => string;
    /** The chooser's first option while no plan is chosen. */
    choosePlan: string;
    /** Why the page chose the plan (said under the chooser). */
    chosen: Record<'only' | 'planRow' | 'ids' | 'fits', (plan: string) => string>;
  };
  check: {
    heading: string;
    nothing: string;
    ok: (nodes: number) => string;
    errors: (n: number) => string;
    more: (n: number) => string;
    needsPeriod: string;
    newPlanOnly: (options: string) => string;
    noPlanId: string;
    revisionsNeedPlan: string;
    /** The sheet could be any of these plans' (labels, joined): staff choose. */
    choosePlan: (plans: string[]) => string;
    /** The sheet was one of revisions: 「見直しの表として読みました…」. */
    revisions: (n: number) => string;
    publisherUnset: string;
    bundleProblems: (name: string, n: number) => string;
    item: (label: string, column: string) => string;
  };
  edit: {
    heading: string;
    intro: string;
    item: string;
    itemHint: string;
    noItem: string;
    /** Nothing to edit yet: no file open, or problems that leave no items to edit. */
    noSource: { empty: string; invalid: string };
    planFields: string;
    itemFields: (label: string) => string;
    fields: Record<string, string>;
    hints: Record<string, string>;
    /** A field named by the bundle (a scale): 「評価（grade:evaluation）」. */
    named: (name: string, column: string) => string;
    /** A choice with its definition, when it has one: 「A：計画どおり」. */
    choice: (label: string, definition: string | undefined) => string;
    none: string;
    undo: string;
    edited: (n: number) => string;
    badDate: string;
  };
  diff: { heading: string; noBase: string };
  preview: { heading: string; width: string; phone: string; desktop: string; widgets: Record<string, string>; empty: string };
  save: {
    heading: string;
    json: (name: string) => string;
    csv: (name: string) => string;
    blocked: string;
    /** Between a change and the end of its check: nothing to save meanwhile. */
    checking: string;
    /** After the check, while the files to save are written (a moment for a large plan). */
    preparing: string;
    nothing: string;
    csvBlocked: string;
    revisions: (name: string) => string;
    revisionsBlocked: string;
  };
}

const ja: AuthorMessages = {
  title: 'プランデータの更新',
  intro:
    'Excel の項目の表（CSV または .xlsx）から、サイトで公開するプランデータ（JSON）を作ります。kdx import と同じ読み込み・同じ検証です。',
  privacy: 'このページはブラウザの中だけで動きます。開いたファイルはどこにも送信されません。',
  switchLang: 'English',
  guide: '使い方（docs/author-guide.md）',
  open: {
    heading: '1. ファイルを開く',
    drop: 'ここにファイルをドロップできます（JSON、CSV、.xlsx）',
    bundle: '公開中のプランデータ（JSON）',
    bundleHint: '今サイトにあるデータです。「サイトで変わる点」はこれと比べます。新しく作るときは不要です。',
    bundleUrl: 'またはこのサイトの URL',
    load: 'URL から読み込む',
    sheet: '項目の表（CSV または Excel の .xlsx）',
    sheetHint: 'UTF-8・Shift_JIS の CSV、.xlsx（最初のシート）。列は docs/csv-guide.md のとおりです。',
    plan: '置き換える計画',
    newPlan: '新しい計画を作る',
    newPlanLegend: '新しい計画',
    planId: '計画の ID',
    planTitle: 'タイトル',
    from: '期間の始まり（年度）',
    to: '期間の終わり（年度）',
    yearHint: '2026、令和8年度、R8 など',
    publisher: '発行者',
    bundleOpened: (name, plans, nodes) => `${name}（計画 ${countJa(plans)} 件、項目 ${countJa(nodes)} 件）`,
    sheetOpened: (name, rows, format) => `${name}（${countJa(rows)} 行、${format}）`,
    notOpened: 'まだ開いていません',
    reading: (name) => `${name} を読み込んでいます`,
    stage: { read: 'ファイルを読み込み中', parse: '表を読み取り中', check: '検証中', preview: 'プレビューを作成中' },
    otherOrigin: (origin) => `このページと同じサイト（${origin}）の URL だけを読み込めます。ほかのサイトのデータは、保存してからファイルとして開いてください。`,
    fileOrigin: 'パソコン上で開いたページからは URL を読み込めません。プランデータをファイルとして開いてください。',
    notXlsx: 'Excel ブック（.xlsx）として読めません。Excel で「Excel ブック（*.xlsx）」か「CSV UTF-8」として保存し直してください。',
    oldXls: '古い Excel 形式（.xls）には対応していません。Excel で「Excel ブック（*.xlsx）」として保存し直してください。',
    unknownType: (name) => `「${name}」の種類がわかりません。プランデータは .json、項目の表は .csv か .xlsx のファイルです。`,
    tooLarge: (mb) => `ファイルが大きすぎます（上限 ${countJa(mb)} MB）。`,
    firstSheet: (sheet, count) => `ブックにはシートが ${countJa(count)} 枚あります。最初のシート「${sheet}」を読みました。`,
    planLabel: (title, id) => `${title}（${id}）`,
    choosePlan: '（計画を選んでください）',
    chosen: {
      only: (plan) => `プランデータの計画は「${plan}」だけなので、これを選びました。`,
      planRow: (plan) => `表に計画「${plan}」の行があるので、これを選びました。`,
      ids: (plan) => `表の ID が最も多くある計画「${plan}」を選びました。違うときは選び直してください。`,
      fits: (plan) => `この見直しの表を入れられる計画は「${plan}」だけなので、これを選びました。`,
    },
  },
  check: {
    heading: '2. 確認',
    nothing: '項目の表か公開中のプランデータを開くと、ここに検証の結果が出ます。',
    ok: (nodes) => `誤りはありません（項目 ${countJa(nodes)} 件）。保存できます。`,
    errors: (n) => `誤りが ${countJa(n)} 件あります。すべて直すまで保存できません。`,
    more: (n) => `ほかに ${countJa(n)} 件あります（先頭から直すと、残りが表示されます）。`,
    needsPeriod: '新しい計画には期間（始まりと終わりの年度）が必要です',
    newPlanOnly: (options) => `${options} は新しい計画を作るときだけ指定できます`,
    noPlanId: '計画の ID を入力してください',
    revisionsNeedPlan: '見直しの表は、公開中のプランデータにある計画に読み込みます。公開中のプランデータを開き、置き換える計画を選んでください',
    choosePlan: (plans) => `どの計画の表か、表からは決められません（候補: ${plans.join('、')}）。「置き換える計画」で選んでください`,
    revisions: (n) => `見直しの表として読みました。計画の見直しを、この表の ${countJa(n)} 件に置き換えます。`,
    publisherUnset: '発行者が空です。新しい計画では「発行者」に入力してください。',
    bundleProblems: (name, n) => `${name} に誤りが ${countJa(n)} 件あります。このファイルは使えません:`,
    item: (label, column) => `「${label}」（${column}）`,
  },
  edit: {
    heading: '3. 小さな修正',
    intro: '数値・状況・評価・時点・注記だけを、ここで直せます。表全体を直すときは Excel で直して開き直してください。',
    item: '直す項目',
    itemHint: '№・ID・タイトルの一部を入力すると候補が出ます。プレビューのツリーで選んでも切り替わります。',
    noItem: '項目を選んでください',
    noSource: { empty: 'ファイルを開くと、ここで項目の数値などを直せます。', invalid: '「2. 確認」の誤りを直すと、ここで項目の数値などを直せます。' },
    planFields: '計画全体',
    itemFields: (label) => `項目「${label}」`,
    fields: {
      asOf: '時点（asOf）',
      total: '項目数（total）',
      achieved: '達成数（achieved）',
      unconfirmed: '数値未確定（unconfirmed）',
      status: '状況（status）',
      note: '注記（note_ja）',
    },
    hints: {
      asOf: '2026-03-31、2026-03、2026 のように',
      total: '空欄にすると、下位の項目から計算します',
      note: '1行に1つ。変えた行の英訳は外れます',
    },
    named: (name, column) => `${name}（${column}）`,
    choice: (label, definition) => (definition ? `${label}：${definition}` : label),
    none: '（なし）',
    undo: 'この項目の修正を取り消す',
    edited: (n) => `修正した項目: ${countJa(n)} 件（保存するデータに入ります）`,
    badDate: '日付は 2026-03-31、2026-03、2026 のように書いてください',
  },
  diff: {
    heading: '4. サイトで変わる点',
    noBase: '公開中のプランデータを開くと、サイトで変わる点（kdx diff と同じ）がここに出ます。',
  },
  preview: {
    heading: '5. プレビュー',
    width: '表示の幅',
    phone: 'スマートフォン（360 px）',
    desktop: 'パソコン（1024 px）',
    widgets: {
      'kdx-plan-overview': '計画の概要',
      'kdx-progress': '進捗メーター',
      'kdx-chart': 'グラフ',
      'kdx-plan-tree': '計画の構成ツリー',
      'kdx-initiative-card': '取組カード（ツリーで選んだ項目）',
    },
    empty: '誤りがなくなると、直したデータでウィジェットを表示します。',
  },
  save: {
    heading: '6. 保存',
    json: (name) => `プランデータを保存（${name}）`,
    csv: (name) => `項目の表を保存（Excel 用 CSV、${name}）`,
    blocked: '誤りが残っているため保存できません。「2. 確認」の誤りを直してください。',
    checking: '確認しています…（終わると保存できます）',
    preparing: '保存するファイルを用意しています…',
    nothing: 'ファイルを開くと保存できます。',
    csvBlocked: 'この計画の項目は CSV の1行で表せないため、CSV には保存できません:',
    revisions: (name) => `見直しの表を保存（Excel 用 CSV、${name}）`,
    revisionsBlocked: 'この計画の見直しは CSV で表せないため、見直しの表は保存できません:',
  },
};

const en: AuthorMessages = {
  title: 'Update the plan data',
  intro:
    'Turns the spreadsheet of items (CSV or .xlsx) from Excel into the plan bundle (JSON) the site publishes. It reads and checks exactly as kdx import does.',
  privacy: 'This page runs only in your browser. The files you open are sent nowhere.',
  switchLang: '日本語',
  guide: 'How to use it (docs/author-guide.md)',
  open: {
    heading: '1. Open the files',
    drop: 'You can drop files here (JSON, CSV, .xlsx)',
    bundle: 'The published plan bundle (JSON)',
    bundleHint: 'The data on the site now; "What changes on the site" compares with it. Not needed for a new bundle.',
    bundleUrl: 'or its URL on this site',
    load: 'Load from the URL',
    sheet: 'The spreadsheet of items (CSV or Excel .xlsx)',
    sheetHint: 'CSV in UTF-8 or Shift_JIS, or .xlsx (its first sheet). Columns as in docs/csv-guide.md.',
    plan: 'Plan to replace',
    newPlan: 'Create a new plan',
    newPlanLegend: 'New plan',
    planId: 'Plan id',
    planTitle: 'Title',
    from: 'Period from (fiscal year)',
    to: 'Period to (fiscal year)',
    yearHint: '2026, 令和8年度, R8…',
    publisher: 'Publisher',
    bundleOpened: (name, plans, nodes) => `${name} (${countEn(plans)} ${plans === 1 ? 'plan' : 'plans'}, ${countEn(nodes)} ${nodes === 1 ? 'item' : 'items'})`,
    sheetOpened: (name, rows, format) => `${name} (${countEn(rows)} ${rows === 1 ? 'row' : 'rows'}, ${format})`,
    notOpened: 'Nothing opened yet',
    reading: (name) => `Reading ${name}`,
    stage: { read: 'Reading the file', parse: 'Reading the table', check: 'Checking', preview: 'Building the preview' },
    otherOrigin: (origin) => `Only URLs on this page's own site (${origin}) can be loaded. Save data from another site and open it as a file.`,
    fileOrigin: 'A page opened from your computer cannot load URLs. Open the plan bundle as a file.',
    notXlsx: 'This is not an Excel workbook (.xlsx). Save it from Excel as "Excel Workbook (*.xlsx)" or "CSV UTF-8".',
    oldXls: 'The old Excel format (.xls) is not supported. Save it from Excel as "Excel Workbook (*.xlsx)".',
    unknownType: (name) => `What kind of file is "${name}"? A plan bundle is a .json file, a spreadsheet of items .csv or .xlsx.`,
    tooLarge: (mb) => `The file is too large (limit ${countEn(mb)} MB).`,
    firstSheet: (sheet, count) => `The workbook has ${countEn(count)} sheets; the first one, "${sheet}", was read.`,
    planLabel: (title, id) => `${title} (${id})`,
    choosePlan: '(Choose a plan)',
    chosen: {
      only: (plan) => `The bundle has one plan, ${plan}: chosen.`,
      planRow: (plan) => `The sheet has the row of the plan ${plan}: chosen.`,
      ids: (plan) => `Chosen: ${plan}, which has most of the sheet's ids. Choose another if it is not the right one.`,
      fits: (plan) => `${plan} is the only plan this revisions sheet fits: chosen.`,
    },
  },
  check: {
    heading: '2. Check',
    nothing: 'Open a spreadsheet of items or the published bundle, and the result of the checks appears here.',
    ok: (nodes) => `No problems (${countEn(nodes)} ${nodes === 1 ? 'item' : 'items'}). Ready to save.`,
    errors: (n) => `${countEn(n)} ${n === 1 ? 'problem' : 'problems'}. Nothing can be saved until every one is fixed.`,
    more: (n) => `${countEn(n)} more (fix the first ones and the rest appear).`,
    needsPeriod: 'A new plan needs its period (the first and the last fiscal year)',
    newPlanOnly: (options) => `${options} can be given only for a new plan`,
    noPlanId: 'Enter the plan id',
    revisionsNeedPlan: "A sheet of revisions goes into a plan of the published bundle: open the published bundle and choose the plan whose revisions it replaces",
    choosePlan: (plans) => `Which plan this sheet is for cannot be told from it (it could be ${plans.join(', ')}). Choose it under "Plan to replace"`,
    revisions: (n) => `Read as a sheet of revisions: the plan's revisions are replaced by this sheet's ${countEn(n)} ${n === 1 ? 'revision' : 'revisions'}.`,
    publisherUnset: 'The publisher is empty: for a new plan, fill in "Publisher".',
    bundleProblems: (name, n) => `${name} has ${countEn(n)} ${n === 1 ? 'problem' : 'problems'} and cannot be used:`,
    item: (label, column) => `"${label}" (${column})`,
  },
  edit: {
    heading: '3. Small edits',
    intro: 'Counts, statuses, grades, the as-of date and notes can be corrected here. For anything more, edit the spreadsheet in Excel and open it again.',
    item: 'Item to edit',
    itemHint: 'Type part of a №, id or title for suggestions; choosing a row in the preview tree selects it too.',
    noItem: 'Choose an item',
    noSource: { empty: 'Open a file, and the counts and other fields of its items can be edited here.', invalid: 'Once the problems under "2. Check" are fixed, the counts and other fields of the items can be edited here.' },
    planFields: 'The whole plan',
    itemFields: (label) => `Item "${label}"`,
    fields: {
      asOf: 'As of (asOf)',
      total: 'Items (total)',
      achieved: 'Achieved (achieved)',
      unconfirmed: 'Figures not yet fixed (unconfirmed)',
      status: 'Status (status)',
      note: 'Notes (note_ja)',
    },
    hints: {
      asOf: 'Like 2026-03-31, 2026-03 or 2026',
      total: 'Leave empty to count from the items below',
      note: 'One per line; a changed line loses its English',
    },
    named: (name, column) => `${name} (${column})`,
    choice: (label, definition) => (definition ? `${label}: ${definition}` : label),
    none: '(none)',
    undo: 'Undo the edits of this item',
    edited: (n) => `Items edited: ${countEn(n)} (they go into the saved data)`,
    badDate: 'Write a date like 2026-03-31, 2026-03 or 2026',
  },
  diff: {
    heading: '4. What changes on the site',
    noBase: 'Open the published bundle, and what changes on the site (as kdx diff says it) appears here.',
  },
  preview: {
    heading: '5. Preview',
    width: 'Width',
    phone: 'Phone (360 px)',
    desktop: 'Desktop (1024 px)',
    widgets: {
      'kdx-plan-overview': 'Plan overview',
      'kdx-progress': 'Progress meters',
      'kdx-chart': 'Charts',
      'kdx-plan-tree': 'Plan tree',
      'kdx-initiative-card': 'Initiative card (the item chosen in the tree)',
    },
    empty: 'Once there are no problems, the widgets show the edited data here.',
  },
  save: {
    heading: '6. Save',
    json: (name) => `Save the plan bundle (${name})`,
    csv: (name) => `Save the spreadsheet (CSV for Excel, ${name})`,
    blocked: 'Problems remain, so nothing can be saved. Fix the problems under "2. Check".',
    checking: 'Checking… (you can save once it is done)',
    preparing: 'Preparing the files to save…',
    nothing: 'Open a file to save.',
    csvBlocked: "This plan's items cannot be written one per CSV row, so no CSV can be saved:",
    revisions: (name) => `Save the revisions sheet (CSV for Excel, ${name})`,
    revisionsBlocked: "This plan's revisions cannot be written as CSV, so no revisions sheet can be saved:",
  },
};

export function authorMessages(lang: Lang): AuthorMessages {
  return lang === 'en' ? en : ja;
}
