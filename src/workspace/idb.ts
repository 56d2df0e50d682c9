// Autosave: the workspace document in IndexedDB, written whole in one transaction so a closed
// tab leaves either the previous or the new workspace, never half of one.
import type { WorkspaceDoc } from './document';

const DB_NAME = 'kaohe';
const STORE = 'workspace';
const KEY = 'current';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('indexedDB.open failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
  });
}

export async function saveWorkspace(doc: WorkspaceDoc): Promise<void> {
  const db = await open();
  try {
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(doc, KEY);
    await done(tx);
  } finally {
    db.close();
  }
}

export async function loadSavedWorkspace(): Promise<WorkspaceDoc | null> {
  const db = await open();
  try {
    const tx = db.transaction(STORE, 'readonly');
    const req = tx.objectStore(STORE).get(KEY);
    await done(tx);
    return (req.result as WorkspaceDoc | undefined) ?? null;
  } finally {
    db.close();
  }
}

export async function forgetSavedWorkspace(): Promise<void> {
  const db = await open();
  try {
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).delete(KEY);
    await done(tx);
  } finally {
    db.close();
  }
}
