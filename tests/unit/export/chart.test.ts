// @vitest-environment happy-dom
// A chart as a titled, self-contained SVG (the PNG is drawn by the browser: tests/browser/export.test.ts).
import { describe, expect, it } from 'vitest';
import { barChart, slopeChart } from '../../../src/charts';
import { chartSvg, fileNameOf, CHART_FONT } from '../../../src/export/chart';
import { rankChange, totals } from '../charts/data';

const LABELS = { unit: '单位', total: '总分', grade: '等级', year: '年度', rank: '名次' };
const parse = (svg: string) => new DOMParser().parseFromString(svg, 'image/svg+xml') as unknown as Document;

describe('chartSvg', () => {
  it("keeps Plot's own title and the chart, as one SVG document with its size and fonts", () => {
    const figure = barChart(totals, { labels: LABELS, document, x: 'total', y: 'unit', color: 'grade', title: '2019 年考核排名' });
    const image = chartSvg(figure, '备用标题');
    expect(image.title).toBe('2019 年考核排名');
    expect(image.svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    const doc = parse(image.svg.replace(/^<\?xml[^>]*>\n/, ''));
    const root = doc.documentElement;
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(Number(root.getAttribute('width'))).toBe(image.width);
    expect(Number(root.getAttribute('height'))).toBe(image.height);
    expect(root.getAttribute('font-family')).toBe(CHART_FONT);
    expect(root.querySelector('title')?.textContent).toBe('2019 年考核排名');
    expect(root.querySelector(':scope > text')?.textContent).toBe('2019 年考核排名');
    // Every unit's bar is in the file, below the title.
    expect(root.querySelectorAll('g[aria-label=bar] rect').length).toBe(totals.length);
    const chart = root.querySelector(':scope > svg')!;
    expect(Number(chart.getAttribute('y'))).toBeGreaterThan(16);
    expect(image.height).toBeGreaterThan(Number(chart.getAttribute('height')));
  });

  it('titles an untitled chart with the title given, as text (never markup)', () => {
    const svg = slopeChart(rankChange, { labels: LABELS, document, x: 'year', y: 'rank', color: 'unit', reverse: true });
    const image = chartSvg(svg, '名次 <b>变化</b> & 趋势');
    expect(image.title).toBe('名次 <b>变化</b> & 趋势');
    expect(image.svg).toContain('名次 &lt;b&gt;变化&lt;/b&gt; &amp; 趋势');
    expect(image.svg).not.toContain('<b>');
    expect(parse(image.svg).querySelector('title')?.textContent).toBe('名次 <b>变化</b> & 趋势');
  });

  it('refuses an element with no chart in it', () => {
    expect(() => chartSvg(document.createElement('div'), 'x')).toThrow(/no chart/);
  });

  it('names the file after the title', () => {
    expect(fileNameOf('2019 年考核排名', 'png')).toBe('2019 年考核排名.png');
    expect(fileNameOf('a/b:c*?', 'svg')).toBe('a b c.svg');
    expect(fileNameOf('', 'svg')).toBe('chart.svg');
  });
});

describe('chartSvg with a swatch legend', () => {
  it('draws each swatch with its label as SVG text', () => {
    const figure = barChart(totals, {
      labels: LABELS, document, x: 'total', y: 'unit', color: 'grade', title: '2019 年考核排名',
      colors: { 优秀: '#1b7f4b', 良好: '#2f6fb3', 合格: '#b7860b' },
    });
    const doc = parse(chartSvg(figure, 'x').svg.replace(/^<\?xml[^>]*>\n/, ''));
    const texts = Array.from(doc.documentElement.querySelectorAll(':scope > text'), (t) => t.textContent);
    expect(texts).toEqual(['2019 年考核排名', '优秀', '良好', '合格']);
  });
});
