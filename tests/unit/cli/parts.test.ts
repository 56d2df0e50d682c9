// The command line's own small parts: CSV cells, arguments, input errors.
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/cli/csv';
import { parseArgs } from '../../../src/cli/args';
import { problems } from '../../../src/cli/run';
import type { ImportOutcome } from '../../../src/workspace/importing';

describe('csv', () => {
  const CASES: { name: string; cells: (string | null)[]; line: string }[] = [
    { name: 'plain cells stay bare', cells: ['2018', '春江镇', '16'], line: '2018,春江镇,16' },
    { name: 'NULL is an empty cell', cells: ['a', null, 'b'], line: 'a,,b' },
    { name: 'commas, quotes and line breaks are quoted', cells: ['a,b', 'say "hi"', 'x\ny'], line: '"a,b","say ""hi""","x\ny"' },
    { name: 'leading or trailing spaces are kept by quoting', cells: [' 河海街道'], line: '" 河海街道"' },
  ];
  for (const c of CASES) it(c.name, () => expect(toCsv(['c'], [c.cells])).toBe(`c\n${c.line}\n`));
});

describe('arguments', () => {
  const CASES: { argv: string[]; ok: boolean; problem?: string | null }[] = [
    { argv: ['--data', 'd', '--out', 'o'], ok: true },
    { argv: ['--data=d', '--out=o', '--lang=en', '--native', '--bom'], ok: true },
    { argv: ['--help'], ok: false, problem: null },
    { argv: ['--data', 'd'], ok: false, problem: 'both --data and --out are required' },
    { argv: ['--data', 'd', '--out'], ok: false, problem: '--out needs a value' },
    { argv: ['--data', 'd', '--out', 'o', '--lang', 'fr'], ok: false, problem: '--lang is zh-CN or en, not fr' },
  ];
  for (const c of CASES) {
    it(c.argv.join(' '), () => {
      const p = parseArgs(c.argv);
      expect(p.ok).toBe(c.ok);
      if (!p.ok) expect(p.problem).toBe(c.problem);
    });
  }

  it('reads every option', () => {
    expect(parseArgs(['--data=d', '--out=o', '--lang=en', '--native', '--bom'])).toEqual({
      ok: true,
      options: { data: 'd', out: 'o', lang: 'en', native: true, bom: true },
    });
  });
});

describe('input errors', () => {
  const outcome = (report: Partial<ImportOutcome['report']>): ImportOutcome =>
    ({ report: { file: '结果.csv', ok: true, notes: [], rejected: [], ...report }, source: null, needs: [] }) as unknown as ImportOutcome;
  const say = (m: { key: string; params?: Readonly<Record<string, string | number>> }) =>
    m.key === 'cli.rejected' || m.key === 'cli.failed' ? `${m.key} ${JSON.stringify(m.params)}` : m.key;

  it("frames a reason that does not name its file with the file, row and column", () => {
    const rejected = [{ row: 7, column: '完成值', reason: { key: 'some.reason' } }];
    expect(problems([outcome({ rejected })], say)).toEqual([
      'cli.rejected {"file":"结果.csv","row":7,"column":"完成值","reason":"some.reason"}',
    ]);
  });

  it('keeps a reason that already names its file as it is', () => {
    const rejected = [{ row: 7, column: '完成值', reason: { key: '结果.csv 第7行' } }];
    expect(problems([outcome({ rejected })], say)).toEqual(['结果.csv 第7行']);
  });

  it('a file that failed as a whole is one error', () => {
    expect(problems([outcome({ ok: false, error: { key: 'ingest.error.binary' } })], say)).toEqual([
      'cli.failed {"file":"结果.csv","reason":"ingest.error.binary"}',
    ]);
  });
});
