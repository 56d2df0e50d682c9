// The seam for scenarios: every engine view reads the loaded tables through these views. Today
// they pass the tables through; a scenario layer replaces them with the table joined to its
// overrides, and everything downstream follows without copying data.
import { ident } from '../../db/sql';
import type { TableName } from '../../schema/tables';
import type { Statement } from '../statement';

export const INPUT_TABLES: readonly TableName[] = ['units', 'rubric', 'targets', 'results', 'vetoes', 'settings'];

export const inputView = (table: TableName): string => `engine_${table}`;

export function inputViews(): Statement[] {
  return INPUT_TABLES.map((t) => ({
    name: inputView(t),
    sql: `CREATE OR REPLACE VIEW ${inputView(t)} AS\nSELECT * FROM ${ident(t)}`,
  }));
}
