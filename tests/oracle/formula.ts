// Target formulas (docs/data-format.md, targets): `=prev*0.8`, `=population*22/10000`,
// `=if(prev>120, …, …)`, min, max, × ÷ and percent literals. Evaluated exactly: every step is
// kept to 6 decimals and the target to 4, half away from zero; a missing input, or a division by
// zero, leaves the target without a value.
import { bigDivRound } from './decimal';

type Value = bigint | null; // units of 1/1,000,000

const F6 = 1_000_000n;
const LIMIT = 10n ** 18n; // 12 integer digits at 6 decimals

export interface FormulaInputs {
  /** Units of 1/10,000, or null when absent. */
  readonly prev: number | null;
  readonly population: number | null;
}

type Token = { kind: 'num'; value: bigint } | { kind: 'name'; value: string } | { kind: 'op'; value: string };

const OPS = ['>=', '<=', '<>', '≥', '≤', '+', '-', '*', '/', '×', '÷', '(', ')', ',', '>', '<', '='];

function tokenize(text: string): Token[] | null {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^(\d+(?:\.\d+)?|\.\d+)(%?)/.exec(text.slice(i));
    if (num) {
      const [whole = '0', frac = ''] = num[1]!.split('.');
      if (frac.length > 6) return null;
      let v = BigInt(whole || '0') * F6 + BigInt((frac + '000000').slice(0, 6));
      if (num[2]) v = v / 100n;
      out.push({ kind: 'num', value: v });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_\u4e00-\u9fff]+/.exec(text.slice(i));
    if (name) {
      out.push({ kind: 'name', value: name[0].toLowerCase() });
      i += name[0].length;
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i));
    if (!op) return null;
    out.push({ kind: 'op', value: op });
    i += op.length;
  }
  return out;
}

const checked = (v: Value): Value => (v === null || v >= LIMIT || v <= -LIMIT ? null : v);

class Evaluator {
  #at = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly prev: Value,
    private readonly population: Value,
  ) {}

  done(): boolean {
    return this.#at === this.tokens.length;
  }

  #peek(): Token | undefined {
    return this.tokens[this.#at];
  }

  #eat(op: string): boolean {
    const t = this.#peek();
    if (t?.kind === 'op' && t.value === op) {
      this.#at++;
      return true;
    }
    return false;
  }

  #expect(op: string): void {
    if (!this.#eat(op)) throw new Error(`expected ${op}`);
  }

  expr(): Value {
    let v = this.#term();
    for (;;) {
      if (this.#eat('+')) v = this.#combine(v, this.#term(), (a, b) => a + b);
      else if (this.#eat('-')) v = this.#combine(v, this.#term(), (a, b) => a - b);
      else return v;
    }
  }

  #combine(a: Value, b: Value, f: (a: bigint, b: bigint) => bigint | null): Value {
    return a === null || b === null ? null : checked(f(a, b));
  }

  #term(): Value {
    let v = this.#unary();
    for (;;) {
      if (this.#eat('*') || this.#eat('×')) v = this.#combine(v, this.#unary(), (a, b) => bigDivRound(a * b, F6));
      else if (this.#eat('/') || this.#eat('÷')) v = this.#combine(v, this.#unary(), (a, b) => (b === 0n ? null : bigDivRound(a * F6, b)));
      else return v;
    }
  }

  #unary(): Value {
    if (this.#eat('-')) {
      const v = this.#unary();
      return v === null ? null : -v;
    }
    if (this.#eat('+')) return this.#unary();
    return this.#primary();
  }

  #args(): Value[] {
    this.#expect('(');
    const out = [this.expr()];
    while (this.#eat(',')) out.push(this.expr());
    this.#expect(')');
    return out;
  }

  #primary(): Value {
    const t = this.#peek();
    if (!t) throw new Error('value missing');
    if (t.kind === 'num') {
      this.#at++;
      return t.value;
    }
    if (t.kind === 'op' && t.value === '(') {
      this.#at++;
      const v = this.expr();
      this.#expect(')');
      return v;
    }
    if (t.kind !== 'name') throw new Error('value missing');
    this.#at++;
    if (t.value === 'prev' || t.value === '上年') return this.prev;
    if (t.value === 'population' || t.value === '人口') return this.population;
    if (t.value === 'min' || t.value === 'max') {
      const args = this.#args();
      if (args.length < 2 || args.some((a) => a === null)) return null;
      const xs = args as bigint[];
      return xs.reduce((m, x) => (t.value === 'min' ? (x < m ? x : m) : x > m ? x : m));
    }
    if (t.value === 'if') return this.#if();
    throw new Error(`unknown name ${t.value}`);
  }

  #if(): Value {
    this.#expect('(');
    const left = this.expr();
    const op = this.#peek();
    if (op?.kind !== 'op' || !['>', '<', '>=', '<=', '=', '<>', '≥', '≤'].includes(op.value)) throw new Error('comparison missing');
    this.#at++;
    const right = this.expr();
    this.#expect(',');
    const yes = this.expr();
    this.#expect(',');
    const no = this.expr();
    this.#expect(')');
    if (left === null || right === null) return null;
    const holds =
      op.value === '>' ? left > right
      : op.value === '<' ? left < right
      : op.value === '>=' || op.value === '≥' ? left >= right
      : op.value === '<=' || op.value === '≤' ? left <= right
      : op.value === '=' ? left === right
      : left !== right;
    return holds ? yes : no;
  }
}

export type FormulaOutcome = { ok: true; value: number | null } | { ok: false };

/** The target a formula gives, in units of 1/10,000 (null: an input is missing); not ok: it does not parse. */
export function evaluateFormula(formula: string, inputs: FormulaInputs): FormulaOutcome {
  const tokens = tokenize(formula.trim().replace(/^=/, ''));
  if (!tokens || tokens.length === 0) return { ok: false };
  const toF6 = (x: number | null): Value => (x === null ? null : BigInt(x) * 100n);
  const ev = new Evaluator(tokens, toF6(inputs.prev), toF6(inputs.population));
  try {
    const v = ev.expr();
    if (!ev.done()) return { ok: false };
    return { ok: true, value: v === null ? null : Number(bigDivRound(v, 100n)) };
  } catch {
    return { ok: false };
  }
}
