import { describe, expect, it } from 'vitest';
import { compileFormulaTarget } from '../../../src/engine/formula';
import { canonicalNumber, parseFormula } from '../../../src/engine/formula/parse';
import { renderMessage } from '../../../src/engine/template';
import { macroDb, rows } from './helpers';

/** The target a formula gives for the inputs, as exact text (NULL as null). */
async function evaluate(formula: string, prev: string | null, population: string | null = null): Promise<string | null> {
  const parsed = parseFormula(formula);
  if (!parsed.ok) throw new Error(renderMessage('en', parsed.error.message));
  const sql = compileFormulaTarget(parsed.expr, { prev: 'prev', population: 'population' });
  const value = (x: string | null) => (x === null ? 'NULL' : `'${x}'`);
  const [row] = await rows(
    await macroDb(),
    `SELECT CAST(${sql} AS VARCHAR) AS v FROM (SELECT CAST(${value(prev)} AS DECIMAL(18,4)) AS prev, CAST(${value(population)} AS DECIMAL(18,4)) AS population)`,
  );
  return row!['v'] as string | null;
}

const SEX_RATIO = '=if(prev>120, 107+(prev-107)*0.88, if(prev>107, 107+(prev-107)*0.9, 107))';

const VALUES: { name: string; formula: string; prev: string | null; population?: string; target: string | null }[] = [
  { name: '信访总量比上年下降20%: 500 last year → 400 (seed 004)', formula: '=prev*0.8', prev: '500', target: '400.0000' },
  { name: 'the same with 上年 and a percent', formula: '=上年*(1-20%)', prev: '500', target: '400.0000' },
  { name: 'sex ratio 115 last year: the part above 107 falls by 10% → 114.2 (seed 004)', formula: SEX_RATIO, prev: '115', target: '114.2000' },
  { name: 'sex ratio 130 last year: above 120 it falls by 12% → 127.24 (seed 004)', formula: SEX_RATIO, prev: '130', target: '127.2400' },
  { name: 'sex ratio 105 last year: the ceiling stays 107', formula: SEX_RATIO, prev: '105', target: '107.0000' },
  { name: 'no previous year: no target, and no branch of if is taken', formula: SEX_RATIO, prev: null, target: null },
  { name: '22 元 per person for 85,000 people is 187 万元 (seed 004)', formula: '=population*22/10000', prev: null, population: '85000', target: '187.0000' },
  { name: 'no population: no target', formula: '=population*22/10000', prev: '1', target: null },
  { name: 'min over a missing value has no value (LEAST would skip it)', formula: '=min(prev, 100)', prev: null, target: null },
  { name: 'max picks the larger', formula: '=max(prev*0.9, 100, 95)', prev: '120', target: '108.0000' },
  { name: 'division is exact, then the target is rounded to 4 decimals', formula: '=2/3', prev: null, target: '0.6667' },
  { name: 'division by zero has no value', formula: '=prev/0', prev: '5', target: null },
  { name: 'unary minus and precedence', formula: '=-prev+2*3', prev: '1', target: '5.0000' },
  { name: '× and ÷ as written in Chinese documents', formula: '=prev×3÷4', prev: '8', target: '6.0000' },
  { name: 'comparisons: = and <>', formula: '=if(prev=1, 10, if(prev<>2, 20, 30))', prev: '2', target: '30.0000' },
  { name: 'values beyond 12 integer digits have no value rather than overflow', formula: '=prev*prev*prev*prev', prev: '99999', target: null },
];

const ERRORS: { formula: string; position: number; zh: string }[] = [
  { formula: '=prev*', position: 7, zh: '缺少数值' },
  { formula: '=prev**2', position: 7, zh: '缺少数值' },
  { formula: '=foo+1', position: 2, zh: '无法识别的名称「foo」' },
  { formula: '=prev*0.8)', position: 10, zh: '多出「)」' },
  { formula: '=if(prev, 1, 2)', position: 9, zh: '缺少比较（如 >、<=）' },
  { formula: '=min(1)', position: 2, zh: 'min 至少需要两个参数' },
  { formula: '=prev # 2', position: 7, zh: '出现无法识别的字符「#」' },
  { formula: '=(prev', position: 7, zh: '缺少「)」' },
  { formula: '=1234567890123', position: 2, zh: '数值「1234567890123」位数过多' },
  { formula: '=0.1234567', position: 2, zh: '数值「0.1234567」位数过多' },
  { formula: '=' + '('.repeat(50) + '1' + ')'.repeat(50), position: 42, zh: '嵌套过深' },
  { formula: "=1'; DROP TABLE results; --", position: 3, zh: "出现无法识别的字符「'」" },
];

describe('formula targets', () => {
  for (const c of VALUES) {
    it(c.name, async () => {
      expect(await evaluate(c.formula, c.prev, c.population ?? null)).toBe(c.target);
    });
  }

  for (const c of ERRORS) {
    it(`${c.formula.slice(0, 30)} fails at character ${c.position}`, () => {
      const parsed = parseFormula(c.formula);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      expect(parsed.error.position).toBe(c.position);
      expect(renderMessage('zh-CN', parsed.error.message)).toBe(c.zh);
    });
  }

  it('records which inputs a formula uses', () => {
    const p = parseFormula(SEX_RATIO);
    expect(p.ok && p.uses).toEqual({ prev: true, population: false });
  });

  it('builds SQL from the tree: numbers re-written from their parsed value', () => {
    const p = parseFormula('=prev * 0.80 + 007');
    if (!p.ok) throw new Error('parses');
    expect(compileFormulaTarget(p.expr, { prev: 'prev', population: 'population' })).toBe(
      'CAST(engine_f6(engine_f6(engine_f6(prev) * engine_f6(0.8)) + engine_f6(7)) AS DECIMAL(18,4))',
    );
  });

  it('canonical numbers: leading and trailing zeros, percent', () => {
    expect([canonicalNumber('080.50', false), canonicalNumber('.5', false), canonicalNumber('5', true), canonicalNumber('120.5', true)]).toEqual([
      '80.5',
      '0.5',
      '0.05',
      '1.205',
    ]);
  });
});
