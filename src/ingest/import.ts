// One file in, one ImportResult out: decode → sniff → parse → locate the table → load (long, or
// wide unpivoted) → notes. Plain TypeScript: runs in the import Web Worker and under Node.
import type { Message } from '../i18n/types';
import { TABLE_NAMES, TABLES, type TableName } from '../schema/tables';
import { CellReaders } from './cells';
import { countNull, measureNotes, quotaNotes, subtotalNotes } from './checks';
import { Collector } from './collect';
import { decode } from './decode';
import { mapHeader, pickTable, wideKindInFileName, yearInFileName } from './headers';
import { type Known, rowWidth, type WideLayout } from './layout';
import { findEnd, findHeader, isBlankRow, nonBlankCells, rowTexts } from './locate';
import { loadLong } from './long';
import { columnLabel, listOf, msg, tableParams } from './messages';
import { isBlank, normaliseName, splitIndicator } from './normalise';
import { type Grid, parseGrid } from './parse';
import { sniffDelimiter } from './sniff';
import type { ImportContext, ImportFile, ImportResult, Need } from './types';
import { parseYear } from './values';
import { validateRows } from './validate';
import { loadWide } from './wide';

function failed(result: ImportResult, error: Message, needs?: Need[]): ImportResult {
  return needs === undefined ? { ...result, ok: false, error } : { ...result, ok: false, error, needs };
}

function finish(result: ImportResult, out: Collector, notes: Message[]): ImportResult {
  return {
    ...result,
    ok: true,
    notes: [...result.notes, ...notes],
    columns: out.columns,
    data: out.data,
    sourceRows: out.sourceRows,
    read: out.read,
    loaded: out.loaded,
    rejected: out.rejected,
  };
}

/** The file being imported, parsed, with the caller's answers and the result so far. */
interface Source {
  file: string;
  grid: Grid;
  ctx: ImportContext;
  result: ImportResult;
  known: Known;
  /** The decoded text holds U+FFFD. */
  replaced: boolean;
}

export function importFile(file: ImportFile, ctx: ImportContext = {}): ImportResult {
  const name = file.name;
  const result: ImportResult = {
    file: name,
    ok: false,
    encoding: 'utf-8',
    delimiter: ',',
    shape: 'long',
    notes: [],
    columns: [],
    data: {},
    sourceRows: [],
    read: 0,
    loaded: 0,
    rejected: [],
  };
  if (file.bytes.length === 0) return failed(result, msg('ingest.error.empty', { file: name }));
  const { text, encoding } = decode(file.bytes);
  result.encoding = encoding;
  if (encoding === 'binary') return failed(result, msg('ingest.error.binary', { file: name }));
  if (isBlank(text)) return failed(result, msg('ingest.error.empty', { file: name }));
  const delimiter = sniffDelimiter(text);
  result.delimiter = delimiter;
  const grid = parseGrid(text, delimiter);

  if (encoding !== 'utf-8') result.notes.push(msg('ingest.note.encoding', { encoding: encoding.toUpperCase() }));
  if (delimiter === '\t') result.notes.push(msg('ingest.note.delimiterTab'));
  if (delimiter === ';') result.notes.push(msg('ingest.note.delimiterSemicolon'));
  if (grid.mixedNewlines) result.notes.push(msg('ingest.note.mixedLineEndings', { file: name }));
  if (grid.unclosed.size > 0) {
    const rows = listOf([...grid.unclosed].map((r) => String(grid.lines[r] ?? 0)), 12);
    result.notes.push(msg('ingest.warn.unclosedQuote', { rows }));
  }

  const known: Known = {
    units: new Set((ctx.knownUnits ?? []).map(normaliseName)),
    indicators: new Set((ctx.knownIndicators ?? []).map((s) => splitIndicator(s).name)),
  };
  const longTables = ctx.table === undefined ? TABLE_NAMES : [ctx.table];
  const wideAllowed = ctx.table === undefined || ctx.table === 'targets' || ctx.table === 'results';
  const found = findHeader(grid.rows, longTables, wideAllowed, known);
  const source: Source = { file: name, grid, ctx, result, known, replaced: text.includes('\uFFFD') };
  if (found.kind === 'wide') return importWide(source, found.layout);
  if (found.kind === 'long') return importLong(source, found.index);

  const first = grid.rows.findIndex((r) => !isBlankRow(r));
  if (first < 0) return failed(result, msg('ingest.error.empty', { file: name }));
  if (found.undeterminedWide !== null) {
    const row = grid.lines[found.undeterminedWide] ?? 0;
    return failed({ ...result, shape: 'wide' }, msg('ingest.error.orientation', { file: name, row }));
  }
  if (ctx.table !== undefined) return importLong(source, first);
  const headers = listOf(nonBlankCells(grid.rows[first] ?? []).map(normaliseName));
  const row = grid.lines[first] ?? 0;
  return failed(result, msg('ingest.error.unknownTable', { file: name, row, headers }), ['table']);
}

function titleNotes(grid: Grid, header: number): Message[] {
  const titles = rowTexts(grid.rows, 0, header);
  return titles.length === 0 ? [] : [msg('ingest.note.titleLines', { count: titles.length, lines: listOf(titles, 3) })];
}

function notesBelow(grid: Grid, end: number): Message[] {
  const below = rowTexts(grid.rows, end, grid.rows.length);
  return below.length === 0 ? [] : [msg('ingest.note.notesBelow', { count: below.length, lines: listOf(below, 3) })];
}

function importLong({ file, grid, ctx, result, known, replaced }: Source, header: number): ImportResult {
  const headerRow = grid.rows[header] ?? [];
  const line = grid.lines[header] ?? header + 1;
  const notes: Message[] = [];
  let table: TableName;
  if (ctx.table !== undefined) {
    table = ctx.table;
    notes.push(msg('ingest.note.tableFromContext', tableParams(table)));
  } else {
    const pick = pickTable(headerRow, file, TABLE_NAMES);
    if (pick.table === null) {
      const headers = listOf(nonBlankCells(headerRow).map(normaliseName));
      return failed(result, msg('ingest.error.unknownTable', { file, row: line, headers }), ['table']);
    }
    table = pick.table;
    notes.push(msg(pick.byFileName ? 'ingest.note.tableFromFileName' : 'ingest.note.tableFromHeader', tableParams(table)));
  }
  const base = { ...result, table };
  const map = mapHeader(headerRow, table);
  const missing = TABLES[table].columns.filter((col) => col.required && !map.present.has(col.name));
  if (missing.length > 0) {
    const columns = missing.map((col) => columnLabel(table, col.name)).join('、');
    return failed(base, msg('ingest.error.missingColumns', { file, row: line, columns }));
  }

  notes.push(...titleNotes(grid, header));
  const mapping = map.cells.flatMap((spec, i) =>
    spec === null ? [] : [`${normaliseName(headerRow[i] ?? '')}→${spec.name}`],
  );
  notes.push(msg('ingest.note.columns', { mapping: mapping.join('、') }));
  if (map.unknown.length > 0) notes.push(msg('ingest.note.ignoredColumns', { columns: listOf(map.unknown.map(normaliseName)) }));
  for (const d of map.duplicates) notes.push(msg('ingest.note.duplicateColumn', { header: normaliseName(d.header), field: d.field }));

  const end = findEnd(grid.rows, header, rowWidth(headerRow));
  const out = new Collector(table, Math.max(0, end - header - 1));
  const readers = new CellReaders();
  const { encoding } = result;
  const unclosed = grid.unclosed;
  const facts = loadLong({ file, table, rows: grid.rows, lines: grid.lines, header, end, map, out, readers, unclosed, replaced, encoding });
  out.seal();

  if (facts.repeatedHeaders.length > 0) {
    notes.push(msg('ingest.note.repeatedHeader', { file, rows: listOf(facts.repeatedHeaders.map(String), 12), count: facts.repeatedHeaders.length }));
  }
  for (const [column, count] of facts.placeholders) notes.push(msg('ingest.note.placeholderBlank', { column, count }));

  if (facts.filledDown > 0) {
    const column = normaliseName(headerRow[map.cells.findIndex((s) => s?.name === 'category')] ?? '');
    notes.push(msg('ingest.note.fillDown', { column, count: facts.filledDown }));
  }
  notes.push(...measureNotes(facts.measures));
  if (table === 'rubric') notes.push(...subtotalNotes(out, facts.subtotals));
  if (table === 'targets') {
    notes.push(...quotaNotes(out, facts.measures));
    const all = countNull(out, 'unit');
    if (all > 0) notes.push(msg('ingest.note.allUnits', { count: all }));
  }
  if (table === 'results') {
    const noRound = countNull(out, 'round');
    if (noRound > 0) notes.push(msg('ingest.note.roundDefault', { count: noRound }));
  }
  const headerOf = (column: string) => {
    const at = map.cells.findIndex((spec) => spec?.name === column);
    return at < 0 ? column : normaliseName(headerRow[at] ?? '') || column;
  };
  notes.push(...validateRows({ file, table, out, header: headerOf, knownUnits: known.units }));
  if (out.read === 0) notes.push(msg('ingest.warn.noRows', { file, row: line }));
  notes.push(...notesBelow(grid, end));
  return finish(base, out, notes);
}

function importWide({ file, grid, ctx, result, known, replaced }: Source, layout: WideLayout): ImportResult {
  const notes: Message[] = [];
  const base: ImportResult = { ...result, shape: 'wide' };
  let kind: 'targets' | 'results' | null = null;
  if (ctx.table === 'targets' || ctx.table === 'results') kind = ctx.table;
  else if (ctx.wideKind !== undefined) kind = ctx.wideKind;
  if (kind !== null) notes.push(msg('ingest.note.wideKindFromContext', tableParams(kind)));
  else {
    kind = wideKindInFileName(file);
    if (kind !== null) notes.push(msg('ingest.note.wideKindFromFileName', tableParams(kind)));
  }
  let year: string | null = null;
  if (layout.yearCol === null) {
    year = yearInFileName(file);
    if (year !== null) notes.push(msg('ingest.note.yearFromFileName', { year }));
    else if (ctx.year !== undefined) {
      year = parseYear(String(ctx.year));
      if (year !== null) notes.push(msg('ingest.note.yearFromContext', { year }));
    }
  }
  const needs: Need[] = [];
  if (layout.yearCol === null && year === null) needs.push('year');
  if (kind === null) needs.push('wideKind');
  if (kind === null || needs.length > 0) {
    const key =
      needs.length === 2 ? 'ingest.error.needsYearAndWideKind' : kind === null ? 'ingest.error.needsWideKind' : 'ingest.error.needsYear';
    return failed(base, msg(key, { file }), needs);
  }

  const end = findEnd(grid.rows, layout.header, layout.width);
  const out = new Collector(kind);
  const readers = new CellReaders();
  const { encoding } = result;
  const unclosed = grid.unclosed;
  const facts = loadWide({ file, kind, rows: grid.rows, lines: grid.lines, layout, end, year, out, readers, unclosed, replaced, encoding });
  out.seal();

  notes.push(...titleNotes(grid, layout.header));
  const key = layout.orientation === 'unitsAsColumns' ? 'ingest.note.unpivotUnitsAsColumns' : 'ingest.note.unpivotUnitsAsRows';
  notes.push(msg(key, { units: facts.units, indicators: facts.indicators, cells: out.read }));
  if (layout.ignored.length > 0) notes.push(msg('ingest.note.ignoredColumns', { columns: listOf(layout.ignored) }));
  if (facts.categories.length > 0) notes.push(msg('ingest.note.categoryDropped', { categories: listOf(facts.categories) }));
  notes.push(...measureNotes(facts.measures));
  if (kind === 'targets') notes.push(...quotaNotes(out, facts.measures));
  if (facts.blankCells > 0) notes.push(msg('ingest.note.wideBlank', { count: facts.blankCells }));
  if (kind === 'results' && out.loaded > 0) notes.push(msg('ingest.note.roundDefault', { count: out.loaded }));
  notes.push(...facts.warnings);
  const corner = normaliseName(grid.rows[layout.header]?.[layout.labelCol] ?? '');
  const headerOf = (column: string) => (column === 'unit' && layout.orientation === 'unitsAsRows' && corner !== '' ? corner : column);
  notes.push(...validateRows({ file, table: kind, out, header: headerOf, knownUnits: known.units }));
  if (out.read === 0) notes.push(msg('ingest.warn.noRows', { file, row: grid.lines[layout.header] ?? layout.header + 1 }));
  notes.push(...notesBelow(grid, end));
  return finish({ ...base, table: kind }, out, notes);
}
