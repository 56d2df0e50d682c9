// 区间: P inside [low, high]; outside, P − step × distance to the nearer bound, floored at zero.
// 出生人口性别比应控制在103——107之内 (seed 004, 包头 2012). A target `103-107` replaces both
// bounds; a single-number target (or formula, as seed 004's yearly ceiling) replaces high.
import { caseWhen, clamp, fmt, text, type Sql } from '../sql';
import { messageSql, template } from '../template';
import { actualShown, gapUnit, measured, times } from './display';
import type { ItemRow, Rule } from './types';

type K = 't' | 't_low' | 't_high' | 'target_kind' | 'a' | 'actual_text' | 'points' | 'step' | 'low' | 'high' | 'measure';

export const rangeLow = (r: Pick<ItemRow, K>): Sql => `CASE WHEN ${r.target_kind} = 'range' THEN ${r.t_low} ELSE ${r.low} END`;

export const rangeHigh = (r: Pick<ItemRow, K>): Sql =>
  caseWhen([[`${r.target_kind} = 'range'`, r.t_high], [`${r.t} IS NOT NULL`, r.t]], r.high);

/** Distance from a to the range; 0 inside it. A missing bound is no bound. */
export const distance = (r: Pick<ItemRow, K>): Sql =>
  caseWhen([[`${r.a} < ${rangeLow(r)}`, `${rangeLow(r)} - ${r.a}`], [`${r.a} > ${rangeHigh(r)}`, `${r.a} - ${rangeHigh(r)}`]], '0');

const deduction = (r: Pick<ItemRow, K>): Sql => times(r.step, distance(r));

export const range: Rule<K> = {
  code: 'range',
  names: ['区间'],
  usesDirection: false,
  hasTarget: (r) =>
    `CASE WHEN ${r.target_kind} = 'formula' THEN ${r.t} IS NOT NULL ELSE (${r.target_kind} IS NOT NULL OR ${r.low} IS NOT NULL OR ${r.high} IS NOT NULL) END`,
  flagsMissing: true,
  problems: (r) => [[`${r.a} IS NULL OR ${r.target_kind} = 'text'`, 'not_number']],
  score: (r) =>
    caseWhen(
      [
        [`${distance(r)} = 0`, r.points],
        [`${r.step} IS NULL`, '0'],
      ],
      clamp(`${r.points} - ${deduction(r)}`, '0', r.points),
    ),
  explain: (r, lang, score) => {
    const open = text(template(lang, 'engine.open'));
    const side = (key: string): Sql => text(template(lang, key));
    const params = {
      low: `CASE WHEN ${rangeLow(r)} IS NULL THEN ${open} ELSE ${measured(rangeLow(r), r.measure)} END`,
      high: `CASE WHEN ${rangeHigh(r)} IS NULL THEN ${open} ELSE ${measured(rangeHigh(r), r.measure)} END`,
      actual: actualShown(r),
      side: `CASE WHEN ${r.a} < ${rangeLow(r)} THEN ${side('engine.side.below_low')} ELSE ${side('engine.side.above_high')} END`,
      gap: fmt(distance(r)),
      gapUnit: gapUnit(r.measure, lang),
      step: fmt(r.step),
      deduction: fmt(deduction(r)),
      score: fmt(score),
      points: fmt(r.points),
    };
    return caseWhen(
      [
        [`${distance(r)} = 0`, messageSql(lang, 'engine.explain.range_in', params)],
        [`${r.step} IS NULL`, messageSql(lang, 'engine.explain.range_no_step', params)],
        [`${deduction(r)} >= ${r.points}`, messageSql(lang, 'engine.explain.range_floor', params)],
      ],
      messageSql(lang, 'engine.explain.range_out', params),
    );
  },
};
