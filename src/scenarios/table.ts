// The overrides as data: one row per override in the table `scenario_overrides`, sent to DuckDB
// as an Arrow IPC stream. The text a user typed (units, indicators, values, reasons) reaches SQL
// only as column values, never as SQL text.
import { Float64, Int32, Table, Utf8, makeData, makeVector, tableToIPC, type DataType, type Vector } from 'apache-arrow';
import type { Database } from '../db/types';
import type { Override } from './types';

/** Base snapshots the compare reads: the base scores and totals, rebuilt after each data change. */
export const BASE_TABLES = {
  scores: 'main.scenario_base_scores',
  totals: 'main.scenario_base_totals',
  /** The years of the base's targets and results, where an override for every year applies. */
  years: 'main.scenario_base_years',
} as const;

export const OVERRIDES_TABLE = 'scenario_overrides';
const STAGE = '_stage_scenario_overrides';

/** One override as a row; quotas arrive here already allocated as one `target` row per unit. */
export interface OverrideRow {
  readonly kind: Exclude<Override['kind'], 'quota'>;
  readonly year: number | null;
  readonly unit: string | null;
  readonly indicator: string | null;
  readonly category: string | null;
  readonly round: string | null;
  readonly field: string | null;
  readonly value: string | null;
  readonly num: number | null;
  readonly flag: boolean | null;
}

export const CREATE_OVERRIDES = `CREATE OR REPLACE TABLE main.${OVERRIDES_TABLE} (
  seq INTEGER, kind VARCHAR, year INTEGER, unit VARCHAR, indicator VARCHAR, category VARCHAR,
  round VARCHAR, field VARCHAR, value VARCHAR, num DECIMAL(18,4), flag BOOLEAN)`;

const EMPTY: Omit<OverrideRow, 'kind'> = {
  year: null, unit: null, indicator: null, category: null, round: null, field: null, value: null, num: null, flag: null,
};

/** The row of every override but a quota (quota.ts expands those). */
export function overrideRow(o: Exclude<Override, { kind: 'quota' }>): OverrideRow {
  const year = 'year' in o ? (o.year ?? null) : null;
  switch (o.kind) {
    case 'target':
      return { ...EMPTY, kind: o.kind, year, unit: o.unit, indicator: o.indicator, value: o.value };
    case 'target_all':
      return { ...EMPTY, kind: o.kind, year, indicator: o.indicator, value: o.value };
    case 'target_scale':
      return { ...EMPTY, kind: o.kind, year, indicator: o.indicator ?? null, category: o.category ?? null, num: o.percent };
    case 'target_shift':
      return { ...EMPTY, kind: o.kind, year, indicator: o.indicator, num: o.delta };
    case 'actual':
      return { ...EMPTY, kind: o.kind, year, unit: o.unit, indicator: o.indicator, round: o.round ?? null, value: o.value };
    case 'item':
      return { ...EMPTY, kind: o.kind, indicator: o.indicator, field: o.field, value: o.value };
    case 'setting':
      return { ...EMPTY, kind: o.kind, field: o.key, value: o.value };
    case 'veto':
      return { ...EMPTY, kind: o.kind, year, unit: o.unit, flag: o.on, value: o.reason ?? null };
    case 'plan':
      return { ...EMPTY, kind: o.kind, year, num: o.from };
  }
}

const encoder = new TextEncoder();

/** Validity bitmap of a column, or null when nothing is missing. */
function validity(values: readonly unknown[]): Uint8Array | null {
  if (values.every((v) => v !== null)) return null;
  const bits = new Uint8Array((values.length + 7) >> 3);
  values.forEach((v, i) => v !== null && (bits[i >> 3]! |= 1 << (i & 7)));
  return bits;
}

const nulls = (values: readonly unknown[]) => values.filter((v) => v === null).length;

// Columns are made from their buffers: apache-arrow's builders (vectorFromArray) compile code
// with `new Function`, which the app's Content-Security-Policy forbids.
function textColumn(values: readonly (string | null)[]): Vector<DataType> {
  const offsets = new Int32Array(values.length + 1);
  const parts = values.map((v) => encoder.encode(v ?? ''));
  parts.forEach((p, i) => (offsets[i + 1] = offsets[i]! + p.length));
  const bytes = new Uint8Array(offsets[values.length]!);
  parts.forEach((p, i) => bytes.set(p, offsets[i]!));
  return makeVector(
    makeData({ type: new Utf8(), length: values.length, nullCount: nulls(values), nullBitmap: validity(values), valueOffsets: offsets, data: bytes }),
  ) as Vector<DataType>;
}

function numberColumn(values: readonly (number | null)[], type: Int32 | Float64): Vector<DataType> {
  const data = type instanceof Int32 ? Int32Array.from(values, (v) => v ?? 0) : Float64Array.from(values, (v) => v ?? 0);
  return makeVector(
    makeData({ type, length: values.length, nullCount: nulls(values), nullBitmap: validity(values), data } as never),
  ) as Vector<DataType>;
}

/** One Arrow IPC stream of the rows; `flag` travels as 0/1/null and becomes BOOLEAN in SQL. */
export function overridesToIPC(rows: readonly OverrideRow[]): Uint8Array {
  const text = (k: keyof OverrideRow) => textColumn(rows.map((r) => r[k] as string | null));
  return tableToIPC(
    new Table({
      seq: numberColumn(rows.map((_, i) => i + 1), new Int32()),
      kind: text('kind'),
      year: numberColumn(rows.map((r) => r.year), new Int32()),
      unit: text('unit'),
      indicator: text('indicator'),
      category: text('category'),
      round: text('round'),
      field: text('field'),
      value: text('value'),
      num: numberColumn(rows.map((r) => r.num), new Float64()),
      flag: numberColumn(rows.map((r) => (r.flag === null ? null : r.flag ? 1 : 0)), new Int32()),
    }),
    'stream',
  );
}

const INSERT = `INSERT INTO main.${OVERRIDES_TABLE} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const UPDATE = `UPDATE main.${OVERRIDES_TABLE} SET value = ?, num = ? WHERE seq = ?`;
const created = new WeakSet<Database>();
/** The rows last loaded on each database: loading the same again (a view re-reading) costs nothing. */
const loaded = new WeakMap<Database, readonly OverrideRow[]>();

/** The same rows but for their values: a slider step, written as an update of the rows that moved. */
function movedValues(before: readonly OverrideRow[] | undefined, rows: readonly OverrideRow[]): number[] | null {
  if (!before || before.length !== rows.length) return null;
  const moved: number[] = [];
  for (const [i, r] of rows.entries()) {
    const b = before[i]!;
    if (JSON.stringify({ ...b, value: null, num: null }) !== JSON.stringify({ ...r, value: null, num: null })) return null;
    if (b.value !== r.value || b.num !== r.num) moved.push(i);
  }
  return moved;
}

/**
 * Replaces the rows of `scenario_overrides`. Few rows (a slider's one), each with bound
 * parameters: the table is created once, so the catalogue does not change and the scenario's
 * prepared queries keep their plans. Many rows (a large quota) arrive as one Arrow IPC stream.
 */
export async function loadOverrides(db: Database, rows: readonly OverrideRow[]): Promise<void> {
  if (!created.has(db)) {
    await db.exec(CREATE_OVERRIDES);
    created.add(db);
  }
  const moved = movedValues(loaded.get(db), rows);
  if (moved?.length === 0) return;
  loaded.delete(db);
  // A slider step moves one value: one statement, one worker round trip, not a delete and inserts.
  if (moved && moved.length <= 32) {
    for (const i of moved) await db.query(UPDATE, [rows[i]!.value, rows[i]!.num, i + 1]);
    loaded.set(db, rows);
    return;
  }
  await db.exec(`DELETE FROM main.${OVERRIDES_TABLE}`);
  if (rows.length <= 32) {
    for (const [i, r] of rows.entries()) {
      await db.query(INSERT, [i + 1, r.kind, r.year, r.unit, r.indicator, r.category, r.round, r.field, r.value, r.num, r.flag]);
    }
    loaded.set(db, rows);
    return;
  }
  await db.exec(`DROP TABLE IF EXISTS main.${STAGE}`);
  await db.insertArrowIPC(STAGE, overridesToIPC(rows));
  await db.exec(`INSERT INTO main.${OVERRIDES_TABLE}
SELECT seq, kind, year, unit, indicator, category, round, field, value, CAST(num AS DECIMAL(18,4)), CAST(flag AS BOOLEAN) FROM main.${STAGE}`);
  await db.exec(`DROP TABLE main.${STAGE}`);
  loaded.set(db, rows);
}
