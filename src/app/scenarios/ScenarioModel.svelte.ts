// The scenarios as the page sees them: the list (in the workspace document, autosaved), the
// active one (in the document and the address), its compare rows, and the re-scoring, which
// coalesces: while one run is under way, only the latest change waits for the next.
import { toRows } from '../../db/rows';
import type { Lang, Message } from '../../i18n/types';
import {
  CHANGES_SQL,
  executeCompare,
  PREPARE_COMPARE,
  newScenarioId,
  planOf,
  SCENARIO_YEARS_SQL,
  scenarioProblems,
  type ChangeRow,
  type CompareRow,
  type Override,
  type Scenario,
  withScenario,
} from '../../scenarios';
import type { WorkspaceModel } from '../workspace.svelte';
import { liveScenario } from './live.svelte';
import { putScenarioInUrl, scenarioFromUrl } from './url';

export class ScenarioModel {
  #draft = $state.raw<Scenario | null>(null);
  #rows = $state.raw<readonly CompareRow[]>([]);
  #changes = $state.raw<readonly ChangeRow[]>([]);
  #years = $state.raw<readonly number[]>([]);
  #year = $state<number | null>(null);
  #error = $state.raw<Message | null>(null);
  #notice = $state.raw<Message | null>(null);
  #ms = $state<number | null>(null);
  #stamp = $state(0);
  #scored = $state('');
  #baseYears: { readonly stamp: string; readonly years: readonly number[] } | null = null;
  #running = false;
  #prepared = false;
  #pending = false;

  constructor(
    private readonly model: WorkspaceModel,
    private readonly lang: () => Lang,
    private readonly say: (key: string, params?: Message['params']) => string,
  ) {}

  get scenarios(): readonly Scenario[] { return this.model.doc.scenarios ?? []; }
  get activeId(): string | null { return this.model.doc.activeScenario ?? null; }
  /** The active scenario, with the change being dragged when there is one. */
  get active(): Scenario | null {
    const saved = this.scenarios.find((s) => s.id === this.activeId) ?? null;
    return saved && this.#draft?.id === saved.id ? this.#draft : saved;
  }
  get plan() { return planOf(this.active); }
  get rows() { return this.#rows; }
  get changes() { return this.#changes; }
  get years() { return this.#years; }
  get year() { return this.#year; }
  set year(y: number | null) { this.#year = y; void this.refresh(); }
  get error() { return this.#error; }
  get notice() { return this.#notice; }
  /** Milliseconds the last re-score took (overrides → scores → compare rows). */
  get ms() { return this.#ms; }
  /** The overrides the compare shows, as JSON: which step of a drag it is. */
  get scored() { return this.#scored; }
  /** Bumped after every re-score: the compare redraws when it moves. */
  get stamp() { return this.#stamp; }

  /** On start: the scenario named in the address wins; else the saved one goes into the address. */
  async adoptUrl(): Promise<void> {
    const id = scenarioFromUrl();
    if (id === null) return putScenarioInUrl(this.activeId);
    if (this.scenarios.some((s) => s.id === id)) {
      if (id !== this.activeId) await this.model.setScenarios(this.scenarios, id);
    } else {
      this.#notice = { key: 'sc.not_found', params: { id } };
      putScenarioInUrl(null);
      if (this.activeId !== null) await this.model.setScenarios(this.scenarios, null);
    }
  }

  async open(id: string | null): Promise<void> {
    this.#draft = null;
    this.#notice = null;
    putScenarioInUrl(id);
    await this.model.setScenarios(this.scenarios, id);
  }

  async create(): Promise<void> {
    const names = new Set(this.scenarios.map((s) => s.name));
    let n = this.scenarios.length + 1;
    while (names.has(this.say('sc.new_name', { n }))) n++;
    const s: Scenario = { id: newScenarioId(), name: this.say('sc.new_name', { n }), note: '', overrides: [] };
    await this.#save([...this.scenarios, s], s.id);
  }

  async duplicate(id: string): Promise<void> {
    const from = this.scenarios.find((s) => s.id === id);
    if (!from) return;
    const names = new Set(this.scenarios.map((s) => s.name));
    let name = this.say('sc.copy_name', { name: from.name });
    while (names.has(name)) name = this.say('sc.copy_name', { name });
    const s: Scenario = { ...from, id: newScenarioId(), name };
    await this.#save([...this.scenarios, s], s.id);
  }

  async remove(id: string): Promise<void> {
    await this.#save(this.scenarios.filter((s) => s.id !== id), this.activeId === id ? null : this.activeId);
  }

  /** Saves a changed scenario; returns the problems that kept it from being saved. */
  async update(s: Scenario): Promise<Message[]> {
    const problems = scenarioProblems(s, this.scenarios);
    if (problems.length > 0) return problems;
    this.#draft = null;
    await this.#save(this.scenarios.map((x) => (x.id === s.id ? s : x)), this.activeId);
    return [];
  }

  /** Shows a change without saving it (the slider while it is dragged). */
  preview(overrides: readonly Override[]): void {
    const a = this.active;
    if (!a) return;
    this.#draft = { ...a, overrides };
    void this.refresh();
  }

  async #save(list: readonly Scenario[], active: string | null): Promise<void> {
    putScenarioInUrl(active);
    await this.model.setScenarios(list, active);
  }

  /** Scores the active scenario and reads the compare; a call while one runs is coalesced. */
  async refresh(): Promise<void> {
    if (this.#running) {
      this.#pending = true;
      return;
    }
    this.#running = true;
    try {
      do {
        this.#pending = false;
        await this.#score();
      } while (this.#pending);
    } finally {
      this.#running = false;
    }
  }

  async #score(): Promise<void> {
    const s = this.active;
    if (!s || this.model.phase !== 'ready') {
      this.#rows = [];
      this.#changes = [];
      if (liveScenario(this.model).current !== null) liveScenario(this.model).scored(null);
      return;
    }
    const t0 = performance.now();
    try {
      const db = this.model.db;
      const plan = planOf(s);
      const dragging = this.#draft !== null;
      const opts = { lang: this.lang(), stamp: `${this.model.version}|${this.lang()}` };
      const done = await withScenario(db, s, opts, async (fresh) => {
        if (fresh || !this.#prepared) await db.exec(PREPARE_COMPARE);
        this.#prepared = true;
        // The base's years change with the data only: a drag step does not ask again.
        if (this.#baseYears?.stamp !== opts.stamp) this.#baseYears = { stamp: opts.stamp, years: toRows(await db.query(SCENARIO_YEARS_SQL)).map((r) => Number(r['year'])) };
        const base = this.#baseYears.years;
        const years = plan && !base.includes(plan.year) ? [plan.year, ...base] : base;
        const year = this.#year !== null && years.includes(this.#year) ? this.#year : (plan?.year ?? years[0] ?? null);
        if (year === null) return null;
        const rows = toRows(await db.query(executeCompare(year))) as unknown as CompareRow[];
        const ms = performance.now() - t0;
        // While the slider is dragged only the totals follow; the causes come when it is let go.
        const changes = dragging ? [] : (toRows(await db.query(CHANGES_SQL, [year])) as unknown as ChangeRow[]);
        return { years, rows, ms, changes };
      });
      if (!done) return;
      this.#years = done.years;
      this.#rows = done.rows;
      this.#changes = done.changes;
      this.#ms = done.ms;
      this.#stamp++;
      this.#scored = JSON.stringify(s.overrides);
      liveScenario(this.model).scored(s);
      this.#error = null;
    } catch (e) {
      this.#error = { key: 'sc.failed', params: { reason: e instanceof Error ? e.message : String(e) } };
    }
  }
}
