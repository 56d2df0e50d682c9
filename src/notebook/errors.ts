// DuckDB's error text is English; the notebook shows the common ones in the UI language and
// keeps DuckDB's own words beside them for everything else.
import type { Message } from '../i18n/types';

const PATTERNS: readonly [RegExp, string][] = [
  [/Table with name ([^\s!]+) does not exist/i, 'nb.run.no_table'],
  [/Table Function with name ([^\s!]+) does not exist/i, 'nb.run.no_function'],
  [/Scalar Function with name ([^\s!]+) does not exist/i, 'nb.run.no_function'],
  [/Referenced column "?([^"\s]+)"? not found/i, 'nb.run.no_column'],
  [/syntax error at or near "([^"]*)"/i, 'nb.run.syntax'],
  [/syntax error at end of input/i, 'nb.run.syntax_end'],
  [/Could not convert string '([^']*)'/i, 'nb.run.convert'],
  [/Division by zero/i, 'nb.run.division'],
];

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A DuckDB error as a message: a known one in the UI language, else DuckDB's text. */
export function duckdbMessage(e: unknown): Message {
  const reason = errorText(e).split('\n')[0]!.trim();
  for (const [pattern, key] of PATTERNS) {
    const m = pattern.exec(reason);
    if (m) return { key, params: { name: m[1] ?? '', reason } };
  }
  return { key: 'nb.run.failed', params: { reason } };
}
