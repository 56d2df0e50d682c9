import type { Row } from '../db/rows';
import type { ImportReport } from '../workspace/document';
import type { Locale } from './locale.svelte';
import type { WorkspaceModel } from './workspace.svelte';

/** The console API (README "Scripting"): for analysts who use the browser console, and for tests. */
export interface KaoheApi {
  /** Resolves once the workspace is open (or failed to open). */
  readonly ready: Promise<void>;
  /** Runs SQL and returns rows as plain objects (numbers, strings, booleans, null). */
  sql(text: string): Promise<Row[]>;
  /** Imports `File`s or `{name, bytes}` objects and returns one import report per file. */
  load(files: readonly (File | { name: string; bytes: Uint8Array | ArrayBuffer })[]): Promise<ImportReport[]>;
  /** The UI language: 'zh-CN' or 'en'. */
  lang: string;
}

declare global {
  interface Window {
    kaohe: KaoheApi;
  }
}

export function installScriptingApi(model: WorkspaceModel, locale: Locale, ready: Promise<void>): void {
  window.kaohe = {
    ready,
    sql: (text) => model.sql(text),
    async load(files) {
      const inputs = await Promise.all(
        files.map(async (f) =>
          f instanceof File
            ? { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }
            : { name: f.name, bytes: f.bytes instanceof Uint8Array ? f.bytes : new Uint8Array(f.bytes) },
        ),
      );
      return model.importFiles(inputs);
    },
    get lang() {
      return locale.current;
    },
    set lang(v: string) {
      if (v === 'en' || v === 'zh-CN') locale.current = v;
    },
  };
}
