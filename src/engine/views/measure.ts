// The measure an indicator's numbers are read in, from its name: for display only.
import { caseWhen } from '../sql';

/** Rates read as percent, births and deaths per mille (seed 004: 人口出生率 8‰), else no sign. */
export const MEASURE_SQL = caseWhen(
  [
    [`regexp_matches(indicator, '(出生|死亡|自然增长)率|‰')`, `'‰'`],
    [`regexp_matches(indicator, '率|%')`, `'%'`],
  ],
  `''`,
);
