/** Fired by `<kdx-plan-tree>` when the reader selects a node (click, Enter or Space). */
export class KdxNodeSelectEvent extends Event {
  static readonly type = 'kdx-node-select';
  readonly detail: { id: string; plan: string };
  constructor(detail: { id: string; plan: string }) {
    super(KdxNodeSelectEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}
