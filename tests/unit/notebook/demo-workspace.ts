// The 武进区 demo workspace, imported and scored in Node through the app's own code (ingest →
// Arrow IPC → DuckDB tables → engine views): what the default notebook runs on in the browser.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadTables } from '../../../src/db/load';
import { openNodeDatabase } from '../../../src/db/node';
import type { Database } from '../../../src/db/types';
import { applyScoring } from '../../../src/engine';
import { importToSource } from '../../../src/workspace/importing';

const DEMOS = path.resolve(import.meta.dirname, '../../../data/demo');

const shared = new Map<string, Promise<Database>>();

/** A demo workspace by id (`wujin`, `xinbei`); units first, so wide tables know the unit names. */
export function demoDb(id = 'wujin'): Promise<Database> {
  let db = shared.get(id);
  if (!db) shared.set(id, (db = open(id)));
  return db;
}

async function open(id: string): Promise<Database> {
  const db = await openNodeDatabase();
  const dir = path.join(DEMOS, id);
  const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
  const read = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(path.join(dir, name))) });
  const units = files.flatMap((f) => importToSource(read(f)).source ?? []).filter((s) => s.table === 'units');
  await loadTables(db, units, ['units']);
  const knownUnits = (await db.query('SELECT unit FROM units')).toArray().map((r) => String(r['unit']));
  const sources = files.flatMap((f) => importToSource(read(f), { knownUnits }).source ?? []);
  await loadTables(db, sources);
  await applyScoring(db, { lang: 'zh-CN' });
  return db;
}
