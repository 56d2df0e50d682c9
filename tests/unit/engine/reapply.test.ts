// applyScoring is re-run by the app on every change and on every change of language: at the
// demo's scale (17 units × 45 items × 4 years) each re-apply must leave complete, current views.
// Its speed is measured by `npm run bench` (docs/benchmarks.md), not asserted here.
import { describe, expect, it } from 'vitest';
import { applyScoring } from '../../../src/engine';
import { database, load, query } from './workspace';

const UNITS = Array.from({ length: 17 }, (_, i) => ({ unit: `单位${i}`, kind: i % 3 ? '农村镇' : '街道', population: 40000 + 1000 * i }));
const RULES = ['扣分', '比例', '达标', '评估打分', '区间', '定性'];
const RUBRIC = Array.from({ length: 45 }, (_, i) => ({
  indicator: `指标${i}`,
  points: 2,
  rule: i >= 42 ? '加分' : RULES[i % RULES.length],
  step: 1,
  low: 103,
  high: 107,
  levels: '全面兑现=1;基本兑现=0.6;未兑现=0',
}));
const YEARS = [2016, 2017, 2018, 2019];
const TARGETS = YEARS.flatMap((year) => RUBRIC.map((r, i) => ({ year, indicator: r.indicator, target: i % 7 === 0 ? '=prev*0.9' : '95' })));
const RESULTS = YEARS.flatMap((year) =>
  UNITS.flatMap((u, k) =>
    RUBRIC.map((r, i) => ({
      year,
      unit: u.unit,
      indicator: r.indicator,
      actual: r.rule === '定性' ? ['全面兑现', '基本兑现'][(i + k) % 2]! : String(90 + ((i * 7 + k + year) % 13)),
    })),
  ),
);

describe('re-applying the scoring', () => {
  it('alternating languages and repeating a language leave every row scored, in the last language', async () => {
    const db = await database();
    await load(db, { units: UNITS, rubric: RUBRIC, targets: TARGETS, results: RESULTS, settings: [{ key: 'grades', value: '优秀>=90;不合格' }] });
    await applyScoring(db, { lang: 'zh-CN' });
    // Alternating languages changes every sentence: each apply builds all views again.
    for (let i = 0; i < 4; i++) await applyScoring(db, { lang: i % 2 ? 'zh-CN' : 'en' });
    await applyScoring(db, { lang: 'en' });
    const [n] = await query(db, 'SELECT count(*) AS n, count(*) FILTER (WHERE explanation SIMILAR TO \'.*[得扣].*\') AS zh FROM scores');
    expect(n!['n']).toBe(17 * 4 * (42 + 3));
    expect(n!['zh']).toBe(0);
  });
});
