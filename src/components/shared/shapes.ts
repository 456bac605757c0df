/**
 * The chunk that shows the report shapes: grade tables and their changes (progress), grades and indicators
 * (card), grades and their filter (tree), distribution and indicator charts, and their strings. Loaded only for
 * bundles that have such shapes (`load-shapes.ts`): a page whose data has none does not fetch it.
 */
import type { Lang } from '../../i18n/index.js';
import type { ShapeMessages } from '../../i18n/shape-messages.js';
import { shapesJa } from '../../i18n/shapes-ja.js';

export { distributionModel, hasDistribution, indicatorChartModel, indicatorOf, scaleParts } from '../chart/chart-shapes.js';
export { gradeLines, indicatorViews, renderGrade, renderIndicator } from '../initiative-card/card-grades.js';
export { gradeFilter, renderGradeFilter, renderRowGrade } from '../plan-tree/tree-grades.js';
export { distributionView, renderDistribution } from '../progress/distribution.js';
export { asOfOf, asOfText, gradeText, rateName, scaleName } from './grades.js';
export { renderRevisions, revisionsView, type RevisionView } from './revisions.js';

/** The strings in `lang`; English is a chunk of its own, like the widgets' English messages. */
export function shapeMessages(lang: Lang): Promise<ShapeMessages> {
  return lang === 'ja' ? Promise.resolve(shapesJa) : import('../../i18n/shapes-en.js').then((m) => m.shapesEn);
}
