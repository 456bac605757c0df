/** Fired when a widget shows its data. */
export class KdxLoadEvent extends Event {
  static readonly type = 'kdx-load';
  readonly detail: { plan: string; node: string };
  constructor(detail: { plan: string; node: string }) {
    super(KdxLoadEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}
