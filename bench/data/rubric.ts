// The benchmark rubric: indicators as the seeds write them (rates with floors and ceilings,
// quotas, the sex-ratio range, levels of 兑现, inspector-scored items, 亮点工作 bonuses), with
// realistic shares: mostly 扣分, 达标 and 评估打分, a few 比例, 区间, 定性 and 加分.

export type Rule = '扣分' | '达标' | '评估打分' | '比例' | '区间' | '定性' | '加分';

export interface Indicator {
  readonly category: string;
  readonly name: string;
  readonly rule: Rule;
  readonly lower?: boolean;
  readonly step?: number;
  /** Target of the first year; numbers are percent points, per mille points or counts. */
  readonly target?: number | string;
  /** Targets from the second year on (`=prev*0.8`: seed 004, 信访总量比上年下降20%). */
  readonly formula?: string;
  /** 比例: each unit has its own quota (seed 000: 300 pairs split across units). */
  readonly quota?: readonly [number, number];
  readonly low?: number;
  readonly high?: number;
  readonly levels?: string;
  /** 加分: the most the item gives. */
  readonly points?: number;
  readonly method: string;
  readonly office: string;
}

const LEDGER = '台账、工作评估';
const SITE = '现场查看';
const SYSTEM = '查看系统';

const deduct = (category: string, name: string, target: number, step: number, office: string, lower = false): Indicator => ({
  category, name, rule: '扣分', target, step, lower, method: SYSTEM, office,
});
const pass = (category: string, name: string, target: number | string, office: string, more: Partial<Indicator> = {}): Indicator => ({
  category, name, rule: '达标', target, method: LEDGER, office, ...more,
});
const manual = (category: string, name: string, office: string, method = LEDGER): Indicator => ({
  category, name, rule: '评估打分', method, office,
});

export const DEDUCT: readonly Indicator[] = [
  deduct('依法行政', '出生政策符合率', 99, 1, '政策法规科'),
  deduct('出生缺陷干预', '孕前优生健康检查覆盖率', 90, 0.5, '妇幼健康科'),
  deduct('流动人口服务管理', '流动人口服务管理率', 95, 1, '流动人口科'),
  deduct('家庭健康保健行动', '综合避孕率', 90, 1, '妇幼健康科'),
  deduct('家庭健康保健行动', '长效措施率', 65, 0.5, '妇幼健康科'),
  deduct('家庭健康保健行动', '随访率', 95, 1, '妇幼健康科'),
  deduct('信息化建设', '信息上报及时率', 95, 1, '规划信息科'),
  deduct('领导重视', '持证上岗率', 95, 0.5, '基层指导科'),
  deduct('依法行政', '符合政策生育率', 92, 1, '政策法规科'),
  deduct('依法行政', '人口出生率', 8, 2, '政策法规科', true),
  deduct('出生缺陷干预', '出生缺陷发生率', 12, 0.5, '妇幼健康科', true),
  deduct('家庭健康保健行动', '目标人群覆盖率', 80, 0.5, '妇幼健康科'),
];

export const PASS: readonly Indicator[] = [
  pass('依法行政', '奖励扶助政策兑现率', 100, '政策法规科'),
  pass('信息化建设', '村级系统应用覆盖率', 100, '规划信息科'),
  pass('宣传', '人口文化建设达标率', 95, '宣传科'),
  pass('协会建设', '协会会员占总人口比例', 10, '协会办'),
  pass('依法行政', '信访总量', 60, '办公室', { lower: true, formula: '=prev*0.8' }),
  pass('领导重视', '计生事业经费', '按标准投入到位', '财务科'),
  pass('领导重视', '培训率', 100, '基层指导科'),
  pass('家庭健康保健行动', '药具发放有效率', 98, '妇幼健康科'),
  pass('流动人口服务管理', '网上登记核验率', 90, '流动人口科', { formula: '=min(prev*1.02, 100)' }),
  pass('依法行政', '独生子女父母奖励兑现率', 100, '政策法规科'),
];

export const MANUAL: readonly Indicator[] = [
  manual('领导重视', '领导重视与责任落实', '基层指导科'),
  manual('领导重视', '计生队伍职业化建设', '基层指导科'),
  manual('领导重视', '经费投入与财务管理', '财务科'),
  manual('综合治理', '关爱女孩行动', '宣传科'),
  manual('综合治理', '凭证定点引产与禁止两非', '政策法规科', SITE),
  manual('综合治理', '齐抓共管', '基层指导科'),
  manual('依法行政', '行政行为规范', '政策法规科'),
  manual('依法行政', '再生育一孩审批', '政策法规科'),
  manual('依法行政', '生育服务联系单办理', '政策法规科'),
  manual('信息化建设', '数据质量', '规划信息科', SYSTEM),
  manual('信息化建设', '部门信息共享', '规划信息科'),
  manual('信息化建设', '信息引导服务', '规划信息科'),
  manual('宣传', '婚育新风进万家', '宣传科'),
  manual('宣传', '政策宣传与标语规范', '宣传科', SITE),
  manual('宣传', '幸福家庭建设', '宣传科'),
  manual('人口家庭公共服务', '服务站规范与服务达标', '妇幼健康科', SITE),
  manual('家庭健康保健行动', '知情选择与随访服务', '妇幼健康科', '问卷调查'),
  manual('家庭健康保健行动', '药具服务', '妇幼健康科', SITE),
  manual('流动人口服务管理', '流动人口均等化服务', '流动人口科'),
  manual('流动人口服务管理', '区域协作', '流动人口科'),
  manual('协会建设', '协会工作台账', '协会办'),
  manual('协会建设', '失独家庭数据库', '协会办', SYSTEM),
  manual('协会建设', '协会制度建设', '协会办'),
];

export const FEW: readonly Indicator[] = [
  { category: '出生缺陷干预', name: '孕前优生健康检查人数', rule: '比例', quota: [15, 80], method: SYSTEM, office: '妇幼健康科' },
  { category: '出生缺陷干预', name: '出生人口性别比', rule: '区间', low: 103, high: 107, step: 2, method: SYSTEM, office: '妇幼健康科' },
  { category: '依法行政', name: '计生奖励优惠政策兑现', rule: '定性', levels: '全面兑现=1;基本兑现=0.6;未兑现=0', method: LEDGER, office: '政策法规科' },
  { category: '宣传', name: '区级以上网站录用信息', rule: '比例', target: 5, method: LEDGER, office: '宣传科' },
  { category: '综合治理', name: '群众满意度', rule: '定性', levels: '满意=1;基本满意=0.7;不满意=0', method: '问卷调查', office: '办公室' },
];

export const BONUS: readonly Indicator[] = [
  { category: '亮点工作', name: '国家级表彰', rule: '加分', points: 3, method: LEDGER, office: '办公室' },
  { category: '亮点工作', name: '省级表彰', rule: '加分', points: 2, method: LEDGER, office: '办公室' },
  { category: '亮点工作', name: '国家级刊物发表', rule: '加分', points: 3, method: LEDGER, office: '宣传科' },
  { category: '亮点工作', name: '生育关怀项目点', rule: '加分', points: 2, method: LEDGER, office: '基层指导科' },
];

/** `count` indicators: the few of every kind, the bonuses, then 扣分, 达标, 评估打分, 评估打分 in turn. */
export function selectIndicators(count: number): Indicator[] {
  const chosen: Indicator[] = [...FEW, ...BONUS.slice(0, count >= 50 ? 4 : 3)];
  const pattern = [DEDUCT, PASS, MANUAL, MANUAL];
  const taken = new Map<readonly Indicator[], number>(pattern.map((p) => [p, 0]));
  for (let i = 0; chosen.length < count; i++) {
    const pool = pattern[i % pattern.length]!;
    const at = taken.get(pool)!;
    if (at < pool.length) chosen.push(pool[at]!), taken.set(pool, at + 1);
    if (i > 4 * (DEDUCT.length + PASS.length + MANUAL.length)) throw new Error(`only ${chosen.length} indicators for ${count}`);
  }
  return chosen;
}
