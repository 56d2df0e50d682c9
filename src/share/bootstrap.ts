// The two scripts of the single-file page, kept as text: they run before any module can, so they
// cannot be modules themselves. The page's CSP allows the bootstrap by its hash.

/** The URL DuckDB's worker is told its wasm is at; the prelude answers it, nothing is fetched. */
export const EMBEDDED_WASM_URL = 'https://kaohe.invalid/duckdb-eh.wasm';

/**
 * Runs in DuckDB's worker before DuckDB's own code. The page's first message brings the gzipped
 * wasm; the worker's fetch of `EMBEDDED_WASM_URL` is answered with it, inflated as it streams.
 * (A blob: URL made by a file:// page for the wasm cannot be fetched inside the worker.)
 */
export const DUCKDB_PRELUDE = `(() => {
  const WASM_URL = ${JSON.stringify(EMBEDDED_WASM_URL)};
  let give;
  const wasm = new Promise((resolve) => (give = resolve));
  const grab = (e) => {
    if (!e.data || !e.data.kaoheWasm) return;
    e.stopImmediatePropagation();
    self.removeEventListener('message', grab);
    give(e.data.kaoheWasm);
  };
  self.addEventListener('message', grab);
  const realFetch = self.fetch.bind(self);
  self.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url !== WASM_URL) return realFetch(input, init);
    return wasm.then((gz) => new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip')), {
      headers: { 'content-type': 'application/wasm' },
    }));
  };
})();
`;

/**
 * Reads the data blocks, inflates the app's module, workers and assets into blob: URLs, hands
 * the app `__kaoheAsset` (the build renders asset URLs through it) and `__kaoheEmbedded`
 * (DuckDB's worker, the gzipped wasm, the workspace), then imports the app.
 * `import.meta.url` of a blob: module cannot resolve relative URLs, hence `__kaoheAsset`.
 */
export const BOOTSTRAP = `(async () => {
  const fromBase64 = (s) => Uint8Array.fromBase64 ? Uint8Array.fromBase64(s) : Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  const inflate = async (bytes, type) =>
    new Blob([await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer()], { type });
  try {
    const urls = Object.create(null);
    const embedded = { wasm: null, wasmUrl: ${JSON.stringify(EMBEDDED_WASM_URL)}, duckdbWorker: null, workspace: null };
    const classic = new Set();
    let app = null;
    await Promise.all(Array.from(document.querySelectorAll('script[type="application/x-kaohe"]'), async (el) => {
      const { role, name, type } = el.dataset;
      const bytes = fromBase64(el.textContent.trim());
      if (role === 'wasm') return void (embedded.wasm = bytes, urls[name] = embedded.wasmUrl);
      if (role === 'workspace') return void (embedded.workspace = bytes);
      const blob = await inflate(bytes, type);
      if (role === 'duckdb-worker') {
        embedded.duckdbWorker = urls[name] = URL.createObjectURL(new Blob([${JSON.stringify(DUCKDB_PRELUDE)}, blob], { type }));
      } else if (role === 'app') app = URL.createObjectURL(blob);
      else if (type === 'text/javascript') classic.add(urls[name] = URL.createObjectURL(new Blob(['"use strict";\\n', blob], { type })));
      else urls[name] = URL.createObjectURL(blob);
    }));
    // A file:// page cannot start a module worker from a blob: URL (a classic one it can): the
    // app's worker scripts import nothing, so they run as classic scripts in strict mode.
    const NativeWorker = globalThis.Worker;
    globalThis.Worker = class extends NativeWorker {
      constructor(url, options) {
        super(url, classic.has(String(url)) && options ? { ...options, type: 'classic' } : options);
      }
    };
    globalThis.__kaoheAsset = (name) => urls[name];
    globalThis.__kaoheEmbedded = embedded;
    await import(app);
  } catch (e) {
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = '无法打开此文件 / This file cannot be opened: ' + (e && e.message ? e.message : e);
    document.body.prepend(p);
  }
})();
`;
