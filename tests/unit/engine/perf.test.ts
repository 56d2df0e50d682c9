// applyScoring stays quick at the demo's scale (17 units × 45 items × 4 years), since the app
// re-runs it on every change: it creates views and never copies the data.
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

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('performance', () => {
  it('applyScoring at demo scale: a full build well under a second, a re-apply far less', async () => {
    const db = await database();
    await load(db, { units: UNITS, rubric: RUBRIC, targets: TARGETS, results: RESULTS, settings: [{ key: 'grades', value: '优秀>=90;不合格' }] });
    await applyScoring(db, { lang: 'zh-CN' });
    const time = async (lang: 'zh-CN' | 'en') => {
      const t0 = performance.now();
      await applyScoring(db, { lang });
      return performance.now() - t0;
    };
    // Alternating languages changes every sentence: each apply builds all views again.
    const full: number[] = [];
    for (let i = 0; i < 5; i++) full.push(await time(i % 2 ? 'zh-CN' : 'en'));
    const again: number[] = [];
    for (let i = 0; i < 5; i++) again.push(await time('en'));
    console.info(`applyScoring: full build median ${median(full).toFixed(0)} ms, re-apply median ${median(again).toFixed(0)} ms`);
    expect(median(full)).toBeLessThan(600);
    expect(median(again)).toBeLessThan(median(full));
    const [n] = await query(db, 'SELECT count(*) AS n FROM scores');
    expect(n!['n']).toBe(17 * 4 * (42 + 3));
  });
});
