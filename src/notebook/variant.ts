// Any notebook view shown against the base, the active scenario, or the difference (issue 5,
// Compare). A cell's SQL stays as written: for the scenario, the relations it names in table
// position are mapped by the tokenizer to the scenario's (`totals` → `scenario.totals`, a cell
// `board` that reads them → `"board@scenario"`); every other token is the user's, unchanged, and
// every replacement is a name of ours, quoted. The difference joins the two results on their key
// columns: numbers as scenario − base, other values marked where they changed.
import { ident, literal } from '../db/sql';
import type { Column } from './run';
import { significant, type Token } from './tokenize';

export type View = 'base' | 'scenario' | 'diff';
export const VIEWS: readonly View[] = ['base', 'scenario', 'diff'];

/** Where a scenario keeps each relation the engine offers (src/scenarios: the schema `scenario`). */
export const SCENARIO_RELATIONS: Readonly<Record<string, string>> = {
  scores: 'scenario.scores',
  totals: 'scenario.totals',
  round_totals: 'scenario.round_totals',
  scoring_notes: 'scenario.scoring_notes',
  units: 'scenario.engine_units',
  rubric: 'scenario.engine_rubric',
  targets: 'scenario.engine_targets',
  results: 'scenario.engine_results',
  vetoes: 'scenario.engine_vetoes',
  settings: 'scenario.engine_settings',
};

/** The temp table holding a sql cell's result in a view: the cell's own name for the base. */
export function variantName(name: string, view: View): string {
  return view === 'base' ? name : `${name}@${view}`;
}

/** Names a `WITH` clause defines: a reference to one is the query's own, never mapped. */
function cteNames(sig: readonly Token[]): Set<string> {
  const out = new Set<string>();
  let depth = 0;
  let withDepth = -1;
  for (let i = 0; i < sig.length; i++) {
    const t = sig[i]!;
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
    else if (t.type === 'word' && t.value === 'WITH') withDepth = depth;
    else if (depth === withDepth && (t.type === 'word' || t.type === 'quoted')) {
      const prev = sig[i - 1];
      const afterStart = prev && ((prev.type === 'word' && (prev.value === 'WITH' || prev.value === 'RECURSIVE')) || prev.text === ',');
      if (afterStart) out.add(t.value.toLowerCase());
    }
  }
  return out;
}

const CLAUSE_END = new Set(['WHERE', 'GROUP', 'HAVING', 'QUALIFY', 'ORDER', 'LIMIT', 'OFFSET', 'WINDOW', 'UNION', 'EXCEPT', 'INTERSECT', 'SELECT']);

/**
 * The tokens with each unqualified relation in table position (after FROM or JOIN, or a comma in
 * a FROM clause) that `rename` knows replaced by the SQL text it returns (ours, already quoted).
 * A name a WITH clause defines, a table function and a qualified name stay as written.
 */
export function mapRelations(tokens: readonly Token[], rename: (lowerName: string) => string | null): Token[] {
  const sig = significant(tokens);
  const ctes = cteNames(sig);
  const replace = new Map<Token, string>();
  const inFrom: boolean[] = [false];
  let depth = 0;
  for (let i = 0; i < sig.length; i++) {
    const t = sig[i]!;
    const prev = sig[i - 1];
    const next = sig[i + 1];
    if (t.text === '(') inFrom[++depth] = false;
    else if (t.text === ')') depth = Math.max(0, depth - 1);
    else if (t.type === 'word' && (t.value === 'FROM' || t.value === 'JOIN')) inFrom[depth] = true;
    else if (t.type === 'word' && CLAUSE_END.has(t.value)) inFrom[depth] = false;
    else if ((t.type === 'word' || t.type === 'quoted') && prev && next?.text !== '(' && next?.text !== '.' && prev.text !== '.') {
      const afterKeyword = prev.type === 'word' && (prev.value === 'FROM' || prev.value === 'JOIN');
      if (!afterKeyword && !(inFrom[depth] && prev.text === ',')) continue;
      const name = t.value.toLowerCase();
      if (ctes.has(name)) continue;
      const to = rename(name);
      if (to !== null) replace.set(t, to);
    }
  }
  return tokens.map((t) => (replace.has(t) ? { ...t, type: 'quoted', text: replace.get(t)! } : t));
}

/** Relations the scenario changes: the engine's, and every sql cell that reads one, directly or not. */
export function scenarioDependent(cells: readonly { readonly name: string | null; readonly kind: string }[], reads: readonly (readonly string[])[], order: readonly number[]): Set<string> {
  const out = new Set<string>();
  for (const i of order) {
    const c = cells[i]!;
    if (c.kind !== 'sql' || !c.name) continue;
    if (reads[i]!.some((n) => n in SCENARIO_RELATIONS || out.has(n))) out.add(c.name.toLowerCase());
  }
  return out;
}

/**
 * The relation name to use in the scenario's copy of a query: the scenario's own for the
 * engine's relations, a cell's scenario result for a cell the scenario changes, else none.
 */
export function scenarioRename(dependent: ReadonlySet<string>, names: ReadonlyMap<string, string>) {
  return (lower: string): string | null => {
    if (lower in SCENARIO_RELATIONS) return SCENARIO_RELATIONS[lower]!;
    if (dependent.has(lower)) return ident(variantName(names.get(lower) ?? lower, 'scenario'));
    return null;
  };
}

/** Columns that say which row is which: a row of the base is matched to the scenario's by these. */
const KEY_NAMES = ['year', 'unit', 'kind', 'indicator', 'category', 'track', 'round'];

/** The key columns of a result: the known ones it has, else its first column that is not a number. */
export function diffKeys(columns: readonly Column[]): string[] {
  const keys = columns.filter((c) => KEY_NAMES.includes(c.name.toLowerCase())).map((c) => c.name);
  if (keys.length > 0) return keys;
  const first = columns.find((c) => !c.numeric) ?? columns[0];
  return first ? [first.name] : [];
}

/** The column of a difference that says how a row changed, and its words in the UI language. */
export const CHANGE_COLUMN = 'Δ';
export interface ChangeWords {
  readonly added: string;
  readonly removed: string;
  readonly changed: string;
  /** How a true and a false read (a boolean column of a difference is text, as its changes are). */
  readonly yes: string;
  readonly no: string;
}

/**
 * The difference of two results of the same query: one row per key (rows sharing a key paired
 * in order), numbers as scenario − base, other values as `base → scenario` where they differ,
 * and the column Δ saying added, removed or changed. Rows keep the scenario's order.
 */
export function buildDiffSql(target: string, base: string, scenario: string, columns: readonly Column[], words: ChangeWords): string {
  const keys = diffKeys(columns);
  const keySet = new Set(keys);
  const part = keys.map(ident).join(', ');
  const side = (rel: string) =>
    `SELECT *, row_number() OVER () AS "__pos", row_number() OVER (PARTITION BY ${part || '1'} ORDER BY (SELECT NULL)) AS "__dup" FROM ${ident(rel)}`;
  const on = [...keys.map((k) => `b.${ident(k)} IS NOT DISTINCT FROM s.${ident(k)}`), 'b."__dup" = s."__dup"'].join(' AND ');
  const differs: string[] = [];
  const select = columns.map((c) => {
    const q = ident(c.name);
    if (keySet.has(c.name)) return `coalesce(s.${q}, b.${q}) AS ${q}`;
    differs.push(`b.${q} IS DISTINCT FROM s.${q}`);
    if (c.numeric) return `s.${q} - b.${q} AS ${q}`;
    const asText = (x: string) =>
      c.type === 'Bool' ? `CASE WHEN ${x} THEN ${literal(words.yes)} WHEN NOT ${x} THEN ${literal(words.no)} END` : `CAST(${x} AS VARCHAR)`;
    const was = `coalesce(${asText(`b.${q}`)}, '∅')`;
    const now = `coalesce(${asText(`s.${q}`)}, '∅')`;
    return `CASE WHEN b.${q} IS NOT DISTINCT FROM s.${q} THEN ${asText(`s.${q}`)} ELSE ${was} || ' → ' || ${now} END AS ${q}`;
  });
  const change = `CASE WHEN b."__pos" IS NULL THEN ${literal(words.added)} WHEN s."__pos" IS NULL THEN ${literal(words.removed)}
  WHEN ${differs.length > 0 ? differs.join(' OR ') : 'false'} THEN ${literal(words.changed)} ELSE '' END AS ${ident(CHANGE_COLUMN)}`;
  return `CREATE OR REPLACE TEMP TABLE ${ident(target)} AS
SELECT ${[...select, change].join(',\n  ')}
FROM (${side(base)}) b FULL JOIN (${side(scenario)}) s ON ${on}
ORDER BY s."__pos" NULLS LAST, b."__pos"`;
}
