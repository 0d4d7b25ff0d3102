/**
 * The composition root: configuration, database, bot, and how it runs (polling or webhook),
 * with a clean stop on SIGTERM/SIGINT: no new updates, those in hand finished (at most ten
 * seconds; what is left stays in the inbox for the next start), then the database closed.
 */
import { existsSync } from "node:fs";
import { GrammyError, HttpError } from "grammy";
import type { Logger } from "pino";
import { createBot } from "./bot/create-bot.js";
import { loadTranslations } from "./bot/i18n.js";
import { publishCommonMenus, refreshChatMenus } from "./bot/menus.js";
import { checkpointInBackground } from "./db/checkpoints.js";
import { closeDatabase, openDatabase, type Database } from "./db/client.js";
import { sharedRenderer } from "./documents/render/index.js";
import { ConfigError, loadConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { attachReminders } from "./reminders.js";
import { pause } from "./delivery/pause.js";
import { DRAIN_MS, startPolling, type Running } from "./runtime/polling.js";
import { startWebhook } from "./runtime/webhook.js";

const MAX_WAIT_MS = 60_000;

/** The database, or a configuration error naming DATABASE_PATH (a folder, no permission…). */
function database(path: string): Database {
  try {
    return openDatabase(path);
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new ConfigError("DATABASE_PATH", `cannot open the database at "${path}" (${cause})`);
  }
}

/** Retries `attempt` with growing pauses while the Bot API cannot be reached, saying so each time. */
async function untilReachable(attempt: () => Promise<unknown>, apiRoot: string, logger: Logger, signal: AbortSignal): Promise<void> {
  for (let waitMs = 1000; !signal.aborted; waitMs = Math.min(waitMs * 2, MAX_WAIT_MS)) {
    try {
      await attempt();
      return;
    } catch (error) {
      if (error instanceof GrammyError && error.error_code === 401)
        throw new ConfigError("BOT_TOKEN", "Telegram does not accept this token (401 Unauthorized)");
      if (!(error instanceof HttpError) && !(error instanceof GrammyError && error.error_code >= 500)) throw error;
      logger.warn({ apiRoot, retryInMs: waitMs, cause: error.message }, "waiting for the Bot API");
      await pause(waitMs, signal);
    }
  }
}

async function main(): Promise<void> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const db = database(config.databasePath);
  logger.info({ database: config.databasePath }, "database ready, migrations applied");
  const checkpoints = checkpointInBackground(db, logger);

  const bot = createBot({
    token: config.botToken,
    db,
    logger,
    defaultLocale: config.defaultLocale,
    superadminIds: config.superadminIds,
    client: { apiRoot: config.apiRoot },
  });
  attachReminders(bot);

  const shutdown = new AbortController();
  let running: Running | undefined;
  let starting: Promise<void> = Promise.resolve();
  const stop = async (signal: string) => {
    if (shutdown.signal.aborted) return;
    shutdown.abort();
    logger.info({ signal }, "stopping");
    // A start still handling what the last stop left gets the same bounded wait as a drain.
    await Promise.race([Promise.allSettled([starting]), pause(DRAIN_MS)]);
    await running?.stop();
    await bot.background.stop();
    await bot.outbox.stop();
    await sharedRenderer().close();
    await checkpoints.stop();
    closeDatabase(db);
    logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));

  starting = (async () => {
    // grammY's own init retries a network failure forever, silently: ask for the bot's identity here.
    await untilReachable(async () => (bot.botInfo = await bot.api.getMe()), config.apiRoot, logger, shutdown.signal);
    if (shutdown.signal.aborted) return;
    // Menus Telegram already has are not sent again. The chats' own menus go in the background:
    // on a first start with many chats they take a while.
    const menus = { db, api: bot.api, t: loadTranslations(config.defaultLocale), defaultLocale: config.defaultLocale, logger };
    await publishCommonMenus(menus).catch((error: unknown) =>
      logger.warn({ err: error }, "command menus not published; they stay as they were"),
    );
    void refreshChatMenus(menus).catch((error: unknown) => logger.warn({ err: error }, "command menus not refreshed"));
    // What a crash or a stop left undone is handled before anything new, so each chat keeps its order.
    const resumed = await bot.resume(shutdown.signal);
    if (resumed > 0) logger.info({ updates: resumed }, "updates left undone at the last stop handled");
    if (shutdown.signal.aborted) return;
    bot.outbox.recover();
    bot.outbox.start();
    // Votes whose deadline passed while the bot was down are closed now, then checked by a timer.
    await bot.background.tick();
    bot.background.start();
    if (shutdown.signal.aborted) return;
    running = config.webhook ? await startWebhook(bot, config.webhook, logger) : await startPolling(bot, logger);
    logger.info({ bot: bot.botInfo.username, mode: config.webhook ? "webhook" : "polling" }, "bot started");
  })();
  await starting;
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
