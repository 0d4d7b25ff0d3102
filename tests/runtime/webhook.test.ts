import { pino } from "pino";
import { afterEach, expect, test } from "vitest";
import { startWebhook } from "../../src/runtime/webhook.js";
import { Harness } from "../helpers/harness.js";

let h: Harness;
let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  h.close();
});

test("webhook mode: sets the webhook with its secret and handles only Telegram's posts", async () => {
  h = new Harness();
  const webhook = { url: "https://bot.example.kg/telegram", secret: "s3cret_token", port: 0 };
  const running = await startWebhook(h.bot, webhook, pino({ level: "silent" }));
  stop = running.stop;
  expect(h.tg.callsOf("setWebhook")[0]?.payload).toMatchObject({ url: "https://bot.example.kg/telegram", secret_token: "s3cret_token" });

  const update = {
    update_id: 1,
    message: {
      message_id: 1,
      date: 0,
      chat: { id: 42, type: "private", first_name: "Айгүл" },
      from: { id: 42, is_bot: false, first_name: "Айгүл", language_code: "ru" },
      text: "/start",
      entities: [{ type: "bot_command", offset: 0, length: 6 }],
    },
  };
  const post = (secret: string, path = "/telegram") =>
    fetch(`http://127.0.0.1:${running.port}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
      body: JSON.stringify(update),
    });

  expect((await post("wrong")).status).toBe(401);
  expect(h.tg.sentTo(42)).toHaveLength(0);
  expect((await post("s3cret_token", "/other")).status).toBe(404);
  const answer = await post("s3cret_token");
  expect(answer.status).toBe(200);
  expect(h.tg.lastTo(42).payload.text).toBe("Тилди тандаңыз / Выберите язык:");
});
