/**
 * V8's explicit compile hint (Chromium 136+): `//# allFunctionsCalledOnLoad` as a file's first line has its
 * functions compiled when the script loads, off the main thread while it streams in, rather than one by one on
 * first call. For the chunks that render a widget, every function runs as the widget first renders: compiled
 * lazily, that is ≈ 4 ms of the tree's first frame on the benchmark machine. Other engines ignore the comment.
 * Not for chart.js (the chart chunk), most of which a page never calls, nor for the autoloader `kdx.js`: a few
 * functions, on every page of a template that includes it, whose bytes the hint would only add to.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** A `postBanner` (after minification): the hint on every chunk but chart.js's and the autoloader. */
export function compileHintBanner(chunk: { name: string; fileName: string }): string {
  return chunk.name.startsWith('chart-runtime') || chunk.fileName === 'kdx.js' ? '' : COMPILE_HINT;
}
