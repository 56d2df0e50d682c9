// Pareto: the bars in falling order and the cumulative share as a line on a right-hand percent
// axis, so the few items where most is lost stand out.
import * as Plot from '@observablehq/plot';
import type { Row } from '../db/rows';
import { categoryAxis, emphasis, frame, label, marginFor, textWidth, tipChannels, type ChartOptions } from './options';

export function paretoChart(rows: readonly Row[], o: ChartOptions): HTMLElement | SVGSVGElement {
  const sorted = [...rows].sort((a, b) => Number(b[o.y] ?? 0) - Number(a[o.y] ?? 0));
  const sum = sorted.reduce((s, r) => s + Number(r[o.y] ?? 0), 0);
  const top = Number(sorted[0]?.[o.y] ?? 0);
  let running = 0;
  const cumulative = sorted.map((r) => {
    running += Number(r[o.y] ?? 0);
    const share = sum > 0 ? running / sum : 0;
    return { ...r, __share: share, __y: share * top };
  });
  const shareLabel = o.cumulativeLabel ?? 'cumulative';
  const percent = (v: number) => `${Math.round((top > 0 ? v / top : 0) * 100)}%`;
  // Labels turned 40° reach left of their bar: the first one needs room.
  const firstLabel = textWidth(String(sorted[0]?.[o.x] ?? '')) * Math.cos(Math.PI * 40 / 180);
  return Plot.plot({
    ...frame(o, rows),
    marginRight: 48,
    marginLeft: Math.max(50, Math.min(200, firstLabel)),
    marginBottom: marginFor(rows, o.x, 30, 150),
    x: categoryAxis(sorted, o.x, { tickRotate: -40 }),
    y: { label: label(o, o.y), grid: true },
    marks: [
      Plot.barY(sorted, { x: o.x, y: o.y, fill: '#b4232c', fillOpacity: emphasis(o), tip: true, channels: tipChannels(o) }),
      Plot.ruleY([0]),
      Plot.axisY({ anchor: 'left', label: label(o, o.y) }),
      Plot.line(cumulative, { x: o.x, y: '__y', stroke: '#1d2329', strokeWidth: 1.5 }),
      Plot.dot(cumulative, {
        x: o.x,
        y: '__y',
        r: 2.5,
        fill: '#1d2329',
        tip: true,
        channels: { [shareLabel]: { value: '__share', label: shareLabel } },
        title: undefined,
      }),
      Plot.axisY(top > 0 ? [0, 0.25, 0.5, 0.75, 1].map((k) => k * top) : [0], {
        anchor: 'right',
        label: shareLabel,
        tickFormat: percent,
      }),
    ],
  }) as HTMLElement | SVGSVGElement;
}
