/**
 * README → Troubleshooting is where staff look up the `code` of a `kdx-error` (the console shows it too): every
 * code a widget, the iframe form's page or the host's frame check can fire has its row there, and the table names
 * no code that nothing fires.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { en } from '../../src/i18n/en.js';
import { FRAME_PROBLEMS } from '../../src/i18n/frame.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The codes in the first column of the table under `## Troubleshooting`. */
function tableCodes(): string[] {
  const section = README.split(/^## Troubleshooting\s*$/m)[1]?.split(/^## /m)[0] ?? '';
  return [...section.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]!);
}

/** What the host page fires on an iframe that never answers (src/embed/frame-host.ts). */
const hostCodes = [...readFileSync(new URL('../../src/embed/frame-host.ts', import.meta.url), 'utf8').matchAll(/code: '([a-z-]+)'/g)].map((m) => m[1]!);

describe('README → Troubleshooting', () => {
  it('lists every code a kdx-error can carry, each once, and none other', () => {
    const fired = [...Object.keys(en.error), ...Object.keys(FRAME_PROBLEMS.en), ...hostCodes];
    assert.ok(hostCodes.includes('no-answer'), 'the frame check fires no-answer');
    const listed = tableCodes();
    assert.deepEqual([...listed].sort(), [...new Set(fired)].sort());
    assert.equal(new Set(listed).size, listed.length, 'a code listed twice');
  });
});
