// Properties over random inputs (fast-check): every rule scores within [0, P]; deduct and ratio
// never lose points as the actual gets better; a total never exceeds the base points plus the cap.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/engine/rules';
import type { Rule } from '../../../src/engine/rules/types';
import { deduct } from '../../../src/engine/rules/deduct';
import { ratio } from '../../../src/engine/rules/ratio';
import { score, type Item } from './helpers';
import { query, scored, type Workspace } from './workspace';

/** Exact decimal text with up to 4 decimals from a scaled integer. */
const decimal = (min: number, max: number) =>
  fc.integer({ min, max }).map((n) => {
    const abs = Math.abs(n);
    const frac = String(abs % 10000).padStart(4, '0');
    return `${n < 0 ? '-' : ''}${Math.floor(abs / 10000)}.${frac}`;
  });

const points = decimal(0, 1_000_000);
const value = decimal(-100_000, 2_000_000);
const direction = fc.constantFrom('higher', 'lower');

const item: fc.Arbitrary<Item> = fc.record({
  t: fc.option(value, { nil: null }),
  a: fc.option(value, { nil: null }),
  points,
  step: fc.option(decimal(-10_000, 200_000), { nil: null }),
  low: fc.option(value, { nil: null }),
  high: fc.option(value, { nil: null }),
  direction,
  level_weight: fc.option(decimal(-20_000, 30_000), { nil: null }),
  target_kind: fc.constantFrom(undefined, 'formula', 'range', 'text'),
  t_low: fc.option(value, { nil: null }),
  t_high: fc.option(value, { nil: null }),
});

const RUNS = { numRuns: 25 };

describe('properties', () => {
  for (const rule of RULES) {
    it(`${rule.code}: 0 ≤ score ≤ P, never NULL, and a sentence for every row`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(item, { minLength: 1, maxLength: 30 }), async (items) => {
          const rows = await score(rule as Rule, items);
          rows.forEach((r, i) => {
            expect(r.score).not.toBeNull();
            expect(r.score!).toBeGreaterThanOrEqual(0);
            expect(r.score!).toBeLessThanOrEqual(Number(items[i]!.points));
            expect(r.explanation).toBeTruthy();
          });
        }),
        RUNS,
      );
    });
  }

  for (const rule of [deduct, ratio] as Rule[]) {
    it(`${rule.code}: a better actual never scores less, higher or lower`, async () => {
      const pair = fc.record({ t: value, a: value, b: value, points, step: decimal(0, 200_000), direction });
      await fc.assert(
        fc.asyncProperty(fc.array(pair, { minLength: 1, maxLength: 20 }), async (pairs) => {
          const items = pairs.flatMap((p) => {
            const [worse, better] = [p.a, p.b].sort((x, y) => Number(x) - Number(y));
            const order = p.direction === 'higher' ? [worse!, better!] : [better!, worse!];
            return order.map((a) => ({ t: p.t, a, points: p.points, step: p.step, direction: p.direction }));
          });
          const rows = await score(rule, items);
          for (let i = 0; i < rows.length; i += 2) expect(rows[i + 1]!.score!).toBeGreaterThanOrEqual(rows[i]!.score!);
        }),
        RUNS,
      );
    });
  }

  it('a total never exceeds the base points × round weights plus the bonus cap, and is never negative', async () => {
    const rubricRow = fc.record({
      rule: fc.constantFrom('达标', '扣分', '比例', '区间', '评估打分', '定性', '加分'),
      points: fc.integer({ min: 0, max: 30 }),
      step: fc.constantFrom(null, '1', '5'),
    });
    const workspace = fc.record({
      rubric: fc.array(rubricRow, { minLength: 1, maxLength: 6 }),
      actuals: fc.array(fc.option(decimal(-100_000, 1_500_000), { nil: null }), { minLength: 24, maxLength: 24 }),
      cap: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
      weights: fc.constantFrom(null, '平时=0.3;半年=0.3;年终=0.4', '半年=0.25;年终=0.75'),
    });
    await fc.assert(
      fc.asyncProperty(workspace, async (w) => {
        const rounds = w.weights === null ? ['年终'] : w.weights.split(';').map((p) => p.split('=')[0]!);
        const units = ['甲', '乙'];
        let k = 0;
        const ws: Workspace = {
          units: units.map((unit) => ({ unit })),
          rubric: w.rubric.map((r, i) => ({
            indicator: `指标${i}`,
            ...r,
            low: 100,
            high: 110,
            levels: '全面兑现=1;基本兑现=0.6',
          })),
          targets: w.rubric.map((_, i) => ({ year: 2020, indicator: `指标${i}`, target: '90' })),
          results: units.flatMap((unit) =>
            rounds.flatMap((round) =>
              w.rubric.map((_, i) => ({ year: 2020, unit, round, indicator: `指标${i}`, actual: w.actuals[k++ % 24] ?? null })),
            ),
          ),
          settings: [
            ...(w.cap === null ? [] : [{ key: 'bonus_cap', value: String(w.cap) }]),
            ...(w.weights === null ? [] : [{ key: 'round_weights', value: w.weights }]),
          ],
        };
        const db = await scored(ws);
        const base = w.rubric.filter((r) => r.rule !== '加分').reduce((s, r) => s + r.points, 0);
        const bonus = w.rubric.filter((r) => r.rule === '加分').reduce((s, r) => s + r.points, 0);
        const cap = w.cap === null ? bonus : Math.min(bonus, w.cap);
        for (const t of await query(db, 'SELECT total, base, bonus FROM totals')) {
          expect(t['total']).not.toBeNull();
          expect(t['total'] as number).toBeGreaterThanOrEqual(0);
          expect(t['total'] as number).toBeLessThanOrEqual(base + cap + 1e-9);
        }
        const [nulls] = await query(db, 'SELECT count(*) FILTER (WHERE score IS NULL OR explanation IS NULL) AS n FROM scores');
        expect(nulls!['n']).toBe(0);
      }),
      { numRuns: 15 },
    );
    // 15 workspaces scored whole (the results materialised each time): ~20 s on a loaded 2-core machine.
  }, 90_000);
});
