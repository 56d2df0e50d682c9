// 区间: P inside [low, high]; outside, P − step × distance to the nearer bound, floored at zero.
// 出生人口性别比应控制在103——107之内 (seed 004, 包头 2012). A target `103-107` replaces both
// bounds; a single-number target (or formula, as seed 004's yearly ceiling) replaces high.
import { caseWhen, clamp, fmt, text, type Sql } from '../sql';
import { messageSql, template } from '../template';
import { measured, times } from './display';
import type { Rule } from './types';

type K = 't' | 't_low' | 't_high' | 'target_kind' | 'a' | 'points' | 'step' | 'low' | 'high' | 'measure' | 'target_shown' | 'actual_shown' | 'gap_unit';

export const range: Rule<K, 'low' | 'high' | 'distance' | 'deduction'> = {
  code: 'range',
  names: ['区间'],
  usesDirection: false,
  hasTarget: (r) =>
    `CASE WHEN ${r.target_kind} = 'formula' THEN ${r.t} IS NOT NULL ELSE (${r.target_kind} IS NOT NULL OR ${r.low} IS NOT NULL OR ${r.high} IS NOT NULL) END`,
  flagsMissing: true,
  derive: (r) => {
    const low = `CASE WHEN ${r.target_kind} = 'range' THEN ${r.t_low} ELSE ${r.low} END`;
    const high = caseWhen([[`${r.target_kind} = 'range'`, r.t_high], [`${r.t} IS NOT NULL`, r.t]], r.high);
    // Distance from a to the range; 0 inside it. A missing bound is no bound.
    const distance = caseWhen([[`${r.a} < ${low}`, `${low} - ${r.a}`], [`${r.a} > ${high}`, `${r.a} - ${high}`]], '0');
    return { low, high, distance, deduction: times(r.step, distance) };
  },
  problems: (r) => [[`${r.a} IS NULL OR ${r.target_kind} = 'text'`, 'not_number']],
  score: (r, d) =>
    caseWhen(
      [
        [`${d.distance} = 0`, r.points],
        [`${r.step} IS NULL`, '0'],
      ],
      clamp(`${r.points} - ${d.deduction}`, '0', r.points),
    ),
  explain: (r, d, lang, score) => {
    const word = (key: string): Sql => text(template(lang, key));
    const bound = (x: Sql): Sql => `CASE WHEN ${x} IS NULL THEN ${word('engine.open')} ELSE ${measured(x, r.measure)} END`;
    const params = {
      low: bound(d.low),
      // A ceiling from a formula shows how it was reached (seed 004: last year's ratio).
      high: `CASE WHEN ${r.target_kind} = 'formula' THEN ${r.target_shown} ELSE ${bound(d.high)} END`,
      actual: r.actual_shown,
      side: `CASE WHEN ${r.a} < ${d.low} THEN ${word('engine.side.below_low')} ELSE ${word('engine.side.above_high')} END`,
      gap: fmt(d.distance),
      gapUnit: r.gap_unit,
      step: fmt(r.step),
      deduction: fmt(d.deduction),
      score: fmt(score),
      points: fmt(r.points),
    };
    return caseWhen(
      [
        [`${d.distance} = 0`, messageSql(lang, 'engine.explain.range_in', params)],
        [`${r.step} IS NULL`, messageSql(lang, 'engine.explain.range_no_step', params)],
        [`${d.deduction} >= ${r.points}`, messageSql(lang, 'engine.explain.range_floor', params)],
      ],
      messageSql(lang, 'engine.explain.range_out', params),
    );
  },
};
