// The single-file page (issue 6): the app, DuckDB and optionally a workspace in one .html that
// opens from file:// with no network. Plain TypeScript, no DOM: the build (scripts/single-file.ts)
// renders it under Node and the app re-renders it in the browser with another workspace.
//
// Layout: a CSP that allows no network, the app's CSS, then inert data blocks
// (`<script type="application/x-kaohe">`, base64 of gzip) for the app's module, its workers, its
// assets, DuckDB's wasm and the workspace file (.kaohe), a JSON block of share options, and last
// the bootstrap (src/share/bootstrap.ts), the only script the page runs by itself.

/** What a data block holds; the bootstrap treats each role differently. */
export type BlockRole = 'app' | 'asset' | 'wasm' | 'duckdb-worker' | 'workspace';

export interface Block {
  readonly role: BlockRole;
  /** The asset's file name in the build (`assets/x.js`), as the app's code asks for it. */
  readonly name: string;
  /** MIME type of the inflated bytes. */
  readonly type: string;
  /** Base64 of the gzip-compressed bytes (for `workspace`: of the .kaohe file, gzip already). */
  readonly base64: string;
}

/** How the shared page opens: read-only, language. */
export interface ShareOptions {
  readonly readOnly: boolean;
  readonly lang: 'zh-CN' | 'en' | null;
}

export interface SharePage {
  readonly title: string;
  /** The page's Content-Security-Policy (see `sharePolicy`). */
  readonly csp: string;
  readonly css: string;
  readonly blocks: readonly Block[];
  readonly options: ShareOptions;
  /** The bootstrap script's text; `csp` allows exactly this inline script by its hash. */
  readonly bootstrap: string;
}

export const BLOCK_TYPE = 'application/x-kaohe';
export const OPTIONS_ID = 'kaohe-share';
export const BOOTSTRAP_ID = 'kaohe-boot';
export const CSS_ID = 'kaohe-css';
export const DEFAULT_OPTIONS: ShareOptions = { readOnly: false, lang: null };

/**
 * No network at all: connect-src is only blob: and data:, scripts only the bootstrap (by hash)
 * and the blob: modules it makes, workers only from blob:.
 */
export function sharePolicy(bootstrapHash: string): string {
  return [
    "default-src 'none'",
    `script-src 'sha256-${bootstrapHash}' blob: 'wasm-unsafe-eval'`,
    'worker-src blob:',
    'connect-src blob: data:',
    "style-src 'unsafe-inline'",
    'img-src blob: data:',
    'font-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const escapeAttr = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const escapeText = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
/** JSON inside a script element: no `<` at all, so no `</script>` and no `<!--`. */
export const scriptJson = (value: unknown) => JSON.stringify(value).replaceAll('<', '\\u003c');

export function renderShareHtml(page: SharePage): string {
  const blocks = page.blocks.map(
    (b) =>
      `<script type="${BLOCK_TYPE}" data-role="${b.role}" data-name="${escapeAttr(b.name)}" data-type="${escapeAttr(b.type)}">${b.base64}</script>`,
  );
  if (page.bootstrap.includes('</script')) throw new Error('the bootstrap must not contain </script');
  return [
    '<!doctype html>',
    `<html lang="${page.options.lang ?? 'zh-CN'}">`,
    '<head>',
    '<meta charset="UTF-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1.0" />',
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttr(page.csp)}" />`,
    '<meta name="generator" content="kaohe" />',
    `<title>${escapeText(page.title)}</title>`,
    `<style id="${CSS_ID}">${page.css.replaceAll('</style', '<\\/style')}</style>`,
    '</head>',
    '<body>',
    '<div id="app"></div>',
    ...blocks,
    `<script type="application/json" id="${OPTIONS_ID}">${scriptJson(page.options)}</script>`,
    `<script id="${BOOTSTRAP_ID}">${page.bootstrap}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A page with another workspace (or none) and other options: what 导出为单个文件 writes. */
export function withWorkspace(page: SharePage, workspace: string | null, options: ShareOptions, title: string): SharePage {
  const blocks = page.blocks.filter((b) => b.role !== 'workspace');
  if (workspace !== null) blocks.push({ role: 'workspace', name: 'workspace.kaohe', type: 'application/octet-stream', base64: workspace });
  return { ...page, blocks, options, title };
}

/** Reads options written by `renderShareHtml`; anything unexpected falls back to the defaults. */
export function readOptions(json: string | null | undefined): ShareOptions {
  try {
    const o = JSON.parse(json ?? '') as Partial<ShareOptions>;
    return { readOnly: o.readOnly === true, lang: o.lang === 'en' || o.lang === 'zh-CN' ? o.lang : null };
  } catch {
    return DEFAULT_OPTIONS;
  }
}

const WORKSPACE_BLOCK = new RegExp(`<script type="${BLOCK_TYPE}" data-role="workspace"[^>]*>([A-Za-z0-9+/=\\s]*)</script>`);

/** The workspace block's base64 in a shared page's text, or null when the text is no such page. */
export function workspaceBase64(html: string): string | null {
  return WORKSPACE_BLOCK.exec(html)?.[1]?.trim() ?? null;
}
