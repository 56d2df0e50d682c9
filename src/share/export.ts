// 导出为单个文件: the app's own single-file page with this workspace inside. The page's parts
// come from the page itself when the app runs from one, else from the build's kaohe.html beside
// index.html (scripts/single-file.ts).
import { encodeWorkspaceFile } from '../workspace/file';
import type { WorkspaceDoc } from '../workspace/document';
import { fromBase64, toBase64 } from './base64';
import { isSingleFile } from './embedded';
import {
  BLOCK_TYPE,
  BOOTSTRAP_ID,
  CSS_ID,
  OPTIONS_ID,
  readOptions,
  renderShareHtml,
  withWorkspace,
  workspaceBase64,
  type Block,
  type BlockRole,
  type ShareOptions,
  type SharePage,
} from './html';

export class ShareError extends Error {
  override name = 'ShareError';
  constructor(readonly reason: 'no_single_file' | 'not_share') {
    super(reason);
  }
}

const ROLES: readonly BlockRole[] = ['app', 'asset', 'wasm', 'duckdb-worker', 'workspace'];

/** The parts of a single-file page, read from its document. */
export function readPage(doc: Document): SharePage {
  const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
  const bootstrap = doc.getElementById(BOOTSTRAP_ID)?.textContent;
  if (!csp || !bootstrap) throw new ShareError('no_single_file');
  const blocks: Block[] = Array.from(doc.querySelectorAll<HTMLScriptElement>(`script[type="${BLOCK_TYPE}"]`), (el) => {
    const role = el.dataset['role'] as BlockRole;
    if (!ROLES.includes(role)) throw new ShareError('no_single_file');
    return { role, name: el.dataset['name'] ?? '', type: el.dataset['type'] ?? '', base64: (el.textContent ?? '').trim() };
  });
  if (!blocks.some((b) => b.role === 'app')) throw new ShareError('no_single_file');
  return {
    title: doc.title,
    csp,
    css: doc.getElementById(CSS_ID)?.textContent ?? '',
    blocks,
    options: readOptions(doc.getElementById(OPTIONS_ID)?.textContent),
    bootstrap,
  };
}

/** The single-file page this app is made of. */
async function shellPage(): Promise<SharePage> {
  if (isSingleFile()) return readPage(document);
  let text: string;
  try {
    const res = await fetch(new URL('kaohe.html', location.href));
    if (!res.ok) throw new ShareError('no_single_file');
    text = await res.text();
  } catch {
    throw new ShareError('no_single_file');
  }
  return readPage(new DOMParser().parseFromString(text, 'text/html'));
}

/** The shared page for `doc` as a Blob: the app, DuckDB and the workspace, opening on its active view. */
export async function exportHtml(doc: WorkspaceDoc, options: ShareOptions): Promise<Blob> {
  const workspace = toBase64(await encodeWorkspaceFile(doc));
  const page = withWorkspace(await shellPage(), workspace, options, doc.title ? `${doc.title} · 考核 kaohe` : '考核 kaohe');
  return new Blob([renderShareHtml(page)], { type: 'text/html;charset=utf-8' });
}

/** The workspace file (.kaohe bytes) inside a shared page's text. */
export function workspaceFromHtml(html: string): Uint8Array {
  const b64 = workspaceBase64(html);
  if (!b64) throw new ShareError('not_share');
  return fromBase64(b64);
}

export const isHtmlName = (name: string) => /\.html?$/i.test(name);

/** The bytes to open as a workspace: a shared page's embedded workspace file, else the bytes as given. */
export function workspaceBytesOf(name: string, bytes: Uint8Array): Uint8Array {
  if (!isHtmlName(name)) return bytes;
  try {
    return workspaceFromHtml(new TextDecoder().decode(bytes));
  } catch {
    return bytes;
  }
}
