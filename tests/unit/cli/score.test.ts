// npm run score: a directory of CSVs in, totals.csv and details.csv out, through the app's own
// import path and the engine's views; unreadable input stops it with the file, row and column.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/run';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/engine/cli');
const ROOT = path.resolve(import.meta.dirname, '../../..');

async function score(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

const outDir = () => mkdtempSync(path.join(tmpdir(), 'kaohe-score-'));
const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');

const TOTALS = `year,unit,base,bonus,total,grade,rank,vetoed,veto_reason,veto_streak
2018,孟河镇,95,0,95.00,优秀,1,false,,0
2018,春江镇,86,1,87.00,良好,2,false,,0
2018,新桥镇,60,0,60.00,一票否决,3,true,后1名且未完成目标,1
`;

describe('npm run score', () => {
  it('scores a directory and writes totals.csv and details.csv', async () => {
    const out = outDir();
    const r = await score(['--data', path.join(FIXTURES, 'ok'), '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([`已计分：3 个单位，1 个年度；结果写入 ${path.join(out, 'totals.csv')} 和 ${path.join(out, 'details.csv')}`]);
    expect(read(out, 'totals.csv')).toBe(TOTALS);
    const details = read(out, 'details.csv').trimEnd().split('\n');
    expect(details[0]).toBe('year,unit,indicator,category,round,target,actual,points,score,flag,note,explanation');
    expect(details.slice(1, 4)).toEqual([
      '2018,春江镇,出生政策符合率,计划生育,年终,99,98.2,20,16,,,目标 99%，实际 98.2%，低于 0.8 个百分点 × 5 分 = 扣 4 分，得 16/20',
      '2018,春江镇,领导重视,综合,年终,,70,80,70,,台账不完整，扣10分,评估打分 70，得 70/80',
      '2018,春江镇,省级表彰,亮点工作,,,2,2,2,,省级表彰,申报加分 2，得 2/2',
    ]);
    expect(details).toContain('2018,新桥镇,出生政策符合率,计划生育,年终,99,,20,0,missing,,缺报：年终无完成值，得 0/20');
    expect(details).toHaveLength(1 + 3 * 3);
  });

  it('--lang en writes the sentences and the veto in English', async () => {
    const out = outDir();
    expect((await score(['--data', path.join(FIXTURES, 'ok'), '--out', out, '--lang', 'en'])).code).toBe(0);
    expect(read(out, 'totals.csv')).toContain('2018,新桥镇,60,0,60.00,vetoed,3,true,bottom 1 and missed targets,1');
    expect(read(out, 'details.csv')).toContain('target 99%, actual 98.2%: 0.8 percentage points below × 5 = −4, 16/20');
  });

  it('--native runs the same SQL on native DuckDB and writes the same files', async () => {
    const [wasm, native] = [outDir(), outDir()];
    expect((await score(['--data', path.join(FIXTURES, 'ok'), '--out', wasm])).code).toBe(0);
    expect((await score(['--data', path.join(FIXTURES, 'ok'), '--out', native, '--native'])).code).toBe(0);
    expect(read(native, 'totals.csv')).toBe(read(wasm, 'totals.csv'));
    expect(read(native, 'details.csv')).toBe(read(wasm, 'details.csv'));
  });

  it('--bom starts the files with a byte-order mark for Excel', async () => {
    const out = outDir();
    await score(['--data', path.join(FIXTURES, 'ok'), '--out', out, '--bom']);
    expect(read(out, 'totals.csv').startsWith('\uFEFFyear,unit')).toBe(true);
  });

  it('an unreadable row stops it, naming the file, the row and the column, and writes nothing', async () => {
    const out = outDir();
    const r = await score(['--data', path.join(FIXTURES, 'bad-row'), '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err[0]).toBe('「2018年考核结果.csv」第3行：「年度」列的「二〇一八年末」不是年度。请写成 2018 或 2018年。');
    expect(r.err.at(-1)).toBe('有 1 处输入错误，未计分。请修正后重试。');
    expect(readdirSync(out)).toEqual([]);
  });

  it('a wide file whose year cannot be told stops it, naming the file and what is missing', async () => {
    const r = await score(['--data', path.join(FIXTURES, 'wide-no-year'), '--out', outDir(), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(/^镇街目标任务\.csv is a wide table .* no year/);
  });

  it('usage errors exit 2 and say what is wrong', async () => {
    expect(await score(['--data', 'x'])).toMatchObject({ code: 2, err: ['both --data and --out are required', expect.stringContaining('usage')] });
    expect((await score(['--data', 'x', '--out', 'y', '--lang', 'fr'])).code).toBe(2);
    expect((await score(['--frobnicate'])).code).toBe(2);
    const missing = await score(['--data', path.join(FIXTURES, 'nowhere'), '--out', outDir()]);
    expect(missing.code).toBe(1);
    expect(missing.err[0]).toContain('nowhere');
  });

  it('runs as `npm run score` (tsx entry point, exit code, files)', () => {
    const out = outDir();
    const ok = spawnSync('npm', ['run', '--silent', 'score', '--', '--data', path.join(FIXTURES, 'ok'), '--out', out], { cwd: ROOT, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(read(out, 'totals.csv')).toBe(TOTALS);
    const bad = spawnSync('npm', ['run', '--silent', 'score', '--', '--data', path.join(FIXTURES, 'bad-row'), '--out', outDir()], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('2018年考核结果.csv');
    expect(existsSync(path.join(out, 'details.csv'))).toBe(true);
  }, 60_000);
});
