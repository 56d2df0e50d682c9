// A dead DuckDB worker (issue 8). duckdb-wasm forgets its pending calls when its worker reports
// an error, so they would never settle; and after a wasm trap (running out of memory on a huge
// file, say) every later call fails. This wrapper races every call against the crash, turns
// both into one DatabaseCrashError, and reports the first crash so the workspace can recover.
import type { Database } from './types';

/** The DuckDB worker died or its wasm trapped: every later call fails with this. */
export class DatabaseCrashError extends Error {
  override name = 'DatabaseCrashError';
}

/**
 * A wasm trap inside the worker comes back as an error named RuntimeError (or emscripten's
 * `Aborted(…)`); after one the engine's memory cannot be trusted. DuckDB's own "Out of Memory
 * Error" is an ordinary query error and leaves the database usable.
 */
export function isFatalWorkerError(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  return e.name === 'RuntimeError' || /^RuntimeError\b|Aborted\(|memory access out of bounds|^unreachable\b/.test(e.message);
}

/** Wraps `db` so that a crash of `worker` (or a fatal error from a call) fails every call at once. */
export function guardDatabase(
  db: Database,
  worker: EventTarget,
  onCrash: (error: DatabaseCrashError) => void = () => {},
): Database {
  let crashed: DatabaseCrashError | null = null;
  const pending = new Set<(e: Error) => void>();
  const crash = (reason: string) => {
    if (crashed) return;
    crashed = new DatabaseCrashError(reason);
    for (const reject of pending) reject(crashed);
    pending.clear();
    onCrash(crashed);
  };
  worker.addEventListener('error', (e) => crash((e as ErrorEvent).message || 'DuckDB worker error'));
  worker.addEventListener('messageerror', () => crash('DuckDB worker message error'));

  const guard = <T>(work: () => Promise<T>): Promise<T> => {
    if (crashed) return Promise.reject(crashed);
    return new Promise<T>((resolve, reject) => {
      pending.add(reject);
      work().then(
        (v) => {
          pending.delete(reject);
          resolve(v);
        },
        (e: unknown) => {
          pending.delete(reject);
          if (isFatalWorkerError(e)) crash((e as Error).message || (e as Error).name);
          reject(crashed ?? e);
        },
      );
    });
  };

  return {
    query: (sql, params) => guard(() => db.query(sql, params)),
    exec: (sql) => guard(() => db.exec(sql)),
    insertArrowIPC: (table, ipc, append) => guard(() => db.insertArrowIPC(table, ipc, append)),
    registerFile: (name, bytes) => guard(() => db.registerFile(name, bytes)),
    readFile: (name) => guard(() => db.readFile(name)),
    dropFile: (name) => guard(() => db.dropFile(name)),
    // A dead worker answers nothing: closing it must not wait for an answer.
    close: () => (crashed ? Promise.resolve() : db.close()),
  };
}
