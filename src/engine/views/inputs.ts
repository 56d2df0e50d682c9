// The seam for scenarios: every engine view reads the loaded tables through these views. Today
// they pass the tables through; a scenario layer gives, per table, the query of its effective
// rows (the table joined to its overrides, same columns), and everything downstream follows
// without copying data.
import { ident } from '../../db/sql';
import type { TableName } from '../../schema/tables';
import type { Statement } from '../statement';

export const INPUT_TABLES: readonly TableName[] = ['units', 'rubric', 'targets', 'results', 'vetoes', 'settings'];

export const inputView = (table: TableName): string => `engine_${table}`;

/** Effective rows per table, as SQL written by the app (never user text); absent: the table. */
export type InputQueries = Readonly<Partial<Record<TableName, string>>>;

export function inputViews(inputs: InputQueries = {}): Statement[] {
  return INPUT_TABLES.map((t) => ({
    name: inputView(t),
    sql: `CREATE OR REPLACE VIEW ${inputView(t)} AS\n${inputs[t] ?? `SELECT * FROM ${ident(t)}`}`,
  }));
}
