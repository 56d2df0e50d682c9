// Checks across the rows of one loaded file, given as notes (the rows stay loaded and the engine
// scores them as documented): a rubric whose points do not add up to 100, rule names the engine
// does not know, target formulas that will not parse or divide by zero, two rows for one record,
// units missing from the units table. Each note names the file, the line and the column.
import { parseFormula } from '../engine/formula/parse';
import type { Expr } from '../engine/formula/ast';
import type { Message } from '../i18n/types';
import { DEFAULT_ROUND, type TableName } from '../schema/tables';
import type { Collector } from './collect';
import { msg } from './messages';
import { headerKey, normaliseName } from './normalise';

/** The rules and their Chinese names, as the engine's registry reads them (src/engine/rules). */
export const RULE_NAMES: Readonly<Record<string, readonly string[]>> = {
  pass: ['达标'],
  deduct: ['扣分'],
  ratio: ['比例'],
  range: ['区间'],
  level: ['定性'],
  manual: ['评估打分'],
  bonus: ['加分'],
};
const RULE_KEYS = new Set(Object.entries(RULE_NAMES).flatMap(([code, names]) => [code, ...names].map(headerKey)));
const BONUS_KEYS = new Set(['bonus', ...(RULE_NAMES['bonus'] ?? [])].map(headerKey));

/** Row notes of one kind shown one by one; the rest are counted in one more note. */
const ROW_NOTES = 12;

export interface Checked {
  file: string;
  table: TableName;
  out: Collector;
  /** The file's header text for each canonical column (what the user sees), else the column's name. */
  header: (column: string) => string;
  knownUnits: ReadonlySet<string>;
}

export function validateRows(c: Checked): Message[] {
  switch (c.table) {
    case 'rubric':
      return [...pointsTotal(c), ...unknownRules(c)];
    case 'targets':
      return [...duplicates(c, ['year', 'unit', 'indicator'], 'target'), ...formulas(c), ...unknownUnits(c)];
    case 'results':
      return [...duplicates(c, ['year', 'unit', 'indicator', 'round'], 'actual'), ...unknownUnits(c)];
    case 'vetoes':
      return unknownUnits(c);
    default:
      return [];
  }
}

interface RubricLine {
  indicator: string;
  points: number;
  year: string | null;
  kind: string | null;
  line: number;
}

/** Seed 001's 百分考核办法: the non-bonus items of each year and kind of unit add up to 100. */
function pointsTotal({ file, out, header }: Checked): Message[] {
  const points = out.column('points');
  const rules = out.column('rule');
  const years = out.column('year');
  const kinds = out.column('kind');
  const indicators = out.column('indicator');
  const rows: RubricLine[] = [];
  for (let i = 0; i < out.loaded; i++) {
    const rule = rules[i];
    if (rule != null && BONUS_KEYS.has(headerKey(rule))) continue;
    rows.push({
      indicator: indicators[i] ?? '',
      points: Number(points[i] ?? 0),
      year: years[i] ?? null,
      kind: kinds[i] ?? null,
      line: out.sourceRows[i] ?? 0,
    });
  }
  if (rows.length === 0) return [];
  const distinct = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => x !== null))];
  const yearList = distinct(rows.map((r) => r.year));
  const kindList = distinct(rows.map((r) => r.kind));
  const notes: Message[] = [];
  // Years the rubric does not name use its rows without a year: check them too when there are any.
  const scopes: (string | null)[] = yearList.length > 0 ? [...yearList] : [null];
  if (yearList.length > 0 && rows.some((r) => r.year === null)) scopes.push(null);
  for (const year of scopes) {
    for (const kind of kindList.length > 0 ? kindList : [null]) {
      // Per indicator the most specific row applies: year+kind > year > kind > neither (docs/scoring.md).
      const best = new Map<string, { row: RubricLine; rank: number }>();
      for (const r of rows) {
        if ((r.year !== null && r.year !== year) || (r.kind !== null && r.kind !== kind)) continue;
        const rank = (r.year !== null ? 2 : 0) + (r.kind !== null ? 1 : 0);
        const had = best.get(r.indicator);
        if (had === undefined || rank > had.rank) best.set(r.indicator, { row: r, rank });
      }
      const applied = [...best.values()].map((b) => b.row);
      if (applied.length === 0) continue;
      // Points have at most 4 decimals: sum in units of 1/10^4 to compare exactly.
      const sum = applied.reduce((s, r) => s + Math.round(r.points * 10_000), 0);
      if (sum === 1_000_000) continue;
      const lines = applied.map((r) => r.line);
      const params = {
        file,
        column: header('points'),
        sum: String(sum / 10_000),
        first: Math.min(...lines),
        last: Math.max(...lines),
      };
      const scope = [year, kind].filter((x) => x !== null).join(' · ');
      notes.push(scope === '' ? msg('ingest.warn.pointsTotal', params) : msg('ingest.warn.pointsTotalScope', { ...params, scope }));
    }
  }
  return notes;
}

function unknownRules({ file, out, header }: Checked): Message[] {
  const rules = out.column('rule');
  const seen = new Set<string>();
  const notes: Message[] = [];
  for (let i = 0; i < out.loaded; i++) {
    const rule = rules[i];
    if (rule == null || RULE_KEYS.has(headerKey(rule)) || seen.has(rule)) continue;
    seen.add(rule);
    notes.push(msg('ingest.warn.unknownRule', { file, row: out.sourceRows[i] ?? 0, column: header('rule'), value: rule }));
  }
  return notes.slice(0, ROW_NOTES);
}

/** Small integer ids for the values of one column, interned in order of appearance. */
function ids(values: readonly (string | null)[], n: number, blank: string): { id: Int32Array; count: number } {
  const index = new Map<string, number>();
  const id = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i] ?? blank;
    let k = index.get(v);
    if (k === undefined) index.set(v, (k = index.size));
    id[i] = k;
  }
  return { id, count: index.size };
}

/** Two rows for one record: the engine scores the first (by file, then line) and flags it. */
function duplicates({ file, out }: Checked, key: readonly string[], value: string): Message[] {
  const n = out.loaded;
  const blanks = key.map((k) => (k === 'round' ? DEFAULT_ROUND : k === 'unit' ? '*' : ''));
  const cols = key.map((k, j) => ids(out.column(k), n, blanks[j]!));
  // One number per record (mixed radix over the columns' ids): a million rows need no strings.
  const fits = cols.reduce((p, c) => p * Math.max(1, c.count), 1) <= Number.MAX_SAFE_INTEGER;
  const keyOf = fits
    ? (i: number): number | string => cols.reduce((acc, c) => acc * c.count + c.id[i]!, 0)
    : (i: number): number | string => cols.map((c) => c.id[i]).join(',');
  const values = out.column(value);
  const first = new Map<number | string, number>();
  const notes: Message[] = [];
  let more = 0;
  for (let i = 0; i < n; i++) {
    const k = keyOf(i);
    const at = first.get(k);
    if (at === undefined) {
      first.set(k, i);
      continue;
    }
    if (notes.length === ROW_NOTES) {
      more++;
      continue;
    }
    const record = key.map((c, j) => out.column(c)[i] ?? blanks[j]!).join(' · ');
    notes.push(
      msg('ingest.warn.duplicateRow', {
        file,
        row: out.sourceRows[i] ?? 0,
        first: out.sourceRows[at] ?? 0,
        record,
        value: values[i] ?? '',
        used: values[at] ?? '',
      }),
    );
  }
  if (more > 0) notes.push(msg('ingest.warn.duplicateMore', { file, count: more }));
  return notes;
}

function dividesByZero(e: Expr): boolean {
  switch (e.kind) {
    case 'binary':
      if (e.op === '/' && e.right.kind === 'number' && Number(e.right.value) === 0) return true;
      return dividesByZero(e.left) || dividesByZero(e.right);
    case 'neg':
      return dividesByZero(e.arg);
    case 'call':
      return e.args.some(dividesByZero);
    case 'if':
      return dividesByZero(e.cond.left) || dividesByZero(e.cond.right) || dividesByZero(e.then) || dividesByZero(e.else);
    default:
      return false;
  }
}

function clipFormula(f: string): string {
  return f.length > 60 ? `${f.slice(0, 60)}…` : f;
}

function formulas({ file, out, header }: Checked): Message[] {
  const targets = out.column('target');
  const seen = new Set<string>();
  const notes: Message[] = [];
  for (let i = 0; i < out.loaded; i++) {
    const t = targets[i];
    if (t == null || t.charCodeAt(0) !== 0x3d || seen.has(t)) continue;
    seen.add(t);
    const base = { file, row: out.sourceRows[i] ?? 0, column: header('target'), value: clipFormula(t) };
    const parsed = parseFormula(t);
    if (!parsed.ok) notes.push(msg('ingest.warn.badFormula', { ...base, position: parsed.error.position }));
    else if (dividesByZero(parsed.expr)) notes.push(msg('ingest.warn.formulaDivZero', base));
  }
  return notes.slice(0, ROW_NOTES);
}

function unknownUnits({ file, out, header, knownUnits }: Checked): Message[] {
  if (knownUnits.size === 0) return [];
  const units = out.column('unit');
  const found = new Map<string, { row: number; count: number }>();
  for (let i = 0; i < out.loaded; i++) {
    const u = units[i];
    if (u == null || knownUnits.has(normaliseName(u))) continue;
    const f = found.get(u);
    if (f) f.count++;
    else found.set(u, { row: out.sourceRows[i] ?? 0, count: 1 });
  }
  return [...found]
    .slice(0, ROW_NOTES)
    .map(([value, f]) => msg('ingest.warn.unknownUnit', { file, row: f.row, column: header('unit'), value, count: f.count }));
}
