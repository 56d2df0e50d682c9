// The 武进区 demo workspace, imported and scored in Node through the app's own code (ingest →
// Arrow IPC → DuckDB tables → engine views): what the default notebook runs on in the browser.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadTables } from '../../../src/db/load';
import { openNodeDatabase } from '../../../src/db/node';
import type { Database } from '../../../src/db/types';
import { applyScoring } from '../../../src/engine';
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
