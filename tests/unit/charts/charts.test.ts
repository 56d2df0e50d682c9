// @vitest-environment happy-dom
import { describe } from 'vitest';
import { barChart, cellChart, dotChart, lineChart, paretoChart, slopeChart } from '../../../src/charts';
import type { ChartOptions } from '../../../src/charts/options';
import { categoryPoints, lostByIndicator, rankChange, shares, totals, totalsByYear, trackShares, yoy } from './data';
import { chartTest } from './snapshot';

const LABELS: Record<string, string> = {
  unit: '单位', total: '总分', grade: '等级', category: '项目', points: '分值', indicator: '指标', lost: '失分',
  year: '年度', rank: '名次', share: '得分率', explanation: '说明', track: '考核类别', kind: '单位类型', change: '较上年变化',
};
const base = (o: Omit<ChartOptions, 'labels' | 'document'>): ChartOptions => ({ labels: LABELS, document, ...o });

describe('chart builders', () => {
  chartTest(function leaderboardBars() {
    return barChart(totals, base({
      x: 'total', y: 'unit', color: 'grade', title: '2019 年考核排名',
      colors: { 优秀: '#1b7f4b', 良好: '#2f6fb3', 合格: '#b7860b' },
      highlight: [{ column: 'unit', value: '湖塘镇' }],
    }));
  });

  chartTest(function categoryStackedBars() {
    return barChart(categoryPoints, base({ x: 'points', y: 'unit', color: 'category', title: '各单位按项目的得分与失分', tip: ['part'] }));
  });

  chartTest(function lostPareto() {
    return paretoChart(lostByIndicator, base({ x: 'indicator', y: 'lost', title: '全区失分帕累托', cumulativeLabel: '累计占比' }));
  });

  chartTest(function totalsLines() {
    return lineChart(totalsByYear, base({ x: 'year', y: 'total', color: 'unit', title: '历年总分', highlight: [{ column: 'unit', value: '嘉泽镇' }] }));
  });

  chartTest(function rankSlope() {
    return slopeChart(rankChange, base({ x: 'year', y: 'rank', color: 'unit', reverse: true, title: '名次变化' }));
  });

  chartTest(function rankSlopeWithTies() {
    const tied = rankChange.map((r) => (r.year === 2019 && r.rank === 2 ? { ...r, rank: 1 } : r));
    return slopeChart(tied, base({ x: 'year', y: 'rank', z: 'unit', reverse: true }));
  });

  chartTest(function shareHeatmap() {
    return cellChart(shares, base({ x: 'unit', y: 'indicator', color: 'share', percent: true, tip: ['explanation'], title: '得分率' }));
  });

  chartTest(function trackDotsByKind() {
    return dotChart(trackShares, base({ x: 'share', y: 'category', color: 'track', fx: 'kind', percent: true, title: '政府考核与条线考核，按单位类型' }));
  });

  chartTest(function yoyChangeBars() {
    return barChart(yoy, base({ x: 'change', y: 'indicator', title: '各指标较上年变化' }));
  });
});
