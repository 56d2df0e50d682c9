// 扣分: P − step × shortfall, floored at zero.
// 每低于一个百分点扣5分，扣完为止 (seed 003, 贵州 2011).
import { caseWhen, clamp, fmt, text, type Sql } from '../sql';
import { messageSql, template } from '../template';
import { actualShown, gapUnit, targetShown, times } from './display';
import { bothNumbers, hasTarget } from './target';
import type { ItemRow, Rule } from './types';

type K = 't' | 'target_kind' | 'target_text' | 't_low' | 't_high' | 'a' | 'actual_text' | 'points' | 'step' | 'direction' | 'measure' | 'formula' | 'prev' | 'population' | 'uses_prev' | 'uses_population';

/** How far a falls short of t: below it, or above it when lower is better; never negative. */
export const shortfall = (r: Pick<ItemRow, 't' | 'a' | 'direction'>): Sql =>
  `GREATEST(0, CASE WHEN ${r.direction} = 'lower' THEN ${r.a} - ${r.t} ELSE ${r.t} - ${r.a} END)`;

const deduction = (r: Pick<ItemRow, K>): Sql => times(r.step, shortfall(r));

export const deduct: Rule<K> = {
  code: 'deduct',
  names: ['扣分'],
  usesDirection: true,
  hasTarget,
  flagsMissing: true,
  problems: (r) => [[`NOT ${bothNumbers(r)}`, 'not_number']],
  score: (r) =>
    caseWhen(
      [
        [`${shortfall(r)} = 0`, r.points],
        // No step: any shortfall loses the item (docs/scoring.md).
        [`${r.step} IS NULL`, '0'],
      ],
      clamp(`${r.points} - ${deduction(r)}`, '0', r.points),
    ),
  explain: (r, lang, score) => {
    const params = {
      target: targetShown(r, lang),
      actual: actualShown(r),
      side: `CASE WHEN ${r.direction} = 'lower' THEN ${text(template(lang, 'engine.side.above'))} ELSE ${text(template(lang, 'engine.side.below'))} END`,
      gap: fmt(shortfall(r)),
      gapUnit: gapUnit(r.measure, lang),
      step: fmt(r.step),
      deduction: fmt(deduction(r)),
      score: fmt(score),
      points: fmt(r.points),
    };
    return caseWhen(
      [
        [`${shortfall(r)} = 0`, messageSql(lang, 'engine.explain.met', params)],
        [`${r.step} IS NULL`, messageSql(lang, 'engine.explain.deduct_no_step', params)],
        [`${deduction(r)} >= ${r.points}`, messageSql(lang, 'engine.explain.deduct_floor', params)],
      ],
      messageSql(lang, 'engine.explain.deduct', params),
    );
  },
};
