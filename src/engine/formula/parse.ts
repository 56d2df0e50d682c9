// A small recursive-descent parser for target formulas (issue 3):
//   formula := '=' sum
//   sum     := product (('+' | '-') product)*
//   product := unary (('*' | '/') unary)*
//   unary   := '-' unary | atom
//   atom    := number '%'? | prev | 上年 | population | 人口 | '(' sum ')'
//            | (min | max) '(' sum (',' sum)+ ')' | if '(' sum cmp sum ',' sum ',' sum ')'
import type { Message } from '../../i18n/types';
import { FUNCTIONS, VARIABLES, type CompareOp, type Condition, type Expr } from './ast';
import { lex, type Token } from './lex';

export interface FormulaError {
  /** 1-based character position in the target text, `=` included. */
  readonly position: number;
  readonly message: Message;
}

export type Parsed =
  | { readonly ok: true; readonly expr: Expr; readonly uses: { readonly prev: boolean; readonly population: boolean } }
  | { readonly ok: false; readonly error: FormulaError };

const MAX_DEPTH = 40;
const MAX_INTEGER_DIGITS = 12;
const MAX_DECIMALS = 6;
const COMPARISONS: readonly string[] = ['<', '<=', '>', '>=', '=', '<>'];

class Failure extends Error {
  constructor(readonly error: FormulaError) {
    super(error.message.key);
  }
}

const fail = (position: number, reason: string, params: Record<string, string> = {}): never => {
  throw new Failure({ position, message: { key: `engine.formula.${reason}`, params } });
};

/** Digits as canonical decimal text: `080.50` → `80.5`, `.5` → `0.5`; `%` moves the point two places. */
export function canonicalNumber(digits: string, percent: boolean): string {
  let [int = '', frac = ''] = digits.split('.');
  if (percent) {
    int = int.padStart(3, '0');
    frac = int.slice(-2) + frac;
    int = int.slice(0, -2);
  }
  int = int.replace(/^0+/, '') || '0';
  frac = frac.replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}

class Parser {
  private at = 0;
  private depth = 0;
  readonly uses = { prev: false, population: false };

  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token {
    return this.tokens[this.at]!;
  }

  private next(): Token {
    return this.tokens[this.at++]!;
  }

  private isOp(op: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.op === op;
  }

  private expect(op: string): void {
    if (!this.isOp(op)) fail(this.peek().pos, 'expected', { expected: op });
    this.at++;
  }

  formula(): Expr {
    const e = this.sum();
    const t = this.peek();
    if (t.kind !== 'end') fail(t.pos, 'trailing', { found: t.text });
    return e;
  }

  private sum(): Expr {
    if (++this.depth > MAX_DEPTH) fail(this.peek().pos, 'too_deep');
    let left = this.product();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.next() as { op: '+' | '-' }).op;
      left = { kind: 'binary', op, left, right: this.product() };
    }
    this.depth--;
    return left;
  }

  private product(): Expr {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/')) {
      const op = (this.next() as { op: '*' | '/' }).op;
      left = { kind: 'binary', op, left, right: this.unary() };
    }
    return left;
  }

  private unary(): Expr {
    if (this.isOp('-')) {
      this.at++;
      if (++this.depth > MAX_DEPTH) fail(this.peek().pos, 'too_deep');
      const arg = this.unary();
      this.depth--;
      return { kind: 'neg', arg };
    }
    return this.atom();
  }

  private atom(): Expr {
    const t = this.next();
    if (t.kind === 'number') return this.number(t);
    if (t.kind === 'op' && t.op === '(') {
      const e = this.sum();
      this.expect(')');
      return e;
    }
    if (t.kind !== 'name') return fail(t.pos, 'expected_value');
    const name = t.name.toLowerCase();
    const variable = VARIABLES[name] ?? VARIABLES[t.name];
    if (variable && !this.isOp('(')) {
      this.uses[variable] = true;
      return { kind: 'var', name: variable };
    }
    if (!(FUNCTIONS as readonly string[]).includes(name) || !this.isOp('(')) return fail(t.pos, 'unknown_name', { found: t.text });
    this.at++;
    return name === 'if' ? this.conditional() : this.call(name as 'min' | 'max', t);
  }

  private number(t: Extract<Token, { kind: 'number' }>): Expr {
    const value = canonicalNumber(t.digits, t.percent);
    const [int = '', frac = ''] = value.split('.');
    if (int.length > MAX_INTEGER_DIGITS || frac.length > MAX_DECIMALS) fail(t.pos, 'number_too_long', { found: t.text });
    return { kind: 'number', value };
  }

  private call(fn: 'min' | 'max', t: Token): Expr {
    const args = [this.sum()];
    while (this.isOp(',')) {
      this.at++;
      args.push(this.sum());
    }
    if (args.length < 2) fail(t.pos, 'arity', { name: fn });
    this.expect(')');
    return { kind: 'call', fn, args };
  }

  private conditional(): Expr {
    const cond = this.condition();
    this.expect(',');
    const then = this.sum();
    this.expect(',');
    const otherwise = this.sum();
    this.expect(')');
    return { kind: 'if', cond, then, else: otherwise };
  }

  private condition(): Condition {
    const left = this.sum();
    const t = this.peek();
    if (t.kind !== 'op' || !COMPARISONS.includes(t.op)) return fail(t.pos, 'expected_comparison');
    this.at++;
    return { op: t.op as CompareOp, left, right: this.sum() };
  }
}

/** Parses a target formula, `=` first. Never throws: a bad formula is an error with its position. */
export function parseFormula(formula: string): Parsed {
  if (!formula.startsWith('=')) return { ok: false, error: { position: 1, message: { key: 'engine.formula.expected', params: { expected: '=' } } } };
  const lexed = lex(formula.slice(1));
  if (!lexed.ok) {
    return { ok: false, error: { position: lexed.pos, message: { key: 'engine.formula.unexpected_char', params: { found: lexed.found } } } };
  }
  const parser = new Parser(lexed.tokens);
  try {
    const expr = parser.formula();
    return { ok: true, expr, uses: { ...parser.uses } };
  } catch (e) {
    if (e instanceof Failure) return { ok: false, error: e.error };
    throw e;
  }
}
