// Quota re-allocation: a district total split across units (seed 000: 孕前优生健康检查 300 pairs =
// 60+20+30+30+15+15+15+25+65+25) allocated anew in proportion to the current split, in whole
// numbers that add up exactly to the new total, by largest remainder (Hamilton's method).

export interface Share {
  readonly unit: string;
  /** The unit's current target, ≥ 0. */
  readonly current: number;
}

const SCALE = 10_000n;

/** Exact integer of a decimal with up to 4 places (targets are DECIMAL(18,4)). */
const scaled = (x: number): bigint => BigInt(Math.round(x * Number(SCALE)));

/**
 * Whole shares of `total`, in the order given (the units' official order, `units.ord`): each
 * unit gets the floor of its exact proportion, and the units left over go one each to the
 * largest remainders, ties to the unit listed first. A split of all zeros is shared equally.
 * Like every largest-remainder method it can give a unit one less when the total rises
 * (the Alabama paradox); it never gives less than the floor or more than the ceiling.
 */
export function allocate(shares: readonly Share[], total: number): number[] {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`total must be a whole number ≥ 0: ${total}`);
  if (shares.some((s) => !(s.current >= 0))) throw new RangeError('current shares must be ≥ 0');
  if (shares.length === 0) return [];
  const weights = shares.some((s) => s.current > 0) ? shares.map((s) => scaled(s.current)) : shares.map(() => 1n);
  const sum = weights.reduce((a, b) => a + b, 0n);
  const n = BigInt(total);
  const floors = weights.map((w) => (n * w) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (n * w) % sum }));
  let left = total - Number(floors.reduce((a, b) => a + b, 0n));
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  const out = floors.map(Number);
  for (const { i } of remainders) {
    if (left <= 0) break;
    out[i]! += 1;
    left--;
  }
  return out;
}
