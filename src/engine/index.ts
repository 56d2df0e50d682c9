// The scoring engine (issue 3): the rubric as data, compiled to SQL views over the loaded tables.
// Plain TypeScript, no DOM: the app, the command line and the tests run exactly this.
export { applyScoring, formulaParams, type ApplyOptions } from './apply';
export { compileScoring, type CompiledScoring, type ScoringOptions } from './compile';
export { FLAGS, type FlagCode } from './flags';
export { compileFormulas, parseFormula, type CompiledFormula, type FormulaError } from './formula';
export { engineMessages } from './messages';
export { RULE_CODES, type RuleCode } from './rules';
export type { Statement } from './statement';
export { renderMessage } from './template';
export { INPUT_TABLES, inputView, type InputQueries } from './views/inputs';
export { NOTE_CODES } from './views/notes';
export { SCORE_COLUMNS } from './views/scores';
export { TOTAL_COLUMNS } from './views/totals';
export { FORMULA_INSERT } from './views/values';
