// The chart builders: pure functions from rows and options to an element, one per chart type.
import type { Row } from '../db/rows';
import { barChart } from './bar';
import { cellChart } from './cell';
import { dotChart } from './dot';
import { lineChart } from './line';
import type { ChartOptions } from './options';
import { paretoChart } from './pareto';
import { slopeChart } from './slope';

export type { ChartOptions, Highlight } from './options';
export { barChart, cellChart, dotChart, lineChart, paretoChart, slopeChart };

export type ChartKind = 'bar' | 'line' | 'dot' | 'cell' | 'slope' | 'pareto';

const BUILDERS: Record<ChartKind, (rows: readonly Row[], o: ChartOptions) => HTMLElement | SVGSVGElement> = {
  bar: barChart,
  line: lineChart,
  dot: dotChart,
  cell: cellChart,
  slope: slopeChart,
  pareto: paretoChart,
};

export function chart(kind: ChartKind, rows: readonly Row[], o: ChartOptions): HTMLElement | SVGSVGElement {
  return BUILDERS[kind](rows, o);
}
