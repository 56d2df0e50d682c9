// Bytes to text. Excel and WPS in China save CSV as GB18030/GBK unless told otherwise; newer
// versions offer "CSV UTF-8" (with a BOM); "Unicode text" is UTF-16 LE with a BOM.

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be' | 'binary';

// Shares of control characters, and of replacement characters (bytes invalid in the encoding),
// above which the file is not text. A stray invalid byte in a CSV is one replacement among many
// good characters: the file stays text and the row holding it is rejected (long.ts).
const CONTROL_SHARE = 0.02;
const REPLACEMENT_SHARE = 0.1;
const SAMPLE_CHARS = 1 << 20;
const MIN_BAD = 8;

function looksBinary(text: string): boolean {
  const n = Math.min(text.length, SAMPLE_CHARS);
  let controls = 0;
  let replaced = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) replaced++;
    else if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) controls++;
  }
  // A few stray characters in a short file do not make it binary; a binary file has many.
  return (controls > MIN_BAD && controls / n > CONTROL_SHARE) || (replaced > MIN_BAD && replaced / n > REPLACEMENT_SHARE);
}

/**
 * UTF-16 without a byte-order mark: CSV text is mostly ASCII (digits, commas, line breaks), so
 * one byte of each pair is zero, the high one: odd offsets for little-endian, even for big-endian.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 1 << 16) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'utf-16le';
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Not UTF-8: GB18030, unless the bytes are UTF-8 with a few bad ones (a stray byte in a UTF-8
 * export): decoding GB18030 text as UTF-8 fails on nearly every Chinese character, so when the
 * good non-ASCII characters outnumber the bad bytes ten to one, UTF-8 it is.
 */
function utf8OrGb18030(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const lossy = new TextDecoder('utf-8').decode(bytes);
  let bad = 0;
  let good = 0;
  for (let i = 0; i < lossy.length; i++) {
    const c = lossy.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c > 0x7f) good++;
  }
  if (good >= 10 * bad) return { text: lossy, encoding: 'utf-8' };
  return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
}

/**
 * Detects the encoding (BOM first, then UTF-16 by its zero bytes, then strict UTF-8, else GB18030)
 * and decodes. A file with NUL bytes that is not UTF-16, or one that is mostly control or
 * undecodable characters, comes back as `binary` with no text.
 */
export function decode(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const b0 = bytes[0];
  const b1 = bytes[1];
  let result: { text: string; encoding: Encoding };
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    result = { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  } else if (b0 === 0xff && b1 === 0xfe) {
    result = { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  } else if (b0 === 0xfe && b1 === 0xff) {
    result = { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  } else if (bytes.indexOf(0) >= 0) {
    const utf16 = utf16WithoutBom(bytes);
    if (utf16 === null) return { text: '', encoding: 'binary' };
    result = { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  } else {
    try {
      result = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch {
      result = utf8OrGb18030(bytes);
    }
  }
  return looksBinary(result.text) ? { text: '', encoding: 'binary' } : result;
}
