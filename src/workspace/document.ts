import type { Message } from '../i18n/types';
import type { TableName } from '../schema/tables';
import { readScenario } from '../scenarios/validate';
import type { Scenario } from '../scenarios/types';

/** One rejected record of an import, kept with the workspace so the report survives a reload. */
export interface StoredRejection {
  readonly row: number;
  readonly column: string | null;
  readonly reason: Message;
  readonly value?: string;
}

/** What the import of one file did: shown in the import report and downloadable as CSV. */
export interface ImportReport {
  readonly file: string;
  readonly ok: boolean;
  readonly error?: Message;
  readonly table?: TableName;
  readonly encoding: string;
  readonly delimiter: string;
  readonly shape: 'long' | 'wide';
  readonly notes: readonly Message[];
  readonly read: number;
  readonly loaded: number;
  readonly rejected: readonly StoredRejection[];
}

/** One imported file's rows, held as an Arrow IPC stream (see db/ipc.ts). */
export interface Source {
  readonly id: string;
  readonly file: string;
  readonly table: TableName;
  readonly rows: number;
  readonly importedAt: string;
  readonly report: ImportReport;
  readonly ipc: Uint8Array;
}

/**
 * The workspace: one document holding every imported table, and (in later issues) the
 * notebook, scenarios and view settings. It is what autosave writes, what the workspace file
 * holds and what a shared dashboard carries.
 */
export interface WorkspaceDoc {
  readonly format: 'kaohe-workspace';
  readonly version: 1;
  readonly title: string;
  /** The demo this workspace started from, if any. */
  readonly demo: string | null;
  readonly sources: readonly Source[];
  /** The notebook file's text (docs/notebook.md), or null for the default notebook. */
  readonly notebook: string | null;
  /** What-if scenarios (docs/scenarios.md); absent in workspaces saved before them. */
  readonly scenarios?: readonly Scenario[];
  /** The id of the scenario shown, or null for the base data. */
  readonly activeScenario?: string | null;
  readonly savedAt: string;
}

export const WORKSPACE_FORMAT = 'kaohe-workspace';

export function emptyWorkspace(title = ''): WorkspaceDoc {
  return { format: WORKSPACE_FORMAT, version: 1, title, demo: null, sources: [], notebook: null, scenarios: [], activeScenario: null, savedAt: '' };
}

/** A document as saved, with what older saves lack filled in: no notebook text, no scenarios. */
export function withDefaults(doc: WorkspaceDoc): WorkspaceDoc {
  const scenarios = (Array.isArray(doc.scenarios) ? doc.scenarios : []).flatMap((s) => readScenario(s) ?? []);
  const active = scenarios.some((s) => s.id === doc.activeScenario) ? (doc.activeScenario ?? null) : null;
  return { ...doc, notebook: doc.notebook ?? null, scenarios, activeScenario: active };
}

/**
 * Adds imported files. Importing a file again with the same name into the same table replaces
 * its rows (the analyst fixed the file and loads it again); any other file adds rows.
 */
export function withSources(doc: WorkspaceDoc, added: readonly Source[]): WorkspaceDoc {
  const replaced = new Set(added.map((s) => `${s.table}\u0000${s.file}`));
  const kept = doc.sources.filter((s) => !replaced.has(`${s.table}\u0000${s.file}`));
  return { ...doc, sources: [...kept, ...added] };
}

export function withoutSource(doc: WorkspaceDoc, id: string): WorkspaceDoc {
  return { ...doc, sources: doc.sources.filter((s) => s.id !== id) };
}

/** Tables whose rows change between two documents: only those are rebuilt in DuckDB. */
export function changedTables(before: WorkspaceDoc, after: WorkspaceDoc): TableName[] {
  const key = (d: WorkspaceDoc, t: TableName) =>
    d.sources.filter((s) => s.table === t).map((s) => s.id).join('|');
  const tables = new Set<TableName>([...before.sources, ...after.sources].map((s) => s.table));
  return [...tables].filter((t) => key(before, t) !== key(after, t));
}
