// The workspace file (.kaohe): everything a workspace holds, in one gzip-compressed file.
// Layout before compression: MAGIC, a little-endian uint32 byte length, the manifest as UTF-8
// JSON (the document with each source's IPC replaced by its offset and length), then the IPC
// streams one after another.
import { TABLE_NAMES, type TableName } from '../schema/tables';
import { WORKSPACE_FORMAT, type Source, type WorkspaceDoc } from './document';

const MAGIC = new TextEncoder().encode('KAOHE\u0001');

export class WorkspaceFileError extends Error {
  override name = 'WorkspaceFileError';
  constructor(readonly reason: 'not_workspace' | 'newer_version' | 'damaged') {
    super(reason);
  }
}

type ManifestSource = Omit<Source, 'ipc'> & { readonly offset: number; readonly length: number };
type Manifest = Omit<WorkspaceDoc, 'sources'> & { readonly sources: readonly ManifestSource[] };

async function through(bytes: Uint8Array, stream: GenericTransformStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

export async function encodeWorkspaceFile(doc: WorkspaceDoc): Promise<Uint8Array> {
  let offset = 0;
  const sources: ManifestSource[] = doc.sources.map(({ ipc, ...meta }) => {
    const entry = { ...meta, offset, length: ipc.byteLength };
    offset += ipc.byteLength;
    return entry;
  });
  const manifest = new TextEncoder().encode(JSON.stringify({ ...doc, sources } satisfies Manifest));
  const body = new Uint8Array(MAGIC.length + 4 + manifest.length + offset);
  body.set(MAGIC, 0);
  new DataView(body.buffer).setUint32(MAGIC.length, manifest.length, true);
  body.set(manifest, MAGIC.length + 4);
  let at = MAGIC.length + 4 + manifest.length;
  for (const s of doc.sources) {
    body.set(s.ipc, at);
    at += s.ipc.byteLength;
  }
  return through(body, new CompressionStream('gzip'));
}

const isGzip = (b: Uint8Array) => b[0] === 0x1f && b[1] === 0x8b;

export async function decodeWorkspaceFile(bytes: Uint8Array): Promise<WorkspaceDoc> {
  if (!isGzip(bytes)) throw new WorkspaceFileError('not_workspace');
  let body: Uint8Array;
  try {
    body = await through(bytes, new DecompressionStream('gzip'));
  } catch {
    throw new WorkspaceFileError('damaged');
  }
  if (body.length < MAGIC.length + 4 || MAGIC.some((b, i) => body[i] !== b)) {
    throw new WorkspaceFileError('not_workspace');
  }
  const length = new DataView(body.buffer, body.byteOffset).getUint32(MAGIC.length, true);
  const start = MAGIC.length + 4 + length;
  if (start > body.length) throw new WorkspaceFileError('damaged');
  let manifest: Manifest;
  try {
    manifest = JSON.parse(new TextDecoder().decode(body.subarray(MAGIC.length + 4, start))) as Manifest;
  } catch {
    throw new WorkspaceFileError('damaged');
  }
  if (manifest.format !== WORKSPACE_FORMAT) throw new WorkspaceFileError('not_workspace');
  if (manifest.version > 1) throw new WorkspaceFileError('newer_version');
  const sources: Source[] = manifest.sources.map(({ offset, length: n, ...meta }) => {
    if (!TABLE_NAMES.includes(meta.table as TableName) || start + offset + n > body.length) {
      throw new WorkspaceFileError('damaged');
    }
    return { ...meta, ipc: body.slice(start + offset, start + offset + n) };
  });
  return { ...manifest, sources };
}
