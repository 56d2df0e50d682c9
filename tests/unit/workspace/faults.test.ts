// Issue 8: the pieces of the fault handling that run without a browser: how a storage refusal
// is named, and how a crashed DuckDB worker fails every call instead of leaving it hanging.
import { describe, expect, it } from 'vitest';
import type { Table } from 'apache-arrow';
import { DatabaseCrashError, guardDatabase, isFatalWorkerError } from '../../../src/db/crash';
import type { Database } from '../../../src/db/types';
import { StorageError, storageErrorOf } from '../../../src/workspace/idb';

describe('storage refusals', () => {
  const CASES: { name: string; error: unknown; problem: 'quota' | 'unavailable' }[] = [
    { name: 'QuotaExceededError (Chromium, Safari)', error: new DOMException('The quota has been exceeded.', 'QuotaExceededError'), problem: 'quota' },
    { name: 'Firefox quota', error: new DOMException('', 'NS_ERROR_DOM_QUOTA_REACHED'), problem: 'quota' },
    { name: 'an abort that says quota', error: new DOMException('Transaction aborted: quota exceeded', 'AbortError'), problem: 'quota' },
    { name: 'private mode (SecurityError)', error: new DOMException('The user denied permission to access the database.', 'SecurityError'), problem: 'unavailable' },
    { name: 'Firefox private mode (InvalidStateError)', error: new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError'), problem: 'unavailable' },
    { name: 'a plain string', error: 'no', problem: 'unavailable' },
  ];
  for (const c of CASES) {
    it(c.name, () => {
      const e = storageErrorOf(c.error);
      expect(e).toBeInstanceOf(StorageError);
      expect(e.problem).toBe(c.problem);
    });
  }
});

describe('fatal worker errors', () => {
  const err = (name: string, message: string) => Object.assign(new Error(message), { name });
  it('takes wasm traps as fatal and DuckDB\'s own errors as ordinary', () => {
    expect(isFatalWorkerError(err('RuntimeError', 'unreachable'))).toBe(true);
    expect(isFatalWorkerError(err('Error', 'RuntimeError: memory access out of bounds'))).toBe(true);
    expect(isFatalWorkerError(err('Error', 'Aborted(OOM)'))).toBe(true);
    expect(isFatalWorkerError(err('Error', 'Out of Memory Error: failed to allocate data of size 2.0 GiB'))).toBe(false);
    expect(isFatalWorkerError(err('Error', 'Catalog Error: Table with name x does not exist!'))).toBe(false);
    expect(isFatalWorkerError('RuntimeError')).toBe(false);
  });
});

/** A database whose calls wait until the test settles them. */
function fakeDatabase() {
  const calls: { sql: string; resolve(t: Table): void; reject(e: unknown): void }[] = [];
  const db: Database = {
    query: (sql) => new Promise<Table>((resolve, reject) => calls.push({ sql, resolve, reject })),
    exec: async () => {},
    insertArrowIPC: async () => {},
    registerFile: async () => {},
    readFile: async () => new Uint8Array(),
    dropFile: async () => {},
    close: () => new Promise<void>(() => {}),
  };
  return { db, calls };
}

describe('a guarded database', () => {
  it('fails the calls under way and every later call when its worker reports an error', async () => {
    const { db, calls } = fakeDatabase();
    const worker = new EventTarget();
    const crashes: DatabaseCrashError[] = [];
    const guarded = guardDatabase(db, worker, (e) => crashes.push(e));
    const pending = guarded.query('SELECT 1');
    worker.dispatchEvent(Object.assign(new Event('error'), { message: 'out of memory' }));
    await expect(pending).rejects.toBeInstanceOf(DatabaseCrashError);
    await expect(guarded.exec('SELECT 2')).rejects.toThrow('out of memory');
    expect(crashes).toHaveLength(1);
    expect(calls).toHaveLength(1);
    // closing a dead engine does not wait for an answer that never comes
    await expect(guarded.close()).resolves.toBeUndefined();
  });

  it('takes a wasm trap from one call as a crash of the whole engine', async () => {
    const { db, calls } = fakeDatabase();
    const crashes: DatabaseCrashError[] = [];
    const guarded = guardDatabase(db, new EventTarget(), (e) => crashes.push(e));
    const first = guarded.query('SELECT a');
    const second = guarded.query('SELECT b');
    calls[0]!.reject(Object.assign(new Error('memory access out of bounds'), { name: 'RuntimeError' }));
    await expect(first).rejects.toBeInstanceOf(DatabaseCrashError);
    await expect(second).rejects.toBeInstanceOf(DatabaseCrashError);
    expect(crashes).toHaveLength(1);
  });

  it('passes ordinary errors and results through and stays usable', async () => {
    const { db, calls } = fakeDatabase();
    const crashes: DatabaseCrashError[] = [];
    const guarded = guardDatabase(db, new EventTarget(), (e) => crashes.push(e));
    const bad = guarded.query('SELECT nope');
    calls[0]!.reject(new Error('Binder Error: column nope not found'));
    await expect(bad).rejects.toThrow('Binder Error');
    const good = guarded.query('SELECT 1');
    const table = {} as Table;
    calls[1]!.resolve(table);
    await expect(good).resolves.toBe(table);
    expect(crashes).toHaveLength(0);
  });
});
