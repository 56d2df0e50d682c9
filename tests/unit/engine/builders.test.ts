// The small SQL builders, on their text and run in DuckDB: rule and direction names, measures,
// message templates, formula dispatch.
import { describe, expect, it } from 'vitest';
import { compileFormulas } from '../../../src/engine/formula';
import { directionSql, ruleCodeSql } from '../../../src/engine/rules';
import { messageSql } from '../../../src/engine/template';
import { formulaValueSql } from '../../../src/engine/views/values';
import { MEASURE_SQL } from '../../../src/engine/views/measure';
import { macroDb, rows } from './helpers';

async function mapped(sql: (column: string) => string, inputs: (string | null)[]): Promise<(string | null)[]> {
  const values = inputs.map((x) => (x === null ? '(CAST(NULL AS VARCHAR))' : `('${x}')`)).join(', ');
  const out = await rows(await macroDb(), `SELECT ${sql('x')} AS y FROM (VALUES ${values}) v(x)`);
  return out.map((r) => r['y'] as string | null);
}

describe('rule names', () => {
  const CASES: [string | null, string | null][] = [
    ['pass', 'pass'],
    [' Pass ', 'pass'],
    ['达 标', 'pass'],
    ['扣分', 'deduct'],
    ['DEDUCT', 'deduct'],
    ['比例', 'ratio'],
    ['区间', 'range'],
    ['定性', 'level'],
    ['评估打分', 'manual'],
    ['加分', 'bonus'],
    // Seed 001's rubric names no rule: its items are scored by the inspectors.
    [null, 'manual'],
    ['', 'manual'],
    ['打分法', null],
  ];
  it('every spelling maps to its rule, blank to manual, anything else to NULL', async () => {
    expect(await mapped(ruleCodeSql, CASES.map(([x]) => x))).toEqual(CASES.map(([, y]) => y));
  });

  it('directions: blank is higher; unknown is NULL', async () => {
    const inputs = [null, 'higher', '越高越好', 'Lower', '越低越好', '适中'];
    expect(await mapped(directionSql, inputs)).toEqual(['higher', 'higher', 'higher', 'lower', 'lower', null]);
  });

  it('the rule SQL lists our names only, as literals', () => {
    expect(ruleCodeSql('rule')).toContain("WHEN lower(engine_norm(coalesce(rule, ''))) IN ('deduct', '扣分') THEN 'deduct'");
  });
});

describe('measures', () => {
  it('rates read as %, births and deaths per mille, other counts bare', async () => {
    const names = ['出生政策符合率', '人口出生率', '自然增长率', '出生人口性别比', '孕前优生健康检查人数', '流动人口服务管理率%'];
    expect(await mapped(() => MEASURE_SQL.replaceAll('indicator', 'x'), names)).toEqual(['%', '‰', '‰', '', '', '%']);
  });
});

describe('messages', () => {
  it('a template becomes concat of our literals and the parameters', () => {
    expect(messageSql('zh-CN', 'engine.why.missing', { round: 'round', points: 'engine_fmt(points)' })).toBe(
      "concat('缺报：', round, '无完成值，得 0/', engine_fmt(points))",
    );
  });

  it('a missing parameter is a programming error, not a silent gap', () => {
    expect(() => messageSql('en', 'engine.why.missing', { round: 'round' })).toThrow('engine.why.missing needs {points}');
  });

  it('quotes in our templates are escaped', async () => {
    const sql = messageSql('en', 'engine.why.unknown_rule', { rule: "'x'", points: "'2'" });
    expect((await rows(await macroDb(), `SELECT ${sql} AS m`))[0]!['m']).toBe('unknown rule "x", 0/2');
  });
});

describe('formula dispatch', () => {
  it('each compiled formula is chosen by its id; one that did not parse has no arm', () => {
    const compiled = compileFormulas(['=prev*0.8', '=prev*', '=prev*0.8']);
    expect(compiled.map((f) => [f.id, f.formula, f.error?.position ?? null])).toEqual([
      [1, '=prev*0.8', null],
      [2, '=prev*', 7],
    ]);
    expect(formulaValueSql(compiled)).toBe('CASE WHEN f.id = 1 THEN CAST(engine_f6(engine_f6(prev) * engine_f6(0.8)) AS DECIMAL(18,4)) END');
    expect(formulaValueSql([])).toBe('CAST(NULL AS DECIMAL(18,4))');
  });
});
