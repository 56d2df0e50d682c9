// 比例: P × min(1, a / t), or P × min(1, t / a) when lower is better (P when a = 0).
// Quotas split by unit: 孕前优生健康检查人数 300 pairs = 60+20+30+30+15+15+15+25+65+25 (seed 000).
import { caseWhen, clamp, fmt, mulDiv4, type Sql } from '../sql';
import { messageSql } from '../template';
import { actualShown, targetShown } from './display';
import { bothNumbers, hasTarget } from './target';
import type { ItemRow, Rule } from './types';

type K = 't' | 'target_kind' | 'target_text' | 't_low' | 't_high' | 'a' | 'actual_text' | 'points' | 'direction' | 'measure' | 'formula' | 'prev' | 'population' | 'uses_prev' | 'uses_population';

const lower = (r: Pick<ItemRow, 'direction'>): Sql => `${r.direction} = 'lower'`;

/** A target of 0 or less cannot be divided by: met or not, all or nothing. */
const degenerate = (r: Pick<ItemRow, K>): Sql => `CASE WHEN ${lower(r)} THEN ${r.a} <= 0 ELSE ${r.t} <= 0 END`;

const met = (r: Pick<ItemRow, K>): Sql => `CASE WHEN ${lower(r)} THEN ${r.a} <= ${r.t} ELSE ${r.a} >= ${r.t} END`;

export const ratio: Rule<K> = {
  code: 'ratio',
  names: ['比例'],
  usesDirection: true,
  hasTarget,
  flagsMissing: true,
  problems: (r) => [[`NOT ${bothNumbers(r)}`, 'not_number']],
  score: (r) =>
    caseWhen(
      [
        [`${lower(r)} AND ${r.a} <= 0`, r.points],
        [`${degenerate(r)}`, `CASE WHEN ${met(r)} THEN ${r.points} ELSE 0 END`],
        [lower(r), clamp(mulDiv4(r.points, r.t, r.a), '0', r.points)],
      ],
      clamp(mulDiv4(r.points, r.a, r.t), '0', r.points),
    ),
  explain: (r, lang, score) => {
    const params = {
      target: targetShown(r, lang),
      actual: actualShown(r),
      percent: fmt(`CASE WHEN ${lower(r)} THEN ${mulDiv4('100', r.t, r.a)} ELSE ${mulDiv4('100', r.a, r.t)} END`),
      score: fmt(score),
      points: fmt(r.points),
    };
    return caseWhen(
      [
        [`(${lower(r)} AND ${r.a} <= 0) OR (${degenerate(r)} AND ${met(r)})`, messageSql(lang, 'engine.explain.met', params)],
        [degenerate(r), messageSql(lang, 'engine.explain.unmet', params)],
        [lower(r), messageSql(lang, 'engine.explain.ratio_lower', params)],
      ],
      messageSql(lang, 'engine.explain.ratio', params),
    );
  },
};
