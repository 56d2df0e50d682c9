// The demo workspaces in data/demo/, served with the app and imported through the same code as
// a user's files.
import demos from '../../data/demo/demos.json';
import type { Lang } from '../i18n/types';

export interface DemoInfo {
  readonly id: string;
  readonly default?: boolean;
  readonly title: Readonly<Record<Lang, string>>;
  readonly note?: Readonly<Record<Lang, string>>;
}

const urls = import.meta.glob('../../data/demo/*/*.csv', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export const DEMOS: readonly DemoInfo[] = demos as DemoInfo[];

export const defaultDemo = (): DemoInfo => DEMOS.find((d) => d.default) ?? DEMOS[0]!;

/** The demo's files, fetched from the app's own assets, in file-name order. */
export async function fetchDemoFiles(id: string): Promise<{ name: string; bytes: Uint8Array }[]> {
  const prefix = `../../data/demo/${id}/`;
  const entries = Object.entries(urls)
    .filter(([path]) => path.startsWith(prefix))
    .sort(([a], [b]) => a.localeCompare(b));
  return Promise.all(
    entries.map(async ([path, url]) => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
      return { name: path.slice(prefix.length), bytes: new Uint8Array(await res.arrayBuffer()) };
    }),
  );
}
