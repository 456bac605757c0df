/**
 * `loadChartJs` for the classic-script build (`kdx.iife.js`), which the build swaps in for
 * `components/chart/load-chartjs.ts`. Inlining chart.js would make every page pay ≈ 60 KB gzip for charts that
 * most pages never show; instead `<kdx-chart>` imports the ES build's chart chunk by a URL relative to the
 * script itself (`script-base.ts`), sharing the chunk, and its cache entry, with `kdx.js`.
 */
import { chunkUrl } from './script-base.js';

type ChartRuntime = typeof import('../components/chart/chart-runtime.js');

/** `chunks/chart-runtime-<hash>.js`, written in by the build (vite.config.ts). */
declare const __KDX_CHART_CHUNK__: string;

let loading: Promise<ChartRuntime> | undefined;

export function loadChartJs(): Promise<ChartRuntime> {
  loading ??= (import(/* @vite-ignore */ chunkUrl(__KDX_CHART_CHUNK__)) as Promise<ChartRuntime>).catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}
