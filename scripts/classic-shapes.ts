/**
 * The report shapes' code for the classic script (`kdx.iife.js`), as a chunk of its own: `chunks/classic-shapes-<hash>.js`.
 *
 * The ES build loads the shapes (`components/shared/shapes.ts`: grade tables, indicators, revisions and their
 * strings) only for data that has them; the classic script carried them inline, ≈ 5 kB brotli on every page. They
 * import the core (Lit, formatting, messages), so the ES build's chunk cannot be loaded from the classic script
 * without a second copy of Lit. This chunk is the same code with those imports turned into the parameters of one
 * function, `export default function([html, nothing, …], […], …)`, which the classic script calls with its own
 * bindings once the chunk has arrived (`plugin` below): one Lit, one copy of each module, nothing global.
 *
 * `buildClassicShapes` runs before the classic script's build (vite.config.ts, `--mode iife`), after the ES
 * build: the modules inlined are those of the ES build's `chunks/shapes-<hash>.js` (its source map's sources),
 * every other import stays the classic script's. The classic script's build fails if one of those modules is in it
 * too (it would run twice).
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, parseAst, type Alias, type Plugin } from 'vite';
import { compileHintBanner } from './compile-hint.js';
import { terserPass } from './terser-pass.js';
import { editWithMap, type Edit } from './source-maps.js';

/** What the classic script's build needs to know about the chunk. */
export interface ClassicShapes {
  /** `chunks/classic-shapes-<hash>.js`. */
  file: string;
  /** The chunk's imports in the order of its parameters: the module (an absolute id) and the names it takes. */
  deps: Array<{ id: string; names: string[] }>;
  /** The modules in the chunk (absolute ids): none of them may be in the classic script too. */
  inlined: string[];
}

const DEP = 'kdx-classic-dep:';

/**
 * Builds the chunk into dist/chunks/. `entry` is `components/shared/shapes.ts`; `plugins` are the classic build's
 * own transforms (the `import()` of the shapes' English words by URL, the `css` minifier); `alias` its aliases.
 */
export async function buildClassicShapes(entry: string, plugins: Plugin[], alias: Alias[]): Promise<ClassicShapes> {
  const inlined = esChunkModules(entry);
  const deps: ClassicShapes['deps'] = [];
  let file: string | undefined;
  const external: Plugin = {
    name: 'kdx-classic-shapes-external',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || source.startsWith(DEP)) return null;
      const r = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!r || r.external || inlined.includes(r.id)) return r;
      return { id: `${DEP}${r.id}`, external: true };
    },
  };
  // In `renderChunk`, before the minifier (terser-pass.ts, the last handler): the chunk's hashed name is computed
  // from the code it ships.
  const factory: Plugin = {
    name: 'kdx-classic-shapes-factory',
    renderChunk(code, chunk) {
      const { edits, deps: found } = toFactory(code);
      deps.push(...found);
      return editWithMap(code, edits, chunk.fileName);
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      if (chunks.length !== 1) throw new Error(`classic-shapes: expected one chunk, got ${chunks.map((c) => c.fileName).join(', ')}`);
      file = chunks[0]!.fileName;
    },
  };
  await build({
    configFile: false,
    logLevel: 'warn',
    resolve: { alias },
    // The minifier (after this plugin's renderChunk) minifies the function as it does every chunk.
    plugins: [external, ...plugins, factory, terserPass(true)],
    build: {
      target: 'es2022',
      outDir: 'dist',
      emptyOutDir: false,
      copyPublicDir: false,
      sourcemap: true,
      lib: { entry: { 'classic-shapes': entry }, formats: ['es'] },
      rolldownOptions: { output: { minify: false, postBanner: compileHintBanner, entryFileNames: 'chunks/[name]-[hash].js' } },
    },
  });
  if (!file) throw new Error('classic-shapes: the build wrote no chunk');
  return { file, deps, inlined };
}

/**
 * The source modules of the ES build's chunk whose entry is `entry` (dist/chunks/shapes-<hash>.js), as absolute
 * paths; this build's chunks of an earlier run go.
 */
function esChunkModules(entry: string): string[] {
  const dir = resolve('dist/chunks');
  let files: string[] = [];
  try {
    files = readdirSync(dir);
  } catch {
    // reported below
  }
  for (const f of files) if (/^classic-shapes-/.test(f)) rmSync(resolve(dir, f));
  const found = files
    .filter((f) => f.endsWith('.js.map') && !/^classic-shapes-/.test(f))
    .map((f) => (JSON.parse(readFileSync(resolve(dir, f), 'utf8')) as { sources: string[] }).sources.map((s) => resolve(dir, s)))
    .filter((sources) => sources.includes(entry));
  if (found.length !== 1) throw new Error(`classic-shapes needs exactly one dist/chunks/ chunk with ${entry} (found ${found.length}): run \`vite build\` first.`);
  return found[0]!;
}

/**
 * The bundled ES module `code` as `export default function([a, b], [c], …) { …; return { exports } }`: its
 * `import { x as a, y as b } from "kdx-classic-dep:<id>"` become the parameters, its `export { a as x }` the
 * returned object: the edits that make it so (`editWithMap` applies them with a source map; a line of the bundled,
 * not yet minified code never holds two modules, so the map keeps every byte's module).
 */
export function toFactory(code: string): { edits: Edit[]; deps: ClassicShapes['deps'] } {
  const ast = parseAst(code);
  const deps: ClassicShapes['deps'] = [];
  const params: string[] = [];
  const edits: Edit[] = [];
  let returned: string | undefined;
  for (const [i, node] of ast.body.entries()) {
    if (node.type === 'ImportDeclaration') {
      const from = String(node.source.value);
      if (!from.startsWith(DEP)) throw new Error(`classic-shapes: the chunk imports ${from}, which the classic script cannot give it`);
      const names: string[] = [];
      const locals: string[] = [];
      for (const s of node.specifiers) {
        if (s.type !== 'ImportSpecifier') throw new Error(`classic-shapes: ${s.type} from ${from} (only named imports can be passed)`);
        names.push(s.imported.type === 'Identifier' ? s.imported.name : String(s.imported.value));
        locals.push(s.local.name);
      }
      deps.push({ id: from.slice(DEP.length), names });
      params.push(`[${locals.join(',')}]`);
      edits.push({ start: node.start, end: node.end, text: '' });
    } else if (node.type === 'ExportNamedDeclaration') {
      if (node.declaration || node.source || i !== ast.body.length - 1) throw new Error('classic-shapes: expected one `export { … }` at the end of the chunk');
      const out = node.specifiers.map((s) => {
        const local = s.local.type === 'Identifier' ? s.local.name : String(s.local.value);
        const exported = s.exported.type === 'Identifier' ? s.exported.name : JSON.stringify(s.exported.value);
        return local === exported ? local : `${exported}:${local}`;
      });
      returned = `return{${out.join(',')}}`;
      edits.push({ start: node.start, end: node.end, text: `${returned}}` });
    } else if (/^Export/.test(node.type) || (node.type === 'ExpressionStatement' && /\bimport\.meta\b/.test(code.slice(node.start, node.end)))) {
      throw new Error(`classic-shapes: ${node.type} in the chunk cannot be turned into a function`);
    }
  }
  if (!returned) throw new Error('classic-shapes: the chunk exports nothing');
  // The function starts on a line of its own after the first statement's line start (the compile hint, a comment,
  // stays the first line of the file).
  const first = ast.body[0]!.start;
  const lineStart = code.lastIndexOf('\n', first - 1) + 1;
  edits.push({ start: lineStart, end: lineStart, text: `export default function(${params.join(',')}){\n` });
  return { edits, deps };
}

/**
 * For the classic script's build: `import('./shapes.js')` in `load-shapes.ts` becomes a call of the chunk's
 * function with the classic script's own bindings (loaded once, by URL next to the script, as the other chunks
 * it shares with `kdx.js`); the build fails if a module of the chunk is in the classic script too.
 */
export function classicShapesPlugin(shapes: ClassicShapes, loader: RegExp, scriptBase: string): Plugin {
  const VIRTUAL = '\0kdx-classic-shapes';
  const imports = shapes.deps.map((d, i) => `import { ${d.names.map((n, k) => `${n} as d${i}_${k}`).join(', ')} } from ${JSON.stringify(d.id)};`);
  const args = shapes.deps.map((d, i) => `[${d.names.map((_n, k) => `d${i}_${k}`).join(', ')}]`);
  const module = `import { chunkUrl } from ${JSON.stringify(scriptBase)};
${imports.join('\n')}
let loading;
/** The shapes' code, as the ES build's \`import('./shapes.js')\` gives it; a failed load is tried again next time. */
export function loadShapesCode() {
  return (loading ??= import(/* @vite-ignore */ chunkUrl(${JSON.stringify(shapes.file)})).then(
    (m) => m.default(${args.join(', ')}),
    (e) => {
      loading = undefined;
      throw e;
    },
  ));
}
`;
  return {
    name: 'kdx-classic-shapes',
    enforce: 'pre',
    resolveId: (id) => (id === VIRTUAL ? id : null),
    load: (id) => (id === VIRTUAL ? module : null),
    transform(code, id) {
      if (!loader.test(id)) return null;
      // Not the `typeof import('./shapes.js')` of a type.
      const call = /(?<!typeof\s*)\bimport\('\.\/shapes\.js'\)/g;
      const found = code.match(call)?.length ?? 0;
      if (found !== 1) throw new Error(`kdx-classic-shapes: expected one import('./shapes.js') in ${id}, found ${found}`);
      return { code: `import { loadShapesCode as __kdxShapes } from ${JSON.stringify(VIRTUAL)};\n${code.replace(call, '__kdxShapes()')}`, map: null };
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const twice = chunk.moduleIds.filter((m) => shapes.inlined.includes(m));
        if (twice.length) {
          throw new Error(`kdx-classic-shapes: ${twice.join(', ')} would be both in ${chunk.fileName} and in ${shapes.file}: import it from the classic script's side only through shapes.ts`);
        }
      }
    },
  };
}
