// What each cell reads: the `${params}` in its text and the relations it names in FROM and JOIN.
// Names compare case-insensitively, as DuckDB compares identifiers.
import type { Cell } from './cells';
import { markdownRefs } from './markdown-text';
import { paramNames } from './params';
import { parseChartSpec, parseInputSpec } from './specs';
import { significant, tokenize, type Token } from './tokenize';

export interface CellRefs {
  /** The relation (sql) or parameter (input) the cell makes, lower-cased. */
  readonly provides: string | null;
  /** Names the cell reads, lower-cased: parameters and relations alike. */
  readonly reads: readonly string[];
}

const CLAUSE_END = new Set(['WHERE', 'GROUP', 'HAVING', 'QUALIFY', 'ORDER', 'LIMIT', 'OFFSET', 'WINDOW', 'UNION', 'EXCEPT', 'INTERSECT', 'SELECT']);

/** Relation names in table position: right after FROM or JOIN, or after a comma in a FROM clause. */
export function relationNames(tokens: readonly Token[]): string[] {
  const out = new Set<string>();
  const inFrom: boolean[] = [false];
  let depth = 0;
  const sig = significant(tokens);
  for (let i = 0; i < sig.length; i++) {
    const t = sig[i]!;
    const prev = sig[i - 1];
    if (t.text === '(') inFrom[++depth] = false;
    else if (t.text === ')') depth = Math.max(0, depth - 1);
    else if (t.type === 'word' && (t.value === 'FROM' || t.value === 'JOIN')) inFrom[depth] = true;
    else if (t.type === 'word' && CLAUSE_END.has(t.value)) inFrom[depth] = false;
    else if ((t.type === 'word' || t.type === 'quoted') && prev && sig[i + 1]?.text !== '(') {
      const afterKeyword = prev.type === 'word' && (prev.value === 'FROM' || prev.value === 'JOIN');
      if (afterKeyword || (inFrom[depth] && prev.text === ',')) out.add(t.value.toLowerCase());
    }
  }
  return [...out];
}

/** Parameters and relations a piece of SQL reads; text that does not tokenize reads nothing. */
export function sqlReads(sql: string): string[] {
  try {
    const tokens = tokenize(sql);
    return [...new Set([...paramNames(tokens).map((n) => n.toLowerCase()), ...relationNames(tokens)])];
  } catch {
    return [];
  }
}

export function cellRefs(c: Cell): CellRefs {
  const name = c.name?.toLowerCase() ?? null;
  switch (c.kind) {
    case 'sql':
      return { provides: name, reads: sqlReads(c.text) };
    case 'input': {
      const spec = parseInputSpec(c.text);
      const reads = spec.ok && spec.spec.type === 'select' && typeof spec.spec.options === 'string' ? sqlReads(spec.spec.options) : [];
      return { provides: name, reads };
    }
    case 'chart': {
      const spec = parseChartSpec(c.text);
      if (!spec.ok) return { provides: null, reads: [] };
      const reads = [spec.spec.from, ...Object.keys(spec.spec.select ?? {})].map((n) => n.toLowerCase());
      return { provides: null, reads: [...new Set(reads)] };
    }
    case 'markdown':
      return { provides: null, reads: [...new Set(markdownRefs(c.text).map((r) => r.name.toLowerCase()))] };
  }
}
