// 加分: the bonus claimed for an item in a year, summed over its rows whatever their round and
// clamped to [0, P]; the unit's bonus is capped by `bonus_cap` in totals (亮点工作, seed 001).
import { caseWhen, clamp, fmt } from '../sql';
import { messageSql } from '../template';
import type { Rule } from './types';

type K = 'a' | 'actual_text' | 'points';

export const bonus: Rule<K, never> = {
  code: 'bonus',
  names: ['加分'],
  usesDirection: false,
  flagsMissing: false,
  derive: () => ({}),
  problems: (r) => [[`${r.actual_text} IS NOT NULL AND ${r.a} IS NULL`, 'not_number']],
  score: (r) => `CASE WHEN ${r.a} IS NULL THEN 0 ELSE ${clamp(r.a, '0', r.points)} END`,
  explain: (r, _d, lang, score) => {
    const params = { actual: r.actual_text, score: fmt(score), points: fmt(r.points) };
    return caseWhen(
      [
        [`${r.a} IS NULL`, messageSql(lang, 'engine.explain.bonus_none', params)],
        [`${r.a} = ${score}`, messageSql(lang, 'engine.explain.bonus', params)],
      ],
      messageSql(lang, 'engine.explain.bonus_clamped', params),
    );
  },
};
