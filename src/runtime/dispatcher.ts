import type { Update } from "grammy/types";
import type { Logger } from "pino";

/** Updates in hand at once; past this, polling waits for some to finish. */
const MAX_IN_HAND = 256;
/** Tries of an update that failed (Telegram unreachable, say) before it waits for the next start. */
const TRIES = 3;
const RETRY_MS = 2000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Hands updates to the bot concurrently (the bot keeps each chat and person in order) and
 * keeps track of them, so that shutdown can wait for those in hand. An update whose handling
 * failed is tried again a little later; it stays in the inbox whatever happens.
 */
export class Dispatcher {
  private readonly inHand = new Set<Promise<void>>();
  private stopping = false;

  constructor(
    private readonly handle: (update: Update) => Promise<void>,
    private readonly logger: Logger,
  ) {}

  get size(): number {
    return this.inHand.size;
  }

  get full(): boolean {
    return this.inHand.size >= MAX_IN_HAND;
  }

  dispatch(update: Update): void {
    const task: Promise<void> = this.run(update).finally(() => this.inHand.delete(task));
    this.inHand.add(task);
  }

  /** Resolves when at least one update in hand is finished. */
  async someFinished(): Promise<void> {
    if (this.inHand.size > 0) await Promise.race(this.inHand);
  }

  /** Waits for the updates in hand, at most `ms`; what is left stays in the inbox. */
  async drain(ms: number): Promise<boolean> {
    this.stopping = true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
    const all = Promise.all(this.inHand).then(() => true);
    const drained = await Promise.race([all, timeout]);
    clearTimeout(timer);
    if (!drained) this.logger.warn({ left: this.inHand.size }, "updates still in hand at exit; handled at the next start");
    return drained;
  }

  private async run(update: Update): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.handle(update);
      } catch (error) {
        const again = attempt < TRIES && !this.stopping;
        this.logger.warn(
          { update_id: update.update_id, attempt, err: error },
          again ? "update not handled, will try again" : "update not handled, left for the next start",
        );
        if (!again) return;
        await sleep(RETRY_MS * attempt);
      }
    }
  }
}
