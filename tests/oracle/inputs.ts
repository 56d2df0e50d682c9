// The oracle's inputs, held the way a hand-written dashboard would: names interned to small
// integers, results in one map keyed by (year, unit, indicator, round) packed into a number, so
// three million results never become three million row objects.

/** One canonical row: column name → text (numbers already canonical decimals), or null. */
export type Row = Readonly<Record<string, string | null | undefined>>;

export const DEFAULT_ROUND = '年终';

export interface Unit {
  readonly id: number;
  readonly name: string;
  kind: string | null;
  population: string | null;
  /** Row order in the units table; units seen only in results come after, in order of appearance. */
  ord: number;
  listed: boolean;
  inResults: boolean;
}

export interface RubricRow {
  readonly indicator: number;
  readonly row: number;
  readonly points: string | null;
  readonly rule: string | null;
  readonly direction: string | null;
  readonly step: string | null;
  readonly low: string | null;
  readonly high: string | null;
  readonly levels: string | null;
  readonly year: number | null;
  readonly kind: string | null;
}

export interface Veto {
  readonly year: number;
  readonly unit: number;
  readonly reason: string | null;
}

const YEAR_BASE = 1800;
const UNIT_BITS = 2 ** 20;
const INDICATOR_BITS = 2 ** 14;
const ROUND_BITS = 2 ** 5;
const YEAR_BITS = 2 ** 9;

const blank = (v: string | null | undefined): v is null | undefined => v == null || v.trim() === '';
const orNull = (v: string | null | undefined): string | null => (blank(v) ? null : v.trim());

export class Inputs {
  readonly units: Unit[] = [];
  readonly rubric: RubricRow[] = [];
  readonly vetoes: Veto[] = [];
  readonly settings: { key: string; value: string }[] = [];
  /** (year, unit, indicator, round) → the first actual given. */
  readonly results = new Map<number, string>();
  /** Further rows for a key already given: a bonus item sums them all. */
  readonly extraResults = new Map<number, string[]>();
  /** `${year}|${unit id or -1 for every unit}|${indicator}` → the first target given. */
  readonly targets = new Map<string, string>();
  readonly resultYears = new Set<number>();

  readonly #unitIds = new Map<string, number>();
  readonly #indicatorIds = new Map<string, number>();
  readonly #roundIds = new Map<string, number>();
  #listedUnits = 0;

  unitId(name: string): number {
    let id = this.#unitIds.get(name);
    if (id === undefined) {
      id = this.units.length;
      this.#unitIds.set(name, id);
      this.units.push({ id, name, kind: null, population: null, ord: Number.MAX_SAFE_INTEGER, listed: false, inResults: false });
    }
    return id;
  }

  indicatorId(name: string): number {
    let id = this.#indicatorIds.get(name);
    if (id === undefined) {
      id = this.#indicatorIds.size;
      this.#indicatorIds.set(name, id);
    }
    return id;
  }

  roundId(name: string): number {
    let id = this.#roundIds.get(name);
    if (id === undefined) {
      id = this.#roundIds.size;
      this.#roundIds.set(name, id);
    }
    return id;
  }

  roundCount(): number {
    return this.#roundIds.size;
  }

  knownRound(name: string): number | undefined {
    return this.#roundIds.get(name);
  }

  static resultKey(year: number, unit: number, indicator: number, round: number): number {
    return (((unit * INDICATOR_BITS + indicator) * ROUND_BITS + round) * YEAR_BITS) + (year - YEAR_BASE);
  }

  static targetKey(year: number, unit: number, indicator: number): string {
    return `${year}|${unit}|${indicator}`;
  }

  addUnit(r: Row): void {
    const name = orNull(r['unit']);
    if (name === null) return;
    const u = this.units[this.unitId(name)]!;
    if (u.listed) return;
    u.listed = true;
    u.ord = this.#listedUnits++;
    u.kind = orNull(r['kind']);
    u.population = orNull(r['population']);
  }

  addRubric(r: Row): void {
    const name = orNull(r['indicator']);
    if (name === null) return;
    const year = orNull(r['year']);
    this.rubric.push({
      indicator: this.indicatorId(name),
      row: this.rubric.length,
      points: orNull(r['points']),
      rule: orNull(r['rule']),
      direction: orNull(r['direction']),
      step: orNull(r['step']),
      low: orNull(r['low']),
      high: orNull(r['high']),
      levels: orNull(r['levels']),
      year: year === null ? null : Number(year),
      kind: orNull(r['kind']),
    });
  }

  addTarget(r: Row): void {
    const indicator = orNull(r['indicator']);
    const target = orNull(r['target']);
    const year = orNull(r['year']);
    if (indicator === null || target === null || year === null) return;
    const unitName = orNull(r['unit']);
    const unit = unitName === null || unitName === '全部' ? -1 : this.unitId(unitName);
    const key = Inputs.targetKey(Number(year), unit, this.indicatorId(indicator));
    if (!this.targets.has(key)) this.targets.set(key, target);
  }

  /** A result row: `round` blank is 年终 (docs/data-format.md, results). */
  addResult(yearText: string, unitName: string, indicator: string, round: string | null, actual: string): void {
    const year = Number(yearText);
    this.resultYears.add(year);
    const unit = this.unitId(unitName);
    this.units[unit]!.inResults = true;
    const key = Inputs.resultKey(year, unit, this.indicatorId(indicator), this.roundId(round ?? DEFAULT_ROUND));
    const first = this.results.get(key);
    if (first === undefined) this.results.set(key, actual);
    else {
      const more = this.extraResults.get(key);
      if (more) more.push(actual);
      else this.extraResults.set(key, [actual]);
    }
  }

  addResultRow(r: Row): void {
    const [year, unit, indicator, actual] = [orNull(r['year']), orNull(r['unit']), orNull(r['indicator']), orNull(r['actual'])];
    if (year === null || unit === null || indicator === null || actual === null) return;
    this.addResult(year, unit, indicator, orNull(r['round']), actual);
  }

  addVeto(r: Row): void {
    const [year, unit] = [orNull(r['year']), orNull(r['unit'])];
    if (year === null || unit === null) return;
    this.vetoes.push({ year: Number(year), unit: this.unitId(unit), reason: orNull(r['reason']) });
  }

  addSetting(r: Row): void {
    const [key, value] = [orNull(r['key']), orNull(r['value'])];
    if (key !== null && value !== null) this.settings.push({ key, value });
  }

  /** Every row of one canonical table. */
  add(table: string, r: Row): void {
    if (table === 'units') this.addUnit(r);
    else if (table === 'rubric') this.addRubric(r);
    else if (table === 'targets') this.addTarget(r);
    else if (table === 'results') this.addResultRow(r);
    else if (table === 'vetoes') this.addVeto(r);
    else if (table === 'settings') this.addSetting(r);
  }

  get hasUnitsTable(): boolean {
    return this.#listedUnits > 0;
  }

  indicatorCount(): number {
    return this.#indicatorIds.size;
  }
}
