/**
 * A second minifier for page builds, as a Vite plugin: used by vite.config.ts (kdx.js, its chunks, kdx.iife.js)
 * and by the benchmark's build of Shoelace's comparable set, so that both are minified the same way.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify as terser } from 'terser';
import { parseAst, type Plugin } from 'vite';
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
        const code = url ? chunk.code.slice(0, -url.length) : chunk.code;
        const out = await terser(code, {
          module,
          ecma: 2020,
          // In modules, imported and exported bindings are named as they are exported (below).
          ...(module && { nameCache: { vars: { props: sharedNames(code) } } }),
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


/**
 * `import{A as e,B as t}from"./core-….js"` and the core's `export{zt as A,Ot as B,…}` cost a pair of names per
 * binding (≈ 20–40 B brotli a chunk, ≈ 75 B for the core: random letters do not compress). terser's name cache
 * gives each such binding the one- or two-character name it is exported by instead, so the statements read
 * `import{A,B}from…` and `export{A,B,…}`. (The cache is terser's own mechanism for names shared across files: no
 * other binding gets one of those names, and no inner scope shadows one it uses.) The first binding of a name
 * wins; longer names (`KdxProgress`) and reserved words keep the usual mangling.
 */
function sharedNames(code: string): Record<string, string> {
  const props: Record<string, string> = {};
  const taken = new Set<string>();
  const keep = (local: string, name: string) => {
    if (taken.has(name) || `$${local}` in props || !/^[A-Za-z_$][\w$]?$/.test(name) || RESERVED.has(name)) return;
    taken.add(name);
    props[`$${local}`] = name;
  };
  for (const node of parseAst(code).body) {
    if (node.type === 'ImportDeclaration') {
      for (const s of node.specifiers) if (s.type === 'ImportSpecifier' && s.imported.type === 'Identifier') keep(s.local.name, s.imported.name);
    } else if (node.type === 'ExportNamedDeclaration' && !node.source) {
      for (const s of node.specifiers) if (s.local.type === 'Identifier' && s.exported.type === 'Identifier') keep(s.local.name, s.exported.name);
    }
  }
  return props;
}

const RESERVED = new Set(
  'await break case catch class const continue debugger default delete do else enum export extends false finally for function if implements import in instanceof interface let new null package private protected public return static super switch this throw true try typeof var void while with yield arguments eval undefined NaN Infinity'.split(' '),
);
