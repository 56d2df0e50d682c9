/** A target formula as a tree: what `=if(prev>120, 107+(prev-107)*0.88, 107)` means. */
export type Expr =
  | { readonly kind: 'number'; readonly value: string } // canonical decimal text, e.g. `0.88`
  | { readonly kind: 'var'; readonly name: Variable }
  | { readonly kind: 'neg'; readonly arg: Expr }
  | { readonly kind: 'binary'; readonly op: '+' | '-' | '*' | '/'; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'call'; readonly fn: 'min' | 'max'; readonly args: readonly Expr[] }
  | { readonly kind: 'if'; readonly cond: Condition; readonly then: Expr; readonly else: Expr };

export type Variable = 'prev' | 'population';

export type CompareOp = '<' | '<=' | '>' | '>=' | '=' | '<>';

export interface Condition {
  readonly op: CompareOp;
  readonly left: Expr;
  readonly right: Expr;
}

/** The names a formula may use and what they mean (issue 3); ASCII names in any case. */
export const VARIABLES: Readonly<Record<string, Variable>> = {
  prev: 'prev', // the same unit's and indicator's actual last year
  上年: 'prev',
  population: 'population', // the unit's, from the units table (per-capita targets, seed 004)
  人口: 'population',
};

export const FUNCTIONS = ['min', 'max', 'if'] as const;
