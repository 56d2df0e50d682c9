// How cell values read in tables and inputs: numbers in the UI locale, booleans as words.
import type { Lang } from '../../i18n/types';

export type Shown = string | number | boolean | null | undefined;

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, grouping: boolean, signed: boolean): Intl.NumberFormat {
  const key = `${lang}|${grouping}|${signed}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang, { maximumFractionDigits: 2, useGrouping: grouping, signDisplay: signed ? 'exceptZero' : 'auto' });
    formats.set(key, f);
  }
  return f;
}

/** Text of a value; `column` keeps years as 2019 rather than 2,019; `signed` writes a change (+1.5, −2). */
export function formatValue(v: Shown, lang: Lang, yes: string, no: string, column = '', signed = false): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? yes : no;
  if (typeof v === 'number') return numberFormat(lang, !/year|年/i.test(column), signed).format(v);
  return v;
}
