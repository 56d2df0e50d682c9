// What a markdown cell says before it is rendered: the part in the UI language, with `${name}`
// (an input's value) and `${cell.column}` (a sql cell's first row) filled in as escaped text.
import type { Lang } from '../i18n/types';

/** `<!-- lang: en -->` starts the English part of a markdown cell; text before any marker is shared. */
const LANG_MARK = /^<!--\s*lang:\s*([A-Za-z-]+)\s*-->\s*$/;

export function pickLanguage(text: string, lang: Lang): string {
  const shared: string[] = [];
  const parts = new Map<string, string[]>();
  let current = shared;
  for (const line of text.split('\n')) {
    const m = LANG_MARK.exec(line);
    if (m) {
      current = [];
      parts.set(m[1]!, current);
    } else current.push(line);
  }
  if (parts.size === 0) return text;
  const chosen = parts.get(lang) ?? parts.values().next().value ?? [];
  return [...shared, ...chosen].join('\n').trim();
}

export interface MarkdownRef {
  readonly name: string;
  readonly column: string | null;
}

const REF = /\$\{\s*([\p{L}_][\p{L}\p{N}_]*)(?:\.([\p{L}_][\p{L}\p{N}_]*))?\s*\}/gu;

export function markdownRefs(text: string): MarkdownRef[] {
  return [...text.matchAll(REF)].map((m) => ({ name: m[1]!, column: m[2] ?? null }));
}

/** Backslash-escapes Markdown punctuation so a value is read as text, never as markup. */
export function escapeMarkdown(value: string): string {
  return value.replace(/[\\`*_{}[\]()#+\-.!|<>&~"']/g, (c) => '\\' + c);
}

export type RefValue = string | number | boolean | null | undefined;

/** Fills every `${…}`; a reference without a value stays visible as written. */
export function interpolate(
  text: string,
  lookup: (ref: MarkdownRef) => RefValue,
  format: (value: string | number | boolean) => string = String,
): string {
  return text.replace(REF, (whole, name: string, column: string | undefined) => {
    const value = lookup({ name, column: column ?? null });
    if (value === undefined) return whole;
    return value === null ? '—' : escapeMarkdown(format(value));
  });
}
