import type { Update } from "grammy/types";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { startLanguageData } from "../../src/callbacks/index.js";
import { setGroupLocale } from "../../src/domain/group-settings.js";
import { userId, type Group } from "../../src/domain/types.js";
import { setUpGroup } from "../helpers/flows.js";
import { Harness, newUpdateId, type Person } from "../helpers/harness.js";

let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.finish());

const refused = { error_code: 400, description: "Bad Request: chat not found" };
const menuCalls = () => h.tg.callsOf("setMyCommands");
const scopes = () => menuCalls().map((call) => call.payload.scope);
const groupScopes = (chat: number, head: Person) => [
  { type: "chat", chat_id: chat },
  { type: "chat_member", chat_id: chat, user_id: head.id },
];

/** A registered group in Kyrgyz whose language its head then turns to Russian in the database alone. */
async function groupTurnedRussian(chat: number, headId: number): Promise<{ group: Group; head: Person }> {
  const head = h.person(headId, "Бакыт", "ky");
  const group = await setUpGroup(h, h.groupChat(chat), head);
  setGroupLocale(h.db, { group: group.id, locale: "ru", by: userId(head.id) });
  return { group, head };
}

test("a group changed three times before its turn is published once, as the database says then", async () => {
  const head = h.person(11, "Бакыт", "ky");
  const group = await setUpGroup(h, h.groupChat(-4101), head);
  h.tg.reset();
  for (const locale of ["ru", "ky", "ru"] as const) {
    setGroupLocale(h.db, { group: group.id, locale, by: userId(head.id) });
    h.bot.menus.group(group.id);
  }
  expect(menuCalls()).toEqual([]);
  await h.bot.menus.idle();
  expect(scopes()).toEqual(groupScopes(-4101, head));
  expect(menuCalls()[0]!.payload.commands).toContainEqual({ command: "members", description: "Состав группы" });
  await expect(h.bot.menus.idle()).resolves.toBeUndefined();

  // Refused, nothing is recorded to skip a menu by: still one round for three changes.
  h.tg.reset();
  h.tg.fail = (call) => (call.method === "setMyCommands" ? refused : undefined);
  for (const locale of ["ky", "ru", "ky"] as const) {
    setGroupLocale(h.db, { group: group.id, locale, by: userId(head.id) });
    h.bot.menus.group(group.id);
  }
  await h.bot.menus.idle();
  expect(scopes()).toEqual(groupScopes(-4101, head));
});

test("a refused menu is logged and the chats after it are still published", async () => {
  const a = await groupTurnedRussian(-4102, 11);
  const b = await groupTurnedRussian(-4103, 12);
  h.tg.reset();
  h.tg.fail = (call) => (call.method === "setMyCommands" && call.payload.scope.chat_id === -4102 ? refused : undefined);
  h.bot.menus.group(a.group.id);
  h.bot.menus.group(b.group.id);
  await h.bot.menus.idle();
  expect(scopes()).toEqual([...groupScopes(-4102, a.head), ...groupScopes(-4103, b.head)]);
  expect(h.logs.filter((line) => line.msg === "command menu not set").map((line) => line.scope)).toEqual([
    "chat:-4102",
    `chat_member:-4102:${a.head.id}`,
  ]);
  expect(h.count("select count(*) n from published_menus where chat_id = -4103")).toBe(2);
});

test("stop does not wait for Telegram: the menu in flight is abandoned quietly and nothing more is sent", async () => {
  const a = await groupTurnedRussian(-4104, 11);
  const b = await groupTurnedRussian(-4105, 12);
  h.tg.reset();
  // Telegram never answers (as behind a long 429 wait): stopping must not wait for it.
  h.tg.hold = (call) => call.method === "setMyCommands";
  h.bot.menus.group(a.group.id);
  h.bot.menus.group(b.group.id);
  await vi.waitFor(() => expect(scopes()).toEqual([{ type: "chat", chat_id: -4104 }]));
  await h.bot.menus.stop();
  h.bot.menus.group(b.group.id);
  await h.bot.menus.idle();
  expect(scopes()).toEqual([{ type: "chat", chat_id: -4104 }]);
  expect(h.logs.filter((line) => /command menu/.test(String(line.msg)))).toEqual([]);
});

test("a person's language choice is answered without waiting for their menu", async () => {
  const person = h.person(301, "Айгүл", "ru");
  await person.say("/start");
  // Telegram never answers the menu: the update is answered all the same.
  h.tg.hold = (call) => call.method === "setMyCommands";
  const data = startLanguageData.pack({ locale: "ky" });
  const message = h.tg.messageWithButton(person.id, data)!;
  await h.bot.handleUpdate({
    update_id: newUpdateId(),
    callback_query: { id: "press", from: person.user, chat_instance: "ci", data, message },
  } as Update);
  expect(h.tg.textsTo(person.id).at(-1)).toMatch(/^Саламатсызбы, Айгүл!/);
  await vi.waitFor(() => expect(scopes()).toEqual([{ type: "chat", chat_id: person.id }]));
});
