// 达标: full points when the target is met, else nothing (seed 000: targets such as 99, 基本正常).
import { caseWhen, norm, type Sql } from '../sql';
import { messageSql } from '../template';
import { actualShown, targetShown } from './display';
import { hasTarget } from './target';
import type { ItemRow, Rule } from './types';

type K = 't' | 't_low' | 't_high' | 'target_kind' | 'target_text' | 'a' | 'actual_text' | 'points' | 'direction' | 'measure' | 'formula' | 'prev' | 'population' | 'uses_prev' | 'uses_population';

/** a meets t: ≥ (≤ when lower), inside a range target, or the same words. */
export const passMet = (r: Pick<ItemRow, K>): Sql =>
  caseWhen(
    [
      [`${r.target_kind} = 'text'`, `${norm(r.actual_text)} = ${norm(r.target_text)}`],
      [`${r.target_kind} = 'range'`, `${r.a} BETWEEN ${r.t_low} AND ${r.t_high}`],
      [`${r.direction} = 'lower'`, `${r.a} <= ${r.t}`],
    ],
    `${r.a} >= ${r.t}`,
  );

export const pass: Rule<K> = {
  code: 'pass',
  names: ['达标'],
  usesDirection: true,
  hasTarget,
  flagsMissing: true,
  problems: (r) => [[`${r.target_kind} <> 'text' AND ${r.a} IS NULL`, 'not_number']],
  score: (r) => `CASE WHEN ${passMet(r)} THEN ${r.points} ELSE 0 END`,
  explain: (r, lang, score) => {
    const params = { target: targetShown(r, lang), actual: actualShown(r), score: `engine_fmt(${score})`, points: `engine_fmt(${r.points})` };
    return `CASE WHEN ${passMet(r)} THEN ${messageSql(lang, 'engine.explain.met', params)} ELSE ${messageSql(lang, 'engine.explain.unmet', params)} END`;
  },
};
