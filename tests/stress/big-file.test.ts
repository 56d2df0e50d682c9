// A 200 MB results file (about 3.7 million rows, every 10,000th bad) through the import path,
// then into DuckDB (duckdb-wasm under Node) as the app loads it: every row read is loaded or
// rejected, and the table holds exactly the rows loaded.
import { afterAll, describe, expect, it } from 'vitest';
import { loadTables } from '../../src/db/load';
import { openNodeDatabase } from '../../src/db/node';
import { toRows } from '../../src/db/rows';
import type { Database } from '../../src/db/types';
import { importToSource } from '../../src/workspace/importing';

const UNITS = ['春江镇', '孟河镇', '新桥镇', '薛家镇', '罗溪镇', '西夏墅镇', '奔牛镇', '河海街道', '三井街道', '龙虎塘街道'];
const TARGET_BYTES = 200 * 1024 * 1024;

/** Rows until the file reaches 200 MB; returns the bytes, the rows and the bad rows' lines. */
function bigFile(): { bytes: Uint8Array; rows: number; bad: number[] } {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [encoder.encode('年度,单位,指标,轮次,完成值,备注\r\n')];
  let size = chunks[0]!.length;
  let rows = 0;
  const bad: number[] = [];
  while (size < TARGET_BYTES) {
    const lines: string[] = [];
    for (let k = 0; k < 10_000; k++) {
      rows++;
      const broken = rows % 10_000 === 5_000;
      if (broken) bad.push(rows + 1);
      const actual = broken ? '9 9 %' : (80 + (rows % 2000) / 100).toFixed(2);
      lines.push(`${2000 + (rows % 20)},${UNITS[rows % 10]},指标${rows % 97}率%,${rows % 3 === 0 ? '半年' : '年终'},${actual},第${rows}行\r\n`);
    }
    const chunk = encoder.encode(lines.join(''));
    chunks.push(chunk);
    size += chunk.length;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { bytes, rows, bad };
}

let db: Database | undefined;
afterAll(async () => {
  await db?.close();
});

describe('a 200 MB file', () => {
  it('imports, accounts for every row, and loads into DuckDB', async () => {
    const file = bigFile();
    expect(file.bytes.length).toBeGreaterThanOrEqual(TARGET_BYTES);
    const started = performance.now();
    const o = importToSource({ name: 'results-big.csv', bytes: file.bytes });
    const r = o.report;
    expect([r.ok, r.table, r.read, r.loaded, r.rejected.length]).toEqual([true, 'results', file.rows, file.rows - file.bad.length, file.bad.length]);
    expect(r.rejected.map((j) => j.row)).toEqual(file.bad);
    expect(r.rejected[0]).toMatchObject({ column: '完成值', value: '9 9 %', reason: { key: 'ingest.reject.malformedNumber' } });
    const imported = performance.now();
    db = await openNodeDatabase();
    await loadTables(db, [o.source!]);
    const [count] = toRows(await db.query('SELECT count(*)::INTEGER AS n, count(DISTINCT unit)::INTEGER AS units, max(source_row)::INTEGER AS last FROM results'));
    expect(count).toEqual({ n: r.loaded, units: 10, last: file.rows + 1 });
    console.log(
      `200 MB: ${file.rows.toLocaleString('en')} rows, import ${((imported - started) / 1000).toFixed(1)} s, DuckDB load ${((performance.now() - imported) / 1000).toFixed(1)} s`,
    );
  });
});
