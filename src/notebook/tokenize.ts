// A small SQL tokenizer for DuckDB text: enough to know what is a string, a quoted identifier,
// a comment, a word or a notebook parameter `${name}`, so the guard and the parameter binder
// never look inside a string or a comment. It does not parse; DuckDB does that.

export type TokenType =
  | 'word' //    unquoted identifier or keyword
  | 'quoted' //  "quoted identifier"
  | 'string' //  'text', E'text', $tag$text$tag$
  | 'number'
  | 'param' //   ${name}: a notebook parameter
  | 'positional' // ? or $1: DuckDB's own, which notebook text may not use
  | 'punct' //   ( ) , ; .
  | 'op' //      everything else
  | 'comment'
  | 'space';

export interface Token {
  readonly type: TokenType;
  readonly text: string;
  readonly start: number;
  /** For `word` the upper-cased text, for `quoted` the unquoted name, for `param` the name. */
  readonly value: string;
}

export class TokenizeError extends Error {
  constructor(
    readonly reason: 'unclosed_string' | 'unclosed_quote' | 'unclosed_comment' | 'bad_param',
    readonly at: number,
  ) {
    super(`${reason} at ${at}`);
  }
}

const WORD_START = /[\p{L}_]/u;
const WORD_PART = /[\p{L}\p{N}_$]/u;
const DIGIT = /[0-9]/;
const SPACE = /\s/;
const PUNCT = new Set(['(', ')', ',', ';', '.', '[', ']', '{', '}']);
/** Notebook names: letters (any script), digits, underscore; not starting with a digit. */
export const NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;

function readQuoted(sql: string, i: number, quote: string): number {
  let j = i + 1;
  for (;;) {
    const k = sql.indexOf(quote, j);
    if (k < 0) return -1;
    if (sql[k + 1] === quote) j = k + 2;
    else return k + 1;
  }
}

function readEscapedString(sql: string, i: number): number {
  for (let j = i + 1; j < sql.length; j++) {
    if (sql[j] === '\\') j++;
    else if (sql[j] === "'") {
      if (sql[j + 1] === "'") j++;
      else return j + 1;
    }
  }
  return -1;
}

function readBlockComment(sql: string, i: number): number {
  let depth = 0;
  for (let j = i; j < sql.length - 1; j++) {
    if (sql[j] === '/' && sql[j + 1] === '*') (depth++, j++);
    else if (sql[j] === '*' && sql[j + 1] === '/') {
      depth--;
      j++;
      if (depth === 0) return j + 1;
    }
  }
  return -1;
}

/** `$tag$ … $tag$` (DuckDB/PostgreSQL dollar quoting); returns -1 when `$` does not open one. */
function dollarTag(sql: string, i: number): string | null {
  const m = /^\$([\p{L}_][\p{L}\p{N}_]*)?\$/u.exec(sql.slice(i, i + 64));
  return m ? m[0] : null;
}

export function tokenize(sql: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const push = (type: TokenType, end: number, value?: string) => {
    const text = sql.slice(i, end);
    out.push({ type, text, start: i, value: value ?? text });
    i = end;
  };
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (SPACE.test(c)) {
      let j = i + 1;
      while (j < sql.length && SPACE.test(sql[j]!)) j++;
      push('space', j);
    } else if (c === '-' && next === '-') {
      const k = sql.indexOf('\n', i);
      push('comment', k < 0 ? sql.length : k);
    } else if (c === '/' && next === '*') {
      const end = readBlockComment(sql, i);
      if (end < 0) throw new TokenizeError('unclosed_comment', i);
      push('comment', end);
    } else if (c === "'") {
      const end = readQuoted(sql, i, "'");
      if (end < 0) throw new TokenizeError('unclosed_string', i);
      push('string', end);
    } else if ((c === 'E' || c === 'e') && next === "'") {
      const end = readEscapedString(sql, i + 1);
      if (end < 0) throw new TokenizeError('unclosed_string', i);
      push('string', end);
    } else if (c === '"') {
      const end = readQuoted(sql, i, '"');
      if (end < 0) throw new TokenizeError('unclosed_quote', i);
      push('quoted', end, sql.slice(i + 1, end - 1).replaceAll('""', '"'));
    } else if (c === '$' && next === '{') {
      const close = sql.indexOf('}', i);
      const name = close < 0 ? '' : sql.slice(i + 2, close).trim();
      if (!NAME.test(name)) throw new TokenizeError('bad_param', i);
      push('param', close + 1, name);
    } else if (c === '$' && next !== undefined && DIGIT.test(next)) {
      let j = i + 1;
      while (j < sql.length && DIGIT.test(sql[j]!)) j++;
      push('positional', j);
    } else if (c === '$' && dollarTag(sql, i)) {
      const tag = dollarTag(sql, i)!;
      const k = sql.indexOf(tag, i + tag.length);
      if (k < 0) throw new TokenizeError('unclosed_string', i);
      push('string', k + tag.length);
    } else if (c === '?') {
      push('positional', i + 1);
    } else if (DIGIT.test(c) || (c === '.' && next !== undefined && DIGIT.test(next))) {
      let j = i + 1;
      while (j < sql.length && /[0-9._eE]/.test(sql[j]!)) j++;
      push('number', j);
    } else if (WORD_START.test(c)) {
      let j = i + 1;
      while (j < sql.length && WORD_PART.test(sql[j]!)) j++;
      push('word', j, sql.slice(i, j).toUpperCase());
    } else if (PUNCT.has(c)) {
      push('punct', i + 1);
    } else {
      push('op', i + 1);
    }
  }
  return out;
}

/** Tokens that carry meaning: no spaces, no comments. */
export const significant = (tokens: readonly Token[]): Token[] =>
  tokens.filter((t) => t.type !== 'space' && t.type !== 'comment');
