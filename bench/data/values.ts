// What each unit reports for each indicator: driven by the unit's standing that year (a latent
// quality with a trend), so rankings are stable, some units improve and some decline, and every
// rule sees hits and misses.
import { fixed, type Stream } from './random';
import type { Indicator } from './rubric';

/** A unit's standing in a year, about −2..2: above 0 is better than average. */
export type Standing = number;

/** A rate is written with `%` (or a per-mille rate with `‰`) in the years whose exports do so. */
export interface Style {
  readonly signs: boolean;
}

const clamp = (x: number, low: number, high: number) => Math.min(high, Math.max(low, x));

function rate(ind: Indicator, x: number, style: Style): string {
  const text = fixed(x, 2);
  if (!style.signs) return text;
  return text + (ind.lower ? '‰' : '%');
}

/** The target this year for an indicator whose target rises slowly (rates below 100 by 0.5 a year). */
export function yearTarget(ind: Indicator, yearIndex: number): number | string | undefined {
  const t = ind.target;
  if (typeof t !== 'number' || ind.rule === '比例') return t;
  if (ind.lower || t >= 100 || t <= 10) return t;
  return Math.min(99, t + 0.5 * Math.floor(yearIndex / 2));
}

export function actual(
  ind: Indicator,
  r: Stream,
  s: Standing,
  ctx: { points: number; target: number | string | undefined; quota: number; last: number | null; yearIndex: number },
  style: Style,
): string {
  switch (ind.rule) {
    case '扣分': {
      const t = Number(ctx.target);
      if (ind.lower) return rate(ind, Math.max(0, t - 0.3 - 0.5 * s + r.normal(0.6)), style);
      return rate(ind, clamp(t + 0.4 + 0.9 * s + r.normal(0.9), 0, 100), style);
    }
    case '达标':
      return passActual(ind, r, s, ctx, style);
    case '评估打分': {
      const share = clamp(0.84 + 0.07 * s + r.normal(0.07), 0.3, 1);
      return fixed(Math.round(ctx.points * share * 10) / 10, 1);
    }
    case '比例': {
      const done = clamp(0.97 + 0.08 * s + r.normal(0.08), 0.4, 1.3);
      return String(Math.round(ctx.quota * done));
    }
    case '区间':
      return fixed(r.chance(0.08 - 0.03 * s) ? r.between(107.5, 113) : 105 + r.normal(1.6) - 0.3 * s, 1);
    case '定性': {
      const names = (ind.levels ?? '').split(';').map((p) => p.split('=')[0]!);
      const x = s + r.normal(1);
      return x > -0.6 ? names[0]! : x > -1.6 ? names[1]! : names[2]!;
    }
    default:
      return '0';
  }
}

function passActual(
  ind: Indicator,
  r: Stream,
  s: Standing,
  ctx: { target: number | string | undefined; last: number | null; yearIndex: number },
  style: Style,
): string {
  if (typeof ind.target === 'string') return r.chance(0.93 + 0.03 * s) ? ind.target : '未' + ind.target;
  if (ind.name === '信访总量') {
    const base = ctx.last ?? Number(ind.target) * (1 + 0.1 * r.normal(1));
    return String(Math.max(0, Math.round(base * (0.82 - 0.04 * s + r.normal(0.08)))));
  }
  if (ind.formula) return rate(ind, clamp((ctx.last ?? 88) * 1.02 + 0.8 * s + r.normal(1.2), 50, 100), style);
  const t = Number(ctx.target);
  if (t >= 100) return r.chance(0.86 + 0.06 * s) ? '100' : rate(ind, r.between(95, 99.9), style);
  return rate(ind, clamp(t + 0.5 + 0.8 * s + r.normal(1), 0, 100), style);
}
