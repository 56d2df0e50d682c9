import { describe, expect, it } from 'vitest';
import { cell, type Cell } from '../../../src/notebook/cells';
import { buildGraph, planRun } from '../../../src/notebook/graph';
import { relationNames } from '../../../src/notebook/refs';
import { tokenize } from '../../../src/notebook/tokenize';

const chart = (from: string, select: Record<string, string> = {}) =>
  cell('chart', JSON.stringify({ type: 'bar', from, x: 'total', y: 'unit', select }));

// year ─► board ─► chart(board) ; unit (set by the chart's clicks) ─► card ─► text quoting card
const NOTEBOOK: Cell[] = [
  cell('markdown', '# 考核总览'),
  cell('input', '{"type": "select", "options": "SELECT DISTINCT year FROM totals"}', 'year'),
  cell('input', '{"type": "select", "options": "SELECT unit FROM units", "all": true}', 'unit'),
  cell('sql', 'SELECT * FROM totals WHERE year = ${year}', 'board'),
  chart('board', { unit: 'unit' }),
  cell('sql', 'SELECT s.* FROM scores s JOIN board b USING (unit) WHERE s.unit = ${unit}', 'card'),
  cell('markdown', '## ${card.unit} 的考核结果'),
  cell('sql', 'SELECT 1 AS unrelated', 'other'),
];

describe('dependency graph and re-run plan', () => {
  it('orders every cell after the cells it reads, in page order otherwise', () => {
    expect(buildGraph(NOTEBOOK).order).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const moved = [NOTEBOOK[3]!, NOTEBOOK[1]!, NOTEBOOK[4]!];
    expect(buildGraph(moved).order).toEqual([1, 0, 2]);
  });

  it('re-runs only what reads a changed input, in order', () => {
    const g = buildGraph(NOTEBOOK);
    expect(planRun(g, { kind: 'names', names: ['year'] })).toEqual([3, 4, 5, 6]);
    expect(planRun(g, { kind: 'names', names: ['UNIT'] })).toEqual([4, 5, 6]);
    expect(planRun(g, { kind: 'names', names: ['nobody'] })).toEqual([]);
  });

  it('re-runs an edited cell and its dependants, and everything when the data changes', () => {
    const g = buildGraph(NOTEBOOK);
    expect(planRun(g, { kind: 'cells', cells: [5] })).toEqual([5, 6]);
    expect(planRun(g, { kind: 'cells', cells: [7] })).toEqual([7]);
    expect(planRun(g, { kind: 'all' })).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('marks duplicate and invalid names and cycles, and still orders every cell', () => {
    const g = buildGraph([
      cell('sql', 'SELECT * FROM b', 'a'),
      cell('sql', 'SELECT * FROM a', 'b'),
      cell('sql', 'SELECT 1', 'A'),
      cell('sql', 'SELECT 1', 'not a name'),
      cell('sql', 'SELECT * FROM me', 'me'),
      cell('sql', 'SELECT 2', 'fine'),
    ]);
    expect(g.errors.get(0)?.key).toBe('nb.graph.cycle');
    expect(g.errors.get(1)?.key).toBe('nb.graph.cycle');
    expect(g.errors.get(2)?.key).toBe('nb.graph.duplicate');
    expect(g.errors.get(3)?.key).toBe('nb.graph.name');
    expect(g.errors.get(4)?.key).toBe('nb.graph.cycle');
    expect(g.errors.has(5)).toBe(false);
    expect([...g.order].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('finds relations in FROM and JOIN positions only, not columns of the same name', () => {
    const names = (sql: string) => relationNames(tokenize(sql)).sort();
    expect(names('SELECT board.unit, card FROM board JOIN "Card" c ON true, other WHERE x IN (SELECT y FROM inner_t)')).toEqual(['board', 'card', 'inner_t', 'other']);
    expect(names('SELECT a, b FROM range(3) r, board')).toEqual(['board']);
    expect(names("SELECT 'FROM board' AS t -- FROM other")).toEqual([]);
  });
});
