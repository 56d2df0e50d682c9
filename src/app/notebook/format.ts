// How cell values read in tables and inputs: numbers in the UI locale, booleans as words.
import type { Lang } from '../../i18n/types';

export type Shown = string | number | boolean | null | undefined;

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, grouping: boolean): Intl.NumberFormat {
  const key = `${lang}|${grouping}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(lang, { maximumFractionDigits: 2, useGrouping: grouping })));
  return f;
}

/** Text of a value; `column` keeps years as 2019 rather than 2,019. */
export function formatValue(v: Shown, lang: Lang, yes: string, no: string, column = ''): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? yes : no;
  if (typeof v === 'number') return numberFormat(lang, !/year|年/i.test(column)).format(v);
  return v;
}
