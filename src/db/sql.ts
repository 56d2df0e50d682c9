/** Quotes an identifier for DuckDB: user text that names a table or column never becomes SQL text unquoted. */
export function ident(name: string): string {
  return '"' + name.replaceAll('"', '""') + '"';
}

/** Quotes a string literal; for text that is ours (table specs), never for user text that could be a parameter. */
export function literal(text: string): string {
  return "'" + text.replaceAll("'", "''") + "'";
}
