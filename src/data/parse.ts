/**
 * Validation and parsing, complete and at once: the schema, the rules of every bundle and those of the report
 * shapes, and the evaluation of indicators. For the command line, the npm API and tests; pages parse with
 * `parseBundleLazily` (`load.ts`), which fetches the shapes' part only for bundles that have them, so that this
 * module's static imports never reach a page's core.
 */
import { evaluate } from './evaluate.js';
import { modelOf, readJson } from './load.js';
import type { BundleModel } from './model.js';
import { hasShapeData, validateParts, withShapeIssues, type ValidationResult } from './validate.js';
import { checkShapes } from './validate-shapes.js';

/** The whole validation: the schema, the rules of every bundle and those of the report shapes. */
export function validateBundle(input: unknown): ValidationResult {
  const parts = validateParts(input);
  return parts.bundle && hasShapeData(parts.bundle) ? withShapeIssues(parts, checkShapes(parts.bundle)) : parts.result;
}

/** Parses bundle text (JSON, optional BOM) and validates it. Throws a KdxError. */
export function parseBundle(text: string, url = ''): BundleModel {
  return modelOf(validateBundle(readJson(text, url)), url, { checkShapes, evaluate });
}
