// SQL cells only read (issue 4): opening someone's notebook must never alter a workspace. The
// guard accepts one query and nothing else; the runner then wraps it as a subquery
// (`SELECT * FROM (…)`), so DuckDB's own parser refuses anything that is not a query.
import type { Message } from '../i18n/types';
import { significant, tokenize, TokenizeError, type Token } from './tokenize';

/** Words a query may start with. */
const QUERY_START = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'PIVOT', 'UNPIVOT', 'SUMMARIZE', 'DESCRIBE', 'SHOW']);

/** Statements that change data, settings or the catalogue, or reach outside the workspace. */
const WRITES = new Set([
  'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'UPSERT', 'TRUNCATE', 'DROP', 'CREATE', 'ALTER', 'ATTACH', 'DETACH',
  'COPY', 'INSTALL', 'LOAD', 'SET', 'RESET', 'PRAGMA', 'CALL', 'EXPORT', 'IMPORT', 'CHECKPOINT', 'VACUUM',
  'USE', 'BEGIN', 'COMMIT', 'ROLLBACK', 'TRANSACTION', 'PREPARE', 'EXECUTE', 'DEALLOCATE', 'INTO',
]);

/** Table functions that read files or URLs, run other SQL, or write the database. */
const BLOCKED_FUNCTIONS = new Set([
  'GLOB', 'QUERY', 'QUERY_TABLE', 'SNIFF_CSV', 'CHECKPOINT', 'FORCE_CHECKPOINT', 'LOAD_AWS_CREDENTIALS', 'CSV_SCAN',
]);
const BLOCKED_PREFIXES = ['READ_', 'PARQUET_', 'ICEBERG_', 'DELTA_', 'SQLITE_', 'POSTGRES_', 'MYSQL_'];

/** Clause words that end a FROM clause: a string after FROM/JOIN/`,` inside one names a file. */
const CLAUSE_WORDS = new Set([
  'SELECT', 'WHERE', 'GROUP', 'HAVING', 'QUALIFY', 'ORDER', 'LIMIT', 'OFFSET', 'WINDOW', 'UNION',
  'EXCEPT', 'INTERSECT', 'RETURNING', 'VALUES',
]);

export type GuardResult =
  | { readonly ok: true; readonly tokens: readonly Token[] }
  | { readonly ok: false; readonly error: Message };

const refuse = (key: string, params?: Message['params']): GuardResult => ({
  ok: false,
  error: params ? { key: `nb.guard.${key}`, params } : { key: `nb.guard.${key}` },
});

function blockedFunction(name: string): boolean {
  return BLOCKED_FUNCTIONS.has(name) || BLOCKED_PREFIXES.some((p) => name.startsWith(p)) || name.endsWith('_SCAN');
}

/** The name a token gives a function or word: keywords upper-cased, quoted names too. */
const nameOf = (t: Token): string | null =>
  t.type === 'word' ? t.value : t.type === 'quoted' ? t.value.toUpperCase() : null;

/**
 * Checks that `sql` is a single read-only query. On success returns its tokens without a
 * trailing `;`, ready for parameter binding.
 */
export function checkReadOnly(sql: string): GuardResult {
  let all: Token[];
  try {
    all = tokenize(sql);
  } catch (e) {
    if (e instanceof TokenizeError) return refuse(e.reason, { at: e.at + 1 });
    throw e;
  }
  const tokens = significant(all);
  while (tokens.length > 0 && tokens[tokens.length - 1]!.text === ';') tokens.pop();
  if (tokens.length === 0) return refuse('empty');
  const lastKept = tokens[tokens.length - 1]!;
  const kept = all.filter((t) => t.start <= lastKept.start);

  const first = tokens[0]!;
  const firstWord = first.type === 'word' ? first.value : first.text;
  if (first.type === 'word' && WRITES.has(firstWord)) return refuse('writes', { statement: firstWord });
  if (!QUERY_START.has(firstWord) && first.text !== '(') return refuse('not_query', { statement: first.text });

  let depth = 0;
  const fromDepths: boolean[] = [false];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    if (t.text === ';') return refuse('multiple');
    if (t.type === 'positional') return refuse('positional', { text: t.text });
    if (t.text === '(') {
      depth++;
      fromDepths[depth] = false;
      const name = prev ? nameOf(prev) : null;
      if (name && blockedFunction(name)) return refuse('function', { name: prev!.text });
    } else if (t.text === ')') {
      depth--;
      if (depth < 0) return refuse('parens');
    } else if (t.type === 'word') {
      if (WRITES.has(t.value) && (prev === undefined || prev.text === '(')) return refuse('writes', { statement: t.value });
      if (t.value === 'INTO') return refuse('writes', { statement: 'INTO' });
      if (t.value === 'FROM' || t.value === 'JOIN') fromDepths[depth] = true;
      else if (CLAUSE_WORDS.has(t.value)) fromDepths[depth] = false;
    } else if (t.type === 'string' && fromDepths[depth] && prev && (nameOf(prev) === 'FROM' || nameOf(prev) === 'JOIN' || prev.text === ',')) {
      return refuse('file', { text: t.text });
    }
  }
  if (depth !== 0) return refuse('parens');
  return { ok: true, tokens: kept };
}
