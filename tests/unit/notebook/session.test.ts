import { describe, expect, it } from 'vitest';
import type { Param } from '../../../src/db/types';
import { cell, type Cell } from '../../../src/notebook/cells';
import type { Querier } from '../../../src/notebook/run';
import { Session, type CellState, type Entry } from '../../../src/notebook/session';
import { fixtureDb, rows } from './fixture';

function harness(db: Querier) {
  const ran: string[] = [];
  const states = new Map<string, CellState>();
  let values: ReadonlyMap<string, Param> = new Map();
  const session = new Session(db, {
    state(id, s) {
      states.set(id, s);
      if (s.status === 'running') ran.push(id);
    },
    values: (v) => (values = new Map(v)),
  });
  const entries = (cells: Cell[]): Entry[] => cells.map((c, i) => ({ id: c.name ?? `#${i}`, cell: c }));
  return { session, ran, states, entries, values: () => values };
}

/** Exactly these cells ran, once each, and each after the cells it reads (independent ones may overlap). */
function expectRan(ran: string[], cells: string[]) {
  expect([...ran].sort()).toEqual([...cells].sort());
  if (cells.includes('boardChart')) expect(ran.indexOf('board')).toBeLessThan(ran.indexOf('boardChart'));
  if (cells.includes('title')) expect(ran.indexOf('board')).toBeLessThan(ran.indexOf('title'));
}

const NOTEBOOK: Cell[] = [
  cell('input', '{"type": "select", "options": "SELECT DISTINCT year FROM totals ORDER BY year DESC"}', 'year'),
  cell('input', '{"type": "select", "options": "SELECT unit FROM units ORDER BY ord", "all": true}', 'unit'),
  cell('sql', 'SELECT unit, total, rank FROM totals WHERE year = ${year} ORDER BY rank', 'board'),
  cell('chart', '{"type": "bar", "from": "board", "x": "total", "y": "unit", "select": {"unit": "unit"}}', 'boardChart'),
  cell('sql', 'SELECT * FROM scores WHERE year = ${year} AND (${unit} IS NULL OR unit = ${unit})', 'card'),
  cell('markdown', '## ${year} 年 ${board.unit} 第一', 'title'),
  cell('sql', 'SELECT count(*) AS n FROM units', 'count'),
];

describe('a running notebook', () => {
  it('runs every cell, settles input values, makes relations later cells query', async () => {
    const h = harness(await fixtureDb());
    await h.session.setCells(h.entries(NOTEBOOK));
    expect(h.values()).toEqual(new Map<string, Param>([['year', 2019], ['unit', null]]));
    for (const [id, s] of h.states) expect(s.status, id).toBe('ok');
    const board = h.states.get('board');
    expect(board?.status === 'ok' && board.output.kind === 'sql' && board.output.rowCount).toBe(3);
    const title = h.states.get('title');
    expect(title?.status === 'ok' && title.output).toEqual({ kind: 'markdown', values: { year: 2019, 'board.unit': (await rows(await fixtureDb(), 'SELECT unit FROM totals WHERE year = 2019 ORDER BY rank LIMIT 1'))[0]!['unit'] } });
    const chart = h.states.get('boardChart');
    expect(chart?.status === 'ok' && chart.output.kind === 'chart' && chart.output.rows.length).toBe(3);
  });

  it('re-runs exactly the cells that read a changed input', async () => {
    const h = harness(await fixtureDb());
    await h.session.setCells(h.entries(NOTEBOOK));
    h.ran.length = 0;
    await h.session.setValue('unit', '春江镇');
    expect(h.ran).toEqual(['boardChart', 'card']);
    const card = h.states.get('card');
    expect(card?.status === 'ok' && card.output.kind === 'sql' && card.output.rowCount).toBe(3);
    h.ran.length = 0;
    await h.session.setValue('year', 2018);
    expectRan(h.ran, ['board', 'boardChart', 'card', 'title']);
  });

  it('merges changes that arrive while a plan runs', async () => {
    const h = harness(await fixtureDb());
    await h.session.setCells(h.entries(NOTEBOOK));
    h.ran.length = 0;
    await Promise.all([h.session.setValue('year', 2018), h.session.setValue('year', 2019), h.session.setValue('unit', null)]);
    expectRan(h.ran, ['board', 'boardChart', 'card', 'title']);
  });

  it('keeps a value chosen while its input cell was re-reading its options', async () => {
    const db = await fixtureDb();
    let gate: Promise<void> | null = null;
    let release = () => {};
    const slow: Querier = {
      async query(sql, params) {
        if (gate && sql.includes('ORDER BY ord')) await gate;
        return db.query(sql, params);
      },
    };
    const h = harness(slow);
    await h.session.setCells(h.entries(NOTEBOOK));
    gate = new Promise((r) => (release = r));
    const reloaded = h.session.dataChanged();
    while (h.states.get('unit')?.status !== 'running') await new Promise((r) => setTimeout(r, 1));
    const chosen = h.session.setValue('unit', '春江镇');
    release();
    await Promise.all([reloaded, chosen]);
    expect(h.values().get('unit')).toBe('春江镇');
    const input = h.states.get('unit');
    expect(input?.status === 'ok' && input.output.kind === 'input' && input.output.value).toBe('春江镇');
    const card = h.states.get('card');
    expect(card?.status === 'ok' && card.output.kind === 'sql' && card.output.rowCount).toBe(3);
  });

  it('shows a failing cell’s error in place, blocks what reads it, and the rest keeps working', async () => {
    const h = harness(await fixtureDb());
    const broken = [...NOTEBOOK];
    broken[2] = cell('sql', 'SELECT unit, total FROM totalz WHERE year = ${year}', 'board');
    await h.session.setCells(h.entries(broken));
    expect(h.states.get('board')).toMatchObject({ status: 'error', error: { key: 'nb.run.no_table', params: { name: 'totalz' } } });
    expect(h.states.get('boardChart')).toEqual({ status: 'blocked', by: 'board' });
    expect(h.states.get('card')?.status).toBe('ok');
    expect(h.states.get('count')?.status).toBe('ok');
  });

  it('refuses writes and names taken by the workspace, and leaves the workspace as it was', async () => {
    const db = await fixtureDb();
    const h = harness(db);
    await h.session.setCells(h.entries([cell('sql', 'DROP TABLE units', 'a'), cell('sql', 'SELECT 1 AS x', 'units')]));
    expect(h.states.get('a')).toMatchObject({ status: 'error', error: { key: 'nb.guard.writes', params: { statement: 'DROP' } } });
    expect(h.states.get('units')).toMatchObject({ status: 'error', error: { key: 'nb.run.reserved' } });
    expect(await rows(db, 'SELECT count(*) AS n FROM units')).toEqual([{ n: 3 }]);
  });

  it('drops the relation of a removed or renamed cell', async () => {
    const db = await fixtureDb();
    const h = harness(db);
    await h.session.setCells([{ id: 'x', cell: cell('sql', 'SELECT 1 AS a', 'gone_soon') }]);
    const temp = () => rows(db, "SELECT table_name FROM information_schema.tables WHERE table_catalog = 'temp' AND table_name = 'gone_soon'");
    expect(await temp()).toHaveLength(1);
    await h.session.setCells([{ id: 'x', cell: cell('sql', 'SELECT 1 AS a', 'renamed') }]);
    expect(await temp()).toHaveLength(0);
  });
});

describe('a lazy notebook (the page’s): what is out of sight waits', () => {
  it('runs the cells the seen cells need, leaves the rest stale, and runs them once they are seen', async () => {
    const db = await fixtureDb();
    const ran: string[] = [];
    let stale: ReadonlySet<string> = new Set();
    const onScreen = new Set(['boardChart']);
    const session = new Session(db, { state: (id, s) => s.status === 'running' && ran.push(id), values: () => {}, stale: (ids) => (stale = ids) }, (id) => onScreen.has(id));
    const entries: Entry[] = NOTEBOOK.map((c, i) => ({ id: c.name ?? `#${i}`, cell: c }));
    await session.setCells(entries);
    expect([...ran].sort()).toEqual(['board', 'boardChart', 'unit', 'year']);
    expect([...stale].sort()).toEqual(['card', 'count', 'title']);
    ran.length = 0;
    await session.setValue('year', 2018);
    expect(ran).toEqual(['board', 'boardChart']);
    ran.length = 0;
    onScreen.add('title');
    await session.lookAgain();
    expect(ran).toEqual(['title']);
    expect([...stale].sort()).toEqual(['card', 'count']);
  });
});

describe('inputs', () => {
  it('a range slider and a number bind their values like a select', async () => {
    const db = await fixtureDb();
    let values: ReadonlyMap<string, Param> = new Map();
    const states = new Map<string, CellState>();
    const session = new Session(db, { state: (id, s) => states.set(id, s), values: (v) => (values = new Map(v)) });
    await session.setCells([
      { id: 'min', cell: cell('input', '{"type": "range", "min": 0, "max": 20, "step": 1, "value": 12}', 'min_score') },
      { id: 'top', cell: cell('input', '{"type": "number", "min": 1}', 'top') },
      { id: 'q', cell: cell('sql', 'SELECT unit FROM totals WHERE year = 2019 AND total >= ${min_score} ORDER BY total DESC LIMIT ${top}', 'q') },
    ]);
    expect(values).toEqual(new Map([['min_score', 12], ['top', 1]]));
    const rows = () => {
      const s = states.get('q');
      return s?.status === 'ok' && s.output.kind === 'sql' ? s.output.rowCount : null;
    };
    expect(rows()).toBe(1);
    await session.setValue('min_score', 0);
    await session.setValue('top', 3);
    expect(rows()).toBe(3);
  });
});
