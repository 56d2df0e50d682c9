import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { TABLES, TABLE_NAMES } from '../../src/schema/tables';
import { writeDataFiles } from '../../scripts/make-demo-data';

const DATA = resolve(__dirname, '../../data');
const WUJIN = join(DATA, 'demo/wujin');
const XINBEI = join(DATA, 'demo/xinbei');

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder().decode(bytes.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), 'gb18030');
  }
}

function readCsv(path: string): string[][] {
  return Papa.parse<string[]>(decode(readFileSync(path)), { skipEmptyLines: false }).data;
}

// The importer's normalisation (docs/data-format.md §4), restated here because src/ingest is
// written alongside: NFKC, whitespace next to CJK dropped, then a trailing unit of measure split
// off: %, ‰, or a bracket group holding a quantity (300对) or a unit word (积分, seed 000).
const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef';
function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(new RegExp(`\\s+(?=[${CJK}])|(?<=[${CJK}])\\s+`, 'gu'), '')
    .replace(/\s+/g, ' ')
    .trim();
}
function indicatorName(raw: string): string {
  return normaliseName(raw)
    .replace(/(?:\((?:%|‰|[^()]*\d[^()]*|对|积分)\)|%|‰)$/u, '')
    .trim();
}

/** Rows below the header row that starts with `first`, up to the first blank or note line. */
function tableBody(rows: string[][], first: string): { header: string[]; body: string[][] } {
  const at = rows.findIndex((r) => r[0] === first);
  expect(at).toBeGreaterThanOrEqual(0);
  const body: string[][] = [];
  for (const r of rows.slice(at + 1)) {
    if (r.every((c) => c.trim() === '') || /^注[：:]/.test(r[0] ?? '')) break;
    body.push(r);
  }
  return { header: rows[at] ?? [], body };
}

function fillDown(rows: string[][], col: number): string[][] {
  let last = '';
  return rows.map((r) => {
    const cell = r[col] ?? '';
    if (cell.trim() !== '') last = cell;
    return r.map((c, i) => (i === col ? last : c));
  });
}

describe('demo data generator', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'kaohe-demo-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('regenerates data/demo and data/templates byte for byte, with no stale files', () => {
    const written = writeDataFiles(tmp).map((p) => relative(tmp, p)).sort();
    const committed = [...listFiles(join(DATA, 'demo')), ...listFiles(join(DATA, 'templates'))]
      .map((p) => relative(DATA, p))
      .sort();
    expect(written).toEqual(committed);
    for (const path of written) {
      expect(Buffer.compare(readFileSync(join(tmp, path)), readFileSync(join(DATA, path))), path).toBe(0);
    }
  });

  it('keeps the demo small', () => {
    const bytes = listFiles(join(DATA, 'demo')).reduce((sum, p) => sum + statSync(p).size, 0);
    expect(bytes).toBeLessThan(512 * 1024);
  });

  it('lists both demos, wujin the one default, each with a folder of CSVs', () => {
    const demos = JSON.parse(readFileSync(join(DATA, 'demo/demos.json'), 'utf8')) as { id: string; default: boolean }[];
    expect(demos.map((d) => d.id)).toEqual(['wujin', 'xinbei']);
    expect(demos.filter((d) => d.default).map((d) => d.id)).toEqual(['wujin']);
    for (const d of demos) expect(readdirSync(join(DATA, 'demo', d.id)).some((f) => f.endsWith('.csv'))).toBe(true);
  });
});

describe('武进 demo (seed 001)', () => {
  const rubric = (() => {
    const { body } = tableBody(readCsv(join(WUJIN, '武进区考核细则.csv')), '项目');
    return fillDown(body, 0).map((r) => ({
      categoryCell: r[0] ?? '',
      indicator: r[1] ?? '',
      points: Number(r[2]),
      rule: r[3] ?? '',
    }));
  })();
  const scored = rubric.filter((r) => r.rule !== '加分');

  // seed 001 附件3, in the order the schedule lists them
  const SEED_UNITS = '礼嘉镇 嘉泽镇 雪堰镇 湟里镇 湖塘镇 牛塘镇 高新区北区 西湖街道 洛阳镇 横山桥镇 遥观镇 横林镇 前黄镇 丁堰街道 南夏墅街道 戚墅堰街道 潞城街道'.split(' ');
  // seed 001 附件2
  const SEED_SUBTOTALS: Record<string, number> = {
    领导重视: 9, 综合治理: 7, 依法行政: 17, 信息化建设: 15, 宣传: 12,
    人口家庭公共服务: 2, 出生缺陷干预: 3, 家庭健康保健行动: 6, 流动人口服务管理: 19, 协会建设: 10,
  };

  it('has the 17 units of the inspection schedule, in its order', () => {
    const { body } = tableBody(readCsv(join(WUJIN, '武进区单位.csv')), '单位');
    expect(body.map((r) => r[0])).toEqual(SEED_UNITS);
  });

  it('has 39 items worth 100 points, each category adding to its seed subtotal', () => {
    expect(scored).toHaveLength(39);
    expect(new Set(scored.map((r) => r.indicator)).size).toBe(39);
    expect(scored.reduce((s, r) => s + r.points, 0)).toBe(100);
    const byCategory = new Map<string, { cell: number; sum: number }>();
    for (const r of scored) {
      const m = /^(.*)\((\d+)\)$/u.exec(normaliseName(r.categoryCell));
      expect(m, r.categoryCell).not.toBeNull();
      const entry = byCategory.get(m![1]!) ?? { cell: Number(m![2]), sum: 0 };
      entry.sum += r.points;
      byCategory.set(m![1]!, entry);
    }
    expect(Object.fromEntries([...byCategory].map(([k, v]) => [k, v.cell]))).toEqual(SEED_SUBTOTALS);
    for (const [name, v] of byCategory) expect(v.sum, name).toBe(v.cell);
  });

  it('puts the bonus list after the 100 points, as 加分 rows', () => {
    const bonus = rubric.filter((r) => r.rule === '加分');
    expect(bonus.length).toBeGreaterThanOrEqual(10);
    expect(bonus.every((r) => normaliseName(r.categoryCell) === '亮点工作加分')).toBe(true);
    expect(bonus.find((r) => r.indicator === '国家级表彰')?.points).toBe(3);
    expect(bonus.find((r) => r.indicator === '省级表彰')?.points).toBe(2);
  });

  it('has a target every year for every measured item', () => {
    const { body } = tableBody(readCsv(join(WUJIN, '武进区目标值.csv')), '年度');
    const measured = scored.filter((r) => r.rule !== '评估打分');
    expect(measured.length).toBeGreaterThan(0);
    for (const year of ['2016', '2017', '2018', '2019']) {
      for (const item of measured) {
        expect(body.some((r) => r[0] === year && r[1] === '' && r[2] === item.indicator), `${year} ${item.indicator}`).toBe(true);
      }
    }
  });

  it('reports every unit on every item each year, but for two 缺报 (absent) results', () => {
    let missing = 0;
    for (const year of ['2016', '2017', '2018', '2019']) {
      const { body } = tableBody(readCsv(join(WUJIN, `武进区${year}年考核结果.csv`)), '年度');
      for (const unit of SEED_UNITS) {
        for (const item of scored) {
          const rows = body.filter((r) => r[1] === unit && r[2] === item.indicator);
          expect(rows.length, `${year} ${unit} ${item.indicator}`).toBeLessThanOrEqual(1);
          expect(rows.every((r) => r[3] !== ''), `${year} ${unit} ${item.indicator}`).toBe(true);
          if (rows.length === 0) missing++;
        }
      }
      const known = new Set(rubric.map((r) => r.indicator));
      for (const r of body) expect(known.has(r[2] ?? ''), r.join(',')).toBe(true);
    }
    expect(missing).toBe(2);
  });

  it('has a file saved as Excel does: UTF-8 with BOM and CRLF', () => {
    const bytes = readFileSync(join(WUJIN, '武进区单位.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n');
  });

  it('names every item in data/README.md', () => {
    const readme = readFileSync(join(DATA, 'README.md'), 'utf8');
    for (const r of rubric) expect(readme, r.indicator).toContain(r.indicator);
  });
});

describe('新北 demo (seed 000)', () => {
  const GOV = join(XINBEI, '新北区各镇（街道）2018年计划生育目标任务（政府考核指标）.csv');
  const LINE = join(XINBEI, '新北区各镇（街道）2018年计划生育目标任务（条线考核指标）.csv');
  const UNITS = '春江镇 孟河镇 新桥镇 薛家镇 罗溪镇 西夏墅镇 奔牛镇 河海街道 三井街道 龙虎塘街道'.split(' ');

  /** A wide table: the header is the row with the corner cell; the label column sits left of the units. */
  function wide(path: string): { units: string[]; rows: { indicator: string; cells: string[] }[] } {
    const rows = readCsv(path);
    const at = rows.findIndex((r) => /单位/.test(r[0] ?? '') && /内容/.test(r[0] ?? ''));
    expect(at, path).toBeGreaterThanOrEqual(0);
    const header = (rows[at] ?? []).map(normaliseName);
    const first = header.findIndex((c) => UNITS.includes(c));
    const body: { indicator: string; cells: string[] }[] = [];
    for (const r of rows.slice(at + 1)) {
      if (r.every((c) => c.trim() === '') || /^注[：:]/.test(r[0] ?? '')) break;
      body.push({ indicator: indicatorName(r[first - 1] ?? ''), cells: r.slice(first, first + UNITS.length) });
    }
    return { units: header.slice(first, first + UNITS.length), rows: body };
  }

  const rubric = tableBody(readCsv(join(XINBEI, '新北区考核细则.csv')), '考核类别').body.map((r) => ({
    track: r[0] ?? '',
    indicator: r[2] ?? '',
    points: Number(r[3]),
    rule: r[4] ?? '',
  }));
  const scored = rubric.filter((r) => r.rule !== '加分');

  it('has both seed tables with the units in the seed order', () => {
    expect(wide(GOV).units).toEqual(UNITS);
    expect(wide(LINE).units).toEqual(UNITS);
    expect(wide(GOV).rows).toHaveLength(9);
    expect(wide(LINE).rows).toHaveLength(15);
  });

  it('splits the 300 pairs of pre-pregnancy checks as the seed does', () => {
    const quota = wide(LINE).rows.find((r) => r.indicator === '孕前优生健康检查人数');
    expect(quota?.cells.map(Number)).toEqual([60, 20, 30, 30, 15, 15, 15, 25, 65, 25]);
    expect(quota?.cells.reduce((s, c) => s + Number(c), 0)).toBe(300);
  });

  it('saves the 条线 table as GB18030 with CRLF, not UTF-8', () => {
    const bytes = readFileSync(LINE);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(iconv.decode(bytes, 'gb18030')).toContain('\r\n');
  });

  it('exports the 计生事业经费 row as a merged cell: first unit only', () => {
    const row = wide(GOV).rows.find((r) => r.indicator === '计生事业经费');
    expect(row?.cells[0]).toBe('按标准投入到位');
    expect(row?.cells.slice(1).every((c) => c === '')).toBe(true);
  });

  it('has a rubric of both tracks worth 100, every indicator named in the target files', () => {
    expect(scored.reduce((s, r) => s + r.points, 0)).toBe(100);
    expect(new Set(scored.map((r) => r.track))).toEqual(new Set(['政府考核指标', '条线考核指标']));
    const wide2018 = new Set([...wide(GOV).rows, ...wide(LINE).rows].map((r) => r.indicator));
    const long2019 = new Set(
      tableBody(readCsv(join(XINBEI, '新北区2019年目标任务.csv')), '年度').body.map((r) => indicatorName(r[2] ?? '')),
    );
    for (const r of scored) {
      expect(wide2018.has(indicatorName(r.indicator)), `2018 ${r.indicator}`).toBe(true);
      expect(long2019.has(indicatorName(r.indicator)), `2019 ${r.indicator}`).toBe(true);
    }
    expect(wide2018.size).toBe(scored.length);
  });

  it('has results for every unit and rubric indicator in 2018 (wide) and 2019 (long)', () => {
    const results2018 = readCsv(join(XINBEI, '新北区2018年目标任务完成情况.csv'));
    const header = results2018.find((r) => (r[0] ?? '').includes('内容'));
    expect(header?.slice(1).map(normaliseName)).toEqual(UNITS);
    const labels = new Set(results2018.map((r) => indicatorName(r[0] ?? '')));
    const long2019 = tableBody(readCsv(join(XINBEI, '新北区2019年考核结果.csv')), '年度').body;
    for (const r of rubric) {
      expect(labels.has(indicatorName(r.indicator)), `2018 ${r.indicator}`).toBe(true);
      if (r.rule === '加分') continue;
      for (const unit of UNITS) expect(long2019.some((x) => x[1] === unit && x[2] === r.indicator), `2019 ${unit} ${r.indicator}`).toBe(true);
    }
  });
});

describe('docs/data-format.md', () => {
  const doc = readFileSync(resolve(__dirname, '../../docs/data-format.md'), 'utf8');

  /** The section `### <table>` up to the next `### ` or `## ` heading. */
  function section(table: string): string {
    const start = doc.indexOf(`### ${table}\n`);
    expect(start, table).toBeGreaterThanOrEqual(0);
    const rest = doc.slice(start + 4);
    const end = rest.search(/\n##+ /);
    return end < 0 ? rest : rest.slice(0, end);
  }

  for (const table of TABLE_NAMES) {
    it(`documents every column and header alias of ${table}`, () => {
      const text = section(table);
      for (const c of TABLES[table].columns) {
        expect(text, `${table}.${c.name}`).toContain(`\`${c.name}\``);
        for (const alias of c.aliases) expect(text, `${table}.${c.name}: ${alias}`).toContain(alias);
      }
    });

    it(`names the file keywords of ${table}`, () => {
      for (const k of TABLES[table].fileKeywords) expect(doc, `${table}: ${k}`).toContain(k);
    });
  }
});
