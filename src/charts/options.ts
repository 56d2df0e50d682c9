// What every chart builder takes: rows already aggregated by SQL, the columns to draw, and the
// words and document to draw them with. Builders are pure: same rows and options, same SVG.
import type { Row } from '../db/rows';

export type Value = Row[string];

export interface Highlight {
  readonly column: string;
  readonly value: Value;
}

export interface ChartOptions {
  readonly x: string;
  readonly y: string;
  readonly color?: string | undefined;
  /** The series a line or slope follows (a unit), when it is not the colour column. */
  readonly z?: string | undefined;
  readonly fx?: string | undefined;
  readonly fy?: string | undefined;
  readonly title?: string | undefined;
  readonly subtitle?: string | undefined;
  /** Display names of columns (axes, legend, tooltip), in the UI language. */
  readonly labels: Readonly<Record<string, string>>;
  /** More columns for the tooltip. */
  readonly tip?: readonly string[] | undefined;
  readonly stack?: boolean | undefined;
  readonly reverse?: boolean | undefined;
  readonly percent?: boolean | undefined;
  readonly colors?: Readonly<Record<string, string>> | undefined;
  readonly scheme?: string | undefined;
  /** Marks whose column equals the value stand out; the others fade. */
  readonly highlight?: readonly Highlight[] | undefined;
  readonly width?: number | undefined;
  readonly height?: number | undefined;
  /** Pareto: the right axis label of the cumulative share. */
  readonly cumulativeLabel?: string | undefined;
  readonly document: Document;
}

export const label = (o: ChartOptions, column: string | undefined): string | undefined =>
  column === undefined ? undefined : (o.labels[column] ?? column);

/** Distinct values in the order the rows give them: SQL's ORDER BY decides the axis order. */
export function domainOf(rows: readonly Row[], column: string): Value[] {
  return [...new Set(rows.map((r) => r[column] ?? null))];
}

export function isNumeric(rows: readonly Row[], column: string | undefined): boolean {
  if (column === undefined) return false;
  const seen = rows.find((r) => r[column] !== null && r[column] !== undefined)?.[column];
  return typeof seen === 'number';
}

/** Few whole numbers (years): drawn as points on an ordinal axis, not as a 2,016.5 scale. */
export function isPeriod(rows: readonly Row[], column: string): boolean {
  const values = domainOf(rows, column);
  return values.length <= 30 && values.every((v) => typeof v === 'number' && Number.isInteger(v));
}

/** Rough width of a tick label at the charts' 11px font: CJK characters are square, Latin narrower. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffff]/.test(ch) ? 11 : 6.5;
  return w;
}

/** Tick text of an ordinal value: years as 2019, never 2,019. */
export const plain = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/**
 * An axis of categories in the rows' order. Its label is left out: the names on the axis (units,
 * indicators) say what they are, and a rotated label would sit on top of them.
 */
export function categoryAxis(rows: readonly Row[], column: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { domain: domainOf(rows, column), label: null, tickFormat: plain, ...extra };
}

export function marginFor(rows: readonly Row[], column: string | undefined, min = 40, max = 220): number {
  if (column === undefined) return min;
  const widest = Math.max(0, ...domainOf(rows, column).map((v) => textWidth(String(v ?? ''))));
  return Math.min(max, Math.max(min, widest + 14));
}

/** 1 for highlighted (or when nothing is), a faded opacity for the rest. */
export function emphasis(o: ChartOptions): ((d: Row) => number) | number {
  const active = (o.highlight ?? []).filter((h) => h.value !== null && h.value !== undefined);
  if (active.length === 0) return 1;
  return (d: Row) => (active.every((h) => !(h.column in d) || String(d[h.column]) === String(h.value)) ? 1 : 0.22);
}

/** Tooltip channels: extra columns under their display names. */
export function tipChannels(o: ChartOptions): Record<string, { value: string; label: string }> {
  return Object.fromEntries((o.tip ?? []).map((c) => [c, { value: c, label: label(o, c)! }]));
}

export const percentFormat = (v: number): string => `${Math.round(v * 1000) / 10}%`;

/** The colour scale: fixed colours for known values, else the scheme, with a legend when there is a colour column. */
export function colorScale(o: ChartOptions, rows: readonly Row[]): Record<string, unknown> {
  if (o.color === undefined) return {};
  if (o.colors) {
    const present = domainOf(rows, o.color).map(String);
    const domain = [...Object.keys(o.colors).filter((k) => present.includes(k)), ...present.filter((k) => !(k in o.colors!))];
    return { domain, range: domain.map((k) => o.colors![k] ?? '#9aa4ae'), legend: true, label: label(o, o.color) };
  }
  return { legend: true, label: label(o, o.color), ...(o.scheme ? { scheme: o.scheme } : {}) };
}

export function facets(o: ChartOptions): Record<string, unknown> {
  return { ...(o.fx ? { fx: o.fx } : {}), ...(o.fy ? { fy: o.fy } : {}) };
}

export function frame(o: ChartOptions, rows: readonly Row[]): Record<string, unknown> {
  return {
    document: o.document,
    width: o.width ?? 640,
    ...(o.height ? { height: o.height } : {}),
    ...(o.title ? { title: o.title } : {}),
    ...(o.subtitle ? { subtitle: o.subtitle } : {}),
    ...(o.fx ? { fx: categoryAxis(rows, o.fx) } : {}),
    ...(o.fy ? { fy: categoryAxis(rows, o.fy) } : {}),
    style: { fontSize: '11px' },
  };
}
