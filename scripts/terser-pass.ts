/**
 * A second minifier for page builds, as a Vite plugin: used by vite.config.ts (kdx.js, its chunks, kdx.iife.js)
 * and by the benchmark's build of Shoelace's comparable set, so that both are minified the same way.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify as terser } from 'terser';
import type { Plugin } from 'vite';
import { COMPILE_HINT } from './compile-hint.js';

/**
 * A second minifier over the page builds' output: terser with three compress passes finds what one pass of the
 * bundler's minifier leaves (about 0.8 kB brotli on a page with every widget, 7 kB with a chart). It runs on the
 * finished chunks; the bundler writes their maps from its own state, so terser's maps (built on the bundler's)
 * replace those files once they are written.
 */
export function terserPass(module: boolean): Plugin {
  const maps = new Map<string, string>();
  return {
    name: 'kdx-terser',
    apply: 'build',
    async generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        // The map's URL comment is already there: keep it as the last line.
        const url = /\n\/\/# sourceMappingURL=\S+\s*$/.exec(chunk.code)?.[0] ?? '';
        const out = await terser(url ? chunk.code.slice(0, -url.length) : chunk.code, {
          module,
          ecma: 2020,
          compress: { passes: 3, pure_getters: true },
          // No comments but V8's compile hint (compile-hint.ts), which must stay the first line.
          format: { comments: (_node: unknown, c: { value: string }) => `//${c.value}` === COMPILE_HINT },
          sourceMap: chunk.map ? { content: JSON.stringify(chunk.map), filename: chunk.fileName.split('/').pop()! } : false,
        });
        chunk.code = out.code! + url;
        if (typeof out.map === 'string') maps.set(`${chunk.fileName}.map`, out.map);
      }
    },
    writeBundle(options) {
      for (const [file, map] of maps) writeFileSync(join(options.dir!, file), map);
      maps.clear();
    },
  };
}

