// Every unit × year: item scores per round, the weighted base, the capped bonus, the total to
// 2 decimals, the grade, vetoes (listed and 末位否决) and the rank — plain loops over the inputs.
import { divRound, formatScaled, parseScaled, SCALE } from './decimal';
import { DEFAULT_ROUND, Inputs, type Unit } from './inputs';
import { Plan, readTarget } from './plan';
import { bonusScore, scoreItem, TARGET_RULES } from './rules';
import { gradeOf, readSettings, type Settings } from './settings';

export interface OracleTotal {
  readonly year: number;
  readonly unit: string;
  /** Exact decimal text. */
  readonly base: string;
  readonly bonus: string;
  /** Rounded to 2 decimals, as text. */
  readonly total: string;
  readonly grade: string | null;
  readonly rank: number;
  readonly vetoed: boolean;
  readonly vetoStreak: number;
}

export const VETO_GRADE = '一票否决';

interface Tally {
  readonly unit: Unit;
  /** Units of 1/10^8: weights (4 decimals) × round totals (4 decimals). */
  base: number;
  bonus: number;
  /** Units of 1/100. */
  total: number;
  missed: number;
  vetoed: boolean;
  rank: number;
}

function tallyUnit(inputs: Inputs, plan: Plan, settings: Settings, rounds: number[], year: number, unit: Unit): Tally {
  const prevRound = inputs.knownRound(DEFAULT_ROUND);
  const roundTotals = new Array<number>(rounds.length).fill(0);
  let claimed = 0;
  let missed = 0;
  for (const it of plan.items(year, unit.kind)) {
    if (it.rule === null) continue;
    if (it.rule === 'bonus') {
      const claims: string[] = [];
      for (let r = 0; r < inputs.roundCount(); r++) {
        const key = Inputs.resultKey(year, unit.id, it.indicator, r);
        const first = inputs.results.get(key);
        if (first !== undefined) claims.push(first, ...(inputs.extraResults.get(key) ?? []));
      }
      claimed += bonusScore(it, claims);
      continue;
    }
    const targetText =
      inputs.targets.get(Inputs.targetKey(year, unit.id, it.indicator)) ?? inputs.targets.get(Inputs.targetKey(year, -1, it.indicator));
    const target = readTarget(targetText, () => ({
      prev: prevRound === undefined ? null : parseScaled(inputs.results.get(Inputs.resultKey(year - 1, unit.id, it.indicator, prevRound))),
      population: parseScaled(unit.population),
    }));
    rounds.forEach((round, r) => {
      const actual = round < 0 ? null : (inputs.results.get(Inputs.resultKey(year, unit.id, it.indicator, round)) ?? null);
      const s = scoreItem(it, target, actual);
      roundTotals[r]! += s.score;
      if (TARGET_RULES.has(it.rule) && !s.targetAbsent && s.score < it.points) missed++;
    });
  }
  const base = settings.rounds.reduce((sum, round, r) => sum + round.weight * roundTotals[r]!, 0);
  const bonus = settings.bonusCap === null ? claimed : Math.min(claimed, settings.bonusCap);
  const total = divRound(base + bonus * SCALE, SCALE * SCALE / 100);
  return { unit, base, bonus, total, missed, vetoed: false, rank: 0 };
}

/** 后N名且未完成目标: among units not already vetoed, the bottom N places (ties included) that missed a target. */
function bottomVeto(group: Tally[], n: number): void {
  const open = group.filter((t) => !t.vetoed).sort((a, b) => a.total - b.total);
  if (open.length === 0 || n <= 0) return;
  const threshold = open[Math.min(n, open.length) - 1]!.total;
  for (const t of open) if (t.total <= threshold && t.missed > 0) t.vetoed = true;
}

/** Competition ranking by total (1, 2, 2, 4) from `first`. */
function rankFrom(tallies: Tally[], first: number): void {
  const sorted = [...tallies].sort((a, b) => b.total - a.total);
  sorted.forEach((t, i) => (t.rank = i > 0 && sorted[i - 1]!.total === t.total ? sorted[i - 1]!.rank : first + i));
}

/** Vetoed units rank after every other unit, among themselves by total. */
function rank(group: Tally[]): void {
  const open = group.filter((t) => !t.vetoed);
  rankFrom(open, 1);
  rankFrom(group.filter((t) => t.vetoed), open.length + 1);
}

function groupsOf(tallies: Tally[], settings: Settings): Tally[][] {
  if (settings.rankWithin === 'all') return [tallies];
  const groups = new Map<string, Tally[]>();
  for (const t of tallies) {
    const k = t.unit.kind ?? '';
    const g = groups.get(k);
    if (g) g.push(t);
    else groups.set(k, [t]);
  }
  return [...groups.values()];
}

/** The scored units: the units table in its order, or without one every unit named in the results. */
function scoredUnits(inputs: Inputs): Unit[] {
  if (inputs.hasUnitsTable) return inputs.units.filter((u) => u.listed).sort((a, b) => a.ord - b.ord);
  return inputs.units.filter((u) => u.inResults);
}

export function scoreAll(inputs: Inputs): OracleTotal[] {
  const settings = readSettings(inputs.settings);
  const plan = new Plan(inputs);
  const rounds = settings.rounds.map((r) => inputs.knownRound(r.name) ?? -1);
  const units = scoredUnits(inputs);
  const years = [...inputs.resultYears].sort((a, b) => a - b);
  const listed = new Set(inputs.vetoes.map((v) => `${v.year}|${v.unit}`));
  const vetoedYears = new Map<number, Set<number>>();
  const out: OracleTotal[] = [];
  for (const year of years) {
    const tallies = units.map((u) => tallyUnit(inputs, plan, settings, rounds, year, u));
    for (const t of tallies) t.vetoed = listed.has(`${year}|${t.unit.id}`);
    const groups = groupsOf(tallies, settings);
    if (settings.bottomVeto !== null) for (const g of groups) bottomVeto(g, settings.bottomVeto);
    if (settings.veto === 'zero') for (const t of tallies) if (t.vetoed) t.total = 0;
    for (const g of groups) rank(g);
    vetoedYears.set(year, new Set(tallies.filter((t) => t.vetoed).map((t) => t.unit.id)));
    for (const t of tallies) {
      let streak = 0;
      for (let y = year; vetoedYears.get(y)?.has(t.unit.id); y--) streak++;
      out.push({
        year,
        unit: t.unit.name,
        base: formatScaled(t.base, 8),
        bonus: formatScaled(t.bonus, 4),
        total: formatScaled(t.total, 2),
        grade: t.vetoed ? VETO_GRADE : gradeOf(settings.grades, t.total * 100),
        rank: t.rank,
        vetoed: t.vetoed,
        vetoStreak: streak,
      });
    }
  }
  return out;
}
