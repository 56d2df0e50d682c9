// Bytes to text. Excel and WPS in China save CSV as GB18030/GBK unless told otherwise; newer
// versions offer "CSV UTF-8" (with a BOM); "Unicode text" is UTF-16 LE with a BOM.

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be' | 'binary';

// Share of replacement or control characters above which the file is not text.
const BINARY_SHARE = 0.02;
const SAMPLE_CHARS = 1 << 20;

function looksBinary(text: string): boolean {
  const n = Math.min(text.length, SAMPLE_CHARS);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c)) bad++;
  }
  return n > 0 && bad / n > BINARY_SHARE;
}

/**
 * Detects the encoding (BOM first, then strict UTF-8, else GB18030) and decodes. A file with NUL
 * bytes and no UTF-16 BOM, or one that is mostly undecodable, comes back as `binary` with no text.
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
    return { text: '', encoding: 'binary' };
  } else {
    try {
      result = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch {
      result = { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
    }
  }
  return looksBinary(result.text) ? { text: '', encoding: 'binary' } : result;
}
