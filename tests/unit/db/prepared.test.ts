// Kept prepared statements: one prepare per SQL text, the right rows after the catalogue changes
// under a kept statement, and a kept statement that can no longer run is prepared again.
import { tableFromArrays, type Table } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../../src/db/node';
import { StatementCache, type PreparedStatement } from '../../../src/db/prepared';
import { toRows } from '../../../src/db/rows';
import type { Database, Param } from '../../../src/db/types';

/** A fake engine: statements echo their SQL and parameters; `broken` ones fail until prepared again. */
function fakeEngine() {
  const log: string[] = [];
  const broken = new Set<string>();
  const prepare = (sql: string): PreparedStatement => {
    log.push(`prepare ${sql}`);
    let stale = false;
    const statement = {
      query: (...params: Param[]): Table => {
        if (stale || broken.has(sql)) {
          broken.delete(sql);
          throw new Error('needs rebinding');
        }
        log.push(`run ${sql} ${JSON.stringify(params)}`);
        return tableFromArrays({ sql: [sql], params: [JSON.stringify(params)] });
      },
      close: () => {
        stale = true;
        log.push(`close ${sql}`);
      },
    };
    return statement;
  };
  return { log, broken, prepare };
}

describe('StatementCache', () => {
  it('prepares a text once and runs it with each set of parameters', async () => {
    const engine = fakeEngine();
    const cache = new StatementCache(engine.prepare);
    for (const year of [2018, 2019, 2018]) {
      const [row] = toRows(await cache.query('SELECT ? AS year', [year]));
      expect(row!['params']).toBe(`[${year}]`);
    }
    expect(engine.log.filter((l) => l.startsWith('prepare'))).toEqual(['prepare SELECT ? AS year']);
    expect(engine.log.filter((l) => l.startsWith('run'))).toHaveLength(3);
  });

  it('a kept statement that fails is prepared again and run once more', async () => {
    const engine = fakeEngine();
    const cache = new StatementCache(engine.prepare);
    await cache.query('SELECT ?', [1]);
    engine.broken.add('SELECT ?');
    const [row] = toRows(await cache.query('SELECT ?', [2]));
    expect(row!['params']).toBe('[2]');
    expect(engine.log).toEqual(['prepare SELECT ?', 'run SELECT ? [1]', 'close SELECT ?', 'prepare SELECT ?', 'run SELECT ? [2]']);
  });

  it('keeps at most its capacity, closing the least recently used', async () => {
    const engine = fakeEngine();
    const cache = new StatementCache(engine.prepare, 2);
    await cache.query('a', []);
    await cache.query('b', []);
    await cache.query('a', []);
    await cache.query('c', []);
    expect(cache.size).toBe(2);
    expect(engine.log.filter((l) => l.startsWith('close'))).toEqual(['close b']);
    await cache.query('a', []);
    expect(engine.log.filter((l) => l === 'prepare a')).toHaveLength(1);
  });

  it('a statement that cannot be prepared is not kept, and its error reaches the caller', async () => {
    const cache = new StatementCache(() => {
      throw new Error('Parser Error: syntax error at or near "SELEC"');
    });
    await expect(cache.query('SELEC ?', [1])).rejects.toThrow(/syntax error/);
    expect(cache.size).toBe(0);
  });
});

describe('kept statements on the real engine', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openNodeDatabase();
  });
  afterAll(() => db.close());

  it('reads the current table after it is replaced, even with other columns', async () => {
    const sql = 'SELECT * FROM t WHERE year = ? ORDER BY 1';
    await db.exec(`CREATE OR REPLACE TABLE t AS SELECT 2019 AS year, 'a' AS unit`);
    expect(toRows(await db.query(sql, [2019]))).toEqual([{ year: 2019, unit: 'a' }]);
    await db.exec(`CREATE OR REPLACE TABLE t AS SELECT * FROM (VALUES (2019, 'b', 90.5), (2018, 'c', 80)) v(year, unit, total)`);
    expect(toRows(await db.query(sql, [2019]))).toEqual([{ year: 2019, unit: 'b', total: 90.5 }]);
    await db.exec(`DROP TABLE t`);
    await expect(db.query(sql, [2019])).rejects.toThrow(/t/);
    await db.exec(`CREATE TABLE t AS SELECT 2019 AS year`);
    expect(toRows(await db.query(sql, [2019]))).toEqual([{ year: 2019 }]);
  });

  it('an error of the query itself is the query’s, every time', async () => {
    for (let i = 0; i < 2; i++) await expect(db.query('SELECT CAST(? AS INTEGER)', ['not a number'])).rejects.toThrow(/Conversion|convert/i);
  });
});
