// Properties of the import path (fast-check): normalisation is idempotent; a wide table unpivoted
// to long and pivoted back is the same table; a loaded table written out as CSV and imported
// again (the app's CSV export, src/export/csv.ts: BOM, CRLF, formula cells guarded by an
// apostrophe that the import takes off) gives every value back, equal.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv as writeCsv } from '../../src/cli/csv';
import { toCsv as exportCsv } from '../../src/export/csv';
import { importFile, type ImportResult } from '../../src/ingest';
import { headerKey, normaliseName, normaliseProse, normaliseText, splitCategory, splitIndicator } from '../../src/ingest/normalise';
import { parseYear, readNumber, readValue } from '../../src/ingest/values';
import { TABLES, type TableName } from '../../src/schema/tables';
import { runs } from './runs';

const utf8 = (s: string) => new TextEncoder().encode(s);

// Pieces of real cells: Chinese, full-width forms, spaces of every kind, line breaks, units of measure.
const piece = fc.constantFrom(
  '河海', '街道', '镇', '出生', '政策', '符合率', ' ', '\n', '\r\n', '\t', '　', '\u00a0', '\u200b', '\ufeff', '（', '）',
  '(', ')', '%', '％', '‰', '３', '0', '9', '.', ',', '，', '-', '－', '—', '=', '＝', ';', '；', 'A', 'b', '¨', '\u3099', 'か',
  '㈠', '对', '元/人', '300', '"', 'e', '年', '度',
);
const messy = fc.oneof(
  fc.string({ unit: 'grapheme-composite', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.array(piece, { maxLength: 10 }).map((p) => p.join('')),
);

describe('normalisation is idempotent', () => {
  const fixed = (f: (s: string) => string) => (s: string) => f(f(s)) === f(s);
  for (const [name, f] of [
    ['normaliseName', normaliseName],
    ['normaliseText', normaliseText],
    ['normaliseProse', normaliseProse],
    ['headerKey', headerKey],
    ['splitIndicator', (s: string) => splitIndicator(s).name],
    ['splitCategory', (s: string) => splitCategory(s).name],
  ] as const) {
    it(name, () => fc.assert(fc.property(messy, fixed(f)), runs(2000)));
  }
  it('a value, a number and a year read again read the same', () => {
    fc.assert(
      fc.property(messy, (s) => {
        for (const read of [readValue, readNumber]) {
          const once = read(s);
          if (typeof once === 'string' && once !== '') expect(read(once)).toBe(once);
        }
        const y = parseYear(s);
        if (y !== null) expect(parseYear(y)).toBe(y);
      }),
      runs(2000),
    );
  });
});

const UNITS = ['春江镇', '孟河镇', '新桥镇', '薛家镇', '罗溪镇', '西夏墅镇', '奔牛镇', '河海街道', '三井街道', '龙虎塘街道'];
const INDICATORS = ['出生政策符合率', '孕前优生健康检查人数', '群众满意率', '计生事业经费', '流动人口服务管理率', '信访总量', '性别比', '避孕节育率'];

/** Canonical cell values: numbers, a range, words, a formula, or blank. */
const cell = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -500, max: 200_000 }).map(String) },
  { weight: 3, arbitrary: fc.tuple(fc.nat(999), fc.integer({ min: 1, max: 99 })).map(([i, f]) => `${i}.${String(f).replace(/0+$/, '')}`) },
  { weight: 1, arbitrary: fc.constantFrom('103-107', '基本正常', '全面兑现', '按标准投入到位', '=prev*1.05', '=population*22/10000') },
  { weight: 2, arbitrary: fc.constant('') },
);

const wide = fc
  .record({
    units: fc.shuffledSubarray(UNITS, { minLength: 2, maxLength: 10 }),
    // Two value columns at least: one column after the labels reads as a long table.
    indicators: fc.shuffledSubarray(INDICATORS, { minLength: 2, maxLength: 8 }),
    unitsAsRows: fc.boolean(),
    kind: fc.constantFrom('目标', '完成情况'),
    seed: fc.array(cell, { minLength: 80, maxLength: 80 }),
  })
  .map((w) => ({ ...w, cells: w.indicators.map((_, i) => w.units.map((_, j) => w.seed[(i * w.units.length + j) % 80]!)) }));

function csvLine(cells: readonly string[]): string {
  return cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
}

describe('wide → long → wide', () => {
  it('returns the same table, cell for cell, either way round', () => {
    fc.assert(
      fc.property(wide, (w) => {
        const lines = w.unitsAsRows
          ? [csvLine(['内容 单位', ...w.indicators]), ...w.units.map((u, j) => csvLine([u, ...w.indicators.map((_, i) => w.cells[i]![j]!)]))]
          : [csvLine(['单位 内容', ...w.units]), ...w.indicators.map((ind, i) => csvLine([ind, ...w.cells[i]!]))];
        const r = importFile({ name: `新北区2018年${w.kind}.csv`, bytes: utf8(lines.join('\r\n')) }, { knownUnits: UNITS });
        expect(r.ok).toBe(true);
        expect(r.rejected).toEqual([]);
        // Pivot the long rows back. A target merged across all units (value under the first unit
        // only: docs/data-format.md §6) comes back as every unit's target, written once, in the first column.
        const value = r.table === 'targets' ? 'target' : 'actual';
        const back = new Map<string, string>();
        for (let k = 0; k < r.loaded; k++) {
          const unit = r.data['unit']![k] ?? (w.unitsAsRows ? null : w.units[0]!);
          expect(r.data['year']![k]).toBe('2018');
          back.set(`${unit}|${r.data['indicator']![k]}`, r.data[value]![k]!);
        }
        const original = new Map<string, string>();
        w.indicators.forEach((ind, i) => w.units.forEach((u, j) => w.cells[i]![j] !== '' && original.set(`${u}|${ind}`, w.cells[i]![j]!)));
        expect(back).toEqual(original);
      }),
      runs(1500),
    );
  });
});

// Raw cells as analysts type them; each column's reader makes them canonical.
const rawCells: Record<string, fc.Arbitrary<string>> = {
  year: fc.constantFrom('2018', '2018年', '18', '２０１８', '2019年度', ' 2017 '),
  unit: fc.constantFrom(...UNITS, '河海\n街道', ' 春江镇 ', '春江镇\u200b', '全部', ''),
  indicator: fc.constantFrom('出生政策符合率%', '出生政策符合率（%）', '孕前优生健康检查人数（300对）', '群众满意率', '信访\n总量'),
  round: fc.constantFrom('', '年终', '半年', '平时 抽查'),
  value: fc.oneof(
    fc.constantFrom('99', '99%', '９９．５', '1,200', '60对', '-3', '0.50', '8‰', '基本 正常', '103—107', '=prev*1.05', '＝population×2', 'a,"b"', '达标\n'),
    fc.integer({ min: -1e6, max: 1e6 }).map(String),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((d) => d.toFixed(4)),
  ),
  // No NUL: a NUL byte marks a binary file (decode.ts).
  prose: fc.oneof(
    messy.map((s) => s.replace(/\0/g, '')),
    fc.constantFrom('扣分，理由："未完成"', '=1+1', '+86 电话', '-扣2分', '@所有人', "'=已转义", "''+1", '多行\n说明', ''),
  ),
};

function rawRow(table: TableName): fc.Arbitrary<Record<string, string>> {
  const parts: Record<string, fc.Arbitrary<string>> = {};
  for (const c of TABLES[table].columns) {
    parts[c.name] =
      c.kind === 'prose' ? rawCells['prose']! : c.kind === 'value' ? rawCells['value']! : (rawCells[c.name] ?? rawCells['indicator']!);
  }
  return fc.record(parts);
}

function loadedRows(r: ImportResult): (string | null)[][] {
  return Array.from({ length: r.loaded }, (_, i) => r.columns.map((c) => r.data[c]![i] ?? null));
}

describe('CSV export then import', () => {
  for (const table of ['results', 'targets', 'vetoes'] as const) {
    it(`${table}: every loaded value comes back equal`, () => {
      fc.assert(
        fc.property(fc.array(rawRow(table), { minLength: 1, maxLength: 25 }), (rows) => {
          const columns = TABLES[table].columns.map((c) => c.name);
          const first = importFile({ name: `${table}.csv`, bytes: utf8(writeCsv(columns, rows.map((r) => columns.map((c) => r[c] ?? '')))) });
          expect(first.ok).toBe(true);
          const exported = exportCsv(first.columns, loadedRows(first));
          const again = importFile({ name: `${table}.csv`, bytes: utf8(exported) });
          expect([again.ok, again.read, again.loaded, again.rejected]).toEqual([true, first.loaded, first.loaded, []]);
          expect(loadedRows(again)).toEqual(loadedRows(first));
        }),
        runs(400),
      );
    });
  }
});
