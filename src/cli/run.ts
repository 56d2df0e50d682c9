// `npm run score`: every CSV of a directory through the app's import path (importToSource:
// ingest → Arrow IPC), the same tables and scoring views, then totals.csv and details.csv.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { loadTables } from '../db/load';
import { openNodeDatabase } from '../db/node';
import { toRows } from '../db/rows';
import type { Database } from '../db/types';
import { applyScoring, engineMessages } from '../engine';
import { mergeCatalogues, render } from '../i18n/format';
import type { Lang, Message } from '../i18n/types';
import { ingestMessages } from '../ingest';
import { importToSource, type ImportOutcome } from '../workspace/importing';
import { parseArgs, USAGE, type Options } from './args';
import { toCsv } from './csv';
import { cliMessages } from './messages';
import { openNativeDatabase } from '../db/native';

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

const CATALOGUE = mergeCatalogues(cliMessages, ingestMessages, engineMessages);

/** Exact decimal text without trailing zeros (DECIMAL columns always have a scale). */
const exact = (column: string) => `rtrim(rtrim(CAST(${column} AS VARCHAR), '0'), '.') AS ${column}`;
const text = (column: string) => `CAST(${column} AS VARCHAR) AS ${column}`;

export const TOTALS_SQL = `SELECT ${text('year')}, unit, ${exact('base')}, ${exact('bonus')}, ${text('total')}, grade, ${text('rank')},
  ${text('vetoed')}, veto_reason, ${text('veto_streak')}
FROM totals ORDER BY totals.year, totals.rank, totals.unit_ord, totals.unit`;

export const DETAILS_SQL = `SELECT ${text('year')}, unit, indicator, category, round, target, actual, ${exact('points')}, ${exact('score')},
  flag, note, explanation
FROM scores ORDER BY scores.year, scores.unit_ord, scores.unit, scores.rubric_source, scores.rubric_row, scores.round_ord NULLS LAST`;

function readDirectory(dir: string): { name: string; bytes: Uint8Array }[] {
  return readdirSync(dir)
    .filter((name) => name.toLowerCase().endsWith('.csv') && statSync(path.join(dir, name)).isFile())
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(dir, name))) }));
}

/** Units first, then every other file with the units known, as the app imports (it helps wide tables). */
function importAll(files: readonly { name: string; bytes: Uint8Array }[]): ImportOutcome[] {
  const first = files.map((f) => importToSource(f));
  const knownUnits = first.flatMap((o) =>
    o.source?.table === 'units' ? (tableFromIPC(o.source.ipc).getChild('unit')?.toArray() ?? []).map(String) : [],
  );
  if (knownUnits.length === 0) return first;
  return first.map((o, i) => (o.source?.table === 'units' ? o : importToSource(files[i]!, { knownUnits })));
}

/**
 * Every input error as a sentence naming the file, the row and the column. Ingest's sentences
 * already name them; ours frames any that does not name its file.
 */
export function problems(outcomes: readonly ImportOutcome[], say: (m: Message) => string): string[] {
  return outcomes.flatMap(({ report }) => {
    const framed = (reason: string, frame: Message) => (reason.includes(report.file) ? reason : say(frame));
    if (!report.ok) {
      const reason = say(report.error ?? { key: 'cli.unknownError' });
      return [framed(reason, { key: 'cli.failed', params: { file: report.file, reason } })];
    }
    return report.rejected.map((r) => {
      const reason = say(r.reason);
      return framed(reason, { key: 'cli.rejected', params: { file: report.file, row: r.row, column: r.column ?? '—', reason } });
    });
  });
}

async function write(db: Database, o: Options): Promise<{ totals: string; details: string; units: number; years: number }> {
  const totals = toRows(await db.query(TOTALS_SQL));
  const details = toRows(await db.query(DETAILS_SQL));
  const csv = (rows: typeof totals) => {
    const columns = Object.keys(rows[0] ?? {});
    return toCsv(columns, rows.map((r) => columns.map((c) => (r[c] == null ? null : String(r[c])))), o.bom);
  };
  mkdirSync(o.out, { recursive: true });
  const files = { totals: path.join(o.out, 'totals.csv'), details: path.join(o.out, 'details.csv') };
  writeFileSync(files.totals, totals.length ? csv(totals) : 'year,unit,base,bonus,total,grade,rank,vetoed,veto_reason,veto_streak\n');
  writeFileSync(files.details, csv(details));
  return { ...files, units: new Set(totals.map((t) => t['unit'])).size, years: new Set(totals.map((t) => t['year'])).size };
}

/** Runs the command; the exit code: 0 scored, 1 input errors, 2 usage. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    if (parsed.problem) io.err(parsed.problem);
    io.err(USAGE);
    return parsed.problem ? 2 : 0;
  }
  const o = parsed.options;
  const say = (m: Message) => render(CATALOGUE, o.lang, m);
  if (!statSync(o.data, { throwIfNoEntry: false })?.isDirectory()) {
    io.err(say({ key: 'cli.noDir', params: { dir: o.data } }));
    return 1;
  }
  const files = readDirectory(o.data);
  if (files.length === 0) {
    io.err(say({ key: 'cli.noFiles', params: { dir: o.data } }));
    return 1;
  }
  const outcomes = importAll(files);
  const errors = problems(outcomes, say);
  if (errors.length > 0) {
    for (const e of errors) io.err(e);
    io.err(say({ key: 'cli.stopped', params: { count: errors.length } }));
    return 1;
  }
  for (const { report } of outcomes) for (const n of report.notes) io.err(say({ key: 'cli.note', params: { file: report.file, note: say(n) } }));

  const db = await (o.native ? openNativeDatabase() : openNodeDatabase());
  try {
    await loadTables(db, outcomes.flatMap((x) => (x.source ? [x.source] : [])));
    await applyScoring(db, { lang: o.lang as Lang });
    for (const n of toRows(await db.query('SELECT message FROM scoring_notes'))) {
      io.err(say({ key: 'cli.scoringNote', params: { note: String(n['message']) } }));
    }
    const done = await write(db, o);
    io.out(say({ key: 'cli.done', params: done }));
    return 0;
  } finally {
    await db.close();
  }
}
