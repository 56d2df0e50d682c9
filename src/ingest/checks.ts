// Notes drawn from what was loaded: stripped units of measure, quotas that should add up to the
// total in an indicator's name, and category subtotals that should add up to their items' points.
import type { Message } from '../i18n/types';
import type { Collector } from './collect';
import { listOf, msg } from './messages';

const MEASURE_NOTES = 12;

export function measureNotes(measures: ReadonlyMap<string, string>): Message[] {
  const notes: Message[] = [];
  for (const [indicator, measure] of measures) {
    if (notes.length === MEASURE_NOTES) break;
    notes.push(msg('ingest.note.measure', { indicator, measure }));
  }
  if (measures.size > MEASURE_NOTES) notes.push(msg('ingest.note.measureMore', { count: measures.size - MEASURE_NOTES }));
  return notes;
}

function show(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

/** Sums of numeric `value` per `key`, over loaded rows where both are set and `keep` holds. */
function sums(
  out: Collector,
  key: string,
  value: string,
  keep: (k: string) => boolean,
  group: (row: number) => string,
): Map<string, number> {
  const keys = out.column(key);
  const values = out.column(value);
  const total = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const v = values[i];
    if (k === null || k === undefined || v === null || v === undefined || !keep(k)) continue;
    const n = Number(v);
    if (!Number.isFinite(n)) continue;
    const g = group(i);
    total.set(g, (total.get(g) ?? 0) + n);
  }
  return total;
}

const QUOTA = /^(\d+(?:\.\d+)?)/;

/**
 * Seed 000: 孕前优生健康检查人数（300对）splits 300 pairs across ten units. When an indicator's
 * measure starts with a number, the units' targets for a year should add up to it.
 */
export function quotaNotes(out: Collector, measures: ReadonlyMap<string, string>): Message[] {
  const quotas = new Map<string, number>();
  for (const [indicator, measure] of measures) {
    const m = QUOTA.exec(measure);
    if (m?.[1] !== undefined) quotas.set(indicator, Number(m[1]));
  }
  if (quotas.size === 0) return [];
  const years = out.column('year');
  const indicators = out.column('indicator');
  const total = sums(
    out,
    'indicator',
    'target',
    (k) => quotas.has(k),
    (i) => `${years[i] ?? ''}\u0000${indicators[i] ?? ''}`,
  );
  const notes: Message[] = [];
  for (const [group, sum] of total) {
    const indicator = group.slice(group.indexOf('\u0000') + 1);
    const quota = quotas.get(indicator);
    const measure = measures.get(indicator) ?? '';
    if (quota === undefined) continue;
    const key = Math.abs(sum - quota) < 1e-9 ? 'ingest.note.quota' : 'ingest.warn.quotaMismatch';
    notes.push(msg(key, { indicator, measure, sum: show(sum) }));
  }
  return notes;
}

/** Seed 001: 领导重视（9）heads items of 3 + 1 + 2 + 3 points. */
export function subtotalNotes(out: Collector, subtotals: ReadonlyMap<string, string>): Message[] {
  if (subtotals.size === 0) return [];
  const listed = [...subtotals].map(([c, s]) => `${c} ${s}`);
  const notes: Message[] = [msg('ingest.note.subtotals', { subtotals: listOf(listed, 12) })];
  const categories = out.column('category');
  const total = sums(out, 'category', 'points', (k) => subtotals.has(k), (i) => categories[i] ?? '');
  for (const [category, subtotal] of subtotals) {
    const sum = total.get(category) ?? 0;
    if (Math.abs(sum - Number(subtotal)) >= 1e-9) {
      notes.push(msg('ingest.warn.subtotalMismatch', { category, subtotal, sum: show(sum) }));
    }
  }
  return notes;
}

export function countNull(out: Collector, column: string): number {
  let n = 0;
  for (const v of out.column(column)) if (v === null) n++;
  return n;
}
