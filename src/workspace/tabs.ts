// Two tabs on one workspace (issue 8). The workspace lives in one IndexedDB record, so two tabs
// that both autosave would overwrite each other's work without a word. One tab at a time edits:
// it holds the Web Lock OWNER for as long as it is open. A tab opened while another holds it is
// read-only and says so; it follows the editing tab's saves (BroadcastChannel), takes over by
// itself when that tab closes, or takes over at once when the user asks (the lock is stolen and
// the other tab becomes read-only). This is what a desktop user knows from a document open in
// two windows: one edits, the other is told and may take over; nothing is merged behind her back.
//
// Every save runs under the lock WRITE and first checks that this tab still holds OWNER, and a
// tab that takes over reads the saved workspace under WRITE too: a save already under way in the
// old tab either lands before the new tab reads, or does not land at all.

export type TabAccess = 'owner' | 'follower' | 'taken';

const OWNER = 'kaohe-workspace-owner';
const WRITE = 'kaohe-workspace-write';
const CHANNEL = 'kaohe-workspace';

export interface TabEvents {
  /** This tab became the editing tab (at start, when the other tab closed, or on take-over). */
  onOwner(how: 'start' | 'released' | 'took'): Promise<void> | void;
  /** Another tab edits: at start (`follower`), or it took over from this one (`taken`). */
  onFollower(access: 'follower' | 'taken'): void;
  /** The editing tab saved: a read-only tab shows the new workspace. */
  onSaved(): void;
}

type Message = { readonly type: 'saved'; readonly savedAt: string };

export class TabOwnership {
  #locks: LockManager | null;
  #channel: BroadcastChannel | null;
  #events: TabEvents;
  #access: TabAccess = 'owner';
  #release: (() => void) | null = null;
  #waiting: AbortController | null = null;
  #clientId: string | null = null;

  constructor(events: TabEvents, locks: LockManager | null = globalThis.navigator?.locks ?? null) {
    this.#events = events;
    this.#locks = locks;
    this.#channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
    if (this.#channel) {
      this.#channel.onmessage = (e: MessageEvent<Message>) => {
        if (e.data?.type === 'saved' && this.#access !== 'owner') this.#events.onSaved();
      };
    }
  }

  get access(): TabAccess {
    return this.#access;
  }

  /** Asks for the workspace; resolves with this tab's access (without Web Locks: always owner). */
  async start(): Promise<TabAccess> {
    if (!this.#locks) return 'owner';
    const got = await this.#acquire({ ifAvailable: true });
    if (!got) {
      this.#access = 'follower';
      this.#wait();
    }
    return this.#access;
  }

  /** Takes the workspace from the tab that edits it. */
  async takeOver(): Promise<void> {
    if (!this.#locks || this.#access === 'owner') return;
    this.#waiting?.abort();
    this.#waiting = null;
    await this.#acquire({ steal: true });
    await this.#events.onOwner('took');
  }

  /**
   * Runs `save` if this tab still edits the workspace, under the write lock; returns whether it
   * ran. Without Web Locks it just runs.
   */
  async write(save: () => Promise<void>): Promise<boolean> {
    if (!this.#locks) {
      await save();
      return true;
    }
    if (this.#access !== 'owner') return false;
    const ran = await this.#locks.request(WRITE, async () => {
      if (!(await this.#stillOwner())) return false;
      await save();
      return true;
    });
    return ran === true;
  }

  /** Runs `read` under the write lock, so no save of another tab is half-way through. */
  async read<T>(read: () => Promise<T>): Promise<T> {
    if (!this.#locks) return read();
    return this.#locks.request(WRITE, read) as Promise<T>;
  }

  /** Tells read-only tabs that the saved workspace changed. */
  announceSave(savedAt: string): void {
    this.#channel?.postMessage({ type: 'saved', savedAt } satisfies Message);
  }

  dispose(): void {
    this.#release?.();
    this.#waiting?.abort();
    this.#channel?.close();
  }

  /** Requests OWNER and keeps it until released or stolen; resolves false when not granted. */
  #acquire(options: LockOptions): Promise<boolean> {
    return new Promise<boolean>((granted, failed) => {
      const held = this.#locks!.request(OWNER, options, (lock) => {
        if (!lock) {
          granted(false);
          return undefined;
        }
        this.#access = 'owner';
        return new Promise<void>((release) => {
          this.#release = release;
          void this.#learnClientId().then(() => granted(true), () => granted(true));
        });
      });
      held.catch((e: unknown) => {
        // AbortError: another tab stole the lock (or our own waiting request was cancelled).
        if (e instanceof DOMException && e.name === 'AbortError') {
          if (this.#access === 'owner' && !options.signal) {
            this.#access = 'taken';
            this.#release = null;
            this.#clientId = null;
            this.#events.onFollower('taken');
            this.#wait();
          }
          granted(false);
        } else failed(e);
      });
    });
  }

  /** Queues for OWNER: granted when the editing tab closes. */
  #wait(): void {
    const ctl = new AbortController();
    this.#waiting = ctl;
    const held = this.#locks!.request(OWNER, { signal: ctl.signal }, (lock) => {
      if (!lock || ctl.signal.aborted) return undefined;
      this.#waiting = null;
      this.#access = 'owner';
      return new Promise<void>((release) => {
        this.#release = release;
        void this.#learnClientId().finally(() => this.#events.onOwner('released'));
      });
    });
    held.catch((e: unknown) => {
      if (!(e instanceof DOMException && e.name === 'AbortError')) throw e;
      // Stolen after it was granted by waiting: the same as being taken over.
      if (this.#waiting !== ctl && this.#access === 'owner' && !ctl.signal.aborted) {
        this.#access = 'taken';
        this.#release = null;
        this.#events.onFollower('taken');
        this.#wait();
      }
    });
  }

  /** The lock manager's id for this tab: the holder of OWNER right after we got it. */
  async #learnClientId(): Promise<void> {
    const state = await this.#locks!.query();
    this.#clientId = state.held?.find((l) => l.name === OWNER)?.clientId ?? null;
  }

  /** A steal reaches the old holder as a task: ask the lock manager itself before writing. */
  async #stillOwner(): Promise<boolean> {
    if (this.#access !== 'owner') return false;
    if (this.#clientId === null) return true;
    const state = await this.#locks!.query();
    return state.held?.some((l) => l.name === OWNER && l.clientId === this.#clientId) ?? false;
  }
}
