import { run, type RunnerHandle } from "@grammyjs/runner";
import type { Bot } from "grammy";
import type { BotContext } from "../bot/context.js";

export interface Running {
  stop(): Promise<void>;
}

/** Long polling through the runner, which handles updates concurrently (see sequentialize). */
export async function startPolling(bot: Bot<BotContext>): Promise<Running> {
  await bot.api.deleteWebhook();
  const handle: RunnerHandle = run(bot, {
    runner: { fetch: { allowed_updates: ["message", "callback_query", "my_chat_member"] } },
  });
  return {
    async stop() {
      if (handle.isRunning()) await handle.stop();
    },
  };
}
