// `${name}` in a sql cell becomes a `?` and the input's value a bound parameter:
// a value never becomes SQL text, whatever it holds.
import type { Param } from '../db/types';
import type { Message } from '../i18n/types';
import type { Token } from './tokenize';

export interface BoundSql {
  readonly sql: string;
  readonly params: readonly Param[];
}

export type BindResult = ({ readonly ok: true } & BoundSql) | { readonly ok: false; readonly error: Message };

/** The parameter names a cell's tokens refer to, in order of first use. */
export function paramNames(tokens: readonly Token[]): string[] {
  return [...new Set(tokens.filter((t) => t.type === 'param').map((t) => t.value))];
}

/** Rewrites every `${name}` to `?` and collects the values (keyed by lower-cased name) in the order of the `?`s. */
export function bindParams(tokens: readonly Token[], values: ReadonlyMap<string, Param>): BindResult {
  const params: Param[] = [];
  let sql = '';
  for (const t of tokens) {
    if (t.type !== 'param') {
      sql += t.text;
      continue;
    }
    const key = t.value.toLowerCase();
    if (!values.has(key)) return { ok: false, error: { key: 'nb.param.unknown', params: { name: t.value } } };
    params.push(values.get(key)!);
    sql += '?';
  }
  return { ok: true, sql, params };
}
