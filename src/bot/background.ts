import type { Scheduler } from "../scheduler/scheduler.js";
import type { App } from "./app.js";
import { sweepStaleDrafts } from "./drafts/sweep.js";
import { closeDueAndAnnounce } from "./notices/votes.js";

/** How often the bot looks for what is due: votes to close, reminders to send. */
const TICK_MS = 60_000;

/**
 * What the bot does on its own, outside updates: closing votes whose deadline passed, sending
 * the reminders that are due, closing the drafts left for too long, and the coalesced tally edits waiting for their turn. `stop`
 * clears every timer and waits for a tick in progress and a menu being published (shutdown, tests).
 */
export class Background {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private reminders: Scheduler | undefined;

  constructor(readonly app: App) {}

  /** The reminders are built beside the bot (src/reminders.ts); each tick then sends those due. */
  sendReminders(scheduler: Scheduler): void {
    this.reminders = scheduler;
  }

  /** Closes and announces the votes that are due, then sends the reminders that are; run at start and by the timer. */
  tick(): Promise<void> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<void> {
    try {
      await closeDueAndAnnounce(this.app);
    } catch (error) {
      this.app.logger.error({ err: error }, "closing due votes failed");
    }
    try {
      await this.reminders?.tick();
    } catch (error) {
      this.app.logger.error({ err: error }, "sending reminders failed");
    }
    try {
      await sweepStaleDrafts(this.app);
    } catch (error) {
      this.app.logger.error({ err: error }, "sweeping drafts failed");
    }
  }

  /** Runs the waiting tally edits whose interval is over by the bot's clock. */
  async flushEdits(): Promise<void> {
    await this.app.edits.flushDue();
  }

  start(): void {
    this.timer ??= setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.app.edits.stop();
    // Menus still waiting are left to the next start, which sends every menu that changed.
    await Promise.all([this.running, this.app.menus.stop()]);
  }
}
