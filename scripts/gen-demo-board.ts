// `npm run demo-board`: the default demo's leaderboard, computed by the engine exactly as the app
// computes it on a first visit (every demo file through the import path with no units known, the
// tables, the scoring, the board's own queries), in each language, written to
// src/app/demo-board.json. The page draws it, marked as cached, while DuckDB starts (issue 7);
// tests/unit/engine/demo-board.test.ts fails when it is not what the engine gives today.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadTables } from '../src/db/load';
import { openNodeDatabase } from '../src/db/node';
import { toRows } from '../src/db/rows';
import { applyScoring } from '../src/engine';
import { LANGS } from '../src/i18n/types';
import { readBoard, type DemoBoards } from '../src/app/leaderboard';
import { emptyWorkspace, withSources } from '../src/workspace/document';
import { importToSource } from '../src/workspace/importing';

const ROOT = path.resolve(import.meta.dirname, '..');
export const DEMO_BOARD_FILE = path.join(ROOT, 'src', 'app', 'demo-board.json');

interface DemoInfo {
  readonly id: string;
  readonly default?: boolean;
}

export function defaultDemoId(): string {
  const demos = JSON.parse(readFileSync(path.join(ROOT, 'data', 'demo', 'demos.json'), 'utf8')) as DemoInfo[];
  return (demos.find((d) => d.default) ?? demos[0]!).id;
}

/** The board of demo `id` in every language, from its files in data/demo/<id>/. */
export async function computeDemoBoards(id: string = defaultDemoId()): Promise<DemoBoards> {
  const dir = path.join(ROOT, 'data', 'demo', id);
  // The app's order (demo.ts sorts the files' paths with localeCompare) and its context (no units known yet).
  const files = readdirSync(dir)
    .filter((n) => n.toLowerCase().endsWith('.csv'))
    .sort((a, b) => a.localeCompare(b))
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(dir, name))) }));
  const sources = files.flatMap((f) => importToSource(f, { knownUnits: [] }).source ?? []);
  const db = await openNodeDatabase();
  try {
    await loadTables(db, withSources(emptyWorkspace(id), sources).sources);
    const sql = async (text: string, params: readonly (string | number | boolean | null)[] = []) => toRows(await db.query(text, params));
    const boards = {} as Record<(typeof LANGS)[number], DemoBoards['boards'][(typeof LANGS)[number]]>;
    for (const lang of LANGS) {
      await applyScoring(db, { lang });
      boards[lang] = await readBoard(sql, lang);
    }
    return { demo: id, boards };
  } finally {
    await db.close();
  }
}

export const demoBoardText = (boards: DemoBoards): string => JSON.stringify(boards, null, 1) + '\n';

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const boards = await computeDemoBoards();
  writeFileSync(DEMO_BOARD_FILE, demoBoardText(boards));
  console.log(`${path.relative(ROOT, DEMO_BOARD_FILE)}: ${boards.demo}, ${Object.values(boards.boards).map((b) => `${b?.lang} ${b?.year} ${b?.rows.length} rows`).join('; ')}`);
}
