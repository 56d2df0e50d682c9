// Text normalisation for names, free text and header cells. Every function here is pure and
// cheap on plain ASCII; the Chinese path goes through NFKC.

/** Whitespace, zero-width characters and C0 controls: all of them collapse or vanish in names. */
export function isSpace(c: number): boolean {
  return (
    c <= 0x20 ||
    c === 0x7f ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200d) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** CJK ideographs, kana, CJK punctuation and the full-width block (incl. planes 2–3 via surrogates). */
export function isCjk(c: number): boolean {
  return (
    (c >= 0x2e80 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xffef) ||
    (c >= 0xd840 && c <= 0xd8bf)
  );
}

function cjkBefore(s: string, i: number): boolean {
  if (i < 0) return false;
  const c = s.charCodeAt(i);
  if (c >= 0xdc00 && c <= 0xdfff && i > 0) return isCjk(s.charCodeAt(i - 1));
  return isCjk(c);
}

/** Trimmed of every character isSpace counts (zero-width spaces and controls too, unlike String.trim). */
export function trimSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

export function isBlank(s: string | undefined): boolean {
  if (s === undefined) return true;
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
}

/** Printable ASCII with no leading, trailing or doubled space: already a normal name. */
function isPlainAscii(s: string): boolean {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7e) return false;
    if (c < 0x20) return false;
    if (c === 0x20 && (i === 0 || i === n - 1 || s.charCodeAt(i - 1) === 0x20)) return false;
  }
  return true;
}

/**
 * Trims; a whitespace run touching a CJK character is removed (a line break inside `河海\n街道`),
 * any other run becomes one space.
 */
function joinSpaces(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isSpace(s.charCodeAt(start))) start++;
  while (end > start && isSpace(s.charCodeAt(end - 1))) end--;
  let out = '';
  let from = start;
  let i = start;
  while (i < end) {
    if (!isSpace(s.charCodeAt(i))) {
      i++;
      continue;
    }
    const runStart = i;
    while (i < end && isSpace(s.charCodeAt(i))) i++;
    out += s.slice(from, runStart);
    if (!cjkBefore(s, runStart - 1) && !isCjk(s.charCodeAt(i))) out += ' ';
    from = i;
  }
  return out + s.slice(from, end);
}

/**
 * A unit, indicator, category or district name as it is matched across files: NFKC (full-width
 * to half-width), whitespace next to CJK removed, other whitespace collapsed, trimmed. Idempotent:
 * NFKC can yield a space (`¨` → ` ̈`) and joining can create a composable pair, so repeat to a
 * fixed point.
 */
export function normaliseName(s: string): string {
  if (isPlainAscii(s)) return s;
  let cur = s;
  for (let k = 0; k < 6; k++) {
    const next = joinSpaces(cur.normalize('NFKC'));
    if (next === cur) return next;
    cur = next;
  }
  return cur;
}

/**
 * Prose (descriptions, notes, veto reasons, offices): kept as written, Chinese punctuation
 * included (no NFKC); trimmed, each line break with the spaces around it one space (a break in
 * a Word cell separates items: `政策法规科\n妇幼健康科`).
 */
export function normaliseProse(s: string): string {
  return isPlainAscii(s) ? s : joinLines(s);
}

/** Short text codes (rule names, levels, kinds, settings): NFKC, trimmed, each line break one space. */
export function normaliseText(s: string): string {
  return isPlainAscii(s) ? s : joinLines(s.normalize('NFKC'));
}

function joinLines(t: string): string {
  let out = '';
  let from = 0;
  let i = 0;
  const n = t.length;
  while (i < n) {
    const c = t.charCodeAt(i);
    if (c !== 0x0a && c !== 0x0d && c !== 0x2028 && c !== 0x2029) {
      i++;
      continue;
    }
    let a = i;
    while (a > from && (t.charCodeAt(a - 1) === 0x20 || t.charCodeAt(a - 1) === 0x09)) a--;
    out += t.slice(from, a) + ' ';
    while (i < n && isSpace(t.charCodeAt(i))) i++;
    from = i;
  }
  return (out + t.slice(from)).trim();
}

/** A header cell as compared with column names and aliases: NFKC, case folded, no whitespace. */
export function headerKey(s: string): string {
  // Removing a space can make a composable pair (`A¨` → `a ̈` → `ä`): repeat to a fixed point.
  let cur = s;
  for (let k = 0; k < 4; k++) {
    const t = cur.normalize('NFKC').toLowerCase();
    let out = '';
    for (let i = 0; i < t.length; i++) if (!isSpace(t.charCodeAt(i))) out += t[i];
    if (out === cur) return out;
    cur = out;
  }
  return cur;
}

/** `完成值(%)` → `完成值`, `目标值%` → `目标值`: a header key without a trailing unit. */
export function headerKeyWithoutUnit(key: string): string {
  let k = key;
  for (;;) {
    if (k.endsWith('%') || k.endsWith('‰')) {
      k = k.slice(0, -1);
      continue;
    }
    if (k.endsWith(')')) {
      const open = k.lastIndexOf('(');
      if (open > 0) {
        k = k.slice(0, open);
        continue;
      }
    }
    return k;
  }
}

// Words that may follow a number as its unit of measure: seed 000 (对, 积分), 004 (元/人, ‰).
const UNIT_WORDS = [
  '人次', '万元', '亿元', '万人', '千人', '平方米', '公里', '千米', '公斤', '积分', '小时',
  '对', '人', '个', '元', '户', '次', '篇', '家', '所', '名', '例', '件', '份', '项', '分',
  '岁', '天', '日', '周', '月', '年', '张', '台', '套', '床', '亩', '米', '吨', '斤', '条',
  '期', '场', '批', '册', '本', '部', '处', '座', '间', '辆', '株', '%', '‰', '‱',
];
const UNIT_ALT = UNIT_WORDS.join('|');
const UNIT_EXPR = `(?:${UNIT_ALT})(?:/(?:${UNIT_ALT}))*`;
const NUM = '[+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?';
/** The unit after a number in a cell: `60对`, `22元/人`, `8‰`. */
export const UNIT_SUFFIX = new RegExp(`^\\s*(?:${UNIT_EXPR})$`);
const MEASURE = new RegExp(`^(?:${NUM}\\s*(?:${UNIT_EXPR})?|${UNIT_EXPR})$`);

function trailingMeasure(name: string): { start: number; measure: string } | null {
  const last = name.charCodeAt(name.length - 1);
  if (last === 0x25 || last === 0x2030 || last === 0x2031) {
    return { start: name.length - 1, measure: name.slice(-1) };
  }
  if (last !== 0x29) return null;
  const open = name.lastIndexOf('(');
  if (open < 0) return null;
  const content = name.slice(open + 1, -1).trim();
  if (content.includes(')') || !MEASURE.test(content)) return null;
  return { start: open, measure: content };
}

/**
 * An indicator name without its unit of measure: `出生政策符合率%` → 出生政策符合率 (%),
 * `孕前优生健康检查人数（300对）` → 孕前优生健康检查人数 (300对). The name is normalised first; a
 * suffix that would leave nothing is kept. Idempotent on the name.
 */
export function splitIndicator(s: string): { name: string; measure: string | null } {
  let name = normaliseName(s);
  const parts: string[] = [];
  for (;;) {
    const cut = name.length > 0 ? trailingMeasure(name) : null;
    if (!cut) break;
    const rest = normaliseName(name.slice(0, cut.start));
    if (rest === '') break;
    parts.unshift(cut.measure);
    name = rest;
  }
  return { name, measure: parts.length > 0 ? parts.join(' ') : null };
}

const SUBTOTAL = /^(\d+(?:\.\d+)?)分?$/;

/** A category name and the subtotal it carries: `领导\n重视\n（9）` → 领导重视, 9. */
export function splitCategory(s: string): { name: string; subtotal: string | null } {
  const { name, measure } = splitIndicator(s);
  const m = measure === null ? null : SUBTOTAL.exec(measure);
  return { name, subtotal: m?.[1] ?? null };
}
