// The 武进区 demo workspace (17 units, 2016–2019), imported and scored in Node through the app's
// own code, and a way to score a scenario over it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadTables } from '../../../src/db/load';
import { openNodeDatabase } from '../../../src/db/node';
import { toRows, type Row } from '../../../src/db/rows';
import type { Database, Param } from '../../../src/db/types';
import { applyScoring } from '../../../src/engine';
import { applyScenario, type Override } from '../../../src/scenarios';
import { importToSource } from '../../../src/workspace/importing';

const DEMO = path.resolve(import.meta.dirname, '../../../data/demo/wujin');

let shared: Promise<Database> | undefined;

export function demoDb(): Promise<Database> {
  shared ??= (async () => {
    const db = await openNodeDatabase();
    const sources = readdirSync(DEMO)
      .filter((f) => f.endsWith('.csv'))
      .sort()
      .flatMap((name) => importToSource({ name, bytes: new Uint8Array(readFileSync(path.join(DEMO, name))) }).source ?? []);
    await loadTables(db, sources);
    await applyScoring(db, { lang: 'zh-CN' });
    return db;
  })();
  return shared;
}

export async function rows(db: Database, sql: string, params: readonly Param[] = []): Promise<Row[]> {
  return toRows(await db.query(sql, params));
}

/** Scores the overrides as a scenario on the demo and returns the database. */
export async function scenario(overrides: readonly Override[]): Promise<Database> {
  const db = await demoDb();
  await applyScenario(db, { id: 't', name: 't', note: '', overrides }, { lang: 'zh-CN', stamp: 'demo' });
  return db;
}
