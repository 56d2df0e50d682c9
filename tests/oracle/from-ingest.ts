// Feeds the oracle from the app's own ingest (decode → parse → normalise → validate): for files
// such as the demos' wide, GB18030 and title-line exports, where the question is the scoring,
// not the reading.
import type { ImportResult } from '../../src/ingest';
import { Inputs } from './inputs';

export function inputsFromImports(results: readonly ImportResult[]): Inputs {
  const inputs = new Inputs();
  for (const r of results) {
    if (!r.ok || !r.table) continue;
    const columns = Object.keys(r.data);
    for (let i = 0; i < r.loaded; i++) {
      const row: Record<string, string | null> = {};
      for (const c of columns) row[c] = r.data[c]![i] ?? null;
      inputs.add(r.table, row);
    }
  }
  return inputs;
}
