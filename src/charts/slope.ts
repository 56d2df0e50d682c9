// Slope chart: each series (a unit) from one period to the next (rank 2018 → 2019), labelled
// at both ends; ranks read top-down with `reverse`.
import * as Plot from '@observablehq/plot';
import type { Row } from '../db/rows';
import { colorScale, domainOf, emphasis, facets, frame, label, marginFor, plain, tipChannels, type ChartOptions } from './options';

export function slopeChart(rows: readonly Row[], o: ChartOptions): HTMLElement | SVGSVGElement {
  const periods = domainOf(rows, o.x);
  const first = periods[0];
  const last = periods[periods.length - 1];
  const series = o.z ?? o.color ?? o.y;
  // Ties (two units both 2nd) share one label rather than print over each other.
  const labelled = (p: typeof first) => {
    const at = new Map<string, { row: Row; names: string[] }>();
    for (const row of rows.filter((r) => r[o.x] === p)) {
      const seen = at.get(String(row[o.y]));
      if (seen) seen.names.push(String(row[series] ?? ''));
      else at.set(String(row[o.y]), { row, names: [String(row[series] ?? '')] });
    }
    return [...at.values()].map(({ row, names }) => ({ ...row, __label: `${names.join('、')} ${row[o.y] ?? ''}` }));
  };
  const margin = marginFor(rows, series, 60, 180) + 24;
  const stroke = o.color ?? 'currentColor';
  const opacity = emphasis(o);
  return Plot.plot({
    ...frame(o, rows),
    marginLeft: margin,
    marginRight: margin,
    marginTop: 30,
    marginBottom: 12,
    height: o.height ?? Math.max(160, 50 + 20 * new Set(rows.map((r) => r[series])).size),
    x: { type: 'point', domain: periods, label: null, axis: 'top', inset: 0, tickFormat: plain, tickSize: 0 },
    y: { label: label(o, o.y), axis: null, ...(o.reverse ? { reverse: true } : {}) },
    color: { ...colorScale(o, rows), legend: false },
    marks: [
      Plot.line(rows as Row[], { x: o.x, y: o.y, z: series, stroke, strokeOpacity: opacity, strokeWidth: 1.6, ...facets(o) }),
      Plot.dot(rows as Row[], { x: o.x, y: o.y, fill: stroke, fillOpacity: opacity, r: 3, tip: true, channels: tipChannels(o), ...facets(o) }),
      Plot.text(labelled(first), { x: o.x, y: o.y, text: '__label', textAnchor: 'end', dx: -8, fill: stroke, fillOpacity: opacity, ...facets(o) }),
      Plot.text(labelled(last), { x: o.x, y: o.y, text: '__label', textAnchor: 'start', dx: 8, fill: stroke, fillOpacity: opacity, ...facets(o) }),
    ],
  }) as HTMLElement | SVGSVGElement;
}
