// The whole scoring as SQL: macros, the input seam, settings, plan, items, scores and totals,
// in the order they must be created. Pure: the same options give the same statements.
import type { Lang } from '../i18n/types';
import { compileFormulas, type CompiledFormula } from './formula';
import { MACROS } from './macros';
import { text } from './sql';
import type { Statement } from './statement';
import { template } from './template';
import { inputViews, type InputQueries } from './views/inputs';
import { itemViews } from './views/items';
import { noteViews } from './views/notes';
import { planViews } from './views/plan';
import { scoreViews } from './views/scores';
import { settingsViews } from './views/settings';
import { listedVetoesView, totalViews } from './views/totals';
import { FORMULA_TABLE, preparedView } from './views/values';

export interface ScoringOptions {
  readonly lang: Lang;
  /** The distinct formula targets (`=…`) in the data; each is parsed and compiled once. */
  readonly formulas?: readonly string[];
  /** The effective rows of each input table (views/inputs.ts); by default the loaded tables. */
  readonly inputs?: InputQueries;
}

export interface CompiledScoring {
  readonly statements: readonly Statement[];
  readonly formulas: readonly CompiledFormula[];
}

export function compileScoring(opts: ScoringOptions): CompiledScoring {
  const formulas = compileFormulas(opts.formulas ?? []);
  const notCompiled = text(template(opts.lang, 'engine.formula.not_compiled'));
  const statements = [
    ...MACROS,
    ...inputViews(opts.inputs),
    FORMULA_TABLE,
    ...settingsViews(),
    ...planViews(),
    ...itemViews(),
    preparedView(formulas, notCompiled, opts.lang),
    ...scoreViews(opts.lang),
    listedVetoesView(opts.lang),
    ...totalViews(opts.lang),
    ...noteViews(opts.lang),
  ];
  return { statements, formulas };
}
