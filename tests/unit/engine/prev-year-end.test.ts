// Regression (province bench, 2026-11-23): `prev` is last year's 年终 result. With 年终 missing
// for a unit and indicator, the engine took the 半年 result instead, and scored a formula target
// the oracle (and docs/scoring.md) leave without a value: 9 unit-years differed by 0.3–1.2 points.
import { describe, expect, it } from 'vitest';
import { applyScoring } from '../../../src/engine';
import { database, load, query } from './workspace';

const RUBRIC = [{ indicator: '信访总量', points: 3, rule: '达标', direction: '越低越好' }];
const WEIGHTS = [{ key: 'round_weights', value: '半年=0.5;年终=0.5' }];

describe('prev is last year’s 年终 result', () => {
  it('takes 年终 when last year has several rounds', async () => {
    const db = await database();
    await load(db, {
      units: [{ unit: '春江镇' }],
      rubric: RUBRIC,
      targets: [{ year: 2019, indicator: '信访总量', target: '=prev*0.8' }],
      results: [
        { year: 2018, unit: '春江镇', round: '半年', indicator: '信访总量', actual: '60' },
        { year: 2018, unit: '春江镇', round: '年终', indicator: '信访总量', actual: '50' },
        { year: 2019, unit: '春江镇', round: '年终', indicator: '信访总量', actual: '39' },
      ],
      settings: WEIGHTS,
    });
    await applyScoring(db, { lang: 'zh-CN' });
    expect(await query(db, `SELECT DISTINCT target FROM scores WHERE year = 2019`)).toEqual([{ target: '40' }]);
  });

  it('leaves prev unknown when last year’s 年终 result is missing, though 半年 has one', async () => {
    const db = await database();
    await load(db, {
      units: [{ unit: '春江镇' }],
      rubric: RUBRIC,
      targets: [{ year: 2019, indicator: '信访总量', target: '=prev*0.8' }],
      results: [
        { year: 2018, unit: '春江镇', round: '半年', indicator: '信访总量', actual: '60' },
        { year: 2018, unit: '春江镇', round: '年终', indicator: '其他', actual: '1' },
        { year: 2019, unit: '春江镇', round: '半年', indicator: '信访总量', actual: '39' },
        { year: 2019, unit: '春江镇', round: '年终', indicator: '信访总量', actual: '39' },
      ],
      settings: WEIGHTS,
    });
    await applyScoring(db, { lang: 'zh-CN' });
    const rows = await query(db, `SELECT round, target, score, flag FROM scores WHERE year = 2019 ORDER BY round_ord`);
    expect(rows.map((r) => r['score'])).toEqual([0, 0]);
    expect(rows.every((r) => r['target'] === null || r['target'] === undefined)).toBe(true);
    expect(rows.every((r) => r['flag'] !== null)).toBe(true);
  });
});
