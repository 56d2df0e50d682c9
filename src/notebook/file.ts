// The notebook file: Markdown with fenced cells, readable in any editor and diffable in git.
//
//   <!-- kaohe notebook 1 -->
//
//   ## 排行榜                         ← a markdown cell is plain Markdown between fenced cells
//
//   ```input name=year               ← input, sql and chart cells are fenced; the info string
//   {"type": "select", …}               carries the kind, `name=…` and the `hide` flag
//   ```
//
// A fence is longer than any run of backticks inside its cell, so cell text never closes it.
// A markdown cell is written fenced (```markdown) only when bare text would read back
// differently: leading or trailing blank lines, a line that opens a cell, or a markdown cell
// right after another.
import { CELL_KINDS, type Cell, type CellKind } from './cells';
import { VIEWS, type View } from './variant';

export const FILE_HEADER = '<!-- kaohe notebook 1 -->';
const HEADER = /^<!-- kaohe notebook \d+ -->\s*$/;
const OPEN = new RegExp(`^(\`{3,})(${CELL_KINDS.join('|')})((?:[ \\t]+\\S+)*)[ \\t]*$`);
const BLANK = /^\s*$/;

function closes(line: string, fence: string): boolean {
  const m = /^(`+)[ \t]*$/.exec(line);
  return m !== null && m[1]!.length >= fence.length;
}

function readInfo(kind: CellKind, info: string): Cell {
  let name: string | null = null;
  let hide = false;
  let view: View | undefined;
  for (const word of info.trim().split(/\s+/)) {
    if (word.startsWith('name=')) name = word.slice(5);
    else if (word === 'hide') hide = true;
    else if (word.startsWith('view=') && (VIEWS as readonly string[]).includes(word.slice(5))) view = word.slice(5) as View;
  }
  return view ? { kind, name, hide, text: '', view } : { kind, name, hide, text: '' };
}

function trimBlankLines(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && BLANK.test(lines[a]!)) a++;
  while (b > a && BLANK.test(lines[b - 1]!)) b--;
  return lines.slice(a, b);
}

/** Reads a notebook file. Never fails: text it does not recognise is markdown. */
export function parseNotebook(file: string): Cell[] {
  const lines = file.replace(/\r\n?/g, '\n').split('\n');
  const cells: Cell[] = [];
  let markdown: string[] = [];
  const flush = () => {
    const text = trimBlankLines(markdown);
    if (text.length > 0) cells.push({ kind: 'markdown', name: null, hide: false, text: text.join('\n') });
    markdown = [];
  };
  for (let i = HEADER.test(lines[0] ?? '') ? 1 : 0; i < lines.length; i++) {
    const line = lines[i]!;
    const open = OPEN.exec(line);
    if (!open) {
      markdown.push(line);
      continue;
    }
    flush();
    const fence = open[1]!;
    let end = i + 1;
    while (end < lines.length && !closes(lines[end]!, fence)) end++;
    cells.push({ ...readInfo(open[2] as CellKind, open[3] ?? ''), text: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  flush();
  return cells;
}

function longestBacktickRun(text: string): number {
  let best = 0;
  for (const m of text.matchAll(/`+/g)) best = Math.max(best, m[0].length);
  return best;
}

function canBeBare(text: string): boolean {
  const lines = text.split('\n');
  return (
    text.length > 0 &&
    !BLANK.test(lines[0]!) &&
    !BLANK.test(lines[lines.length - 1]!) &&
    !lines.some((l) => OPEN.test(l))
  );
}

function fenced(c: Cell): string {
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(c.text) + 1));
  const info = [c.kind, c.name !== null ? `name=${c.name}` : null, c.hide ? 'hide' : null, c.view ? `view=${c.view}` : null]
    .filter(Boolean)
    .join(' ');
  return `${fence}${info}\n${c.text}\n${fence}`;
}

/** Writes a notebook file; `parseNotebook(serialiseNotebook(cells))` gives back `cells`. */
export function serialiseNotebook(cells: readonly Cell[]): string {
  const parts = [FILE_HEADER];
  let previousBare = false;
  for (const c of cells) {
    const bare: boolean = c.kind === 'markdown' && c.name === null && !c.hide && !c.view && !previousBare && canBeBare(c.text);
    parts.push(bare ? c.text : fenced(c));
    previousBare = bare;
  }
  return parts.join('\n\n') + '\n';
}

/** A file name for the notebook: its first heading, else the fallback. */
export function notebookFileName(cells: readonly Cell[], fallback: string): string {
  for (const c of cells) {
    if (c.kind !== 'markdown') continue;
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/m.exec(c.text)?.[1];
    if (heading) return heading.replace(/[\\/:*?"<>|]/g, '_').slice(0, 60) + '.md';
  }
  return fallback + '.md';
}
