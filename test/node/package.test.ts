import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { VERSION } from '../../src/version.js';

test('VERSION matches package.json', () => {
  assert.equal(VERSION, JSON.parse(readFileSync('package.json', 'utf8')).version);
});

test('default light tokens are the Digital Agency design tokens', () => {
  const da = readFileSync('node_modules/@digital-go-jp/design-tokens/dist/tokens.css', 'utf8');
  const value = (name: string) => new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(da)?.[1]?.toLowerCase();
  const ours = readFileSync('src/styles/tokens.ts', 'utf8');
  const light = ours.slice(ours.indexOf('export const tokens'), ours.indexOf(":host([theme='dark'])"));
  const expect: Record<string, string> = {
    'kdx-color-text': 'color-neutral-solid-gray-900',
    'kdx-color-text-muted': 'color-neutral-solid-gray-700',
    'kdx-color-accent': 'color-primitive-blue-900',
    'kdx-color-success': 'color-primitive-green-800',
    'kdx-color-warning': 'color-primitive-orange-900',
    'kdx-color-danger': 'color-primitive-red-900',
    'kdx-color-border': 'color-neutral-solid-gray-420',
    'kdx-color-track': 'color-neutral-solid-gray-100',
    'kdx-color-surface-alt': 'color-neutral-solid-gray-50',
  };
  for (const [token, daName] of Object.entries(expect)) {
    const ourValue = new RegExp(`var\\(--${token},\\s*(#[0-9a-f]{6})\\)`, 'i').exec(light)?.[1]?.toLowerCase();
    assert.ok(value(daName), `${daName} not in the Digital Agency tokens`);
    assert.equal(ourValue, value(daName), `${token} should be ${daName}`);
  }
  assert.match(light, /--kdx-font-family, 'Noto Sans JP'/);
});
