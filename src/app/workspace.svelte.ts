import type { Database, Param } from '../db/types';
import type { Statement } from '../engine';
import { loadTables } from '../db/load';
import { toRows, type Row } from '../db/rows';
import { ident } from '../db/sql';
import type { ImportContext } from '../ingest';
import type { Message } from '../i18n/types';
import type { Scenario } from '../scenarios/types';
import { TABLE_NAMES, type TableName } from '../schema/tables';
import {
  changedTables,
  emptyWorkspace,
  withSources,
  withDefaults,
  withoutSource,
  type ImportReport,
  type WorkspaceDoc,
} from '../workspace/document';
import { decodeWorkspaceFile, encodeWorkspaceFile, WorkspaceFileError } from '../workspace/file';
import { loadSavedWorkspace, saveWorkspace, storageErrorOf } from '../workspace/idb';
import { ImportClient } from '../workspace/import-client';
import { TabOwnership, type TabAccess } from '../workspace/tabs';
import type { ImportOutcome } from '../workspace/importing';
import { defaultDemo, fetchDemoFiles } from './demo';

export type Phase = 'starting' | 'ready' | 'failed';

export interface Busy {
  readonly message: Message;
  /** 0..1, or null while the length of the work is unknown. */
  readonly fraction: number | null;
}

/** A file the importer could not place on its own: the user answers, then it loads. */
export interface Question {
  readonly file: { name: string; bytes: Uint8Array };
  readonly needs: readonly ('table' | 'year' | 'wideKind')[];
}

/** A change asked of a tab that only reads the workspace (another tab edits it). */
export class ReadOnlyWorkspaceError extends Error {
  override name = 'ReadOnlyWorkspaceError';
  constructor() {
    super('this tab is read-only: the workspace is being edited in another tab');
  }
}

/** After this many engine crashes in one session the page stops restarting it (no crash loop). */
const MAX_RECOVERIES = 2;

export interface FileInput {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * The workspace as the page sees it: the document, the tables in DuckDB built from it, and the
 * work in progress. Every change goes through `#change`, which rebuilds the affected tables,
 * runs the `afterChange` hook (scoring) and autosaves, one change at a time.
 */
export class WorkspaceModel {
  #doc = $state.raw<WorkspaceDoc>(emptyWorkspace());
  #counts = $state.raw<Record<TableName, number>>(zeroCounts());
  #phase = $state<Phase>('starting');
  #busy = $state.raw<Busy | null>(null);
  #error = $state.raw<Message | null>(null);
  #saveProblem = $state.raw<Message | null>(null);
  #reports = $state.raw<ImportReport[]>([]);
  #questions = $state.raw<Question[]>([]);
  #version = $state(0);
  #scoringSql = $state.raw<readonly Statement[]>([]);
  #access = $state<TabAccess>('owner');
  #engineGeneration = $state(0);
  #tabNote = $state.raw<Message | null>(null);
  #crash = $state.raw<Message | null>(null);
  #queue: Promise<unknown> = Promise.resolve();
  readonly #importer = new ImportClient();
  #autosave = true;
  readonly #tabs: TabOwnership;
  #recoveries = 0;
  #recovering = false;

  #db: Database | null = null;

  constructor(
    /** Opens DuckDB; `onCrash` is called if its worker dies later (the model then recovers). */
    private readonly openDatabase: (onCrash: (e: Error) => void) => Promise<Database>,
    /** Runs after every change to the tables (scoring); returns the SQL it ran, for 查看SQL. */
    private readonly afterChange: (db: Database) => Promise<readonly Statement[]> = async () => [],
  ) {
    this.#tabs = new TabOwnership({
      onOwner: (how) => this.#becameOwner(how),
      onFollower: (access) => {
        this.#access = access;
        this.#tabNote = null;
      },
      onSaved: () => void this.#serial(() => this.#reloadSaved()),
    });
  }

  get db(): Database {
    if (!this.#db) throw new Error('the database is not open yet');
    return this.#db;
  }

  /**
   * Bumped when the engine was restarted after a crash: the database object changed, and views
   * that kept the old one (and its prepared statements, temp tables) are built again.
   */
  get engineGeneration() { return this.#engineGeneration; }

  get doc() { return this.#doc; }
  get counts() { return this.#counts; }
  get phase() { return this.#phase; }
  get busy() { return this.#busy; }
  get error() { return this.#error; }
  get saveProblem() { return this.#saveProblem; }
  /** Whether this tab edits the workspace, or only reads it because another tab does. */
  get access() { return this.#access; }
  get canEdit() { return this.#access === 'owner'; }
  /** A note about the tabs (this tab may edit again now that the other one closed). */
  get tabNote() { return this.#tabNote; }
  /** The DuckDB worker crashed: what happened and whether the workspace was recovered. */
  get crash() { return this.#crash; }
  get reports() { return this.#reports; }
  get questions() { return this.#questions; }
  /** Bumped after every change to the tables: views re-query when it moves. */
  get version() { return this.#version; }
  /** The statements the last scoring run created. */
  get scoringSql() { return this.#scoringSql; }

  /** Runs the scoring again without a data change (the UI language of the explanations changed). */
  rescore(): Promise<void> {
    return this.#serial(async () => {
      if (this.#phase !== 'ready') return;
      this.#scoringSql = await this.afterChange(this.db);
      this.#version++;
    });
  }

  /**
   * Restores the autosaved workspace, or opens the default demo on first use; a shared page
   * (src/share) opens the workspace file it carries (`shared`) instead.
   */
  start(shared: Uint8Array | null = null): Promise<void> {
    let restoring: WorkspaceDoc | null = null;
    return this.#serial(async () => {
      this.#busy = { message: { key: 'app.status.starting' }, fraction: null };
      this.#db = await this.openDatabase(this.#onCrash);
      if (shared) return this.#openShared(shared);
      this.#access = await this.#tabs.start();
      let saved: WorkspaceDoc | null = null;
      try {
        this.#busy = { message: { key: 'app.status.restoring' }, fraction: null };
        saved = await this.#tabs.read(loadSavedWorkspace);
      } catch (e) {
        this.#saveProblem = storageProblem(e);
      }
      if (saved) {
        restoring = withDefaults(saved);
        this.#reports = saved.sources.map((src) => src.report).reverse();
        await this.#replace(restoring, false);
      }
      else await this.#loadDemo(defaultDemo().id);
      this.#phase = 'ready';
    }).catch((e: unknown) => {
      this.#busy = null;
      this.#phase = 'failed';
      if (restoring) {
        // The saved workspace itself failed to load (the engine ran out of memory on it, say):
        // reloading would fail the same way. It stays saved, untouched, and is offered as a file.
        this.#doc = restoring;
        this.#crash = { key: 'ws.crash.restore', params: { reason: errorText(e) } };
      } else this.#error = { key: 'app.error.start', params: { reason: errorText(e) } };
    });
  }

  /** Imports files; returns one report per file (files waiting for an answer report `needs`). */
  importFiles(files: readonly FileInput[], ctx: ImportContext = {}): Promise<ImportReport[]> {
    return this.#serial(async () => {
      this.#mustEdit();
      const outcomes = await this.#runImport(files, ctx);
      const asked = outcomes.flatMap((o, i) =>
        o.needs.length > 0 ? [{ file: files[i]!, needs: o.needs }] : [],
      );
      this.#questions = [...this.#questions.filter((q) => !asked.some((a) => a.file.name === q.file.name)), ...asked];
      await this.#commit(withSources(this.#doc, outcomes.flatMap((o) => (o.source ? [o.source] : []))));
      const reports = outcomes.map((o) => o.report);
      this.#reports = [...reports, ...this.#reports];
      return reports;
    });
  }

  /** Loads a file the importer asked about, with the user's answers. */
  answer(question: Question, ctx: ImportContext): Promise<ImportReport[]> {
    this.#questions = this.#questions.filter((q) => q !== question);
    return this.importFiles([question.file], ctx);
  }

  dismiss(question: Question): void {
    this.#questions = this.#questions.filter((q) => q !== question);
  }

  /** Replaces the notebook (its file text) and autosaves; the tables are untouched. */
  setNotebook(text: string | null): Promise<void> {
    return this.#serial(async () => {
      this.#doc = { ...this.#doc, notebook: text };
      await this.#save();
    });
  }

  /** Replaces the scenarios and which one is shown (null: the base data), and autosaves. */
  setScenarios(scenarios: readonly Scenario[], active: string | null): Promise<void> {
    return this.#serial(async () => {
      this.#doc = { ...this.#doc, scenarios, activeScenario: active };
      await this.#save();
    });
  }

  removeSource(id: string): Promise<void> {
    return this.#serial(() => (this.#mustEdit(), this.#commit(withoutSource(this.#doc, id))));
  }

  resetToDemo(id: string = defaultDemo().id): Promise<void> {
    return this.#serial(() => (this.#mustEdit(), this.#loadDemo(id)));
  }

  clear(): Promise<void> {
    return this.#serial(async () => {
      this.#mustEdit();
      this.#reports = [];
      this.#questions = [];
      await this.#replace(emptyWorkspace(), true);
    });
  }

  /** The workspace file (.kaohe) as bytes. */
  toFile(): Promise<Uint8Array> {
    return encodeWorkspaceFile(this.#doc);
  }

  /** Opens a workspace file; a file that is not one changes nothing and says why. */
  openFile(name: string, bytes: Uint8Array): Promise<void> {
    return this.#serial(async () => {
      this.#mustEdit();
      try {
        const doc = withDefaults(await decodeWorkspaceFile(bytes));
        this.#reports = doc.sources.map((src) => src.report).reverse();
        await this.#replace(doc, true);
        this.#error = null;
      } catch (e) {
        const reason = e instanceof WorkspaceFileError ? e.reason : 'damaged';
        this.#error = { key: `app.error.workspace.${reason}`, params: { file: name } };
      }
    });
  }

  clearError(): void {
    this.#error = null;
  }

  /** Takes the workspace over from the tab that edits it; that tab becomes read-only. */
  takeOver(): Promise<void> {
    return this.#tabs.takeOver();
  }

  dismissTabNote(): void {
    this.#tabNote = null;
  }

  dismissCrash(): void {
    this.#crash = null;
  }

  #mustEdit(): void {
    if (this.#access !== 'owner') throw new ReadOnlyWorkspaceError();
  }

  /** This tab edits now: show what the other tab saved last, then save from here on. */
  async #becameOwner(how: 'start' | 'released' | 'took'): Promise<void> {
    this.#access = 'owner';
    this.#tabNote = how === 'released' ? { key: 'ws.tab.released' } : null;
    if (how !== 'start') await this.#serial(() => this.#reloadSaved());
  }

  /** Replaces the tables with the saved workspace when another tab saved a newer one. */
  async #reloadSaved(): Promise<void> {
    if (this.#phase !== 'ready') return;
    let saved: WorkspaceDoc | null;
    try {
      saved = await this.#tabs.read(loadSavedWorkspace);
    } catch (e) {
      this.#saveProblem = storageProblem(e);
      return;
    }
    if (!saved || saved.savedAt === this.#doc.savedAt) return;
    this.#reports = saved.sources.map((src) => src.report).reverse();
    await this.#replace(withDefaults(saved), false);
  }

  readonly #onCrash = (e: Error): void => void this.#recover(e);

  /**
   * The DuckDB worker died (out of memory on a huge file, say). The document in memory is the
   * last consistent workspace (a change only reaches it after its tables were built), so a new
   * engine is started and the tables are rebuilt from it. The page is never reloaded, and after
   * MAX_RECOVERIES crashes it stops trying: no crash loop.
   */
  async #recover(e: Error): Promise<void> {
    // A crash while starting fails the start, which says so; nothing was opened to recover.
    if (this.#recovering || this.#phase !== 'ready') return;
    this.#recovering = true;
    const reason = errorText(e);
    this.#crash = { key: 'ws.crash.recovering', params: { reason } };
    try {
      await this.#serial(async () => {
        this.#recoveries++;
        const dead = this.#db;
        if (this.#recoveries > MAX_RECOVERIES) {
          this.#phase = 'failed';
          this.#crash = { key: 'ws.crash.gave_up', params: { reason } };
          return;
        }
        this.#busy = { message: { key: 'ws.crash.restarting' }, fraction: null };
        try {
          this.#db = await this.openDatabase(this.#onCrash);
          void dead?.close().catch(() => undefined);
          await this.#apply(this.#doc, TABLE_NAMES, false);
          this.#engineGeneration++;
          this.#phase = 'ready';
          this.#crash = { key: 'ws.crash.recovered', params: { reason } };
        } catch (again) {
          this.#phase = 'failed';
          this.#crash = { key: 'ws.crash.gave_up', params: { reason: errorText(again) } };
        } finally {
          this.#busy = null;
        }
      });
    } finally {
      this.#recovering = false;
    }
  }

  /** Runs SQL for the views and the scripting API; `params` bind to `?` placeholders. */
  async sql(text: string, params: readonly Param[] = []): Promise<Row[]> {
    return toRows(await this.db.query(text, params));
  }

  async preview(table: TableName, limit: number): Promise<Row[]> {
    return toRows(await this.db.query(`SELECT * FROM ${ident(table)} LIMIT ${Math.max(0, Math.floor(limit))}`));
  }

  async #loadDemo(id: string): Promise<void> {
    this.#busy = { message: { key: 'app.status.loading_demo' }, fraction: null };
    const files = await fetchDemoFiles(id);
    const outcomes = await this.#runImport(files, {});
    const doc: WorkspaceDoc = {
      ...withSources(emptyWorkspace(id), outcomes.flatMap((o) => (o.source ? [o.source] : []))),
      demo: id,
    };
    this.#reports = outcomes.map((o) => o.report);
    this.#questions = [];
    await this.#replace(doc, true);
  }

  async #runImport(files: readonly FileInput[], ctx: ImportContext): Promise<ImportOutcome[]> {
    const knownUnits = ctx.knownUnits ?? (await this.#knownUnits());
    this.#busy = { message: { key: 'app.status.importing', params: { file: files[0]?.name ?? '', done: 0, total: files.length } }, fraction: 0 };
    try {
      return await this.#importer.run(files, { ...ctx, knownUnits }, (p) => {
        this.#busy = {
          message: { key: 'app.status.importing', params: { file: p.file, done: p.done + 1, total: p.total } },
          fraction: p.total > 0 ? p.done / p.total : null,
        };
      });
    } finally {
      this.#busy = null;
    }
  }

  async #knownUnits(): Promise<string[]> {
    if (this.#counts.units === 0) return [];
    return (await this.sql('SELECT unit FROM units')).map((r) => String(r['unit']));
  }

  async #replace(doc: WorkspaceDoc, save: boolean): Promise<void> {
    await this.#apply(doc, TABLE_NAMES, save);
  }

  async #commit(doc: WorkspaceDoc): Promise<void> {
    const tables = changedTables(this.#doc, doc);
    if (tables.length === 0) return;
    await this.#apply(doc, tables, true);
  }

  async #apply(doc: WorkspaceDoc, tables: readonly TableName[], save: boolean): Promise<void> {
    this.#busy = { message: { key: 'app.status.building' }, fraction: null };
    try {
      await loadTables(this.db, doc.sources, tables);
      this.#doc = doc;
      this.#error = null;
      this.#counts = await this.#countRows();
      this.#busy = { message: { key: 'app.status.scoring' }, fraction: null };
      this.#scoringSql = await this.afterChange(this.db);
      this.#version++;
    } finally {
      this.#busy = null;
    }
    if (save) await this.#save();
  }

  /** Autosave. A read-only tab does not write; a refusal of the browser's is shown, not thrown. */
  /**
   * A shared page keeps changes in memory only: every file:// page shares one storage, and the
   * file stays as it was sent (open it in the app to go on with the work).
   */
  async #openShared(bytes: Uint8Array): Promise<void> {
    this.#autosave = false;
    const doc = withDefaults(await decodeWorkspaceFile(bytes));
    this.#reports = doc.sources.map((src) => src.report).reverse();
    await this.#replace(doc, false);
    this.#phase = 'ready';
  }

  async #save(): Promise<void> {
    if (!this.#autosave) return;
    const doc = { ...this.#doc, savedAt: new Date().toISOString() };
    try {
      if (!(await this.#tabs.write(() => saveWorkspace(doc)))) return;
      this.#doc = doc;
      this.#saveProblem = null;
      this.#tabs.announceSave(doc.savedAt);
    } catch (e) {
      this.#saveProblem = storageProblem(e);
    }
  }

  async #countRows(): Promise<Record<TableName, number>> {
    const sql = TABLE_NAMES.map((t) => `SELECT '${t}' AS t, count(*) AS n FROM ${ident(t)}`).join(' UNION ALL ');
    const counts = zeroCounts();
    for (const r of await this.sql(sql)) counts[r['t'] as TableName] = Number(r['n']);
    return counts;
  }

  /**
   * Resolves when every change asked for so far is done: its tables loaded, scored and saved.
   * Between loading and scoring the results tables still hold the last scoring (they are
   * materialised), so a reader that must see a change's results waits for this.
   */
  settled(): Promise<void> {
    return this.#serial(async () => {});
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(work, work);
    this.#queue = next.catch(() => undefined);
    return next;
  }
}

function zeroCounts(): Record<TableName, number> {
  return Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])) as Record<TableName, number>;
}

/** Storage full, or none (private mode): the banner says which and offers the workspace file. */
function storageProblem(e: unknown): Message {
  const problem = storageErrorOf(e);
  return { key: `ws.storage.${problem.problem}`, params: { reason: problem.reason } };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
