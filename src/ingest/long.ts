// Rows of a long table (one record per row) into the collector, each checked by its column kind.
import { TABLES, type TableName } from '../schema/tables';
import type { CellReaders, Read } from './cells';
import type { Collector } from './collect';
import { type HeaderMap, mapCell } from './headers';
import { isBlankRow } from './locate';
import { rowWidth } from './layout';
import { columnLetter } from './letters';
import { msg } from './messages';
import { headerKey, isBlank, normaliseName } from './normalise';
import type { ColumnSpec } from '../schema/tables';

/** targets.unit values that mean every unit. */
export const ALL_UNITS = new Set(['全部', '全区', 'all']);

export interface Facts {
  /** Indicator → the unit of measure stripped from its name. */
  measures: Map<string, string>;
  /** Category → the subtotal it carried (`领导重视（9）`). */
  subtotals: Map<string, string>;
  filledDown: number;
  /** Lines that repeat the header (two exports pasted into one file): skipped, not read. */
  repeatedHeaders: number[];
  /** Column header → cells of an optional column that held `--`, `/` or 未考核, taken as blank. */
  placeholders: Map<string, number>;
}

export function newFacts(): Facts {
  return { measures: new Map(), subtotals: new Map(), filledDown: 0, repeatedHeaders: [], placeholders: new Map() };
}

/** Columns whose numbers cannot be negative: a rubric's points and step, a unit's population. */
const NON_NEGATIVE = new Set(['rubric.points', 'rubric.step', 'units.population']);

export interface LongInput {
  file: string;
  table: TableName;
  rows: readonly string[][];
  lines: Int32Array;
  header: number;
  end: number;
  map: HeaderMap;
  out: Collector;
  readers: CellReaders;
  /** Rows cut at a quote that is never closed (see parse.ts). */
  unclosed: ReadonlySet<number>;
  /** The decoded text holds U+FFFD: some bytes were not valid in the file's encoding. */
  replaced: boolean;
  encoding: string;
}

/** The cell's text with the undecodable bytes shown, short enough for a message. */
function shown(raw: string): string {
  const t = raw.trim();
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}

export function loadLong(input: LongInput): Facts {
  const { file, table, rows, lines, out, readers } = input;
  const facts = newFacts();
  const specs = TABLES[table].columns;
  const headerRow = rows[input.header] ?? [];
  const width = rowWidth(headerRow);
  const plan = input.map.cells.flatMap((spec, cell) =>
    spec === null
      ? []
      : [{ cell, spec, pos: specs.indexOf(spec), header: normaliseName(headerRow[cell] ?? '') || spec.name }],
  );
  const categoryCell = plan.find((p) => p.spec.name === 'category');
  const fields = plan.filter((p) => p !== categoryCell);
  // A header name written twice (`完成值,完成值`): the first column is loaded; a row where the two
  // differ is rejected. Two aliases of one column (备注, 说明) keep the first and say so.
  const twins = input.map.cells.flatMap((spec, cell) => {
    if (spec !== null || isBlank(headerRow[cell])) return [];
    const twin = mapCell(headerRow[cell] ?? '', table);
    const first = twin === null ? undefined : plan.find((p) => p.spec.name === twin.name);
    if (first === undefined || headerKey(headerRow[first.cell] ?? '') !== headerKey(headerRow[cell] ?? '')) return [];
    return [{ cell, first }];
  });
  const headerKeys = headerRow.map((c) => headerKey(c));
  const buf: (string | null)[] = specs.map(() => null);
  let lastCategory: string | null = null;

  for (let r = input.header + 1; r < input.end; r++) {
    const row = rows[r] ?? [];
    if (isBlankRow(row)) continue;
    const line = lines[r] ?? r + 1;
    if (repeatsHeader(row, headerRow, headerKeys)) {
      facts.repeatedHeaders.push(line);
      continue;
    }
    out.read++;
    if (input.unclosed.has(r)) {
      const at = Math.min(row.length - 1, width - 1);
      const column = plan.find((p) => p.cell === at)?.header ?? columnLetter(at);
      out.reject(line, column, msg('ingest.reject.unclosedQuote', { file, row: line, column }), shown(row[at] ?? ''));
      continue;
    }
    buf.fill(null);
    if (input.replaced) {
      const bad = plan.find((p) => (row[p.cell] ?? '').includes('\uFFFD'));
      if (bad !== undefined) {
        const value = shown(row[bad.cell] ?? '');
        const params = { file, row: line, column: bad.header, value, encoding: input.encoding.toUpperCase() };
        out.reject(line, bad.header, msg('ingest.reject.undecodable', params), value);
        continue;
      }
    }
    if (categoryCell !== undefined) {
      const raw = row[categoryCell.cell] ?? '';
      if (!isBlank(raw)) {
        const { name, subtotal } = readers.category(raw);
        if (subtotal !== null && !facts.subtotals.has(name)) facts.subtotals.set(name, subtotal);
        lastCategory = name;
      } else if (lastCategory !== null) {
        facts.filledDown++;
      }
      buf[categoryCell.pos] = lastCategory;
    }
    let extra = -1;
    for (let c = width; c < row.length && extra < 0; c++) if (!isBlank(row[c])) extra = c;
    if (extra >= 0) {
      const value = (row[extra] ?? '').trim();
      const reason = msg('ingest.reject.extraCells', { file, row: line, column: columnLetter(extra), value });
      out.reject(line, null, reason, value);
      continue;
    }
    let ok = true;
    for (const t of twins) {
      const a = (row[t.first.cell] ?? '').trim();
      const b = (row[t.cell] ?? '').trim();
      if (b === '' || b === a || read(readers, t.first.spec, a) === read(readers, t.first.spec, b)) continue;
      const params = { file, row: line, column: t.first.header, value: b, other: a };
      out.reject(line, t.first.header, msg('ingest.reject.duplicateColumn', params), b);
      ok = false;
      break;
    }
    for (const p of ok ? fields : []) {
      const raw = row[p.cell] ?? '';
      const name = p.spec.name;
      let v: Read = '';
      if (isBlank(raw)) v = '';
      else if (name === 'indicator') {
        const ind = readers.indicator(raw);
        if (ind.measure !== null && !facts.measures.has(ind.name)) facts.measures.set(ind.name, ind.measure);
        v = ind.name;
      } else v = readers.read(p.spec.kind, raw);
      if (typeof v !== 'string' && v.invalid === 'ingest.reject.placeholder' && !p.spec.required) {
        facts.placeholders.set(p.header, (facts.placeholders.get(p.header) ?? 0) + 1);
        v = '';
      }
      if (typeof v !== 'string') {
        const value = raw.trim();
        out.reject(line, p.header, msg(v.invalid, { ...v.params, file, row: line, column: p.header, value }), value);
        ok = false;
        break;
      }
      if (v === '') {
        if (p.spec.required && !(table === 'targets' && name === 'unit')) {
          out.reject(line, p.header, msg('ingest.reject.required', { file, row: line, column: p.header }));
          ok = false;
          break;
        }
        continue;
      }
      if (v.charCodeAt(0) === 0x2d && NON_NEGATIVE.has(`${table}.${name}`)) {
        out.reject(line, p.header, msg('ingest.reject.negative', { file, row: line, column: p.header, value: raw.trim() }), raw.trim());
        ok = false;
        break;
      }
      buf[p.pos] = table === 'targets' && name === 'unit' && ALL_UNITS.has(v.toLowerCase()) ? null : v;
    }
    if (ok) out.add(buf, line);
  }
  return facts;
}

/** A cell as its column reads it, for comparing two cells of twin columns. */
function read(readers: CellReaders, spec: ColumnSpec, raw: string): string {
  if (raw === '') return '';
  const v = readers.read(spec.kind, raw);
  return typeof v === 'string' ? v : raw;
}

/** The header again below itself: every non-blank header cell repeated in place. */
function repeatsHeader(row: readonly string[], headerRow: readonly string[], headerKeys: readonly string[]): boolean {
  let same = 0;
  for (let c = 0; c < headerKeys.length; c++) {
    const k = headerKeys[c] ?? '';
    if (k === '') continue;
    const cell = row[c] ?? '';
    if (cell !== headerRow[c]) {
      // No header cell starts with a digit: a year or a number settles it without NFKC.
      const ch = cell.charCodeAt(0);
      if ((ch >= 0x30 && ch <= 0x39) || headerKey(cell) !== k) return false;
    }
    same++;
  }
  return same >= 2;
}
