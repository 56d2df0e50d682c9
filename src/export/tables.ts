// What the CSV buttons export: a contract table as it re-imports (its canonical columns, in file
// order), and one year's results as the leaderboard shows them.
import { ident } from '../db/sql';
import { TABLES, type TableName } from '../schema/tables';

/** The table's contract columns, in the order its rows were loaded: a file kaohe imports again. */
export function tableExportSql(table: TableName): string {
  const cols = TABLES[table].columns.map((c) => ident(c.name)).join(', ');
  return `SELECT ${cols} FROM ${ident(table)} ORDER BY "source", "source_row"`;
}

export const tableColumns = (table: TableName): string[] => TABLES[table].columns.map((c) => c.name);

/** The columns of the results export (`LEADERBOARD_SQL`'s), with their message keys. */
export const RESULT_COLUMNS = ['rank', 'unit', 'kind', 'base', 'bonus', 'total', 'grade', 'vetoed', 'veto_reason'] as const;
