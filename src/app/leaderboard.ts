// The first view: one year's ranking from the engine's `totals` view, in rank order, ties in
// the units' official order.

export const YEARS_SQL = 'SELECT DISTINCT year FROM totals ORDER BY year DESC';

export const LEADERBOARD_SQL = `SELECT t.rank, t.unit, t.kind, t.base, t.bonus, t.total, t.grade, t.vetoed, t.veto_reason
FROM totals AS t LEFT JOIN units AS u ON u.unit = t.unit
WHERE t.year = ?
ORDER BY t.rank, u.ord NULLS LAST, t.unit`;

export interface BoardRow {
  readonly rank: number;
  readonly unit: string;
  readonly kind: string | null;
  readonly base: number;
  readonly bonus: number;
  readonly total: number;
  readonly grade: string;
  readonly vetoed: boolean;
  readonly veto_reason: string | null;
}

/** Grade colours by standing: the best grade first; a veto is always red. */
const PALETTE = ['#1b7f4b', '#2f6fb3', '#b7860b', '#a8502a', '#7a2d8c'];
export const VETO_COLOUR = '#b4232c';

export function gradeColours(rows: readonly BoardRow[]): Map<string, string> {
  const best = new Map<string, number>();
  for (const r of rows) if (!r.vetoed) best.set(r.grade, Math.max(best.get(r.grade) ?? -Infinity, r.total));
  const order = [...best.entries()].sort((a, b) => b[1] - a[1]).map(([g]) => g);
  return new Map(order.map((g, i) => [g, PALETTE[Math.min(i, PALETTE.length - 1)]!]));
}
