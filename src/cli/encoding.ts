/**
 * Bytes ↔ text for the CSV files staff exchange with spreadsheets.
 *
 * Reading: UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Shift_JIS, which is what Excel in
 * Japan saves as 「CSV（コンマ区切り）」. Real Japanese text is practically never valid UTF-8 by accident, so the
 * order is safe. Decoding uses the platform's `TextDecoder('shift_jis')` (the Encoding Standard's Shift_JIS, i.e.
 * Windows-31J / CP932, with NEC and IBM extensions).
 *
 * Writing Shift_JIS needs an encoder Node does not have. Rather than a dependency, we invert that decoder over
 * every two-byte code, so whatever we write reads back to the same text by construction (the tests check every
 * entry). Characters Shift_JIS lacks (— U+2014, – U+2013, 𠮷…) are written as `&#x2014;` and turned back into
 * characters on import: the round trip stays lossless, and staff can type such characters the same way.
 */

export type CsvEncoding = 'utf-8' | 'shift_jis';

export interface DecodedText {
  text: string;
  encoding: CsvEncoding;
  /** Whether a UTF-8 byte order mark was present (Excel's 「CSV UTF-8」 writes one). */
  bom: boolean;
}

/** A file we cannot read as text; `line` is where the first undecodable byte is. */
export class EncodingError extends Error {
  override name = 'EncodingError';
  constructor(
    readonly key: 'utf16' | 'not-text',
    readonly line?: number,
  ) {
    super(key);
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** The 1-based line of the first U+FFFD a lenient decode produces. */
function lineOfFirstBadByte(bytes: Uint8Array, encoding: CsvEncoding): number {
  const text = new TextDecoder(encoding).decode(bytes);
  const at = text.indexOf('\uFFFD');
  return at < 0 ? 1 : text.slice(0, at).split(/\r\n|\r|\n/).length;
}

function decodeStrict(bytes: Uint8Array, encoding: CsvEncoding): string | null {
  try {
    // ignoreBOM: a BOM is stripped by the caller; one left in the middle of a file is data.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The text of a CSV file. `forced` skips detection (for the rare file that is ambiguous).
 * Throws {@link EncodingError} for UTF-16 (Excel's 「Unicode テキスト」) and for bytes that are neither encoding.
 */
export function decodeCsv(bytes: Uint8Array, forced?: CsvEncoding): DecodedText {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new EncodingError('utf16');
  }
  const bom = UTF8_BOM.every((b, i) => bytes[i] === b);
  const body = bom ? bytes.subarray(3) : bytes;
  const order: CsvEncoding[] = forced ? [forced] : bom ? ['utf-8'] : ['utf-8', 'shift_jis'];
  for (const encoding of order) {
    const text = decodeStrict(body, encoding);
    if (text !== null) return { text, encoding, bom };
  }
  throw new EncodingError('not-text', lineOfFirstBadByte(body, order[order.length - 1]!));
}

let reverse: Map<number, number[]> | undefined;

/**
 * Code point → Shift_JIS bytes, built once from the platform decoder, single bytes included: ICU's table
 * swaps a few control codes (0x1A reads as U+001C, 0x7F as U+001A), so not even ASCII is assumed. Lead bytes
 * 0xED–0xEE (NEC's copy of the IBM extensions) are skipped and the first code wins otherwise, as the Encoding
 * Standard's encoder does: Ⅰ → 0x8754 rather than 0xFA4A, 纊 → 0xFA5C rather than 0xED40. Either choice would
 * decode the same.
 */
function reverseTable(): Map<number, number[]> {
  if (reverse) return reverse;
  const decoder = new TextDecoder('shift_jis', { fatal: true });
  const table = new Map<number, number[]>();
  const add = (bytes: number[]) => {
    let s: string;
    try {
      s = decoder.decode(Uint8Array.from(bytes));
    } catch {
      return; // unassigned code
    }
    const cp = s.codePointAt(0)!;
    if (s.length === 1 && !table.has(cp)) table.set(cp, bytes);
  };
  for (let b = 0; b <= 0xdf; b++) if (b < 0x80 || b >= 0xa1) add([b]);
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if ((lead >= 0xa0 && lead <= 0xdf) || lead === 0xed || lead === 0xee) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) if (trail !== 0x7f) add([lead, trail]);
  }
  return (reverse = table);
}

/** The Shift_JIS bytes of one code point, or null if Shift_JIS has no such character. */
export function shiftJisCode(cp: number): readonly number[] | null {
  return reverseTable().get(cp) ?? null;
}

/** Every code point the encoder knows, with its bytes: for tests that check it against the decoder. */
export function shiftJisEntries(): Array<[number, readonly number[]]> {
  return [...reverseTable()];
}

const REF = /&#x([0-9A-Fa-f]{1,6});/g;

/**
 * Makes a text encodable in Shift_JIS: characters it lacks become `&#xHHHH;`, and an `&` that would otherwise
 * read as the start of such a reference becomes `&#x26;`, so {@link fromCharRefs} restores exactly the input.
 * Returns the characters that were replaced, for a warning.
 */
export function toShiftJisSafe(text: string): { text: string; replaced: string[] } {
  const replaced: string[] = [];
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (cp > 0xffff) i++;
    if (ch === '&' && /^&#x[0-9A-Fa-f]{1,6};/.test(text.slice(i, i + 10))) out += '&#x26;';
    else if (shiftJisCode(cp)) out += ch;
    else {
      out += `&#x${cp.toString(16).toUpperCase()};`;
      replaced.push(ch);
    }
  }
  return { text: out, replaced };
}

/** Reverses {@link toShiftJisSafe}: `&#x2014;` → —. References to no character are left as typed. */
export function fromCharRefs(text: string): string {
  return text.includes('&#') ? text.replace(REF, (m, hex: string) => {
    const cp = parseInt(hex, 16);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  }) : text;
}

/**
 * Encodes text as Shift_JIS. Every character must be encodable (pass the text through {@link toShiftJisSafe}
 * first); otherwise this throws, naming the character, rather than writing a `?`.
 */
export function encodeShiftJis(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const bytes = shiftJisCode(cp);
    if (!bytes) throw new RangeError(`U+${cp.toString(16).toUpperCase().padStart(4, '0')} is not in Shift_JIS`);
    for (const b of bytes) out[n++] = b;
  }
  return out.slice(0, n);
}

/** UTF-8 with a byte order mark, so that Excel opens it as UTF-8 rather than as Shift_JIS. */
export function encodeUtf8WithBom(text: string): Uint8Array {
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(body.length + 3);
  out.set(UTF8_BOM);
  out.set(body, 3);
  return out;
}
