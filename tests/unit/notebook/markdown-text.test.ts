import { describe, expect, it } from 'vitest';
import { escapeMarkdown, interpolate, markdownRefs, pickLanguage } from '../../../src/notebook/markdown-text';

describe('markdown cell text', () => {
  const text = '<!-- lang: zh-CN -->\n## 排行榜\n<!-- lang: en -->\n## Leaderboard';

  it('shows the part in the UI language, the first part when it has none', () => {
    expect(pickLanguage(text, 'en')).toBe('## Leaderboard');
    expect(pickLanguage(text, 'zh-CN')).toBe('## 排行榜');
    expect(pickLanguage('shared\n<!-- lang: zh-CN -->\n只有中文', 'en')).toBe('shared\n只有中文');
    expect(pickLanguage('no markers', 'en')).toBe('no markers');
  });

  it('quotes input values and first-row columns as text, never as markup', () => {
    expect(markdownRefs('${year} ${card.unit} ${ bad name }')).toEqual([
      { name: 'year', column: null },
      { name: 'card', column: 'unit' },
    ]);
    const values: Record<string, string | number | null> = { year: 2019, 'card.unit': '<img src=x onerror=alert(1)>', none: null };
    const out = interpolate('${year} 年 ${card.unit} ${none} ${missing}', (r) => values[r.column ? `${r.name}.${r.column}` : r.name]);
    expect(out).toBe('2019 年 \\<img src=x onerror=alert\\(1\\)\\> — ${missing}');
    expect(escapeMarkdown('**a**')).toBe('\\*\\*a\\*\\*');
  });
});
