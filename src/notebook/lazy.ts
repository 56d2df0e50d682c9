// Cells out of sight wait: a change runs what the cells on screen need, now, and leaves the rest
// stale until they scroll into view (issue 4: a year change updates every visible view at once).
import type { Graph } from './graph';

/** The cells `seeds` read, directly or not, seeds included. */
export function upstreamOf(graph: Graph, seeds: Iterable<number>): Set<number> {
  const out = new Set<number>();
  const stack = [...seeds];
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (out.has(i)) continue;
    out.add(i);
    stack.push(...(graph.upstream[i] ?? []));
  }
  return out;
}

/**
 * Splits a plan: `now`, the planned or stale cells that the seen cells need, in run order;
 * `later`, the planned cells no seen cell needs.
 */
export function splitPlan(
  graph: Graph,
  plan: readonly number[],
  seen: Iterable<number>,
  stale: ReadonlySet<number>,
): { now: number[]; later: number[] } {
  const needed = upstreamOf(graph, seen);
  const planned = new Set(plan);
  return {
    now: graph.order.filter((i) => needed.has(i) && (planned.has(i) || stale.has(i))),
    later: plan.filter((i) => !needed.has(i)),
  };
}
