// Bars: horizontal when the categories are on y (units by total), vertical when on x. With a
// colour column the bars stack (points earned and lost by category); without one, a measure
// that goes both ways (change since last year) is green up and red down.
import * as Plot from '@observablehq/plot';
import type { Row } from '../db/rows';
import {
  categoryAxis, colorScale, emphasis, facets, frame, isNumeric, label, marginFor, percentFormat, tipChannels, type ChartOptions,
} from './options';

export const UP = '#1b7f4b';
export const DOWN = '#b4232c';

export function barChart(rows: readonly Row[], o: ChartOptions): HTMLElement | SVGSVGElement {
  const horizontal = isNumeric(rows, o.x) && !isNumeric(rows, o.y);
  const [category, measure] = horizontal ? [o.y, o.x] : [o.x, o.y];
  const signed = o.color === undefined && rows.some((r) => Number(r[measure]) < 0);
  const fill = o.color ?? (signed ? (d: Row) => (Number(d[measure]) < 0 ? DOWN : UP) : '#2f6fb3');
  const mark = horizontal ? Plot.barX : Plot.barY;
  const format = o.percent ? percentFormat : (v: number) => String(Math.round(v * 100) / 100);
  const axis = categoryAxis(rows, category, o.reverse ? { reverse: true } : {});
  const count = (axis['domain'] as unknown[]).length;
  const measureScale = { label: label(o, measure), grid: true, ...(o.percent ? { tickFormat: percentFormat } : {}) };
  const single = o.color === undefined || new Set(rows.map((r) => r[category])).size === rows.length;
  const values = horizontal && single && !o.fx && !o.fy;
  return Plot.plot({
    ...frame(o, rows),
    ...(horizontal
      ? { y: axis, x: { ...measureScale, ...(values && signed ? { inset: 30 } : {}) }, marginLeft: marginFor(rows, category), marginRight: values ? 40 : 20, height: o.height ?? 50 + 22 * count }
      : { x: { ...axis, tickRotate: count > 8 ? -40 : 0 }, y: measureScale, marginBottom: count > 8 ? marginFor(rows, category, 30, 150) : 30 }),
    color: colorScale(o, rows),
    marks: [
      mark(rows as Row[], {
        x: o.x,
        y: o.y,
        fill,
        fillOpacity: emphasis(o),
        ...facets(o),
        tip: o.percent ? { format: { [horizontal ? 'x' : 'y']: percentFormat } } : true,
        channels: tipChannels(o),
      }),
      horizontal ? Plot.ruleX([0]) : Plot.ruleY([0]),
      ...(values
        ? [false, true].map((negative) =>
            Plot.text(rows.filter((d) => Number(d[measure]) < 0 === negative) as Row[], {
              x: o.x,
              y: o.y,
              text: (d: Row) => format(Number(d[measure])),
              textAnchor: negative ? 'end' : 'start',
              dx: negative ? -4 : 4,
              fillOpacity: emphasis(o),
            }),
          )
        : []),
    ],
  }) as HTMLElement | SVGSVGElement;
}
