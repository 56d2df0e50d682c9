// The page's memory as the operating system sees it: the peak resident set (VmHWM) of Chromium's
// renderer processes, which hold the page's JS heap, its workers (import, DuckDB) and the DuckDB
// wasm memory. Workers have no performance.memory, so only the process covers all of them.
import { readFileSync } from 'node:fs';
import type { Browser, CDPSession } from 'playwright-core';

export interface ProcessMemory {
  /** Peak resident set of the largest renderer, bytes. */
  readonly peakBytes: number;
  /** Its resident set now, bytes. */
  readonly rssBytes: number;
}

function status(pid: number): { hwm: number; rss: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0) * 1024;
    return { hwm: kb('VmHWM'), rss: kb('VmRSS') };
  } catch {
    return null;
  }
}

export class RendererMemory {
  private constructor(private readonly session: CDPSession) {}

  static async attach(browser: Browser): Promise<RendererMemory> {
    return new RendererMemory(await browser.newBrowserCDPSession());
  }

  async read(): Promise<ProcessMemory> {
    const info = (await this.session.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
    let best = { hwm: 0, rss: 0 };
    for (const p of info.processInfo) {
      if (p.type !== 'renderer') continue;
      const s = status(p.id);
      if (s && s.hwm > best.hwm) best = s;
    }
    return { peakBytes: best.hwm, rssBytes: best.rss };
  }
}
