// Shared by the ingest tests: message rendering, file bytes, fixture access, loaded rows as objects.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Lang, Message } from '../../../src/i18n/types';
import { type ImportContext, type ImportResult, importFile, ingestMessages } from '../../../src/ingest';

export function render(m: Message, lang: Lang = 'zh-CN'): string {
  const template = ingestMessages[lang][m.key];
  if (template === undefined) throw new Error(`no ${lang} message ${m.key}`);
  return template.replace(/\{(\w+)\}/g, (whole, k: string) => String(m.params?.[k] ?? whole));
}

export const renderEn = (m: Message) => render(m, 'en');

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/ingest/${name}`, import.meta.url));
}

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(name)));
}

export function importText(name: string, text: string, ctx?: ImportContext): ImportResult {
  return importFile({ name, bytes: utf8(text) }, ctx);
}

/** Loaded rows as objects, in load order. */
export function rowsOf(r: ImportResult): Record<string, string | null>[] {
  return r.sourceRows.map((_, i) => Object.fromEntries(r.columns.map((c) => [c, r.data[c]?.[i] ?? null])));
}

export function keys(messages: readonly Message[]): string[] {
  return messages.map((m) => m.key);
}

/** The invariant every import keeps: each record read is loaded or rejected, never lost. */
export function balanced(r: ImportResult): boolean {
  const lengths = r.columns.map((c) => r.data[c]?.length ?? -1);
  return (
    r.loaded + r.rejected.length === r.read &&
    r.sourceRows.length === r.loaded &&
    lengths.every((n) => n === r.loaded)
  );
}
