// Issue 8, two tabs on one workspace: TabOwnership against a small in-memory lock manager with
// the Web Locks semantics it relies on (ifAvailable, steal, signal, query), one "client" per tab.
import { afterEach, describe, expect, it } from 'vitest';
import { TabOwnership, type TabEvents } from '../../../src/workspace/tabs';

type Callback = (lock: Lock | null) => unknown;
interface Holder { client: string; mode: LockMode; reject(e: unknown): void }
interface Waiter { client: string; callback: Callback; resolve(v: unknown): void; reject(e: unknown): void; signal?: AbortSignal }

/** Exclusive locks only, which is all TabOwnership asks for. */
class FakeLocks {
  readonly held = new Map<string, Holder>();
  readonly queues = new Map<string, Waiter[]>();

  client(id: string): LockManager {
    return {
      request: ((name: string, a: LockOptions | Callback, b?: Callback) => {
        const options = typeof a === 'function' ? {} : a;
        const callback = (typeof a === 'function' ? a : b)!;
        return this.#request(id, name, options, callback);
      }) as LockManager['request'],
      query: async () => ({
        held: [...this.held].map(([name, h]) => ({ name, mode: h.mode, clientId: h.client })),
        pending: [],
      }),
    };
  }

  #request(client: string, name: string, options: LockOptions, callback: Callback): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { client, callback, resolve, reject, ...(options.signal ? { signal: options.signal } : {}) };
      const busy = this.held.has(name);
      if (options.steal && busy) {
        const old = this.held.get(name)!;
        this.held.delete(name);
        old.reject(new DOMException('stolen', 'AbortError'));
        return this.#grant(name, waiter);
      }
      if (!busy) return this.#grant(name, waiter);
      if (options.ifAvailable) return void Promise.resolve(callback(null)).then(resolve, reject);
      options.signal?.addEventListener('abort', () => {
        const q = this.queues.get(name) ?? [];
        const i = q.indexOf(waiter);
        if (i >= 0) q.splice(i, 1);
        reject(new DOMException('aborted', 'AbortError'));
      });
      this.queues.set(name, [...(this.queues.get(name) ?? []), waiter]);
    });
  }

  #grant(name: string, w: Waiter): void {
    let settled = false;
    const holder: Holder = { client: w.client, mode: 'exclusive', reject: (e) => ((settled = true), w.reject(e)) };
    this.held.set(name, holder);
    Promise.resolve(w.callback({ name, mode: 'exclusive' } as Lock)).then(
      (v) => this.#release(name, holder, () => !settled && w.resolve(v)),
      (e: unknown) => this.#release(name, holder, () => !settled && w.reject(e)),
    );
  }

  #release(name: string, holder: Holder, settle: () => void): void {
    if (this.held.get(name) === holder) this.held.delete(name);
    settle();
    if (this.held.has(name)) return;
    const next = this.queues.get(name)?.shift();
    if (next) this.#grant(name, next);
  }
}

function tab(locks: FakeLocks, id: string) {
  const seen: string[] = [];
  const events: TabEvents = {
    onOwner: (how) => void seen.push(`owner:${how}`),
    onFollower: (access) => void seen.push(access),
    onSaved: () => void seen.push('saved'),
  };
  return { seen, tabs: new TabOwnership(events, locks.client(id)) };
}

const settle = () => new Promise((r) => setTimeout(r, 10));
const open: TabOwnership[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.dispose();
});

describe('two tabs on one workspace', () => {
  it('lets the first tab edit and makes the second a follower that cannot write', async () => {
    const locks = new FakeLocks();
    const a = tab(locks, 'A');
    const b = tab(locks, 'B');
    open.push(a.tabs, b.tabs);
    expect(await a.tabs.start()).toBe('owner');
    expect(await b.tabs.start()).toBe('follower');
    const writes: string[] = [];
    expect(await a.tabs.write(async () => void writes.push('A'))).toBe(true);
    expect(await b.tabs.write(async () => void writes.push('B'))).toBe(false);
    expect(writes).toEqual(['A']);
  });

  it('takes over: the old tab is told, and a save it starts at that moment does not land', async () => {
    const locks = new FakeLocks();
    const a = tab(locks, 'A');
    const b = tab(locks, 'B');
    open.push(a.tabs, b.tabs);
    await a.tabs.start();
    await b.tabs.start();
    const writes: string[] = [];
    const takeOver = b.tabs.takeOver();
    const late = a.tabs.write(async () => void writes.push('A-late'));
    await takeOver;
    expect(await late).toBe(false);
    await settle();
    expect(a.seen).toContain('taken');
    expect(a.tabs.access).toBe('taken');
    expect(b.seen).toContain('owner:took');
    expect(await b.tabs.write(async () => void writes.push('B'))).toBe(true);
    expect(writes).toEqual(['B']);
  });

  it('hands the workspace to the waiting tab when the editing tab closes', async () => {
    const locks = new FakeLocks();
    const a = tab(locks, 'A');
    const b = tab(locks, 'B');
    open.push(b.tabs);
    await a.tabs.start();
    await b.tabs.start();
    a.tabs.dispose();
    await settle();
    expect(b.seen).toEqual(['owner:released']);
    expect(b.tabs.access).toBe('owner');
    expect(await b.tabs.write(async () => {})).toBe(true);
  });

  it('takes back after being taken over (the roles swap again)', async () => {
    const locks = new FakeLocks();
    const a = tab(locks, 'A');
    const b = tab(locks, 'B');
    open.push(a.tabs, b.tabs);
    await a.tabs.start();
    await b.tabs.start();
    await b.tabs.takeOver();
    await settle();
    await a.tabs.takeOver();
    await settle();
    expect(a.tabs.access).toBe('owner');
    expect(b.tabs.access).toBe('taken');
    expect(await a.tabs.write(async () => {})).toBe(true);
    expect(await b.tabs.write(async () => {})).toBe(false);
  });

  it('tells the follower when the editing tab saved', async () => {
    const locks = new FakeLocks();
    const a = tab(locks, 'A');
    const b = tab(locks, 'B');
    open.push(a.tabs, b.tabs);
    await a.tabs.start();
    await b.tabs.start();
    a.tabs.announceSave('2026-11-23T00:00:00Z');
    await settle();
    expect(b.seen).toContain('saved');
    expect(a.seen).not.toContain('saved');
  });

  it('edits alone where the browser has no Web Locks', async () => {
    const events: TabEvents = { onOwner: () => {}, onFollower: () => {}, onSaved: () => {} };
    const t = new TabOwnership(events, null);
    open.push(t);
    expect(await t.start()).toBe('owner');
    expect(await t.write(async () => {})).toBe(true);
  });
});
