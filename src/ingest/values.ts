// Cell values: numbers, years and the target/actual value cells, each to canonical text.
import { normaliseName, normaliseText, trimSpace, UNIT_SUFFIX } from './normalise';

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Digits and one optional decimal point, as Excel writes most numbers: no allocation needed. */
function plainDecimal(s: string): boolean {
  let dot = false;
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) digits++;
    else if (c === 0x2e && !dot) dot = true;
    else return false;
  }
  return digits > 0;
}

/** `99`, `95.37`: text that is already a canonical non-negative decimal, returned as is. */
export function plainNumber(s: string): string | null {
  if (!plainDecimal(s)) return null;
  const dot = s.indexOf('.');
  const c0 = s.charCodeAt(0);
  if (dot < 0) return c0 !== 0x30 || s.length === 1 ? s : null;
  const last = s.charCodeAt(s.length - 1);
  if (dot === 0 || last === 0x30 || last === 0x2e) return null;
  return c0 !== 0x30 || dot === 1 ? s : null;
}

/** `-0012.500` → `-12.5`: canonical decimal text from sign, integer and fraction digits. */
function canonical(negative: boolean, int: string, frac: string, exp: number): string {
  let digits = int + frac;
  let point = int.length + exp;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  } else if (point > digits.length) {
    digits += '0'.repeat(point - digits.length);
  }
  let a = 0;
  while (a < point - 1 && digits.charCodeAt(a) === 0x30) a++;
  let b = digits.length;
  while (b > point && digits.charCodeAt(b - 1) === 0x30) b--;
  const whole = point === 0 ? '0' : digits.slice(a, point);
  const fraction = digits.slice(point, b);
  const text = fraction === '' ? whole : `${whole}.${fraction}`;
  return negative && text !== '0' ? `-${text}` : text;
}

const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?(?:e([+-]?\d{1,3}))?([\s\S]*)$/i;

/**
 * A number cell as canonical decimal text, or null when it is not a number. Accepts `99%`, `8‰`,
 * `1,200`, `60对`, `22元/人`, full-width digits, a leading `+` and the `−` minus sign.
 */
export function parseNumber(raw: string): string | null {
  const plain = plainNumber(raw);
  if (plain !== null) return plain;
  const t = trimSpace(raw.normalize('NFKC')).replace(/\u2212/g, '-');
  const m = NUMBER.exec(t);
  if (!m) return null;
  const int = (m[2] ?? '').replace(/,/g, '');
  const frac = m[3] ?? '';
  if (int === '' && frac === '') return null;
  const rest = trimSpace(m[5] ?? '');
  if (rest !== '' && !UNIT_SUFFIX.test(rest)) return null;
  const exp = m[4] === undefined ? 0 : Number(m[4]);
  if (Math.abs(exp) > 30) return null;
  return canonical(m[1] === '-', int, frac, exp);
}

/** `2018`, `2018年`, `２０１８`, `2018年度`, `18` → `2018`; anything else null. */
export function parseYear(raw: string): string | null {
  if (raw.length === 4 && plainDecimal(raw) && (raw.startsWith('19') || raw.startsWith('20'))) {
    return raw;
  }
  let t = raw.normalize('NFKC').trim();
  if (t.endsWith('年度')) t = t.slice(0, -2).trimEnd();
  else if (t.endsWith('年')) t = t.slice(0, -1).trimEnd();
  if (!/^\d+$/.test(t)) return null;
  if (t.length === 2) return `20${t}`;
  if (t.length === 4 && (t.startsWith('19') || t.startsWith('20'))) return t;
  return null;
}

// Seed 004 writes the sex-ratio range `103——107`; seed 003 `1—3`.
const RANGE = /^([+-]?[\d.,]+\s*[%‰]?)\s*(?:-|~|—{1,2}|–|―|至|到)\s*([+-]?[\d.,]+\s*[%‰]?)$/;

export type Value =
  | { kind: 'number'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'formula'; text: string }
  | { kind: 'empty' };

/**
 * A target or actual cell: a number (canonical text), a range `103-107`, a formula `=prev*0.8`
 * (kept as text), or other text normalised like a name (`基本 正常` → `基本正常`).
 */
export function parseValue(raw: string): Value {
  const n = parseNumber(raw);
  if (n !== null) return { kind: 'number', text: n };
  const t = trimSpace(raw.normalize('NFKC'));
  if (t === '') return { kind: 'empty' };
  if (t.charCodeAt(0) === 0x3d) return { kind: 'formula', text: normaliseText(t) };
  // Read the range and the number again once spaces are normalised, so that reading is idempotent.
  const text = normaliseName(t);
  const again = parseNumber(text);
  if (again !== null) return { kind: 'number', text: again };
  const r = RANGE.exec(text);
  if (r) {
    const low = parseNumber(r[1] ?? '');
    const high = parseNumber(r[2] ?? '');
    if (low !== null && high !== null) return { kind: 'text', text: `${low}-${high}` };
  }
  return text === '' ? { kind: 'empty' } : { kind: 'text', text };
}

/** Why a cell cannot be loaded as its column's kind: the rejection's message key and its extra parameters. */
export interface Invalid {
  readonly invalid:
    | 'ingest.reject.year'
    | 'ingest.reject.number'
    | 'ingest.reject.placeholder'
    | 'ingest.reject.excelError'
    | 'ingest.reject.malformedNumber'
    | 'ingest.reject.numberRange'
    | 'ingest.reject.formulaLength';
  readonly params?: Readonly<Record<string, string | number>>;
}

/** DECIMAL(18,4) holds 14 integer digits; a longer number would fail the cast when the table loads. */
const MAX_INTEGER_DIGITS = 14;
/** Formula targets are one line of arithmetic; the longest in the seeds is under 80 characters. */
export const MAX_FORMULA_LENGTH = 1000;

export function tooLarge(canonicalNumber: string): boolean {
  const digits = canonicalNumber.charCodeAt(0) === 0x2d ? canonicalNumber.slice(1) : canonicalNumber;
  const dot = digits.indexOf('.');
  return (dot < 0 ? digits.length : dot) > MAX_INTEGER_DIGITS;
}

// `--`, `/`, `—` and 未考核 stand for "no value" in exported tables (a unit not assessed on an item).
const PLACEHOLDER = /^[-‐‑‒–—―\/\\]+$/;
const PLACEHOLDER_WORDS = new Set(['未考核', '不考核', '暂不考核', '免考核', '不适用', 'n/a', 'na', 'null']);
const EXCEL_ERROR = /^#(?:div\/0!|n\/a|value!|ref!|name\?|num!|null!|spill!|calc!|getting_data)$/i;
// Digits with stray spaces or points (`9 9 %`, `1.2.3`), an exponent too large (`1e309`) or IEEE words.
const MALFORMED = /^(?:[+-]?[\d.,\s]*\d[\d.,\s]*(?:e[+-]?\d+)?\s*[%‰]?|[+-]?(?:inf|infinity|nan))$/i;

export const BAD_YEAR: Invalid = { invalid: 'ingest.reject.year' };
export const BAD_NUMBER: Invalid = { invalid: 'ingest.reject.number' };
const TOO_LARGE: Invalid = { invalid: 'ingest.reject.numberRange' };
const PLACEHOLDER_VALUE: Invalid = { invalid: 'ingest.reject.placeholder' };

export function isPlaceholder(raw: string): boolean {
  const t = raw.normalize('NFKC').trim();
  return PLACEHOLDER.test(t) || PLACEHOLDER_WORDS.has(t.toLowerCase());
}

/** A number column's cell: canonical decimal text, or why it is not one. */
export function readNumber(raw: string): string | Invalid {
  const n = parseNumber(raw);
  if (n === null) return isPlaceholder(raw) ? PLACEHOLDER_VALUE : BAD_NUMBER;
  return tooLarge(n) ? TOO_LARGE : n;
}

/**
 * A target or actual cell as it loads: `parseValue`'s text, or why the cell is not a value —
 * a placeholder for "no value", an Excel error, a number typed wrong, a number too large for
 * DECIMAL(18,4), a formula too long to be one. Other words load as text.
 */
export function readValue(raw: string): string | Invalid {
  const v = parseValue(raw);
  switch (v.kind) {
    case 'empty':
      return '';
    case 'number':
      return tooLarge(v.text) ? TOO_LARGE : v.text;
    case 'formula':
      return v.text.length > MAX_FORMULA_LENGTH
        ? { invalid: 'ingest.reject.formulaLength', params: { length: v.text.length, max: MAX_FORMULA_LENGTH } }
        : v.text;
    case 'text': {
      const t = v.text;
      if (PLACEHOLDER.test(t) || PLACEHOLDER_WORDS.has(t.toLowerCase())) return PLACEHOLDER_VALUE;
      if (EXCEL_ERROR.test(t)) return { invalid: 'ingest.reject.excelError' };
      if (MALFORMED.test(t)) return { invalid: 'ingest.reject.malformedNumber' };
      return t;
    }
  }
}
