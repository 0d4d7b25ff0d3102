import { createServer } from "node:http";
import { webhookCallback, type Bot } from "grammy";
import type { Logger } from "pino";
import type { BotContext } from "../bot/context.js";
import type { Webhook } from "../config.js";
import { ALLOWED_UPDATES, type Running } from "./polling.js";

/** Webhook mode: Telegram posts updates to WEBHOOK_URL; the secret token proves it is Telegram. */
export async function startWebhook(bot: Bot<BotContext>, webhook: Webhook, logger: Logger): Promise<Running & { port: number }> {
  const path = new URL(webhook.url).pathname;
  const handle = webhookCallback(bot, "http", { secretToken: webhook.secret, onTimeout: "return" });
  const server = createServer((req, res) => {
    if (req.method !== "POST" || req.url !== path) {
      res.writeHead(404).end();
      return;
    }
    // The update is on record in the inbox before its first change or Bot API call; one that
    // failed is answered 500 so that Telegram delivers it again.
    handle(req, res).catch((error: unknown) => {
      logger.warn({ err: error }, "webhook update not handled; Telegram will deliver it again");
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(webhook.port, resolve));
  // Set the webhook only once the server listens, so no delivery finds nobody there.
  await bot.api.setWebhook(webhook.url, {
    secret_token: webhook.secret,
    allowed_updates: [...ALLOWED_UPDATES],
  });
  logger.info({ port: webhook.port, url: webhook.url }, "webhook listening");
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : webhook.port,
    // Closing waits for the requests in hand: their updates are handled before the exit.
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
