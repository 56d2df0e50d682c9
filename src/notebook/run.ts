// Running one cell against the database. Each function returns the cell's output or a message
// for the user; none throws for anything a notebook's text can do.
import { DataType, type Table } from 'apache-arrow';
import { toRows, type Row } from '../db/rows';
import { ident } from '../db/sql';
import type { Param } from '../db/types';
import type { Message } from '../i18n/types';
import {
  buildChartSql,
  buildCountSql,
  buildDropSql,
  buildMaterialiseSql,
  buildOptionsSql,
  buildPageSql,
  CHART_ROW_CAP,
  DEFAULT_PAGE_SIZE,
  type ChartPageRequest,
  type Sort,
} from './build-sql';
import { duckdbMessage } from './errors';
import { checkReadOnly } from './guard';
import { bindParams, type BoundSql } from './params';
import { parseChartSpec, parseInputSpec, type ChartSpec, type InputSpec } from './specs';
import type { Token } from './tokenize';
import { mapRelations, type View } from './variant';

/** What the notebook needs of the database: queries with bound parameters. */
export interface Querier {
  query(sql: string, params?: readonly Param[]): Promise<Table>;
}

export type Values = ReadonlyMap<string, Param>;

export interface Column {
  readonly name: string;
  readonly type: string;
  readonly numeric: boolean;
}

export interface SqlOutput {
  readonly kind: 'sql';
  /** The relation shown: the cell's own, or its scenario or difference result. */
  readonly relation: string;
  /** Which it shows (variant.ts). */
  readonly view: View;
  readonly rowCount: number;
  /** The first rows, read with the result when it is shown or quoted, so no second trip is needed. */
  readonly head: Page | null;
  /** The first row when the head was read (a markdown cell quotes `${name.column}`). */
  readonly firstRow: Row | null;
}

export interface ChartOutput {
  readonly kind: 'chart';
  readonly spec: ChartSpec;
  readonly rows: readonly Row[];
  /** More rows than a chart draws: the view should aggregate or page. */
  readonly truncated: boolean;
  readonly page: { readonly index: number; readonly size: number; readonly keys: number; readonly ascending: boolean } | null;
  readonly view: View;
}

export interface InputOption {
  readonly value: Param;
  readonly label: string;
}

export interface InputOutput {
  readonly kind: 'input';
  readonly spec: InputSpec;
  readonly options: readonly InputOption[] | null;
  readonly value: Param;
}

export type Outcome<T> = { readonly ok: true; readonly output: T } | { readonly ok: false; readonly error: Message };

const failed = (error: Message): { ok: false; error: Message } => ({ ok: false, error });

/** Relation names to read instead of those written (variant.ts): ours, already quoted. */
export type Rename = (lowerName: string) => string | null;

/**
 * Guard then bind: the user's text as one read-only query with `?` for each `${name}`; with
 * `rename`, the relations it reads mapped (a scenario's copy of the query).
 */
export function prepareQuery(text: string, values: Values, rename?: Rename): Outcome<BoundSql> {
  const guarded = checkReadOnly(text);
  if (!guarded.ok) return failed(guarded.error);
  const tokens: readonly Token[] = rename ? mapRelations(guarded.tokens, rename) : guarded.tokens;
  const bound = bindParams(tokens, values);
  return bound.ok ? { ok: true, output: bound } : failed(bound.error);
}

const NUMERIC = (t: DataType): boolean => DataType.isInt(t) || DataType.isFloat(t) || DataType.isDecimal(t);

export function columnsOf(table: Table): Column[] {
  return table.schema.fields.map((f) => ({ name: f.name, type: String(f.type), numeric: NUMERIC(f.type) }));
}

async function attempt<T>(work: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  try {
    return await work();
  } catch (e) {
    return failed(duckdbMessage(e));
  }
}

/**
 * Materialises a sql cell as the temp table `name`, and reads its first `headRows` rows (none
 * for a cell nothing shows: every query is a round trip to the database worker).
 */
export function runSql(
  db: Querier,
  name: string,
  text: string,
  values: Values,
  headRows: number,
  rename?: Rename,
  view: View = 'base',
): Promise<Outcome<SqlOutput>> {
  return attempt<SqlOutput>(async () => {
    const q = prepareQuery(text, values, rename);
    if (!q.ok) return q;
    const created = toRows(await db.query(buildMaterialiseSql(name, q.output.sql), q.output.params));
    const rowCount = Number(Object.values(created[0] ?? {})[0] ?? 0);
    const head = headRows > 0 ? await fetchPage(db, name, null, 0, headRows) : null;
    return { ok: true, output: { kind: 'sql', relation: name, view, rowCount, head, firstRow: head?.rows[0] ?? null } };
  });
}

/** A relation already made, as a cell's output (a view of it switched, nothing re-run). */
export function showRelation(db: Querier, name: string, headRows: number, view: View): Promise<Outcome<SqlOutput>> {
  return attempt<SqlOutput>(async () => {
    const counted = toRows(await db.query(buildCountSql(name)));
    const rowCount = Number(counted[0]?.['n'] ?? 0);
    const head = headRows > 0 ? await fetchPage(db, name, null, 0, headRows) : null;
    return { ok: true, output: { kind: 'sql', relation: name, view, rowCount, head, firstRow: head?.rows[0] ?? null } };
  });
}

/** The columns of a relation, without reading its rows. */
export async function columnsOfRelation(db: Querier, name: string): Promise<Column[]> {
  return columnsOf(await db.query(`SELECT * FROM ${ident(name)} LIMIT 0`));
}

export async function dropRelation(db: Querier, name: string): Promise<void> {
  try {
    await db.query(buildDropSql(name));
  } catch {
    // nothing to drop, or a workspace table of that name: never ours to remove
  }
}

export interface Page {
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
}

/** One window of a sql cell's result, sorted by DuckDB. */
export async function fetchPage(db: Querier, name: string, sort: Sort | null, offset: number, limit: number): Promise<Page> {
  const q = buildPageSql(name, sort, offset, limit);
  const table = await db.query(q.sql, q.params);
  return { columns: columnsOf(table), rows: toRows(table) };
}

/** A chart's rows; `from` (ours) reads another relation than the spec's: its scenario or difference. */
export function runChart(
  db: Querier,
  text: string,
  request?: ChartPageRequest,
  from?: { readonly relation: string; readonly view: View },
): Promise<Outcome<ChartOutput>> {
  return attempt<ChartOutput>(async () => {
    const parsed = parseChartSpec(text);
    if (!parsed.ok) return parsed;
    const spec = parsed.spec;
    const q = buildChartSql(from ? { ...spec, from: from.relation } : spec, request);
    const rows = toRows(await db.query(q.sql, q.params));
    const truncated = rows.length > CHART_ROW_CAP;
    if (truncated) rows.length = CHART_ROW_CAP;
    const page = spec.page
      ? {
          index: request?.index ?? 0,
          size: spec.page.size ?? DEFAULT_PAGE_SIZE,
          keys: Number(rows[0]?.['__keys'] ?? 0),
          ascending: request?.ascending ?? false,
        }
      : null;
    return { ok: true, output: { kind: 'chart', spec, rows, truncated, page, view: from?.view ?? 'base' } };
  });
}

const same = (a: Param, b: Param): boolean => a === b || (a !== null && b !== null && String(a) === String(b));

/**
 * Reads an input's choices and settles its value: the current one while it is still a choice,
 * else the one the cell names, else "all" (null) when offered, else the first choice.
 */
export function runInput(db: Querier, text: string, current: Param | undefined, values: Values): Promise<Outcome<InputOutput>> {
  return attempt<InputOutput>(async () => {
    const parsed = parseInputSpec(text);
    if (!parsed.ok) return parsed;
    const spec = parsed.spec;
    if (spec.type !== 'select') {
      const value = typeof current === 'number' ? current : (spec.value ?? ('min' in spec && spec.min !== undefined ? spec.min : 0));
      return { ok: true, output: { kind: 'input', spec, options: null, value } };
    }
    let options: InputOption[];
    if (typeof spec.options === 'string') {
      const q = prepareQuery(spec.options, values);
      if (!q.ok) return q;
      const table = await db.query(buildOptionsSql(q.output.sql), q.output.params);
      const [valueCol, labelCol] = table.schema.fields.map((f) => f.name);
      options = toRows(table).map((r) => ({ value: r[valueCol!] ?? null, label: String(r[labelCol ?? valueCol!] ?? '') }));
    } else {
      options = spec.options.map((o) => ({ value: o, label: String(o) }));
    }
    const offered = (v: Param | undefined) => v !== undefined && (v === null ? spec.all === true : options.some((o) => same(o.value, v)));
    const pick = (v: Param) => options.find((o) => same(o.value, v))?.value ?? v;
    const value =
      current !== undefined && offered(current) ? pick(current)
      : offered(spec.value) ? pick(spec.value!)
      : spec.all ? null
      : (options[0]?.value ?? null);
    return { ok: true, output: { kind: 'input', spec, options, value } };
  });
}
