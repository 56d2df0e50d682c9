// A quota override becomes one target override per unit: the current split is read from the
// base scoring (each unit's own target, else everyone's), in the units' official order.
import type { Database } from '../db/types';
import { toRows } from '../db/rows';
import { allocate } from './allocate';
import type { Override } from './types';

export const CURRENT_SPLIT_SQL = `SELECT u.unit, TRY_CAST(coalesce(own.target, everyone.target) AS DOUBLE) AS current
FROM main.engine_unit_list u
LEFT JOIN main.engine_target_text own ON own.year = ? AND own.unit = u.unit AND own.indicator = ?
LEFT JOIN main.engine_target_text everyone ON everyone.year = ? AND everyone.unit IS NULL AND everyone.indicator = ?
ORDER BY u.ord, u.unit`;

export interface QuotaSplit {
  readonly unit: string;
  readonly current: number;
  readonly allocated: number;
}

/** The current split of a quota and its re-allocation to `total`; units without a numeric target are left out. */
export async function splitQuota(db: Database, year: number, indicator: string, total: number): Promise<QuotaSplit[]> {
  const rows = toRows(await db.query(CURRENT_SPLIT_SQL, [year, indicator, year, indicator]))
    .filter((r) => typeof r['current'] === 'number' && (r['current'] as number) >= 0)
    .map((r) => ({ unit: String(r['unit']), current: r['current'] as number }));
  const shares = allocate(rows, total);
  return rows.map((r, i) => ({ ...r, allocated: shares[i]! }));
}

export async function expandQuota(db: Database, o: Extract<Override, { kind: 'quota' }>): Promise<Override[]> {
  const split = await splitQuota(db, o.year, o.indicator, o.total);
  return split.map((s) => ({ kind: 'target', year: o.year, unit: s.unit, indicator: o.indicator, value: String(s.allocated) }));
}
