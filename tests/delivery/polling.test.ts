import type { Update } from "grammy/types";
import { pino } from "pino";
import { afterEach, expect, test } from "vitest";
import { startPolling } from "../../src/runtime/polling.js";
import { Harness, newUpdateId } from "../helpers/harness.js";

let h: Harness;
afterEach(() => h?.close());

const silent = pino({ level: "silent" });
const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((done) => setTimeout(done, 10));
};

function start(from: number): Update {
  return {
    update_id: newUpdateId(),
    message: {
      message_id: newUpdateId(),
      date: 0,
      chat: { id: from, type: "private", first_name: "A" },
      from: { id: from, is_bot: false, first_name: "A", language_code: "ru" },
      text: "/start",
      entities: [{ type: "bot_command", offset: 0, length: 6 }],
    },
  } as Update;
}

test("a polled batch is stored before the next poll confirms it to Telegram", async () => {
  h = new Harness();
  const batch = [start(41), start(42)];
  h.tg.pendingUpdates.push(...batch);
  h.tg.hold = (call) => call.method === "sendMessage";
  const running = await startPolling(h.bot, silent, { drainMs: 50 });
  await until(() => h.tg.callsOf("getUpdates").length >= 2);
  const confirm = h.tg.callsOf("getUpdates")[1]!;
  expect(confirm.payload.offset).toBe(batch[1]!.update_id + 1);
  // Both are in the inbox, not done: a crash now loses neither.
  expect(h.count("select count(*) n from inbox where done_at is null")).toBe(2);
  await running.stop();
  h.tg.hold = () => false;
  h.restart();
  expect(await h.bot.resume()).toBe(2);
  expect(h.tg.sentTo(41).filter((c) => c.result)).toHaveLength(1);
  expect(h.tg.sentTo(42).filter((c) => c.result)).toHaveLength(1);
  h.finish();
});

test("a stop waits for the updates in hand, even one meeting a flood wait, before it returns", async () => {
  h = new Harness();
  let flooded = false;
  h.tg.fail = (call) =>
    call.method === "sendMessage" && !flooded
      ? ((flooded = true), { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } })
      : undefined;
  h.tg.pendingUpdates.push(start(43));
  const running = await startPolling(h.bot, silent);
  await until(() => flooded);
  await running.stop();
  expect(h.tg.sentTo(43).filter((c) => c.result)).toHaveLength(1);
  expect(h.count("select count(*) n from inbox where done_at is null")).toBe(0);
  h.finish();
});
