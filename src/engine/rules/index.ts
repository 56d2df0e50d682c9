// The rule registry: which module scores a rubric row, read from its `rule` and `direction` text.
import { caseWhen, norm, text, type Sql } from '../sql';
import { bonus } from './bonus';
import { deduct } from './deduct';
import { level } from './level';
import { manual } from './manual';
import { pass } from './pass';
import { range } from './range';
import { ratio } from './ratio';
import type { Rule, RuleCode } from './types';

export const RULES: readonly Rule[] = [pass, deduct, ratio, range, level, manual, bonus] as readonly Rule[];

export const RULE_CODES: readonly RuleCode[] = RULES.map((r) => r.code);

/** Rules that measure a target: a shortfall in one of them counts for 末位否决 (seed 003, 麻城). */
export const TARGET_RULES: readonly RuleCode[] = ['pass', 'deduct', 'ratio', 'range', 'level'];

/** A rubric row without a rule is scored by the inspectors: seed 001's rubric names no rule. */
export const DEFAULT_RULE: RuleCode = 'manual';

export const DIRECTION_NAMES = {
  higher: ['higher', '越高越好'],
  lower: ['lower', '越低越好'],
} as const;

const key = (column: Sql): Sql => `lower(${norm(`coalesce(${column}, '')`)})`;

/** The rule's code from the rubric's text, NULL when it names no rule of ours. */
export function ruleCodeSql(column: Sql): Sql {
  const arms: [Sql, Sql][] = [[`${key(column)} = ''`, text(DEFAULT_RULE)]];
  for (const r of RULES) {
    const names = [r.code, ...r.names].map((n) => text(n.toLowerCase()));
    arms.push([`${key(column)} IN (${names.join(', ')})`, text(r.code)]);
  }
  return caseWhen(arms);
}

/** 'higher' (also when blank) or 'lower'; NULL when the text is neither. */
export function directionSql(column: Sql): Sql {
  const names = (list: readonly string[]) => list.map((n) => text(n.toLowerCase())).join(', ');
  return caseWhen([
    [`${key(column)} IN ('', ${names(DIRECTION_NAMES.higher)})`, text('higher')],
    [`${key(column)} IN (${names(DIRECTION_NAMES.lower)})`, text('lower')],
  ]);
}

export { bonus, deduct, level, manual, pass, range, ratio };
export type { Rule, RuleCode };
