// The settings table read as docs/data-format.md describes it: English or Chinese keys, the first
// row of a key wins, what cannot be read is left out (never guessed).
import { parseScaled, SCALE } from './decimal';
import { DEFAULT_ROUND } from './inputs';

export interface Grade {
  readonly name: string;
  /** Units of 1/10,000; null: the unconditional last band. */
  readonly bound: number | null;
  readonly strict: boolean;
}

export interface Settings {
  /** Round name → weight in units of 1/10,000, in the order written. */
  readonly rounds: readonly { name: string; weight: number }[];
  readonly grades: readonly Grade[];
  readonly bonusCap: number | null;
  readonly bottomVeto: number | null;
  readonly veto: 'grade' | 'zero';
  readonly rankWithin: 'all' | 'kind';
}

const KEYS: Record<string, string> = {
  round_weights: 'round_weights',
  轮次权重: 'round_weights',
  grades: 'grades',
  等级: 'grades',
  bonus_cap: 'bonus_cap',
  加分上限: 'bonus_cap',
  bottom_veto: 'bottom_veto',
  末位否决: 'bottom_veto',
  veto: 'veto',
  否决方式: 'veto',
  rank_within: 'rank_within',
  排名分组: 'rank_within',
};

const squeeze = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
const fold = (s: string) => squeeze(s).toLowerCase();
const parts = (value: string) => squeeze(value).split(/[;,、]/).filter((p) => p !== '');

function number(text: string, suffix: RegExp): number | null {
  const percent = text.endsWith('%');
  const n = parseScaled(text.replace(suffix, '').replace(/%$/, ''));
  return n === null ? null : percent ? n / 100 : n;
}

function roundWeights(value: string): { name: string; weight: number }[] {
  const out: { name: string; weight: number }[] = [];
  for (const p of parts(value)) {
    const m = /^(.+?)[=:](.+)$/.exec(p);
    const weight = m ? number(m[2]!, /$/) : null;
    if (m && weight !== null) out.push({ name: m[1]!, weight });
  }
  return out;
}

function grades(value: string): Grade[] {
  const out: Grade[] = [];
  for (const p of parts(value)) {
    const m = /^(.+?)(>=|≥|>)(.+)$/.exec(p);
    if (!m) {
      if (!/[<>=≥≤]/.test(p)) out.push({ name: p, bound: null, strict: false });
      continue;
    }
    const bound = number(m[3]!, /分$/);
    if (bound !== null) out.push({ name: m[1]!, bound, strict: m[2] === '>' });
  }
  return out;
}

export function readSettings(rows: readonly { key: string; value: string }[]): Settings {
  const seen = new Map<string, string>();
  for (const r of rows) {
    const key = KEYS[fold(r.key)];
    if (key && !seen.has(key)) seen.set(key, r.value);
  }
  const rounds = seen.has('round_weights') ? roundWeights(seen.get('round_weights')!) : [];
  const cap = seen.has('bonus_cap') ? number(fold(seen.get('bonus_cap')!), /分$/) : null;
  const bottom = seen.has('bottom_veto') ? number(fold(seen.get('bottom_veto')!), /名$/) : null;
  const veto = fold(seen.get('veto') ?? '');
  const within = fold(seen.get('rank_within') ?? '');
  return {
    rounds: rounds.length > 0 ? rounds : [{ name: DEFAULT_ROUND, weight: SCALE }],
    grades: seen.has('grades') ? grades(seen.get('grades')!) : [],
    bonusCap: cap,
    bottomVeto: bottom === null ? null : bottom / SCALE,
    veto: veto === 'zero' || veto === '归零' ? 'zero' : 'grade',
    rankWithin: ['kind', '类型', '单位类型'].includes(within) ? 'kind' : 'all',
  };
}

/** The first band the total (units of 1/10,000) reaches, from the left; null without grades. */
export function gradeOf(grades: readonly Grade[], total: number): string | null {
  for (const g of grades) {
    if (g.bound === null || (g.strict ? total > g.bound : total >= g.bound)) return g.name;
  }
  return null;
}
