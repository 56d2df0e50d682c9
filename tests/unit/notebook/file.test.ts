import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cell, CELL_KINDS, type Cell } from '../../../src/notebook/cells';
import { FILE_HEADER, notebookFileName, parseNotebook, serialiseNotebook } from '../../../src/notebook/file';

// Text with the characters that could confuse a fenced format: backticks, fence-like lines,
// blank lines, spaces, CJK, the header comment.
const piece = fc.constantFrom(
  '`', '```', '````sql', '```sql name=x', '```markdown', '~~~', '\n', '\n\n', ' ', '\t', '#', '## 排行榜', 'SELECT 1',
  '考核', '${year}', '<!-- kaohe notebook 1 -->', '<!-- lang: en -->', 'a', '{"type": "bar"}', '-->', 'name=y', 'hide',
);
const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));
const name = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/).chain((n) => fc.constantFrom(n, '年度', '得分_2019'));
const anyCell: fc.Arbitrary<Cell> = fc.record({
  kind: fc.constantFrom(...CELL_KINDS),
  name: fc.option(name, { nil: null }),
  hide: fc.boolean(),
  text,
  view: fc.constantFrom('base' as const, 'scenario' as const, 'diff' as const),
}, { requiredKeys: ['kind', 'name', 'hide', 'text'] });

describe('notebook file', () => {
  it('reads back every notebook it writes (round trip)', () => {
    fc.assert(
      fc.property(fc.array(anyCell, { maxLength: 8 }), (cells) => {
        expect(parseNotebook(serialiseNotebook(cells))).toEqual(cells);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes Markdown a person can read: bare markdown, fenced cells with their names', () => {
    const file = serialiseNotebook([
      cell('markdown', '# 考核总览\n\n各单位得分。'),
      cell('input', '{"type": "select", "options": [2018, 2019]}', 'year'),
      cell('sql', 'SELECT * FROM totals WHERE year = ${year}', 'board', true),
      cell('chart', '{"type": "bar", "from": "board", "x": "total", "y": "unit"}'),
    ]);
    expect(file).toBe(`${FILE_HEADER}

# 考核总览

各单位得分。

\`\`\`input name=year
{"type": "select", "options": [2018, 2019]}
\`\`\`

\`\`\`sql name=board hide
SELECT * FROM totals WHERE year = \${year}
\`\`\`

\`\`\`chart
{"type": "bar", "from": "board", "x": "total", "y": "unit"}
\`\`\`
`);
  });

  it('fences a cell with more backticks than its text holds', () => {
    const file = serialiseNotebook([cell('markdown', 'Example:\n```sql name=x\nSELECT 1\n```')]);
    expect(file).toContain('````markdown\nExample:');
    expect(parseNotebook(file)).toEqual([cell('markdown', 'Example:\n```sql name=x\nSELECT 1\n```')]);
  });

  it('reads a hand-written file: CRLF, no header, an unclosed last cell, other code blocks as markdown', () => {
    const cells = parseNotebook('Intro\r\n\r\n```js\r\nlet a = 1\r\n```\r\n\r\n```sql name=a\r\nSELECT 1');
    expect(cells).toEqual([cell('markdown', 'Intro\n\n```js\nlet a = 1\n```'), cell('sql', 'SELECT 1', 'a')]);
  });

  it('names the downloaded file after the first heading', () => {
    expect(notebookFileName([cell('markdown', 'x\n# 考核总览 #'), cell('markdown', '# b')], 'notebook')).toBe('考核总览.md');
    expect(notebookFileName([cell('sql', 'SELECT 1', 'a')], 'notebook')).toBe('notebook.md');
  });
});
