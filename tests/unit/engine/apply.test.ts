// applyScoring: the results are tables computed from views over the loaded tables; a re-apply
// after a data change sees the new rows and settings; the input seam lets a scenario layer replace what the engine reads.
import { describe, expect, it } from 'vitest';
import { applyScoring } from '../../../src/engine';
import { yearSlices } from '../../../src/engine/apply';
import { RESULT_NAMES } from '../../../src/engine/compile';
import { TABLE_NAMES } from '../../../src/schema/tables';
import { database, load, query, totalRows, type Workspace } from './workspace';

const BASE: Workspace = {
  units: [{ unit: '春江镇' }, { unit: '孟河镇' }],
  rubric: [
    { indicator: '出生政策符合率', points: 20, rule: '扣分', step: 5 },
    { indicator: '亮点工作', points: 3, rule: '加分' },
  ],
  targets: [{ year: 2018, indicator: '出生政策符合率', target: '99' }],
  results: [
    { year: 2018, unit: '春江镇', indicator: '出生政策符合率', actual: '98.2' },
    { year: 2018, unit: '孟河镇', indicator: '出生政策符合率', actual: '99' },
    { year: 2018, unit: '春江镇', indicator: '亮点工作', actual: '3' },
  ],
};

describe('applyScoring', () => {
  it('a re-apply after new data and settings scores the new data with the new settings', async () => {
    const db = await database();
    await load(db, BASE);
    await applyScoring(db, { lang: 'zh-CN' });
    expect(await totalRows(db, 'unit, total')).toEqual([
      { unit: '孟河镇', total: 20 },
      { unit: '春江镇', total: 19 },
    ]);
    await load(db, {
      ...BASE,
      results: [...BASE.results!.slice(1), { year: 2018, unit: '春江镇', indicator: '出生政策符合率', actual: '99.5' }],
      settings: [{ key: 'bonus_cap', value: '1' }],
    });
    await applyScoring(db, { lang: 'zh-CN' });
    expect(await totalRows(db, 'unit, total')).toEqual([
      { unit: '春江镇', total: 21 },
      { unit: '孟河镇', total: 20 },
    ]);
  });

  it('another language builds every view again, with its sentences', async () => {
    const db = await database();
    await load(db, BASE);
    await applyScoring(db, { lang: 'zh-CN' });
    await applyScoring(db, { lang: 'en' });
    expect(await query(db, `SELECT explanation FROM scores WHERE unit = '春江镇' AND rule = 'deduct'`)).toEqual([
      { explanation: 'target 99%, actual 98.2%: 0.8 percentage points below × 5 = −4, 16/20' },
    ]);
  });

  it('a new formula in the targets is compiled on the next apply', async () => {
    const db = await database();
    await load(db, BASE);
    await applyScoring(db, { lang: 'zh-CN' });
    await load(db, {
      ...BASE,
      targets: [{ year: 2018, indicator: '出生政策符合率', target: '=98+1' }],
    });
    await applyScoring(db, { lang: 'zh-CN' });
    expect(await query(db, `SELECT unit, target, flag FROM scores WHERE rule = 'deduct' ORDER BY unit_ord`)).toEqual([
      { unit: '春江镇', target: '99', flag: null },
      { unit: '孟河镇', target: '99', flag: null },
    ]);
  });

  it('the input seam: a scenario query for targets changes the scores without touching the tables', async () => {
    const db = await database();
    await load(db, BASE);
    const inputs = { targets: `SELECT * REPLACE ('98' AS target) FROM targets` };
    await applyScoring(db, { lang: 'zh-CN', inputs });
    expect(await query(db, `SELECT unit, target, score FROM scores WHERE rule = 'deduct' ORDER BY unit_ord`)).toEqual([
      { unit: '春江镇', target: '98', score: 20 },
      { unit: '孟河镇', target: '98', score: 20 },
    ]);
    expect(await query(db, 'SELECT target FROM targets')).toEqual([{ target: '99' }]);
    await applyScoring(db, { lang: 'zh-CN' });
    expect(await query(db, `SELECT score FROM scores WHERE unit = '春江镇' AND rule = 'deduct'`)).toEqual([{ score: 16 }]);
  });

  it('copies no input: it creates the results as tables, engine_formulas and three settings tables', async () => {
    const db = await database();
    await load(db, BASE);
    await applyScoring(db, { lang: 'en' });
    const after = (await query(db, `SELECT table_name FROM duckdb_tables() ORDER BY 1`)).map((t) => String(t['table_name']));
    const results = RESULT_NAMES.filter((n) => !n.startsWith('engine'));
    expect(after.filter((n) => !n.startsWith('engine'))).toEqual([...TABLE_NAMES, ...results].sort());
    expect(after.filter((n) => n.startsWith('engine'))).toEqual([
      'engine_config',
      'engine_formulas',
      'engine_grades',
      'engine_rounds',
      'engine_scored',
      'engine_slice',
    ]);
  });

  it('the results are computed once: a reader sees the last apply, not rows loaded after it', async () => {
    const db = await database();
    await load(db, BASE);
    await applyScoring(db, { lang: 'zh-CN' });
    await load(db, { ...BASE, results: BASE.results!.slice(1) });
    expect(await totalRows(db, 'unit, total')).toEqual([
      { unit: '孟河镇', total: 20 },
      { unit: '春江镇', total: 19 },
    ]);
    await applyScoring(db, { lang: 'zh-CN' });
    expect(await totalRows(db, 'unit, total')).toEqual([
      { unit: '孟河镇', total: 20 },
      { unit: '春江镇', total: 3 },
    ]);
  });

  it('formula targets are filled before the result tables read them, on a repeated apply too', async () => {
    const db = await database();
    await load(db, { ...BASE, targets: [{ year: 2018, indicator: '出生政策符合率', target: '=98+1' }] });
    for (let i = 0; i < 2; i++) {
      await applyScoring(db, { lang: 'zh-CN' });
      expect(await query(db, `SELECT unit, target, flag, score FROM scores WHERE rule = 'deduct' ORDER BY unit_ord`)).toEqual([
        { unit: '春江镇', target: '99', flag: null, score: 16 },
        { unit: '孟河镇', target: '99', flag: null, score: 20 },
      ]);
    }
  });

  it('in another schema the results stay views over the inputs (a scenario reads its overrides live)', async () => {
    const db = await database();
    await load(db, BASE);
    await applyScoring(db, { lang: 'zh-CN', schema: 'elsewhere' });
    const views = await query(db, `SELECT view_name FROM duckdb_views() WHERE schema_name = 'elsewhere' AND view_name IN ('scores', 'totals') ORDER BY 1`);
    expect(views.map((v) => v['view_name'])).toEqual(['scores', 'totals']);
  });
});

describe('scores filled a few years at a time (large data)', () => {
  const YEARS: Workspace = {
    ...BASE,
    // 2018 and 2019 read the year before (上年), which a slice of one year does not score.
    targets: [2017, 2018, 2019].map((year) => ({ year, indicator: '出生政策符合率', target: year === 2017 ? '99' : '=上年 + 0.2' })),
    results: [2017, 2018, 2019].flatMap((year, i) => [
      { year, unit: '春江镇', indicator: '出生政策符合率', actual: String(98 + i * 0.5) },
      { year, unit: '孟河镇', indicator: '出生政策符合率', actual: '99' },
      { year, unit: '春江镇', indicator: '亮点工作', actual: '3' },
    ]),
  };

  it('groups consecutive years up to the row limit, one year at least per slice', async () => {
    const db = await database();
    await load(db, YEARS);
    await applyScoring(db, { lang: 'zh-CN' });
    expect(await yearSlices(db, 1)).toEqual([[2017, 2017], [2018, 2018], [2019, 2019]]);
    expect(await yearSlices(db, 6)).toEqual([[2017, 2018], [2019, 2019]]);
    expect(await yearSlices(db, 1000)).toEqual([[2017, 2019]]);
  });

  it('gives the same scores and totals, slice by slice, as in one statement', async () => {
    const whole = await database();
    await load(whole, YEARS);
    await applyScoring(whole, { lang: 'zh-CN' });
    const sliced = await database();
    await load(sliced, YEARS);
    await applyScoring(sliced, { lang: 'zh-CN', sliceRows: 1 });
    const all = 'SELECT * FROM scores ORDER BY year, unit_ord, rubric_row, round_ord';
    expect(await query(sliced, all)).toEqual(await query(whole, all));
    expect(await query(sliced, all)).toHaveLength(3 * 2 * 2);
    expect(await totalRows(sliced)).toEqual(await totalRows(whole));
    const targets = await query(sliced, `SELECT year, target FROM scores WHERE unit = '春江镇' AND indicator = '出生政策符合率' ORDER BY year`);
    expect(targets).toEqual([{ year: 2017, target: '99' }, { year: 2018, target: '98.2' }, { year: 2019, target: '98.7' }]);
    // Every year is read again once the slices are done.
    expect(await query(sliced, 'SELECT lo, hi FROM engine_slice')).toEqual([{ lo: null, hi: null }]);
  });
});
