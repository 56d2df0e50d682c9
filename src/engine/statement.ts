/** One generated statement: a name to show in "查看SQL" and the SQL that creates it. */
export interface Statement {
  readonly name: string;
  readonly sql: string;
}
