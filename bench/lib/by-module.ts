/**
 * Where the bytes of a built file go, by source module, from its source map: raw bytes each module
 * contributes, and its share of the file's brotli size. Brotli does not split by module, so the share is each
 * module's code compressed alone, scaled so that the shares add up to the file's real brotli size (a module that
 * repeats what others say compresses worse alone than inside the file; the scaling spreads that evenly).
 */
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { decodeVlq } from '../../scripts/source-maps.js';

const brotli = (s: string) => brotliCompressSync(Buffer.from(s), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

export interface ModuleShare {
  module: string;
  raw: number;
  brotli: number;
}

/** Source modules of `file` (with `file.map` next to it), largest first. */
export function byModule(file: string): { total: number; modules: ModuleShare[] } {
  const code = readFileSync(file, 'utf8');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[]; mappings: string };
  const lineStart: number[] = [];
  let offset = 0;
  for (const line of code.split('\n')) {
    lineStart.push(offset);
    offset += line.length + 1;
  }
  // [generated offset, source index or -1], in order.
  const segments: Array<[number, number]> = [];
  let source = 0;
  map.mappings.split(';').forEach((line, l) => {
    let column = 0;
    if (!line) return;
    for (const seg of line.split(',')) {
      const f = decodeVlq(seg);
      column += f[0]!;
      if (f.length > 1) {
        source += f[1]!;
        segments.push([lineStart[l]! + column, source]);
      } else segments.push([lineStart[l]! + column, -1]);
    }
  });
  segments.sort((a, b) => a[0] - b[0]);
  const text = new Map<string, string[]>();
  segments.forEach(([start, src], i) => {
    const end = i + 1 < segments.length ? segments[i + 1]![0] : code.length;
    const name = src < 0 ? '(bundler glue)' : map.sources[src]!.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '');
    (text.get(name) ?? text.set(name, []).get(name)!).push(code.slice(start, end));
  });
  const total = brotli(code);
  const alone = [...text].map(([module, parts]) => ({ module, raw: parts.join('').length, alone: brotli(parts.join('')) }));
  const sum = alone.reduce((s, m) => s + m.alone, 0);
  const modules = alone.map((m) => ({ module: m.module, raw: m.raw, brotli: Math.round((m.alone * total) / sum) })).sort((a, b) => b.brotli - a.brotli);
  return { total, modules };
}

/** What a module is part of, for the summary table. */
export function area(module: string): string {
  if (/^(lit-html|lit-element|@lit\/reactive-element|lit)\//.test(module)) return 'Lit (lit-html, ReactiveElement, directives)';
  if (module.startsWith('@lit/context/')) return '@lit/context';
  if (module.startsWith('valibot/')) return 'valibot (schema runtime)';
  if (/src\/data\/(bundle|validate)\.ts$/.test(module)) return 'bundle schema + validator (src/data)';
  if (/src\/data\//.test(module)) return 'loading, model, roll-up, formatting (src/data)';
  if (/src\/i18n\/ja\.ts$/.test(module)) return 'messages: ja';
  if (/src\/i18n\/en\.ts$/.test(module)) return 'messages: en';
  const widget = /src\/components\/(plan-tree|initiative-card|progress|chart|plan-overview|plan)\//.exec(module);
  if (widget) return `<kdx-${widget[1]}>${/\.styles\.ts$/.test(module) ? ' styles' : ''}`;
  if (/src\/styles\//.test(module)) return 'shared styles (host reset, tokens)';
  if (/src\/embed\//.test(module)) return 'fallback-markup upgrader (src/embed)';
  if (/src\/(autoload|define)\.ts$/.test(module)) return 'autoloader and define() (the page entry)';
  return 'base element, data controller, context, events, define, i18n resolver';
}
