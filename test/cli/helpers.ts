/** Helpers for the `kdx` tests: paths, running the CLI in-process and as a real process, temporary folders. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unwrapCell } from '../../src/cli/csv-columns.js';
import { parseCsv } from '../../src/cli/csv-import.js';
import { main } from '../../src/cli/kdx.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const fixture = (name: string) => join(ROOT, 'test/cli/fixtures', name);
export const seed = (name: 'kanazawa' | 'minimal' | 'broken') => join(ROOT, 'seeds', `${name}.json`);
export const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

export interface Run {
  code: number;
  /** Standard output as bytes (export writes CSV bytes there) and as text. */
  bytes: Buffer;
  out: string;
  err: string;
}

/** `kdx …` in this process: fast, with the same files and exit codes as the command. */
export async function kdx(...args: string[]): Promise<Run> {
  const chunks: Buffer[] = [];
  let err = '';
  const code = await main(args, {
    stdout: (data) => void chunks.push(Buffer.from(data)),
    stderr: (text) => void (err += text),
  });
  const bytes = Buffer.concat(chunks);
  return { code, bytes, out: bytes.toString('utf8'), err };
}

/** `kdx …` as a real process, the way staff run it (`npx tsx src/cli/kdx.ts …`): checks the entry and exit code. */
export function kdxProcess(...args: string[]): Run {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/kdx.ts'), ...args], { cwd: ROOT });
  return { code: r.status ?? -1, bytes: r.stdout, out: r.stdout.toString('utf8'), err: r.stderr.toString('utf8') };
}

/** A fresh temporary folder, removed by `done()`. */
export function tempDir(): { path: (name: string) => string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'kdx-test-'));
  return { path: (name) => join(dir, name), done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A sheet as records of raw cells (as in the file), header first, without the empty record after the last CRLF. */
export function records(file: string): string[][] {
  return parseCsv(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')).rows.map((r) => r.cells).filter((r) => r.some(Boolean));
}
/** The cells of a record that are not empty, by column, as a spreadsheet shows them. */
export const filled = (header: string[], cells: string[]) => Object.fromEntries(header.map((h, i) => [h, unwrapCell(cells[i] ?? '')]).filter(([, v]) => v));

/** A plan's nodes from a bundle file. */
export function nodesOf(file: string, plan: string): unknown[] {
  const bundle = readJson(file) as { plans: Array<{ id: string; nodes: unknown[] }> };
  const found = bundle.plans.find((p) => p.id === plan);
  if (!found) throw new Error(`no plan ${plan} in ${file}`);
  return found.nodes;
}
