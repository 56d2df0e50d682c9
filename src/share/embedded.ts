// What the single-file page's bootstrap (bootstrap.ts) hands the app: DuckDB's worker and wasm,
// the workspace the page carries, and how it was shared. Absent in the ordinary app.
import type { EmbeddedEngine } from '../db/browser';
import { OPTIONS_ID, readOptions, type ShareOptions } from './html';

interface Embedded {
  readonly wasm: Uint8Array;
  readonly wasmUrl: string;
  /** blob: URL of the prelude + DuckDB's worker code. */
  readonly duckdbWorker: string;
  /** The workspace file (.kaohe bytes), or null for the app alone (dist/kaohe.html). */
  readonly workspace: Uint8Array | null;
}

declare global {
  var __kaoheEmbedded: Embedded | undefined;
}

/** True when the app runs from a single-file page. */
export const isSingleFile = (): boolean => globalThis.__kaoheEmbedded !== undefined;

/** DuckDB from the page itself: the worker's first message is the gzipped wasm (see DUCKDB_PRELUDE). */
export function embeddedEngine(): EmbeddedEngine | null {
  const e = globalThis.__kaoheEmbedded;
  if (!e) return null;
  return {
    wasmUrl: e.wasmUrl,
    startWorker() {
      const worker = new Worker(e.duckdbWorker);
      worker.postMessage({ kaoheWasm: e.wasm });
      return worker;
    },
  };
}

/** The workspace file the page carries, if it is a shared page. */
export function embeddedWorkspace(): Uint8Array | null {
  return globalThis.__kaoheEmbedded?.workspace ?? null;
}

/** How the page was shared (read-only, language); the defaults in the ordinary app. */
export function shareOptions(): ShareOptions {
  return readOptions(document.getElementById(OPTIONS_ID)?.textContent);
}
