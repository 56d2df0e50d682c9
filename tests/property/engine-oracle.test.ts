// The SQL engine against the oracle (tests/oracle: a plain TypeScript scorer written from
// docs/scoring.md, not from the SQL) on random workspaces written as CSV files and imported by the
// app's own ingest: every unit's base, bonus, total, grade, rank and veto agree, exact decimals
// included. And whatever the rubric and data, no score is NULL or outside [0, P], and no total
// exceeds the base points × round weights plus the bonus cap.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../src/cli/csv';
import { loadTables } from '../../src/db/load';
import { openNodeDatabase } from '../../src/db/node';
import { toRows } from '../../src/db/rows';
import type { Database } from '../../src/db/types';
import { applyScoring } from '../../src/engine';
import { TABLES, type TableName } from '../../src/schema/tables';
import { importToSource } from '../../src/workspace/importing';
import { compareTotals, describeDifferences, ENGINE_TOTALS_SQL } from '../oracle/compare';
import { inputsFromImports } from '../oracle/from-ingest';
import { scoreAll } from '../oracle/score';
import type { ImportResult } from '../../src/ingest';
import { importFile } from '../../src/ingest';
import { runs } from './runs';

/** Exact decimal text with up to `places` decimals, from a scaled integer. */
const decimal = (min: number, max: number, places = 2) =>
  fc.integer({ min: min * 10 ** places, max: max * 10 ** places }).map((n) => {
    const neg = n < 0;
    const abs = Math.abs(n);
    const int = Math.floor(abs / 10 ** places);
    const frac = String(abs % 10 ** places).padStart(places, '0').replace(/0+$/, '');
    return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
  });

const UNITS = ['春江镇', '孟河镇', '新桥镇', '薛家镇', '罗溪镇', '河海街道'];
const KINDS = ['城关镇', '农村镇', '街道'];
const LEVELS = '全面兑现=1;基本兑现=0.6;未兑现=0';
const LEVEL_WORDS = ['全面兑现', '基本兑现', '未兑现', '部分兑现'];
const FORMULAS = ['=prev*1.05', '=prev*0.8', '=population*22/10000', '=if(prev>100, 107+(prev-107)*0.9, 100)', '=min(prev, 95)', '=max(prev, 90)', '=prev/0', '=prev*'];
const ROUNDS = [null, '年终=1', '平时=0.3;半年=0.3;年终=0.4', '半年=0.25;年终=0.75', '平时=30%;年终=70%'];

const rubricItem = fc.record({
  rule: fc.constantFrom('达标', '扣分', '比例', '区间', '定性', '评估打分', '加分', '', 'pass', '百分制'),
  points: decimal(0, 30, 2),
  direction: fc.constantFrom('', '越高越好', '越低越好', 'lower', '向上'),
  step: fc.option(decimal(0, 6, 2), { nil: '' }),
  low: fc.option(decimal(90, 105, 1), { nil: '' }),
  high: fc.option(decimal(100, 120, 1), { nil: '' }),
  kind: fc.constantFrom('', '', '', ...KINDS),
  year: fc.constantFrom('', '', '', '2018'),
});

const target = fc.oneof(
  { weight: 6, arbitrary: decimal(-5, 150, 2) },
  { weight: 1, arbitrary: fc.constantFrom('103-107', '95-100', '基本正常', '全面兑现') },
  { weight: 2, arbitrary: fc.constantFrom(...FORMULAS) },
  { weight: 1, arbitrary: fc.constant('0') },
);
const actual = fc.oneof(
  { weight: 8, arbitrary: decimal(-10, 160, 4) },
  { weight: 2, arbitrary: fc.constantFrom(...LEVEL_WORDS, '基本正常') },
  { weight: 1, arbitrary: fc.constant('0') },
);

const workspace = fc
  .record({
    units: fc.shuffledSubarray(UNITS, { minLength: 2, maxLength: 6 }),
    kinds: fc.array(fc.constantFrom(...KINDS), { minLength: 6, maxLength: 6 }),
    populations: fc.array(fc.option(fc.integer({ min: 1000, max: 200_000 }).map(String), { nil: '' }), { minLength: 6, maxLength: 6 }),
    rubric: fc.array(rubricItem, { minLength: 1, maxLength: 8 }),
    targets: fc.array(fc.tuple(fc.nat(7), fc.option(fc.nat(5), { nil: null }), fc.constantFrom('2017', '2018'), target), { maxLength: 20 }),
    // (year, unit, item, round index, actual); a missing row is 缺报.
    results: fc.array(fc.tuple(fc.constantFrom('2017', '2018'), fc.nat(5), fc.nat(7), fc.nat(2), actual), { minLength: 1, maxLength: 60 }),
    rounds: fc.constantFrom(...ROUNDS),
    bonusCap: fc.option(decimal(0, 6, 1), { nil: null }),
    grades: fc.constantFrom(null, '优秀>=90;良好>=80;合格>=70;不合格', '好≥50;差'),
    bottomVeto: fc.option(fc.integer({ min: 1, max: 2 }), { nil: null }),
    veto: fc.constantFrom(null, 'zero', 'grade'),
    rankWithin: fc.constantFrom(null, 'kind', 'all'),
    vetoes: fc.array(fc.tuple(fc.constantFrom('2017', '2018'), fc.nat(5)), { maxLength: 2 }),
  })
  .map((w) => {
    const rounds = w.rounds === null ? ['年终'] : w.rounds.split(';').map((p) => p.split('=')[0]!);
    const unit = (i: number) => w.units[i % w.units.length]!;
    const indicator = (i: number) => `指标${i % w.rubric.length}`;
    const files: Partial<Record<TableName, string[][]>> = {
      units: w.units.map((u, i) => [u, w.kinds[i]!, w.populations[i]!, '']),
      rubric: w.rubric.map((r, i) => {
        const row: Record<string, string> = { ...r, indicator: `指标${i}`, levels: r.rule === '定性' ? LEVELS : '' };
        return TABLES.rubric.columns.map((c) => row[c.name] ?? '');
      }),
      targets: w.targets.map(([i, u, year, t]) => [year, u === null ? '' : unit(u), indicator(i), t]),
      results: w.results.map(([year, u, i, r, a]) => [year, unit(u), indicator(i), rounds[r % rounds.length]!, a, '']),
      vetoes: w.vetoes.map(([year, u]) => [year, unit(u), '']),
      settings: [
        ...(w.rounds === null ? [] : [['round_weights', w.rounds]]),
        ...(w.bonusCap === null ? [] : [['bonus_cap', w.bonusCap]]),
        ...(w.grades === null ? [] : [['grades', w.grades]]),
        ...(w.bottomVeto === null ? [] : [['bottom_veto', String(w.bottomVeto)]]),
        ...(w.veto === null ? [] : [['veto', w.veto]]),
        ...(w.rankWithin === null ? [] : [['rank_within', w.rankWithin]]),
      ],
    };
    return { w, rounds, files };
  });

function csvFiles(files: Partial<Record<TableName, string[][]>>): { name: string; bytes: Uint8Array }[] {
  return (Object.entries(files) as [TableName, string[][]][]).map(([table, rows]) => ({
    name: `${table}.csv`,
    bytes: new TextEncoder().encode(toCsv(TABLES[table].columns.map((c) => c.name), rows)),
  }));
}

let db: Database | undefined;
afterAll(async () => {
  await db?.close();
});

async function engineRun(files: { name: string; bytes: Uint8Array }[]): Promise<{ imports: ImportResult[]; db: Database }> {
  db ??= await openNodeDatabase();
  const imports = files.map((f) => importFile(f));
  const sources = files.flatMap((f) => importToSource(f).source ?? []);
  await loadTables(db, sources);
  await applyScoring(db, { lang: 'zh-CN' });
  return { imports, db };
}

describe('engine = oracle on random workspaces', () => {
  it('totals agree exactly; scores stay in [0, P]; totals stay under base points plus the cap', async () => {
    await fc.assert(
      fc.asyncProperty(workspace, async ({ w, files }) => {
        const { imports, db } = await engineRun(csvFiles(files));
        for (const r of imports) expect([r.file, r.ok, r.rejected]).toEqual([r.file, true, []]);
        const engine = toRows(await db.query(ENGINE_TOTALS_SQL));
        const oracle = scoreAll(inputsFromImports(imports));
        expect(engine.length).toBe(w.units.length * new Set(w.results.map((r) => r[0])).size);
        const diffs = compareTotals(oracle, engine);
        expect(diffs, describeDifferences(diffs)).toEqual([]);

        const [bad] = toRows(
          await db.query(`SELECT count(*) FILTER (WHERE score IS NULL OR score < 0 OR score > points OR explanation IS NULL)::INTEGER AS n FROM scores`),
        );
        expect(bad?.['n']).toBe(0);
        // The most a unit can get: every non-bonus item's points in every round, weighted, plus the capped bonus.
        const weights = w.rounds === null ? 1 : w.rounds.split(';').reduce((s, p) => s + Number(p.split('=')[1]!.replace('%', '')) / (p.includes('%') ? 100 : 1), 0);
        const points = (rule: string) => w.rubric.filter((r) => (rule === '加分') === (r.rule === '加分')).reduce((s, r) => s + Number(r.points), 0);
        const ceiling = weights * points('') + Math.min(points('加分'), w.bonusCap === null ? Infinity : Number(w.bonusCap));
        for (const t of toRows(await db.query('SELECT CAST(total AS DOUBLE) AS total FROM totals'))) {
          const total = t['total'] as number;
          expect(Number.isNaN(total)).toBe(false);
          expect(total).toBeGreaterThanOrEqual(0);
          expect(total).toBeLessThanOrEqual(ceiling + 0.005 + 1e-9);
        }
      }),
      runs(25, 3),
    );
  }, 600_000);
});
