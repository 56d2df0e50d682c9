// The seven rules of docs/data-format.md (评分方法), one function each, on exact decimals in
// units of 1/10,000. An item that cannot be scored as the rubric says scores 0.
import { clamp, mulDivRound, parseScaled, SCALE } from './decimal';

export type RuleCode = 'pass' | 'deduct' | 'ratio' | 'range' | 'level' | 'manual' | 'bonus';

const RULE_NAMES: Record<string, RuleCode> = {
  达标: 'pass',
  pass: 'pass',
  扣分: 'deduct',
  deduct: 'deduct',
  比例: 'ratio',
  ratio: 'ratio',
  区间: 'range',
  range: 'range',
  定性: 'level',
  level: 'level',
  评估打分: 'manual',
  manual: 'manual',
  加分: 'bonus',
  bonus: 'bonus',
};

const squeeze = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** A blank rule is the inspectors' score (评估打分); an unknown one is null. */
export function ruleCode(text: string | null): RuleCode | null {
  if (text === null) return 'manual';
  return RULE_NAMES[squeeze(text).toLowerCase()] ?? null;
}

/** 越高越好 / higher (the default), 越低越好 / lower; anything else is null. */
export function directionOf(text: string | null): 'higher' | 'lower' | null {
  if (text === null) return 'higher';
  const d = squeeze(text).toLowerCase();
  if (d === '越高越好' || d === 'higher') return 'higher';
  if (d === '越低越好' || d === 'lower') return 'lower';
  return null;
}

/** `全面兑现=1;基本兑现=0.6;未兑现=0` → level → weight; parts that do not read are left out. */
export function levelsOf(text: string | null): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of squeeze(text ?? '').split(/[;,、]/)) {
    const m = /^(.+?)[=:](.+)$/.exec(part);
    const w = m ? parseScaled(m[2]!) : null;
    if (m && w !== null && !out.has(m[1]!)) out.set(m[1]!, w);
  }
  return out;
}

/** A target as the rule sees it, after a formula has been evaluated. */
export type Target =
  | { kind: 'none' } // no target row (无目标; a range item falls back to the rubric's bounds)
  | { kind: 'unevaluated' } // a formula lacking an input (无目标)
  | { kind: 'bad' } // a formula that does not parse
  | { kind: 'number'; value: number }
  | { kind: 'range'; low: number; high: number }
  | { kind: 'text'; text: string };

export interface Item {
  readonly rule: RuleCode;
  readonly points: number;
  readonly direction: 'higher' | 'lower' | null;
  readonly step: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly levels: Map<string, number>;
}

export interface Scored {
  readonly score: number;
  /** 无目标 or a bad formula: not a missed target for 末位否决. */
  readonly targetAbsent: boolean;
}

const zero: Scored = { score: 0, targetAbsent: false };
const absent: Scored = { score: 0, targetAbsent: true };
const full = (it: Item): Scored => ({ score: it.points, targetAbsent: false });
const of = (score: number): Scored => ({ score, targetAbsent: false });

function pass(it: Item, t: Target, actual: string): Scored {
  const a = parseScaled(actual);
  if (t.kind === 'text') return squeeze(actual) === squeeze(t.text) ? full(it) : zero;
  if (a === null) return zero;
  if (t.kind === 'range') return a >= t.low && a <= t.high ? full(it) : zero;
  if (t.kind !== 'number') return zero;
  const met = it.direction === 'lower' ? a <= t.value : a >= t.value;
  return met ? full(it) : zero;
}

function deduct(it: Item, t: Target, actual: string): Scored {
  const a = parseScaled(actual);
  if (t.kind !== 'number' || a === null) return zero;
  const shortfall = Math.max(0, it.direction === 'lower' ? a - t.value : t.value - a);
  if (shortfall === 0) return full(it);
  if (it.step === null) return zero;
  return of(clamp(it.points - mulDivRound(it.step, shortfall, SCALE), 0, it.points));
}

function ratio(it: Item, t: Target, actual: string): Scored {
  const a = parseScaled(actual);
  if (t.kind !== 'number' || a === null) return zero;
  if (it.direction === 'lower') {
    if (a <= 0) return full(it);
    return of(clamp(mulDivRound(it.points, t.value, a), 0, it.points));
  }
  if (t.value <= 0) return a >= t.value ? full(it) : zero;
  return of(clamp(mulDivRound(it.points, a, t.value), 0, it.points));
}

function range(it: Item, t: Target, actual: string | null): Scored {
  if (t.kind === 'bad' || t.kind === 'unevaluated') return absent;
  if (t.kind === 'text') return zero;
  const low = t.kind === 'range' ? t.low : it.low;
  const high = t.kind === 'range' ? t.high : t.kind === 'number' ? t.value : it.high;
  if (low === null && high === null) return absent;
  const a = parseScaled(actual);
  if (a === null) return zero;
  const gap = low !== null && a < low ? low - a : high !== null && a > high ? a - high : 0;
  if (gap === 0) return full(it);
  if (it.step === null) return zero;
  return of(clamp(it.points - mulDivRound(it.step, gap, SCALE), 0, it.points));
}

function level(it: Item, actual: string): Scored {
  const w = it.levels.get(squeeze(actual));
  if (w === undefined) return zero;
  return of(clamp(mulDivRound(it.points, w, SCALE), 0, it.points));
}

function manual(it: Item, actual: string): Scored {
  const a = parseScaled(actual);
  return a === null ? zero : of(clamp(a, 0, it.points));
}

/** One item in one round; `actual` null is 缺报. Bonus items are scored by `bonusScore`. */
export function scoreItem(it: Item, target: Target, actual: string | null): Scored {
  if (it.rule === 'manual') return actual === null ? zero : manual(it, actual);
  if (it.rule === 'level') return actual === null ? zero : level(it, actual);
  if (it.rule === 'range') return range(it, target, actual);
  if (it.direction === null) return zero;
  if (target.kind === 'none' || target.kind === 'unevaluated' || target.kind === 'bad') return absent;
  if (actual === null) return zero;
  if (it.rule === 'pass') return pass(it, target, actual);
  if (it.rule === 'deduct') return deduct(it, target, actual);
  if (it.rule === 'ratio') return ratio(it, target, actual);
  return zero;
}

/** 加分: the claims of every row of the item, summed, then limited to 0..points. */
export function bonusScore(it: Item, claims: readonly string[]): number {
  let sum = 0;
  for (const c of claims) {
    const v = parseScaled(c);
    if (v === null) return 0;
    sum += v;
  }
  return clamp(sum, 0, it.points);
}

/** Target items (docs/scoring.md, 末位否决): below full points they are missed targets. */
export const TARGET_RULES: ReadonlySet<RuleCode> = new Set(['pass', 'deduct', 'ratio', 'range', 'level']);
