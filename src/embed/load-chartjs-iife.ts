/**
 * `loadChartJs` for the classic-script build (`kdx.iife.js`), which the build swaps in for
 * `components/chart/load-chartjs.ts`. Inlining chart.js would make every page pay ≈ 60 KB gzip for charts that
 * most pages never show; instead `<kdx-chart>` imports the ES build's chart chunk by a URL relative to the
 * script itself. `import()` works from classic scripts, needs no Trusted Types policy (a `<script>` element
 * built by hand would), and shares the chunk, and its cache entry, with `kdx.js`.
 */
type ChartRuntime = typeof import('../components/chart/chart-runtime.js');

/** `chunks/chart-runtime-<hash>.js`, written in by the build (vite.config.ts). */
declare const __KDX_CHART_CHUNK__: string;

/** Where this script was loaded from, read while it runs (`currentScript` is null later). */
function scriptUrl(): string {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.src) return current.src;
  // Run by another script (a tag manager, a bundle that includes it): look for the file by its name.
  const named = [...document.scripts].reverse().find((s) => /\/kdx\.iife(?:\.min)?\.js(?:[?#]|$)/.test(s.src));
  return named?.src ?? document.baseURI;
}

const base = scriptUrl();
let loading: Promise<ChartRuntime> | undefined;

export function loadChartJs(): Promise<ChartRuntime> {
  loading ??= (import(/* @vite-ignore */ new URL(__KDX_CHART_CHUNK__, base).href) as Promise<ChartRuntime>).catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}
