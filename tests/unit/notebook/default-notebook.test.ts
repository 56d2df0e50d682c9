import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Param } from '../../../src/db/types';
import { parseNotebook, serialiseNotebook } from '../../../src/notebook/file';
import { Session, type CellState, type Entry } from '../../../src/notebook/session';
import { demoDb } from './demo-workspace';

const FILE = path.resolve(import.meta.dirname, '../../../data/notebooks/overview.md');
const cells = parseNotebook(readFileSync(FILE, 'utf8'));

async function run(demo = 'wujin'): Promise<{ states: Map<string, CellState>; values: ReadonlyMap<string, Param>; session: Session }> {
  const states = new Map<string, CellState>();
  let values: ReadonlyMap<string, Param> = new Map();
  const session = new Session(await demoDb(demo), { state: (id, s) => states.set(id, s), values: (v) => (values = new Map(v)) });
  const entries: Entry[] = cells.map((cell, i) => ({ id: cell.name ?? `${cell.kind}${i}`, cell }));
  await session.setCells(entries);
  return { states, values: values, session };
}

const output = (states: Map<string, CellState>, id: string) => {
  const s = states.get(id);
  if (s?.status !== 'ok') throw new Error(`${id}: ${JSON.stringify(s)}`);
  return s.output;
};

describe('the default notebook 考核总览 on the 武进区 demo', () => {
  it('is a notebook file like any other: it reads back as it is written', () => {
    expect(parseNotebook(serialiseNotebook(cells))).toEqual(cells);
    expect(cells.filter((c) => c.kind === 'chart')).toHaveLength(9);
  });

  it('runs every cell without an error, the latest year chosen', async () => {
    const { states, values } = await run();
    for (const [id, s] of states) expect(s.status, `${id}: ${JSON.stringify(s)}`).toBe('ok');
    expect(values.get('year')).toBe(2019);
    expect(values.get('unit')).toBe(null);
    const board = output(states, 'leaderboard');
    expect(board.kind === 'sql' && board.rowCount).toBe(17);
    const card = output(states, 'card');
    expect(card.kind === 'sql' && card.rowCount).toBeGreaterThan(39);
  }, 120_000);

  it('runs on the 新北区 demo too, where the rubric has tracks (政府考核 / 条线考核)', async () => {
    const { states } = await run('xinbei');
    for (const [id, s] of states) expect(s.status, `${id}: ${JSON.stringify(s).slice(0, 300)}`).toBe('ok');
    const tracks = [...states.values()].find((s) => s.status === 'ok' && s.output.kind === 'chart' && s.output.spec.from === 'track_kind');
    const rows = tracks?.status === 'ok' && tracks.output.kind === 'chart' ? tracks.output.rows : [];
    expect(new Set(rows.map((r) => r['track']))).toEqual(new Set(['政府考核指标', '条线考核指标']));
  }, 120_000);

  it('draws only one page of units in the heatmap, and the report card follows the unit filter', async () => {
    const { states, session } = await run();
    const heat = [...states.entries()].find(([, s]) => s.status === 'ok' && s.output.kind === 'chart' && s.output.spec.from === 'heatmap');
    const out = heat?.[1].status === 'ok' ? heat[1].output : null;
    expect(out?.kind === 'chart' && out.page).toMatchObject({ index: 0, size: 20, keys: 17 });
    await session.setValue('unit', '礼嘉镇');
    const head = output(states, 'card_head');
    expect(head.kind === 'sql' && head.firstRow?.['unit']).toBe('礼嘉镇');
    const md = [...states.values()].find((s) => s.status === 'ok' && s.output.kind === 'markdown' && 'card_head.unit' in s.output.values);
    expect(md?.status === 'ok' && md.output.kind === 'markdown' && md.output.values['card_head.unit']).toBe('礼嘉镇');
  }, 120_000);
});
