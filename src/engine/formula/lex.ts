// Tokens of a formula, with their 1-based position in the target text (the `=` is position 1).

export type Token =
  | { readonly kind: 'number'; readonly digits: string; readonly percent: boolean; readonly pos: number; readonly text: string }
  | { readonly kind: 'name'; readonly name: string; readonly pos: number; readonly text: string }
  | { readonly kind: 'op'; readonly op: string; readonly pos: number; readonly text: string }
  | { readonly kind: 'end'; readonly pos: number; readonly text: string };

export type LexResult = { ok: true; tokens: Token[] } | { ok: false; pos: number; found: string };

/** Operators as written, and what they mean (× ÷ − ≥ ≤ ≠ survive NFKC, so accept them). */
const OPERATORS: readonly (readonly [string, string])[] = [
  ['>=', '>='],
  ['<=', '<='],
  ['<>', '<>'],
  ['!=', '<>'],
  ['==', '='],
  ['≥', '>='],
  ['≤', '<='],
  ['≠', '<>'],
  ['>', '>'],
  ['<', '<'],
  ['=', '='],
  ['+', '+'],
  ['-', '-'],
  ['−', '-'],
  ['*', '*'],
  ['×', '*'],
  ['/', '/'],
  ['÷', '/'],
  ['(', '('],
  [')', ')'],
  [',', ','],
];

const NUMBER = /^(\d+(?:\.\d+)?|\.\d+)(%?)/;
const NAME = /^[A-Za-z_\u3400-\u9fff][A-Za-z0-9_\u3400-\u9fff]*/;

/** `body` is the text after the leading `=`; positions count the `=` as 1. */
export function lex(body: string): LexResult {
  const tokens: Token[] = [];
  let i = 0;
  while (i < body.length) {
    const rest = body.slice(i);
    const pos = i + 2;
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const n = NUMBER.exec(rest);
    if (n) {
      tokens.push({ kind: 'number', digits: n[1]!, percent: n[2] === '%', pos, text: n[0] });
      i += n[0].length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      tokens.push({ kind: 'name', name: name[0], pos, text: name[0] });
      i += name[0].length;
      continue;
    }
    const op = OPERATORS.find(([written]) => rest.startsWith(written));
    if (!op) return { ok: false, pos, found: String.fromCodePoint(rest.codePointAt(0)!) };
    tokens.push({ kind: 'op', op: op[1], pos, text: op[0] });
    i += op[0].length;
  }
  tokens.push({ kind: 'end', pos: body.length + 2, text: '' });
  return { ok: true, tokens };
}
