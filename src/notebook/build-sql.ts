// The SQL the notebook runs around the user's queries. User text arrives here only after the
// guard has accepted it as one read-only query with balanced parentheses, so wrapping it as a
// subquery keeps it a query; names are quoted with `ident`, values are always parameters.
import { ident } from '../db/sql';
import type { Param } from '../db/types';
import type { ChartSpec } from './specs';
import { chartColumns } from './specs';

export interface Query {
  readonly sql: string;
  readonly params: readonly Param[];
}

/** A chart draws at most this many rows; a view that needs more pages or aggregates. */
export const CHART_ROW_CAP = 5000;
export const DEFAULT_PAGE_SIZE = 25;
/** A select input offers at most this many choices. */
export const OPTION_CAP = 2000;

/** A sql cell's result as the relation `name`: a temp table, so parameters can shape it. */
export function buildMaterialiseSql(name: string, body: string): string {
  return `CREATE OR REPLACE TEMP TABLE ${ident(name)} AS SELECT * FROM (\n${body}\n) AS "__cell"`;
}

export const buildDropSql = (name: string): string => `DROP TABLE IF EXISTS temp.main.${ident(name)}`;

export const buildCountSql = (name: string): string => `SELECT count(*) AS "n" FROM ${ident(name)}`;

export interface Sort {
  readonly column: string;
  readonly descending: boolean;
}

/** One window of a result table, sorted in DuckDB so only the visible rows travel. */
export function buildPageSql(name: string, sort: Sort | null, offset: number, limit: number): Query {
  const order = sort ? ` ORDER BY ${ident(sort.column)} ${sort.descending ? 'DESC' : 'ASC'} NULLS LAST` : '';
  return {
    sql: `SELECT * FROM ${ident(name)}${order} LIMIT ? OFFSET ?`,
    params: [Math.max(0, Math.floor(limit)), Math.max(0, Math.floor(offset))],
  };
}

/** A select input's choices: first column the value, second (if any) the label. */
export function buildOptionsSql(body: string): string {
  return `SELECT * FROM (\n${body}\n) AS "__options" LIMIT ${OPTION_CAP}`;
}

export interface ChartPageRequest {
  readonly index: number;
  readonly ascending: boolean;
}

/**
 * The rows a chart draws: only its columns, and when it pages, only the rows of one page of
 * keys (units, say) ranked by the order column; `__rank` and `__keys` tell the pager where it is.
 */
export function buildChartSql(spec: ChartSpec, request: ChartPageRequest = { index: 0, ascending: false }): Query {
  const cols = chartColumns(spec).map(ident).join(', ');
  const from = ident(spec.from);
  if (!spec.page) return { sql: `SELECT ${cols} FROM ${from} LIMIT ?`, params: [CHART_ROW_CAP + 1] };
  const size = Math.max(1, Math.floor(spec.page.size ?? DEFAULT_PAGE_SIZE));
  const by = ident(spec.page.by);
  const direction = (spec.page.ascending ?? false) !== request.ascending ? 'ASC' : 'DESC';
  // __row keeps the relation's own order (its ORDER BY) within a page: it sets the axes' order.
  const sql = `WITH "__src" AS (SELECT ${cols}, row_number() OVER () AS "__row" FROM ${from}),
"__ranked" AS (
  SELECT "__k", row_number() OVER (ORDER BY "__m" ${direction} NULLS LAST, "__k") AS "__rank", count(*) OVER () AS "__keys"
  FROM (SELECT ${by} AS "__k", max(${ident(spec.page.order)}) AS "__m" FROM "__src" GROUP BY 1)
)
SELECT "__src".* EXCLUDE ("__row"), "__ranked"."__rank", "__ranked"."__keys"
FROM "__src" JOIN "__ranked" ON "__src".${by} IS NOT DISTINCT FROM "__ranked"."__k"
WHERE "__ranked"."__rank" > ? AND "__ranked"."__rank" <= ?
ORDER BY "__src"."__row"
LIMIT ?`;
  const first = Math.max(0, request.index) * size;
  return { sql, params: [first, first + size, CHART_ROW_CAP + 1] };
}

/** Tables and columns for the editor's completion: the workspace's and the notebook's. */
export const SCHEMA_SQL = `SELECT table_name, column_name FROM information_schema.columns
WHERE table_schema = 'main' AND table_name NOT LIKE '\\_%' ESCAPE '\\' AND table_name NOT LIKE '%@%'
ORDER BY table_catalog = 'temp', table_name, ordinal_position`;

/** Relations of the workspace itself (not the notebook's temp tables): names a cell may not take. */
export const RESERVED_SQL = `SELECT table_name FROM information_schema.tables WHERE table_catalog <> 'temp'`;
