import type { Update } from "grammy/types";
import type { Logger } from "pino";
import type { MonitoringBot } from "../bot/create-bot.js";
import { pause } from "../delivery/pause.js";
import { Dispatcher } from "./dispatcher.js";

export interface Running {
  stop(): Promise<void>;
}

export const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;
/** How long shutdown waits for the updates in hand. */
export const DRAIN_MS = 10_000;
const POLL_SECONDS = 30;
const MAX_BACKOFF_MS = 60_000;

/**
 * Long polling through the inbox: each batch is stored before the next `getUpdates` tells
 * Telegram it was received, so a crash never loses an update Telegram will not send again.
 * `stop` stops taking updates and waits (at most DRAIN_MS) for those in hand.
 */
export async function startPolling(bot: MonitoringBot, logger: Logger, options: { drainMs?: number } = {}): Promise<Running> {
  await bot.api.deleteWebhook();
  const dispatcher = new Dispatcher((update) => bot.handleUpdate(update), logger);
  const abort = new AbortController();
  const loop = (async () => {
    let offset = 0;
    let backoff = 1000;
    while (!abort.signal.aborted) {
      if (dispatcher.full) {
        await dispatcher.someFinished();
        continue;
      }
      let updates: Update[];
      try {
        updates = await bot.api.getUpdates(
          { offset, timeout: POLL_SECONDS, limit: 100, allowed_updates: [...ALLOWED_UPDATES] },
          abort.signal as never,
        );
        backoff = 1000;
      } catch (error) {
        if (abort.signal.aborted) break;
        logger.warn({ err: error, retryInMs: backoff }, "getUpdates failed; waiting for the Bot API");
        await pause(backoff, abort.signal);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
        continue;
      }
      bot.inbox.receive(updates);
      const last = updates[updates.length - 1];
      if (last) offset = last.update_id + 1;
      for (const update of updates) dispatcher.dispatch(update);
    }
  })();
  return {
    async stop() {
      abort.abort();
      await loop;
      await dispatcher.drain(options.drainMs ?? DRAIN_MS);
    },
  };
}
