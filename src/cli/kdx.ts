/**
 * `kdx`: the command for staff who keep plan progress in spreadsheets.
 *
 *   kdx validate <bundle.json> [--json]
 *   kdx import <items.csv> --plan <id> [--into bundle.json] [--out file] [--title] [--from] [--to] [--publisher]
 *   kdx export <bundle.json> --plan <id> [--revisions] [--encoding utf8|sjis] [--out file]
 *   kdx diff <old.json> <new.json> [--json]
 *
 * Messages in Japanese, or English with `--lang en`. Exit codes: 0 done, 1 problems in the data or the files
 * (nothing written), 2 wrong usage. `diff`: 0 equal, 1 different, 2 a file it cannot compare or wrong usage. No shebang here: the build adds it to `dist/cli.js`; run the source with
 * `npx tsx src/cli/kdx.ts …`.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Bundle } from '../data/bundle.js';
import { diffBundles } from '../data/diff.js';
import { validateBundle } from '../data/parse.js';
import { describe } from '../data/validate.js';
import { describeChange, formatDiff } from '../i18n/diff.js';
import { loadDetail, loadMessages, toLang, type Lang } from '../i18n/index.js';
import { VERSION } from '../version.js';
import { readFiscalYear } from './csv-columns.js';
import { planToSheet, shiftJisSheet, toCsv } from './csv-export.js';
import { parseCsv, type CsvRow } from './csv-import.js';
import { isRevisionSheet, revisionsToSheet } from './csv-revisions.js';
import { EncodingError, decodeCsv, encodeShiftJis, encodeUtf8WithBom, type CsvEncoding } from './encoding.js';
import { readBytes, readJson, readJsonText, writeOut } from './files.js';
import { keepFormat } from './keep-format.js';
import { importItems } from './import-items.js';
import { importRevisions } from './import-revisions.js';
import { checkPlanOptions } from './merge.js';
import { cliMessages, formatCliIssue, type CliIssue, type CliMessages } from './messages.js';

/** Where output goes: the process's streams, or a test's buffers. */
export interface Io {
  stdout(data: string | Uint8Array): void;
  stderr(text: string): void;
}

const processIo: Io = {
  stdout: (data) => void process.stdout.write(data),
  stderr: (text) => void process.stderr.write(text),
};

type Spec = Record<string, 'string' | 'boolean'>;
const COMMON: Spec = { lang: 'string', help: 'boolean', version: 'boolean' };
const COMMANDS = {
  validate: { json: 'boolean' },
  import: { plan: 'string', into: 'string', out: 'string', title: 'string', from: 'string', to: 'string', publisher: 'string', encoding: 'string' },
  export: { plan: 'string', out: 'string', encoding: 'string', revisions: 'boolean' },
  diff: { json: 'boolean' },
} satisfies Record<string, Spec>;
type Command = keyof typeof COMMANDS;
type Values = Record<string, string | boolean | undefined>;

class UsageError extends Error {}

interface Context {
  io: Io;
  lang: Lang;
  m: CliMessages;
}

function parse(args: string[], spec: Spec, m: CliMessages, check = true): { values: Values; positionals: string[] } {
  const all: Spec = { ...COMMON, ...spec };
  const options = Object.fromEntries(
    Object.entries(all).map(([name, type]) => [name, name === 'help' ? { type, short: 'h' } : { type }]),
  );
  const { values, positionals, tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  for (const t of check ? tokens : []) {
    if (t.kind !== 'option') continue;
    const type = all[t.name];
    if (!type) throw new UsageError(m.unknownOption(t.rawName));
    if (type === 'string' && (t.value === undefined || (!t.inlineValue && t.value.startsWith('-')))) {
      throw new UsageError(m.missingValue(t.rawName));
    }
    if (type === 'boolean' && t.value !== undefined) throw new UsageError(m.badValue(t.rawName, t.value, '—'));
  }
  return { values: values as Values, positionals };
}

/** `--lang` is read before anything else, so that even usage errors come in the asked language. */
function langOf(argv: string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--lang') return toLang(argv[i + 1]);
    if (a.startsWith('--lang=')) return toLang(a.slice(7));
  }
  return 'ja';
}

/** Runs `kdx` with `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  // The widgets load English on demand; the command line may print either language, from its first line.
  await Promise.all([loadMessages('en'), loadDetail()]);
  const lang = langOf(argv);
  const m = cliMessages(lang);
  const ctx: Context = { io, lang, m };
  let command: string | undefined;
  try {
    // First pass only finds the command (option values are not mistaken for it); the second checks its options.
    const first = parse(argv, Object.assign({}, ...Object.values(COMMANDS)) as Spec, m, false);
    command = first.positionals[0];
    if (first.values.version && !command) {
      io.stdout(`kdx ${VERSION}\n`);
      return 0;
    }
    if (!command || command === 'help') {
      (command || first.values.help ? io.stdout : io.stderr)(m.usage.main + '\n');
      return command || first.values.help ? 0 : 2;
    }
    if (!(command in COMMANDS)) throw new UsageError(m.unknownCommand(command));
    const { values, positionals } = parse(argv, COMMANDS[command as Command], m);
    positionals.shift();
    if (values.help) {
      io.stdout(m.usage[command as Command] + '\n');
      return 0;
    }
    if (command === 'validate') return validateCommand(ctx, values, positionals);
    if (command === 'import') return importCommand(ctx, values, positionals);
    if (command === 'diff') return diffCommand(ctx, values, positionals);
    return exportCommand(ctx, values, positionals);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`kdx: ${e.message}\n${m.seeHelp(command && command in COMMANDS ? command : '')}\n`);
    return 2;
  }
}

/** Problems with a file as a whole: one line, no heading. */
const FILE_PROBLEMS = new Set<CliIssue['key']>(['not-found', 'cannot-read', 'cannot-write']);

function report(ctx: Context, heading: string, issues: readonly CliIssue[], to: 'stdout' | 'stderr' = 'stderr'): 1 {
  if (issues.length === 1 && FILE_PROBLEMS.has(issues[0]!.key)) {
    ctx.io[to](`kdx: ${formatCliIssue(issues[0]!, ctx.lang)}\n`);
    return 1;
  }
  const lines = [heading, ...issues.map((i) => `  ${formatCliIssue(i, ctx.lang)}`)];
  ctx.io[to](lines.join('\n') + '\n');
  return 1;
}

function one(positionals: string[], what: string, m: CliMessages): string {
  const [first, extra] = positionals;
  if (!first) throw new UsageError(m.missingArgument(what));
  if (extra !== undefined) throw new UsageError(m.extraArgument(extra));
  return first;
}

function required(values: Values, name: string, m: CliMessages): string {
  const value = values[name];
  if (typeof value !== 'string' || !value) throw new UsageError(m.missingArgument(`--${name} <id>`));
  return value;
}

function encodingOption(value: Values[string], allowed: readonly string[], m: CliMessages): CsvEncoding | undefined {
  if (value === undefined || (value === 'auto' && allowed.includes('auto'))) return undefined;
  const v = String(value).toLowerCase().replace(/[-_]/g, '');
  if (v === 'utf8') return 'utf-8';
  if (v === 'sjis' || v === 'shiftjis' || v === 'cp932' || v === 'windows31j') return 'shift_jis';
  throw new UsageError(m.badValue('--encoding', String(value), allowed.join(', ')));
}

function yearOption(values: Values, name: string, m: CliMessages): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const year = readFiscalYear(String(raw));
  if (year == null) throw new UsageError(m.badValue(`--${name}`, String(raw), '2026, 令和8年度, R8'));
  return year;
}

// ---- Commands. ----

function validateCommand(ctx: Context, values: Values, positionals: string[]): number {
  const { io, lang, m } = ctx;
  const file = one(positionals, 'validate <bundle.json>', m);
  const json = readJson(file);
  const result = json.ok ? validateBundle(json.value) : undefined;
  const issues: CliIssue[] = !json.ok
    ? [json.issue]
    : result && !result.ok
      ? result.errors.map((e) => ({ path: e.path, key: e.key, params: e.params }))
      : [];
  const bundle = result?.ok ? result.bundle : undefined;
  if (values.json) {
    const out = bundle
      ? { ok: true, file, plans: bundle.plans.map((p) => ({ id: p.id, nodes: p.nodes.length })) }
      : {
          ok: false,
          file,
          errors: issues.map((i) => ({ path: i.path ?? '', key: i.key, params: i.params, message: formatCliIssue({ ...i, path: undefined }, lang) })),
        };
    io.stdout(JSON.stringify(out, null, 2) + '\n');
  } else if (bundle) {
    io.stdout(m.valid(file, bundle.plans.length, bundle.plans.reduce((n, p) => n + p.nodes.length, 0)) + '\n');
  } else {
    report(ctx, m.invalid(file, issues.length), issues, 'stdout');
  }
  return bundle ? 0 : 1;
}

/** A file `diff` compares: a valid bundle, or the problems (file, JSON, validation) that stop it. */
function readBundle(file: string): { ok: true; bundle: Bundle } | { ok: false; issues: CliIssue[] } {
  const json = readJson(file);
  if (!json.ok) return { ok: false, issues: [json.issue] };
  const valid = validateBundle(json.value);
  if (!valid.ok) return { ok: false, issues: valid.errors.map((e) => ({ path: e.path, key: e.key, params: e.params })) };
  return { ok: true, bundle: valid.bundle };
}

function diffCommand(ctx: Context, values: Values, positionals: string[]): number {
  const { io, lang, m } = ctx;
  const [before, after, extra] = positionals;
  if (!before || !after) throw new UsageError(m.missingArgument('diff <old.json> <new.json>'));
  if (extra !== undefined) throw new UsageError(m.extraArgument(extra));
  const files = [before, after].map((file) => ({ file, read: readBundle(file) }));
  for (const { file, read } of files) {
    if (!read.ok) {
      report(ctx, m.diffFailed(file, read.issues.length), read.issues);
      return 2;
    }
  }
  const [a, b] = files.map((f) => (f.read as { bundle: Bundle }).bundle) as [Bundle, Bundle];
  const diff = diffBundles(a, b);
  if (values.json) {
    const changes = diff.changes.map((c) => ({ ...c, message: describeChange(c, lang) }));
    io.stdout(JSON.stringify({ equal: diff.equal, before, after, changes }, null, 2) + '\n');
  } else {
    io.stdout(formatDiff(diff, lang, { before, after }).join('\n') + '\n');
  }
  return diff.equal ? 0 : 1;
}

function importCommand(ctx: Context, values: Values, positionals: string[]): number {
  const { io, m } = ctx;
  const csvFile = one(positionals, 'import <items.csv>', m);
  const planId = required(values, 'plan', m);
  const forced = encodingOption(values.encoding, ['auto', 'utf8', 'sjis'], m);
  const str = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const options = { planId, title: str('title'), from: yearOption(values, 'from', m), to: yearOption(values, 'to', m), publisher: str('publisher') };
  const into = str('into');
  const out = str('out');

  let base: Bundle | undefined;
  // The bundle's file: what the import writes keeps its layout (only what changed differs, for a version-control diff).
  let written = (result: { bundle: Bundle; text: string }) => result.text;
  if (into !== undefined) {
    const read = readJsonText(into);
    if (!read.ok) return report(ctx, m.importFailed(into, 1), [read.issue]);
    const { json, text } = read.value;
    const valid = validateBundle(json);
    if (!valid.ok) return report(ctx, m.importFailed(into, valid.errors.length), valid.errors.map((e) => ({ path: e.path, key: e.key, params: e.params })));
    base = json as Bundle; // the parsed JSON, not the schema's output: unknown fields are kept as they are
    // (The imports copy `base`, never change it: it is still the file's value.)
    written = (result) => keepFormat(text, json, result.bundle);
  }
  const precondition = checkPlanOptions(base, options);
  if (precondition) throw new UsageError(precondition.reason === 'needs-period' ? m.needsPeriod(planId) : m.newPlanOnly(precondition.options));

  const bytes = readBytes(csvFile);
  if (!bytes.ok) return report(ctx, m.importFailed(csvFile, 1), [bytes.issue]);
  let decoded;
  try {
    decoded = decodeCsv(bytes.value, forced);
  } catch (e) {
    if (!(e instanceof EncodingError)) throw e;
    return report(ctx, m.importFailed(csvFile, 1), [{ line: e.line, key: e.key, params: {} }]);
  }
  const parsed = parseCsv(decoded.text);
  if (parsed.issues.length) return report(ctx, m.importFailed(csvFile, parsed.issues.length), parsed.issues);
  const charRefs = decoded.encoding === 'shift_jis';
  if (parsed.rows[0] && isRevisionSheet(parsed.rows[0].cells)) return revisionsCommand(ctx, csvFile, base, planId, parsed.rows, charRefs, out, written);
  const merged = importItems({ ...options, base, rows: parsed.rows, charRefs });
  if (!merged.ok) {
    if (merged.problem) throw new UsageError(m.needsPeriod(planId)); // unreachable: checked above
    return report(ctx, m.importFailed(csvFile, merged.issues.length), merged.issues);
  }
  const failed = writeOut(out, written(merged), io.stdout);
  if (failed) return report(ctx, m.importFailed(csvFile, 1), [failed]);
  const notes = [m.imported(planId, merged.nodes, merged.added, merged.removed, out ?? m.stdout)];
  if (merged.byStatusDropped.length) notes.push(m.byStatusDropped(merged.byStatusDropped.join(', ')));
  if (!base && !options.publisher) notes.push(m.publisherUnset);
  io.stderr(notes.join('\n') + '\n');
  return 0;
}

/** A revisions sheet into its plan (which must exist: revisions name its items). */
function revisionsCommand(
  ctx: Context,
  csvFile: string,
  base: Bundle | undefined,
  planId: string,
  rows: CsvRow[],
  charRefs: boolean,
  out: string | undefined,
  written: (result: { bundle: Bundle; text: string }) => string,
): number {
  const { io, m } = ctx;
  const result = importRevisions({ base, planId, rows, charRefs });
  if (!result.ok) return report(ctx, m.importFailed(csvFile, result.issues.length), result.issues);
  const failed = writeOut(out, written(result), io.stdout);
  if (failed) return report(ctx, m.importFailed(csvFile, 1), [failed]);
  io.stderr(m.importedRevisions(planId, result.revisions, out ?? m.stdout) + '\n');
  return 0;
}

function exportCommand(ctx: Context, values: Values, positionals: string[]): number {
  const { io, m } = ctx;
  const file = one(positionals, 'export <bundle.json>', m);
  const planId = required(values, 'plan', m);
  const encoding = encodingOption(values.encoding ?? 'utf8', ['utf8', 'sjis'], m) ?? 'utf-8';
  const out = typeof values.out === 'string' ? values.out : undefined;

  const json = readJson(file);
  if (!json.ok) return report(ctx, m.exportFailed(file, 1), [json.issue]);
  const valid = validateBundle(json.value);
  if (!valid.ok) return report(ctx, m.invalid(file, valid.errors.length), valid.errors.map((e) => ({ path: e.path, key: e.key, params: e.params })));
  const bundle = json.value as Bundle;
  const planIndex = bundle.plans.findIndex((p) => p.id === planId);
  if (planIndex < 0) {
    io.stderr(`kdx: ${m.planNotFound(planId, bundle.plans.map((p) => p.id).join(', '))}\n`);
    return 1;
  }
  const plan = bundle.plans[planIndex]!;
  let sheet = values.revisions ? revisionsToSheet(plan, planIndex) : planToSheet(plan, planIndex, bundle.statuses);
  if (sheet.issues.length) return report(ctx, m.exportFailed(file, sheet.issues.length), sheet.issues);

  const notes: string[] = [];
  let bytes: Uint8Array;
  if (encoding === 'shift_jis') {
    const safe = shiftJisSheet(sheet);
    sheet = safe.sheet;
    bytes = encodeShiftJis(toCsv(sheet));
    const first = safe.replaced[0];
    if (first) {
      const ch = first.chars[0]!;
      const where = `${m.at(first.line, first.column)} ${describe(ch)} U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      notes.push(m.escaped(safe.replaced.reduce((n, r) => n + r.chars.length, 0), where));
    }
  } else {
    bytes = encodeUtf8WithBom(toCsv(sheet));
  }
  const failed = writeOut(out, bytes, io.stdout);
  if (failed) return report(ctx, m.exportFailed(file, 1), [failed]);
  const enc = encoding === 'shift_jis' ? 'Shift_JIS' : 'UTF-8 (BOM)';
  notes.unshift(values.revisions ? m.exportedRevisions(planId, plan.revisions?.length ?? 0, enc, out ?? m.stdout) : m.exported(planId, plan.nodes.length, enc, out ?? m.stdout));
  io.stderr(notes.join('\n') + '\n');
  return 0;
}

/** Whether this module is the program being run (also through an npm `bin` symlink), not an import. */
function isEntry(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntry()) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
