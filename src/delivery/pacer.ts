/** Time as the pacer sees it: tests pass one that moves only when someone sleeps. */
export interface PaceClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTime: PaceClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Telegram's limits for what a bot sends: overall, per group chat, per private chat. */
export const LIMITS = {
  overall: { count: 30, ms: 1000 },
  group: { count: 20, ms: 60_000 },
  person: { count: 1, ms: 1000 },
} as const;

/** At most `count` sends in any window of `ms`: the times of the last `count` sends. */
class Window {
  private readonly times: number[] = [];
  constructor(
    private readonly count: number,
    private readonly ms: number,
  ) {}

  readyAt(now: number): number {
    return this.times.length < this.count ? now : Math.max(now, this.times[0]! + this.ms);
  }

  take(at: number): void {
    this.times.push(at);
    if (this.times.length > this.count) this.times.shift();
  }

  idleSince(now: number): boolean {
    const last = this.times[this.times.length - 1];
    return last === undefined || now - last >= this.ms;
  }
}

/**
 * Paces what the bot sends on its own to Telegram's limits: never more than 30 messages in a
 * second, 20 in a minute to one group, one a second to one person; a 429 pauses everything for
 * the time Telegram asks. `slot` waits for the earliest moment a chat may be sent to.
 */
export class Pacer {
  private readonly overall = new Window(LIMITS.overall.count, LIMITS.overall.ms);
  private readonly chats = new Map<number, Window>();
  private pausedUntil = 0;

  constructor(readonly clock: PaceClock = realTime) {}

  /** The earliest time this chat may be sent to. */
  readyAt(chatId: number): number {
    const now = this.clock.now();
    return Math.max(this.overall.readyAt(now), this.chats.get(chatId)?.readyAt(now) ?? now, this.pausedUntil);
  }

  async slot(chatId: number): Promise<void> {
    for (;;) {
      const at = this.readyAt(chatId);
      const now = this.clock.now();
      if (at <= now) return this.take(chatId, now);
      await this.clock.sleep(at - now);
    }
  }

  /** Telegram said "retry after": nothing goes out before then. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
  }

  private take(chatId: number, now: number): void {
    this.overall.take(now);
    let window = this.chats.get(chatId);
    if (!window) {
      const limit = chatId < 0 ? LIMITS.group : LIMITS.person;
      this.chats.set(chatId, (window = new Window(limit.count, limit.ms)));
    }
    window.take(now);
    if (this.chats.size > 10_000) for (const [id, w] of this.chats) if (w.idleSince(now)) this.chats.delete(id);
  }
}
