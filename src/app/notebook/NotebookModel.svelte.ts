// The notebook as the page sees it: its cells, their states and the inputs' values, kept in step
// with the workspace document (the notebook file text, autosaved with it) and with the data.
import DEFAULT_NOTEBOOK from '../../../data/notebooks/overview.md?raw';
import type { Row } from '../../db/rows';
import type { Param } from '../../db/types';
import type { Message } from '../../i18n/types';
import { SCHEMA_SQL, type ChartPageRequest, type Sort } from '../../notebook/build-sql';
import type { Cell, CellKind } from '../../notebook/cells';
import { notebookFileName, parseNotebook, serialiseNotebook, FILE_HEADER } from '../../notebook/file';
import { fetchPage, type Page } from '../../notebook/run';
import { Session, type CellState, type Entry, type ScenarioAccess } from '../../notebook/session';
import type { View } from '../../notebook/variant';
import { withScenario, type Scenario } from '../../scenarios';
import type { Lang } from '../../i18n/types';
import { toRows } from '../../db/rows';
import type { WorkspaceModel } from '../workspace.svelte';
import { newCell } from './templates';

/** The default notebook as it would be saved: a notebook equal to it is stored as null. */
const DEFAULT_TEXT = serialiseNotebook(parseNotebook(DEFAULT_NOTEBOOK));
const IDLE: CellState = { status: 'idle' };
/** Cells this close to the screen count as on it: they are ready when scrolled to. */
const MARGIN = 150;

export class NotebookModel {
  #entries = $state.raw<readonly Entry[]>([]);
  #states = $state.raw<Readonly<Record<string, CellState>>>({});
  #values = $state.raw<ReadonlyMap<string, Param>>(new Map());
  #schema = $state.raw<Readonly<Record<string, readonly string[]>>>({});
  #opened = $state.raw<ReadonlySet<string>>(new Set());
  #stale = $state.raw<ReadonlySet<string>>(new Set());
  #runs = $state(0);
  #lastRunMs = $state(0);
  #problem = $state.raw<Message | null>(null);
  #view = $state<View>('base');
  #scenario = $state.raw<Scenario | null>(null);
  #session: Session | null = null;
  #access: ScenarioAccess | null = null;
  readonly #shown = new Map<string, Element>();
  /** The file text last loaded or saved (null: the default), so our own saves are not reloaded. */
  #written: string | null | undefined = undefined;
  /** The notebook text the workspace document held when last looked at. */
  #docText: string | null | undefined = undefined;
  #ids = 0;

  constructor(private readonly workspace: WorkspaceModel) {}

  get entries() { return this.#entries; }
  get values() { return this.#values; }
  get schema() { return this.#schema; }
  /** Plans run so far, and how long the last took: the browser benchmark reads these. */
  get runs() { return this.#runs; }
  get lastRunMs() { return this.#lastRunMs; }
  get problem() { return this.#problem; }
  /** The notebook's view (base, scenario, difference), and the scenario it shows. */
  get view() { return this.#view; }
  get scenario() { return this.#scenario; }

  state(id: string): CellState { return this.#states[id] ?? IDLE; }
  /** Cells added here: their editors start open. */
  isNew(id: string): boolean { return this.#opened.has(id); }
  /** Out of sight when their inputs changed: they run when they scroll into view. */
  isStale(id: string): boolean { return this.#stale.has(id); }

  /** The workspace is open: from now on cells run against its database. */
  start(): void {
    this.#session ??= new Session(this.workspace.db, {
      state: (id, s) => (this.#states = { ...this.#states, [id]: s }),
      values: (v) => (this.#values = new Map(v)),
      ran: ({ ms }) => {
        this.#lastRunMs = ms;
        this.#runs++;
        // What a run drew may have moved stale cells into sight without crossing an observer.
        requestAnimationFrame(() => this.lookAgain());
      },
      stale: (ids) => (this.#stale = ids),
    }, (id) => this.#onScreen(id));
    void this.#session.setCells(this.#entries);
    if (this.#access) void this.#session.setScenario(this.#access);
    if (this.#view !== 'base') void this.#session.setView(this.#view);
  }

  setView(view: View): void {
    this.#view = view;
    void this.#session?.setView(view);
  }

  /** A cell's own view (null: the notebook's); saved in the notebook file. */
  setCellView(id: string, view: View | null): void {
    const e = this.#entries.find((x) => x.id === id);
    if (!e) return;
    const { view: _old, ...rest } = e.cell;
    this.update(id, view ? { ...rest, view } : rest);
  }

  /**
   * The scenario the page shows (null: none), given again after each re-score: the views that
   * show it read it again, with its overrides laid out by src/scenarios while they read.
   */
  scenarioChanged(s: Scenario | null, lang: Lang, words: ScenarioAccess['words']): void {
    this.#scenario = s;
    const db = this.workspace.db;
    const opts = { lang, stamp: `${this.workspace.version}|${lang}` };
    this.#access = s ? { words, run: (work) => withScenario(db, s, opts, () => work()) } : null;
    void this.#session?.setScenario(this.#access);
  }

  /**
   * The workspace document changed. Only a change of its notebook text (a workspace opened,
   * restored or cleared) replaces the notebook: the document is replaced for other reasons too,
   * sometimes while a save of ours is still queued behind that change.
   */
  documentChanged(text: string | null): void {
    if (text === this.#docText) return;
    this.#docText = text;
    this.load(text);
  }

  /** Shows the notebook in `text` (null: the default notebook). */
  load(text: string | null): void {
    if (text === this.#written) return;
    this.#written = text;
    this.#states = {};
    this.#opened = new Set();
    this.#entries = parseNotebook(text ?? DEFAULT_NOTEBOOK).map((cell) => ({ id: this.#id(), cell }));
    this.#session?.forget();
    void this.#session?.setCells(this.#entries).then(() => this.refreshSchema());
  }

  dataChanged(): void {
    void this.#session?.dataChanged().then(() => this.refreshSchema());
  }

  update(id: string, cell: Cell): void {
    this.#commit(this.#entries.map((e) => (e.id === id ? { id, cell } : e)));
  }

  /** Adds a cell of `kind` at `at`; `markdown` is a new text cell's first words, in the UI language. */
  async add(kind: CellKind, at: number, markdown: string): Promise<void> {
    await this.refreshSchema();
    const id = this.#id();
    const cell = newCell(kind, this.#entries.map((e) => e.cell), (relation) => this.#columnsOf(relation), markdown);
    this.#opened = new Set([...this.#opened, id]);
    this.#commit([...this.#entries.slice(0, at), { id, cell }, ...this.#entries.slice(at)]);
  }

  remove(id: string): void {
    this.#commit(this.#entries.filter((e) => e.id !== id));
  }

  move(id: string, delta: number): void {
    const from = this.#entries.findIndex((e) => e.id === id);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= this.#entries.length) return;
    const next = [...this.#entries];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved!);
    this.#commit(next);
  }

  /** A cell shows its output in `element` (null: no longer); cells off screen wait to run. */
  show(id: string, element: Element | null): void {
    if (element) this.#shown.set(id, element);
    else this.#shown.delete(id);
  }

  /** Something scrolled into sight: stale cells now on screen run. */
  lookAgain(): void {
    void this.#session?.lookAgain();
  }

  #onScreen(id: string): boolean {
    const box = this.#shown.get(id)?.getBoundingClientRect();
    return box !== undefined && box.bottom >= -MARGIN && box.top <= innerHeight + MARGIN && box.height > 0;
  }

  rerun(id: string): void {
    void this.#session?.rerun(id);
  }

  setValue(name: string, value: Param): void {
    void this.#session?.setValue(name, value);
  }

  /** Cross-filter: clicking what is already chosen clears it. */
  select(choices: readonly (readonly [string, Param])[]): void {
    const all = choices.every(([name, v]) => v !== null && String(this.#values.get(name.toLowerCase())) === String(v));
    for (const [name, v] of choices) this.setValue(name, all ? null : v);
  }

  setPage(id: string, request: ChartPageRequest): void {
    void this.#session?.setPage(id, request);
  }

  page(relation: string, sort: Sort | null, offset: number, limit: number): Promise<Page> {
    return fetchPage(this.workspace.db, relation, sort, offset, limit);
  }

  /** The notebook file: text and a name for the download. */
  file(): { name: string; text: string } {
    const cells = this.#entries.map((e) => e.cell);
    return { name: notebookFileName(cells, 'notebook'), text: serialiseNotebook(cells) };
  }

  /** Opens a notebook file; text that is not one changes nothing and says why. */
  open(name: string, text: string): void {
    const cells = parseNotebook(text);
    if (!text.includes(FILE_HEADER) && !cells.some((c) => c.kind !== 'markdown')) {
      this.#problem = { key: 'nb.open.not_notebook', params: { file: name } };
      return;
    }
    this.#problem = null;
    this.#written = undefined;
    this.#states = {};
    this.#opened = new Set();
    this.#session?.forget();
    this.#commit(cells.map((cell) => ({ id: this.#id(), cell })));
  }

  reset(): void {
    this.#problem = null;
    this.load(null);
    this.#save();
  }

  clearProblem(): void {
    this.#problem = null;
  }

  #commit(entries: readonly Entry[]): void {
    this.#entries = entries;
    void this.#session?.setCells(entries).then(() => this.refreshSchema());
    this.#save();
  }

  #save(): void {
    const text = serialiseNotebook(this.#entries.map((e) => e.cell));
    const stored = text === DEFAULT_TEXT ? null : text;
    this.#written = stored;
    if (stored !== this.workspace.doc.notebook) void this.workspace.setNotebook(stored);
  }

  #columnsOf(relation: string): readonly string[] {
    return this.#schema[relation.toLowerCase()] ?? [];
  }

  /** Reads the tables and columns there are now, for completion and the chart form. */
  async refreshSchema(): Promise<void> {
    try {
      const rows: Row[] = toRows(await this.workspace.db.query(SCHEMA_SQL));
      const schema: Record<string, string[]> = {};
      for (const r of rows) (schema[String(r['table_name']).toLowerCase()] ??= []).push(String(r['column_name']));
      this.#schema = schema;
    } catch {
      // completion is a help, never a failure
    }
  }

  #id(): string {
    return `c${++this.#ids}`;
  }
}
