// `npm run build` also writes dist/kaohe.html: the whole app in one file (issue 6), made from the
// build's own output. Its blocks are what 导出为单个文件 copies into a shared page.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { BOOTSTRAP } from '../src/share/bootstrap';
import { DEFAULT_OPTIONS, renderShareHtml, sharePolicy, type Block, type BlockRole } from '../src/share/html';

export const SINGLE_FILE = 'kaohe.html';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

const pack = (bytes: Uint8Array | string) => gzipSync(bytes, { level: 9 }).toString('base64');

function roleOf(fileName: string): BlockRole {
  if (fileName.endsWith('.wasm')) return 'wasm';
  if (/duckdb-browser-eh\.worker/.test(path.basename(fileName))) return 'duckdb-worker';
  return 'asset';
}

/**
 * Asset URLs in the app's code ask `globalThis.__kaoheAsset` first (the single-file page answers
 * with blob: URLs) and fall back to the usual URL relative to the module.
 */
export function assetUrl(fileName: string, hostId: string, hostType: 'js' | 'css' | 'html') {
  if (hostType !== 'js') return { relative: true };
  const relative = path.posix.relative(path.posix.dirname(hostId), fileName);
  return {
    runtime: `(globalThis.__kaoheAsset?.(${JSON.stringify(fileName)}) ?? new URL(${JSON.stringify(relative)}, import.meta.url).href)`,
  };
}

export function singleFile(): Plugin {
  return {
    name: 'kaohe-single-file',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const outputs = Object.values(bundle);
      const chunks = outputs.flatMap((o) => (o.type === 'chunk' ? [o] : []));
      if (chunks.length !== 1) this.error(`the single-file page needs one JS chunk, the build has ${chunks.length}`);
      const blocks: Block[] = [{ role: 'app', name: chunks[0]!.fileName, type: 'text/javascript', base64: pack(chunks[0]!.code) }];
      let css = '';
      for (const o of outputs) {
        if (o.type !== 'asset' || o.fileName.endsWith('.html')) continue;
        if (o.fileName.endsWith('.css')) {
          css += typeof o.source === 'string' ? o.source : new TextDecoder().decode(o.source);
          continue;
        }
        const type = TYPES[path.extname(o.fileName)] ?? 'application/octet-stream';
        blocks.push({ role: roleOf(o.fileName), name: o.fileName, type, base64: pack(o.source) });
      }
      const hash = createHash('sha256').update(BOOTSTRAP).digest('base64');
      const html = renderShareHtml({
        title: '考核 kaohe',
        csp: sharePolicy(hash),
        css,
        blocks,
        options: DEFAULT_OPTIONS,
        bootstrap: BOOTSTRAP,
      });
      this.emitFile({ type: 'asset', fileName: SINGLE_FILE, source: html });
    },
  };
}
