// Seed 000 (常州市新北区 2018) 附件1 and 附件2 rebuilt as Excel would save them after an analyst
// pastes the Word tables in: title lines above, the diagonal corner cell, merged cells as blanks,
// line breaks inside quoted cells, rows padded to the table's width, CRLF between rows.

export const UNITS_RAW = [
  '春江镇', '孟河镇', '新桥镇', '薛家镇', '罗溪镇', '西夏墅镇', '奔牛镇 ', '河海\n\n街道', '三井\n\n街道', '龙虎塘\n\n街道',
];
export const UNITS = ['春江镇', '孟河镇', '新桥镇', '薛家镇', '罗溪镇', '西夏墅镇', '奔牛镇', '河海街道', '三井街道', '龙虎塘街道'];

function cell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(rows: readonly (readonly string[])[], width: number): string {
  return rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')].map(cell).join(',')).join('\r\n') + '\r\n';
}

const ten = (v: string) => Array<string>(10).fill(v);

// 附件1 (政府考核指标): one label column, the corner written 单位 … 内容.
export const ATTACHMENT1_ROWS: readonly (readonly string[])[] = [
  ['附件1'],
  ['新北区各镇（街道）2018年计划生育目标任务'],
  [],
  ['(政府考核指标)'],
  [' 单位                 内容', ...UNITS.slice(0, 10)],
  ['出生政策符合率%', ...ten('99')],
  ['孕前优生健康\n\n检查覆盖率%', ...ten('90')],
  ['出生人口性别比', ...ten('基本正常')],
  ['流动人口服务管理率%', ...ten('95')],
  ['妇幼保健和计划生育服务达标率%', ...ten('95')],
  ['人口信息化建设指数%', ...ten('95')],
  ['计生奖励优惠政策兑现', ...ten('全面兑现')],
  ['计生事业经费', '按标准投入到位'],
  [
    '计生队伍建设\n\n达标',
    '镇（街道）计生服务管理工作人员80%达到大专以上学历，其中大学本科以上学历不低于50%，村级计生专干全部达到高中以上文化程度，不断提高队伍职业化水平。',
  ],
];

// 附件2 (条线考核指标): two label columns under a corner written 内容 … 单位 and merged across
// both; categories merged down their sub-indicators; unit names broken across lines.
export const ATTACHMENT2_ROWS: readonly (readonly string[])[] = [
  ['附件2'],
  [],
  ['      新北区各镇（街道）2018年计划生育目标任务'],
  [' (条线考核指标)'],
  ['内容                        单位', '', ...UNITS_RAW],
  ['计生依法行政工作达标率%', '', ...ten('95')],
  ['孕前优生健康检查人数（300对）', '', '60', '20', '30', '30', '15', '15', '15', '25', '65', '25'],
  ['家庭健康服务', '婴幼儿早期发展项目、青少年健康援助项目、老年\n\n健康保健及计生困难家庭养老帮扶项目覆盖率%', ...ten('90')],
  ['', '计生药具服务率%', ...ten('90')],
  ['', '随访服务率%', ...ten('95')],
  ['流动人口服务管理率%', '信息入库率、流动人口出生政策符合率%', ...ten('95')],
  ['', '流动人口聚集地计生协会覆盖率%', ...ten('95')],
  ['', '基本公共卫生计生服务均等化达标率%', ...ten('93')],
  [
    '独生子女父母奖励金、计生免费技术服务政策、计生奖扶、特别扶助、城镇持证退休职工一次性奖励、计生手术并发症纳入特扶制度、计生公益金落实率%',
    '',
    ...ten('100'),
  ],
  ['人口信息化建设', '出生人口统计准确率%', ...ten('99')],
  ['', '人口覆盖率、个案数据质量达标率、\n\n信息化应用覆盖率%', ...ten('95')],
  ['人口文化宣传阵地建设达标率、幸福家庭工作覆盖率、家庭人口文化知识普及率%', '', ...ten('95')],
  ['群众满意率%', '', ...ten('95')],
  ['信息报道（积分）', '', ...ten('60')],
  ['协会组织建设', '', '协会网络完善群众自治活动正常，会员比例占总人口10%。'],
];

export const ATTACHMENT1_CSV = csv(ATTACHMENT1_ROWS, 11);
export const ATTACHMENT2_CSV = csv(ATTACHMENT2_ROWS, 12);

export const ATTACHMENT1_FILE = 'seed000-attachment1-targets-2018.csv';
export const ATTACHMENT2_FILE = 'seed000-attachment2-targets-2018-gb18030.csv';
