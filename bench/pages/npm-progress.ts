/** What a bundler ships for a page with only `<kdx-progress>`: the npm entry (src/index.ts), tree-shaken. */
import { define, KdxProgress } from '../../src/index.js';

define('kdx-progress', KdxProgress);
