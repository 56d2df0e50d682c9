// 比例: P × min(1, a / t), or P × min(1, t / a) when lower is better (P when a = 0).
// Quotas split by unit: 孕前优生健康检查人数 300 pairs = 60+20+30+30+15+15+15+25+65+25 (seed 000).
import { caseWhen, clamp, fmt, mulDiv4 } from '../sql';
import { messageSql } from '../template';
import { bothNumbers, hasTarget } from './target';
import type { Rule } from './types';

type K = 't' | 'target_kind' | 'a' | 'points' | 'direction' | 'target_shown' | 'actual_shown';

export const ratio: Rule<K, 'full' | 'met' | 'degenerate' | 'share' | 'percent'> = {
  code: 'ratio',
  names: ['比例'],
  usesDirection: true,
  hasTarget,
  flagsMissing: true,
  derive: (r) => {
    const lower = `${r.direction} = 'lower'`;
    return {
      // Lower is better and nothing happened: full points.
      full: `(${lower} AND ${r.a} <= 0)`,
      met: `CASE WHEN ${lower} THEN ${r.a} <= ${r.t} ELSE ${r.a} >= ${r.t} END`,
      // Cannot divide by a target of 0 or less: met or not, all or nothing.
      degenerate: `CASE WHEN ${lower} THEN ${r.a} <= 0 ELSE ${r.t} <= 0 END`,
      share: `CASE WHEN ${lower} THEN ${mulDiv4(r.points, r.t, r.a)} ELSE ${mulDiv4(r.points, r.a, r.t)} END`,
      percent: `CASE WHEN ${lower} THEN ${mulDiv4('100', r.t, r.a)} ELSE ${mulDiv4('100', r.a, r.t)} END`,
    };
  },
  problems: (r) => [[`NOT ${bothNumbers(r)}`, 'not_number']],
  score: (r, d) =>
    caseWhen(
      [
        [d.full, r.points],
        [d.degenerate, `CASE WHEN ${d.met} THEN ${r.points} ELSE 0 END`],
      ],
      clamp(d.share, '0', r.points),
    ),
  explain: (r, d, lang, score) => {
    const params = { target: r.target_shown, actual: r.actual_shown, percent: fmt(d.percent), score: fmt(score), points: fmt(r.points) };
    return caseWhen(
      [
        [`${d.full} OR (${d.degenerate} AND ${d.met})`, messageSql(lang, 'engine.explain.met', params)],
        [d.degenerate, messageSql(lang, 'engine.explain.unmet', params)],
        [`${r.direction} = 'lower' AND ${d.percent} > 100`, messageSql(lang, 'engine.explain.ratio_lower_full', params)],
        [`${r.direction} = 'lower'`, messageSql(lang, 'engine.explain.ratio_lower', params)],
        [`${d.percent} > 100`, messageSql(lang, 'engine.explain.ratio_full', params)],
      ],
      messageSql(lang, 'engine.explain.ratio', params),
    );
  },
};
