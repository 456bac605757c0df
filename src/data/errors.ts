/**
 * Every failure a widget can meet, as one error type with a code (for `kdx-error` listeners and docs) and the
 * parameters its message needs. Messages are produced per language when shown, never stored as prose.
 */
import { hasDetail, hasMessages, messages, type Lang } from '../i18n/index.js';
import type { ErrorCode, ErrorParams } from '../i18n/messages.js';
import { text } from './format.js';
import { formatIssue, type ValidationIssue } from './validate.js';

export type { ErrorCode, ErrorParams } from '../i18n/messages.js';

export class KdxError extends Error {
  override name = 'KdxError';
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  /** Validation problems, for `invalid` and `unsupported-version`. */
  readonly issues: readonly ValidationIssue[];
  /** Whether trying again may help (network faults, 5xx, timeouts). */
  readonly transient: boolean;

  constructor(code: ErrorCode, params: ErrorParams = {}, options: { issues?: readonly ValidationIssue[]; transient?: boolean; cause?: unknown } = {}) {
    // No message of its own: the prototype's getter (below) words it when it is read.
    super(undefined, { cause: options.cause });
    this.code = code;
    this.params = params;
    this.issues = options.issues ?? [];
    this.transient = options.transient ?? false;
  }
}

/**
 * `message`, for developers: in English once the English messages are loaded (on English pages and in the
 * command line), else in Japanese. Widgets show `errorMessage(error, lang)` in their own language.
 */
Object.defineProperty(KdxError.prototype, 'message', {
  configurable: true,
  get(this: KdxError) {
    return errorMessage(this, hasMessages('en') ? 'en' : 'ja');
  },
});

/**
 * The message for staff, in `lang`: what failed and where. Worded by the detail catalogue (`loadDetail`); before
 * it is here, or if it cannot be loaded, by the problem's code and parameters, which say the same tersely.
 */
export function errorMessage(error: KdxError, lang: Lang): string {
  const params: ErrorParams = { ...error.params };
  const m = messages(lang);
  if (!hasDetail(lang)) return `${error.code} ${JSON.stringify(params)}${error.issues.length ? ` ${formatIssue(error.issues[0]!, lang)}` : ''}`;
  if (error.issues.length && error.code === 'invalid') {
    params.count = error.issues.length;
    params.first = formatIssue(error.issues[0]!, lang);
  }
  if (params.problem) params.reason = m.wrongKind[params.problem](text(params.title, lang));
  return m.error[error.code](params);
}

const SETUP: readonly ErrorCode[] = ['no-source', 'inline-missing', 'plan-not-found', 'node-not-found', 'wrong-kind'];

/**
 * The plain sentence a reader meets in the error box, in `lang`: no URL, JSON path or received value (those are
 * for staff: `errorMessage`, in the console, the `kdx-error` event and the box's disclosure).
 */
export function readerMessage(error: KdxError, lang: Lang): string {
  const r = messages(lang).readerError;
  return error.transient ? r.later : SETUP.includes(error.code) ? r.setup : r.data;
}
