// Settings are read in SQL from the settings table's text, in English or Chinese.
import { describe, expect, it } from 'vitest';
import { settingsViews } from '../../../src/engine/views/settings';
import { query, scored, type Rows } from './workspace';

async function config(settings: Rows) {
  const db = await scored({ settings });
  const [cfg] = await query(db, 'SELECT bonus_cap, bottom_veto, veto, rank_within FROM engine_config');
  return {
    db,
    cfg,
    rounds: await query(db, 'SELECT round, weight FROM engine_rounds ORDER BY ord'),
    grades: await query(db, 'SELECT grade, bound, strict FROM engine_grades ORDER BY ord'),
    notes: (await query(db, `SELECT message FROM scoring_notes WHERE code LIKE 'setting%' ORDER BY ALL`)).map((n) => n['message']),
  };
}

describe('settings', () => {
  it('English keys and values', async () => {
    const { cfg, rounds, grades } = await config([
      { key: 'round_weights', value: '平时=0.3;半年=0.3;年终=0.4' },
      { key: 'grades', value: '优秀>=90;良好>=80;合格>=70;不合格' },
      { key: 'bonus_cap', value: '5' },
      { key: 'bottom_veto', value: '2' },
      { key: 'veto', value: 'zero' },
      { key: 'rank_within', value: 'kind' },
    ]);
    expect(cfg).toEqual({ bonus_cap: 5, bottom_veto: 2, veto: 'zero', rank_within: 'kind' });
    expect(rounds).toEqual([
      { round: '平时', weight: 0.3 },
      { round: '半年', weight: 0.3 },
      { round: '年终', weight: 0.4 },
    ]);
    expect(grades).toEqual([
      { grade: '优秀', bound: 90, strict: false },
      { grade: '良好', bound: 80, strict: false },
      { grade: '合格', bound: 70, strict: false },
      { grade: '不合格', bound: null, strict: false },
    ]);
  });

  it('Chinese keys and values, ≥ and >, 分 and 名 after numbers, full-width separators', async () => {
    const { cfg, rounds, grades, notes } = await config([
      { key: '轮次权重', value: '半年:50%、年终:50%' },
      { key: '等级', value: '优秀≥90分，良好>80，其他' },
      { key: '加分上限', value: '3分' },
      { key: '末位否决', value: '2名' },
      { key: '否决方式', value: '等级' },
      { key: '排名分组', value: '单位类型' },
    ]);
    expect(cfg).toEqual({ bonus_cap: 3, bottom_veto: 2, veto: 'grade', rank_within: 'kind' });
    expect(rounds).toEqual([
      { round: '半年', weight: 0.5 },
      { round: '年终', weight: 0.5 },
    ]);
    expect(grades).toEqual([
      { grade: '优秀', bound: 90, strict: false },
      { grade: '良好', bound: 80, strict: true },
      { grade: '其他', bound: null, strict: false },
    ]);
    expect(notes).toEqual([]);
  });

  it('no settings: one round 年终 of weight 1, no cap, no bottom veto, veto changes the grade, one ranking', async () => {
    const { cfg, rounds, grades } = await config([]);
    expect(cfg).toEqual({ bonus_cap: null, bottom_veto: null, veto: 'grade', rank_within: 'all' });
    expect(rounds).toEqual([{ round: '年终', weight: 1 }]);
    expect(grades).toEqual([]);
  });

  it('what cannot be read is noted and left out, never guessed', async () => {
    const { cfg, rounds, grades, notes } = await config([
      { key: 'round_weights', value: '平时=abc;年终=1' },
      { key: 'grades', value: '优秀>=九十;合格>=60' },
      { key: 'bonus_cap', value: '很多' },
      { key: 'veto', value: '开除' },
      { key: '颜色', value: '红' },
      { key: 'bonus_cap', value: '4' },
    ]);
    expect(cfg).toMatchObject({ bonus_cap: null, veto: 'grade' });
    expect(rounds).toEqual([{ round: '年终', weight: 1 }]);
    expect(grades).toEqual([{ grade: '合格', bound: 60, strict: false }]);
    expect(notes).toEqual([
      '设置项「bonus_cap」中的「很多」无法识别，已忽略',
      '设置项「bonus_cap」重复，采用第一行',
      '设置项「grades」中的「优秀>=九十」无法识别，已忽略',
      '设置项「round_weights」中的「平时=abc」无法识别，已忽略',
      '设置项「veto」中的「开除」无法识别，已忽略',
      '设置项「颜色」无法识别，已忽略',
    ]);
  });

  it('a round_weights value with nothing readable falls back to 年终 and says so', async () => {
    const { rounds, notes } = await config([{ key: 'round_weights', value: '全年' }]);
    expect(rounds).toEqual([{ round: '年终', weight: 1 }]);
    expect(notes).toEqual(['设置项「round_weights」中的「全年」无法识别，已忽略']);
  });

  it('the settings SQL reads values only from the table: no setting text in it', () => {
    const sql = settingsViews().map((s) => s.sql).join('\n');
    expect(sql).not.toContain('优秀');
    expect(sql).toContain("FILTER (WHERE name = 'round_weights')");
    expect(sql).toContain("lower(engine_norm(key)) IN ('round_weights', '轮次权重')");
  });
});
