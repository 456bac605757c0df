/**
 * Every string the `kdx` command prints, in Japanese (default) and English. Validation problems reuse the
 * widgets' catalogue (`i18n/` → `issue`), so a problem reads the same in the browser and in the terminal.
 */
import { messages as widgetMessages, type Lang } from '../i18n/index.js';
import type { IssueKey, IssueParams } from '../i18n/messages.js';

/** Problems only the CLI meets: cells, columns, files. Disjoint from the schema's {@link IssueKey}s. */
export type CliIssueKey =
  | 'empty' | 'needs' | 'not-number' | 'not-page' | 'not-fiscal-year' | 'not-flag' | 'flag-conflict'
  | 'duplicate-row' | 'too-many-cells' | 'quote' | 'unknown-column' | 'missing-column'
  | 'duplicate-column' | 'no-rows' | 'note-unpaired' | 'note-lines' | 'note-editorial' | 'repeats-first' | 'not-choice'
  | 'not-text' | 'utf16' | 'not-found' | 'column-year' | 'not-in-csv' | 'editorial-no-column' | 'revision-conflict' | 'revisions-need-plan'
  | 'cannot-read' | 'cannot-write' | 'too-large' | 'not-on-plan-row' | 'plan-row-only' | 'further-row' | 'plan-title-twice';

export interface CliParams extends IssueParams {
  /** A column, option or file name. */
  name?: string;
  /** Another line of the CSV the problem refers to (a duplicate's first occurrence). */
  otherLine?: number;
  reason?: string;
  /** What a value export cannot write belongs to (by `id`: an item's, the plan's, a revision's date), and its field there. */
  owner?: 'item' | 'plan' | 'revision';
  field?: string;
}

/**
 * One problem: at a CSV line (and column, as its header is written in the file), or at a JSON path, or about
 * the whole file.
 */
export interface CliIssue {
  line?: number;
  column?: string;
  path?: string;
  key: IssueKey | CliIssueKey;
  params: CliParams;
}

export interface CliMessages {
  issue: Record<CliIssueKey, (p: CliParams) => string>;
  /** Where a problem is: 「12行目（page）」 / "line 12 (page)". */
  at: (line: number, column?: string) => string;
  lineRef: (line: number) => string;
  usage: Record<'main' | 'validate' | 'import' | 'export' | 'diff', string>;
  unknownCommand: (cmd: string) => string;
  unknownOption: (option: string) => string;
  missingValue: (option: string) => string;
  missingArgument: (what: string) => string;
  extraArgument: (arg: string) => string;
  badValue: (option: string, value: string, allowed: string) => string;
  needsPeriod: (plan: string) => string;
  newPlanOnly: (options: string) => string;
  seeHelp: (cmd: string) => string;
  valid: (file: string, plans: number, nodes: number) => string;
  invalid: (file: string, count: number) => string;
  /** `kdx diff` cannot compare: one of the files is missing, not JSON, or not a valid bundle. */
  diffFailed: (file: string, count: number) => string;
  importFailed: (file: string, count: number) => string;
  imported: (plan: string, nodes: number, added: number, removed: number, out: string) => string;
  exportFailed: (file: string, count: number) => string;
  exported: (plan: string, rows: number, encoding: string, out: string) => string;
  planNotFound: (plan: string, valid: string) => string;
  escaped: (count: number, first: string) => string;
  importedRevisions: (plan: string, count: number, out: string) => string;
  exportedRevisions: (plan: string, count: number, encoding: string, out: string) => string;
  byStatusDropped: (ids: string) => string;
  publisherUnset: string;
  stdout: string;
  columns: string;
}

const q = (s: string | undefined) => s ?? '';
/** 「項目「R6-7」の results[1]」 / `item "R6-7", results[1]`: what a value export cannot write is, to find it in the bundle. */
const OWNER = { ja: { item: '項目', plan: '計画', revision: '見直し' }, en: { item: 'item', plan: 'plan', revision: 'revision' } } as const;
const ownedJa = (p: CliParams) => `${OWNER.ja[p.owner ?? 'item']}「${q(p.id)}」の ${q(p.field)}`;
const ownedEn = (p: CliParams) => `${OWNER.en[p.owner ?? 'item']} "${q(p.id)}", ${q(p.field)},`;

const ja: CliMessages = {
  issue: {
    empty: () => '空欄にはできません',
    needs: (p) => `「${q(p.name)}」を書くときは必須です`,
    'not-number': (p) => `数値として読めません（実際: ${q(p.received)}）。1200、1,200、１２００ のように書いてください`,
    'not-page': (p) => `ページとして読めません（実際: ${q(p.received)}）。38 や P38 のように書いてください`,
    'not-fiscal-year': (p) => `年度として読めません（実際: ${q(p.received)}）。2025、令和7年度、R7 のように書いてください`,
    'not-flag': (p) => `あり／なしとして読めません（実際: ${q(p.received)}）。1・○・あり、または 0・×・なし と書いてください`,
    'flag-conflict': (p) => `「なし」なのに「${q(p.name)}」に値があります`,
    'duplicate-row': (p) => `ID「${q(p.id)}」が重複しています（${q(p.other)}と同じ）`,
    'too-many-cells': (p) => `見出しより列が多くなっています（${q(p.received)} 列目に値があります）。文中の「,」は、セル全体を "…" で囲んでください`,
    quote: () => '引用符（"）が閉じていません。セルの中の " は "" と2つ重ねてください',
    'unknown-column': (p) =>
      `列名「${q(p.name)}」は使えません。列名は docs/csv-guide.md を見てください。メモなど自由に使う列は、列名を # で始めてください`,
    'missing-column': (p) => `必須の列「${q(p.name)}」がありません`,
    'duplicate-column': (p) => `列「${q(p.name)}」が2回あります`,
    'no-rows': () => 'データの行がありません（1行目の見出しだけです）',
    'note-unpaired': () => '英語の注記に対応する日本語の注記（同じ行位置）がありません',
    'note-lines': (p) => `${ownedJa(p)} は改行を含むか空のため、1行1注記の CSV では表せません。プランデータ（JSON）で、改行のところで別々の注記に分けるか、空の注記を削除してください`,
    'note-editorial': (p) =>
      `${ownedJa(p)} には編集者の注記と資料の注記が混ざっているため、1列の ${q(p.name)} では表せません。この計画は CSV でなくプランデータ（JSON）で更新してください`,
    'repeats-first': (p) =>
      `${ownedJa(p)} は ${q(p.other)} と同じ値です。続きの行で項目の行と同じ値は Excel のフィルとして読み飛ばすため、CSV では書けません。同じものが2つ要らなければ、プランデータ（JSON）で1つ削除してください`,
    'not-choice': (p) => `読めない値です（実際: ${q(p.received)}）。${p.name ?? ''} のいずれかを書いてください`,
    'column-year': (p) => `列名「${q(p.name)}」の年度が読めません。total@2014、actual:令和6年度 のように書いてください`,
    'not-in-csv': (p) => `${ownedJa(p)} を書く列が見直しの CSV にありません。この計画の見直しは CSV でなくプランデータ（JSON）で更新してください`,
    'editorial-no-column': (p) =>
      `${ownedJa(p)} は編集者の文（editorial）ですが、その列（${q(p.name)}）には編集者の文の印がないため CSV では表せません。資料の言葉ならプランデータ（JSON）で editorial を外し、編集者の文ならこの計画は CSV でなくプランデータで更新してください`,
    'revision-conflict': (p) => `同じ改定日の${p.otherLine ?? '?'}行目と違う値です。改定の名称・概要は1か所に書くか、同じ値にしてください`,
    'revisions-need-plan': (p) => `見直しの CSV は既存の計画に読み込みます。--into で計画「${q(p.id)}」のあるプランデータを指定してください`,
    'not-text': () => 'UTF-8 としても Shift_JIS としても読めない文字があります。Excel で「CSV UTF-8」か「CSV（コンマ区切り）」として保存し直してください',
    utf16: () => 'UTF-16（Excel の「Unicode テキスト」）には対応していません。「CSV UTF-8」として保存してください',
    'not-found': (p) => `ファイル「${q(p.name)}」が見つかりません`,
    'cannot-read': (p) => `ファイル「${q(p.name)}」を読めません（${q(p.reason)}）`,
    'cannot-write': (p) => `ファイル「${q(p.name)}」に書き込めません（${q(p.reason)}）`,
    'too-large': (p) => `ファイルが大きすぎます（上限 ${p.limit ?? '?'} バイト。ウィジェットも読み込みません）`,
    'not-on-plan-row': (p) => `計画そのものの行（ID「${q(p.id)}」）には書けない列です。計画の件数・時点・前年度までの件数・注記だけを書きます`,
    'plan-row-only': (p) => `計画そのものの行（ID「${q(p.id)}」）だけに書く列です`,
    'further-row': (p) =>
      `${p.otherLine ?? '?'}行目と同じ ID の行は、その項目の2つ目以降の指標・実績・対応する項目を書く行です。それらの列のほかは空欄にするか、${p.otherLine ?? '?'}行目と同じ値にしてください`,
    'plan-title-twice': () => '計画のタイトルが --title と計画そのものの行の両方にあります。どちらか一方にしてください',
  },
  at: (line, column) => (column ? `${line}行目（${column}）` : `${line}行目`),
  lineRef: (line) => `${line}行目`,
  usage: {
    main: `使い方: kdx <コマンド> [オプション]

コマンド:
  validate <bundle.json>                 プランデータ（JSON）を検証します
  import <items.csv> --plan <id> …      CSV から計画の項目を作ります・置き換えます
  export <bundle.json> --plan <id> …    計画の項目を CSV に書き出します
  diff <old.json> <new.json>             2つのプランデータの違い（サイトで変わる点）を表示します

共通オプション:
  --lang ja|en   メッセージの言語（既定: ja）
  --help         使い方を表示します
  --version      版を表示します

詳しくは kdx <コマンド> --help、CSV の書き方は docs/csv-guide.md を見てください。`,
    validate: `使い方: kdx validate <bundle.json> [--json] [--lang ja|en]

ウィジェットと同じ検証を行います。誤りがあれば JSON のパス付きで表示します。
  --json   結果を JSON で標準出力に書きます
終了コード: 0 = 正しい、1 = 誤りがある・読めない、2 = 使い方の誤り`,
    import: `使い方: kdx import <items.csv> --plan <id> [--into bundle.json] [--out file.json]
                  [--title タイトル] [--from 年度] [--to 年度] [--publisher 発行者]
                  [--encoding auto|utf8|sjis] [--lang ja|en]

CSV の各行を計画の項目にします。文字コード（UTF-8／Shift_JIS）は自動で判別します。
  --into      既存のプランデータを読み、この計画の項目だけを置き換えます（他の項目は保持）
  --out       書き出し先（省略時は標準出力）。--into と同じファイルも指定できます
  --title、--from、--to、--publisher
              新しい計画を作るとき（--into なし、または --into にない計画）のタイトル・期間・発行者。
              --from と --to は必須です（2026、令和8年度 など）
revision_date 列のある CSV は見直しの CSV として、--into の計画の見直しを置き換えます。
誤りのある行が1つでもあれば、すべて行番号付きで表示し、何も書き込みません。`,
    diff: `使い方: kdx diff <old.json> <new.json> [--json] [--lang ja|en]

公開前の確認用に、2つのプランデータでサイトの表示が変わる点を表示します: 追加・削除された項目（№とタイトル）、
変わったタイトルや文、動く数値（達成率、区分ごとの件数、年度ごとの件数、指標の値）、変わる状況と評価、計画の見直し。
  --json   結果を JSON で標準出力に書きます
終了コード: 0 = 違いなし、1 = 違いあり、2 = ファイルやデータの誤り・使い方の誤り`,
    export: `使い方: kdx export <bundle.json> --plan <id> [--revisions] [--encoding utf8|sjis] [--out file.csv] [--lang ja|en]

計画の項目を CSV に書き出します。
  --revisions 項目の代わりに、計画の見直し（追加・削除・期間の変更）を1項目1行で書き出します
  --encoding  utf8 = BOM 付き UTF-8（既定。Excel でそのまま開けます）、sjis = Shift_JIS
  --out       書き出し先（省略時は標準出力。Windows では --out を使ってください）`,
  },
  unknownCommand: (cmd) => `コマンド「${cmd}」はありません。validate、import、export、diff のいずれかです`,
  unknownOption: (o) => `オプション「${o}」はこのコマンドにはありません`,
  missingValue: (o) => `オプション「${o}」には値が必要です`,
  missingArgument: (what) => `${what} を指定してください`,
  extraArgument: (a) => `余分な引数があります:「${a}」`,
  badValue: (o, v, allowed) => `オプション「${o}」の値「${v}」は使えません（使える値: ${allowed}）`,
  needsPeriod: (plan) => `計画「${plan}」を新しく作るには --from と --to（計画期間の年度）が必要です`,
  newPlanOnly: (options) => `${options} は新しい計画を作るときだけ使えます（--into の計画は他の項目を保持します）`,
  seeHelp: (cmd) => `詳しくは kdx ${cmd ? `${cmd} ` : ''}--help を見てください`,
  valid: (file, plans, nodes) => `OK: ${file} は正しいプランデータです（計画 ${plans} 件、項目 ${nodes} 件）`,
  invalid: (file, count) => `${file} に誤りが ${count} 件あります:`,
  diffFailed: (file, count) => `${file} を比べられません（誤り ${count} 件）:`,
  importFailed: (file, count) => `${file} に誤りが ${count} 件あります。何も書き込んでいません:`,
  imported: (plan, nodes, added, removed, out) =>
    `計画「${plan}」の項目 ${nodes} 件を ${out} に書き込みました（追加 ${added} 件、削除 ${removed} 件）`,
  exportFailed: (file, count) => `${file} から書き出せません（${count} 件）。何も書き込んでいません:`,
  exported: (plan, rows, encoding, out) => `計画「${plan}」の項目 ${rows} 件を ${out} に書き出しました（${encoding}）`,
  planNotFound: (plan, valid) => `計画「${plan}」はありません（ある計画: ${valid || 'なし'}）`,
  escaped: (count, first) =>
    `注意: Shift_JIS にない文字 ${count} 字を &#x…; の形で書きました（最初: ${first}）。読み込むと元の文字に戻ります。そのまま残したい場合は --encoding utf8 を使ってください`,
  importedRevisions: (plan, count, out) => `計画「${plan}」の見直し ${count} 件を ${out} に書き込みました`,
  exportedRevisions: (plan, count, encoding, out) => `計画「${plan}」の見直し ${count} 件を ${out} に書き出しました（${encoding}）`,
  byStatusDropped: (ids) => `注意: 項目数・達成数が変わったため、状況別の内訳を削除しました: ${ids}`,
  publisherUnset: '注意: 発行者が空です。--publisher で指定するか、出力の publisher.name を書き換えてください',
  stdout: '標準出力',
  columns: '列',
};

const en: CliMessages = {
  issue: {
    empty: () => 'must not be empty',
    needs: (p) => `is required when "${q(p.name)}" is given`,
    'not-number': (p) => `is not a number (got ${q(p.received)}); write it like 1200 or 1,200`,
    'not-page': (p) => `is not a page (got ${q(p.received)}); write it like 38 or P38`,
    'not-fiscal-year': (p) => `is not a fiscal year (got ${q(p.received)}); write it like 2025, 令和7年度 or R7`,
    'not-flag': (p) => `is not yes or no (got ${q(p.received)}); write 1, ○ or あり for yes and 0, × or なし for no`,
    'flag-conflict': (p) => `says no, but "${q(p.name)}" has a value`,
    'duplicate-row': (p) => `duplicate id "${q(p.id)}" (also on ${q(p.other)})`,
    'too-many-cells': (p) => `has more cells than the header (a value in cell ${q(p.received)}); put a text containing "," in double quotes`,
    quote: () => 'a double quote (") is not closed; write a quote inside a cell as ""',
    'unknown-column': (p) =>
      `unknown column "${q(p.name)}"; see docs/csv-guide.md for column names, and start the name of a column of your own (memos…) with #`,
    'missing-column': (p) => `the required column "${q(p.name)}" is missing`,
    'duplicate-column': (p) => `the column "${q(p.name)}" appears twice`,
    'no-rows': () => 'there are no data rows (only the header on line 1)',
    'note-unpaired': () => 'an English note has no Japanese note on the same line of the cell',
    'note-lines': (p) => `${ownedEn(p)} contains a line break or is empty, which one-note-per-line CSV cannot represent; in the bundle (JSON), split it into one note per line, or remove the empty note`,
    'note-editorial': (p) =>
      `${ownedEn(p)} mixes the editor's notes with the source's, which one ${q(p.name)} column cannot represent; update this plan in the bundle (JSON), not through the CSV`,
    'repeats-first': (p) =>
      `${ownedEn(p)} is the same as ${q(p.other)}; a further row that repeats the item's row is read as Excel's fill-down, so the CSV cannot hold it; if it is not meant twice, remove one in the bundle (JSON)`,
    'not-choice': (p) => `is not one of the allowed values (got ${q(p.received)}); write one of ${p.name ?? ''}`,
    'column-year': (p) => `the year in the column name "${q(p.name)}" cannot be read; write it like total@2014 or actual:令和6年度`,
    'not-in-csv': (p) => `${ownedEn(p)} has no column in the revisions sheet; update this plan's revisions in the bundle (JSON), not through the sheet`,
    'editorial-no-column': (p) =>
      `${ownedEn(p)} is the editor's wording (editorial), and its column (${q(p.name)}) has no mark for that, so the CSV cannot hold it; if it is the source's wording, remove "editorial" in the bundle (JSON), otherwise update this plan in the bundle, not through the CSV`,
    'revision-conflict': (p) => `differs from line ${p.otherLine ?? '?'} of the same revision date; give a revision's title and summary once, or the same on every row`,
    'revisions-need-plan': (p) => `a revisions sheet goes into an existing plan: give --into a bundle with plan "${q(p.id)}"`,
    'not-text': () => 'has bytes that are neither UTF-8 nor Shift_JIS; save the file from Excel as "CSV UTF-8" or "CSV (Comma delimited)"',
    utf16: () => 'UTF-16 (Excel\'s "Unicode Text") is not supported; save the file as "CSV UTF-8"',
    'not-found': (p) => `file "${q(p.name)}" not found`,
    'cannot-read': (p) => `cannot read "${q(p.name)}" (${q(p.reason)})`,
    'cannot-write': (p) => `cannot write "${q(p.name)}" (${q(p.reason)})`,
    'too-large': (p) => `the file is too large (limit ${p.limit ?? '?'} bytes; the widgets would refuse it too)`,
    'not-on-plan-row': (p) => `the plan's own row (id "${q(p.id)}") cannot hold this column; it holds the plan's counts, as-of dates, earlier years and notes`,
    'plan-row-only': (p) => `only the plan's own row (id "${q(p.id)}") holds this column`,
    'further-row': (p) =>
      `a row with the id of line ${p.otherLine ?? '?'} holds further indicators, results or corresponding items of that item: leave its other cells empty or as on line ${p.otherLine ?? '?'}`,
    'plan-title-twice': () => "the plan's title is given both by --title and in the plan's own row; give it once",
  },
  at: (line, column) => (column ? `line ${line} (${column})` : `line ${line}`),
  lineRef: (line) => `line ${line}`,
  usage: {
    main: `Usage: kdx <command> [options]

Commands:
  validate <bundle.json>                 check a plan bundle (JSON)
  import <items.csv> --plan <id> …      build or replace a plan's items from a CSV file
  export <bundle.json> --plan <id> …    write a plan's items as a CSV file
  diff <old.json> <new.json>             what changes on the site between two bundles

Options for every command:
  --lang ja|en   language of messages (default: ja)
  --help         show usage
  --version      show the version

See kdx <command> --help, and docs/csv-guide.md for the CSV layout.`,
    validate: `Usage: kdx validate <bundle.json> [--json] [--lang ja|en]

Runs the widgets' validator and lists problems with their JSON paths.
  --json   write the result as JSON to standard output
Exit code: 0 = valid, 1 = invalid or unreadable, 2 = wrong usage`,
    import: `Usage: kdx import <items.csv> --plan <id> [--into bundle.json] [--out file.json]
                  [--title text] [--from year] [--to year] [--publisher name]
                  [--encoding auto|utf8|sjis] [--lang ja|en]

Turns each CSV row into an item of the plan. UTF-8 and Shift_JIS are detected.
  --into      read an existing bundle and replace this plan's items only (everything else is kept)
  --out       where to write (default: standard output); may be the --into file
  --title, --from, --to, --publisher
              title, period and publisher when a new plan is created (no --into, or a plan --into lacks);
              --from and --to are required then (2026, 令和8年度…)
A sheet with a revision_date column is a revisions sheet: it replaces the --into plan's revisions.
If any row is wrong, every problem is listed with its line number and nothing is written.`,
    diff: `Usage: kdx diff <old.json> <new.json> [--json] [--lang ja|en]

For checking before you publish: what changes on the site between two bundles — items added and removed (№ and
title), titles and texts changed, figures that move (achievement rates, counts by grade and by year, indicator
values), statuses and grades that change, plan revisions.
  --json   write the result as JSON to standard output
Exit code: 0 = no differences, 1 = differences, 2 = a file or its data is wrong, or wrong usage`,
    export: `Usage: kdx export <bundle.json> --plan <id> [--revisions] [--encoding utf8|sjis] [--out file.csv] [--lang ja|en]

Writes the plan's items as CSV.
  --revisions the plan's revisions instead, one row per entry (added, removed, period)
  --encoding  utf8 = UTF-8 with BOM (default; Excel opens it as is), sjis = Shift_JIS
  --out       where to write (default: standard output; on Windows, use --out)`,
  },
  unknownCommand: (cmd) => `unknown command "${cmd}"; use validate, import, export or diff`,
  unknownOption: (o) => `this command has no option "${o}"`,
  missingValue: (o) => `option "${o}" needs a value`,
  missingArgument: (what) => `give ${what}`,
  extraArgument: (a) => `unexpected argument "${a}"`,
  badValue: (o, v, allowed) => `option "${o}" cannot be "${v}" (allowed: ${allowed})`,
  needsPeriod: (plan) => `creating plan "${plan}" needs --from and --to (the fiscal years of its period)`,
  newPlanOnly: (options) => `${options} apply only when a new plan is created (a plan from --into keeps its other fields)`,
  seeHelp: (cmd) => `see kdx ${cmd ? `${cmd} ` : ''}--help`,
  valid: (file, plans, nodes) => `OK: ${file} is a valid plan bundle (${plans} ${plans === 1 ? 'plan' : 'plans'}, ${nodes} ${nodes === 1 ? 'item' : 'items'})`,
  invalid: (file, count) => `${file} has ${count} ${count === 1 ? 'problem' : 'problems'}:`,
  diffFailed: (file, count) => `cannot compare ${file} (${count} ${count === 1 ? 'problem' : 'problems'}):`,
  importFailed: (file, count) => `${file} has ${count} ${count === 1 ? 'problem' : 'problems'}; nothing was written:`,
  imported: (plan, nodes, added, removed, out) =>
    `wrote ${nodes} ${nodes === 1 ? 'item' : 'items'} of plan "${plan}" to ${out} (${added} added, ${removed} removed)`,
  exportFailed: (file, count) => `cannot export from ${file} (${count} ${count === 1 ? 'problem' : 'problems'}); nothing was written:`,
  exported: (plan, rows, encoding, out) => `wrote ${rows} ${rows === 1 ? 'item' : 'items'} of plan "${plan}" to ${out} (${encoding})`,
  planNotFound: (plan, valid) => `there is no plan "${plan}" (plans: ${valid || 'none'})`,
  escaped: (count, first) =>
    `note: ${count} ${count === 1 ? 'character' : 'characters'} that Shift_JIS lacks ${count === 1 ? 'was' : 'were'} written as &#x…; (first: ${first}); import turns them back. Use --encoding utf8 to keep them as they are`,
  importedRevisions: (plan, count, out) => `wrote ${count} ${count === 1 ? 'revision' : 'revisions'} of plan "${plan}" to ${out}`,
  exportedRevisions: (plan, count, encoding, out) => `wrote ${count} ${count === 1 ? 'revision' : 'revisions'} of plan "${plan}" to ${out} (${encoding})`,
  byStatusDropped: (ids) => `note: status breakdowns removed because the counts changed: ${ids}`,
  publisherUnset: 'note: the publisher is empty; give --publisher or edit publisher.name in the output',
  stdout: 'standard output',
  columns: 'columns',
};

export function cliMessages(lang: Lang): CliMessages {
  return lang === 'en' ? en : ja;
}

/** One problem as a line for people: `12行目（page）: ページとして読めません（実際: "abc"）…`. */
export function formatCliIssue(issue: CliIssue, lang: Lang): string {
  const m = cliMessages(lang);
  const params: CliParams = issue.params.otherLine !== undefined ? { ...issue.params, other: m.lineRef(issue.params.otherLine) } : issue.params;
  const text = issue.key in m.issue
    ? m.issue[issue.key as CliIssueKey](params)
    : widgetMessages(lang).issue[issue.key as IssueKey](params);
  const where = issue.line !== undefined ? m.at(issue.line, issue.column) : issue.path;
  return where ? `${where}: ${text}` : text;
}
