import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/ingest';
import { importText, render, utf8 } from './helpers';

const WHOLE_FILE: { name: string; bytes: Uint8Array; key: string; encoding?: string }[] = [
  { name: 'no bytes', bytes: new Uint8Array(0), key: 'ingest.error.empty' },
  { name: 'only whitespace', bytes: utf8(' \r\n\t\r\n'), key: 'ingest.error.empty' },
  { name: 'only a BOM', bytes: new Uint8Array([0xef, 0xbb, 0xbf]), key: 'ingest.error.empty' },
  { name: 'only empty cells', bytes: utf8(',,,\r\n,,,\r\n'), key: 'ingest.error.empty' },
  { name: 'an .xlsx saved under a .csv name', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]), key: 'ingest.error.binary', encoding: 'binary' },
];

describe('whole-file failures', () => {
  for (const c of WHOLE_FILE) {
    it(c.name, () => {
      const r = importFile({ name: 'x.csv', bytes: c.bytes });
      expect([r.ok, r.error?.key, r.read, r.loaded, r.rejected.length, r.needs]).toEqual([false, c.key, 0, 0, 0, undefined]);
      if (c.encoding !== undefined) expect(r.encoding).toBe(c.encoding);
    });
  }
  it('the binary message tells the user what to do', () => {
    const r = importFile({ name: '目标.xlsx.csv', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00]) });
    expect(render(r.error ?? { key: '' })).toContain('另存为 → CSV');
    expect(render(r.error ?? { key: '' }, 'en')).toContain('Save As → CSV');
  });
  it('a header with no rows loads nothing and is fine', () => {
    const r = importText('2018完成.csv', '年度,单位,指标,完成值\r\n');
    expect([r.ok, r.table, r.read, r.loaded]).toEqual([true, 'results', 0, 0]);
    expect(r.columns).toEqual(['year', 'unit', 'indicator', 'round', 'actual', 'note']);
    expect(Object.values(r.data).every((c) => c.length === 0)).toBe(true);
  });
  it('an unknown table asks which; the answer then names the missing columns', () => {
    const a = importText('data.csv', 'name,score\nA,1\n');
    expect([a.ok, a.needs, a.error?.key]).toEqual([false, ['table'], 'ingest.error.unknownTable']);
    expect(a.error?.params).toEqual({ file: 'data.csv', row: 1, headers: 'name、score' });
    const b = importText('data.csv', 'name,score\nA,1\n', { table: 'results' });
    expect([b.ok, b.needs, b.table]).toEqual([false, undefined, 'results']);
    expect(b.error?.params?.columns).toBe('year（年度）、unit（单位）、indicator（指标）、actual（完成值）');
  });
  it('a wide file with no year anywhere asks for it', () => {
    const r = importText('新北区目标任务.csv', '单位 内容,春江镇,孟河镇\n出生政策符合率%,99,99\n');
    expect([r.ok, r.needs, r.shape, r.error?.key]).toEqual([false, ['year'], 'wide', 'ingest.error.needsYear']);
    const again = importText('新北区目标任务.csv', '单位 内容,春江镇,孟河镇\n出生政策符合率%,99,99\n', { year: 2018 });
    expect([again.ok, again.loaded, again.data.year]).toEqual([true, 2, ['2018', '2018']]);
  });
});
