import { describe, expect, it } from 'vitest';
import { bindParams, paramNames } from '../../../src/notebook/params';
import { tokenize } from '../../../src/notebook/tokenize';

describe('parameter binding', () => {
  it('turns each ${name} outside strings and comments into ? and binds its value', () => {
    const tokens = tokenize("SELECT '${year}' AS s, ${year} AS y -- ${unit}\nWHERE (${unit} IS NULL OR unit = ${unit})");
    expect(paramNames(tokens)).toEqual(['year', 'unit']);
    const r = bindParams(tokens, new Map<string, string | number | null>([['year', 2019], ['unit', "春江镇'; DROP TABLE units; --"]]));
    expect(r).toEqual({
      ok: true,
      sql: "SELECT '${year}' AS s, ? AS y -- ${unit}\nWHERE (? IS NULL OR unit = ?)",
      params: [2019, "春江镇'; DROP TABLE units; --", "春江镇'; DROP TABLE units; --"],
    });
  });

  it('says which parameter no input provides', () => {
    expect(bindParams(tokenize('SELECT ${nope}'), new Map())).toEqual({ ok: false, error: { key: 'nb.param.unknown', params: { name: 'nope' } } });
  });
});
