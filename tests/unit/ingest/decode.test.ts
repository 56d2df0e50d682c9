import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode, importFile } from '../../../src/ingest';
import { utf8 } from './helpers';

const TEXT = '年度,单位,指标,目标值\r\n2018,河海街道,出生政策符合率%,99\r\n';
const bom = (b: Uint8Array, prefix: number[]) => new Uint8Array([...prefix, ...b]);
const utf16be = (s: string) => {
  const le = iconv.encode(s, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1] ?? 0, le[i] ?? 0];
  return new Uint8Array(le);
};

const CASES: { name: string; bytes: Uint8Array; encoding: string; text: string }[] = [
  { name: 'UTF-8', bytes: utf8(TEXT), encoding: 'utf-8', text: TEXT },
  { name: 'UTF-8 with BOM (Excel "CSV UTF-8"): BOM stripped', bytes: bom(utf8(TEXT), [0xef, 0xbb, 0xbf]), encoding: 'utf-8-bom', text: TEXT },
  { name: 'GB18030 (Excel/WPS default CSV in China)', bytes: new Uint8Array(iconv.encode(TEXT, 'gb18030')), encoding: 'gb18030', text: TEXT },
  { name: 'GBK bytes read as GB18030', bytes: new Uint8Array(iconv.encode('孕前优生健康检查人数（300对）', 'gbk')), encoding: 'gb18030', text: '孕前优生健康检查人数（300对）' },
  { name: 'UTF-16 LE with BOM (Excel "Unicode text")', bytes: bom(new Uint8Array(iconv.encode(TEXT, 'utf16le')), [0xff, 0xfe]), encoding: 'utf-16le', text: TEXT },
  { name: 'UTF-16 BE with BOM', bytes: bom(utf16be(TEXT), [0xfe, 0xff]), encoding: 'utf-16be', text: TEXT },
  { name: 'UTF-16 LE without a BOM: told by its zero high bytes', bytes: new Uint8Array(iconv.encode(TEXT, 'utf16le')), encoding: 'utf-16le', text: TEXT },
  { name: 'UTF-16 BE without a BOM', bytes: utf16be(TEXT), encoding: 'utf-16be', text: TEXT },
  { name: 'UTF-8 with one stray byte stays UTF-8 (not GB18030 mojibake)', bytes: new Uint8Array([...utf8(TEXT.slice(0, 20)), 0xff, ...utf8(TEXT.slice(20))]), encoding: 'utf-8', text: `${TEXT.slice(0, 20)}\uFFFD${TEXT.slice(20)}` },
  { name: 'full-width digits survive decoding', bytes: new Uint8Array(iconv.encode('２０１８年', 'gb18030')), encoding: 'gb18030', text: '２０１８年' },
];

const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);
const BINARY: { name: string; bytes: Uint8Array }[] = [
  { name: 'an .xlsx (zip) header: NUL bytes', bytes: ZIP },
  { name: 'mostly undecodable bytes', bytes: new Uint8Array(400).fill(0xff) },
  { name: 'control characters', bytes: new Uint8Array(Array.from({ length: 300 }, (_, i) => 1 + (i % 8))) },
];

describe('decode', () => {
  for (const c of CASES) {
    it(c.name, () => {
      expect(decode(c.bytes)).toEqual({ text: c.text, encoding: c.encoding });
    });
  }
  for (const c of BINARY) {
    it(`binary: ${c.name}`, () => {
      expect(decode(c.bytes).encoding).toBe('binary');
    });
  }

  it('an import of each encoding loads the same row', () => {
    for (const c of CASES.filter((x) => x.text === TEXT)) {
      const r = importFile({ name: 'targets-2018.csv', bytes: c.bytes });
      expect(r.encoding).toBe(c.encoding);
      expect(r.data.unit).toEqual(['河海街道']);
      expect(r.data.indicator).toEqual(['出生政策符合率']);
    }
  });
});
