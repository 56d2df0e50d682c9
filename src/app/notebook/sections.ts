// The page's parts: a markdown cell that opens with a heading starts a part (a view, printable on
// its own); consecutive input cells sit together in one row.
import type { Entry } from '../../notebook/session';

export type Block =
  | { readonly kind: 'cell'; readonly entry: Entry; readonly index: number }
  | { readonly kind: 'inputs'; readonly entries: { readonly entry: Entry; readonly index: number }[] };

export interface Section {
  readonly id: string;
  readonly blocks: readonly Block[];
}

const HEADING = /^(<!--[^\n]*-->\s*\n)*#{1,2}\s/;

export function sections(entries: readonly Entry[]): Section[] {
  const out: { id: string; blocks: Block[] }[] = [];
  entries.forEach((entry, index) => {
    const opens = entry.cell.kind === 'markdown' && HEADING.test(entry.cell.text.trimStart());
    if (opens || out.length === 0) out.push({ id: entry.id, blocks: [] });
    const blocks = out[out.length - 1]!.blocks;
    const last = blocks[blocks.length - 1];
    if (entry.cell.kind === 'input' && !entry.cell.hide) {
      if (last?.kind === 'inputs') last.entries.push({ entry, index });
      else blocks.push({ kind: 'inputs', entries: [{ entry, index }] });
    } else blocks.push({ kind: 'cell', entry, index });
  });
  return out;
}
