import { describe, expect, it } from 'vitest';
import { sourceToIPC } from '../../../src/db/ipc';
import { changedTables, emptyWorkspace, withSources, withoutSource, type Source, type WorkspaceDoc } from '../../../src/workspace/document';
import { decodeWorkspaceFile, encodeWorkspaceFile, WorkspaceFileError } from '../../../src/workspace/file';

function source(id: string, file: string, table: Source['table'], units: string[]): Source {
  return {
    id,
    file,
    table,
    rows: units.length,
    importedAt: '2026-11-23T00:00:00.000Z',
    report: { file, ok: true, table, encoding: 'gb18030', delimiter: ',', shape: 'long', notes: [{ key: 'ingest.note.x', params: { n: 2 } }], read: units.length + 1, loaded: units.length, rejected: [{ row: 9, column: 'unit', reason: { key: 'ingest.reject.blank' } }] },
    ipc: sourceToIPC({ table: 'units', file, data: { unit: units }, sourceRows: units.map((_, i) => i + 2) }),
  };
}

const doc: WorkspaceDoc = {
  ...emptyWorkspace('新北区'),
  demo: 'xinbei',
  sources: [source('a', '单位.csv', 'units', ['春江镇', '河海街道']), source('b', 'more.csv', 'units', ['孟河镇'])],
};

describe('workspace file', () => {
  it('round-trips a workspace: every source, report and byte compares equal', async () => {
    const bytes = await encodeWorkspaceFile(doc);
    expect(bytes[0]).toBe(0x1f);
    expect(await decodeWorkspaceFile(bytes)).toEqual(doc);
  });

  it('round-trips an empty workspace', async () => {
    expect(await decodeWorkspaceFile(await encodeWorkspaceFile(emptyWorkspace()))).toEqual(emptyWorkspace());
  });

  const BAD: [string, Uint8Array, WorkspaceFileError['reason']][] = [
    ['a CSV file', new TextEncoder().encode('单位,类型\n春江镇,农村镇\n'), 'not_workspace'],
    ['an empty file', new Uint8Array(), 'not_workspace'],
    ['gzip that is cut short', new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2]), 'damaged'],
  ];
  for (const [name, bytes, reason] of BAD) {
    it(`refuses ${name} with the reason ${reason}`, async () => {
      await expect(decodeWorkspaceFile(bytes)).rejects.toEqual(new WorkspaceFileError(reason));
    });
  }

  it('refuses a file from a newer version', async () => {
    const newer = { ...doc, version: 2 } as unknown as WorkspaceDoc;
    await expect(decodeWorkspaceFile(await encodeWorkspaceFile(newer))).rejects.toEqual(new WorkspaceFileError('newer_version'));
  });
});

describe('workspace document', () => {
  it('replaces a re-imported file of the same name and table, keeps the others', () => {
    const again = source('c', '单位.csv', 'units', ['春江镇']);
    const next = withSources(doc, [again]);
    expect(next.sources.map((s) => s.id)).toEqual(['b', 'c']);
    expect(changedTables(doc, next)).toEqual(['units']);
  });

  it('a file of the same name for another table adds rows', () => {
    const next = withSources(doc, [source('d', '单位.csv', 'vetoes', [])]);
    expect(next.sources).toHaveLength(3);
    expect(changedTables(doc, next)).toEqual(['vetoes']);
  });

  it('removes a source', () => {
    expect(withoutSource(doc, 'a').sources.map((s) => s.id)).toEqual(['b']);
    expect(changedTables(doc, doc)).toEqual([]);
  });
});
