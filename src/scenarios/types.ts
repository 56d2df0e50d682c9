// What a scenario is: a name, a note saying what it assumes, and overrides laid over the base
// data as SQL (inputs.ts). Never a copy of the data.

/** Settings a scenario may change (docs/scoring.md «设置»). */
export const SETTING_KEYS = ['round_weights', 'grades', 'bonus_cap', 'bottom_veto', 'veto', 'rank_within'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/** Rubric columns of an item a scenario may change. */
export const ITEM_FIELDS = ['points', 'step', 'low', 'high', 'levels'] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

/** `year` null or absent: every year. */
export type Override =
  /** One unit's target for one indicator. */
  | { readonly kind: 'target'; readonly year?: number | null; readonly unit: string; readonly indicator: string; readonly value: string }
  /** One target for every unit (replaces the units' own targets too). */
  | { readonly kind: 'target_all'; readonly year?: number | null; readonly indicator: string; readonly value: string }
  /** Every numeric target of an indicator, or of every indicator of a category, scaled by a percentage. */
  | { readonly kind: 'target_scale'; readonly year?: number | null; readonly indicator?: string | null; readonly category?: string | null; readonly percent: number }
  /** Every numeric target of an indicator moved by an amount (the quick slider). */
  | { readonly kind: 'target_shift'; readonly year?: number | null; readonly indicator: string; readonly delta: number }
  /** A district total split across units, allocated anew in proportion to the current split. */
  | { readonly kind: 'quota'; readonly year: number; readonly indicator: string; readonly total: number }
  /** One unit's result (every round, or one). */
  | { readonly kind: 'actual'; readonly year: number; readonly unit: string; readonly indicator: string; readonly round?: string | null; readonly value: string }
  /** An item's points or rule parameters (blank clears step, low or high). */
  | { readonly kind: 'item'; readonly indicator: string; readonly field: ItemField; readonly value: string }
  /** A setting: round weights, grade bands, bonus cap, veto settings. */
  | { readonly kind: 'setting'; readonly key: SettingKey; readonly value: string }
  /** A veto on or off for a unit and year. */
  | { readonly kind: 'veto'; readonly year: number; readonly unit: string; readonly on: boolean; readonly reason?: string | null }
  /** Planning: score `year`'s targets against the results of `from` (who would have met them). */
  | { readonly kind: 'plan'; readonly year: number; readonly from: number };

export type OverrideKind = Override['kind'];

export const OVERRIDE_KINDS: readonly OverrideKind[] = [
  'target', 'target_all', 'target_scale', 'target_shift', 'quota', 'actual', 'item', 'setting', 'veto', 'plan',
];

export interface Scenario {
  readonly id: string;
  readonly name: string;
  readonly note: string;
  readonly overrides: readonly Override[];
}

/** A new scenario's id: short, URL-safe, unique enough within one workspace. */
export function newScenarioId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return 's' + Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('').slice(0, 9);
}

/** The plan override, if the scenario is a planning one. */
export const planOf = (s: Scenario | null | undefined): Extract<Override, { kind: 'plan' }> | null =>
  (s?.overrides.find((o) => o.kind === 'plan') as Extract<Override, { kind: 'plan' }> | undefined) ?? null;
