// How targets, actuals and gaps read inside explanations.
import type { Lang } from '../../i18n/types';
import { caseWhen, concat, dec, fmt, text, type Sql } from '../sql';
import { messageSql, template } from '../template';
import type { ItemRow } from './types';

type Shown = Pick<
  ItemRow,
  't' | 't_low' | 't_high' | 'target_kind' | 'target_text' | 'measure' | 'formula' | 'prev' | 'population' | 'uses_prev' | 'uses_population'
>;

/** A number with the indicator's measure: `99%`, `8‰`, `60`. */
export const measured = (x: Sql, measure: Sql): Sql => concat([fmt(x), measure]);

export function targetShown(r: Shown, lang: Lang): Sql {
  const inputs = concat([
    `CASE WHEN ${r.uses_prev} THEN ${messageSql(lang, 'engine.target.prev', { prev: fmt(r.prev) })} END`,
    `CASE WHEN ${r.uses_population} THEN ${messageSql(lang, 'engine.target.population', { population: fmt(r.population) })} END`,
  ]);
  return caseWhen(
    [
      [`${r.target_kind} = 'formula'`, messageSql(lang, 'engine.target.formula', { value: measured(r.t, r.measure), formula: r.formula, inputs })],
      [`${r.target_kind} = 'range'`, concat([fmt(r.t_low), text('–'), fmt(r.t_high), r.measure])],
      [`${r.target_kind} = 'number'`, measured(r.t, r.measure)],
    ],
    r.target_text,
  );
}

export const actualShown = (r: Pick<ItemRow, 'a' | 'actual_text' | 'measure'>): Sql =>
  `CASE WHEN ${r.a} IS NOT NULL THEN ${measured(r.a, r.measure)} ELSE ${r.actual_text} END`;

/** ` 个百分点` after a gap in percent, ` 个千分点` in per mille, nothing otherwise. */
export const gapUnit = (measure: Sql, lang: Lang): Sql =>
  caseWhen(
    (['%', '‰'] as const).map((m) => [`${measure} = ${text(m)}`, text(template(lang, `engine.gap.${m}`))] as const),
    text(template(lang, 'engine.gap.')),
  );

/** DECIMAL(18,4) result of a rule, NULL kept. */
export const score4 = (x: Sql): Sql => dec(x);

/** points × x without overflowing DECIMAL(18): DuckDB keeps 18 digits when both sides are narrow. */
export const times = (x: Sql, y: Sql): Sql => `(CAST(${x} AS DECIMAL(38,4)) * ${y})`;
