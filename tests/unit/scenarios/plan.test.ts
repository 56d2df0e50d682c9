// Planning: a year with targets but no results, scored against the previous year's results
// ("who would have met these targets last year").
import { describe, expect, it } from 'vitest';
import { applyScenario, scenarioProblems, type Scenario } from '../../../src/scenarios';
import { database, load, query } from '../engine/workspace';

const WS = {
  units: [{ unit: '春江镇' }, { unit: '孟河镇' }],
  rubric: [{ indicator: '出生政策符合率', points: 3, rule: '达标' }],
  targets: [
    { year: 2018, indicator: '出生政策符合率', target: '90' },
    { year: 2019, indicator: '出生政策符合率', target: '99' },
  ],
  results: [
    { year: 2018, unit: '春江镇', indicator: '出生政策符合率', actual: '99.3' },
    { year: 2018, unit: '孟河镇', indicator: '出生政策符合率', actual: '95' },
  ],
  settings: [{ key: 'grades', value: '优秀>=3;不合格' }],
};

const PLAN: Scenario = { id: 'p', name: '2019 目标', note: '', overrides: [{ kind: 'plan', year: 2019, from: 2018 }] };

describe('planning', () => {
  it('the 2019 targets against the 2018 results: 春江镇 would have met 99, 孟河镇 not', async () => {
    const db = await database();
    await load(db, WS);
    const { applyScoring } = await import('../../../src/engine');
    await applyScoring(db, { lang: 'zh-CN' });
    expect(await query(db, 'SELECT DISTINCT year FROM main.totals')).toEqual([{ year: 2018 }]);
    await applyScenario(db, PLAN, { lang: 'zh-CN', stamp: 'plan' });
    expect(await query(db, `SELECT unit, target, actual, score FROM scenario.scores WHERE year = 2019 ORDER BY unit_ord`)).toEqual([
      { unit: '春江镇', target: '99', actual: '99.3', score: 3 },
      { unit: '孟河镇', target: '99', actual: '95', score: 0 },
    ]);
    expect(await query(db, `SELECT unit, grade FROM scenario.totals WHERE year = 2018 ORDER BY unit_ord`)).toEqual([
      { unit: '春江镇', grade: '优秀' },
      { unit: '孟河镇', grade: '优秀' },
    ]);
  });

  it('a plan must look back: from a later year is an error, in both languages by key', () => {
    expect(scenarioProblems({ ...PLAN, overrides: [{ kind: 'plan', year: 2019, from: 2019 }] })).toEqual([
      { key: 'sc.error.plan', params: { n: 1 } },
    ]);
  });
});
