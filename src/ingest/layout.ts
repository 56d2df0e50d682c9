// The shape of a wide table (indicators × units): where its header is, which way it runs, which
// columns hold labels and which hold values. Orientation comes from the content, not the corner
// text: seed 000 writes `单位 内容` over one table and `内容 单位` over the other, both with units
// as columns.
import { labelColumn, mapsToAnyColumn } from './headers';
import { columnLetter } from './letters';
import { headerKey, isBlank, normaliseName, splitIndicator } from './normalise';
import { parseNumber } from './values';

export type Orientation = 'unitsAsColumns' | 'unitsAsRows';

export interface WideLayout {
  orientation: Orientation;
  header: number;
  /** Columns after the label columns: index, normalised header (a unit or an indicator). */
  valueCols: { index: number; header: string }[];
  firstValueCol: number;
  /** Header width: index of its last non-blank cell + 1. */
  width: number;
  yearCol: number | null;
  /** The indicator column (units as columns) or the unit column (units as rows). */
  labelCol: number;
  /** Units as columns only: the column before the indicator column (seed 000 附件2). */
  categoryCol: number | null;
  /** Header texts of columns that carry neither labels nor values (e.g. 备注). */
  ignored: string[];
  /** Orientation read from unit names in the header itself: strong enough to beat a long header. */
  unitsInHeader: boolean;
}

export interface Known {
  units: ReadonlySet<string>;
  indicators: ReadonlySet<string>;
}

const UNIT_SUFFIXES = ['街道', '办事处', '开发区', '园区', '社区', '苏木', '镇', '乡', '村'];

export function looksLikeUnit(cell: string, known: Known): boolean {
  const name = normaliseName(cell);
  if (known.units.has(name)) return true;
  return (
    UNIT_SUFFIXES.some((s) => name.endsWith(s) && name.length > s.length) && !mapsToAnyColumn(name)
  );
}

// The diagonal corner cell: `单位 内容`, `内容＼单位`, `单位\内容`, `项目`, `指标`, blank; or a 序号 column.
const CORNER_WORDS = [
  '单位名称', '指标名称', '考核指标', '考核项目', '考核内容', '镇(街道)', '镇街', '乡镇', '单位', '内容',
  '项目', '指标', '名称', '类别', '年度', '序号', '编号', 'unit', 'indicator', 'item', 'no.',
];

export function isCorner(cell: string | undefined): boolean {
  if (cell === undefined || isBlank(cell)) return true;
  let rest = headerKey(cell).replace(/[\\/|、\-_]/g, '');
  for (let found = true; rest !== '' && found; ) {
    found = false;
    for (const w of CORNER_WORDS) {
      if (rest.startsWith(w)) {
        rest = rest.slice(w.length);
        found = true;
        break;
      }
    }
  }
  return rest === '';
}

export function rowWidth(row: readonly string[]): number {
  let w = row.length;
  while (w > 0 && isBlank(row[w - 1])) w--;
  return w;
}

const SAMPLE_ROWS = 30;

/** Non-blank cells in column `col` of the rows below the header that satisfy `test`, and how many are non-blank. */
function columnShare(rows: readonly string[][], from: number, col: number, test: (s: string) => boolean) {
  let hits = 0;
  let seen = 0;
  for (let r = from; r < rows.length && seen < SAMPLE_ROWS; r++) {
    const cell = rows[r]?.[col];
    if (cell === undefined || isBlank(cell)) continue;
    seen++;
    if (test(cell)) hits++;
  }
  return hits >= 2 && hits * 2 >= seen;
}

/**
 * Reads row `at` as the header of a wide table: a corner cell (and blank or label cells after it),
 * then at least two cells that are neither column names nor numbers. Returns the layout, or
 * `undetermined` when it looks wide but no unit names can be found, or null.
 */
export function wideLayout(rows: readonly string[][], at: number, known: Known): WideLayout | 'undetermined' | null {
  const row = rows[at] ?? [];
  const width = rowWidth(row);
  if (width < 3) return null;
  if (!isCorner(row[0]) && labelColumn(row[0] ?? '') === null) return null;
  let first = 1;
  while (first < width && (isBlank(row[first]) || labelColumn(row[first] ?? '') !== null)) first++;
  const labelCols: number[] = [];
  let yearCol: number | null = null;
  for (let c = 0; c < first; c++) {
    if (yearCol === null && labelColumn(row[c] ?? '') === 'year') yearCol = c;
    else labelCols.push(c);
  }
  const valueCols: { index: number; header: string }[] = [];
  const ignored: string[] = [];
  for (let c = first; c < width; c++) {
    const cell = row[c] ?? '';
    if (isBlank(cell)) continue;
    if (mapsToAnyColumn(cell)) {
      if (yearCol === null && labelColumn(cell) === 'year') yearCol = c;
      else ignored.push(normaliseName(cell));
      continue;
    }
    if (parseNumber(cell) !== null) return null;
    valueCols.push({ index: c, header: normaliseName(cell) });
  }
  if (valueCols.length < 2 || labelCols.length === 0) return null;

  const base = { header: at, valueCols, firstValueCol: first, width, yearCol };
  // Label columns beyond the ones read (indicator and category, or unit) are left out, and said.
  const unread = (read: readonly (number | null)[]) =>
    labelCols.filter((c) => !read.includes(c)).map((c) => normaliseName(row[c] ?? '') || columnLetter(c));
  const asColumns = (unitsInHeader: boolean): WideLayout => {
    const labelCol = labelCols[labelCols.length - 1] ?? 0;
    const categoryCol = labelCols.length >= 2 ? (labelCols[labelCols.length - 2] ?? null) : null;
    const left = [...unread([labelCol, categoryCol]), ...ignored];
    return { ...base, orientation: 'unitsAsColumns', labelCol, categoryCol, ignored: left, unitsInHeader };
  };
  const asRows = (labelCol: number): WideLayout => ({
    ...base,
    orientation: 'unitsAsRows',
    labelCol,
    categoryCol: null,
    ignored: [...unread([labelCol]), ...ignored],
    unitsInHeader: false,
  });

  const unitHeaders = valueCols.filter((v) => looksLikeUnit(v.header, known)).length;
  if (unitHeaders >= 2 && unitHeaders * 2 >= valueCols.length) return asColumns(true);
  const isUnit = (s: string) => looksLikeUnit(s, known);
  const unitCol = labelCols.find((c) => columnShare(rows, at + 1, c, isUnit));
  if (unitCol !== undefined) return asRows(unitCol);
  const isIndicator = (s: string) => known.indicators.has(splitIndicator(s).name);
  if (labelCols.some((c) => columnShare(rows, at + 1, c, isIndicator))) return asColumns(false);
  const knownHeaders = valueCols.filter((v) => isIndicator(v.header)).length;
  if (knownHeaders >= 2) return asRows(labelCols[labelCols.length - 1] ?? 0);
  return 'undetermined';
}
