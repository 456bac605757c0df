// JIS X 8341-3 AA / WCAG 2.x: text ≥ 4.5:1, bar fills and boundaries ≥ 3:1, for the default light and dark tokens.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
};

function tokens(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of block.matchAll(/--_([\w-]+): var\(--kdx-[\w-]+, (#[0-9a-f]{6})\)/gi)) out[m[1]!] = m[2]!;
  return out;
}
const source = readFileSync('src/styles/tokens.ts', 'utf8');
const light = tokens(source.slice(source.indexOf('export const tokens'), source.indexOf(":host([theme='dark'])")));
const dark = tokens(source.slice(source.indexOf('const dark = css'), source.indexOf('export const tokens')));

for (const [name, t] of [['light', light], ['dark', dark]] as const) {
  test(`${name} theme: text colours reach 4.5:1 on the surface`, () => {
    for (const k of ['text', 'muted', 'accent', 'success', 'info', 'warning', 'danger', 'neutral']) {
      assert.ok(t[k] && t.surface, `${k} missing`);
      const c = contrast(t[k]!, t.surface!);
      assert.ok(c >= 4.5, `${k} ${t[k]} on ${t.surface}: ${c.toFixed(2)}`);
      assert.ok(contrast(t[k]!, t['surface-alt']!) >= 4.5, `${k} on surface-alt`);
    }
  });
  test(`${name} theme: bar fill reaches 3:1 against track and page; borders 3:1`, () => {
    for (const fill of ['accent', 'success', 'warning', 'danger', 'neutral']) {
      assert.ok(contrast(t[fill]!, t.track!) >= 3, `${fill} vs track: ${contrast(t[fill]!, t.track!).toFixed(2)}`);
      assert.ok(contrast(t[fill]!, t.surface!) >= 3, `${fill} vs surface`);
    }
    assert.ok(contrast(t.border!, t.surface!) >= 3, `border vs surface: ${contrast(t.border!, t.surface!).toFixed(2)}`);
    assert.ok(contrast(t.focus!, t.surface!) >= 3, `focus vs surface: ${contrast(t.focus!, t.surface!).toFixed(2)}`);
  });
}
