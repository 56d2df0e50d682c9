// Lines over periods (totals per unit over the years): one line per value of the colour
// column, dots on each period, the highlighted series drawn over the faded rest.
import * as Plot from '@observablehq/plot';
import type { Row } from '../db/rows';
import { colorScale, domainOf, emphasis, facets, frame, isPeriod, label, percentFormat, plain, tipChannels, type ChartOptions } from './options';

export function lineChart(rows: readonly Row[], o: ChartOptions): HTMLElement | SVGSVGElement {
  const stroke = o.color ?? 'currentColor';
  const opacity = emphasis(o);
  const format = o.percent ? percentFormat : undefined;
  return Plot.plot({
    ...frame(o, rows),
    x: isPeriod(rows, o.x) ? { type: 'point', domain: domainOf(rows, o.x), label: label(o, o.x), inset: 20, tickFormat: plain } : { label: label(o, o.x) },
    y: { label: label(o, o.y), grid: true, ...(o.reverse ? { reverse: true } : {}), ...(format ? { tickFormat: format } : {}) },
    color: colorScale(o, rows),
    marks: [
      Plot.line(rows as Row[], { x: o.x, y: o.y, z: o.z ?? o.color, stroke, strokeOpacity: opacity, strokeWidth: 1.6, ...facets(o) }),
      Plot.dot(rows as Row[], {
        x: o.x,
        y: o.y,
        fill: stroke,
        fillOpacity: opacity,
        r: 3,
        ...facets(o),
        tip: format ? { format: { y: format } } : true,
        channels: tipChannels(o),
      }),
    ],
  }) as HTMLElement | SVGSVGElement;
}
