// Heatmap: categories × categories (indicators × units), coloured by a value (share of points
// earned); the tooltip carries the row's explanation sentence.
import * as Plot from '@observablehq/plot';
import type { Row } from '../db/rows';
import { categoryAxis, domainOf, emphasis, facets, frame, label, marginFor, percentFormat, tipChannels, type ChartOptions } from './options';

/** Full marks stand apart from "nearly": below 60 %, 60–80, 80–90, 90–100, 100 %. */
const SHARE_BANDS = [0.6, 0.8, 0.9, 0.9999];

export function cellChart(rows: readonly Row[], o: ChartOptions): HTMLElement | SVGSVGElement {
  const xDomain = domainOf(rows, o.x);
  const yDomain = domainOf(rows, o.y);
  const format = o.percent ? percentFormat : undefined;
  const fill = o.color ?? 'currentColor';
  return Plot.plot({
    ...frame(o, rows),
    marginLeft: marginFor(rows, o.y),
    marginBottom: marginFor(rows, o.x, 30, 160),
    height: o.height ?? marginFor(rows, o.x, 30, 160) + 30 + 18 * yDomain.length,
    x: categoryAxis(rows, o.x, { tickRotate: xDomain.length > 6 ? -50 : 0 }),
    y: categoryAxis(rows, o.y),
    color: o.color
      ? ({
          legend: true,
          label: label(o, o.color),
          scheme: o.scheme ?? 'RdYlGn',
          // Discrete bands: read at a glance, and the legend needs no canvas.
          ...(o.percent ? { type: 'threshold', domain: SHARE_BANDS, tickFormat: percentFormat } : { type: 'quantize', n: 6 }),
        } as Plot.ScaleOptions)
      : {},
    marks: [
      Plot.cell(rows as Row[], {
        x: o.x,
        y: o.y,
        fill,
        fillOpacity: emphasis(o),
        inset: 0.5,
        ...facets(o),
        tip: format && o.color ? { format: { fill: format } } : true,
        channels: tipChannels(o),
      }),
    ],
  }) as HTMLElement | SVGSVGElement;
}
