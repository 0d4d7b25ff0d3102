import type { App } from "./app.js";
import { closeDueAndAnnounce } from "./features/votes.js";

/** How often due votes are looked for between interactions (until the scheduler takes this over). */
const VOTE_CHECK_MS = 60_000;

/**
 * What the bot does on its own, outside updates: closing votes whose deadline passed, and the
 * coalesced tally edits waiting for their turn. `stop` clears every timer (shutdown, tests).
 */
export class Background {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly app: App) {}

  /** Closes and announces the votes that are due; run at start and by the timer. */
  async tick(): Promise<void> {
    try {
      await closeDueAndAnnounce(this.app);
    } catch (error) {
      this.app.logger.error({ err: error }, "closing due votes failed");
    }
  }

  /** Runs the waiting tally edits whose interval is over by the bot's clock. */
  async flushEdits(): Promise<void> {
    await this.app.edits.flushDue();
  }

  start(): void {
    this.timer ??= setInterval(() => void this.tick(), VOTE_CHECK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.app.edits.stop();
  }
}
