export { KdxLoadEvent } from './kdx-load.js';
export { KdxErrorEvent, type KdxErrorDetail } from './kdx-error.js';
export { KdxNodeSelectEvent } from './kdx-node-select.js';

declare global {
  interface HTMLElementEventMap {
    'kdx-load': import('./kdx-load.js').KdxLoadEvent;
    'kdx-error': import('./kdx-error.js').KdxErrorEvent;
    'kdx-node-select': import('./kdx-node-select.js').KdxNodeSelectEvent;
  }
}
