// What a new cell holds: enough to run at once, built on the cells above it.
import { cell, type Cell, type CellKind } from '../../notebook/cells';

function freshName(base: string, cells: readonly Cell[]): string {
  const taken = new Set(cells.map((c) => c.name?.toLowerCase()));
  for (let i = 1; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}

export function newCell(
  kind: CellKind,
  cells: readonly Cell[],
  columnsOf: (relation: string) => readonly string[],
  markdown: string,
): Cell {
  const hasYear = cells.some((c) => c.kind === 'input' && c.name?.toLowerCase() === 'year');
  switch (kind) {
    case 'markdown':
      return cell('markdown', markdown);
    case 'sql':
      return cell(
        'sql',
        hasYear ? 'SELECT unit, kind, total, rank\nFROM totals\nWHERE year = ${year}\nORDER BY rank' : 'SELECT * FROM totals\nORDER BY year DESC, rank',
        freshName('query', cells),
      );
    case 'input':
      return cell('input', '{"type": "select", "options": "SELECT DISTINCT year FROM totals ORDER BY year DESC"}', freshName('input', cells));
    case 'chart': {
      const from = [...cells].reverse().find((c) => c.kind === 'sql' && c.name)?.name ?? 'totals';
      const cols = columnsOf(from);
      const spec = { type: 'bar', from, x: cols.includes('total') ? 'total' : (cols[1] ?? 'total'), y: cols.includes('unit') ? 'unit' : (cols[0] ?? 'unit') };
      return cell('chart', JSON.stringify(spec, null, 2));
    }
  }
}
