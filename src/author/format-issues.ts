/** Problems as the authoring page words them: in the command's catalogues, placed at a row, an item or a field. */
import { errorMessage } from '../data/errors.js';
import { text } from '../data/format.js';
import { formatIssue } from '../data/validate.js';
import { formatCliIssue } from '../cli/messages.js';
import { authorMessages } from '../i18n/author.js';
import { itemLabel } from '../i18n/diff.js';
import type { Lang } from '../i18n/index.js';
import type { OpenProblem } from './open-files.js';
import type { PageIssue } from './session.js';

export function formatPageIssue(issue: PageIssue, lang: Lang): string {
  const t = authorMessages(lang);
  if (issue.kind === 'page') return issue.key === 'choosePlan' ? t.check.choosePlan(issue.plans.map((p) => t.open.planLabel(text(p.title, lang), p.id))) : t.check[issue.key];
  const i = issue.issue;
  if (issue.field && !issue.item) return formatCliIssue({ ...i, path: t.edit.fields[issue.field] ?? t.open[issue.field as 'from'] ?? issue.field }, lang);
  if (issue.item && i.line === undefined) return formatCliIssue({ ...i, path: t.check.item(itemLabel(issue.item, lang), i.column ?? '') }, lang);
  return formatCliIssue(i, lang);
}

export function formatProblem(problem: OpenProblem, lang: Lang): string[] {
  const t = authorMessages(lang).open;
  switch (problem.kind) {
    case 'cli':
      return problem.issues.map((i) => formatCliIssue(i, lang));
    case 'kdx': {
      const e = problem.error;
      // An invalid bundle: every problem with its JSON path, as `kdx validate` lists them.
      return e.code === 'invalid' ? [errorMessage(e, lang), ...e.issues.map((i) => formatIssue(i, lang))] : [errorMessage(e, lang)];
    }
    case 'page': {
      const { key, param } = problem;
      if (key === 'otherOrigin' || key === 'unknownType') return [t[key](String(param ?? ''))];
      if (key === 'tooLarge') return [t.tooLarge(Number(param))];
      return [t[key]];
    }
  }
}

