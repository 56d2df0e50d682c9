import type { Catalogue } from '../i18n/types';

/** The leaderboard's first paint from a cached result (issue 7), zh-CN first. */
export const boardMessages: Catalogue = {
  'zh-CN': {
    'app.board.cached': '缓存结果（非实时）：这是上次计算的排名，数据引擎启动后会自动换成实时结果。',
  },
  en: {
    'app.board.cached': 'Cached result (not live): the ranking from the last run, replaced by the live result once the engine is up.',
  },
};
