import type { Update } from "grammy/types";
import { afterEach, expect, test } from "vitest";
import { buttonsOf } from "../helpers/fake-telegram.js";
import { setUpGroup } from "../helpers/flows.js";
import { Harness, newUpdateId } from "../helpers/harness.js";
import { answerForm, groupWithMembers, serviceKeyed } from "../helpers/observations.js";
import { DRAFT_FORMS, formButton, FORMS } from "../../src/callbacks/index.js";
import { CATEGORIES } from "../../src/domain/types.js";

let h: Harness;
afterEach(() => h?.close());

const tick = () => new Promise((resolve) => setImmediate(resolve));
const answered = (h: Harness, chat: number) => h.tg.sentTo(chat).filter((call) => call.result !== undefined);

function startUpdate(h: Harness, from: number): Update {
  const user = { id: from, is_bot: false, first_name: "Айгүл", language_code: "ky" };
  return {
    update_id: newUpdateId(),
    message: {
      message_id: newUpdateId(),
      date: Math.floor(h.clock.now().getTime() / 1000),
      chat: { id: from, type: "private", first_name: "Айгүл" },
      from: user,
      text: "/start",
      entities: [{ type: "bot_command", offset: 0, length: 6 }],
    },
  } as Update;
}

test("an update cut short by a crash is handled at the next start", async () => {
  h = new Harness();
  h.tg.hold = (call) => call.method === "sendMessage";
  void h.bot.handleUpdate(startUpdate(h, 42));
  await tick();
  expect(answered(h, 42)).toHaveLength(0);
  h.tg.hold = () => false;
  h.restart();
  expect(await h.bot.resume()).toBe(1);
  expect(answered(h, 42)).toHaveLength(1);
  expect(await h.bot.resume()).toBe(0);
  h.finish();
});

test("a redelivered update whose handling was cut short is handled again, not taken for a duplicate", async () => {
  h = new Harness();
  const update = startUpdate(h, 42);
  h.tg.hold = (call) => call.method === "sendMessage";
  void h.bot.handleUpdate(update);
  await tick();
  h.tg.hold = () => false;
  h.restart();
  await h.bot.handleUpdate(update);
  expect(answered(h, 42)).toHaveLength(1);
  h.finish();
});

test("an update handled to the end and delivered again changes nothing and posts nothing", async () => {
  h = new Harness();
  const update = startUpdate(h, 42);
  await h.bot.handleUpdate(update);
  await h.bot.handleUpdate(update);
  h.restart();
  await h.bot.handleUpdate(update);
  expect(await h.bot.resume()).toBe(0);
  expect(answered(h, 42)).toHaveLength(1);
  h.finish();
});

test("the same update delivered twice at once is handled once", async () => {
  h = new Harness();
  const update = startUpdate(h, 42);
  await Promise.all([h.bot.handleUpdate(update), h.bot.handleUpdate(structuredClone(update))]);
  expect(answered(h, 42)).toHaveLength(1);
  h.finish();
});

test("the record of handled updates stays bounded", async () => {
  h = new Harness({ inboxKeep: 50 });
  for (let i = 0; i < 400; i++) await h.bot.handleUpdate(startUpdate(h, 42));
  expect(h.count("select count(*) n from inbox")).toBeLessThanOrEqual(50 + 64);
  // An old update, pruned from the record, is still known as handled.
  h.finish();
});

test("a form step whose reply was cut short is asked again after the restart, never skipped", async () => {
  h = new Harness();
  const chat = h.groupChat(-1001);
  const group = await setUpGroup(h, chat, h.person(11, "Бакыт", "ky"));
  const person = h.person(201, "Айгүл", "ky");
  await person.say(`/start join-${group.id}`);
  // The name is taken; the process dies while the category question is on its way.
  h.tg.hold = (call) =>
    buttonsOf(call.payload).some(
      (b) => "callback_data" in b && formButton.value(b.callback_data, FORMS.join, "cat", CATEGORIES) !== undefined,
    );
  void person.say("Айгүл Осмонова");
  await tick();
  h.tg.hold = () => false;
  h.restart();
  await h.bot.resume();
  await person.press(formButton.pack(FORMS.join, "cat", "resident"));
  await person.press(formButton.pack(FORMS.join, "consent", "yes"));
  expect(h.count("select count(*) n from membership_requests where user_id = 201 and full_name = 'Айгүл Осмонова'")).toBe(1);
  h.finish();
});

test("an observation whose «saved» never reached the person is stored once when the update is handled again", async () => {
  const scene = await groupWithMembers(-1002);
  h = scene.h;
  const aigul = scene.members[0]!;
  await aigul.say("/observe");
  await answerForm(aigul, { service: serviceKeyed(h, scene.group, "water") });
  // Saved; the process dies while «saved» is on its way to the person.
  h.tg.hold = (call) => call.method === "sendMessage" && Number(call.payload.chat_id) === aigul.id;
  void aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "sum", "save"));
  await tick();
  h.tg.hold = () => false;
  h.restart();
  await h.bot.resume();
  expect(h.count("select count(*) n from observations")).toBe(1);
  expect(answered(h, aigul.id).at(-1)?.payload.text).toMatch(/^Наблюдение сохранено|^Байкоо сакталды/);
  h.finish();
});
