// @vitest-environment happy-dom
// The single-file page's text: what the build writes and 导出为单个文件 re-writes.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sourceToIPC } from '../../../src/db/ipc';
import { BOOTSTRAP, DUCKDB_PRELUDE } from '../../../src/share/bootstrap';
import { readPage, workspaceBytesOf, workspaceFromHtml, ShareError } from '../../../src/share/export';
import { renderShareHtml, sharePolicy, withWorkspace, type SharePage } from '../../../src/share/html';
import { toBase64 } from '../../../src/share/base64';
import { emptyWorkspace, type WorkspaceDoc } from '../../../src/workspace/document';
import { decodeWorkspaceFile, encodeWorkspaceFile } from '../../../src/workspace/file';

const hash = createHash('sha256').update(BOOTSTRAP).digest('base64');

const page: SharePage = {
  title: '考核 kaohe',
  csp: sharePolicy(hash),
  css: 'body { font-family: "Noto Sans CJK SC"; } a > b { color: red }',
  blocks: [
    { role: 'app', name: 'assets/index-x.js', type: 'text/javascript', base64: 'H4sIAAAAAAAAAwMAAAAAAAAAAAA=' },
    { role: 'wasm', name: 'assets/duckdb-eh-x.wasm', type: 'application/wasm', base64: 'AAEC' },
    { role: 'asset', name: 'assets/武进区单位-x.csv', type: 'text/csv', base64: 'AwQF' },
  ],
  options: { readOnly: false, lang: null },
  bootstrap: BOOTSTRAP,
};

const doc: WorkspaceDoc = {
  ...emptyWorkspace('新北区 <script>alert(1)</script>'),
  sources: [
    {
      id: 'a',
      file: '单位.csv',
      table: 'units',
      rows: 2,
      importedAt: '2026-11-23T00:00:00.000Z',
      report: { file: '单位.csv', ok: true, table: 'units', encoding: 'utf-8', delimiter: ',', shape: 'long', notes: [], read: 2, loaded: 2, rejected: [] },
      ipc: sourceToIPC({ table: 'units', file: '单位.csv', data: { unit: ['春江镇', '河海街道'] }, sourceRows: [2, 3] }),
    },
  ],
};

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

describe('single-file page', () => {
  it('allows no network: connect-src only blob: and data:, scripts only the bootstrap by its hash', () => {
    const csp = sharePolicy(hash);
    expect(csp).toContain('connect-src blob: data:;');
    expect(csp).toContain(`script-src 'sha256-${hash}' blob: 'wasm-unsafe-eval'`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/https?:|'self'|\*/);
  });

  it('reads back every part it was written with', () => {
    const html = renderShareHtml(page);
    expect(readPage(parse(html))).toEqual(page);
  });

  it('carries a workspace and options, replacing the ones it had', async () => {
    const ws = toBase64(await encodeWorkspaceFile(doc));
    const once = withWorkspace(page, 'AAAA', { readOnly: false, lang: null }, 'x');
    const shared = withWorkspace(once, ws, { readOnly: true, lang: 'en' }, doc.title);
    const html = renderShareHtml(shared);
    const back = readPage(parse(html));
    expect(back.blocks.filter((b) => b.role === 'workspace')).toHaveLength(1);
    expect(back.options).toEqual({ readOnly: true, lang: 'en' });
    expect(back.title).toBe(doc.title);
    // The title is user text: it stays text, never markup.
    expect(html).not.toContain('<script>alert(1)');
    expect(parse(html).querySelectorAll('script:not([type])')).toHaveLength(1);
    expect(await decodeWorkspaceFile(workspaceFromHtml(html))).toEqual(doc);
    expect(await decodeWorkspaceFile(workspaceBytesOf('共享.HTML', new TextEncoder().encode(html)))).toEqual(doc);
  });

  it('an .html that is no shared page is handed on as it is, for the workspace reader to refuse', () => {
    const other = new TextEncoder().encode('<html><body>hello</body></html>');
    expect(() => workspaceFromHtml('<html></html>')).toThrow(ShareError);
    expect(workspaceBytesOf('page.html', other)).toBe(other);
    expect(() => readPage(parse('<html><head><title>x</title></head></html>'))).toThrow(ShareError);
  });

  it('keeps the scripts inside their elements', () => {
    expect(BOOTSTRAP).not.toContain('</script');
    expect(DUCKDB_PRELUDE).not.toContain('</script');
    expect(() => renderShareHtml({ ...page, bootstrap: 'x("</script>")' })).toThrow();
  });
});
