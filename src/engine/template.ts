// Catalogue templates turned into SQL: `目标 {target}，…` → concat('目标 ', <target sql>, '，…').
// The template text is ours (messages.ts); parameters are SQL expressions over row columns.
import { fill } from '../i18n/format';
import type { Lang, Message } from '../i18n/types';
import { engineMessages } from './messages';
import { concat, text, type Sql } from './sql';

const PLACEHOLDER = /\{(\w+)\}/g;

export function template(lang: Lang, key: string): string {
  const t = engineMessages[lang][key];
  if (t === undefined) throw new Error(`no message ${key} in ${lang}`);
  return t;
}

/** The names a template expects, in order of appearance. */
export function placeholders(t: string): string[] {
  return [...t.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** SQL building the message text; every placeholder must have a parameter. */
export function messageSql(lang: Lang, key: string, params: Readonly<Record<string, Sql>> = {}): Sql {
  const t = template(lang, key);
  const parts: Sql[] = [];
  let at = 0;
  for (const m of t.matchAll(PLACEHOLDER)) {
    const p = params[m[1]!];
    if (p === undefined) throw new Error(`message ${key} needs {${m[1]}}`);
    if (m.index > at) parts.push(text(t.slice(at, m.index)));
    parts.push(p);
    at = m.index + m[0].length;
  }
  if (at < t.length || parts.length === 0) parts.push(text(t.slice(at)));
  return concat(parts);
}

/** The message rendered in TypeScript (formula errors, CLI output). */
export const renderMessage = (lang: Lang, m: Message): string => fill(template(lang, m.key), m.params);
