// Goal seek: what a unit would need to reach a total, a grade or a rank. Per indicator, the
// actual that earns full points and the points that would add; then the smallest set of
// improvements (fewest indicators, then the smallest relative change) that reaches the goal;
// or, when none does, why not.
import type { Database } from '../db/types';
import { ident } from '../db/sql';
import { toRows, type Row } from '../db/rows';
import type { Message } from '../i18n/types';

export type Goal =
  | { readonly kind: 'total'; readonly total: number }
  | { readonly kind: 'grade'; readonly grade: string }
  | { readonly kind: 'rank'; readonly rank: number };

export interface Improvement {
  readonly indicator: string;
  readonly rule: string | null;
  /** The actual as reported (the first round's, when there are several). */
  readonly actual: string | null;
  /** What earns full points: a number, a range `103–107`, words or a level. */
  readonly needed: string;
  /** The actual to try in a scenario: the nearest value earning full points, or the words. */
  readonly value: string;
  /** Weighted points it would add over every round. */
  readonly gain: number;
  /** |needed − actual| ÷ |actual|; 1 for words, levels and missing results. */
  readonly relative: number;
}

export interface GoalResult {
  readonly current: number;
  /** The total the goal asks for; null when any total will do (the lowest grade). */
  readonly needed: number | null;
  readonly reached: boolean;
  readonly options: readonly Improvement[];
  /** The smallest set reaching the goal; null when out of reach or already reached. */
  readonly plan: readonly Improvement[] | null;
  readonly totalAfter: number | null;
  /** Why the goal cannot be reached, in the catalogue's words. */
  readonly why: Message | null;
}

const round2 = (x: number) => Math.round((x + Number.EPSILON * Math.sign(x)) * 100) / 100;
const EPS = 1e-9;

const num = (v: Row[string] | undefined): number | null => (typeof v === 'number' ? v : v == null || v === '' ? null : Number.isFinite(Number(v)) ? Number(v) : null);

/** The best level in a `全面兑现=1;基本兑现=0.6` list. */
export function bestLevel(levels: string | null): string | null {
  let best: { name: string; w: number } | null = null;
  for (const part of (levels ?? '').split(/[;,、；，]/)) {
    const m = /^(.+?)\s*[=:＝：]\s*(-?\d+(?:\.\d+)?)$/.exec(part.trim());
    if (m && (!best || Number(m[2]) > best.w)) best = { name: m[1]!.trim(), w: Number(m[2]) };
  }
  return best?.name ?? null;
}

/** What earns full points on one scored item, or null when no actual can (no target, bad rule). */
export function neededFor(r: Row): { text: string; value: number | null } | null {
  const rule = r['rule_code'];
  const t = num(r['t']);
  const kind = r['target_kind'];
  if (r['flag'] === 'no_target' || r['flag'] === 'bad_formula' || r['flag'] === 'unknown_rule' || r['flag'] === 'bad_direction') return null;
  switch (rule) {
    case 'manual':
      return { text: String(num(r['points'])), value: num(r['points']) };
    case 'level': {
      const best = bestLevel(r['levels'] as string | null);
      return best === null ? null : { text: best, value: null };
    }
    case 'range': {
      const low = kind === 'range' ? num(r['t_low']) : num(r['low']);
      const high = kind === 'range' ? num(r['t_high']) : (t ?? num(r['high']));
      const a = num(r['a']);
      const nearest = a === null ? (low ?? high) : low !== null && a < low ? low : high !== null && a > high ? high : a;
      return { text: `${low ?? ''}–${high ?? ''}`, value: nearest };
    }
    case 'pass':
      if (kind === 'range') return { text: `${num(r['t_low'])}–${num(r['t_high'])}`, value: num(r['t_low']) };
      if (kind === 'text') return { text: String(r['target_text']), value: null };
      return t === null ? null : { text: String(t), value: t };
    case 'deduct':
    case 'ratio':
      return t === null ? null : { text: String(t), value: t };
    default:
      return null;
  }
}

/** Per indicator: full points in every round, and what that takes. */
export function improvements(items: readonly Row[]): Improvement[] {
  const by = new Map<string, Row[]>();
  for (const r of items) {
    const k = String(r['indicator']);
    by.set(k, [...(by.get(k) ?? []), r]);
  }
  const out: Improvement[] = [];
  for (const [indicator, rows] of by) {
    const gain = rows.reduce((s, r) => s + ((num(r['points']) ?? 0) - (num(r['score']) ?? 0)) * (num(r['weight']) ?? 1), 0);
    if (gain <= EPS) continue;
    const first = rows[0]!;
    const needed = neededFor(first);
    if (!needed) continue;
    const a = num(first['a']);
    const relative =
      needed.value === null || a === null ? 1 : Math.abs(needed.value - a) / Math.max(Math.abs(a), EPS);
    out.push({
      indicator,
      rule: (first['rule_code'] as string | null) ?? null,
      actual: (first['actual_text'] as string | null) ?? null,
      needed: needed.text,
      value: needed.value !== null ? String(needed.value) : needed.text,
      gain: Math.round(gain * 1e8) / 1e8,
      relative: Math.round(relative * 1e6) / 1e6,
    });
  }
  return out.sort((x, y) => y.gain - x.gain || x.relative - y.relative);
}

/**
 * The fewest improvements whose gains reach `need`, and among those the smallest total relative
 * change (depth-first with bounds; the demo has at most a few dozen candidates).
 */
export function smallestSet(options: readonly Improvement[], need: number): Improvement[] | null {
  if (need <= EPS) return [];
  let k = 0;
  let sum = 0;
  for (const o of options) {
    if (sum >= need - EPS) break;
    sum += o.gain;
    k++;
  }
  if (sum < need - EPS) return null;
  const byRel = [...options].sort((x, y) => x.relative - y.relative || y.gain - x.gain);
  // suffixMax[i][j]: the largest gain of j items from byRel[i..]; the bound that prunes a branch.
  const gainsFrom = (i: number, j: number) =>
    byRel.slice(i).map((o) => o.gain).sort((x, y) => y - x).slice(0, j).reduce((s, g) => s + g, 0);
  let best: Improvement[] | null = null;
  let bestRel = Infinity;
  let visits = 0;
  const pick: Improvement[] = [];
  const walk = (i: number, gain: number, rel: number) => {
    if (++visits > 200_000) return;
    if (pick.length === k) {
      if (gain >= need - EPS && rel < bestRel) (best = [...pick]), (bestRel = rel);
      return;
    }
    if (i >= byRel.length || rel >= bestRel) return;
    if (gain + gainsFrom(i, k - pick.length) < need - EPS) return;
    pick.push(byRel[i]!);
    walk(i + 1, gain + byRel[i]!.gain, rel + byRel[i]!.relative);
    pick.pop();
    walk(i + 1, gain, rel);
  };
  walk(0, 0, 0);
  return best ?? options.slice(0, k);
}

const ITEMS_SQL = (s: string) => `SELECT indicator, round, weight, rule_code, points, score, flag, actual_text, a,
  target_text, target_kind, t, t_low, t_high, low, high, levels
FROM ${s}.engine_scores WHERE year = ? AND unit = ? AND rule_code IS DISTINCT FROM 'bonus'
ORDER BY rubric_source, rubric_row, round_ord`;

/** Seeks `goal` for `unit` in `year`, on the base (`main`) or the active scenario's schema. */
export async function seekGoal(db: Database, schema: string, year: number, unit: string, goal: Goal): Promise<GoalResult | null> {
  const s = ident(schema);
  const [me] = toRows(await db.query(`SELECT t.*, (SELECT veto FROM ${s}.engine_config) AS veto_mode, (SELECT rank_within FROM ${s}.engine_config) AS rank_within FROM ${s}.totals t WHERE year = ? AND unit = ?`, [year, unit]));
  if (!me) return null;
  const current = num(me['total']) ?? 0;
  const options = improvements(toRows(await db.query(ITEMS_SQL(s), [year, unit])));
  const room = options.reduce((x, o) => x + o.gain, 0);
  const vetoed = me['vetoed'] === true;
  const result = (needed: number | null, why: Message | null): GoalResult => {
    const reached = why === null && (needed === null || current >= needed - EPS);
    if (why || reached || needed === null) return { current, needed, reached, options, plan: null, totalAfter: null, why };
    const exact = (num(me['base']) ?? 0) + (num(me['bonus']) ?? 0);
    const plan = smallestSet(options, needed - exact);
    if (!plan) {
      return { current, needed, reached, options, plan: null, totalAfter: null,
        why: { key: 'sc.goal.why.points', params: { needed: needed.toFixed(2), best: round2(exact + room).toFixed(2), room: round2(room).toFixed(2) } } };
    }
    return { current, needed, reached, options, plan, totalAfter: round2(exact + plan.reduce((x, o) => x + o.gain, 0)), why: null };
  };
  const vetoWhy: Message = { key: 'sc.goal.why.vetoed', params: { reason: String(me['veto_reason'] ?? '') } };
  if (goal.kind === 'total') return result(goal.total, vetoed && me['veto_mode'] === 'zero' ? vetoWhy : null);
  if (vetoed) return result(null, vetoWhy);
  if (goal.kind === 'grade') {
    const bands = toRows(await db.query(`SELECT grade, bound, strict FROM ${s}.engine_grades ORDER BY ord`));
    const band = bands.find((b) => b['grade'] === goal.grade);
    if (!band) return result(null, { key: 'sc.goal.why.no_grade', params: { grade: goal.grade } });
    const bound = num(band['bound']);
    return result(bound === null ? null : band['strict'] ? round2(bound + 0.01) : bound, null);
  }
  const others = toRows(
    await db.query(
      `SELECT total FROM ${s}.totals WHERE year = ? AND unit <> ? AND NOT vetoed AND (? <> 'kind' OR kind IS NOT DISTINCT FROM ?) ORDER BY total DESC`,
      [year, unit, String(me['rank_within'] ?? 'all'), (me['kind'] as string | null) ?? null],
    ),
  ).map((r) => num(r['total']) ?? 0);
  if (goal.rank < 1) return result(null, { key: 'sc.goal.why.rank', params: { rank: goal.rank } });
  return result(goal.rank > others.length ? null : others[goal.rank - 1]!, null);
}
