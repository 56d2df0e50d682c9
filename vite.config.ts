import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { assetUrl, singleFile } from './scripts/single-file';

export default defineConfig({
  // Relative URLs: the build works from any static server under any sub-path (issue 6).
  base: './',
  // singleFile: dist/kaohe.html, the app in one file (issue 6); assetUrl lets that page answer
  // the app's asset URLs with blob: URLs.
  plugins: [svelte(), singleFile()],
  experimental: {
    renderBuiltUrl: (fileName, { hostId, hostType }) => assetUrl(fileName, hostId, hostType),
  },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
