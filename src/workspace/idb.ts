// Autosave: the workspace document in IndexedDB, written whole in one transaction so a closed
// tab leaves either the previous or the new workspace, never half of one.
import type { WorkspaceDoc } from './document';

const DB_NAME = 'kaohe';
const STORE = 'workspace';
const KEY = 'current';

/** Why the browser would not keep the workspace: storage is full, or there is none to use. */
export type StorageProblem = 'quota' | 'unavailable';

/** The browser's refusal, named so the message can say what the user can do about it. */
export class StorageError extends Error {
  override name = 'StorageError';
  constructor(readonly problem: StorageProblem, readonly reason: string) {
    super(reason);
  }
}

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/** Reads an IndexedDB failure: a full disk or quota, or storage that is not there (private mode). */
export function storageErrorOf(e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  const name = e instanceof Error || (typeof DOMException !== 'undefined' && e instanceof DOMException) ? e.name : '';
  const reason = e instanceof Error ? e.message || e.name : String(e);
  return new StorageError(QUOTA_NAMES.has(name) || /quota/i.test(reason) ? 'quota' : 'unavailable', reason);
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    // Some private modes have no indexedDB, or throw on open instead of failing the request.
    if (typeof indexedDB === 'undefined') return reject(new StorageError('unavailable', 'indexedDB is not available'));
    let req: IDBOpenDBRequest;
    try {
      req = indexedDB.open(DB_NAME, 1);
    } catch (e) {
      return reject(storageErrorOf(e));
    }
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(storageErrorOf(req.error ?? new Error('indexedDB.open failed')));
    req.onblocked = () => reject(new StorageError('unavailable', 'indexedDB.open was blocked'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(storageErrorOf(tx.error ?? new Error('transaction failed')));
  });
}

async function withStore<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => T): Promise<T> {
  const db = await open();
  try {
    // strict: the save is on disk when it resolves, so "saved" means it survives a crash.
    const tx = db.transaction(STORE, mode, { durability: 'strict' });
    let out: T;
    try {
      out = work(tx.objectStore(STORE));
    } catch (e) {
      tx.abort();
      throw storageErrorOf(e);
    }
    await done(tx);
    return out;
  } finally {
    db.close();
  }
}

export async function saveWorkspace(doc: WorkspaceDoc): Promise<void> {
  await withStore('readwrite', (store) => store.put(doc, KEY));
}

export async function loadSavedWorkspace(): Promise<WorkspaceDoc | null> {
  const req = await withStore('readonly', (store) => store.get(KEY));
  return (req.result as WorkspaceDoc | undefined) ?? null;
}

export async function forgetSavedWorkspace(): Promise<void> {
  await withStore('readwrite', (store) => store.delete(KEY));
}
