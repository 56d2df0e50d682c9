// Where the table sits in the file: the header row below any title lines, and the notes below
// the table (注：…, 制表人：…, a date), which are skipped and never count as read.
import type { TableName } from '../schema/tables';
import { longHeaderScore, mapHeader } from './headers';
import { TABLES } from '../schema/tables';
import { type Known, type WideLayout, wideLayout } from './layout';
import { isBlank, normaliseName } from './normalise';

const HEADER_SCAN = 50;

const VALUE_TABLES: ReadonlySet<TableName> = new Set(['results', 'targets', 'rubric']);

function coversRequired(row: readonly string[], table: TableName): boolean {
  const m = mapHeader(row, table);
  return TABLES[table].columns.every((c) => !c.required || m.present.has(c.name));
}

export type HeaderFind =
  | { kind: 'long'; index: number }
  | { kind: 'wide'; layout: WideLayout }
  | { kind: 'none'; undeterminedWide: number | null };

export function isBlankRow(row: readonly string[] | undefined): boolean {
  if (row === undefined) return true;
  for (const c of row) if (!isBlank(c)) return false;
  return true;
}

/**
 * The first row that is a long header (cells naming a table's columns) or a wide header. A wide
 * header whose own cells are unit names wins outright; one oriented by the rows below wins only
 * when it has at least as many value columns as the long reading has named columns.
 */
export function findHeader(
  rows: readonly string[][],
  longTables: readonly TableName[],
  wideAllowed: boolean,
  known: Known,
): HeaderFind {
  let undeterminedWide: number | null = null;
  const n = Math.min(rows.length, HEADER_SCAN);
  for (let i = 0; i < n; i++) {
    const row = rows[i] ?? [];
    if (isBlankRow(row)) continue;
    const wide = wideAllowed ? wideLayout(rows, i, known) : null;
    if (wide !== null && wide !== 'undetermined' && wide.unitsInHeader) return { kind: 'wide', layout: wide };
    const score = longHeaderScore(row, longTables);
    // A header naming every required column of results, targets or a rubric is a long table,
    // however many other columns follow it (extra columns are ignored, not read as units).
    const complete = longTables.some((t) => VALUE_TABLES.has(t) && coversRequired(row, t));
    if (wide !== null && wide !== 'undetermined' && !complete && wide.valueCols.length >= score) {
      return { kind: 'wide', layout: wide };
    }
    if (score > 0) return { kind: 'long', index: i };
    if (wide === 'undetermined' && undeterminedWide === null) undeterminedWide = i;
  }
  return { kind: 'none', undeterminedWide };
}

export function nonBlankCells(row: readonly string[]): string[] {
  const out: string[] = [];
  for (const c of row) if (!isBlank(c)) out.push(c);
  return out;
}

const NOTE_START = /^(?:注|备注|附注|说明|注释|注意|资料来源|数据来源)\s*\d*\s*[:：、.]/;
const SIGNATURE =
  /^(?:制表|填表|填报|审核|审批|复核|核对|统计人|负责人|单位负责人|分管领导|主要领导|联系人|联系电话|电话|签字|签名|盖章|日期)/;
const DATE =
  /^(?:(?:19|20)\d\d\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?|(?:19|20)\d\d[-/.]\d{1,2}(?:[-/.]\d{1,2})?)$/;

/** A row of notes: it opens with `注：`/`备注：`, or every cell is a signature line or a date. */
export function isNoteRow(row: readonly string[]): boolean {
  const cells = nonBlankCells(row).map(normaliseName);
  const first = cells[0];
  if (first === undefined) return false;
  if (NOTE_START.test(first)) return true;
  return cells.every((c) => SIGNATURE.test(c) || DATE.test(c));
}

/**
 * Where the table ends: the earliest note row after which every row is blank, a note, or (in a
 * table of two or more columns) a single cell continuing a note. Returns rows.length if none.
 */
export function findEnd(rows: readonly string[][], header: number, width: number): number {
  let end = rows.length;
  for (let i = rows.length - 1; i > header; i--) {
    const row = rows[i] ?? [];
    if (isBlankRow(row)) continue;
    if (isNoteRow(row)) {
      end = i;
      continue;
    }
    if (width >= 2 && nonBlankCells(row).length === 1) continue;
    break;
  }
  return end;
}

/** The first non-blank cell of each non-blank row in [from, to), as the user would recognise it. */
export function rowTexts(rows: readonly string[][], from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) {
    const first = nonBlankCells(rows[i] ?? [])[0];
    if (first !== undefined) out.push(clip(first.replace(/\s+/g, ' ').trim()));
  }
  return out;
}

export function clip(s: string, max = 24): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
