// The bad-input corpus (issue 8): every file of tests/fixtures/bad/ through the real import path,
// against the exact outcome its manifest states: counts, the message (naming file, line and
// column in zh-CN and en), what loads. Then every file that loads goes into DuckDB and is scored,
// and every file that fails is imported over a workspace holding a file of the same name,
// which must come out of it unchanged.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTables } from '../../../src/db/load';
import { openNodeDatabase } from '../../../src/db/node';
import { toRows } from '../../../src/db/rows';
import type { Database } from '../../../src/db/types';
import { applyScoring, RULE_CODES } from '../../../src/engine';
import { RULES } from '../../../src/engine/rules';
import type { Message } from '../../../src/i18n/types';
import { type ImportContext, type ImportResult, importFile } from '../../../src/ingest';
import { RULE_NAMES } from '../../../src/ingest/validate';
import type { TableName } from '../../../src/schema/tables';
import { changedTables, emptyWorkspace, type Source, withSources } from '../../../src/workspace/document';
import { importToSource } from '../../../src/workspace/importing';
import { balanced, render, utf8 } from './helpers';

interface Case {
  file: string;
  case: string;
  ok: boolean;
  table: TableName | null;
  read: number;
  loaded: number;
  rejected: number;
  message: { key: string | null; row: number | null; column: string | null };
  ctx?: ImportContext;
  keys?: string[];
  data?: Record<string, (string | null)[]>;
  rejectedRows?: number[];
}

const DIR = new URL('../../fixtures/bad/', import.meta.url);
const CASES = JSON.parse(readFileSync(new URL('cases.json', DIR), 'utf8')) as Case[];

/** Files too big to keep in git, made when the test runs. */
const GENERATED: Record<string, () => Uint8Array> = {
  // 3,200 result rows; the 3,000th (line 3001) opens a quote in its actual and never closes it.
  'results-2018-open-quote-row3000.csv': () => {
    const units = ['春江镇', '孟河镇', '新桥镇', '薛家镇', '罗溪镇'];
    const lines = ['年度,单位,指标,轮次,完成值'];
    for (let i = 1; i <= 3200; i++) {
      const actual = i === 3000 ? '"9' : String(90 + (i % 10));
      lines.push(`2018,${units[i % 5]},指标${Math.floor(i / 5)},年终,${actual}`);
    }
    return utf8(lines.join('\r\n') + '\r\n');
  },
};

function bytesOf(c: Case): Uint8Array {
  const make = GENERATED[c.file];
  return make ? make() : new Uint8Array(readFileSync(new URL(c.file, DIR)));
}

function run(c: Case): ImportResult {
  return importFile({ name: c.file, bytes: bytesOf(c) }, c.ctx ?? {});
}

/** Every message of a result with the line it concerns (a rejection's own line, else its row parameter). */
function messages(r: ImportResult): { m: Message; row: number | null; column: string | null }[] {
  const param = (m: Message, k: string) => (m.params?.[k] === undefined ? null : m.params[k]);
  return [
    ...(r.error ? [{ m: r.error, row: param(r.error, 'row') as number | null, column: null }] : []),
    ...r.rejected.map((j) => ({ m: j.reason, row: j.row, column: j.column })),
    ...r.notes.map((m) => ({ m, row: param(m, 'row') as number | null, column: param(m, 'column') as string | null })),
  ];
}

describe('the bad-input corpus', () => {
  it('has at least 40 files, at least half of them loading partially', () => {
    const files = CASES.filter((c) => GENERATED[c.file] === undefined);
    expect(files.length).toBeGreaterThanOrEqual(40);
    const partial = CASES.filter((c) => c.ok && c.loaded > 0 && c.rejected > 0);
    expect(partial.length * 2).toBeGreaterThanOrEqual(CASES.length);
  });

  for (const c of CASES) {
    it(`${c.file}: ${c.case}`, () => {
      const r = run(c);
      expect([r.ok, r.table ?? null, r.read, r.loaded, r.rejected.length]).toEqual([c.ok, c.table, c.read, c.loaded, c.rejected]);
      expect(balanced(r)).toBe(true);
      const all = messages(r);
      for (const k of c.keys ?? []) expect(all.map((x) => x.m.key)).toContain(k);
      for (const x of all) {
        for (const lang of ['zh-CN', 'en'] as const) expect(render(x.m, lang)).not.toMatch(/\{\w+\}/);
      }
      if (c.rejectedRows) expect(r.rejected.map((j) => j.row)).toEqual(c.rejectedRows);
      for (const [column, values] of Object.entries(c.data ?? {})) expect([column, r.data[column]]).toEqual([column, values]);
      if (c.message.key === null) {
        expect(r.rejected).toEqual([]);
        return;
      }
      const hit = all.find((x) => x.m.key === c.message.key && (c.message.row === null || x.row === c.message.row));
      expect(hit, `${c.message.key} at line ${c.message.row}`).toBeDefined();
      if (c.message.column !== null) expect(hit?.column ?? hit?.m.params?.['column']).toBe(c.message.column);
      for (const lang of ['zh-CN', 'en'] as const) {
        const text = render(hit!.m, lang);
        expect(text).toContain(c.file);
        if (c.message.row !== null) expect(text).toContain(String(c.message.row));
        if (c.message.column !== null) expect(text).toContain(c.message.column);
      }
    });
  }

  it("ingest's rule names are the engine's", () => {
    expect(Object.keys(RULE_NAMES).sort()).toEqual([...RULE_CODES].sort());
    for (const rule of RULES) expect([rule.code, RULE_NAMES[rule.code]]).toEqual([rule.code, rule.names]);
  });
});

// A small workspace every loadable fixture is scored with: units, a rubric, settings.
const BASE: { name: string; text: string }[] = [
  { name: 'units.csv', text: '单位,类型,人口\n春江镇,农村镇,85000\n孟河镇,农村镇,62000\n新桥镇,城关镇,70000\n薛家镇,农村镇,50000\n罗溪镇,农村镇,40000\n' },
  {
    name: 'rubric.csv',
    text: '指标,分值,评分方法,扣分标准,等级\n出生政策符合率,40,扣分,5,\n信访总量,20,达标,,\n人均经费,20,比例,,\n群众满意率,17,定性,,满意=1;基本满意=0.6\n计生奖励优惠政策兑现,3,定性,,全面兑现=1;基本兑现=0.6\n省级表彰,2,加分,,\n',
  },
  { name: 'settings.csv', text: '设置项,值\nbonus_cap,3\ngrades,优秀>=90;良好>=80;合格\n' },
];

function sourceOf(name: string, bytes: Uint8Array, ctx: ImportContext = {}): Source {
  const o = importToSource({ name, bytes }, ctx);
  if (o.source === null) throw new Error(`${name} did not load`);
  return o.source;
}

describe('the corpus in DuckDB', () => {
  let db: Database;
  const base = () => BASE.map((b) => sourceOf(b.name, utf8(b.text)));
  beforeAll(async () => {
    db = await openNodeDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('every file that loads lands in its table with its rows, and the workspace scores', async () => {
    const loadable = CASES.filter((x) => x.ok && x.loaded > 0);
    const doc = withSources({ ...emptyWorkspace(), sources: base() }, loadable.map((c) => sourceOf(c.file, bytesOf(c), c.ctx)));
    await loadTables(db, doc.sources);
    for (const c of loadable) {
      const n = toRows(await db.query(`SELECT count(*)::INTEGER AS n FROM ${c.table ?? 'missing'} WHERE source = ?`, [c.file]));
      expect([c.file, n[0]?.['n']]).toEqual([c.file, c.loaded]);
    }
    await applyScoring(db, { lang: 'zh-CN' });
    const scores = toRows(
      await db.query('SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE NOT (score BETWEEN 0 AND points))::INTEGER AS bad FROM scores'),
    );
    expect(scores[0]?.['n']).toBeGreaterThan(0);
    expect(scores[0]?.['bad']).toBe(0);
    const totals = toRows(await db.query('SELECT count(*)::INTEGER AS n FROM totals WHERE total IS NULL'));
    expect(totals[0]?.['n']).toBe(0);
  }, 60_000);

  it('a file that fails leaves the workspace, and the file of the same name already loaded, unchanged', async () => {
    const failing = CASES.filter((x) => !x.ok);
    expect(failing.length).toBeGreaterThan(5);
    // The workspace already holds a good results file under each failing file's name.
    const good = (name: string) => sourceOf(name, utf8(`年度,单位,指标,完成值\n2018,春江镇,出生政策符合率,${name.length}\n`), { table: 'results' });
    const before = withSources({ ...emptyWorkspace(), sources: base() }, failing.map((c) => good(c.file)));
    await loadTables(db, before.sources);
    const snapshot = async () =>
      toRows(await db.query('SELECT source, source_row, unit, indicator, actual FROM results ORDER BY source, source_row'));
    const rows = await snapshot();
    expect(rows.length).toBe(failing.length);
    for (const c of failing) {
      const o = importToSource({ name: c.file, bytes: bytesOf(c) }, c.ctx ?? {});
      expect([c.file, o.source, o.report.ok]).toEqual([c.file, null, false]);
      const after = withSources(before, o.source ? [o.source] : []);
      expect(after.sources).toEqual(before.sources);
      const tables = changedTables(before, after);
      expect(tables).toEqual([]);
      await loadTables(db, after.sources, tables);
    }
    expect(await snapshot()).toEqual(rows);
  }, 60_000);
});
