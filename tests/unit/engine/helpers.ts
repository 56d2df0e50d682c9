// Shared test plumbing: one in-process duckdb-wasm with the engine's macros, and a way to run a
// rule's SQL over a small VALUES table shaped like the prepared per-item row.
import { literal } from '../../../src/db/sql';
import { openNodeDatabase } from '../../../src/db/node';
import { toRows, type Row } from '../../../src/db/rows';
import type { Database } from '../../../src/db/types';
import type { Lang } from '../../../src/i18n/types';
import { MACROS } from '../../../src/engine/macros';
import { text } from '../../../src/engine/sql';
import { flagSql, preparedColumns, scoreSql } from '../../../src/engine/rules/compose';
import { ROW, type Rule } from '../../../src/engine/rules/types';
import { explanationSql } from '../../../src/engine/views/explain';

let shared: Promise<Database> | undefined;

/** One database for the whole test file, with the engine's macros. */
export function macroDb(): Promise<Database> {
  shared ??= (async () => {
    const db = await openNodeDatabase();
    for (const m of MACROS) await db.exec(m.sql);
    return db;
  })();
  return shared;
}

export async function rows(db: Database, sql: string): Promise<Row[]> {
  return toRows(await db.query(sql));
}

type Value = string | number | boolean | null;

/** One prepared row; numbers as text keep their exact decimals. */
export interface Item {
  t?: string | null;
  t_low?: string | null;
  t_high?: string | null;
  target_kind?: string | null;
  target_text?: string | null;
  a?: string | null;
  actual_text?: string | null;
  points?: string;
  step?: string | null;
  low?: string | null;
  high?: string | null;
  direction?: string | null;
  level_weight?: string | null;
  levels?: string | null;
  measure?: string;
  formula?: string | null;
  prev?: string | null;
  population?: string | null;
  uses_prev?: boolean;
  uses_population?: boolean;
  formula_error?: string | null;
  formula_position?: number | null;
  variants?: number;
  round?: string;
  rule_text?: string | null;
  direction_text?: string | null;
  result_source?: string | null;
  result_row?: number | null;
}

const DECIMALS = ['t', 't_low', 't_high', 'a', 'points', 'step', 'low', 'high', 'level_weight', 'prev', 'population'];
const BOOLEANS = ['uses_prev', 'uses_population'];
const INTEGERS = ['variants', 'formula_position', 'result_row'];

function withDefaults(i: Item): Required<Item> {
  const numeric = (x: string | null | undefined) => (x != null && /^-?\d+(\.\d+)?$/.test(x) ? x : null);
  const t = i.t ?? null;
  const a = i.a ?? null;
  return {
    t: numeric(t),
    t_low: i.t_low ?? null,
    t_high: i.t_high ?? null,
    target_kind: i.target_kind !== undefined ? i.target_kind : t === null ? null : numeric(t) ? 'number' : 'text',
    target_text: i.target_text !== undefined ? i.target_text : t,
    a: numeric(a),
    actual_text: i.actual_text !== undefined ? i.actual_text : a,
    points: i.points ?? '20',
    step: i.step ?? null,
    low: i.low ?? null,
    high: i.high ?? null,
    direction: i.direction !== undefined ? i.direction : 'higher',
    level_weight: i.level_weight ?? null,
    levels: i.levels ?? null,
    measure: i.measure ?? '',
    formula: i.formula ?? null,
    prev: i.prev ?? null,
    population: i.population ?? null,
    uses_prev: i.uses_prev ?? false,
    uses_population: i.uses_population ?? false,
    formula_error: i.formula_error ?? null,
    formula_position: i.formula_position ?? null,
    variants: i.variants ?? 1,
    round: i.round ?? '年终',
    rule_text: i.rule_text ?? null,
    direction_text: i.direction_text ?? null,
    result_source: i.result_source ?? null,
    result_row: i.result_row ?? null,
  };
}

function sqlValue(column: string, v: Value): string {
  if (DECIMALS.includes(column)) return `CAST(${v === null ? 'NULL' : literal(String(v))} AS DECIMAL(18,4))`;
  if (BOOLEANS.includes(column)) return v ? 'true' : 'false';
  if (INTEGERS.includes(column)) return `CAST(${v === null ? 'NULL' : String(v)} AS INTEGER)`;
  return v === null ? 'CAST(NULL AS VARCHAR)' : literal(String(v));
}

/** SQL of a VALUES table holding the items, with an `n` column keeping their order. */
export function itemsTable(items: readonly Item[]): string {
  const full = items.map(withDefaults);
  const columns = Object.keys(full[0]!);
  const values = full.map(
    (row, n) => `(${n}, ${columns.map((c) => sqlValue(c, (row as Record<string, Value>)[c] ?? null)).join(', ')})`,
  );
  return `(VALUES ${values.join(',\n ')}) AS v(n, ${columns.join(', ')})`;
}

export interface Scored {
  flag: string | null;
  score: number | null;
  explanation: string | null;
}

/** Runs `rule` as the engine composes it (flag, score, sentence) over the items. */
export async function score(rule: Rule, items: readonly Item[], lang: Lang = 'zh-CN'): Promise<Scored[]> {
  const db = await macroDb();
  const r = { ...ROW, rule_code: 'rule_code', round: 'round', rule_text: 'rule_text', direction_text: 'direction_text', formula_position: 'formula_position', result_source: 'result_source', result_row: 'result_row', formula_error: 'formula_error', variants: 'variants' };
  const prepared = preparedColumns([rule], ROW, lang).map(([name, sql]) => `${sql} AS ${name}`);
  const sql = `SELECT n, flag, score, ${explanationSql(lang, [rule], r, 'flag', 'score')} AS explanation
    FROM (SELECT *, ${scoreSql([rule], r, 'flag')} AS score
      FROM (SELECT *, ${flagSql([rule], r)} AS flag
        FROM (SELECT *, ${prepared.join(', ')} FROM (SELECT *, ${text(rule.code)} AS rule_code FROM ${itemsTable(items)}))))
    ORDER BY n`;
  return (await rows(db, sql)).map((x) => ({
    flag: x['flag'] as string | null,
    score: x['score'] as number | null,
    explanation: x['explanation'] as string | null,
  }));
}
