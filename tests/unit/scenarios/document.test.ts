// Scenarios in the workspace document: saved with it, and older documents (saved before
// scenarios existed) still open, with none.
import { describe, expect, it } from 'vitest';
import { overrideProblems, readScenario, scenarioProblems, type Scenario } from '../../../src/scenarios';
import { emptyWorkspace, withDefaults, type WorkspaceDoc } from '../../../src/workspace/document';
import { decodeWorkspaceFile, encodeWorkspaceFile } from '../../../src/workspace/file';

const S: Scenario = {
  id: 'sabc',
  name: '目标下调',
  note: '出生政策符合率目标降到 97',
  overrides: [{ kind: 'target_shift', indicator: '出生政策符合率', delta: -2 }],
};

describe('scenarios in the workspace', () => {
  it('a document saved before scenarios opens with none and the base data shown', () => {
    const old = { ...emptyWorkspace('旧'), scenarios: undefined, activeScenario: undefined } as unknown as WorkspaceDoc;
    const { scenarios: _s, activeScenario: _a, ...withoutThem } = old;
    expect(withDefaults(withoutThem as WorkspaceDoc)).toMatchObject({ scenarios: [], activeScenario: null, notebook: null });
  });

  it('the workspace file keeps the scenarios and the active one', async () => {
    const doc = { ...emptyWorkspace('武进区'), scenarios: [S], activeScenario: S.id };
    expect(withDefaults(await decodeWorkspaceFile(await encodeWorkspaceFile(doc)))).toMatchObject({ scenarios: [S], activeScenario: S.id });
  });

  it('an active id that names no scenario falls back to the base data; a malformed scenario is left out', () => {
    const doc = { ...emptyWorkspace(), scenarios: [S, { name: 'no id' }] as unknown as Scenario[], activeScenario: 'gone' };
    expect(withDefaults(doc)).toMatchObject({ scenarios: [S], activeScenario: null });
    expect(readScenario({ id: 'x', name: 'y', overrides: [{ kind: 'nonsense' }] })).toEqual({ id: 'x', name: 'y', note: '', overrides: [] });
  });
});

describe('validation', () => {
  const CASES: readonly [string, Parameters<typeof overrideProblems>[0], string[]][] = [
    ['a target needs a unit and a value', { kind: 'target', unit: ' ', indicator: '出生政策符合率', value: '' }, ['sc.error.unit', 'sc.error.value']],
    ['a scale names an indicator or a category, not both', { kind: 'target_scale', indicator: 'a', category: 'b', percent: 5 }, ['sc.error.scope']],
    ['a scale of −100% or less is refused', { kind: 'target_scale', category: '宣传', percent: -100 }, ['sc.error.percent']],
    ['a quota is a whole number ≥ 0', { kind: 'quota', year: 2019, indicator: 'x', total: 10.5 }, ['sc.error.total']],
    ['an actual needs its year', { kind: 'actual', year: NaN, unit: 'u', indicator: 'i', value: '1' }, ['sc.error.year']],
    ['a step is a number', { kind: 'item', indicator: 'i', field: 'step', value: '五' }, ['sc.error.number']],
    ['a setting needs a value', { kind: 'setting', key: 'bonus_cap', value: '' }, ['sc.error.value']],
    ['a good override has no problems', { kind: 'veto', year: 2019, unit: '礼嘉镇', on: true }, []],
  ];
  for (const [name, o, keys] of CASES) it(name, () => expect(overrideProblems(o, 1).map((m) => m.key)).toEqual(keys));

  it('a scenario needs a name not taken by another', () => {
    expect(scenarioProblems({ ...S, name: ' ' }).map((m) => m.key)).toEqual(['sc.error.name']);
    expect(scenarioProblems({ ...S, id: 'other' }, [S]).map((m) => m.key)).toEqual(['sc.error.name_taken']);
  });
});
