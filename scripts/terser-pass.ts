/**
 * A second minifier for page builds, as a Vite plugin: used by vite.config.ts (kdx.js, its chunks, kdx.iife.js)
 * and by the benchmark's build of Shoelace's comparable set, so that both are minified the same way.
 */
import { minify as terser } from 'terser';
import type { SourceMapInput } from 'rolldown';
import { minify, parseAst, type Plugin } from 'vite';

/**
 * The page builds' minifier, as a Vite plugin: the bundler's own (oxc, as `output.minify` would run it), then terser
 * with three compress passes, which finds what one pass of the first leaves (about 0.8 kB brotli on a page with every
 * widget, 7 kB with a chart). Both run in `renderChunk`, the last of its handlers, so that a chunk's hashed name is
 * computed from the code it ships: a chunk whose content changes gets a new name (cached files, import-map
 * `integrity`). Each step's source map is built on the one before, and the bundler chains them to the sources.
 */
export function terserPass(module: boolean): Plugin {
  return {
    name: 'kdx-terser',
    apply: 'build',
    renderChunk: {
      order: 'post',
      async handler(input, chunk) {
        const file = chunk.fileName.split('/').pop()!;
        const first = await minify(file, input, { module, sourcemap: true });
        if (first.errors.length) throw new Error(`kdx-terser: ${file}: ${first.errors.map((e) => e.message).join('; ')}`);
        const out = await terser(first.code, {
          module,
          ecma: 2020,
          // In modules, imported and exported bindings are named as they are exported (below).
          ...(module && { nameCache: { vars: { props: sharedNames(first.code) } } }),
          compress: { passes: 3, pure_getters: true },
          // No comments: V8's compile hint (compile-hint.ts) is the `postBanner`, added after this.
          format: { comments: false },
          sourceMap: { content: JSON.stringify(first.map), filename: file },
        });
        return { code: out.code!, map: typeof out.map === 'string' ? (JSON.parse(out.map) as SourceMapInput) : null };
      },
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
