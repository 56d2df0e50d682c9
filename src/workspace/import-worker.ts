// The import worker: decoding, parsing and normalising run here so the page answers clicks
// while a large file loads. Rows come back as Arrow IPC buffers, transferred, not copied.
import type { ImportContext } from '../ingest';
import { importToSource, type ImportOutcome } from './importing';

export interface ImportRequest {
  readonly id: number;
  readonly files: readonly { name: string; bytes: Uint8Array }[];
  readonly ctx: ImportContext;
}

export type ImportReply =
  | { readonly id: number; readonly type: 'progress'; readonly done: number; readonly total: number; readonly file: string }
  | { readonly id: number; readonly type: 'done'; readonly outcomes: readonly ImportOutcome[] }
  | { readonly id: number; readonly type: 'error'; readonly message: string };

const post = (reply: ImportReply, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(reply, transfer);

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  const { id, files, ctx } = event.data;
  try {
    const outcomes: ImportOutcome[] = [];
    for (const [i, f] of files.entries()) {
      post({ id, type: 'progress', done: i, total: files.length, file: f.name });
      outcomes.push(importToSource(f, ctx));
    }
    const transfer = outcomes.flatMap((o) => (o.source ? [o.source.ipc.buffer as ArrayBuffer] : []));
    post({ id, type: 'done', outcomes }, transfer);
  } catch (e) {
    post({ id, type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
