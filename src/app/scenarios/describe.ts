// An override in words, for the list of overrides and the compare's "caused by" column.
import type { Message } from '../../i18n/types';
import type { Override } from '../../scenarios';

const yearOf = (t: (key: string, p?: Message['params']) => string, y: number | null | undefined) =>
  y === null || y === undefined ? t('sc.every_year') : t('sc.year_prefix', { year: y });

export function describeOverride(o: Override, t: (key: string, p?: Message['params']) => string): string {
  switch (o.kind) {
    case 'target':
      return t('sc.describe.target', { year: yearOf(t, o.year), unit: o.unit, indicator: o.indicator, value: o.value });
    case 'target_all':
      return t('sc.describe.target_all', { year: yearOf(t, o.year), indicator: o.indicator, value: o.value });
    case 'target_scale':
      return t('sc.describe.target_scale', {
        year: yearOf(t, o.year), scope: o.indicator || o.category || '', sign: o.percent < 0 ? '−' : '+', percent: Math.abs(o.percent),
      });
    case 'target_shift':
      return t('sc.describe.target_shift', { year: yearOf(t, o.year), indicator: o.indicator, sign: o.delta < 0 ? '−' : '+', delta: Math.abs(o.delta) });
    case 'quota':
      return t('sc.describe.quota', { year: yearOf(t, o.year), indicator: o.indicator, total: o.total });
    case 'actual':
      return t('sc.describe.actual', { year: yearOf(t, o.year), unit: o.unit + (o.round ? ` ${o.round}` : ''), indicator: o.indicator, value: o.value });
    case 'item':
      return t('sc.describe.item', { indicator: o.indicator, field: t(`sc.item.${o.field}`), value: o.value });
    case 'setting':
      return t('sc.describe.setting', { key: t(`sc.setting.${o.key}`), value: o.value });
    case 'veto':
      return o.on
        ? t('sc.describe.veto_on', { year: yearOf(t, o.year), unit: o.unit, reason: o.reason ?? '' })
        : t('sc.describe.veto_off', { year: yearOf(t, o.year), unit: o.unit });
    case 'plan':
      return t('sc.describe.plan', { year: o.year, from: o.from });
  }
}
