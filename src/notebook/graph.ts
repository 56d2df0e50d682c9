// Which cell reads which: the dependency graph, its run order, and the re-run plan (a change
// re-runs exactly the cells downstream of it, each after the cells it reads).
import type { Message } from '../i18n/types';
import type { Cell } from './cells';
import { cellRefs } from './refs';
import { NAME } from './tokenize';

export interface Graph {
  /** Every cell, upstream before downstream, document order where the graph leaves a choice. */
  readonly order: readonly number[];
  /** For each cell, the cells it reads. */
  readonly upstream: readonly (readonly number[])[];
  readonly downstream: readonly (readonly number[])[];
  /** For each cell, the names it reads (lower-cased). */
  readonly reads: readonly (readonly string[])[];
  /** Cells that cannot run: a bad or duplicate name, or a cycle. */
  readonly errors: ReadonlyMap<number, Message>;
  /** The cell that provides a name (lower-cased). */
  readonly provider: ReadonlyMap<string, number>;
}

export function buildGraph(cells: readonly Cell[]): Graph {
  const refs = cells.map(cellRefs);
  const errors = new Map<number, Message>();
  const provider = new Map<string, number>();
  cells.forEach((c, i) => {
    if (c.kind !== 'sql' && c.kind !== 'input') return;
    const name = c.name ?? '';
    if (!NAME.test(name)) errors.set(i, { key: 'nb.graph.name', params: { name } });
    else if (provider.has(name.toLowerCase())) errors.set(i, { key: 'nb.graph.duplicate', params: { name } });
    else provider.set(name.toLowerCase(), i);
  });

  const upstream = refs.map((r, i) => [
    ...new Set(r.reads.flatMap((n) => (provider.has(n) && provider.get(n) !== i ? [provider.get(n)!] : []))),
  ]);
  refs.forEach((r, i) => {
    if (r.provides !== null && r.reads.includes(r.provides) && provider.get(r.provides) === i) {
      errors.set(i, { key: 'nb.graph.cycle', params: { names: cells[i]!.name ?? '' } });
    }
  });
  const downstream: number[][] = cells.map(() => []);
  upstream.forEach((ups, i) => ups.forEach((u) => downstream[u]!.push(i)));

  // Kahn's algorithm, always taking the earliest ready cell so the order reads like the page.
  const waiting = upstream.map((u) => u.length);
  const ready = waiting.flatMap((w, i) => (w === 0 ? [i] : []));
  const order: number[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => a - b);
    const i = ready.shift()!;
    order.push(i);
    for (const d of downstream[i]!) if (--waiting[d]! === 0) ready.push(d);
  }
  if (order.length < cells.length) {
    const stuck = cells.flatMap((_, i) => (order.includes(i) ? [] : [i]));
    const names = stuck.flatMap((i) => (cells[i]!.name ? [cells[i]!.name!] : [])).join(' → ');
    for (const i of stuck) errors.set(i, { key: 'nb.graph.cycle', params: { names } });
    order.push(...stuck);
  }
  return { order, upstream, downstream, reads: refs.map((r) => r.reads), errors, provider };
}

export type Change =
  | { readonly kind: 'all' }
  /** Parameters (input values) that changed. */
  | { readonly kind: 'names'; readonly names: readonly string[] }
  /** Cells whose text changed or that were asked to run. */
  | { readonly kind: 'cells'; readonly cells: readonly number[] };

/** The cells to re-run for a change, in run order: the changed ones and everything downstream. */
export function planRun(graph: Graph, change: Change): number[] {
  if (change.kind === 'all') return [...graph.order];
  const start =
    change.kind === 'cells'
      ? change.cells
      : (() => {
          const names = new Set(change.names.map((n) => n.toLowerCase()));
          return graph.reads.flatMap((reads, i) => (reads.some((n) => names.has(n)) ? [i] : []));
        })();
  const affected = new Set<number>();
  const stack = [...start];
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (affected.has(i)) continue;
    affected.add(i);
    stack.push(...(graph.downstream[i] ?? []));
  }
  return graph.order.filter((i) => affected.has(i));
}
