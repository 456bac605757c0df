import type { FrameProblem } from '../i18n/frame.js';
import type { ErrorCode } from '../i18n/messages.js';

export interface KdxErrorDetail {
  /**
   * See README → Troubleshooting for every code. On the iframe of an embed.html, also the frame's own problems
   * (`no-widget`, `unknown-widget`, `no-src`, `not-allowed`) and `no-answer`, a frame that is no running
   * embed.html (docs/embedding.md §4.5).
   */
  code: ErrorCode | FrameProblem['code'] | 'no-answer';
  /** The message shown in the widget, in its language. */
  message: string;
  /** The bundle URL, when one was involved. */
  url?: string | undefined;
  /** Validation problems as `path: message` lines. */
  issues?: string[] | undefined;
}

/** Fired when a widget shows an error instead of data (and on an embed.html iframe whose frame shows one). */
export class KdxErrorEvent extends Event {
  static readonly type = 'kdx-error';
  readonly detail: KdxErrorDetail;
  constructor(detail: KdxErrorDetail) {
    super(KdxErrorEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}
