// Serves the production build with vite preview on a free local port, as a user's static host would.
import { preview, type PreviewServer } from 'vite';

export interface AppServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function serveBuild(root: string, outDir = 'dist'): Promise<AppServer> {
  const app: PreviewServer = await preview({ root, build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'silent' });
  const url = app.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview has no local URL');
  return { url, close: () => new Promise<void>((resolve) => app.httpServer.close(() => resolve())) };
}
