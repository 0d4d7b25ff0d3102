/**
 * The composition root: configuration, database, bot, and how it runs (polling or webhook),
 * with a clean stop on SIGTERM/SIGINT.
 */
import { existsSync } from "node:fs";
import { publishCommandMenu } from "./bot/commands.js";
import { createBot } from "./bot/create-bot.js";
import { loadTranslations } from "./bot/i18n.js";
import { closeDatabase, openDatabase } from "./db/client.js";
import { sharedRenderer } from "./documents/render/index.js";
import { ConfigError, loadConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { startPolling } from "./runtime/polling.js";
import { startWebhook } from "./runtime/webhook.js";

async function main(): Promise<void> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const db = openDatabase(config.databasePath);
  logger.info({ database: config.databasePath }, "database ready, migrations applied");

  const bot = createBot({
    token: config.botToken,
    db,
    logger,
    defaultLocale: config.defaultLocale,
    superadminIds: config.superadminIds,
    client: { apiRoot: config.apiRoot },
  });
  await bot.init();
  await publishCommandMenu(bot.api, loadTranslations(config.defaultLocale), config.defaultLocale);
  // Votes whose deadline passed while the bot was down are closed now, then checked by a timer.
  await bot.background.tick();
  bot.background.start();
  const running = config.webhook ? await startWebhook(bot, config.webhook, logger) : await startPolling(bot);
  logger.info({ bot: bot.botInfo.username, mode: config.webhook ? "webhook" : "polling" }, "bot started");

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    await running.stop();
    await bot.background.stop();
    await sharedRenderer().close();
    closeDatabase(db);
    logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
