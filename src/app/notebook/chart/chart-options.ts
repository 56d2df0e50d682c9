// A chart cell's spec, in the UI language, as options for the chart builders: labels from the
// spec or the catalogue, highlights from the inputs the chart selects.
import type { ChartKind, ChartOptions } from '../../../charts';
import type { Param } from '../../../db/types';
import type { Lang } from '../../../i18n/types';
import { chartColumns, textIn, type ChartSpec } from '../../../notebook/specs';

export interface ChartContext {
  readonly lang: Lang;
  /** A column's display name: the catalogue's (`nb.col.*`) or the column's own. */
  readonly columnLabel: (column: string) => string;
  readonly values: ReadonlyMap<string, Param>;
  readonly width: number;
  readonly cumulativeLabel: string;
  readonly document: Document;
}

export const chartKind = (spec: ChartSpec): ChartKind => (spec.type === 'bar' && spec.pareto ? 'pareto' : spec.type);

export function chartOptions(spec: ChartSpec, ctx: ChartContext): ChartOptions {
  const labels: Record<string, string> = {};
  for (const c of chartColumns(spec)) labels[c] = ctx.columnLabel(c);
  for (const [channel, text] of Object.entries(spec.labels ?? {})) {
    const column = spec[channel as keyof ChartSpec];
    const shown = textIn(text, ctx.lang);
    if (typeof column === 'string' && shown !== undefined) labels[column] = shown;
  }
  return {
    x: spec.x,
    y: spec.y,
    color: spec.color,
    z: spec.z,
    fx: spec.fx,
    fy: spec.fy,
    title: textIn(spec.title, ctx.lang),
    subtitle: textIn(spec.subtitle, ctx.lang),
    labels,
    tip: spec.tip,
    stack: spec.stack,
    reverse: spec.reverse,
    percent: spec.percent,
    colors: spec.colors,
    scheme: spec.scheme,
    height: spec.height,
    width: ctx.width,
    cumulativeLabel: ctx.cumulativeLabel,
    highlight: Object.entries(spec.select ?? {}).map(([param, column]) => ({
      column,
      value: ctx.values.get(param.toLowerCase()) ?? null,
    })),
    document: ctx.document,
  };
}

/** The parameter a click on a value of `column` sets, if the chart selects on that column. */
export function paramFor(spec: ChartSpec, column: string): string | null {
  return Object.entries(spec.select ?? {}).find(([, c]) => c === column)?.[0] ?? null;
}
