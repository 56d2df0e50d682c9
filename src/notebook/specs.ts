// The JSON a chart or input cell holds, read and checked. A problem becomes a message shown in
// the cell, never an exception.
import type { Param } from '../db/types';
import type { Lang, Message } from '../i18n/types';

/** Text in the notebook's own words: one string, or one per UI language. */
export type Text = string | Partial<Record<Lang, string>>;

export function textIn(t: Text | undefined, lang: Lang): string | undefined {
  if (t === undefined || typeof t === 'string') return t;
  return t[lang] ?? t['zh-CN'] ?? Object.values(t)[0];
}

export const CHART_TYPES = ['bar', 'line', 'dot', 'cell', 'slope'] as const;
export type ChartType = (typeof CHART_TYPES)[number];
export const CHANNELS = ['x', 'y', 'color', 'fx', 'fy'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface ChartPage {
  /** The column whose values are paged (units, say). */
  readonly by: string;
  /** The column that ranks them; the largest first unless `ascending`. */
  readonly order: string;
  readonly size?: number;
  readonly ascending?: boolean;
}

export interface ChartSpec {
  readonly type: ChartType;
  /** The sql cell (relation) the chart draws. */
  readonly from: string;
  readonly x: string;
  readonly y: string;
  readonly color?: string;
  /** The series a line or slope follows, when it is not the colour column. */
  readonly z?: string;
  readonly fx?: string;
  readonly fy?: string;
  readonly title?: Text;
  readonly subtitle?: Text;
  readonly labels?: Partial<Record<Channel, Text>>;
  /** Extra columns shown in the tooltip (an explanation sentence, say). */
  readonly tip?: readonly string[];
  readonly stack?: boolean;
  /** Bars in falling order with the cumulative share as a line (where most is lost). */
  readonly pareto?: boolean;
  /** Larger values lower on the y axis (ranks). */
  readonly reverse?: boolean;
  /** Fixed colours for values of the color column. */
  readonly colors?: Readonly<Record<string, string>>;
  readonly scheme?: string;
  readonly percent?: boolean;
  readonly page?: ChartPage;
  /** Cross-filter: clicking a mark sets parameter → the mark's value of column; marks matching are highlighted. */
  readonly select?: Readonly<Record<string, string>>;
  readonly height?: number;
}

export type SelectOptions = string | readonly (string | number)[];

export type InputSpec =
  | { readonly type: 'select'; readonly label?: Text; readonly options: SelectOptions; readonly value?: Param; readonly all?: boolean }
  | { readonly type: 'range'; readonly label?: Text; readonly min: number; readonly max: number; readonly step?: number; readonly value?: number }
  | { readonly type: 'number'; readonly label?: Text; readonly min?: number; readonly max?: number; readonly step?: number; readonly value?: number };

export type SpecResult<T> = { readonly ok: true; readonly spec: T } | { readonly ok: false; readonly error: Message };

const fail = <T>(key: string, params?: Message['params']): SpecResult<T> => ({
  ok: false,
  error: params ? { key, params } : { key },
});

function readJson(text: string): { ok: true; value: Record<string, unknown> } | { ok: false; reason: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: '{…}' };
    return { ok: true, value: value as Record<string, unknown> };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}

const isText = (v: unknown): boolean =>
  typeof v === 'string' || (v !== null && typeof v === 'object' && Object.values(v).every((s) => typeof s === 'string'));

export function parseChartSpec(text: string): SpecResult<ChartSpec> {
  const json = readJson(text);
  if (!json.ok) return fail('nb.chart.json', { reason: json.reason });
  const v = json.value;
  if (!CHART_TYPES.includes(v['type'] as ChartType)) return fail('nb.chart.type', { type: String(v['type'] ?? ''), types: CHART_TYPES.join(', ') });
  for (const field of ['from', 'x', 'y'] as const) {
    if (typeof v[field] !== 'string' || v[field] === '') return fail('nb.chart.missing', { field });
  }
  for (const field of ['color', 'z', 'fx', 'fy'] as const) {
    if (v[field] !== undefined && typeof v[field] !== 'string') return fail('nb.chart.field', { field });
  }
  if (v['title'] !== undefined && !isText(v['title'])) return fail('nb.chart.field', { field: 'title' });
  if (v['tip'] !== undefined && !(Array.isArray(v['tip']) && v['tip'].every((t) => typeof t === 'string'))) {
    return fail('nb.chart.field', { field: 'tip' });
  }
  const page = v['page'] as Record<string, unknown> | undefined;
  if (page !== undefined && (typeof page !== 'object' || typeof page['by'] !== 'string' || typeof page['order'] !== 'string')) {
    return fail('nb.chart.field', { field: 'page' });
  }
  const select = v['select'];
  if (select !== undefined && (typeof select !== 'object' || select === null || !Object.values(select).every((c) => typeof c === 'string'))) {
    return fail('nb.chart.field', { field: 'select' });
  }
  return { ok: true, spec: v as unknown as ChartSpec };
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isParam = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);

export function parseInputSpec(text: string): SpecResult<InputSpec> {
  const json = readJson(text);
  if (!json.ok) return fail('nb.input.json', { reason: json.reason });
  const v = json.value;
  if (v['label'] !== undefined && !isText(v['label'])) return fail('nb.input.field', { field: 'label' });
  if (v['value'] !== undefined && !isParam(v['value'])) return fail('nb.input.field', { field: 'value' });
  switch (v['type']) {
    case 'select': {
      const options = v['options'];
      const ok = typeof options === 'string' || (Array.isArray(options) && options.every((o) => typeof o === 'string' || isNumber(o)));
      return ok ? { ok: true, spec: v as unknown as InputSpec } : fail('nb.input.field', { field: 'options' });
    }
    case 'range':
      if (!isNumber(v['min']) || !isNumber(v['max'])) return fail('nb.input.field', { field: 'min/max' });
      return { ok: true, spec: v as unknown as InputSpec };
    case 'number':
      return { ok: true, spec: v as unknown as InputSpec };
    default:
      return fail('nb.input.type', { type: String(v['type'] ?? '') });
  }
}

/** The columns a chart reads from its relation, each once. */
export function chartColumns(spec: ChartSpec): string[] {
  const cols = [spec.x, spec.y, spec.color, spec.z, spec.fx, spec.fy, ...(spec.tip ?? []), ...Object.values(spec.select ?? {})];
  if (spec.page) cols.push(spec.page.by, spec.page.order);
  return [...new Set(cols.filter((c): c is string => typeof c === 'string' && c !== ''))];
}
