// Writes the benchmark data of issue 7 into bench-data/<scale>/ (gitignored): county, city and
// province workspaces in the canonical long format with Chinese headers, seeded and deterministic.
// Usage: npx tsx scripts/gen-bench-data.ts [county|city|province ...] [--out DIR]
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unitNames } from '../bench/data/names';
import { Stream } from '../bench/data/random';
import { selectIndicators, type Indicator } from '../bench/data/rubric';
import { actual, yearTarget } from '../bench/data/values';

export type Scale = 'county' | 'city' | 'province';

export interface ScaleSpec {
  readonly units: number;
  readonly indicators: number;
  readonly years: number;
  readonly rounds: readonly string[];
  readonly perDistrict: number;
}

// Issue 7's table; rounds 平时/半年/年终 weighted 0.3/0.3/0.4 (seed 003, 贵州 2011).
export const SCALES: Readonly<Record<Scale, ScaleSpec>> = {
  county: { units: 20, indicators: 40, years: 4, rounds: ['年终'], perDistrict: 20 },
  city: { units: 300, indicators: 40, years: 10, rounds: ['平时', '半年', '年终'], perDistrict: 30 },
  province: { units: 2000, indicators: 50, years: 10, rounds: ['平时', '半年', '年终'], perDistrict: 25 },
};

export const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const FIRST_YEAR = 2016;
const GRADES = '优秀>=90;良好>=80;合格>=70;不合格';
// The rubric lists items by category, in seed 001's order, bonuses last.
const CATEGORIES = ['领导重视', '综合治理', '依法行政', '信息化建设', '宣传', '人口家庭公共服务', '出生缺陷干预', '家庭健康保健行动', '流动人口服务管理', '协会建设', '亮点工作'];
const VETO_REASONS = ['严重弄虚作假', '主要目标任务未完成', '违法行政造成严重后果'];
const SOURCES = ['scripts/gen-bench-data.ts', 'bench/data/names.ts', 'bench/data/random.ts', 'bench/data/rubric.ts', 'bench/data/values.ts'];

export interface Manifest {
  readonly scale: Scale;
  readonly version: string;
  readonly units: number;
  readonly indicators: number;
  readonly years: number;
  readonly rounds: number;
  readonly resultRows: number;
  readonly targetRows: number;
  readonly bytes: number;
  readonly files: readonly string[];
}

/** A hash of the generator's own source: data made by another version is made again. */
export function generatorVersion(): string {
  const h = createHash('sha256');
  for (const f of SOURCES) h.update(readFileSync(path.join(ROOT, f)));
  return h.digest('hex').slice(0, 16);
}

const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const csv = (rows: readonly (readonly string[])[]) => rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';

/** Integer points for the scored items adding to 100; bonus items keep their own points. */
function allotPoints(inds: readonly Indicator[], r: Stream): number[] {
  const scored = inds.map((i) => (i.rule === '加分' ? 0 : i.rule === '评估打分' ? r.between(2, 4) : r.between(1.5, 3.5)));
  const sum = scored.reduce((a, b) => a + b, 0);
  const points = scored.map((w) => (w === 0 ? 0 : Math.max(1, Math.floor((w / sum) * 100))));
  let left = 100 - points.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % points.length) if (points[i]! > 0) points[i]!++, left--;
  return points.map((p, i) => (inds[i]!.rule === '加分' ? inds[i]!.points! : p));
}

function rubricRows(inds: readonly Indicator[], points: readonly number[]): string[][] {
  const header = ['项目', '指标', '分值', '评分方法', '方向', '扣分标准', '下限', '上限', '等级', '考核方式', '责任科室'];
  const rows = inds.map((i, k) => [
    i.category, i.name, String(points[k]), i.rule, i.lower ? '越低越好' : i.rule === '扣分' || i.rule === '达标' ? '越高越好' : '',
    i.step === undefined ? '' : String(i.step), i.low === undefined ? '' : String(i.low), i.high === undefined ? '' : String(i.high),
    i.levels ?? '', i.method, i.office,
  ]);
  return [header, ...rows];
}

interface Unit {
  readonly name: string;
  readonly kind: string;
  readonly district: string;
  readonly population: number;
  readonly quality: number;
  readonly trend: number;
  readonly quota: number;
}

export function generate(scale: Scale, outDir = path.join(ROOT, 'bench-data', scale)): Manifest {
  const spec = SCALES[scale];
  const r = new Stream(`${scale}|setup`);
  const inds = selectIndicators(spec.indicators).sort((a, b) => CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category));
  const points = allotPoints(inds, r);
  const units: Unit[] = unitNames(r, spec.units, spec.perDistrict).map((u) => ({
    ...u,
    population: r.int(20, 150) * 1000 + r.int(0, 999),
    quality: r.normal(0.8),
    trend: r.normal(0.08),
    quota: r.int(15, 80),
  }));
  const years = Array.from({ length: spec.years }, (_, i) => FIRST_YEAR - spec.years + 4 + i);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const files: string[] = [];
  let bytes = 0;
  const write = (name: string, rows: readonly (readonly string[])[]) => {
    const text = csv(rows);
    writeFileSync(path.join(outDir, name), text);
    files.push(name);
    bytes += Buffer.byteLength(text);
  };

  write('单位.csv', [['单位', '类型', '人口', '区县'], ...units.map((u) => [u.name, u.kind, String(u.population), u.district])]);
  write('考核细则.csv', rubricRows(inds, points));

  const targets: string[][] = [['年度', '单位', '指标', '目标']];
  years.forEach((year, y) => {
    for (const ind of inds) {
      if (ind.formula && y > 0) targets.push([String(year), '', ind.name, ind.formula]);
      else if (ind.quota) for (const u of units) targets.push([String(year), u.name, ind.name, String(Math.round(u.quota * (1 + 0.04 * y)))]);
      else if (ind.target !== undefined) targets.push([String(year), '', ind.name, String(yearTarget(ind, y))]);
    }
    // Areas with many migrants get a lower coverage target of their own (seed 000: per-unit targets).
    const coverage = inds.find((i) => i.name === '孕前优生健康检查覆盖率');
    if (coverage) for (const u of units.filter((_, k) => k % 10 === 7)) targets.push([String(year), u.name, coverage.name, String(Number(yearTarget(coverage, y)) - 3)]);
  });
  write('目标值.csv', targets);

  const last = new Map<string, number>();
  let resultRows = 0;
  const withRound = spec.rounds.length > 1;
  years.forEach((year, y) => {
    const rows: string[][] = [['年度', '单位', '指标', ...(withRound ? ['轮次'] : []), '完成值', '备注']];
    const rr = new Stream(`${scale}|results|${year}`);
    const style = { signs: y === years.length - 1 };
    units.forEach((u, k) => {
      const standing = u.quality + u.trend * (y - years.length / 2) + rr.normal(0.3);
      const star = k % 97 === 3;
      inds.forEach((ind, i) => {
        if (ind.rule === '加分') {
          if (star || rr.chance(0.04)) rows.push([String(year), u.name, ind.name, ...(withRound ? ['年终'] : []), String(star ? ind.points : rr.int(1, ind.points ?? 1)), '']);
          return;
        }
        const target = yearTarget(ind, y);
        const quota = ind.quota ? Math.round(u.quota * (1 + 0.04 * y)) : Number(target ?? 0);
        for (const round of spec.rounds) {
          if (rr.chance(0.001)) continue; // 缺报: the row is absent, as in a real export
          const key = `${u.name}|${ind.name}`;
          const value = actual(ind, rr, standing, { points: points[i]!, target, quota, last: last.get(key) ?? null, yearIndex: y }, style);
          if (round === '年终' && ind.formula) last.set(key, Number.parseFloat(value));
          const note = ind.rule === '评估打分' && rr.chance(0.02) ? '台账不完整，扣0.5分' : '';
          rows.push([String(year), u.name, ind.name, ...(withRound ? [round] : []), value, note]);
        }
      });
    });
    resultRows += rows.length - 1;
    write(`考核结果${year}年.csv`, rows);
  });

  const vetoes: string[][] = [['年度', '单位', '否决事由']];
  const vr = new Stream(`${scale}|vetoes`);
  years.forEach((year, y) => {
    const n = scale === 'county' ? (y === 2 ? 1 : 0) : Math.max(1, Math.round(spec.units * 0.004));
    for (let i = 0; i < n; i++) vetoes.push([String(year), vr.pick(units).name, vr.pick(VETO_REASONS)]);
  });
  write('一票否决.csv', vetoes);

  const settings = [['项', '值'], ['grades', GRADES], ['bonus_cap', '5']];
  if (withRound) settings.push(['round_weights', spec.rounds.map((name, i) => `${name}=${i === spec.rounds.length - 1 ? '0.4' : '0.3'}`).join(';')]);
  if (scale === 'county') settings.push(['bottom_veto', '2']);
  write('设置.csv', settings);

  const manifest: Manifest = {
    scale, version: generatorVersion(), units: units.length, indicators: inds.length, years: years.length,
    rounds: spec.rounds.length, resultRows, targetRows: targets.length - 1, bytes, files,
  };
  writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

/** The scale's data, generated unless the same version of this script already wrote it. */
export function ensureData(scale: Scale): { dir: string; manifest: Manifest } {
  const dir = path.join(ROOT, 'bench-data', scale);
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
    if (manifest.version === generatorVersion()) return { dir, manifest };
  } catch {
    // no manifest yet: generate below
  }
  return { dir, manifest: generate(scale, dir) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : undefined;
  const scales = args.filter((a, i) => a in SCALES && args[i - 1] !== '--out') as Scale[];
  for (const scale of scales.length ? scales : (Object.keys(SCALES) as Scale[])) {
    const t0 = performance.now();
    const m = generate(scale, out ? path.resolve(out, scale) : undefined);
    console.log(`${scale}: ${m.units} units, ${m.indicators} indicators, ${m.years} years, ${m.resultRows} results, ${(m.bytes / 1e6).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
}
