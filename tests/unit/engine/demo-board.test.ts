// The board a first visit draws before DuckDB is up (src/app/demo-board.json) is the engine's own
// result for the default demo, never a stale or hand-written one: recomputed here and compared.
// After a change to the demo data or the scoring, `npm run demo-board` writes it again.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeDemoBoards, defaultDemoId, DEMO_BOARD_FILE } from '../../../scripts/gen-demo-board';

describe('the demo board drawn at first paint', () => {
  it('is what the engine computes today for the default demo, in both languages (else: npm run demo-board)', async () => {
    const kept: unknown = JSON.parse(readFileSync(DEMO_BOARD_FILE, 'utf8'));
    const fresh = await computeDemoBoards();
    expect(fresh.demo).toBe(defaultDemoId());
    expect(fresh.boards['zh-CN']?.rows.length).toBeGreaterThan(0);
    expect(fresh.boards.en?.rows.map((r) => r.unit)).toEqual(fresh.boards['zh-CN']?.rows.map((r) => r.unit));
    expect(kept).toEqual(JSON.parse(JSON.stringify(fresh)));
  }, 120_000);
});
