// How many cases each property runs: the everyday count in `npm test`, multiplied by
// KAOHE_PROPERTY_SCALE in `npm run test:stress` (long property runs), at most `maxScale` for the
// slow ones (each engine run scores a workspace in DuckDB). A failure prints its seed;
// KAOHE_PROPERTY_SEED replays it.
const scale = Number(process.env['KAOHE_PROPERTY_SCALE'] ?? '1');
const seed = process.env['KAOHE_PROPERTY_SEED'];

export function runs(numRuns: number, maxScale = Infinity): { numRuns: number; seed?: number } {
  const k = Math.min(maxScale, Number.isFinite(scale) && scale > 0 ? scale : 1);
  const n = Math.max(1, Math.round(numRuns * k));
  return seed === undefined ? { numRuns: n } : { numRuns: n, seed: Number(seed) };
}
