// Rows of a long table (one record per row) into the collector, each checked by its column kind.
import { TABLES, type TableName } from '../schema/tables';
import type { CellReaders, Read } from './cells';
import type { Collector } from './collect';
import type { HeaderMap } from './headers';
import { isBlankRow } from './locate';
import { rowWidth } from './layout';
import { columnLetter } from './letters';
import { msg } from './messages';
import { isBlank, normaliseName } from './normalise';

/** targets.unit values that mean every unit. */
export const ALL_UNITS = new Set(['全部', '全区', 'all']);

export interface Facts {
  /** Indicator → the unit of measure stripped from its name. */
  measures: Map<string, string>;
  /** Category → the subtotal it carried (`领导重视（9）`). */
  subtotals: Map<string, string>;
  filledDown: number;
}

export function newFacts(): Facts {
  return { measures: new Map(), subtotals: new Map(), filledDown: 0 };
}

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
  const buf: (string | null)[] = specs.map(() => null);
  let lastCategory: string | null = null;

  for (let r = input.header + 1; r < input.end; r++) {
    const row = rows[r] ?? [];
    if (isBlankRow(row)) continue;
    out.read++;
    const line = lines[r] ?? r + 1;
    buf.fill(null);
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
    for (const p of fields) {
      const raw = row[p.cell] ?? '';
      const name = p.spec.name;
      let v: Read = '';
      if (isBlank(raw)) v = '';
      else if (name === 'indicator') {
        const ind = readers.indicator(raw);
        if (ind.measure !== null && !facts.measures.has(ind.name)) facts.measures.set(ind.name, ind.measure);
        v = ind.name;
      } else v = readers.read(p.spec.kind, raw);
      if (typeof v !== 'string') {
        const value = raw.trim();
        out.reject(line, p.header, msg(v.invalid, { file, row: line, column: p.header, value }), value);
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
      buf[p.pos] = table === 'targets' && name === 'unit' && ALL_UNITS.has(v.toLowerCase()) ? null : v;
    }
    if (ok) out.add(buf, line);
  }
  return facts;
}
