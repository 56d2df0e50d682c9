// Command-line options of `npm run score`.
import type { Lang } from '../i18n/types';

export interface Options {
  readonly data: string;
  readonly out: string;
  readonly lang: Lang;
  /** Score on native DuckDB (@duckdb/node-api) instead of duckdb-wasm: for data too large for a browser. */
  readonly native: boolean;
  /** Start the CSV files with a byte-order mark, so Excel opens them as UTF-8. */
  readonly bom: boolean;
}

export type Parsed = { ok: true; options: Options } | { ok: false; problem: string | null };

const LANGS: Readonly<Record<string, Lang>> = { 'zh-CN': 'zh-CN', zh: 'zh-CN', en: 'en' };

/** Parses argv (without node and the script); `problem` null means help was asked for. */
export function parseArgs(argv: readonly string[]): Parsed {
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return { ok: false, problem: null };
    if (arg === '--native' || arg === '--bom') {
      flags.add(arg.slice(2));
      continue;
    }
    const m = /^--(data|out|lang)(?:=(.*))?$/.exec(arg);
    if (!m) return { ok: false, problem: `unknown option ${arg}` };
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === '') return { ok: false, problem: `${arg} needs a value` };
    values[m[1]!] = value;
  }
  const { data, out } = values;
  if (!data || !out) return { ok: false, problem: 'both --data and --out are required' };
  const lang = LANGS[values['lang'] ?? 'zh-CN'];
  if (!lang) return { ok: false, problem: `--lang is zh-CN or en, not ${values['lang']}` };
  return { ok: true, options: { data, out, lang, native: flags.has('native'), bom: flags.has('bom') } };
}

export const USAGE = `usage: npm run score -- --data DIR --out DIR [--lang zh-CN|en] [--native] [--bom]

Reads every CSV in DIR through the app's import code, scores it with the engine's SQL and writes
OUT/totals.csv and OUT/details.csv (UTF-8).
  --lang     language of grades, reasons and explanations (default zh-CN)
  --native   run the SQL on native DuckDB (@duckdb/node-api) instead of duckdb-wasm
  --bom      start the CSV files with a byte-order mark (for Excel)`;
