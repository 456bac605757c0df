import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  EncodingError, decodeCsv, encodeShiftJis, encodeUtf8WithBom, fromCharRefs, shiftJisEntries, toShiftJisSafe,
} from '../../src/cli/encoding.js';

const sjis = new TextDecoder('shift_jis', { fatal: true });
const hex = (bytes: Iterable<number>) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');

describe('Shift_JIS encoder', () => {
  it('agrees with TextDecoder on every character it knows', () => {
    const entries = shiftJisEntries();
    assert.ok(entries.length > 7000, `only ${entries.length} characters`);
    for (const [cp, bytes] of entries) {
      assert.equal(sjis.decode(Uint8Array.from(bytes)), String.fromCodePoint(cp), `U+${cp.toString(16)} → ${hex(bytes)}`);
    }
  });

  it('encodes every two-byte code the decoder reads to bytes that read the same (duplicates included)', () => {
    let codes = 0;
    for (let lead = 0x81; lead <= 0xfc; lead++) {
      for (let trail = 0x40; trail <= 0xfc; trail++) {
        let text: string;
        try {
          text = sjis.decode(Uint8Array.of(lead, trail));
        } catch {
          continue;
        }
        codes++;
        assert.equal(sjis.decode(encodeShiftJis(text)), text, hex([lead, trail]));
      }
    }
    assert.ok(codes > 9000, `only ${codes} codes`);
  });

  it('writes the codes of the JIS tables and Windows-31J', () => {
    assert.equal(hex(encodeShiftJis('金沢')), '8b e0 91 f2');
    assert.equal(hex(encodeShiftJis('あA１ｱ')), '82 a0 41 82 50 b1');
    assert.equal(hex(encodeShiftJis('～－①Ⅰ№')), '81 60 81 7c 87 40 87 54 87 82'); // CP932 mappings
    assert.equal(hex(encodeShiftJis('纊')), 'fa 5c'); // IBM extension, not NEC's copy at 0xED40
  });

  it('refuses a character Shift_JIS lacks instead of writing "?"', () => {
    assert.throws(() => encodeShiftJis('a—b'), /U\+2014/);
  });

  it('writes characters Shift_JIS lacks as &#x…; and reads them back exactly', () => {
    const text = 'Kanazawa — 2026–2029, 𠮷野家, ¥100, a literal &#x41; & &amp;';
    const safe = toShiftJisSafe(text);
    assert.deepEqual(safe.replaced, ['—', '–', '𠮷', '¥']);
    assert.equal(safe.text, 'Kanazawa &#x2014; 2026&#x2013;2029, &#x20BB7;野家, &#xA5;100, a literal &#x26;#x41; & &amp;');
    const bytes = encodeShiftJis(safe.text);
    assert.equal(fromCharRefs(sjis.decode(bytes)), text);
  });
});

describe('decodeCsv', () => {
  const text = 'id,title_ja\r\nR7-1,金沢市\r\n';

  it('reads UTF-8 with BOM, and says so', () => {
    assert.deepEqual(decodeCsv(encodeUtf8WithBom(text)), { text, encoding: 'utf-8', bom: true });
  });

  it('reads UTF-8 without BOM', () => {
    assert.deepEqual(decodeCsv(new TextEncoder().encode(text)), { text, encoding: 'utf-8', bom: false });
  });

  it('reads Shift_JIS when the bytes are not UTF-8', () => {
    assert.deepEqual(decodeCsv(encodeShiftJis(text)), { text, encoding: 'shift_jis', bom: false });
  });

  it('takes the encoding it is told', () => {
    assert.equal(decodeCsv(encodeShiftJis(text), 'shift_jis').text, text);
    assert.throws(() => decodeCsv(encodeShiftJis(text), 'utf-8'), EncodingError);
  });

  it('refuses UTF-16 (Excel\'s "Unicode text") with its own reason', () => {
    assert.throws(() => decodeCsv(Uint8Array.of(0xff, 0xfe, 0x61, 0x00)), (e: unknown) => e instanceof EncodingError && e.key === 'utf16');
  });

  it('refuses bytes that are neither, naming the line', () => {
    const bytes = Uint8Array.of(0x61, 0x0d, 0x0a, 0x62, 0x0a, 0x81, 0x20); // 0x81 0x20: a lead byte without a trail
    assert.throws(() => decodeCsv(bytes), (e: unknown) => e instanceof EncodingError && e.key === 'not-text' && e.line === 3);
  });
});
