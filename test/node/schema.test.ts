// The JSON Schema written by the build (dist/kdx-bundle.schema.json) validates bundles in other tools: it
// accepts the seeds and rejects what the schema part of our validator rejects.
import Ajv from 'ajv';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const SCHEMA = 'dist/kdx-bundle.schema.json';
if (!existsSync(SCHEMA)) execFileSync('npx', ['tsx', 'scripts/write-schema.ts'], { stdio: 'ignore' });
const schema = JSON.parse(readFileSync(SCHEMA, 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
const check = ajv.compile(schema);
const seed = (name: string) => JSON.parse(readFileSync(`seeds/${name}.json`, 'utf8'));

test('the JSON Schema accepts the Kanazawa bundle and the minimal fixture', () => {
  for (const name of ['kanazawa', 'minimal']) {
    assert.equal(check(seed(name)), true, `${name}: ${ajv.errorsText(check.errors)}`);
  }
});

test('the JSON Schema rejects the broken fixture at the same paths', () => {
  assert.equal(check(seed('broken')), false);
  const paths = new Set(check.errors!.map((e) => e.instancePath));
  assert.ok(paths.has('/plans/0/nodes/4/title'), [...paths].join(', '));
  assert.ok(paths.has('/plans/0/nodes/4/link'), [...paths].join(', '));
});

test('the JSON Schema refuses unsafe URLs and an unknown schemaVersion', () => {
  const b = seed('minimal');
  b.plans[0].nodes[1].link = 'java\tscript:alert(1)';
  assert.equal(check(b), false);
  const c = seed('minimal');
  c.schemaVersion = 2;
  assert.equal(check(c), false);
});
