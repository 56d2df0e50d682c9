// What is scored: the rubric rows that apply to a unit in a year (the most specific row of each
// indicator: year and kind, then year, then kind, then neither; the first of equals), and each
// item's target (the unit's own row over the every-unit row; formulas evaluated).
import { parseScaled } from './decimal';
import { evaluateFormula, type FormulaInputs } from './formula';
import { Inputs, type RubricRow } from './inputs';
import { directionOf, levelsOf, ruleCode, type Item, type Target } from './rules';

export interface PlannedItem extends Item {
  readonly indicator: number;
}

/** An item whose rule is unknown scores 0 whatever it is given. */
export interface UnknownItem {
  readonly indicator: number;
  readonly rule: null;
  readonly points: number;
}

export type Planned = PlannedItem | UnknownItem;

function toItem(r: RubricRow): Planned {
  const points = parseScaled(r.points) ?? 0;
  const rule = ruleCode(r.rule);
  if (rule === null) return { indicator: r.indicator, rule: null, points };
  return {
    indicator: r.indicator,
    rule,
    points,
    direction: directionOf(r.direction),
    step: parseScaled(r.step),
    low: parseScaled(r.low),
    high: parseScaled(r.high),
    levels: levelsOf(r.levels),
  };
}

export class Plan {
  readonly #cache = new Map<string, Planned[]>();

  constructor(private readonly inputs: Inputs) {}

  /** The items that apply in `year` to a unit of `kind`, in rubric order. */
  items(year: number, kind: string | null): Planned[] {
    const key = `${year}|${kind ?? ''}`;
    let items = this.#cache.get(key);
    if (!items) {
      const best = new Map<number, { rank: number; row: RubricRow }>();
      for (const r of this.inputs.rubric) {
        if (r.year !== null && r.year !== year) continue;
        if (r.kind !== null && r.kind !== kind) continue;
        const rank = (r.year !== null ? 2 : 0) + (r.kind !== null ? 1 : 0);
        const seen = best.get(r.indicator);
        if (!seen || rank > seen.rank) best.set(r.indicator, { rank, row: r });
      }
      items = [...best.values()].sort((a, b) => a.row.row - b.row.row).map((b) => toItem(b.row));
      this.#cache.set(key, items);
    }
    return items;
  }
}

const RANGE = /^(-?\d+(?:\.\d+)?)\s*[-–—~～]\s*(-?\d+(?:\.\d+)?)$/;

/** A target cell as a rule sees it; `inputs` are read only for a formula. */
export function readTarget(text: string | undefined, inputs: () => FormulaInputs): Target {
  if (text === undefined) return { kind: 'none' };
  if (text.startsWith('=')) {
    const out = evaluateFormula(text, inputs());
    if (!out.ok) return { kind: 'bad' };
    return out.value === null ? { kind: 'unevaluated' } : { kind: 'number', value: out.value };
  }
  const n = parseScaled(text);
  if (n !== null) return { kind: 'number', value: n };
  const m = RANGE.exec(text);
  if (m) return { kind: 'range', low: parseScaled(m[1]!)!, high: parseScaled(m[2]!)! };
  return { kind: 'text', text };
}
