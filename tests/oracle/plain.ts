// The plain TypeScript pipeline (issue 7's baseline): CSV bytes → PapaParse → maps → totals,
// with no database. The same code is the oracle the benchmark checks the engine against.
import { readCsv } from './csv';
import { Inputs } from './inputs';
import { scoreAll, type OracleTotal } from './score';

export interface PlainRun {
  readonly totals: OracleTotal[];
  /** Decoding, parsing and normalising every file into the maps. */
  readonly readMs: number;
  readonly scoreMs: number;
  readonly tables: (string | null)[];
}

export function plainPipeline(files: readonly { name: string; bytes: Uint8Array }[]): PlainRun {
  const t0 = performance.now();
  const inputs = new Inputs();
  const tables = files.map((f) => readCsv(inputs, f.bytes));
  const t1 = performance.now();
  const totals = scoreAll(inputs);
  return { totals, readMs: t1 - t0, scoreMs: performance.now() - t1, tables };
}
