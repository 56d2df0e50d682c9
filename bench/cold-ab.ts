// Cold start of two builds side by side: first and returning visits, alternating, so both see the
// same load. Usage: npx tsx bench/cold-ab.ts DIST_A DIST_B [ROUNDS] (folders under the repo root).
import { launchBrowser } from './browser/app';
import { measureColdStart } from './browser/cold';
import { serveBuild } from './browser/serve';
import os from 'node:os';
import { ROOT } from '../scripts/gen-bench-data';
import { median } from './stats';

const [a, b] = [process.argv[2], process.argv[3]];
if (!a || !b) throw new Error('usage: npx tsx bench/cold-ab.ts DIST_A DIST_B [ROUNDS]');
const sa = await serveBuild(ROOT, a);
const sb = await serveBuild(ROOT, b);
const browser = await launchBrowser();
const ready: Record<string, number[]> = { [a]: [], [b]: [] };
console.log('load', os.loadavg().map((x) => x.toFixed(2)).join(' '));
for (let i = 0; i < Number(process.argv[4] ?? 4); i++) {
  for (const [name, s] of [[a, sa], [b, sb]] as const) {
    const r = await measureColdStart(browser, s.url, 1, () => {});
    ready[name]!.push(r.firstVisit[0]!.ready, r.returning[0]!.ready);
    console.log(name, 'first', r.firstVisit[0]!.ready.toFixed(0), 'returning', r.returning[0]!.ready.toFixed(0), 'board', r.firstVisit[0]!.board.toFixed(0));
  }
}
console.log('load', os.loadavg().map((x) => x.toFixed(2)).join(' '));
for (const name of [a, b]) console.log(`${name}: engine ready, median of first and returning visits ${median(ready[name]!)?.toFixed(0)} ms`);
await browser.close(); await sa.close(); await sb.close();
