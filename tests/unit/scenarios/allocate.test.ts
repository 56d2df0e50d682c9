// Quota re-allocation by largest remainder (seed 000: 300 pairs = 60+20+30+30+15+15+15+25+65+25).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../../src/scenarios';

const SEED_000 = [60, 20, 30, 30, 15, 15, 15, 25, 65, 25].map((current, i) => ({ unit: `单位${i + 1}`, current }));
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('allocate', () => {
  it('seed 000: the same total gives the same split', () => {
    expect(allocate(SEED_000, 300)).toEqual([60, 20, 30, 30, 15, 15, 15, 25, 65, 25]);
  });

  it('seed 000: 330 pairs keep the proportions and add up to 330', () => {
    const shares = allocate(SEED_000, 330);
    // 16.5 ×3, 27.5 ×2, 71.5: three halves left over, to the first units in the official order.
    expect(shares).toEqual([66, 22, 33, 33, 17, 17, 17, 27, 71, 27]);
    expect(sum(shares)).toBe(330);
  });

  it('equal remainders go to the unit first in the official order', () => {
    expect(allocate([{ unit: 'a', current: 1 }, { unit: 'b', current: 1 }, { unit: 'c', current: 1 }], 4)).toEqual([2, 1, 1]);
  });

  it('a split of all zeros is shared equally', () => {
    expect(allocate([{ unit: 'a', current: 0 }, { unit: 'b', current: 0 }], 3)).toEqual([2, 1]);
  });

  it('the Alabama paradox of every largest-remainder method: 6+6+2 at 10 gives the third 2, at 11 only 1', () => {
    const split = [6, 6, 2].map((current, i) => ({ unit: String(i), current }));
    expect(allocate(split, 10)).toEqual([4, 4, 2]);
    expect(allocate(split, 11)).toEqual([5, 5, 1]);
  });

  it('rejects a total that is not a whole number ≥ 0', () => {
    expect(() => allocate(SEED_000, 10.5)).toThrow(RangeError);
    expect(() => allocate(SEED_000, -1)).toThrow(RangeError);
  });

  const splits = fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 20 });
  const total = fc.integer({ min: 0, max: 5000 });

  it('property: the shares add up exactly to the total', () => {
    fc.assert(fc.property(splits, total, (cs, n) => sum(allocate(cs.map((current, i) => ({ unit: String(i), current })), n)) === n));
  });

  it('property: each share is within 1 of its exact proportion (floor or ceiling)', () => {
    fc.assert(
      fc.property(splits, total, (cs, n) => {
        const s = sum(cs);
        const shares = allocate(cs.map((current, i) => ({ unit: String(i), current })), n);
        return shares.every((x, i) => {
          const exact = s === 0 ? n / cs.length : (n * cs[i]!) / s;
          return x >= Math.floor(exact) - 1e-9 && x <= Math.ceil(exact) + 1e-9 && Math.abs(x - exact) < 1;
        });
      }),
    );
  });

  it('property: monotone in the total: one more never takes more than one from a unit, and the sum rises by one', () => {
    fc.assert(
      fc.property(splits, total, (cs, n) => {
        const units = cs.map((current, i) => ({ unit: String(i), current }));
        const a = allocate(units, n);
        const b = allocate(units, n + 1);
        return sum(b) === sum(a) + 1 && b.every((x, i) => x >= a[i]! - 1);
      }),
    );
  });
});
