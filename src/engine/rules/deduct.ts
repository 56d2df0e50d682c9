// 扣分: P − step × shortfall, floored at zero.
// 每低于一个百分点扣5分，扣完为止 (seed 003, 贵州 2011).
import { caseWhen, clamp, fmt, text } from '../sql';
import { messageSql, template } from '../template';
import { times } from './display';
import { bothNumbers, hasTarget } from './target';
import type { Rule } from './types';

type K = 't' | 'target_kind' | 'a' | 'points' | 'step' | 'direction' | 'target_shown' | 'actual_shown' | 'gap_unit';

export const deduct: Rule<K, 'shortfall' | 'deduction'> = {
  code: 'deduct',
  names: ['扣分'],
  usesDirection: true,
  hasTarget,
  flagsMissing: true,
  derive: (r) => {
    // How far a falls short of t: below it, or above it when lower is better; never negative.
    const shortfall = `GREATEST(0, CASE WHEN ${r.direction} = 'lower' THEN ${r.a} - ${r.t} ELSE ${r.t} - ${r.a} END)`;
    return { shortfall, deduction: times(r.step, shortfall) };
  },
  problems: (r) => [[`NOT ${bothNumbers(r)}`, 'not_number']],
  score: (r, d) =>
    caseWhen(
      [
        [`${d.shortfall} = 0`, r.points],
        // No step: any shortfall loses the item (docs/scoring.md).
        [`${r.step} IS NULL`, '0'],
      ],
      clamp(`${r.points} - ${d.deduction}`, '0', r.points),
    ),
  explain: (r, d, lang, score) => {
    const params = {
      target: r.target_shown,
      actual: r.actual_shown,
      side: `CASE WHEN ${r.direction} = 'lower' THEN ${text(template(lang, 'engine.side.above'))} ELSE ${text(template(lang, 'engine.side.below'))} END`,
      gap: fmt(d.shortfall),
      gapUnit: r.gap_unit,
      step: fmt(r.step),
      deduction: fmt(d.deduction),
      score: fmt(score),
      points: fmt(r.points),
    };
    return caseWhen(
      [
        [`${d.shortfall} = 0`, messageSql(lang, 'engine.explain.met', params)],
        [`${r.step} IS NULL`, messageSql(lang, 'engine.explain.deduct_no_step', params)],
        [`${d.deduction} >= ${r.points}`, messageSql(lang, 'engine.explain.deduct_floor', params)],
      ],
      messageSql(lang, 'engine.explain.deduct', params),
    );
  },
};
