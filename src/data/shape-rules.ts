/**
 * What bundles with report shapes need besides the core: their rules and the evaluation of indicators. A chunk of
 * its own on pages (`load.ts` loads it for such bundles only); the command line and the npm build import it as is.
 */
export { evaluate } from './evaluate.js';
export { checkShapes } from './validate-shapes.js';
