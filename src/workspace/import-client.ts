import type { ImportContext } from '../ingest';
import type { ImportOutcome } from './importing';
import type { ImportReply, ImportRequest } from './import-worker';

export interface ImportProgress {
  readonly done: number;
  readonly total: number;
  readonly file: string;
}

/** Talks to the import worker; one request at a time per call, replies matched by id. */
export class ImportClient {
  #worker: Worker | null = null;
  #next = 0;

  #start(): Worker {
    this.#worker ??= new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
    return this.#worker;
  }

  run(
    files: readonly { name: string; bytes: Uint8Array }[],
    ctx: ImportContext,
    onProgress: (p: ImportProgress) => void = () => {},
  ): Promise<ImportOutcome[]> {
    const worker = this.#start();
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      const onMessage = (event: MessageEvent<ImportReply>) => {
        const reply = event.data;
        if (reply.id !== id) return;
        if (reply.type === 'progress') return onProgress(reply);
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        if (reply.type === 'done') resolve([...reply.outcomes]);
        else reject(new Error(reply.message));
      };
      const onError = (event: ErrorEvent) => {
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        this.#worker = null;
        reject(new Error(event.message || 'import worker failed'));
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      const request: ImportRequest = { id, files, ctx };
      worker.postMessage(request);
    });
  }

  dispose(): void {
    this.#worker?.terminate();
    this.#worker = null;
  }
}
