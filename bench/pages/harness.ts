/**
 * What every benchmark page shares: the end of the next frame, and the page's API for the runner
 * (`window.bench`, set by each page; `window.benchReady` once it is set).
 */

/** Resolves after the next frame has been rendered: a task queued from rAF runs after style, layout and paint. */
export function afterFrame(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const c = new MessageChannel();
      c.port1.onmessage = () => resolve(performance.now());
      c.port2.postMessage(0);
    }),
  );
}

export interface TreeCase {
  /** URL of the bundle. */
  data: string;
  /** Levels open at first (99: everything). */
  expandDepth: number;
}

export interface TreeResult {
  /** From just before inserting the tree to the end of the first frame that shows it. */
  frame: number;
  /** From just before inserting to the end of the script work (rendered, before style/layout/paint). */
  script: number;
  /** Treeitems in the DOM. */
  items: number;
}

export interface BenchApi {
  tree?(c: TreeCase): Promise<TreeResult>;
  /** Focuses the treeitem for `id` (so that the runner can press keys). */
  focus?(id: string): Promise<void>;
  /** Memory page: mounts the widgets (returns how many), and removes them. */
  mount?(data: string): Promise<number>;
  unmount?(): Promise<void>;
}

/** Key latency: for every keydown on the page, the time from its dispatch to the end of the next frame. */
export const keyLatencies: number[] = [];
addEventListener(
  'keydown',
  () => {
    const t0 = performance.now();
    void afterFrame().then((t1) => keyLatencies.push(t1 - t0));
  },
  { capture: true },
);

declare global {
  interface Window {
    bench: BenchApi;
    benchReady: boolean;
    keyLatencies: number[];
  }
}

export function expose(api: BenchApi): void {
  window.bench = api;
  window.keyLatencies = keyLatencies;
  window.benchReady = true;
}
