// Checks a scenario before it is saved or scored: every problem as a message in the catalogue
// (zh-CN and en), none thrown.
import type { Message } from '../i18n/types';
import { ITEM_FIELDS, OVERRIDE_KINDS, SETTING_KEYS, type Override, type Scenario } from './types';

const blank = (s: unknown) => typeof s !== 'string' || s.trim() === '';
const isYear = (y: unknown) => Number.isInteger(y) && (y as number) >= 1900 && (y as number) <= 2200;
const optYear = (y: unknown) => y === undefined || y === null || isYear(y);

export function overrideProblems(o: Override, n: number): Message[] {
  const out: Message[] = [];
  const say = (key: string, params: Record<string, string | number> = {}) => out.push({ key: `sc.error.${key}`, params: { n, ...params } });
  if (!OVERRIDE_KINDS.includes(o.kind)) {
    say('kind', { kind: String((o as { kind: unknown }).kind) });
    return out;
  }
  if ('year' in o && !(o.kind === 'target' || o.kind === 'target_all' || o.kind === 'target_scale' || o.kind === 'target_shift' ? optYear(o.year) : isYear(o.year))) say('year');
  if ('unit' in o && blank(o.unit)) say('unit');
  if ('indicator' in o && o.kind !== 'target_scale' && blank(o.indicator)) say('indicator');
  switch (o.kind) {
    case 'target':
    case 'target_all':
    case 'actual':
      if (blank(o.value)) say('value');
      break;
    case 'target_scale':
      if (blank(o.indicator) === blank(o.category)) say('scope');
      if (!Number.isFinite(o.percent) || o.percent <= -100) say('percent');
      break;
    case 'target_shift':
      if (!Number.isFinite(o.delta)) say('number');
      break;
    case 'quota':
      if (!Number.isInteger(o.total) || o.total < 0) say('total');
      break;
    case 'item':
      if (!ITEM_FIELDS.includes(o.field)) say('field');
      else if (o.field !== 'levels' && o.value.trim() !== '' && !Number.isFinite(Number(o.value))) say('number');
      else if ((o.field === 'points' || o.field === 'levels') && blank(o.value)) say('value');
      break;
    case 'setting':
      if (!SETTING_KEYS.includes(o.key)) say('setting');
      if (blank(o.value)) say('value');
      break;
    case 'veto':
      if (typeof o.on !== 'boolean') say('on');
      break;
    case 'plan':
      if (!isYear(o.from) || o.from >= o.year) say('plan');
      break;
  }
  return out;
}

export function scenarioProblems(s: Scenario, others: readonly Scenario[] = []): Message[] {
  const out: Message[] = [];
  if (blank(s.name)) out.push({ key: 'sc.error.name' });
  else if (others.some((o) => o.id !== s.id && o.name.trim() === s.name.trim())) out.push({ key: 'sc.error.name_taken', params: { name: s.name.trim() } });
  if (s.overrides.filter((o) => o.kind === 'plan').length > 1) out.push({ key: 'sc.error.plan_twice' });
  s.overrides.forEach((o, i) => out.push(...overrideProblems(o, i + 1)));
  return out;
}

/** Reads a scenario from untrusted JSON (a saved workspace, the console); null when it is not one. */
export function readScenario(x: unknown): Scenario | null {
  if (typeof x !== 'object' || x === null) return null;
  const r = x as Record<string, unknown>;
  if (typeof r['id'] !== 'string' || typeof r['name'] !== 'string' || !Array.isArray(r['overrides'])) return null;
  const overrides = (r['overrides'] as unknown[]).filter(
    (o): o is Override => typeof o === 'object' && o !== null && OVERRIDE_KINDS.includes((o as { kind: Override['kind'] }).kind),
  );
  return { id: r['id'], name: r['name'], note: typeof r['note'] === 'string' ? r['note'] : '', overrides };
}
