/**
 * Writes the bundle format as JSON Schema (draft-07) to dist/kdx-bundle.schema.json, from the same valibot
 * schema the widgets validate with, so editors and other tools can check bundles.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import { mkdirSync, writeFileSync } from 'node:fs';
import { BundleSchema } from '../src/data/bundle.js';
import { VERSION } from '../src/version.js';

const schema = {
  // `finite` guards JS callers (JSON numbers are always finite); `check` is the URL-parser test, which JSON
  // Schema cannot express: the pattern still refuses every unsafe scheme.
  ...toJsonSchema(BundleSchema, { errorMode: 'throw', ignoreActions: ['finite', 'check'] }),
  $id: `https://unpkg.com/kdx-widgets@${VERSION}/dist/kdx-bundle.schema.json`,
  title: 'kdx plan bundle, schemaVersion 1',
  description:
    'A city publishes one bundle: a publisher, a status vocabulary and one or more plans with a hierarchy of nodes. Texts are a string (Japanese) or { "ja", "en" }. Rules beyond shape (unique ids, known parents and statuses, no cycles, achieved ≤ total) are checked by `kdx validate`.',
};
mkdirSync('dist', { recursive: true });
writeFileSync('dist/kdx-bundle.schema.json', JSON.stringify(schema, null, 2) + '\n');
console.log('dist/kdx-bundle.schema.json written');
