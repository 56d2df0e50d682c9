import { describe, expect, it } from 'vitest';
import { notebookMessages } from '../../../src/app/notebook-messages';
import { checkReadOnly } from '../../../src/notebook/guard';

// [statement, the refusal's message key, or null when the statement is allowed]
const CASES: [string, string | null][] = [
  ['SELECT * FROM scores', null],
  ['select unit, total from totals where year = ${year};', null],
  ['  -- a comment first\nSELECT 1', null],
  ['WITH t AS (SELECT 1 AS a) SELECT * FROM t', null],
  ['FROM totals', null],
  ['VALUES (1, 2)', null],
  ['(SELECT 1) UNION ALL (SELECT 2)', null],
  ['SUMMARIZE scores', null],
  ['DESCRIBE totals', null],
  ['PIVOT scores ON category USING sum(points)', null],
  ["SELECT 'DROP TABLE units; INSERT' AS harmless", null],
  ['SELECT "insert", "from" FROM totals', null],
  ['SELECT 1 /* DELETE FROM units; */', null],
  ['SELECT $$; DROP TABLE units$$ AS s', null],
  ["SELECT E'it\\'s; fine' AS s", null],
  ['SELECT unit FROM totals, units WHERE totals.unit = units.unit', null],
  ["SELECT unit FROM totals WHERE unit IN ('a', 'b')", null],
  ["SELECT * FROM totals t JOIN (VALUES ('a')) v(u) ON t.unit = v.u", null],
  ['SELECT 1;;', null],

  ['', 'nb.guard.empty'],
  ['-- only a comment', 'nb.guard.empty'],
  ['INSERT INTO units VALUES (1)', 'nb.guard.writes'],
  ["update units set kind = 'x'", 'nb.guard.writes'],
  ['DELETE FROM results', 'nb.guard.writes'],
  ['DROP TABLE units', 'nb.guard.writes'],
  ['CREATE TABLE x AS SELECT 1', 'nb.guard.writes'],
  ['CREATE OR REPLACE TEMP VIEW x AS SELECT 1', 'nb.guard.writes'],
  ['ALTER TABLE units ADD COLUMN x INT', 'nb.guard.writes'],
  ["ATTACH 'other.db'", 'nb.guard.writes'],
  ['DETACH other', 'nb.guard.writes'],
  ["COPY units TO 'units.csv'", 'nb.guard.writes'],
  ['INSTALL httpfs', 'nb.guard.writes'],
  ['LOAD httpfs', 'nb.guard.writes'],
  ['SET threads = 1', 'nb.guard.writes'],
  ['RESET threads', 'nb.guard.writes'],
  ['PRAGMA enable_profiling', 'nb.guard.writes'],
  ['CALL checkpoint()', 'nb.guard.writes'],
  ["EXPORT DATABASE 'x'", 'nb.guard.writes'],
  ["IMPORT DATABASE 'x'", 'nb.guard.writes'],
  ['CHECKPOINT', 'nb.guard.writes'],
  ['VACUUM', 'nb.guard.writes'],
  ['USE memory', 'nb.guard.writes'],
  ['BEGIN TRANSACTION', 'nb.guard.writes'],
  ['COMMIT', 'nb.guard.writes'],
  ['ROLLBACK', 'nb.guard.writes'],
  ['  /* hidden */ drop table units', 'nb.guard.writes'],
  ['WITH x AS (SELECT 1) INSERT INTO units SELECT * FROM x', 'nb.guard.writes'],
  ['SELECT * FROM (DELETE FROM units RETURNING *)', 'nb.guard.writes'],
  ['SELECT unit INTO copy_of_units FROM units', 'nb.guard.writes'],
  ['SELECT 1; DROP TABLE units', 'nb.guard.multiple'],
  ['SELECT 1; SELECT 2', 'nb.guard.multiple'],
  ['SELECT 1) ; DROP TABLE units; SELECT (1', 'nb.guard.parens'],
  ['SELECT (1', 'nb.guard.parens'],
  ['EXPLAIN ANALYZE SELECT 1', 'nb.guard.not_query'],
  ['SHOW', null],
  ["SELECT * FROM read_csv('secret.csv')", 'nb.guard.function'],
  ["SELECT * FROM READ_PARQUET('https://example.com/x.parquet')", 'nb.guard.function'],
  ["SELECT * FROM read_json_auto('x.json')", 'nb.guard.function'],
  ["SELECT * FROM \"read_csv\"('x.csv')", 'nb.guard.function'],
  ["SELECT * FROM glob('*')", 'nb.guard.function'],
  ["SELECT * FROM parquet_scan('x.parquet')", 'nb.guard.function'],
  ["SELECT * FROM query('DROP TABLE units')", 'nb.guard.function'],
  ['SELECT * FROM checkpoint()', 'nb.guard.function'],
  ["SELECT * FROM 'http://example.com/data.csv'", 'nb.guard.file'],
  ["SELECT * FROM '/etc/passwd'", 'nb.guard.file'],
  ["SELECT * FROM units JOIN 'results.parquet' USING (unit)", 'nb.guard.file'],
  ["SELECT * FROM units, 'results.csv'", 'nb.guard.file'],
  ["FROM 'x.csv'", 'nb.guard.file'],
  ['SELECT * FROM scores WHERE year = ?', 'nb.guard.positional'],
  ['SELECT * FROM scores WHERE year = $1', 'nb.guard.positional'],
  ["SELECT 'unclosed", 'nb.guard.unclosed_string'],
  ['SELECT "unclosed', 'nb.guard.unclosed_quote'],
  ['SELECT 1 /* unclosed', 'nb.guard.unclosed_comment'],
  ['SELECT ${not a name}', 'nb.guard.bad_param'],
];

describe('read-only guard', () => {
  for (const [sql, refusal] of CASES) {
    it(`${refusal ?? 'allows'}: ${JSON.stringify(sql)}`, () => {
      const r = checkReadOnly(sql);
      if (refusal === null) expect(r.ok, JSON.stringify(r)).toBe(true);
      else {
        expect(r.ok ? null : r.error.key).toBe(refusal);
        expect(notebookMessages['zh-CN'][refusal], 'the refusal has a message').toBeDefined();
      }
    });
  }

  it('names the refused statement so the message can say what was refused', () => {
    const r = checkReadOnly('drop table units');
    expect(r.ok ? null : r.error.params).toEqual({ statement: 'DROP' });
  });

  it('keeps the query without its trailing semicolon and comment', () => {
    const r = checkReadOnly('SELECT 1 -- one\n;  -- done');
    expect(r.ok && r.tokens.map((t) => t.text).join('')).toBe('SELECT 1');
  });
});
