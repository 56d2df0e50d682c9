// compileScoring: pure, ordered, readable statements; user text never becomes SQL text.
import { describe, expect, it } from 'vitest';
import { compileScoring } from '../../../src/engine';
import { RESULT_NAMES } from '../../../src/engine/compile';

const HOSTILE = ["=1'; DROP TABLE results; --", "=prev*0.8 /* ' */", '=prev*0.80'];

describe('compileScoring', () => {
  it('is pure: the same options give the same statements', () => {
    expect(compileScoring({ lang: 'zh-CN', formulas: HOSTILE })).toEqual(compileScoring({ lang: 'zh-CN', formulas: HOSTILE }));
  });

  it('creates macros, the input seam, then the views in dependency order, each once', () => {
    const names = compileScoring({ lang: 'en' }).statements.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    const at = (n: string) => names.indexOf(n);
    expect(names.slice(at('engine_units'), at('engine_units') + 6)).toEqual([
      'engine_units',
      'engine_rubric',
      'engine_targets',
      'engine_results',
      'engine_vetoes',
      'engine_settings',
    ]);
    for (const [before, after] of [
      ['engine_fmt', 'engine_units'],
      ['engine_config', 'engine_rounds'],
      ['engine_plan', 'engine_items'],
      ['engine_formulas', 'engine_prepared'],
      ['engine_items', 'engine_prepared'],
      ['engine_prepared', 'engine_scores'],
      ['engine_scores', 'scores'],
      ['engine_scores', 'totals'],
      ['engine_listed_vetoes', 'totals'],
    ] as const) {
      expect(at(before), `${before} before ${after}`).toBeLessThan(at(after));
    }
    expect(names).toEqual(expect.arrayContaining(['scores', 'round_totals', 'totals', 'scoring_notes']));
  });

  it('every statement creates something, one statement each', () => {
    for (const s of compileScoring({ lang: 'zh-CN' }).statements) {
      expect(s.sql).toMatch(/^CREATE OR REPLACE (VIEW|TABLE|MACRO) /);
      expect(s.sql.includes(`${s.name}`)).toBe(true);
    }
  });

  it('the results are tables in main (computed once per apply) and views in a scenario schema', () => {
    const kindOf = (opts: Parameters<typeof compileScoring>[0], name: string) =>
      /^CREATE OR REPLACE (VIEW|TABLE) /.exec(compileScoring(opts).statements.filter((s) => s.name === name).at(-1)!.sql)?.[1];
    for (const name of RESULT_NAMES) {
      expect(kindOf({ lang: 'zh-CN' }, name), name).toBe('TABLE');
      expect(kindOf({ lang: 'zh-CN', schema: 'scenario' }, name), name).toBe('VIEW');
    }
    const totals = compileScoring({ lang: 'zh-CN' }).statements.find((s) => s.name === 'totals')!.sql;
    expect(totals).toContain('FROM engine_scored');
    expect(totals).not.toContain('engine_scores');
    // The sentences are written when `scores` is read, from the stored item, never stored.
    expect(kindOf({ lang: 'zh-CN' }, 'scores')).toBe('VIEW');
    expect(compileScoring({ lang: 'zh-CN' }).statements.find((s) => s.name === 'scores')!.sql).toContain('FROM engine_scored s');
  });

  it('formula text never reaches the SQL: only numbers re-written from the parsed tree', () => {
    const { statements, formulas } = compileScoring({ lang: 'zh-CN', formulas: HOSTILE });
    const sql = statements.map((s) => s.sql).join('\n');
    expect(sql).not.toContain('DROP TABLE');
    expect(sql).not.toContain('/*');
    expect(sql).not.toContain('0.80');
    expect(formulas.map((f) => f.error === null)).toEqual([false, false, true]);
    expect(sql).toContain('WHEN f.id = 3 THEN CAST(engine_f6(engine_f6(prev) * engine_f6(0.8)) AS DECIMAL(18,4))');
  });

  it('sentences are compiled in the language asked for', () => {
    const zh = compileScoring({ lang: 'zh-CN' }).statements.find((s) => s.name === 'scores')!.sql;
    const en = compileScoring({ lang: 'en' }).statements.find((s) => s.name === 'scores')!.sql;
    expect(zh).toContain("'缺报：'");
    expect(en).toContain("'missing: no result in '");
    expect(en).not.toContain('缺报');
  });
});
