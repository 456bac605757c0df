/**
 * chart.js, loaded on first use: a page without a `<kdx-chart>` downloads none of it (≈ 50 KB gzip). One
 * promise for the whole page; a failed load is forgotten so that the next chart tries again.
 */
export type ChartRuntime = typeof import('./chart-runtime.js');

let loading: Promise<ChartRuntime> | undefined;

export function loadChartJs(): Promise<ChartRuntime> {
  loading ??= import('./chart-runtime.js').catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}
