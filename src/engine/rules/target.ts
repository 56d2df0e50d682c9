import type { Sql } from '../sql';
import type { ItemRow } from './types';

/** There is a target: text that is not a formula, or a formula that has a value. */
export const hasTarget = (r: Pick<ItemRow, 't' | 'target_kind'>): Sql =>
  `(${r.target_kind} IN ('number', 'range', 'text') OR ${r.t} IS NOT NULL)`;

/** Both sides are single numbers (a range or words cannot be compared as one). */
export const bothNumbers = (r: Pick<ItemRow, 't' | 'a'>): Sql => `(${r.t} IS NOT NULL AND ${r.a} IS NOT NULL)`;
