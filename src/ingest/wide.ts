// A wide table unpivoted into long targets or results rows: one record per non-blank value cell.
import type { Message } from '../i18n/types';
import { TABLES } from '../schema/tables';
import type { CellReaders } from './cells';
import type { Collector } from './collect';
import type { WideLayout } from './layout';
import { columnLetter } from './letters';
import { isBlankRow } from './locate';
import { ALL_UNITS, type Facts, newFacts } from './long';
import { msg } from './messages';
import { isBlank } from './normalise';

export interface WideInput {
  file: string;
  kind: 'targets' | 'results';
  rows: readonly string[][];
  lines: Int32Array;
  layout: WideLayout;
  end: number;
  /** The file's year when it has no year column. */
  year: string | null;
  out: Collector;
  readers: CellReaders;
  /** Rows cut at a quote that is never closed (see parse.ts). */
  unclosed: ReadonlySet<number>;
  /** The decoded text holds U+FFFD: some bytes were not valid in the file's encoding. */
  replaced: boolean;
  encoding: string;
}

export interface WideFacts extends Facts {
  blankCells: number;
  categories: string[];
  units: number;
  indicators: number;
  warnings: Message[];
}

/** What the header says about each column: its value header, or that it is skipped. */
interface Plan {
  headers: Map<number, string>;
  skip: Set<number>;
  /** Units as rows: the indicator each value column holds. */
  columnIndicators: Map<number, string>;
  positions: { year: number; unit: number; indicator: number; value: number };
}

/** What the label cells of one row say. */
interface Labels {
  unit: string | null;
  indicator: string | null;
}

export function loadWide(input: WideInput): WideFacts {
  const { rows, lines, layout, readers } = input;
  const facts: WideFacts = { ...newFacts(), blankCells: 0, categories: [], units: 0, indicators: 0, warnings: [] };
  const plan = planColumns(input, facts);
  const seen = { units: new Set<string>(), indicators: new Set<string>() };

  for (let r = layout.header + 1; r < input.end; r++) {
    const row = rows[r] ?? [];
    if (isBlankRow(row)) continue;
    const line = lines[r] ?? r + 1;
    if (input.unclosed.has(r)) {
      rejectUnclosed(input, plan, row, line);
      continue;
    }
    if (!hasValues(row, layout, plan)) {
      for (let c = layout.firstValueCol; c < layout.width; c++) if (!plan.skip.has(c)) facts.blankCells++;
      const label = labelOnly(layout, row);
      if (label?.heading === true) noteCategory(readers, facts, label.text);
      else if (label !== null) facts.warnings.push(msg('ingest.warn.labelOnly', { row: line, label: readers.name(label.text) }));
      continue;
    }
    const labels = rowLabels(input, row, facts);
    const firstUnit = layout.valueCols[0];
    // Seed 000 附件1: 按标准投入到位 sits in one cell merged across all ten units; exported, only
    // the first unit's cell holds it. For a target that is every unit's target (unit null).
    const merged =
      layout.orientation === 'unitsAsColumns' &&
      layout.valueCols.length >= 3 &&
      labels.indicator !== null &&
      firstUnit !== undefined &&
      onlyValueAt(row, layout, plan) === firstUnit.index;
    const everyUnit = merged && input.kind === 'targets';
    unpivotRow(input, plan, row, line, labels, facts, seen, everyUnit);
    if (everyUnit) facts.warnings.push(msg('ingest.note.mergedAcross', { row: line, indicator: labels.indicator! }));
    else if (merged) {
      facts.warnings.push(msg('ingest.warn.singleValue', { row: line, indicator: labels.indicator!, unit: firstUnit!.header }));
    }
  }
  facts.units = seen.units.size;
  facts.indicators = seen.indicators.size;
  return facts;
}

function planColumns({ kind, rows, layout, readers }: WideInput, facts: Facts): Plan {
  const cols = TABLES[kind].columns.map((c) => c.name);
  const positions = {
    year: cols.indexOf('year'),
    unit: cols.indexOf('unit'),
    indicator: cols.indexOf('indicator'),
    value: cols.indexOf(kind === 'targets' ? 'target' : 'actual'),
  };
  const headers = new Map(layout.valueCols.map((v) => [v.index, v.header]));
  const headerRow = rows[layout.header] ?? [];
  const skip = new Set<number>();
  for (let c = 0; c < layout.firstValueCol; c++) skip.add(c);
  if (layout.yearCol !== null) skip.add(layout.yearCol);
  for (let c = layout.firstValueCol; c < layout.width; c++) if (!headers.has(c) && !isBlank(headerRow[c])) skip.add(c);
  const columnIndicators = new Map<number, string>();
  if (layout.orientation === 'unitsAsRows') {
    for (const v of layout.valueCols) columnIndicators.set(v.index, indicatorName(readers, facts, v.header));
  }
  return { headers, skip, columnIndicators, positions };
}

/** The one value column holding data in this row, or -1 when there are none or several. */
function onlyValueAt(row: readonly string[], layout: WideLayout, plan: Plan): number {
  let at = -1;
  for (let c = layout.firstValueCol; c < row.length; c++) {
    if (plan.skip.has(c) || isBlank(row[c])) continue;
    if (at >= 0) return -1;
    at = c;
  }
  return at;
}

function hasValues(row: readonly string[], layout: WideLayout, plan: Plan): boolean {
  for (let c = layout.firstValueCol; c < row.length; c++) if (!plan.skip.has(c) && !isBlank(row[c])) return true;
  return false;
}

/**
 * Units as columns: the indicator, with seed 000 附件2's two label columns read as category and
 * indicator. A blank category cell is the rest of a merged group; a label in the category column
 * with the indicator column blank is one cell merged across both, so it names the indicator.
 * Categories are only noted: the rubric carries them. Units as rows: the unit.
 */
function rowLabels(input: WideInput, row: readonly string[], facts: WideFacts): Labels {
  const { layout, readers } = input;
  if (layout.orientation === 'unitsAsRows') {
    const raw = row[layout.labelCol] ?? '';
    const unit = isBlank(raw) ? '' : readers.name(raw);
    return { unit: unit === '' ? null : unit, indicator: null };
  }
  const indRaw = row[layout.labelCol] ?? '';
  const catRaw = layout.categoryCol === null ? '' : (row[layout.categoryCol] ?? '');
  let indicator: string | null = null;
  if (!isBlank(indRaw)) {
    if (!isBlank(catRaw)) noteCategory(readers, facts, catRaw);
    indicator = indicatorName(readers, facts, indRaw);
  } else if (!isBlank(catRaw)) {
    indicator = indicatorName(readers, facts, catRaw);
  }
  return { unit: null, indicator: indicator === '' ? null : indicator };
}

function unpivotRow(
  input: WideInput,
  plan: Plan,
  row: readonly string[],
  line: number,
  labels: Labels,
  facts: WideFacts,
  seen: { units: Set<string>; indicators: Set<string> },
  everyUnit: boolean,
): void {
  const { file, kind, layout, out, readers } = input;
  let year = input.year;
  let badYear = '';
  if (layout.yearCol !== null) {
    const raw = row[layout.yearCol] ?? '';
    const y = isBlank(raw) ? null : readers.year(raw);
    year = typeof y === 'string' ? y : null;
    badYear = raw.trim();
  }
  const buf: (string | null)[] = TABLES[kind].columns.map(() => null);
  for (let c = layout.firstValueCol; c < row.length; c++) {
    if (plan.skip.has(c)) continue;
    const cell = row[c] ?? '';
    if (isBlank(cell)) {
      if (c < layout.width) facts.blankCells++;
      continue;
    }
    out.read++;
    const value = cell.trim();
    const header = plan.headers.get(c);
    if (header === undefined) {
      out.reject(line, null, msg('ingest.reject.wideNoHeader', { file, row: line, column: columnLetter(c), value }), value);
      continue;
    }
    const params = { file, row: line, column: header, value };
    const unit = layout.orientation === 'unitsAsColumns' ? header : labels.unit;
    const indicator = layout.orientation === 'unitsAsColumns' ? labels.indicator : (plan.columnIndicators.get(c) ?? null);
    if (indicator === null || indicator === '') out.reject(line, header, msg('ingest.reject.wideNoIndicator', params), value);
    else if (unit === null) out.reject(line, header, msg('ingest.reject.wideNoUnit', params), value);
    else if (year === null) out.reject(line, header, msg('ingest.reject.wideYear', { ...params, year: badYear }), value);
    else {
      const v = readers.value(cell);
      if (typeof v !== 'string') {
        out.reject(line, header, msg(v.invalid, { ...v.params, ...params }), value);
        continue;
      }
      if (input.replaced && (cell.includes('\uFFFD') || unit.includes('\uFFFD') || indicator.includes('\uFFFD'))) {
        const bad = cell.includes('\uFFFD') ? value : unit.includes('\uFFFD') ? unit : indicator;
        const reason = msg('ingest.reject.undecodable', { ...params, value: bad, encoding: input.encoding.toUpperCase() });
        out.reject(line, header, reason, bad);
        continue;
      }
      buf[plan.positions.year] = year;
      buf[plan.positions.unit] = everyUnit || (kind === 'targets' && ALL_UNITS.has(unit.toLowerCase())) ? null : unit;
      buf[plan.positions.indicator] = indicator;
      buf[plan.positions.value] = v;
      out.add(buf, line);
      seen.units.add(unit);
      seen.indicators.add(indicator);
    }
  }
}

/** The label of a row with no values: a category heading (only the category cell filled) or a stray label. */
function labelOnly(layout: WideLayout, row: readonly string[]): { text: string; heading: boolean } | null {
  const main = row[layout.labelCol] ?? '';
  const cat = layout.categoryCol === null ? '' : (row[layout.categoryCol] ?? '');
  if (!isBlank(main)) return { text: main, heading: false };
  if (!isBlank(cat)) return { text: cat, heading: true };
  return null;
}

function indicatorName(readers: CellReaders, facts: Facts, raw: string): string {
  const ind = readers.indicator(raw);
  if (ind.measure !== null && !facts.measures.has(ind.name)) facts.measures.set(ind.name, ind.measure);
  return ind.name;
}

/** A category of a wide table: kept only for the note that says it was dropped. */
function noteCategory(readers: CellReaders, facts: WideFacts, raw: string): void {
  const name = readers.indicator(readers.category(raw).name).name;
  if (!facts.categories.includes(name)) facts.categories.push(name);
}

/** A row cut at an unclosed quote: each of its values is read and rejected, or the row itself when it has none. */
function rejectUnclosed(input: WideInput, plan: Plan, row: readonly string[], line: number): void {
  const { file, layout, out } = input;
  let cells = 0;
  for (let c = layout.firstValueCol; c < row.length; c++) {
    if (plan.skip.has(c) || isBlank(row[c])) continue;
    cells++;
    const column = plan.headers.get(c) ?? columnLetter(c);
    out.read++;
    out.reject(line, column, msg('ingest.reject.unclosedQuote', { file, row: line, column }), (row[c] ?? '').trim());
  }
  if (cells > 0) return;
  const column = columnLetter(Math.max(0, row.length - 1));
  out.read++;
  out.reject(line, column, msg('ingest.reject.unclosedQuote', { file, row: line, column }), (row[row.length - 1] ?? '').trim());
}
