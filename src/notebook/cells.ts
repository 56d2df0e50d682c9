// The notebook as data: an ordered list of cells, each holding the text the user wrote. What a
// cell means (its chart options, its input) is read from that text when it runs, so a cell
// whose text does not parse keeps its text and shows its error in place.
import type { View } from './variant';

export type CellKind = 'markdown' | 'sql' | 'chart' | 'input';
export const CELL_KINDS: readonly CellKind[] = ['markdown', 'sql', 'chart', 'input'];

export interface Cell {
  readonly kind: CellKind;
  /** sql: the relation later cells query; input: the parameter `${name}`; else optional. */
  readonly name: string | null;
  /** Output not shown (a sql cell that only feeds a chart, an input set by clicks). */
  readonly hide: boolean;
  readonly text: string;
  /** A sql or chart cell that always shows this view, whatever the notebook's (variant.ts). */
  readonly view?: View;
}

export const cell = (kind: CellKind, text: string, name: string | null = null, hide = false): Cell => ({
  kind,
  name,
  hide,
  text,
});
