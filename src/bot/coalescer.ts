import type { Clock } from "../clock.js";

/** Telegram tolerates about 20 edits a minute per group: one edit per message every few seconds. */
export const EDIT_INTERVAL_MS = 3000;

interface Pending {
  run: () => Promise<void>;
  timer: NodeJS.Timeout;
}

/**
 * Coalesces edits of one message (a live tally): the first edit runs at once; edits requested
 * within the interval after it collapse into one, run when the interval is over. The edit
 * renders from the database when it runs, so the last one always shows the latest state.
 * `flushDue` lets tests drive it with their clock; `stop` clears the timers on shutdown.
 */
export class EditCoalescer {
  private readonly lastAt = new Map<string, number>();
  private readonly pending = new Map<string, Pending>();
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly onError: (error: unknown, key: string) => void,
    private readonly intervalMs = EDIT_INTERVAL_MS,
  ) {}

  async request(key: string, run: () => Promise<void>): Promise<void> {
    if (this.stopped) return;
    const now = this.clock.now().getTime();
    const last = this.lastAt.get(key);
    if (last === undefined || now - last >= this.intervalMs) {
      this.drop(key);
      await this.execute(key, run, now);
      return;
    }
    const waiting = this.pending.get(key);
    if (waiting) {
      waiting.run = run;
      return;
    }
    const timer = setTimeout(() => void this.flush(key), this.intervalMs - (now - last));
    timer.unref();
    this.pending.set(key, { run, timer });
  }

  /** Runs the waiting edit of this message now, if there is one. */
  async flush(key: string): Promise<void> {
    const waiting = this.pending.get(key);
    if (!waiting) return;
    this.drop(key);
    await this.execute(key, waiting.run, this.clock.now().getTime());
  }

  /** Runs the waiting edits whose interval is over by the clock. */
  async flushDue(): Promise<void> {
    const now = this.clock.now().getTime();
    for (const key of [...this.pending.keys()]) {
      if (now - (this.lastAt.get(key) ?? 0) >= this.intervalMs) await this.flush(key);
    }
  }

  /** Forgets a waiting edit: the message is about to be replaced by its final state. */
  drop(key: string): void {
    const waiting = this.pending.get(key);
    if (waiting) clearTimeout(waiting.timer);
    this.pending.delete(key);
  }

  get waiting(): number {
    return this.pending.size;
  }

  stop(): void {
    this.stopped = true;
    for (const key of [...this.pending.keys()]) this.drop(key);
  }

  private async execute(key: string, run: () => Promise<void>, now: number): Promise<void> {
    this.lastAt.set(key, now);
    this.prune(now);
    try {
      await run();
    } catch (error) {
      this.onError(error, key);
    }
  }

  private prune(now: number): void {
    if (this.lastAt.size < 1000) return;
    for (const [key, at] of this.lastAt) if (now - at >= this.intervalMs && !this.pending.has(key)) this.lastAt.delete(key);
  }
}
