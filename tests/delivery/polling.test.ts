import type { Update } from "grammy/types";
import { pino } from "pino";
import { afterEach, expect, test } from "vitest";
import { formButton, FORMS } from "../../src/callbacks/index.js";
import { startPolling } from "../../src/runtime/polling.js";
import { buttonsOf } from "../helpers/fake-telegram.js";
import { setUpGroup } from "../helpers/flows.js";
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

test("an update handled and delivered again by a later poll is skipped: a form under way is not opened again", async () => {
  h = new Harness();
  const group = await setUpGroup(h, h.groupChat(-1001), h.person(11, "Бакыт", "ru"), { locale: "ru" });
  const person = h.person(201, "Айгүл", "ru");
  const said = (text: string) =>
    ({
      update_id: newUpdateId(),
      message: person.messageIn(undefined, {
        text,
        entities: text.startsWith("/") ? [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }] : undefined,
      }),
    }) as Update;
  // The join form's questions the person was asked, in order.
  const questions = () =>
    h.tg
      .sentTo(person.id)
      .filter((call) => call.result)
      .map((call) =>
        String(call.payload.text).startsWith("Заявка на вступление")
          ? "name"
          : buttonsOf(call.payload).some((b) => "callback_data" in b && b.callback_data === formButton.pack(FORMS.join, "cat", "resident"))
            ? "category"
            : "other",
      );
  const open = said(`/start join-${group.id}`);
  const polls = () => h.tg.callsOf("getUpdates").length;
  const running = await startPolling(h.bot, silent, { drainMs: 1000 });
  h.tg.pendingUpdates.push(open);
  await until(() => questions().length === 1);
  h.tg.pendingUpdates.push(said("Айгүл Осмонова"));
  await until(() => questions().length === 2);
  // Telegram hands the /start over once more, in a batch with something new.
  const before = polls();
  h.tg.pendingUpdates.push(structuredClone(open), said("/help"));
  await until(() => polls() > before + 1);
  await running.stop();
  expect(questions().filter((q) => q !== "other")).toEqual(["name", "category"]);
  await person.press(formButton.pack(FORMS.join, "cat", "resident"));
  await person.press(formButton.pack(FORMS.join, "consent", "yes"));
  expect(h.count("select count(*) n from membership_requests where user_id = 201 and full_name = 'Айгүл Осмонова'")).toBe(1);
  h.finish();
});
