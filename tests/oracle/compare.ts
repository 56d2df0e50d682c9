// The oracle's totals against the engine's `totals` view, unit by unit and year by year.
import { canonical } from './decimal';
import type { OracleTotal } from './score';

/** The engine's totals as text, so DECIMALs compare exactly whatever the driver hands back. */
export const ENGINE_TOTALS_SQL = `SELECT CAST(year AS VARCHAR) AS year, unit, CAST(base AS VARCHAR) AS base,
  CAST(bonus AS VARCHAR) AS bonus, CAST(total AS VARCHAR) AS total, grade, CAST(rank AS VARCHAR) AS rank,
  CAST(vetoed AS VARCHAR) AS vetoed, CAST(veto_streak AS VARCHAR) AS veto_streak
FROM totals ORDER BY year, unit`;

export type EngineTotal = Readonly<Record<string, unknown>>;

export interface Difference {
  readonly year: number;
  readonly unit: string;
  readonly field: string;
  readonly engine: string | null;
  readonly oracle: string | null;
}

const FIELDS = ['base', 'bonus', 'total', 'grade', 'rank', 'vetoed', 'veto_streak'] as const;

function oracleField(t: OracleTotal, field: (typeof FIELDS)[number]): string | null {
  switch (field) {
    case 'veto_streak':
      return String(t.vetoStreak);
    case 'rank':
      return String(t.rank);
    case 'vetoed':
      return String(t.vetoed);
    case 'grade':
      return t.grade;
    default:
      return canonical(t[field]);
  }
}

function engineField(row: EngineTotal, field: string): string | null {
  const v = row[field];
  if (v === null || v === undefined) return null;
  if (field === 'grade') return String(v);
  return canonical(typeof v === 'number' ? v : String(v));
}

/** Every field that differs, and every unit-year present on one side only (field `row`). */
export function compareTotals(oracle: readonly OracleTotal[], engine: readonly EngineTotal[]): Difference[] {
  const key = (year: unknown, unit: unknown) => `${String(year)}|${String(unit)}`;
  const byKey = new Map(engine.map((r) => [key(r['year'], r['unit']), r]));
  const out: Difference[] = [];
  for (const t of oracle) {
    const k = key(t.year, t.unit);
    const row = byKey.get(k);
    byKey.delete(k);
    if (!row) {
      out.push({ year: t.year, unit: t.unit, field: 'row', engine: null, oracle: 'present' });
      continue;
    }
    for (const f of FIELDS) {
      const [e, o] = [engineField(row, f), oracleField(t, f)];
      if (e !== o) out.push({ year: t.year, unit: t.unit, field: f, engine: e, oracle: o });
    }
  }
  for (const row of byKey.values()) {
    out.push({ year: Number(row['year']), unit: String(row['unit']), field: 'row', engine: 'present', oracle: null });
  }
  return out;
}

/** The differences, causes first (a base or total that differs moves the ranks of many others). */
export function describeDifferences(diffs: readonly Difference[], limit = 20): string {
  const order = ['row', ...FIELDS] as string[];
  const sorted = [...diffs].sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field) || a.year - b.year);
  const counts = order.flatMap((f) => {
    const n = diffs.filter((d) => d.field === f).length;
    return n ? [`${f} ${n}`] : [];
  });
  const lines = sorted
    .slice(0, limit)
    .map((d) => `  ${d.year} ${d.unit}: ${d.field} engine=${d.engine ?? '∅'} oracle=${d.oracle ?? '∅'}`);
  if (diffs.length > limit) lines.push(`  … and ${diffs.length - limit} more`);
  return [`  differing fields: ${counts.join(', ')}`, ...lines].join('\n');
}
