// Dots: a value per category (a unit's share of points per track), coloured by group, faceted
// for small multiples (城关镇 / 农村镇 / 街道).
import * as Plot from '@observablehq/plot';
import type { Row } from '../db/rows';
import { categoryAxis, colorScale, emphasis, facets, frame, isNumeric, label, marginFor, percentFormat, tipChannels, type ChartOptions } from './options';

export function dotChart(rows: readonly Row[], o: ChartOptions): HTMLElement | SVGSVGElement {
  const format = o.percent ? percentFormat : undefined;
  const xNumeric = isNumeric(rows, o.x);
  const yNumeric = isNumeric(rows, o.y);
  const numericAxis = (column: string) => ({ label: label(o, column), grid: true, ...(format ? { tickFormat: format } : {}) });
  const rowsPerPanel = yNumeric ? 0 : new Set(rows.map((r) => r[o.y])).size;
  return Plot.plot({
    ...frame(o, rows),
    marginLeft: yNumeric ? 50 : marginFor(rows, o.y),
    ...(yNumeric || o.fy ? {} : { height: o.height ?? 60 + 22 * rowsPerPanel }),
    x: xNumeric ? numericAxis(o.x) : categoryAxis(rows, o.x),
    y: { ...(yNumeric ? numericAxis(o.y) : categoryAxis(rows, o.y)), ...(o.reverse ? { reverse: true } : {}) },
    color: colorScale(o, rows),
    marks: [
      Plot.dot(rows as Row[], {
        x: o.x,
        y: o.y,
        fill: o.color ?? '#2f6fb3',
        fillOpacity: emphasis(o),
        r: 4.5,
        ...facets(o),
        tip: format ? { format: { [xNumeric ? 'x' : 'y']: format } } : true,
        channels: tipChannels(o),
      }),
    ],
  }) as HTMLElement | SVGSVGElement;
}
