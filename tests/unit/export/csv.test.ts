// CSV exports: BOM, quoting, formula-injection guard, and a kaohe export re-importing to equal values.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTables, type StoredSource } from '../../../src/db/load';
import { openNodeDatabase } from '../../../src/db/node';
import { sourceToIPC } from '../../../src/db/ipc';
import { toRows } from '../../../src/db/rows';
import type { Database } from '../../../src/db/types';
import { BOM, csvCell, rowsToCsv, toCsv } from '../../../src/export/csv';
import { importFile } from '../../../src/ingest';
import { guardFormula, unguardFormula } from '../../../src/ingest/formula-guard';
import { TABLES, type TableName } from '../../../src/schema/tables';

const CELLS: readonly [string, string | number | null, string][] = [
  ['a formula', '=SUM(A1:A9)', "'=SUM(A1:A9)"],
  ['a formula target', '=prev*0.8', "'=prev*0.8"],
  ['a plus sign before text', '+86 138', "'+86 138"],
  ['a minus before text', '-5%', "'-5%"],
  ['a lone minus', '-', "'-"],
  ['an at sign', '@张三', "'@张三"],
  ['a leading tab', '\tcmd', "'\tcmd"],
  ['a leading carriage return', '\r=1', `"'\r=1"`],
  ['a hyperlink formula with quotes and a comma', '=HYPERLINK("http://x", "y")', `"'=HYPERLINK(""http://x"", ""y"")"`],
  ['text that already starts with an apostrophe before =', "'=x", "''=x"],
  ['a negative number as text', '-5', '-5'],
  ['a signed decimal', '+3.25', '+3.25'],
  ['an exponent', '-1e3', '-1e3'],
  ['a number', -5, '-5'],
  ['Chinese text', '春江镇', '春江镇'],
  ['a comma', '台账不完整，扣10分, 见附件', '"台账不完整，扣10分, 见附件"'],
  ['a line break', '河海\n街道', '"河海\n街道"'],
  ['NULL', null, ''],
  ['an apostrophe before plain text', "'abc", "'abc"],
];

describe('csvCell', () => {
  for (const [name, value, written] of CELLS) {
    it(`writes ${name} as ${JSON.stringify(written)}`, () => expect(csvCell(value)).toBe(written));
  }

  it('guard and unguard are inverse for every text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '1', '.', 'e', 'a', '春', ' ') }), (s) => {
        expect(unguardFormula(guardFormula(s))).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('toCsv', () => {
  it('starts with a UTF-8 BOM and ends lines with CRLF, so Excel and WPS read Chinese', () => {
    const text = toCsv(['单位', '总分'], [['春江镇', 87.5], ['孟河镇', null]]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).toBe(`${BOM}单位,总分\r\n春江镇,87.5\r\n孟河镇,\r\n`);
    const bytes = new TextEncoder().encode(text);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

// A workspace whose cells would run as formulas in a spreadsheet, exported table by table and
// imported again through kaohe's own import.
const FILES: Record<string, string> = {
  '单位.csv': '单位,类型,人口\n春江镇,农村镇,85000\n孟河镇,农村镇,62000\n@新桥镇,"=1+1",71000\n',
  '考核细则.csv': '项目,指标,分值,评分方法,方向,扣分标准\n计划生育,出生政策符合率,20,扣分,越高越好,5\n综合,领导重视,80,评估打分,,\n',
  '目标.csv': '年度,单位,指标,目标\n2018,,出生政策符合率,99%\n2018,,领导重视,=prev*0.8\n2018,春江镇,领导重视,"=if(prev>120, 107+(prev-107)*0.88, 107)"\n',
  '2018年考核结果.csv': [
    '年度,单位,指标,完成值,备注',
    '2018,春江镇,出生政策符合率,98.2%,=HYPERLINK("http://example.com")',
    '2018,春江镇,领导重视,70,-台账不完整',
    '2018,孟河镇,出生政策符合率,-5,+3分',
    '2018,孟河镇,领导重视,75,@张三',
    "2018,@新桥镇,领导重视,60,'已核实",
  ].join('\n') + '\n',
};

let db: Database;
beforeAll(async () => {
  db = await openNodeDatabase();
});
afterAll(() => db.close());

function source(name: string, bytes: Uint8Array): StoredSource & { table: TableName } {
  const r = importFile({ name, bytes });
  if (!r.ok || !r.table) throw new Error(`${name} did not import`);
  expect(r.rejected).toEqual([]);
  return { table: r.table, rows: r.loaded, ipc: sourceToIPC({ table: r.table, file: name, data: r.data, sourceRows: r.sourceRows }) };
}

async function contractRows(table: TableName) {
  const cols = TABLES[table].columns.map((c) => `"${c.name}"`).join(', ');
  return toRows(await db.query(`SELECT ${cols} FROM "${table}" ORDER BY source_row`));
}

describe('a kaohe CSV export re-imports to equal values', () => {
  it('every table, formula targets and guarded notes included', async () => {
    const sources = Object.entries(FILES).map(([name, text]) => source(name, new TextEncoder().encode(text)));
    const tables = sources.map((s) => s.table);
    await loadTables(db, sources, tables);
    const before = Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await contractRows(t)] as const)));
    expect(before['targets']!.map((r) => r['target'])).toContain('=prev*0.8');
    expect(before['results']!.map((r) => r['note'])).toContain('@张三');

    const exported = tables.map((t) => {
      const csv = rowsToCsv(before[t]!, TABLES[t].columns.map((c) => c.name));
      expect(csv.startsWith(BOM)).toBe(true);
      return [`${t}.csv`, csv] as const;
    });
    expect(exported.find(([n]) => n === 'targets.csv')![1]).toContain("'=prev*0.8");

    const again = exported.map(([name, csv]) => source(name, new TextEncoder().encode(csv)));
    expect(again.map((s) => s.table)).toEqual(tables);
    await loadTables(db, again, tables);
    for (const t of tables) expect(await contractRows(t)).toEqual(before[t]);
  });
});
