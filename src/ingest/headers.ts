// Header cells to contract columns, and which table a header (and file name) describes.
import { TABLES, TABLE_NAMES, type ColumnSpec, type TableName } from '../schema/tables';
import { headerKey, headerKeyWithoutUnit, isBlank } from './normalise';

function aliasIndex(t: TableName): ReadonlyMap<string, ColumnSpec> {
  const m = new Map<string, ColumnSpec>();
  for (const c of TABLES[t].columns) for (const a of [c.name, ...c.aliases]) m.set(headerKey(a), c);
  return m;
}

const INDEX = new Map(TABLE_NAMES.map((t) => [t, aliasIndex(t)]));

/** The column a header cell names in `table`: exact alias first, then without a unit like `（%）`. */
export function mapCell(cell: string, table: TableName): ColumnSpec | null {
  const key = headerKey(cell);
  if (key === '') return null;
  const index = INDEX.get(table);
  if (index === undefined) return null;
  return index.get(key) ?? index.get(headerKeyWithoutUnit(key)) ?? null;
}

/** Which of the label columns of a wide table (year, unit, indicator, category) a cell names, if any. */
export function labelColumn(cell: string): 'year' | 'unit' | 'indicator' | 'category' | null {
  for (const t of TABLE_NAMES) {
    const name = mapCell(cell, t)?.name;
    if (name === 'year' || name === 'unit' || name === 'indicator' || name === 'category') return name;
  }
  return null;
}

export function mapsToAnyColumn(cell: string): boolean {
  return TABLE_NAMES.some((t) => mapCell(cell, t) !== null);
}

export interface HeaderMap {
  table: TableName;
  /** Per header cell: the column it maps to, or null (blank, unknown or a duplicate). */
  cells: (ColumnSpec | null)[];
  present: Set<string>;
  unknown: string[];
  duplicates: { header: string; field: string }[];
}

export function mapHeader(row: readonly string[], table: TableName): HeaderMap {
  const cells: (ColumnSpec | null)[] = [];
  const present = new Set<string>();
  const unknown: string[] = [];
  const duplicates: { header: string; field: string }[] = [];
  for (const cell of row) {
    const spec = isBlank(cell) ? null : mapCell(cell, table);
    if (spec !== null && present.has(spec.name)) {
      duplicates.push({ header: cell.trim(), field: spec.name });
      cells.push(null);
      continue;
    }
    if (spec !== null) present.add(spec.name);
    else if (!isBlank(cell)) unknown.push(cell.trim());
    cells.push(spec);
  }
  return { table, cells, present, unknown, duplicates };
}

/** The long-header strength of a row: the most columns it maps in one allowed table, or 0. */
export function longHeaderScore(row: readonly string[], allowed: readonly TableName[]): number {
  let best = 0;
  for (const t of allowed) {
    const m = mapHeader(row, t);
    const coversRequired = TABLES[t].columns.every((c) => !c.required || m.present.has(c.name));
    if (m.present.size >= 2 || (m.present.size >= 1 && m.unknown.length === 0 && coversRequired)) {
      best = Math.max(best, m.present.size);
    }
  }
  return best;
}

export function fileNameKey(fileName: string): string {
  return fileName.normalize('NFKC').toLowerCase();
}

export function fileNamePoints(fileName: string, table: TableName): boolean {
  const key = fileNameKey(fileName);
  return TABLES[table].fileKeywords.some((k) => key.includes(k.normalize('NFKC').toLowerCase()));
}

export interface TablePick {
  table: TableName | null;
  byFileName: boolean;
}

/**
 * Which table a long header describes: results by an actual column, targets by a target column,
 * rubric by indicator + points, settings by key + value, vetoes by a reason column (or a 否决 file
 * name), units by a unit column without an indicator. Ties go to the file-name keywords, and so
 * does a header without any table's key column (a results file that lacks its actual column).
 */
export function pickTable(row: readonly string[], fileName: string, allowed: readonly TableName[]): TablePick {
  const maps = new Map(TABLE_NAMES.map((t) => [t, mapHeader(row, t)]));
  const has = (t: TableName, c: string) => maps.get(t)?.present.has(c) ?? false;
  const anyIndicator = TABLE_NAMES.some((t) => has(t, 'indicator'));
  const rules: Record<TableName, boolean> = {
    results: has('results', 'actual'),
    targets: has('targets', 'target'),
    rubric: has('rubric', 'indicator') && has('rubric', 'points'),
    settings: has('settings', 'key') && has('settings', 'value'),
    vetoes: has('vetoes', 'reason') || (fileNamePoints(fileName, 'vetoes') && has('vetoes', 'unit')),
    units: has('units', 'unit') && !anyIndicator,
  };
  const candidates = allowed.filter((t) => rules[t]);
  const size = (t: TableName) => maps.get(t)?.present.size ?? 0;
  const named = (ts: readonly TableName[]) => ts.filter((t) => fileNamePoints(fileName, t));
  if (candidates.length === 0) {
    // No table's key column is there: the file name may still say which table lacks it.
    const guess = named(allowed.filter((t) => size(t) > 0));
    return guess.length === 1 ? { table: guess[0] ?? null, byFileName: true } : { table: null, byFileName: false };
  }
  const top = Math.max(...candidates.map(size));
  const best = candidates.filter((t) => size(t) === top);
  if (best.length === 1) {
    const table = best[0] ?? null;
    return { table, byFileName: table === 'vetoes' && !has('vetoes', 'reason') };
  }
  const guess = named(best);
  if (guess.length === 1) return { table: guess[0] ?? null, byFileName: true };
  return { table: null, byFileName: false };
}

/** A four-digit year (19xx/20xx) in a file name: `新北区2018年目标任务.csv` → 2018. */
export function yearInFileName(fileName: string): string | null {
  return /(?:^|\D)((?:19|20)\d\d)(?!\d)/.exec(fileName.normalize('NFKC'))?.[1] ?? null;
}

const RESULT_WORDS = ['完成', '实际', '实绩', 'result', 'actual'];
const TARGET_WORDS = ['目标', 'target'];

/** A wide file's kind from its name; `目标任务完成情况` is a results file, so results words win. */
export function wideKindInFileName(fileName: string): 'targets' | 'results' | null {
  const key = fileNameKey(fileName);
  if (RESULT_WORDS.some((w) => key.includes(w))) return 'results';
  if (TARGET_WORDS.some((w) => key.includes(w))) return 'targets';
  return null;
}
