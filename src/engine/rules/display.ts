// How targets, actuals and gaps read inside explanations; computed once per row (views/values.ts).
import type { Lang } from '../../i18n/types';
import { caseWhen, concat, fmt, text, type Sql } from '../sql';
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

/** The display columns of the prepared row. */
export const displayColumns = (r: ItemRow, lang: Lang): readonly (readonly [string, Sql])[] => [
  ['target_shown', targetShown(r, lang)],
  ['actual_shown', actualShown(r)],
  ['gap_unit', gapUnit(r.measure, lang)],
];

/** x × y without overflowing: DuckDB keeps DECIMAL(18) × DECIMAL(18) at 18 digits. */
export const times = (x: Sql, y: Sql): Sql => `(CAST(${x} AS DECIMAL(38,4)) * ${y})`;
