// Where the import worker's time goes, measured under Node on the same code (src/ingest and
// src/db/ipc, which run unchanged in the worker): decode, parse (PapaParse into a grid),
// normalise and validate (the rest of importFile), and the Arrow IPC encoding.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sourceToIPC } from '../src/db/ipc';
import { decode, importFile } from '../src/ingest';
import { parseGrid } from '../src/ingest/parse';
import { sniffDelimiter } from '../src/ingest/sniff';

export interface IngestStages {
  readonly decodeMs: number;
  readonly parseMs: number;
  readonly normaliseMs: number;
  readonly arrowMs: number;
  readonly ipcBytes: number;
}

export function ingestStages(dir: string, files: readonly string[]): IngestStages {
  let [decodeMs, parseMs, importMs, arrowMs, ipcBytes] = [0, 0, 0, 0, 0];
  for (const name of files) {
    const bytes = new Uint8Array(readFileSync(path.join(dir, name)));
    let t = performance.now();
    const { text } = decode(bytes);
    decodeMs += performance.now() - t;
    t = performance.now();
    parseGrid(text, sniffDelimiter(text));
    parseMs += performance.now() - t;
    t = performance.now();
    const r = importFile({ name, bytes });
    importMs += performance.now() - t;
    if (!r.ok || !r.table) continue;
    t = performance.now();
    ipcBytes += sourceToIPC({ table: r.table, file: r.file, data: r.data, sourceRows: r.sourceRows }).length;
    arrowMs += performance.now() - t;
  }
  return { decodeMs, parseMs, normaliseMs: Math.max(0, importMs - decodeMs - parseMs), arrowMs, ipcBytes };
}
