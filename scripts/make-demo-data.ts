// Writes the demo workspaces under data/demo/ and the blank templates under data/templates/.
// What comes from the seeds and what is synthetic: data/README.md. Layout rules: docs/data-format.md.
// Deterministic: every synthetic number is drawn from mulberry32 seeded by a hash of its key
// (dataset, year, unit, indicator), so a value does not move when another one is added.
// Run: npm run demo-data   (or: npx tsx scripts/make-demo-data.ts)

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

// ───────────────────────────── files ─────────────────────────────

export type Encoding = 'utf8' | 'utf8-bom' | 'gb18030';

/** One generated file, `path` relative to data/. */
export interface DataFile {
  readonly path: string;
  readonly text: string;
  readonly encoding: Encoding;
}

type Row = readonly string[];

interface CsvOptions {
  readonly encoding?: Encoding;
  readonly crlf?: boolean;
  /** Excel pads every line to the table's width with commas; title and note lines too. */
  readonly excelPadding?: boolean;
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function csvFile(path: string, rows: readonly Row[], opts: CsvOptions = {}): DataFile {
  const width = Math.max(...rows.map((r) => r.length));
  const eol = opts.crlf ? '\r\n' : '\n';
  const lines = rows.map((r) => {
    const cells = opts.excelPadding ? [...r, ...Array<string>(width - r.length).fill('')] : r;
    return cells.map(csvCell).join(',');
  });
  return { path, text: lines.join(eol) + eol, encoding: opts.encoding ?? 'utf8' };
}

export function encodeFile(file: DataFile): Uint8Array {
  if (file.encoding === 'gb18030') return iconv.encode(file.text, 'gb18030');
  const body = Buffer.from(file.text, 'utf8');
  return file.encoding === 'utf8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

// ───────────────────────────── noise ─────────────────────────────

const SEED = 20161206; // seed 001 附件3: the inspection began on 6 December 2016

function fnv1a(text: string): number {
  let h = 0x811c9dc5 ^ SEED;
  for (const ch of text) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform in [0, 1), fixed by `key`. */
function rand(key: string): number {
  return mulberry32(fnv1a(key))();
}

/** Uniform in [-amp, amp), fixed by `key`. */
function jitter(key: string, amp: number): number {
  return (rand(key) * 2 - 1) * amp;
}

function pick<T>(key: string, items: readonly T[]): T {
  const item = items[Math.floor(rand(key) * items.length)];
  if (item === undefined) throw new Error(`pick from an empty list (${key})`);
  return item;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** Decimal text without trailing zeros: 99.50 → "99.5", 100.0 → "100". */
function fmt(x: number, decimals: number): string {
  const s = x.toFixed(decimals);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** 186500 → "186,500", as Excel shows it with the thousands separator on (no Intl: same bytes everywhere). */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

// ───────────────────────────── shared model ─────────────────────────────

interface UnitProfile {
  readonly name: string;
  readonly kind: '城关镇' | '农村镇' | '街道';
  readonly population: number;
  /** Typical share of the points the unit earns, and its change per year. */
  readonly base: number;
  readonly trend: number;
}

function quality(unit: UnitProfile, year: number, firstYear: number): number {
  return unit.base + unit.trend * (year - firstYear);
}

/** A measured value that drifts with the unit's quality around the target. */
interface RateModel {
  readonly lift: number; //   offset from the target of an average unit
  readonly slope: number; //  change per 1.0 of quality
  readonly amp: number; //    noise
  readonly min: number;
  readonly max: number;
  readonly decimals: number;
}

function rateActual(target: number, m: RateModel, q: number, key: string): number {
  const v = target + m.lift + (q - 0.88) * m.slope + jitter(key, m.amp);
  return Number(clamp(v, m.min, m.max).toFixed(m.decimals));
}

/**
 * An inspector's score out of `points`: the share lost averages 1 - q, spread by `key` so some
 * items keep full marks; deductions in 0.5 steps on big items, 0.1 on small ones.
 */
function inspectorScore(points: number, q: number, key: string): number {
  const loss = Math.min(0.6, Math.max(0, 1 - q) * 2 * rand(`${key}|loss`));
  const grain = points >= 3 ? 0.5 : 0.1;
  const deduction = Math.round((points * loss) / grain) * grain;
  return Number((points - deduction).toFixed(1));
}

/** What follows 考核类别/项目 in every rubric file. */
const RUBRIC_RULE_HEADERS = ['分值', '评分方法', '方向', '扣分标准', '下限', '上限', '等级'] as const;

interface RuleCells {
  readonly rule: '达标' | '扣分' | '比例' | '区间' | '定性' | '评估打分' | '加分';
  readonly step?: number;
  readonly low?: number;
  readonly high?: number;
  readonly levels?: string;
}

/** `numericTarget` false: a text target (按标准投入到位) has no direction. */
function ruleCells(points: number, r: RuleCells, numericTarget = true): string[] {
  const directed = numericTarget && (r.rule === '达标' || r.rule === '扣分' || r.rule === '比例');
  return [
    fmt(points, 1),
    r.rule,
    directed ? '越高越好' : '',
    r.step === undefined ? '' : fmt(r.step, 2),
    r.low === undefined ? '' : fmt(r.low, 2),
    r.high === undefined ? '' : fmt(r.high, 2),
    r.levels ?? '',
  ];
}

const GRADES = '优秀>=90;良好>=80;合格>=70;不合格';

function settingsFile(path: string, bonusCap: number): DataFile {
  return csvFile(path, [
    ['项', '值'],
    ['grades', GRADES],
    ['bonus_cap', String(bonusCap)],
  ]);
}

// ───────────────────────────── 武进区 (seed 001) ─────────────────────────────

const WUJIN_YEARS = [2016, 2017, 2018, 2019] as const;

// seed 001 附件3, in reading order (date, half-day, team 1 then team 2). Kinds and populations are
// illustrative: 湖塘镇 is the district seat; 高新区北区 is a development zone, filed with the streets.
export const WUJIN_UNITS: readonly UnitProfile[] = [
  { name: '礼嘉镇', kind: '农村镇', population: 62400, base: 0.9, trend: 0 },
  { name: '嘉泽镇', kind: '农村镇', population: 57800, base: 0.88, trend: 0.01 },
  { name: '雪堰镇', kind: '农村镇', population: 86300, base: 0.86, trend: 0 },
  { name: '湟里镇', kind: '农村镇', population: 51900, base: 0.78, trend: 0.035 },
  { name: '湖塘镇', kind: '城关镇', population: 186500, base: 0.94, trend: 0 },
  { name: '牛塘镇', kind: '农村镇', population: 70600, base: 0.89, trend: 0 },
  { name: '高新区北区', kind: '街道', population: 45200, base: 0.8, trend: 0.01 },
  { name: '西湖街道', kind: '街道', population: 38100, base: 0.91, trend: 0 },
  { name: '洛阳镇', kind: '农村镇', population: 63300, base: 0.87, trend: 0.01 },
  { name: '横山桥镇', kind: '农村镇', population: 78200, base: 0.9, trend: 0 },
  { name: '遥观镇', kind: '农村镇', population: 91700, base: 0.88, trend: 0 },
  { name: '横林镇', kind: '农村镇', population: 104300, base: 0.93, trend: -0.04 },
  { name: '前黄镇', kind: '农村镇', population: 66000, base: 0.85, trend: 0.02 },
  { name: '丁堰街道', kind: '街道', population: 40800, base: 0.89, trend: 0 },
  { name: '南夏墅街道', kind: '街道', population: 47600, base: 0.87, trend: 0 },
  { name: '戚墅堰街道', kind: '街道', population: 33900, base: 0.84, trend: 0.005 },
  { name: '潞城街道', kind: '街道', population: 52300, base: 0.88, trend: -0.005 },
];

/** An item scored from one measured value against a target (targets file). */
interface Measured extends RuleCells {
  readonly rule: '达标' | '扣分' | '比例';
  readonly target: number;
  readonly percent: boolean;
  readonly model: RateModel;
  readonly why: string;
}

export interface WujinItem {
  readonly name: string;
  readonly points: number;
  readonly office: string;
  readonly text: string;
  /** Absent: inspector-scored (评估打分), the actual is the score. */
  readonly measured?: Measured;
  /** Added to the unit's quality for this item: items most units find hard. */
  readonly difficulty?: number;
}

export interface WujinCategory {
  readonly name: string;
  /** The category cell as exported: subtotal in brackets, line breaks where the seed has them. */
  readonly cell: string;
  readonly subtotal: number;
  readonly method: string;
  readonly items: readonly WujinItem[];
}

const rate = (lift: number, slope: number, amp: number, min: number, max: number, decimals = 1): RateModel => ({
  lift,
  slope,
  amp,
  min,
  max,
  decimals,
});

// seed 001 附件2: categories, subtotals, items, points, 考核方式 and 责任科室. Names are ours.
export const WUJIN_RUBRIC: readonly WujinCategory[] = [
  {
    name: '领导重视',
    cell: '领导重视（9）',
    subtotal: 9,
    method: '台账、工作评估',
    items: [
      { name: '领导重视与责任落实', points: 3, office: '基层指导科', text: '党政领导重视，专题研究人口计生工作，解决热点难点问题，出台重要文件。层层签订责任状，兑现奖惩，严格落实“一票否决”。' },
      { name: '计生队伍职业化建设', points: 1, office: '基层指导科', text: '人口计生队伍职业化建设达标。' },
      { name: '经费投入与财务管理', points: 2, office: '办公室', text: '经费投入到位。财务数据采集、报送和保管规范，各项收费使用、管理规范。' },
      {
        name: '出生政策符合率',
        points: 3,
        office: '基层指导科',
        text: '计划生育率：1、出生政策符合率在99%以上。2、无党员或干部（包括村主要干部）违法生育。',
        measured: { rule: '扣分', step: 1, target: 99, percent: true, model: rate(0.3, 8, 0.6, 96.5, 100, 2), why: '一项比率，原文给出99%；每低1个百分点扣1分，扣完为止（扣分幅度为示例）' },
      },
    ],
  },
  {
    name: '综合治理',
    cell: '综合治理（7）',
    subtotal: 7,
    method: '台账、工作评估',
    items: [
      { name: '关爱女孩行动', points: 2, office: '政策法规科', text: '开展关爱女孩行动，实施计生家庭特困女孩救助项目、只生一个女孩困难母亲安康险赠送活动，为女孩成长创造良好的社会环境。' },
      { name: '凭证定点引产与禁止两非', points: 2, office: '政策法规科、妇幼健康科', text: '落实凭证定点引产制度，禁止利用B超进行非医学需要胎儿性别鉴定，计划生育手术介绍信出具符合要求，相关资料收集齐备。无乱出具情况。B超室有警示标志。' },
      { name: '齐抓共管', points: 3, office: '流动人口科', text: '齐抓共管：与用工单位、个体工商户、房屋出租户签订计划生育管理责任书均达95%以上。集贸市场均建立计划生育服务室和流动人口计划生育协（分）会。兼职管理员履行职责到位、台帐记载齐全。' },
    ],
  },
  {
    name: '依法行政',
    cell: '依法行政（17）',
    subtotal: 17,
    method: '台账、工作评估',
    items: [
      { name: '行政行为规范', points: 3, office: '政策法规科', text: '行政行为规范有效，坚决杜绝因行政行为不当而发生的重大责任事故。' },
      {
        name: '奖励扶助政策兑现率',
        points: 4,
        office: '政策法规科',
        text: '各类奖励扶助政策兑现率100%；各类奖励扶助政策台帐完备，信息变更及时。',
        measured: { rule: '达标', target: 100, percent: true, model: rate(1, 15, 1.2, 96, 100), why: '一项比率，原文要求100%，达到得满分，否则不得分' },
      },
      { name: '信访维稳', points: 1, office: '政策法规科', text: '信访维稳：认真接待计生信访群众，及时办理各类信访事项，防止重大信访事件的发生。' },
      { name: '社会抚养费征收管理', points: 4, office: '政策法规科', difficulty: -0.06, text: '社会抚养费征收管理：1、加大对尚未处理违法生育社会抚养费的征收力度。2、当年违法生育立案率在90%以上。3、社会抚养费征收到位率在80%以上。4、社会抚养费征收管理程序规范，征收决定书必须由区卫计局出具，出具财政非税收入专用票据，严禁随意降低征收标准。' },
      { name: '再生育一孩审批', points: 2, office: '政策法规科', text: '再生育一孩审批：1、各类材料真实、齐全，适用条款准确。2、材料报送及时。3、公示程序、群众反馈、证书送达及时有效。4、严禁材料弄虚作假。' },
      { name: '生育服务联系单办理', points: 3, office: '政策法规科', text: '生育服务联系单办理：1、各类材料真实、齐全，并及时做好归档工作。2、严禁材料弄虚作假。' },
    ],
  },
  {
    name: '信息化建设',
    cell: '信息\n化建\n设\n（15）',
    subtotal: 15,
    method: '查看系统、现场查看、台账',
    items: [
      { name: '数据质量', points: 7, office: '基层指导科', difficulty: -0.06, text: '数据质量：1、信息覆盖率 95%以上。2、信息完整率95%以上。3、逻辑关系准确率95%以上。4、上报及时率95%以上。5、定期上报各类报表并按要求归档。' },
      {
        name: '村级系统应用覆盖率',
        points: 1,
        office: '基层指导科',
        text: '系统运用：村（社区）级系统应用覆盖率100%。',
        measured: { rule: '达标', target: 100, percent: true, model: rate(1.5, 15, 1.5, 93, 100), why: '一项比率，原文要求100%' },
      },
      { name: '部门信息共享', points: 3, office: '基层指导科', text: '部门信息共享：定期获取公安户口申报，卫生接产、四项手术信息，防疫接种信息。及时核查婚、育、节育各类信息并做好入库或者备注工作，需要交接的信息务必及时做好交接工作。' },
      { name: '依法行政信息平台', points: 2, office: '政策法规科', text: '依法行政信息平台：1、《独生子女父母光荣证》、《常州市生育服务联系单》《再生育审批》系统运行正常，所有材料均入系统并实现打印。2、生育服务联系单核查率达100%。' },
      { name: '信息引导服务', points: 1, office: '基层指导科', text: '信息引导服务：按随访服务规范定期输出各类服务名单。' },
      { name: '培训与调查分析', points: 1, office: '基层指导科', text: '培训与调查分析：坚持统计例会，加强基层人员的业务培训。做好年报分析工作。' },
    ],
  },
  {
    name: '宣传',
    cell: '宣传（12）',
    subtotal: 12,
    method: '台账、工作评估',
    items: [
      {
        name: '区级以上网站录用信息',
        points: 3,
        office: '办公室',
        text: '做好新闻宣传和社会宣传工作，把握正确的舆论导向。每年区级以上网站录用信息至少5篇。',
        measured: { rule: '比例', target: 5, percent: false, model: rate(0.5, 25, 2.5, 1, 15, 0), why: '一个篇数，原文要求每年至少5篇；按完成比例得分，封顶满分' },
      },
      { name: '婚育新风进万家', points: 2, office: '办公室', text: '深入开展婚育新风进万家活动，推进青少年健康人格教育，全年大型主题宣传活动3次以上，人口与计划生育知识知晓率达95%。' },
      { name: '政策宣传与标语规范', points: 3, office: '办公室', text: '做好生育政策、人口计生利益导向的宣传工作，及时对我区范围内计划生育政策宣传标语标志清理规范，促进计划生育家庭健康发展。' },
      {
        name: '人口文化建设达标率',
        points: 2,
        office: '办公室',
        text: '人口文化建设达标率95%以上（包括人口文化宣传阵地建设达标率、新农村新家庭计划创建率、家庭人口文化知识普及率）。',
        measured: { rule: '达标', target: 95, percent: true, model: rate(1, 20, 2, 88, 100), why: '一项综合比率，原文给出95%' },
      },
      { name: '幸福家庭建设', points: 2, office: '政策法规科', text: '推进幸福家庭建设，围绕“人人健康、家家幸福”的目标，落实人口素质提升、家庭健康促进、家庭发展扶助、和谐家园推进和家庭文化建设五大行动。' },
    ],
  },
  {
    name: '人口家庭公共服务',
    cell: '人口家庭公共服务（2）',
    subtotal: 2,
    method: '现场查看',
    items: [
      { name: '服务站规范与服务达标', points: 2, office: '妇幼健康科', text: '服务站环境整洁，工作人员统一着装上岗，统一佩戴工作胸卡；按需提供婴幼儿早教、青春期教育、更年期老年保健。深入开展健康促进工作，妇幼保健和计划生育服务达标率95%以上。' },
    ],
  },
  {
    name: '出生缺陷干预',
    cell: '出生缺陷干预（3）',
    subtotal: 3,
    method: '台账',
    items: [
      {
        name: '孕前优生健康检查覆盖率',
        points: 3,
        office: '妇幼健康科',
        text: '孕前优生健康检查覆盖率90%以上，掌握辖区符合条件人员，开展优生优育知识宣传培训2次，积极主动组织孕优项目发动及人员参检，开展孕优早孕及妊娠结局随访，孕优家庭档案填写完整。',
        measured: { rule: '扣分', step: 0.5, target: 90, percent: true, model: rate(1.5, 30, 3, 80, 100), why: '核心是一项覆盖率，原文给出90%；每低1个百分点扣0.5分（幅度为示例）' },
      },
    ],
  },
  {
    name: '家庭健康保健行动',
    cell: '家庭健康保健行动（6）',
    subtotal: 6,
    method: '台账、现场查看、问卷调查',
    items: [
      { name: '知情选择与随访服务', points: 2, office: '妇幼健康科', text: '积极开展随访服务，知情选择率、随访服务率在90%以上。' },
      { name: '妇女病检查组织发动', points: 1, office: '妇幼健康科', text: '配合做好妇女病检查（RTI工程）组织发动工作，有工作安排、实施进度，有人员及经费等。' },
      { name: '药具服务', points: 3, office: '妇幼健康科', difficulty: -0.04, text: '药具服务：有独立药具仓库，药具堆放符合规定，药具配备齐全，无过期药品，药具账物一致。能够熟练使用药具信息系统，开展村（社区）药管员培训，配备并能综合使用知情指导模具，开展药具宣传，鼓励使用长效避孕措施。规范填写知情同意书。开展药具不良反应/事件监测上报。' },
    ],
  },
  {
    name: '流动人口服务管理',
    cell: '流动人口\n服务管理\n（19）',
    subtotal: 19,
    method: '台账',
    items: [
      { name: '流动人口信息系统应用', points: 5, office: '流动人口科', text: '加强江苏省流动人口卫生计生服务管理信息系统应用，按时完成系统内所有数据的信息核查工作，流动人口的入库率、完整率和准确率在95%以上。定期上报各类报表并按要求归档。' },
      { name: '区域协作', points: 3, office: '流动人口科', text: '加强区域协作，确保省系统通报协查信息反馈及时率、网络化协作接收及时率达95%，落实好国家婚育证明电子化工作，按要求及时定期向户籍地卫生和计划生育部门通报流动人口生育情况，配合做好相关工作。' },
      { name: '流动人口均等化服务', points: 5, office: '流动人口科', text: '按要求完成2016年流动人口计生服务管理各项主题活动。全面落实流动人口基本公共卫生计生均等化服务项目，流动人口计划生育技术指导咨询服务覆盖率达到95%，计划生育免费技术服务率达100%，流动人口服务管理率达95%。' },
      { name: '流动人口动态监测', points: 3, office: '流动人口科', difficulty: -0.05, text: '规范有序开展流动人口动态监测工作，在规定时间内认真完成调查对象名单上报、入户调查、录入数据等各阶段工作，并确保各项工作零差错。' },
      { name: '流动人口子女积分入学', points: 3, office: '流动人口科、政策法规科', text: '严格执行武进区流动人口子女积分入学管理实施细则，认真审核计划生育证明材料，正确操作积分入学系统，认真接待信访群众，确保及时、准确、高效完成工作任务，坚决杜绝因行政行为不当而发生的重大责任事件。' },
    ],
  },
  {
    name: '协会建设',
    cell: '协会建设（10）',
    subtotal: 10,
    method: '现场查看、台账',
    items: [
      {
        name: '协会会员占总人口比例',
        points: 2,
        office: '计生协',
        text: '组织健全，镇、村协会及时换届，会员总人数占总人口比例10%以上。流动人口协会成立达到要求。',
        measured: { rule: '达标', target: 10, percent: true, model: rate(0.6, 10, 0.8, 6, 13), why: '一个比例，原文给出10%以上' },
      },
      { name: '协会工作台账', points: 2, office: '计生协', text: '建好协会工作台帐，协会资料、报表归档。' },
      { name: '失独家庭数据库', points: 2, office: '计生协', text: '完善失独家庭数据库，数据及时更新' },
      { name: '协会制度建设', points: 2, office: '计生协', text: '制度完善：例会制度、培训制度、民主参与和民主监督制度、理事会员联系户制度、评比表彰制度。' },
      { name: '协会特色服务', points: 2, office: '计生协', text: '搞好服务：1、成立“爱心家园”。为特殊家庭组织志愿者结对服务，并建档。服务2次以上。2、引导群众少生快富，镇、村协会有扶贫帮困对象5户以上。3、提高人口素质，开展0-3岁早期教育活动2次以上。' },
    ],
  },
];

export interface BonusItem {
  readonly name: string;
  readonly points: number;
  readonly text: string;
}

// seed 001 附件2 亮点工作: one row per distinct award (the seed numbers two entries 7 and ends with 9、其他).
export const WUJIN_BONUS: readonly BonusItem[] = [
  { name: '国家级表彰', points: 3, text: '获得国家级表彰加3分。' },
  { name: '省级表彰', points: 2, text: '获得省级表彰加2分。' },
  { name: '市级综合类表彰', points: 1, text: '获得市级综合类表彰加1分。' },
  { name: '区级部门联合表彰', points: 1, text: '获得区级部门联合表彰加1分。' },
  { name: '提供工作现场或宣传典型', points: 1, text: '为上级提供计划生育工作现场、提供电视电台专题片宣传典型及资料加1分。' },
  { name: '国家级刊物发表', points: 3, text: '信息在国家级刊物发表加3分。' },
  { name: '省级刊物发表', points: 2, text: '信息在省级刊物发表加2分。' },
  { name: '市级刊物发表', points: 1, text: '信息在市级以上刊物发表加1分。' },
  { name: '生育关怀项目点', points: 2, text: '建立省、市、区“生育关怀项目点”加2分。' },
  { name: '春晖家园项目点', points: 2, text: '建立“春晖家园项目点”加2分。' },
  { name: '流动人口服务管理示范市场', points: 2, text: '创建成“常州市流动人口服务管理示范市场”的加2分。' },
  { name: '示范市场大型宣传服务活动', points: 2, text: '常州市流动人口服务管理示范市场和康健驿站一年开展2次以上大型宣传服务活动加2分。' },
  { name: '孕前优生健康检查完成下达指标', points: 2, text: '免费孕前优生健康检查完成区下达指标加2分。' },
  { name: '人口信息排队摸底', points: 1, text: '开展人口信息排队摸底工作的加1分。' },
];

const BONUS_CATEGORY = '亮点工作加分';

function wujinUnitsFile(): DataFile {
  const rows: Row[] = [['单位', '类型', '人口', '区县']];
  for (const u of WUJIN_UNITS) rows.push([u.name, u.kind, thousands(u.population), '武进区']);
  return csvFile('demo/wujin/武进区单位.csv', rows, { encoding: 'utf8-bom', crlf: true });
}

function wujinRubricFile(): DataFile {
  const header = ['项目', '指标', ...RUBRIC_RULE_HEADERS, '考核方式', '责任科室', '考核内容', '年度', '类型'];
  const rows: Row[] = [
    ['附件2：'],
    ['武进区2016年人口和计划生育工作岗位责任百分考核办法'],
    header,
  ];
  for (const cat of WUJIN_RUBRIC) {
    cat.items.forEach((item, i) => {
      const rule: RuleCells = item.measured ?? { rule: '评估打分' };
      rows.push([i === 0 ? cat.cell : '', item.name, ...ruleCells(item.points, rule), cat.method, item.office, item.text, '', '']);
    });
  }
  WUJIN_BONUS.forEach((b, i) => {
    rows.push([i === 0 ? BONUS_CATEGORY : '', b.name, ...ruleCells(b.points, { rule: '加分' }), '台账', '', b.text, '', '']);
  });
  rows.push([]);
  rows.push(['注：亮点工作加分项目的分值为单项最高加分，不计入100分；加分合计上限见设置（bonus_cap）。']);
  rows.push(['注：指标简称、评分方法、扣分标准为整理时所加，其余取自原文件（附件2）。']);
  return csvFile('demo/wujin/武进区考核细则.csv', rows, { encoding: 'utf8-bom', crlf: true, excelPadding: true });
}

function wujinMeasuredItems(): WujinItem[] {
  return WUJIN_RUBRIC.flatMap((c) => c.items).filter((i) => i.measured !== undefined);
}

// Illustrative per-unit targets: the seat is asked for more reports; the zone has many migrants.
const WUJIN_UNIT_TARGETS: readonly (readonly [number, string, string, string])[] = [
  [2018, '湖塘镇', '区级以上网站录用信息', '8'],
  [2019, '湖塘镇', '区级以上网站录用信息', '8'],
  [2019, '高新区北区', '协会会员占总人口比例', '8'],
];

function wujinTargetsFile(): DataFile {
  const rows: Row[] = [['年度', '单位', '指标', '目标']];
  for (const year of WUJIN_YEARS) {
    for (const item of wujinMeasuredItems()) rows.push([String(year), '', item.name, String(item.measured?.target)]);
    for (const [y, unit, name, target] of WUJIN_UNIT_TARGETS) if (y === year) rows.push([String(y), unit, name, target]);
  }
  return csvFile('demo/wujin/武进区目标值.csv', rows);
}

function wujinTarget(year: number, unit: string, item: WujinItem): number {
  const own = WUJIN_UNIT_TARGETS.find(([y, u, n]) => y === year && u === unit && n === item.name);
  return own ? Number(own[3]) : (item.measured?.target ?? 0);
}

const DEDUCTION_REASONS: Readonly<Record<string, readonly string[]>> = {
  台账: ['台账不完整', '台帐记载不全', '资料归档不及时'],
  现场查看: ['现场查看发现问题', '服务阵地不规范'],
  查看系统: ['系统数据有错项', '信息更新不及时'],
  工作评估: ['工作推进不够有力', '部分工作未按时完成'],
  问卷调查: ['问卷满意度偏低'],
};

function deductionNote(method: string, deduction: number, key: string): string {
  if (deduction < 0.5 || rand(`${key}|note`) > 0.3) return '';
  const reasons = Object.entries(DEDUCTION_REASONS)
    .filter(([m]) => method.includes(m))
    .flatMap(([, r]) => r);
  return `${pick(`${key}|reason`, reasons)}，扣${fmt(deduction, 1)}分`;
}

// Synthetic: 2017 遥观镇 sent nothing for two small items (缺报): their rows are absent, as in a
// real export, and the engine flags them.
const WUJIN_MISSING: readonly (readonly [number, string, string])[] = [
  [2017, '遥观镇', '信息引导服务'],
  [2017, '遥观镇', '培训与调查分析'],
];

// Synthetic bonus claims: [year, unit, bonus item, note]. 湖塘镇 2019 claims 6 > bonus_cap 5.
const WUJIN_BONUS_CLAIMS: readonly (readonly [number, string, string, string])[] = [
  [2016, '湖塘镇', '省级表彰', '获省计生协先进集体'],
  [2016, '横山桥镇', '市级刊物发表', ''],
  [2017, '西湖街道', '生育关怀项目点', '区级项目点'],
  [2017, '礼嘉镇', '提供工作现场或宣传典型', '市级现场会'],
  [2018, '湖塘镇', '市级综合类表彰', ''],
  [2018, '遥观镇', '流动人口服务管理示范市场', ''],
  [2018, '前黄镇', '孕前优生健康检查完成下达指标', ''],
  [2019, '湖塘镇', '省级表彰', ''],
  [2019, '湖塘镇', '省级刊物发表', ''],
  [2019, '湖塘镇', '春晖家园项目点', ''],
  [2019, '湟里镇', '生育关怀项目点', '新建项目点'],
  [2019, '前黄镇', '人口信息排队摸底', ''],
];

function isMissing(year: number, unit: UnitProfile, item: WujinItem): boolean {
  return WUJIN_MISSING.some(([y, u, n]) => y === year && u === unit.name && n === item.name);
}

function wujinResultRow(year: number, unit: UnitProfile, cat: WujinCategory, item: WujinItem): Row {
  const key = `wujin|${year}|${unit.name}|${item.name}`;
  const q = quality(unit, year, 2016) + (item.difficulty ?? 0) + jitter(key, 0.06);
  const m = item.measured;
  if (!m) {
    const score = inspectorScore(item.points, q, key);
    return [String(year), unit.name, item.name, fmt(score, 1), deductionNote(cat.method, item.points - score, key)];
  }
  const value = rateActual(wujinTarget(year, unit.name, item), m.model, q, key);
  const text = fmt(value, m.model.decimals) + (m.percent && year === 2019 ? '%' : '');
  return [String(year), unit.name, item.name, text, ''];
}

function wujinResultsFile(year: number): DataFile {
  const rows: Row[] = [['年度', '单位', '指标', '完成值', '备注']];
  for (const unit of WUJIN_UNITS) {
    for (const cat of WUJIN_RUBRIC) {
      for (const item of cat.items) if (!isMissing(year, unit, item)) rows.push(wujinResultRow(year, unit, cat, item));
    }
    for (const [y, u, name, note] of WUJIN_BONUS_CLAIMS) {
      const bonus = WUJIN_BONUS.find((b) => b.name === name);
      if (y === year && u === unit.name && bonus) rows.push([String(y), u, name, String(bonus.points), note]);
    }
  }
  const excel = year === 2016;
  return csvFile(`demo/wujin/武进区${year}年考核结果.csv`, rows, excel ? { encoding: 'utf8-bom', crlf: true } : {});
}

function wujinFiles(): DataFile[] {
  return [
    wujinUnitsFile(),
    wujinRubricFile(),
    wujinTargetsFile(),
    ...WUJIN_YEARS.map(wujinResultsFile),
    csvFile('demo/wujin/一票否决.csv', [
      ['年度', '单位', '否决事由'],
      ['2018', '横林镇', '严重弄虚作假'],
    ]),
    settingsFile('demo/wujin/设置.csv', 5),
  ];
}

// ───────────────────────────── 新北区 (seed 000) ─────────────────────────────

export const XINBEI_UNITS: readonly UnitProfile[] = [
  { name: '春江镇', kind: '农村镇', population: 128600, base: 0.9, trend: 0 },
  { name: '孟河镇', kind: '农村镇', population: 76400, base: 0.83, trend: 0.05 },
  { name: '新桥镇', kind: '农村镇', population: 89100, base: 0.92, trend: 0 },
  { name: '薛家镇', kind: '农村镇', population: 84700, base: 0.89, trend: 0 },
  { name: '罗溪镇', kind: '农村镇', population: 52300, base: 0.88, trend: -0.08 },
  { name: '西夏墅镇', kind: '农村镇', population: 48900, base: 0.8, trend: 0 },
  { name: '奔牛镇', kind: '农村镇', population: 71200, base: 0.87, trend: 0 },
  { name: '河海街道', kind: '街道', population: 63500, base: 0.91, trend: 0 },
  { name: '三井街道', kind: '街道', population: 152800, base: 0.93, trend: 0 },
  { name: '龙虎塘街道', kind: '街道', population: 57400, base: 0.88, trend: 0 },
];

const XINBEI_UNIT_NAMES = XINBEI_UNITS.map((u) => u.name);

type Track = '政府考核指标' | '条线考核指标';

/** How a 新北 actual is made: a rate near its target, a quota count, a level, or a score. */
type XinbeiActual =
  | { readonly kind: 'rate'; readonly model: RateModel }
  | { readonly kind: 'quota' }
  | { readonly kind: 'count'; readonly model: RateModel }
  | { readonly kind: 'level'; readonly good: string; readonly exceptions: Readonly<Record<number, Readonly<Record<string, string>>>> }
  | { readonly kind: 'score' };

export interface XinbeiIndicator extends RuleCells {
  readonly track: Track;
  /** seed 000 附件2: the group cell (merged down the group's rows in the seed). */
  readonly group?: string;
  /** As seed 000 writes it (line breaks kept). */
  readonly raw: string;
  /** The normalised name the rubric uses. */
  readonly name: string;
  /** One target for every unit, or one per unit in seed order. */
  readonly target: string | readonly string[];
  /** Exported as Excel exports a merged cell: first unit column only. */
  readonly merged?: boolean;
  readonly points: number;
  readonly actual: XinbeiActual;
  readonly target2019?: string;
  readonly note?: string;
}

const SEX_RATIO_LEVELS = '基本正常=1;偏高=0.5;严重偏高=0';
const HONOUR_LEVELS = '全面兑现=1;基本兑现=0.6;未兑现=0';
const TEAM_STANDARD =
  '镇（街道）计生服务管理工作人员80%达到大专以上学历，其中大学本科以上学历不低于50%，村级计生专干全部达到高中以上文化程度，不断提高队伍职业化水平。';
const ASSOCIATION_STANDARD = '协会网络完善群众自治活动正常，会员比例占总人口10%。';

const pct = (lift: number, slope: number, amp: number, min: number): XinbeiActual => ({
  kind: 'rate',
  model: rate(lift, slope, amp, min, 100),
});

// seed 000 附件1 and 附件2: rows, names, targets. Points and rules are ours (illustrative).
export const XINBEI_INDICATORS: readonly XinbeiIndicator[] = [
  { track: '政府考核指标', raw: '出生政策符合率%', name: '出生政策符合率', target: '99', points: 10, rule: '扣分', step: 1, actual: pct(0.3, 8, 0.6, 96) },
  { track: '政府考核指标', raw: '孕前优生健康\n检查覆盖率%', name: '孕前优生健康检查覆盖率', target: '90', points: 6, rule: '扣分', step: 0.5, actual: pct(1.5, 30, 3, 80), target2019: '92' },
  {
    track: '政府考核指标',
    raw: '出生人口性别比',
    name: '出生人口性别比',
    target: '基本正常',
    points: 6,
    rule: '定性',
    levels: SEX_RATIO_LEVELS,
    actual: { kind: 'level', good: '基本正常', exceptions: { 2018: { 奔牛镇: '偏高' }, 2019: { 罗溪镇: '偏高' } } },
  },
  { track: '政府考核指标', raw: '流动人口服务管理率%', name: '流动人口服务管理率', target: '95', points: 6, rule: '扣分', step: 1, actual: pct(0.8, 15, 1.5, 88) },
  { track: '政府考核指标', raw: '妇幼保健和计划生育服务达标率%', name: '妇幼保健和计划生育服务达标率', target: '95', points: 6, rule: '达标', actual: pct(1, 15, 1.5, 88) },
  { track: '政府考核指标', raw: '人口信息化建设指数%', name: '人口信息化建设指数', target: '95', points: 5, rule: '扣分', step: 0.5, actual: pct(0.8, 15, 1.8, 86) },
  {
    track: '政府考核指标',
    raw: '计生奖励优惠政策兑现',
    name: '计生奖励优惠政策兑现',
    target: '全面兑现',
    points: 5,
    rule: '定性',
    levels: HONOUR_LEVELS,
    actual: { kind: 'level', good: '全面兑现', exceptions: { 2018: { 西夏墅镇: '基本兑现' }, 2019: { 罗溪镇: '基本兑现' } } },
  },
  {
    track: '政府考核指标',
    raw: '计生事业经费',
    name: '计生事业经费',
    target: '按标准投入到位',
    merged: true,
    points: 3,
    rule: '达标',
    actual: { kind: 'level', good: '按标准投入到位', exceptions: { 2019: { 罗溪镇: '未按标准投入到位' } } },
  },
  {
    track: '政府考核指标',
    raw: '计生队伍建设',
    name: '计生队伍建设',
    target: '达标',
    points: 3,
    rule: '达标',
    actual: { kind: 'level', good: '达标', exceptions: { 2018: { 西夏墅镇: '未达标' } } },
    note: `达标标准：${TEAM_STANDARD}`,
  },
  { track: '条线考核指标', raw: '计生依法行政工作达标率%', name: '计生依法行政工作达标率', target: '95', points: 4, rule: '达标', actual: pct(1.2, 15, 1.5, 88) },
  {
    track: '条线考核指标',
    raw: '孕前优生健康检查人数（300对）',
    name: '孕前优生健康检查人数',
    target: ['60', '20', '30', '30', '15', '15', '15', '25', '65', '25'],
    points: 5,
    rule: '比例',
    actual: { kind: 'quota' },
    target2019: '=prev*1.05',
    note: '全区300对，按镇（街道）分解',
  },
  {
    track: '条线考核指标',
    group: '家庭健康服务',
    raw: '婴幼儿早期发展项目、青少年健康援助项目、老年\n健康保健及计生困难家庭养老帮扶项目覆盖率%',
    name: '婴幼儿早期发展项目、青少年健康援助项目、老年健康保健及计生困难家庭养老帮扶项目覆盖率',
    target: '90',
    points: 3,
    rule: '扣分',
    step: 0.5,
    actual: pct(1.5, 25, 2.5, 80),
  },
  { track: '条线考核指标', group: '家庭健康服务', raw: '计生药具服务率%', name: '计生药具服务率', target: '90', points: 3, rule: '达标', actual: pct(2, 25, 2.5, 82) },
  { track: '条线考核指标', group: '家庭健康服务', raw: '随访服务率%', name: '随访服务率', target: '95', points: 3, rule: '扣分', step: 0.5, actual: pct(0.8, 15, 1.5, 88) },
  {
    track: '条线考核指标',
    group: '流动人口服务管理率%',
    raw: '信息入库率、流动人口出生政策符合率%',
    name: '信息入库率、流动人口出生政策符合率',
    target: '95',
    points: 3,
    rule: '扣分',
    step: 0.5,
    actual: pct(0.8, 15, 1.5, 88),
  },
  { track: '条线考核指标', group: '流动人口服务管理率%', raw: '流动人口聚集地计生协会覆盖率%', name: '流动人口聚集地计生协会覆盖率', target: '95', points: 3, rule: '达标', actual: pct(1, 15, 2, 86) },
  { track: '条线考核指标', group: '流动人口服务管理率%', raw: '基本公共卫生计生服务均等化达标率%', name: '基本公共卫生计生服务均等化达标率', target: '93', points: 3, rule: '达标', actual: pct(1.5, 15, 2, 85) },
  {
    track: '条线考核指标',
    raw: '独生子女父母奖励金、计生免费技术服务政策、计生奖扶、特别扶助、城镇持证退休职工一次性奖励、计生手术并发症纳入特扶制度、计生公益金落实率%',
    name: '独生子女父母奖励金、计生免费技术服务政策、计生奖扶、特别扶助、城镇持证退休职工一次性奖励、计生手术并发症纳入特扶制度、计生公益金落实率',
    target: '100',
    points: 4,
    rule: '达标',
    actual: pct(1, 12, 1, 96),
  },
  { track: '条线考核指标', group: '人口信息化建设', raw: '出生人口统计准确率%', name: '出生人口统计准确率', target: '99', points: 4, rule: '扣分', step: 1, actual: pct(0.3, 8, 0.6, 96) },
  {
    track: '条线考核指标',
    group: '人口信息化建设',
    raw: '人口覆盖率、个案数据质量达标率、\n信息化应用覆盖率%',
    name: '人口覆盖率、个案数据质量达标率、信息化应用覆盖率',
    target: '95',
    points: 3,
    rule: '达标',
    actual: pct(1, 15, 1.8, 87),
  },
  {
    track: '条线考核指标',
    raw: '人口文化宣传阵地建设达标率、幸福家庭工作覆盖率、家庭人口文化知识普及率%',
    name: '人口文化宣传阵地建设达标率、幸福家庭工作覆盖率、家庭人口文化知识普及率',
    target: '95',
    points: 3,
    rule: '达标',
    actual: pct(1, 15, 1.8, 87),
  },
  { track: '条线考核指标', raw: '群众满意率%', name: '群众满意率', target: '95', points: 4, rule: '扣分', step: 0.5, actual: pct(0.5, 15, 2, 85), target2019: '96' },
  { track: '条线考核指标', raw: '信息报道（积分）', name: '信息报道', target: '60', points: 3, rule: '比例', actual: { kind: 'count', model: rate(2, 150, 12, 20, 110, 0) } },
  {
    track: '条线考核指标',
    raw: '协会组织建设',
    name: '协会组织建设',
    target: ASSOCIATION_STANDARD,
    points: 2,
    rule: '评估打分',
    actual: { kind: 'score' },
    note: `目标为文字标准，由检查组评估打分：${ASSOCIATION_STANDARD}`,
  },
];

const XINBEI_BONUS: BonusItem = { name: '亮点工作', points: 3, text: '亮点工作、创新及特色工作加分（示例，原文件无此项）。' };

function xinbeiTargetCells(ind: XinbeiIndicator): string[] {
  const target = ind.target;
  if (typeof target !== 'string') return [...target];
  if (ind.merged) return [target, ...Array<string>(XINBEI_UNIT_NAMES.length - 1).fill('')];
  return XINBEI_UNIT_NAMES.map(() => target);
}

// seed 000 附件1: Word table pasted into Excel, saved as "CSV UTF-8" (BOM, CRLF).
function xinbeiGovTargetsFile(): DataFile {
  const rows: Row[] = [
    ['附件1'],
    ['新北区各镇（街道）2018年计划生育目标任务'],
    [],
    ['(政府考核指标)'],
    ['单位                 内容', ...XINBEI_UNIT_NAMES],
  ];
  for (const ind of XINBEI_INDICATORS.filter((i) => i.track === '政府考核指标')) rows.push([ind.raw, ...xinbeiTargetCells(ind)]);
  rows.push([`注：计生队伍建设达标：${TEAM_STANDARD}`]);
  return csvFile('demo/xinbei/新北区各镇（街道）2018年计划生育目标任务（政府考核指标）.csv', rows, {
    encoding: 'utf8-bom',
    crlf: true,
    excelPadding: true,
  });
}

// seed 000 附件2 header cells, as written there (trailing space, line breaks).
const LINE_TRACK_UNIT_CELLS = ['春江镇', '孟河镇', '新桥镇', '薛家镇', '罗溪镇', '西夏墅镇', '奔牛镇 ', '河海\n街道', '三井\n街道', '龙虎塘\n街道'];

// seed 000 附件2: category column merged down (blank below its first row); saved by WPS as GB18030, CRLF.
function xinbeiLineTargetsFile(): DataFile {
  const rows: Row[] = [
    ['附件2'],
    [],
    ['新北区各镇（街道）2018年计划生育目标任务'],
    [' (条线考核指标)'],
    ['内容                        单位', '', ...LINE_TRACK_UNIT_CELLS],
  ];
  let previous: string | undefined;
  for (const ind of XINBEI_INDICATORS.filter((i) => i.track === '条线考核指标')) {
    rows.push([ind.group !== previous ? (ind.group ?? '') : '', ind.raw, ...xinbeiTargetCells(ind)]);
    previous = ind.group;
  }
  return csvFile('demo/xinbei/新北区各镇（街道）2018年计划生育目标任务（条线考核指标）.csv', rows, {
    encoding: 'gb18030',
    crlf: true,
    excelPadding: true,
  });
}

function xinbeiUnitsFile(): DataFile {
  const rows: Row[] = [['单位', '类型', '人口', '区县']];
  for (const u of XINBEI_UNITS) rows.push([u.name, u.kind, String(u.population), '新北区']);
  return csvFile('demo/xinbei/新北区单位.csv', rows);
}

function xinbeiRubricFile(): DataFile {
  const rows: Row[] = [['考核类别', '项目', '指标', ...RUBRIC_RULE_HEADERS, '考核内容']];
  for (const ind of XINBEI_INDICATORS) {
    const category = ind.group ? normaliseForRubric(ind.group) : ind.track;
    const note = ['分值为示例，原文件未列分值', ind.note].filter(Boolean).join('；');
    const numeric = typeof ind.target !== 'string' || !Number.isNaN(Number(ind.target));
    rows.push([ind.track, category, ind.name, ...ruleCells(ind.points, ind, numeric), note]);
  }
  rows.push(['', BONUS_CATEGORY, XINBEI_BONUS.name, ...ruleCells(XINBEI_BONUS.points, { rule: '加分' }), XINBEI_BONUS.text]);
  return csvFile('demo/xinbei/新北区考核细则.csv', rows);
}

/** Group cells in the rubric drop the unit of measure, as the importer does: 流动人口服务管理率% → 流动人口服务管理率. */
function normaliseForRubric(cell: string): string {
  return cell.replace(/\s+/g, '').replace(/%$/, '');
}

// Written by hand in Excel: a couple of names keep their unit, as analysts type them.
const XINBEI_2019_SPELLINGS: Readonly<Record<string, string>> = {
  出生政策符合率: '出生政策符合率（%）',
  群众满意率: '群众满意率%',
};

function xinbeiTargets2019File(): DataFile {
  const rows: Row[] = [['年度', '单位', '指标', '目标']];
  for (const ind of XINBEI_INDICATORS) {
    const name = XINBEI_2019_SPELLINGS[ind.name] ?? ind.name;
    const target = ind.target2019 ?? ind.target;
    if (typeof target === 'string') rows.push(['2019', '', name, target]);
    else target.forEach((t, i) => rows.push(['2019', XINBEI_UNIT_NAMES[i] ?? '', name, t]));
  }
  return csvFile('demo/xinbei/新北区2019年目标任务.csv', rows);
}

function xinbeiQuota(unitIndex: number): number {
  const ind = XINBEI_INDICATORS.find((i) => i.actual.kind === 'quota');
  const cell = ind && typeof ind.target !== 'string' ? ind.target[unitIndex] : undefined;
  return Number(cell ?? 0);
}

function xinbeiUnit(unitIndex: number): UnitProfile {
  const unit = XINBEI_UNITS[unitIndex];
  if (!unit) throw new Error(`no 新北 unit ${unitIndex}`);
  return unit;
}

/** The unit's quality on this indicator this year, and the key its noise hangs on. */
function xinbeiDraw(year: number, unitIndex: number, name: string): { q: number; key: string } {
  const unit = xinbeiUnit(unitIndex);
  const key = `xinbei|${year}|${unit.name}|${name}`;
  return { q: quality(unit, year, 2018) + jitter(key, 0.05), key };
}

function xinbeiNumericTarget(year: number, ind: XinbeiIndicator): number {
  const t = year >= 2019 && ind.target2019 !== undefined ? ind.target2019 : ind.target;
  return Number(typeof t === 'string' ? t : 0);
}

function xinbeiActual(year: number, unitIndex: number, ind: XinbeiIndicator): string {
  const { q, key } = xinbeiDraw(year, unitIndex, ind.name);
  const a = ind.actual;
  switch (a.kind) {
    case 'rate':
      return fmt(rateActual(xinbeiNumericTarget(year, ind), a.model, q, key), a.model.decimals);
    case 'count':
      return fmt(rateActual(xinbeiNumericTarget(year, ind), a.model, q, key), 0);
    case 'level':
      return a.exceptions[year]?.[xinbeiUnit(unitIndex).name] ?? a.good;
    case 'score':
      return fmt(inspectorScore(ind.points, q, key), 1);
    case 'quota':
      return String(xinbeiQuotaActual(year, unitIndex, ind.name));
  }
}

/** 2018 near the seed's quota; 2019 near 1.05 × 2018 (the 2019 target is `=prev*1.05`). */
function xinbeiQuotaActual(year: number, unitIndex: number, name: string): number {
  const { q, key } = xinbeiDraw(year, unitIndex, name);
  const base = year <= 2018 ? xinbeiQuota(unitIndex) : 1.05 * xinbeiQuotaActual(year - 1, unitIndex, name);
  return Math.max(1, Math.round(base * (1 + (q - 0.9) * 0.6 + jitter(`${key}|n`, 0.06))));
}

// Synthetic bonus claims (亮点工作), [year, unit, points, note].
const XINBEI_BONUS_CLAIMS: readonly (readonly [number, string, string, string])[] = [
  [2018, '新桥镇', '1', '市级示范点'],
  [2018, '三井街道', '2', '省级表彰'],
  [2019, '三井街道', '3', '国家级经验交流'],
  [2019, '孟河镇', '2', '省级项目点'],
];

// Synthetic 2018 results, typed into a copy of the target tables (row labels kept, units as columns, UTF-8).
function xinbeiResults2018File(): DataFile {
  const rows: Row[] = [
    ['新北区各镇（街道）2018年计划生育工作完成情况（示例数据）'],
    ['内容＼单位', ...XINBEI_UNIT_NAMES],
  ];
  for (const ind of XINBEI_INDICATORS) {
    rows.push([ind.raw, ...XINBEI_UNIT_NAMES.map((_, i) => xinbeiActual(2018, i, ind))]);
  }
  const bonus = XINBEI_UNIT_NAMES.map((u) => XINBEI_BONUS_CLAIMS.find(([y, cu]) => y === 2018 && cu === u)?.[2] ?? '');
  rows.push([XINBEI_BONUS.name, ...bonus]);
  return csvFile('demo/xinbei/新北区2018年目标任务完成情况.csv', rows, { excelPadding: true });
}

function xinbeiResults2019File(): DataFile {
  const rows: Row[] = [['年度', '单位', '指标', '完成值', '备注']];
  XINBEI_UNIT_NAMES.forEach((unit, i) => {
    for (const ind of XINBEI_INDICATORS) rows.push(['2019', unit, ind.name, xinbeiActual(2019, i, ind), '']);
    for (const [y, u, points, note] of XINBEI_BONUS_CLAIMS) if (y === 2019 && u === unit) rows.push(['2019', u, XINBEI_BONUS.name, points, note]);
  });
  return csvFile('demo/xinbei/新北区2019年考核结果.csv', rows);
}

function xinbeiFiles(): DataFile[] {
  return [
    xinbeiUnitsFile(),
    xinbeiGovTargetsFile(),
    xinbeiLineTargetsFile(),
    xinbeiRubricFile(),
    xinbeiTargets2019File(),
    xinbeiResults2018File(),
    xinbeiResults2019File(),
    csvFile('demo/xinbei/新北区一票否决.csv', [
      ['年度', '单位', '否决事由'],
      ['2019', '罗溪镇', '主要目标任务未完成'],
    ]),
    settingsFile('demo/xinbei/设置.csv', 3),
  ];
}

// ───────────────────────────── catalogue and templates ─────────────────────────────

const DEMOS = [
  {
    id: 'wujin',
    default: true,
    title: { 'zh-CN': '武进区 2016–2019（示例数据）', en: 'Wujin District 2016–2019 (sample data)' },
    note: {
      'zh-CN':
        '考核细则（10个项目、39个考核内容、100分及亮点工作加分）取自武进区2016年人口和计划生育工作岗位责任百分考核办法，17个单位取自检查日程表；指标简称与评分方法为整理所加；单位类型、人口、2016–2019年完成情况、加分申报与一票否决均为合成数据，仅供演示。',
      en: 'The rubric (10 categories, 39 items, 100 points, and the highlight bonuses) is taken from Wujin District’s 2016 100-point assessment method, and the 17 units from its inspection schedule; the short indicator names and scoring rules were added by us; unit kinds, populations, the 2016–2019 results, bonus claims and the veto are synthetic, for demonstration only.',
    },
  },
  {
    id: 'xinbei',
    default: false,
    title: { 'zh-CN': '新北区 2018–2019（示例数据）', en: 'Xinbei District 2018–2019 (sample data)' },
    note: {
      'zh-CN':
        '2018年目标任务（政府考核指标、条线考核指标两张宽表）取自新北区2018年计划生育目标任务；分值、评分方法、2019年目标调整、单位人口、2018–2019年完成情况、加分与一票否决均为合成数据，仅供演示。',
      en: 'The 2018 targets (two wide tables: government and line tracks) are taken from Xinbei District’s 2018 family-planning target tasks; points, scoring rules, the 2019 target changes, populations, the 2018–2019 results, bonus claims and the veto are synthetic, for demonstration only.',
    },
  },
] as const;

function demosFile(): DataFile {
  return { path: 'demo/demos.json', text: JSON.stringify(DEMOS, null, 2) + '\n', encoding: 'utf8' };
}

function templateFiles(): DataFile[] {
  const t = (name: string, rows: Row[]): DataFile => csvFile(`templates/${name}`, rows);
  return [
    t('units.csv', [
      ['单位', '类型', '人口', '区县'],
      ['湖塘镇', '城关镇', '186500', '武进区'],
      ['礼嘉镇', '农村镇', '62400', '武进区'],
      ['西湖街道', '街道', '38100', '武进区'],
    ]),
    t('rubric.csv', [
      ['指标', '项目', '考核类别', ...RUBRIC_RULE_HEADERS, '考核方式', '责任科室', '考核内容', '年度', '类型'],
      ['出生政策符合率', '领导重视', '政府考核指标', ...ruleCells(3, { rule: '扣分', step: 1 }), '台账', '基层指导科', '出生政策符合率在99%以上，每低1个百分点扣1分', '', ''],
      ['出生人口性别比', '综合治理', '政府考核指标', ...ruleCells(6, { rule: '区间', low: 103, high: 107 }), '查看系统', '', '出生人口性别比在103–107之间', '', ''],
      ['计生奖励优惠政策兑现', '依法行政', '政府考核指标', ...ruleCells(5, { rule: '定性', levels: HONOUR_LEVELS }), '台账、工作评估', '政策法规科', '', '', ''],
    ]),
    t('targets.csv', [
      ['年度', '单位', '指标', '目标'],
      ['2019', '', '出生政策符合率', '99'],
      ['2019', '湖塘镇', '区级以上网站录用信息', '8'],
      ['2019', '', '孕前优生健康检查人数', '=prev*1.05'],
    ]),
    t('targets-wide.csv', [
      ['内容＼单位', '春江镇', '孟河镇', '新桥镇'],
      ['出生政策符合率%', '99', '99', '99'],
      ['孕前优生健康检查人数（300对）', '60', '20', '30'],
      ['出生人口性别比', '基本正常', '基本正常', '基本正常'],
    ]),
    t('results.csv', [
      ['年度', '单位', '指标', '轮次', '完成值', '备注'],
      ['2019', '湖塘镇', '出生政策符合率', '年终', '99.4', ''],
      ['2019', '湖塘镇', '领导重视与责任落实', '年终', '2.5', '台账不完整，扣0.5分'],
      ['2019', '湖塘镇', '出生人口性别比', '年终', '基本正常', ''],
    ]),
    t('vetoes.csv', [
      ['年度', '单位', '否决事由'],
      ['2018', '横林镇', '严重弄虚作假'],
      ['2019', '罗溪镇', '主要目标任务未完成'],
    ]),
    t('settings.csv', [
      ['项', '值'],
      ['grades', GRADES],
      ['bonus_cap', '5'],
    ]),
  ];
}

// ───────────────────────────── entry ─────────────────────────────

/** Every file this script writes, in memory. */
export function buildDataFiles(): DataFile[] {
  return [demosFile(), ...wujinFiles(), ...xinbeiFiles(), ...templateFiles()];
}

/** Writes every file under `root` (the repository's data/ folder); returns their paths. */
export function writeDataFiles(root: string): string[] {
  return buildDataFiles().map((file) => {
    const target = join(root, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, encodeFile(file));
    return target;
  });
}

const here = fileURLToPath(import.meta.url);
if (process.argv[1] && resolve(process.argv[1]) === here) {
  const written = writeDataFiles(resolve(dirname(here), '..', 'data'));
  console.log(`wrote ${written.length} files under data/`);
}
