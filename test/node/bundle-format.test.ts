// docs/bundle-format.md is a reference a city can write its bundle from: every bundle it shows validates (they are
// rendered in test/components/bundle-format.test.ts), and every field of the schema is documented.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  BundleSchema, GradeSchema, IndicatorSchema, NodeSchema, PlanSchema, ProgressSchema, RevisionSchema, RuleSchema, RuleStepSchema, ScaleSchema,
} from '../../src/data/bundle.js';
import { validateBundle } from '../../src/data/parse.js';
import { formatIssue } from '../../src/data/validate.js';

const DOC = readFileSync(new URL('../../docs/bundle-format.md', import.meta.url), 'utf8');
const blocks = [...DOC.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('docs/bundle-format.md', () => {
  it('shows a complete bundle for each report shape', () => {
    assert.equal(blocks.length, 6);
  });

  blocks.forEach((text, i) => {
    it(`bundle ${i + 1} validates as written`, () => {
      const r = validateBundle(JSON.parse(text));
      assert.equal(r.ok ? 'ok' : r.errors.map((e) => formatIssue(e, 'ja')).join('\n'), 'ok');
    });
  });

  it('documents every field of the schema in a table row of its own', () => {
    const documented = new Set([...DOC.matchAll(/^\| `([$\w]+)`(?:, `(\w+)`)?/gm)].flatMap((m) => [m[1], m[2]].filter(Boolean)));
    const schemas = { BundleSchema, PlanSchema, NodeSchema, ScaleSchema, RuleSchema, IndicatorSchema, ProgressSchema, RevisionSchema };
    for (const [name, schema] of Object.entries(schemas)) {
      for (const field of Object.keys(schema.entries)) assert.ok(documented.has(field), `${name}.${field} is not in a table of the doc`);
    }
    // Fields of nested objects are named in their row's text.
    for (const field of [...Object.keys(GradeSchema.entries), ...Object.keys(RuleStepSchema.entries)]) assert.ok(DOC.includes(field), field);
  });
});
