// Exact decimals as scaled integers in plain numbers: every value the rubric, targets and results
// hold is read as an integer count of 1/10,000 (docs/scoring.md: item scores to 4 decimals,
// totals to 2, half away from zero). Products stay exact below 2^53; beyond that, BigInt.

export const SCALE = 10_000;

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Rounds n / d to the nearest integer, half away from zero, exactly (d > 0, integers). */
export function divRound(n: number, d: number): number {
  if (Math.abs(n) < Number.MAX_SAFE_INTEGER && d < Number.MAX_SAFE_INTEGER) {
    const sign = n < 0 ? -1 : 1;
    const a = Math.abs(n);
    let q = Math.floor(a / d);
    let r = a - q * d;
    if (r < 0) (q -= 1), (r += d);
    else if (r >= d) (q += 1), (r -= d);
    return sign * (2 * r >= d ? q + 1 : q) || 0;
  }
  const big = bigDivRound(BigInt(n), BigInt(d));
  return Number(big);
}

export function bigDivRound(n: bigint, d: bigint): bigint {
  const negative = n < 0n !== d < 0n;
  const a = n < 0n ? -n : n;
  const b = d < 0n ? -d : d;
  const q = a / b;
  const rounded = 2n * (a - q * b) >= b ? q + 1n : q;
  return negative ? -rounded : rounded;
}

/** a × b / d rounded half away from zero; a, b, d integers, d > 0. */
export function mulDivRound(a: number, b: number, d: number): number {
  const p = a * b;
  if (Math.abs(p) < Number.MAX_SAFE_INTEGER) return divRound(p, d);
  return Number(bigDivRound(BigInt(a) * BigInt(b), BigInt(d)));
}

/** Canonical decimal text → units of 1/10,000 (more decimals are rounded half away); else null. */
export function parseScaled(text: string | null | undefined): number | null {
  if (text == null) return null;
  const m = DECIMAL.exec(text.trim());
  if (!m) return null;
  const whole = m[2]!;
  const frac = m[3] ?? '';
  if (whole.length > 14) return null;
  let units = Number(whole) * SCALE + Number((frac + '0000').slice(0, 4));
  if (frac.length > 4 && Number(frac[4]) >= 5) units += 1;
  return m[1] === '-' ? -units || 0 : units;
}

export function clamp(x: number, low: number, high: number): number {
  return x < low ? low : x > high ? high : x;
}

/** Units of 1/10^scale as decimal text without trailing zeros: 123450 (scale 4) → "12.345". */
export function formatScaled(units: number | bigint, scale = 4): string {
  const big = BigInt(units);
  const negative = big < 0n;
  const digits = (negative ? -big : big).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale).replace(/0+$/, '');
  return (negative ? '-' : '') + whole + (frac ? '.' + frac : '');
}

/** Any decimal text, or a number as the app's SQL API returns it, in the same canonical form. */
export function canonical(value: string | number | null | undefined): string | null {
  if (value == null) return null;
  const text = typeof value === 'number' ? value.toFixed(8) : value.trim();
  const m = DECIMAL.exec(text);
  if (!m) return text;
  const frac = (m[3] ?? '').replace(/0+$/, '');
  const whole = m[2]!.replace(/^0+(?=\d)/, '');
  const body = whole + (frac ? '.' + frac : '');
  return m[1] === '-' && body !== '0' ? '-' + body : body;
}
