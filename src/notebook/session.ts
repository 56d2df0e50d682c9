// A running notebook: its cells, the values of its inputs, and each cell's latest state. Every
// change (an edit, an input, new data) becomes a plan of exactly the cells it affects; changes
// that arrive while a plan runs are merged into the next one.
import { toRows } from '../db/rows';
import type { Param } from '../db/types';
import type { Message } from '../i18n/types';
import { RESERVED_SQL, type ChartPageRequest } from './build-sql';
import type { Cell } from './cells';
import { buildGraph, planRun, type Graph } from './graph';
import { duckdbMessage } from './errors';
import { splitPlan, upstreamOf } from './lazy';
import { markdownRefs, type RefValue } from './markdown-text';
import {
  columnsOfRelation,
  dropRelation,
  runChart,
  runInput,
  runSql,
  showRelation,
  type ChartOutput,
  type InputOutput,
  type Outcome,
  type Querier,
  type SqlOutput,
} from './run';
import { parseChartSpec } from './specs';
import { buildDiffSql, scenarioDependent, scenarioRename, variantName, VIEWS, type ChangeWords, type View } from './variant';

/** The active scenario, as the notebook reads it (the page gives it; src/scenarios lays it out). */
export interface ScenarioAccess {
  /** Runs `work` with the scenario's relations (`scenario.totals`, …) in place and held still. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Words of the difference's Δ column, in the UI language. */
  readonly words: ChangeWords;
}

export interface Entry {
  readonly id: string;
  readonly cell: Cell;
}

export interface MarkdownOutput {
  readonly kind: 'markdown';
  /** `name` or `name.column` → the value to show; absent references stay as written. */
  readonly values: Readonly<Record<string, RefValue>>;
}

export type CellOutput = SqlOutput | ChartOutput | InputOutput | MarkdownOutput;

export type CellState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly output: CellOutput | null }
  | { readonly status: 'ok'; readonly output: CellOutput; readonly ms: number }
  | { readonly status: 'error'; readonly error: Message; readonly ms: number }
  | { readonly status: 'blocked'; readonly by: string };

export interface SessionEvents {
  state(id: string, state: CellState): void;
  values(values: ReadonlyMap<string, Param>): void;
  /** After each plan: how many cells ran and how long it took. */
  ran?(summary: { readonly cells: number; readonly ms: number }): void;
  /** Lazy sessions: the cells left stale (out of sight) after each plan. */
  stale?(ids: ReadonlySet<string>): void;
}

const IDLE: CellState = { status: 'idle' };

/** Relations (lower-cased) whose scenario result, and whose difference, the shown views need. */
interface Needs {
  readonly scenario: ReadonlySet<string>;
  readonly diff: ReadonlySet<string>;
}
/** Rows read with a shown result: a short table needs nothing more. */
export const HEAD_ROWS = 200;
const sameCell = (a: Cell, b: Cell) => a.kind === b.kind && a.name === b.name && a.text === b.text && a.view === b.view && a.hide === b.hide;

export class Session {
  #entries: readonly Entry[] = [];
  #graph: Graph = buildGraph([]);
  readonly #states = new Map<string, CellState>();
  readonly #values = new Map<string, Param>();
  readonly #pages = new Map<string, ChartPageRequest>();
  /** Relations this session created, by cell id (lower-cased names). */
  readonly #relations = new Map<string, string>();
  #reserved: Promise<Set<string>> | null = null;
  #pending = { all: false, names: new Set<string>(), ids: new Set<string>(), variants: new Set<string>() };
  #draining: Promise<void> | null = null;
  /** Cells left stale because nothing on screen needed them when their inputs changed. */
  readonly #stale = new Set<string>();
  #scenario: ScenarioAccess | null = null;
  /** The notebook's view; a cell's own `view` wins (variant.ts). */
  #view: View = 'base';
  /** Relations a scenario changes (lower-cased names of sql cells). */
  #dependent = new Set<string>();
  /** The view each cell's output last showed. */
  readonly #shownView = new Map<string, View>();
  /** Why a relation has no scenario result, for the views that wanted it (its own view is the base). */
  readonly #variantErrors = new Map<string, Message>();

  /**
   * `seen`, for a page: whether a cell's output is on screen now; a change then runs only what
   * the cells on screen need (see `lookAgain`). Without it every planned cell runs.
   */
  constructor(
    private readonly db: Querier,
    private readonly events: SessionEvents,
    private readonly seen: ((id: string) => boolean) | null = null,
  ) {}

  get entries(): readonly Entry[] { return this.#entries; }
  get view(): View { return this.#view; }
  get scenarioActive(): boolean { return this.#scenario !== null; }
  get values(): ReadonlyMap<string, Param> { return this.#values; }
  state(id: string): CellState { return this.#states.get(id) ?? IDLE; }

  /** Replaces the cells; re-runs those that are new or changed, and what reads them. */
  async setCells(entries: readonly Entry[]): Promise<void> {
    const before = new Map(this.#entries.map((e) => [e.id, e.cell]));
    const errorsBefore = new Map(this.#entries.map((e, i) => [e.id, this.#graph.errors.get(i)?.key]));
    this.#entries = entries;
    this.#graph = buildGraph(entries.map((e) => e.cell));
    this.#dependent = scenarioDependent(entries.map((e) => e.cell), this.#graph.reads, this.#graph.order);
    for (const [id, name] of [...this.#relations]) {
      const now = entries.find((e) => e.id === id)?.cell;
      if (!now || now.kind !== 'sql' || now.name?.toLowerCase() !== name) {
        this.#relations.delete(id);
        await this.#drop(name);
      }
    }
    for (const id of before.keys()) {
      if (entries.some((e) => e.id === id)) continue;
      this.#states.delete(id);
      this.#stale.delete(id);
      this.#shownView.delete(id);
    }
    const changed = entries.flatMap((e, i) => {
      const old = before.get(e.id);
      const errorChanged = errorsBefore.get(e.id) !== this.#graph.errors.get(i)?.key;
      return !old || !sameCell(old, e.cell) || errorChanged ? [e.id] : [];
    });
    return this.#request({ ids: changed });
  }

  /** Another notebook is coming: its inputs start from their own defaults, not this one's values. */
  forget(): void {
    this.#values.clear();
    this.#pages.clear();
    this.events.values(this.#values);
  }

  /** An input's new value: re-runs the cells that read it. */
  setValue(name: string, value: Param): Promise<void> {
    const key = name.toLowerCase();
    this.#values.set(key, value);
    this.events.values(this.#values);
    const i = this.#graph.provider.get(key);
    const state = i === undefined ? undefined : this.#states.get(this.#entries[i]!.id);
    if (state?.status === 'ok' && state.output.kind === 'input') {
      this.#set(this.#entries[i!]!.id, { ...state, output: { ...state.output, value } });
    }
    return this.#request({ names: [key] });
  }

  /**
   * The notebook's view: base, the active scenario or the difference. Only the cells whose view
   * it changes run, reading what is already made where they can.
   */
  setView(view: View): Promise<void> {
    this.#view = view;
    return this.#request({ variants: this.#entries.flatMap((e) => (this.#effectiveView(e.cell) !== (this.#shownView.get(e.id) ?? 'base') ? [e.id] : [])) });
  }

  /**
   * The active scenario (null: none), given again after every re-score: the cells that show the
   * scenario or the difference run again, and a cell that showed one shows the base when it goes.
   */
  async setScenario(access: ScenarioAccess | null): Promise<void> {
    const closed = this.#scenario !== null && access === null;
    this.#scenario = access;
    // No scenario, no scenario results: their rows (a whole workspace's scores, perhaps) go.
    if (closed) {
      for (const name of this.#relations.values()) {
        for (const view of ['scenario', 'diff'] as const) await dropRelation(this.db, variantName(name, view));
      }
    }
    const variants = this.#entries.flatMap((e) => (this.#effectiveView(e.cell) !== 'base' || (this.#shownView.get(e.id) ?? 'base') !== 'base' ? [e.id] : []));
    // Every cell shows the base: a slider step has nothing to run here (nor to measure the page
    // for, which a request would, to see which stale cells are on screen).
    if (variants.length === 0) return this.#draining ?? Promise.resolve();
    return this.#request({ variants });
  }

  /** The view a cell shows now: sql results and charts follow the notebook's unless they say. */
  effectiveView(id: string): View {
    const e = this.#entries.find((x) => x.id === id);
    return e ? this.#effectiveView(e.cell) : 'base';
  }

  #effectiveView(cell: Cell): View {
    if (!this.#scenario) return 'base';
    if (cell.kind === 'chart' || (cell.kind === 'sql' && !cell.hide)) return cell.view ?? this.#view;
    return 'base';
  }

  /** The workspace's tables changed: every cell that queries re-runs. */
  dataChanged(): Promise<void> {
    this.#reserved = null;
    return this.#request({ all: true });
  }

  /** Something came into sight: the stale cells on screen, and what they read, run now. */
  lookAgain(): Promise<void> {
    return this.seen && this.#stale.size > 0 ? this.#request({}) : Promise.resolve();
  }

  rerun(id: string): Promise<void> {
    return this.#request({ ids: [id] });
  }

  /** Shows another page of a paged chart; only that chart re-runs. */
  setPage(id: string, request: ChartPageRequest): Promise<void> {
    this.#pages.set(id, request);
    return this.#request({ ids: [id] });
  }

  #request(change: { all?: boolean; names?: readonly string[]; ids?: readonly string[]; variants?: readonly string[] }): Promise<void> {
    if (change.all) this.#pending.all = true;
    for (const n of change.names ?? []) this.#pending.names.add(n);
    for (const id of change.ids ?? []) this.#pending.ids.add(id);
    for (const id of change.variants ?? []) this.#pending.variants.add(id);
    this.#draining ??= this.#drain();
    return this.#draining;
  }

  async #drain(): Promise<void> {
    // The loop clears #draining in the same step as it finds nothing left: a request arriving
    // after that starts a new drain, never joins one that has ended.
    try {
      for (;;) {
        await Promise.resolve();
        const p = this.#pending;
        const nothing = !p.all && p.names.size === 0 && p.ids.size === 0 && p.variants.size === 0;
        if (nothing && (!this.seen || this.#stale.size === 0)) return;
        this.#pending = { all: false, names: new Set(), ids: new Set(), variants: new Set() };
        const started = performance.now();
        const full = this.#plan(p);
        const variantsOnly = this.#variantPlan(p.variants, full);
        const plan = this.#lazyPlan(this.#graph.order.filter((i) => full.includes(i) || variantsOnly.has(i)));
        if (plan.length === 0 && nothing) return;
        await this.#execute(plan, variantsOnly);
        this.events.ran?.({ cells: plan.length, ms: performance.now() - started });
      }
    } finally {
      this.#draining = null;
    }
  }

  #plan(p: { all: boolean; names: Set<string>; ids: Set<string> }): number[] {
    if (p.all) return planRun(this.#graph, { kind: 'all' });
    const cells = this.#entries.flatMap((e, i) => (p.ids.has(e.id) ? [i] : []));
    const wanted = new Set([
      ...planRun(this.#graph, { kind: 'names', names: [...p.names] }),
      ...planRun(this.#graph, { kind: 'cells', cells }),
    ]);
    return this.#graph.order.filter((i) => wanted.has(i));
  }

  /**
   * Cells to run for a change of view or scenario only, and not otherwise planned: those asked
   * and the sql cells upstream whose scenario result they need. These keep their base result.
   */
  #variantPlan(ids: ReadonlySet<string>, planned: readonly number[]): Set<number> {
    if (ids.size === 0) return new Set();
    const asked = this.#entries.flatMap((e, i) => (ids.has(e.id) ? [i] : []));
    const needs = this.#needs();
    const out = new Set<number>();
    for (const i of upstreamOf(this.#graph, asked)) {
      const c = this.#entries[i]!.cell;
      const relation = c.kind === 'sql' ? c.name!.toLowerCase() : null;
      if (asked.includes(i) || (relation && (needs.scenario.has(relation) || needs.diff.has(relation)))) out.add(i);
    }
    for (const i of planned) out.delete(i);
    return out;
  }

  /** Relations (lower-cased) whose scenario result and whose difference the shown views need. */
  #needs(): Needs {
    const scenario = new Set<string>();
    const diff = new Set<string>();
    if (!this.#scenario) return { scenario, diff };
    const shows: number[] = [];
    this.#entries.forEach((e, i) => {
      const view = this.#effectiveView(e.cell);
      if (view === 'base') return;
      const relation = this.#shownRelation(e.cell);
      if (!relation) return;
      shows.push(i);
      if (view === 'diff') diff.add(relation);
      scenario.add(relation);
    });
    for (const i of upstreamOf(this.#graph, shows)) {
      const c = this.#entries[i]!.cell;
      if (c.kind === 'sql' && c.name) scenario.add(c.name.toLowerCase());
    }
    for (const r of scenario) if (!this.#dependent.has(r)) scenario.delete(r);
    return { scenario, diff };
  }

  /** The relation a cell shows: a sql cell's own, a chart's `from`. */
  #shownRelation(cell: Cell): string | null {
    if (cell.kind === 'sql') return cell.name?.toLowerCase() ?? null;
    if (cell.kind !== 'chart') return null;
    const spec = parseChartSpec(cell.text);
    return spec.ok ? spec.spec.from.toLowerCase() : null;
  }

  /** The temp table holding `relation` (lower-cased) in `view`: a relation the scenario does not change is its base. */
  #relationIn(relation: string, view: View): string {
    const i = this.#graph.provider.get(relation);
    const name = i === undefined ? relation : (this.#entries[i]!.cell.name ?? relation);
    if (view === 'diff') return variantName(name, 'diff');
    return view === 'scenario' && this.#dependent.has(relation) ? variantName(name, 'scenario') : name;
  }

  #lazyPlan(plan: number[]): number[] {
    const seen = this.seen;
    if (!seen) return plan;
    const onScreen = this.#entries.flatMap((e, i) => (e.cell.kind === 'input' || seen(e.id) ? [i] : []));
    const stale = new Set(this.#entries.flatMap((e, i) => (this.#stale.has(e.id) ? [i] : [])));
    const { now, later } = splitPlan(this.#graph, plan, onScreen, stale);
    for (const i of later) this.#stale.add(this.#entries[i]!.id);
    for (const i of now) this.#stale.delete(this.#entries[i]!.id);
    this.events.stale?.(new Set(this.#stale));
    return now;
  }

  async #execute(plan: readonly number[], variantsOnly: ReadonlySet<number> = new Set()): Promise<void> {
    const graph = this.#graph;
    const entries = this.#entries;
    const needs = this.#needs();
    const done = new Map<number, Promise<void>>();
    for (const i of plan) {
      const ups = graph.upstream[i]!.flatMap((u) => (done.has(u) ? [done.get(u)!] : []));
      done.set(i, Promise.all(ups).then(() => this.#runCell(graph, entries, i, needs, variantsOnly.has(i))));
    }
    await Promise.all(done.values());
  }

  async #runCell(graph: Graph, entries: readonly Entry[], i: number, needs: Needs, variantsOnly: boolean): Promise<void> {
    const { id, cell } = entries[i]!;
    if (cell.kind === 'sql' || cell.kind === 'chart') this.#shownView.set(id, this.#effectiveView(cell));
    const graphError = graph.errors.get(i);
    if (graphError) return this.#set(id, { status: 'error', error: graphError, ms: 0 });
    for (const u of graph.upstream[i]!) {
      const s = this.state(entries[u]!.id);
      if (s.status === 'error' || s.status === 'blocked') return this.#set(id, { status: 'blocked', by: entries[u]!.cell.name ?? '' });
    }
    const previous = this.state(id);
    this.#set(id, { status: 'running', output: previous.status === 'ok' || previous.status === 'running' ? previous.output : null });
    const started = performance.now();
    // Nothing a cell holds may stop the plan: whatever escapes becomes this cell's error.
    const outcome = await this.#outcome(id, cell, needs, variantsOnly).catch((e: unknown): Outcome<CellOutput> => ({ ok: false, error: duckdbMessage(e) }));
    const ms = performance.now() - started;
    this.#set(id, outcome.ok ? { status: 'ok', output: outcome.output, ms } : { status: 'error', error: outcome.error, ms });
  }

  async #outcome(id: string, cell: Cell, needs: Needs, variantsOnly: boolean): Promise<Outcome<CellOutput>> {
    switch (cell.kind) {
      case 'sql': {
        const name = cell.name!.toLowerCase();
        if ((await this.#reservedNames()).has(name)) return { ok: false, error: { key: 'nb.run.reserved', params: { name: cell.name! } } };
        const view = this.#effectiveView(cell);
        const unmade = view === 'base' ? undefined : this.#upstreamVariantError(id);
        if (unmade) return { ok: false, error: unmade };
        const headRows = cell.hide ? (this.#quoted(name) ? 1 : 0) : HEAD_ROWS;
        const keep = variantsOnly && this.#relations.get(id) === name;
        const base = keep ? null : await runSql(this.db, cell.name!, cell.text, this.#values, view === 'base' ? headRows : 0);
        if (base && !base.ok) {
          this.#relations.delete(id);
          await this.#drop(cell.name!);
          return base;
        }
        this.#relations.set(id, name);
        const variants = await this.#variants(cell, needs).catch((e: unknown): Outcome<null> => ({ ok: false, error: duckdbMessage(e) }));
        this.#variantErrors.delete(name);
        if (!variants.ok) {
          // A cell shown as the base keeps working; the views that wanted its scenario say why not.
          if (view !== 'base') return variants;
          this.#variantErrors.set(name, variants.error);
          await dropRelation(this.db, variantName(cell.name!, 'scenario'));
        }
        if (base && view === 'base') return base;
        if (!base && view === 'base') return showRelation(this.db, cell.name!, headRows, 'base');
        return showRelation(this.db, this.#relationIn(name, view), headRows, view);
      }
      case 'chart': {
        const view = this.#effectiveView(cell);
        const from = this.#shownRelation(cell);
        const unmade = view === 'base' || from === null ? undefined : this.#variantErrors.get(from);
        if (unmade) return { ok: false, error: unmade };
        const relation = view === 'base' || from === null ? undefined : { relation: this.#relationIn(from, view), view };
        return runChart(this.db, cell.text, this.#pages.get(id), relation);
      }
      case 'input': {
        const key = cell.name!.toLowerCase();
        const asked = this.#values.get(key);
        const out = await runInput(this.db, cell.text, asked, this.#values);
        // A value chosen while the options were read stands: a plan for it is already pending,
        // and settling the old value now would undo the user's choice.
        if (out.ok && this.#values.get(key) !== asked) return { ok: true, output: { ...out.output, value: this.#values.get(key)! } };
        if (out.ok && (!this.#values.has(key) || this.#values.get(key) !== out.output.value)) {
          this.#values.set(key, out.output.value);
          this.events.values(this.#values);
        }
        return out;
      }
      case 'markdown':
        return { ok: true, output: { kind: 'markdown', values: this.#markdownValues(cell.text) } };
    }
  }

  /** The scenario result and the difference of a sql cell, when a shown view needs them. */
  async #variants(cell: Cell, needs: Needs): Promise<Outcome<null>> {
    const name = cell.name!;
    const lower = name.toLowerCase();
    const access = this.#scenario;
    if (access && needs.scenario.has(lower)) {
      const names = new Map(this.#entries.flatMap((e) => (e.cell.kind === 'sql' && e.cell.name ? [[e.cell.name.toLowerCase(), e.cell.name] as const] : [])));
      const rename = scenarioRename(this.#dependent, names);
      const out = await access.run(() => runSql(this.db, variantName(name, 'scenario'), cell.text, this.#values, 0, rename, 'scenario'));
      if (!out.ok) return out;
    }
    if (access && needs.diff.has(lower)) {
      const columns = await columnsOfRelation(this.db, name);
      await this.db.query(buildDiffSql(variantName(name, 'diff'), name, this.#relationIn(lower, 'scenario'), columns, access.words));
    }
    return { ok: true, output: null };
  }

  /** The reason a relation this cell reads has no scenario result, if one has none. */
  #upstreamVariantError(id: string): Message | undefined {
    const i = this.#entries.findIndex((e) => e.id === id);
    for (const u of this.#graph.upstream[i] ?? []) {
      const error = this.#variantErrors.get(this.#entries[u]!.cell.name?.toLowerCase() ?? '');
      if (error) return error;
    }
    return undefined;
  }

  /** Drops a cell's relation and its scenario and difference results. */
  async #drop(name: string): Promise<void> {
    for (const view of VIEWS) await dropRelation(this.db, variantName(name, view));
  }

  /** Does a markdown cell quote this relation's first row? */
  #quoted(name: string): boolean {
    return this.#entries.some((e, i) => e.cell.kind === 'markdown' && this.#graph.reads[i]!.includes(name));
  }

  #markdownValues(text: string): Record<string, RefValue> {
    const out: Record<string, RefValue> = {};
    for (const ref of markdownRefs(text)) {
      const key = ref.name.toLowerCase();
      if (ref.column === null) {
        if (this.#values.has(key)) out[ref.name] = this.#values.get(key);
        continue;
      }
      const i = this.#graph.provider.get(key);
      const s = i === undefined ? undefined : this.state(this.#entries[i]!.id);
      const row = s?.status === 'ok' && s.output.kind === 'sql' ? s.output.firstRow : undefined;
      if (row !== undefined) out[`${ref.name}.${ref.column}`] = row === null ? null : row[ref.column];
    }
    return out;
  }

  #reservedNames(): Promise<Set<string>> {
    const asked = (this.#reserved ??= this.db
      .query(RESERVED_SQL)
      .then((t) => new Set(toRows(t).map((r) => String(r['table_name']).toLowerCase()))));
    asked.catch(() => {
      if (this.#reserved === asked) this.#reserved = null;
    });
    return asked;
  }

  #set(id: string, state: CellState): void {
    this.#states.set(id, state);
    this.events.state(id, state);
  }
}
