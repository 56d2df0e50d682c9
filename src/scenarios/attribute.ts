// Which overrides account for a unit's change: each indicator whose points moved is laid to the
// overrides that reach it; a bonus, grade or veto that moved without any points is laid to the
// settings and vetoes that decide them.
import type { ChangeRow, CompareRow } from './compare';
import type { Override } from './types';

export interface Cause {
  /** Indexes into the scenario's overrides. */
  readonly overrides: readonly number[];
  /** The indicator whose points moved, or null for the bonus cap, grades or vetoes. */
  readonly indicator: string | null;
  readonly delta: number;
}

const reaches = (o: Override, c: ChangeRow, unit: string): boolean => {
  switch (o.kind) {
    case 'target':
    case 'actual':
      return o.indicator === c.indicator && o.unit === unit;
    case 'target_all':
    case 'target_shift':
    case 'quota':
    case 'item':
      return o.indicator === c.indicator;
    case 'target_scale':
      return o.indicator ? o.indicator === c.indicator : o.category === c.category;
    case 'setting':
      return o.key === 'round_weights';
    case 'plan':
      return true;
    case 'veto':
      return false;
  }
};

const indexes = (overrides: readonly Override[], test: (o: Override) => boolean): number[] =>
  overrides.flatMap((o, i) => (test(o) ? [i] : []));

export function causes(unit: CompareRow, changes: readonly ChangeRow[], overrides: readonly Override[]): Cause[] {
  const out: Cause[] = changes
    .filter((c) => c.unit === unit.unit)
    .map((c) => ({ indicator: c.indicator, delta: c.delta, overrides: indexes(overrides, (o) => reaches(o, c, unit.unit)) }));
  const bonus = (unit.bonus_after ?? 0) - (unit.bonus_before ?? 0);
  const bonusItems = out.filter((c) => c.indicator !== null).length > 0;
  if (bonus !== 0 && !bonusItems) {
    out.push({ indicator: null, delta: bonus, overrides: indexes(overrides, (o) => o.kind === 'setting' && o.key === 'bonus_cap') });
  }
  if (unit.vetoed_before !== null && unit.vetoed_before !== unit.vetoed_after) {
    out.push({
      indicator: null,
      delta: 0,
      overrides: indexes(
        overrides,
        (o) => (o.kind === 'veto' && o.unit === unit.unit) || (o.kind === 'setting' && (o.key === 'bottom_veto' || o.key === 'veto')),
      ),
    });
  } else if (unit.grade_before !== null && unit.grade_before !== unit.grade_after && out.length === 0) {
    out.push({ indicator: null, delta: 0, overrides: indexes(overrides, (o) => o.kind === 'setting' && o.key === 'grades') });
  }
  return out;
}
