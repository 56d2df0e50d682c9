import { beforeAll, describe, expect, it } from 'vitest';
import { cell, type Cell } from '../../../src/notebook/cells';
import { parseNotebook, serialiseNotebook } from '../../../src/notebook/file';
import { columnsOfRelation } from '../../../src/notebook/run';
import { Session, type CellState, type Entry, type ScenarioAccess } from '../../../src/notebook/session';
import { tokenize } from '../../../src/notebook/tokenize';
import { buildDiffSql, diffKeys, mapRelations, scenarioDependent, SCENARIO_RELATIONS } from '../../../src/notebook/variant';
import { buildGraph } from '../../../src/notebook/graph';
import { fixtureDb, rows } from './fixture';

const WORDS = { added: '新增', removed: '删除', changed: '变化', yes: '是', no: '否' };

const mapped = (sql: string, names: Record<string, string>) =>
  mapRelations(tokenize(sql), (n) => names[n] ?? null).map((t) => t.text).join('');

describe('relations mapped for a scenario by the tokenizer', () => {
  const TO = { totals: 'scenario.totals', board: '"board@scenario"' };
  const CASES: [name: string, sql: string, expected: string][] = [
    ['after FROM and JOIN', 'SELECT * FROM totals t JOIN board b USING (unit)', 'SELECT * FROM scenario.totals t JOIN "board@scenario" b USING (unit)'],
    ['a comma in a FROM clause', 'SELECT 1 FROM units, totals WHERE totals.unit = units.unit', 'SELECT 1 FROM units, scenario.totals WHERE totals.unit = units.unit'],
    ['quoted and any case', 'SELECT * FROM "TOTALS"', 'SELECT * FROM scenario.totals'],
    ['in a subquery', 'SELECT * FROM (SELECT unit FROM totals) x', 'SELECT * FROM (SELECT unit FROM scenario.totals) x'],
    ['a column of that name stays', 'SELECT totals, board FROM x', 'SELECT totals, board FROM x'],
    ['a string stays', "SELECT 'FROM totals' AS t FROM x", "SELECT 'FROM totals' AS t FROM x"],
    ['a comment stays', 'SELECT 1 -- FROM totals\nFROM x', 'SELECT 1 -- FROM totals\nFROM x'],
    ['a qualified name stays', 'SELECT * FROM main.totals', 'SELECT * FROM main.totals'],
    ['a table function stays', 'SELECT * FROM totals(3)', 'SELECT * FROM totals(3)'],
    ['a WITH clause of that name is the query\'s own', 'WITH totals AS (SELECT 1 AS n) SELECT * FROM totals', 'WITH totals AS (SELECT 1 AS n) SELECT * FROM totals'],
    ['a parameter stays a parameter', 'SELECT * FROM totals WHERE year = ${year}', 'SELECT * FROM scenario.totals WHERE year = ${year}'],
  ];
  for (const [name, sql, expected] of CASES) it(name, () => expect(mapped(sql, TO)).toBe(expected));

  it('knows the relations a scenario changes: the engine\'s, and cells that read them', () => {
    const cells: Cell[] = [
      cell('sql', 'SELECT * FROM totals', 'all_totals'),
      cell('sql', 'SELECT * FROM all_totals WHERE year = 2019', 'board'),
      cell('sql', 'SELECT 1 AS n', 'plain'),
      cell('sql', 'SELECT * FROM plain', 'later'),
    ];
    const g = buildGraph(cells);
    expect([...scenarioDependent(cells, g.reads, g.order)].sort()).toEqual(['all_totals', 'board']);
    expect(Object.keys(SCENARIO_RELATIONS)).toEqual(expect.arrayContaining(['scores', 'totals', 'round_totals', 'targets']));
  });
});

describe('the difference of two results', () => {
  it('keys on the known key columns, else the first text column', () => {
    const col = (name: string, numeric = false) => ({ name, type: numeric ? 'Int32' : 'Utf8', numeric });
    expect(diffKeys([col('rank', true), col('unit'), col('total', true), col('grade')])).toEqual(['unit']);
    expect(diffKeys([col('n', true), col('label'), col('x')])).toEqual(['label']);
  });

  it('numbers as scenario − base, other values marked, rows added and removed said', async () => {
    const db = await fixtureDb();
    await db.exec(`CREATE OR REPLACE TEMP TABLE d_base AS SELECT * FROM (VALUES (1, '春江镇', 80.5, '良好', false), (2, '湖塘镇', 70.0, '合格', true), (3, '西湖街道', 60.0, '合格', false)) v(rank, unit, total, grade, vetoed)`);
    await db.exec(`CREATE OR REPLACE TEMP TABLE d_scen AS SELECT * FROM (VALUES (1, '湖塘镇', 91.0, '优秀', false), (2, '春江镇', 80.5, '良好', false), (3, '罗溪镇', 50.0, '不合格', true)) v(rank, unit, total, grade, vetoed)`);
    const columns = await columnsOfRelation(db, 'd_base');
    await db.exec(buildDiffSql('d_diff', 'd_base', 'd_scen', columns, WORDS));
    expect(await rows(db, 'SELECT * FROM d_diff')).toEqual([
      { rank: -1, unit: '湖塘镇', total: 21, grade: '合格 → 优秀', vetoed: '是 → 否', 'Δ': '变化' },
      { rank: 1, unit: '春江镇', total: 0, grade: '良好', vetoed: '否', 'Δ': '变化' },
      { rank: null, unit: '罗溪镇', total: null, grade: '∅ → 不合格', vetoed: '∅ → 是', 'Δ': '新增' },
      { rank: null, unit: '西湖街道', total: null, grade: '合格 → ∅', vetoed: '否 → ∅', 'Δ': '删除' },
    ]);
  });
});

describe('a cell keeps its view in the notebook file', () => {
  it('writes view= and reads it back', () => {
    const cells: Cell[] = [{ ...cell('sql', 'SELECT 1', 'a'), view: 'diff' }, { ...cell('chart', '{}'), view: 'scenario' }];
    const text = serialiseNotebook(cells);
    expect(text).toContain('```sql name=a view=diff');
    expect(parseNotebook(text)).toEqual(cells);
    expect(parseNotebook('```sql name=a view=nonsense\nSELECT 1\n```')).toEqual([cell('sql', 'SELECT 1', 'a')]);
  });
});

/** The fixture's scenario: 春江镇 gains 5 points in 2019 and becomes 优秀. */
async function withScenarioSchema() {
  const db = await fixtureDb();
  await db.exec('CREATE SCHEMA IF NOT EXISTS scenario');
  await db.exec(`CREATE OR REPLACE VIEW scenario.totals AS
    SELECT * REPLACE (CASE WHEN unit = '春江镇' AND year = 2019 THEN total + 5 ELSE total END AS total,
                      CASE WHEN unit = '春江镇' AND year = 2019 THEN '优秀' ELSE grade END AS grade)
    FROM main.totals`);
  await db.exec('CREATE OR REPLACE VIEW scenario.scores AS SELECT * FROM main.scores');
  await db.exec('CREATE OR REPLACE VIEW scenario.engine_units AS SELECT * FROM main.units');
  return db;
}

const NOTEBOOK: Cell[] = [
  cell('sql', 'SELECT * FROM totals', 'all_totals', true),
  cell('input', '{"type": "select", "options": "SELECT DISTINCT year FROM all_totals ORDER BY year DESC"}', 'year'),
  cell('sql', 'SELECT unit, total, grade FROM all_totals WHERE year = ${year} ORDER BY unit', 'board'),
  cell('chart', '{"type": "bar", "from": "board", "x": "total", "y": "unit"}', 'boardChart'),
  cell('sql', 'SELECT count(*) AS n FROM units', 'count'),
];

function harness(db: Awaited<ReturnType<typeof fixtureDb>>) {
  const states = new Map<string, CellState>();
  const ran: string[] = [];
  const session = new Session(db, {
    state(id, s) {
      states.set(id, s);
      if (s.status === 'running') ran.push(id);
    },
    values: () => undefined,
  });
  const entries = (cells: Cell[]): Entry[] => cells.map((c, i) => ({ id: c.name ?? `#${i}`, cell: c }));
  const output = (id: string) => {
    const s = states.get(id);
    if (s?.status !== 'ok') throw new Error(`${id}: ${JSON.stringify(s)}`);
    return s.output;
  };
  const table = async (id: string) => {
    const o = output(id);
    if (o.kind !== 'sql') throw new Error(id);
    return { view: o.view, rows: await rows(db, `SELECT * FROM "${o.relation}"`) };
  };
  const chart = (id: string) => {
    const o = output(id);
    if (o.kind !== 'chart') throw new Error(id);
    return { view: o.view, rows: o.rows };
  };
  return { session, states, ran, entries, table, chart };
}

const access: ScenarioAccess = { run: (work) => work(), words: WORDS };

describe('a notebook switched between base, scenario and difference', () => {
  let base: { unit: string; total: number }[];
  beforeAll(async () => {
    const db = await withScenarioSchema();
    base = (await rows(db, `SELECT unit, total FROM totals WHERE year = 2019 ORDER BY unit`)) as { unit: string; total: number }[];
  });
  const totalOf = (rs: readonly Record<string, unknown>[], unit: string) => Number(rs.find((r) => r['unit'] === unit)?.['total']);
  const baseOf = (unit: string) => Number(base.find((r) => r.unit === unit)!.total);

  it('shows the base without a scenario, whatever the view asked', async () => {
    const h = harness(await withScenarioSchema());
    await h.session.setCells(h.entries(NOTEBOOK));
    await h.session.setView('scenario');
    const board = await h.table('board');
    expect(board.view).toBe('base');
    expect(totalOf(board.rows, '春江镇')).toBe(baseOf('春江镇'));
  });

  it('runs the same SQL against the scenario, then shows the difference, table and chart alike', async () => {
    const h = harness(await withScenarioSchema());
    await h.session.setCells(h.entries(NOTEBOOK));
    await h.session.setScenario(access);
    expect((await h.table('board')).view).toBe('base');

    h.ran.length = 0;
    await h.session.setView('scenario');
    // Only what shows a view, and the cells it reads, ran; the input and the unrelated count did not.
    expect([...h.ran].sort()).toEqual(['all_totals', 'board', 'boardChart', 'count']);
    const scen = await h.table('board');
    expect(scen.view).toBe('scenario');
    expect(totalOf(scen.rows, '春江镇')).toBeCloseTo(baseOf('春江镇') + 5);
    expect(totalOf(scen.rows, '湖塘镇')).toBe(baseOf('湖塘镇'));
    expect(h.chart('boardChart').view).toBe('scenario');
    expect(totalOf(h.chart('boardChart').rows, '春江镇')).toBeCloseTo(baseOf('春江镇') + 5);
    expect((await h.table('count')).view).toBe('scenario');

    await h.session.setView('diff');
    const diff = await h.table('board');
    expect(diff.view).toBe('diff');
    const chunjiang = diff.rows.find((r) => r['unit'] === '春江镇')!;
    expect(Number(chunjiang['total'])).toBeCloseTo(5);
    expect(chunjiang['Δ']).toBe('变化');
    expect(String(chunjiang['grade'])).toMatch(/→ 优秀$/);
    expect(Number(diff.rows.find((r) => r['unit'] === '湖塘镇')!['total'])).toBe(0);
    expect(totalOf(h.chart('boardChart').rows, '春江镇')).toBeCloseTo(5);

    // The base relation was never replaced: cells reading `board` still read the base.
    const db = await fixtureDb();
    expect(totalOf(await rows(db, 'SELECT * FROM board'), '春江镇')).toBe(baseOf('春江镇'));

    await h.session.setScenario(null);
    expect(await rows(db, `SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'board@%'`)).toEqual([]);
    expect((await h.table('board')).view).toBe('base');
    expect(h.chart('boardChart').view).toBe('base');
    expect(totalOf(h.chart('boardChart').rows, '春江镇')).toBe(baseOf('春江镇'));
  });

  it('with a scenario open and every view on the base, nothing reads the scenario', async () => {
    const h = harness(await withScenarioSchema());
    let reads = 0;
    await h.session.setCells(h.entries(NOTEBOOK));
    await h.session.setScenario({ ...access, run: (work) => (reads++, work()) });
    await h.session.setValue('year', 2018);
    await h.session.setScenario({ ...access, run: (work) => (reads++, work()) });
    expect(reads).toBe(0);
    await h.session.setView('scenario');
    expect(reads).toBeGreaterThan(0);
  });

  it('a slider step with every view on the base neither runs nor looks at the page for cells off screen', async () => {
    const db = await withScenarioSchema();
    let looked = 0;
    const ran: string[] = [];
    // Only the first cell is on screen: the others wait, stale, until they are scrolled to.
    const session = new Session(db, { state: (id, s) => s.status === 'running' && ran.push(id), values: () => {} }, (id) => (looked++, id === 'all_totals'));
    await session.setCells(NOTEBOOK.map((c, i) => ({ id: c.name ?? `#${i}`, cell: c })));
    await session.setScenario(access);
    const before = { looked, ran: ran.length };
    for (let step = 0; step < 5; step++) await session.setScenario({ ...access });
    expect({ looked, ran: ran.length }).toEqual(before);
  });

  it('a cell may keep its own view, and an input change re-runs its scenario too', async () => {
    const h = harness(await withScenarioSchema());
    const cells = NOTEBOOK.map((c) => (c.name === 'boardChart' ? { ...c, view: 'diff' as const } : c));
    await h.session.setCells(h.entries(cells));
    await h.session.setScenario(access);
    expect((await h.table('board')).view).toBe('base');
    expect(h.chart('boardChart').view).toBe('diff');
    expect(totalOf(h.chart('boardChart').rows, '春江镇')).toBeCloseTo(5);
    await h.session.setValue('year', 2018);
    expect(totalOf(h.chart('boardChart').rows, '春江镇')).toBe(0);
  });

  it('a failing scenario query is an error in the views that show it; the base keeps working', async () => {
    const h = harness(await withScenarioSchema());
    await h.session.setCells(h.entries(NOTEBOOK));
    await h.session.setScenario({ ...access, run: () => Promise.reject(new Error('Catalog Error: Table with name totals does not exist!')) });
    await h.session.setView('scenario');
    expect(h.states.get('board')?.status).toBe('error');
    expect(h.states.get('boardChart')?.status).toBe('blocked');
    expect(h.states.get('count')?.status).toBe('error');
    // all_totals is shown as nothing (hidden), so it stays the base the input reads.
    expect(h.states.get('all_totals')?.status).toBe('ok');
    expect(h.states.get('year')?.status).toBe('ok');
    await h.session.setView('base');
    for (const id of ['board', 'boardChart', 'count']) expect(h.states.get(id)?.status, id).toBe('ok');
  });
});
