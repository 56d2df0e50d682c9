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
import { splitPlan } from './lazy';
import { markdownRefs, type RefValue } from './markdown-text';
import {
  dropRelation,
  runChart,
  runInput,
  runSql,
  type ChartOutput,
  type InputOutput,
  type Outcome,
  type Querier,
  type SqlOutput,
} from './run';

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
/** Rows read with a shown result: a short table needs nothing more. */
export const HEAD_ROWS = 200;
const sameCell = (a: Cell, b: Cell) => a.kind === b.kind && a.name === b.name && a.text === b.text;

export class Session {
  #entries: readonly Entry[] = [];
  #graph: Graph = buildGraph([]);
  readonly #states = new Map<string, CellState>();
  readonly #values = new Map<string, Param>();
  readonly #pages = new Map<string, ChartPageRequest>();
  /** Relations this session created, by cell id (lower-cased names). */
  readonly #relations = new Map<string, string>();
  #reserved: Promise<Set<string>> | null = null;
  #pending = { all: false, names: new Set<string>(), ids: new Set<string>() };
  #draining: Promise<void> | null = null;
  /** Cells left stale because nothing on screen needed them when their inputs changed. */
  readonly #stale = new Set<string>();

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
  get values(): ReadonlyMap<string, Param> { return this.#values; }
  state(id: string): CellState { return this.#states.get(id) ?? IDLE; }

  /** Replaces the cells; re-runs those that are new or changed, and what reads them. */
  async setCells(entries: readonly Entry[]): Promise<void> {
    const before = new Map(this.#entries.map((e) => [e.id, e.cell]));
    const errorsBefore = new Map(this.#entries.map((e, i) => [e.id, this.#graph.errors.get(i)?.key]));
    this.#entries = entries;
    this.#graph = buildGraph(entries.map((e) => e.cell));
    for (const [id, name] of [...this.#relations]) {
      const now = entries.find((e) => e.id === id)?.cell;
      if (!now || now.kind !== 'sql' || now.name?.toLowerCase() !== name) {
        this.#relations.delete(id);
        await dropRelation(this.db, name);
      }
    }
    for (const id of before.keys()) {
      if (entries.some((e) => e.id === id)) continue;
      this.#states.delete(id);
      this.#stale.delete(id);
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

  #request(change: { all?: boolean; names?: readonly string[]; ids?: readonly string[] }): Promise<void> {
    if (change.all) this.#pending.all = true;
    for (const n of change.names ?? []) this.#pending.names.add(n);
    for (const id of change.ids ?? []) this.#pending.ids.add(id);
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
        if (!p.all && p.names.size === 0 && p.ids.size === 0 && (!this.seen || this.#stale.size === 0)) return;
        this.#pending = { all: false, names: new Set(), ids: new Set() };
        const started = performance.now();
        const plan = this.#lazyPlan(this.#plan(p));
        if (plan.length === 0 && !p.all && p.names.size + p.ids.size === 0) return;
        await this.#execute(plan);
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

  async #execute(plan: readonly number[]): Promise<void> {
    const graph = this.#graph;
    const entries = this.#entries;
    const done = new Map<number, Promise<void>>();
    for (const i of plan) {
      const ups = graph.upstream[i]!.flatMap((u) => (done.has(u) ? [done.get(u)!] : []));
      done.set(i, Promise.all(ups).then(() => this.#runCell(graph, entries, i)));
    }
    await Promise.all(done.values());
  }

  async #runCell(graph: Graph, entries: readonly Entry[], i: number): Promise<void> {
    const { id, cell } = entries[i]!;
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
    const outcome = await this.#outcome(id, cell).catch((e: unknown): Outcome<CellOutput> => ({ ok: false, error: duckdbMessage(e) }));
    const ms = performance.now() - started;
    this.#set(id, outcome.ok ? { status: 'ok', output: outcome.output, ms } : { status: 'error', error: outcome.error, ms });
  }

  async #outcome(id: string, cell: Cell): Promise<Outcome<CellOutput>> {
    switch (cell.kind) {
      case 'sql': {
        const name = cell.name!.toLowerCase();
        if ((await this.#reservedNames()).has(name)) return { ok: false, error: { key: 'nb.run.reserved', params: { name: cell.name! } } };
        const out = await runSql(this.db, cell.name!, cell.text, this.#values, cell.hide ? (this.#quoted(name) ? 1 : 0) : HEAD_ROWS);
        if (out.ok) this.#relations.set(id, name);
        else {
          this.#relations.delete(id);
          await dropRelation(this.db, cell.name!);
        }
        return out;
      }
      case 'chart':
        return runChart(this.db, cell.text, this.#pages.get(id));
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
