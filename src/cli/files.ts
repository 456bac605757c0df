/** Reading and writing the files `kdx` works on; problems come back as messages, never as exceptions. */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { LIMITS } from '../data/bundle.js';
import type { CliIssue } from './messages.js';

export type Read<T> = { ok: true; value: T } | { ok: false; issue: CliIssue };

export function readBytes(file: string): Read<Uint8Array> {
  try {
    return { ok: true, value: readFileSync(file) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? { ok: false, issue: { key: 'not-found', params: { name: file } } }
      : { ok: false, issue: { key: 'cannot-read', params: { name: file, reason: code ?? String(e) } } };
  }
}

/** A JSON file, within the widgets' size limit (a BOM, as Windows editors write, is allowed). */
export function readJson(file: string): Read<unknown> {
  const read = readJsonText(file);
  return read.ok ? { ok: true, value: read.value.json } : read;
}

/** A JSON file, parsed, with its text (for writing it back in its own layout: `keep-format.ts`). */
export function readJsonText(file: string): Read<{ json: unknown; text: string }> {
  const bytes = readBytes(file);
  if (!bytes.ok) return bytes;
  if (bytes.value.length > LIMITS.bundleBytes) return { ok: false, issue: { key: 'too-large', params: { limit: LIMITS.bundleBytes } } };
  try {
    const text = new TextDecoder().decode(bytes.value);
    return { ok: true, value: { json: JSON.parse(text), text } };
  } catch (e) {
    return { ok: false, issue: { key: 'json', params: { received: e instanceof Error ? e.message : String(e) } } };
  }
}

/** Writes all or nothing: to a temporary file first, then renamed over the target. */
export function writeOut(file: string | undefined, data: string | Uint8Array, stdout: (data: string | Uint8Array) => void): CliIssue | undefined {
  if (file === undefined) {
    stdout(data);
    return undefined;
  }
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
    return undefined;
  } catch (e) {
    rmSync(tmp, { force: true });
    return { key: 'cannot-write', params: { name: file, reason: (e as NodeJS.ErrnoException).code ?? String(e) } };
  }
}
