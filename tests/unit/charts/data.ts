// Rows shaped like the default notebook's queries on the 武进区 demo: names and sizes real,
// numbers made up.
export const UNITS = ['礼嘉镇', '嘉泽镇', '雪堰镇', '湟里镇', '湖塘镇', '牛塘镇', '西湖街道', '南夏墅街道'];
const KINDS = ['农村镇', '农村镇', '农村镇', '农村镇', '城关镇', '农村镇', '街道', '街道'];
export const CATEGORIES = ['领导重视', '综合治理', '依法行政', '信息化建设', '宣传'];
export const INDICATORS = ['出生政策符合率', '统计准确率', '流动人口服务管理率', '宣传品入户率', '孕前优生健康检查覆盖率', '协会会员占总人口比例'];

/** A deterministic spread of numbers, so snapshots never move. */
const wave = (i: number, j = 0) => ((i * 37 + j * 11) % 17) / 17;

export const totals = UNITS.map((unit, i) => ({
  unit,
  kind: KINDS[i]!,
  total: Math.round((78 + 20 * wave(i)) * 100) / 100,
  base: Math.round((76 + 18 * wave(i)) * 100) / 100,
  rank: 0,
  grade: 78 + 20 * wave(i) >= 90 ? '优秀' : 78 + 20 * wave(i) >= 80 ? '良好' : '合格',
}))
  .sort((a, b) => b.total - a.total)
  .map((r, i) => ({ ...r, rank: i + 1 }));

export const categoryPoints = UNITS.slice(0, 5).flatMap((unit, i) =>
  CATEGORIES.flatMap((category, j) => [
    { unit, category, part: '得分', points: Math.round(10 * (1 - wave(i, j) / 3) * 10) / 10 },
    { unit, category, part: '失分', points: -Math.round(10 * (wave(i, j) / 3) * 10) / 10 },
  ]),
);

export const lostByIndicator = INDICATORS.map((indicator, i) => ({ indicator, lost: Math.round(30 * wave(i, 3) * 10) / 10 }));

export const totalsByYear = UNITS.slice(0, 4).flatMap((unit, i) =>
  [2016, 2017, 2018, 2019].map((year, k) => ({ unit, year, total: Math.round((80 + 15 * wave(i, k)) * 100) / 100 })),
);

export const rankChange = UNITS.slice(0, 6).flatMap((unit, i) => [
  { unit, year: 2018, rank: i + 1 },
  { unit, year: 2019, rank: [3, 1, 6, 2, 5, 4][i]! },
]);

export const shares = UNITS.slice(0, 5).flatMap((unit, i) =>
  INDICATORS.map((indicator, j) => ({
    unit,
    indicator,
    share: Math.round(wave(i, j) * 1000) / 1000,
    explanation: `目标 95%，实际 ${(90 + 9 * wave(i, j)).toFixed(1)}%，每低 1 个百分点扣 1 分`,
  })),
);

export const trackShares = ['城关镇', '农村镇', '街道'].flatMap((kind, i) =>
  CATEGORIES.flatMap((category, j) =>
    ['政府考核', '条线考核'].map((track, k) => ({ kind, category, track, share: Math.round((0.7 + 0.3 * wave(i + k, j)) * 1000) / 1000 })),
  ),
);

export const yoy = INDICATORS.map((indicator, i) => ({ indicator, change: Math.round((wave(i, 5) - 0.5) * 40) / 10 }));
