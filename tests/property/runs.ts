// How many cases each property runs: the everyday count in `npm test`, multiplied by
// KAOHE_PROPERTY_SCALE in `npm run test:stress` (long property runs). A failure prints its seed;
// KAOHE_PROPERTY_SEED replays it.
const scale = Number(process.env['KAOHE_PROPERTY_SCALE'] ?? '1');
const seed = process.env['KAOHE_PROPERTY_SEED'];

export function runs(numRuns: number): { numRuns: number; seed?: number } {
  const n = Math.max(1, Math.round(numRuns * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
  return seed === undefined ? { numRuns: n } : { numRuns: n, seed: Number(seed) };
}
