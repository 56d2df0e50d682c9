// 1,000 files dropped at once: each imported on its own (one import report per file, bad ones
// failing alone), the good ones loaded into DuckDB together and scored.
import { afterAll, describe, expect, it } from 'vitest';
import { loadTables } from '../../src/db/load';
import { openNodeDatabase } from '../../src/db/node';
import { toRows } from '../../src/db/rows';
import type { Database } from '../../src/db/types';
import { applyScoring } from '../../src/engine';
import { emptyWorkspace, withSources } from '../../src/workspace/document';
import { importToSource } from '../../src/workspace/importing';

const FILES = 1_000;
const UNITS = ['春江镇', '孟河镇', '新桥镇', '薛家镇', '罗溪镇'];
const encode = (s: string) => new TextEncoder().encode(s);

/** File i: 20 results rows of one indicator; every 100th file is empty, every 50th has one bad row. */
function file(i: number): { name: string; bytes: Uint8Array } {
  const name = `results-${String(i).padStart(4, '0')}.csv`;
  if (i % 100 === 99) return { name, bytes: new Uint8Array(0) };
  const lines = ['年度,单位,指标,轮次,完成值'];
  for (let k = 0; k < 20; k++) {
    const actual = i % 50 === 0 && k === 3 ? '--' : String(80 + ((i + k) % 20));
    lines.push(`${2010 + (k % 4)},${UNITS[k % 5]},指标${i},年终,${actual}`);
  }
  return { name, bytes: encode(lines.join('\n')) };
}

let db: Database | undefined;
afterAll(async () => {
  await db?.close();
});

describe('1,000 files at once', () => {
  it('imports each, loads the good ones together and scores them', async () => {
    const files = Array.from({ length: FILES }, (_, i) => file(i));
    const outcomes = files.map((f) => importToSource(f));
    const failed = outcomes.filter((o) => !o.report.ok);
    expect(failed.length).toBe(10);
    expect(failed.every((o) => o.report.error?.key === 'ingest.error.empty')).toBe(true);
    const partial = outcomes.filter((o) => o.report.rejected.length > 0);
    expect(partial.length).toBe(20);
    for (const o of outcomes) expect(o.report.loaded + o.report.rejected.length).toBe(o.report.read);
    const sources = outcomes.flatMap((o) => (o.source ? [o.source] : []));
    const doc = withSources(emptyWorkspace(), sources);
    expect(doc.sources.length).toBe(FILES - 10);
    const loaded = sources.reduce((s, x) => s + x.rows, 0);
    expect(loaded).toBe((FILES - 10) * 20 - 20);

    db = await openNodeDatabase();
    await loadTables(db, doc.sources);
    const [count] = toRows(await db.query('SELECT count(*)::INTEGER AS n, count(DISTINCT source)::INTEGER AS files FROM results'));
    expect(count).toEqual({ n: loaded, files: FILES - 10 });
    await applyScoring(db, { lang: 'en' });
    const [totals] = toRows(await db.query('SELECT count(*)::INTEGER AS n FROM totals'));
    expect(totals?.['n']).toBe(UNITS.length * 4);
  });
});
