import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { loadTranslations } from "../../src/bot/i18n.js";
import { publishCommonMenus, refreshChatMenus, type MenuDeps } from "../../src/bot/menus.js";
import { buttonsOf, type ApiCall } from "../helpers/fake-telegram.js";
import { fiveMembers, setUpGroup } from "../helpers/flows.js";
import { Harness } from "../helpers/harness.js";
import { appointData, ballotData, languageData, leaveData, startLanguageData } from "../../src/callbacks/index.js";
import { groupId, memberId, userId, voteId } from "../../src/domain/types.js";

let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.finish());

const menuCalls = () => h.tg.callsOf("setMyCommands");
const scopeOf = (call: ApiCall) => JSON.stringify(call.payload.scope);
/** The newest menu sent for a scope, as command → description. */
function menuFor(scope: object): Record<string, string> | undefined {
  const call = menuCalls()
    .filter((c) => scopeOf(c) === JSON.stringify(scope))
    .pop();
  return (
    call && Object.fromEntries((call.payload.commands as { command: string; description: string }[]).map((c) => [c.command, c.description]))
  );
}

describe("first contact", () => {
  test("a Russian-language Telegram user who picks Kyrgyz gets Kyrgyz replies and a Kyrgyz menu in private", async () => {
    const person = h.person(301, "Айгүл", "ru");
    await person.say("/start");
    const question = h.tg.lastTo(person.id).payload;
    expect(question.text).toBe("Тилди тандаңыз / Выберите язык:");
    expect(buttonsOf(question).map((b) => [b.text, "callback_data" in b && b.callback_data])).toEqual([
      ["Русский", startLanguageData.pack({ locale: "ru" })],
      ["Кыргызча", startLanguageData.pack({ locale: "ky" })],
    ]);

    await person.press(startLanguageData.pack({ locale: "ky" }));
    expect(h.tg.textsTo(person.id).slice(-2)).toEqual([
      "Эми сизге кыргызча жазам.",
      expect.stringMatching(/^Саламатсызбы, Айгүл![\s\S]*\nТилди кийин \/language буйругу менен өзгөртө аласыз\.$/),
    ]);
    const [menu] = menuCalls();
    // Only the fields the Bot API defines: the list and the scope of this private chat, for any app language.
    expect(Object.keys(menu!.payload).sort()).toEqual(["commands", "scope"]);
    expect(menu!.payload.scope).toEqual({ type: "chat", chat_id: person.id });
    for (const command of menu!.payload.commands) expect(Object.keys(command).sort()).toEqual(["command", "description"]);
    expect(menuFor({ type: "chat", chat_id: person.id })).toMatchObject({
      help: "Жардам: бул жерде эмне кылууга болот",
      language: "Тил",
      observe: "Байкоо жазуу",
    });
    expect(menuFor({ type: "chat", chat_id: person.id })).not.toHaveProperty("setup");

    await person.say("/help");
    expect(h.tg.lastTo(person.id).payload.text).toContain("Ар бир адам");
    await person.say("/start");
    expect(h.tg.lastTo(person.id).payload.text).toMatch(/^Саламатсызбы, Айгүл!/);
    expect(menuCalls()).toHaveLength(1);

    await person.say("/language");
    await person.press(languageData.pack({ target: "me", locale: "ru" }));
    expect(menuFor({ type: "chat", chat_id: person.id })).toMatchObject({ help: "Справка: что можно сделать" });
  });

  test("a Kyrgyz-language user is offered Kyrgyz first; a deep link opens its form without the question", async () => {
    const person = h.person(302, "Бакыт", "ky");
    await person.say("/start");
    expect(buttonsOf(h.tg.lastTo(person.id).payload).map((b) => b.text)).toEqual(["Кыргызча", "Русский"]);
    await person.say("/start join-999");
    expect(h.tg.lastTo(person.id).payload.text).toBe("Мындай топ жок. Тобуңуздун чатын ачып, ал жерде /join жөнөтүңүз.");
  });
});

describe("group menus", () => {
  test("a group's menu follows its language; the leader and the appointers see their extra commands there", async () => {
    const chat = h.groupChat(-4001);
    const head = h.person(11, "Бакыт", "ru");
    const group = await setUpGroup(h, chat, head);
    const everyone = { type: "chat", chat_id: chat.id };
    const headScope = { type: "chat_member", chat_id: chat.id, user_id: head.id };
    expect(menuFor(everyone)).toMatchObject({ members: "Топтун курамы", help: "Жардам: бул жерде эмне кылууга болот" });
    for (const extra of ["setup", "appoint", "addappointer", "meeting", "start", "cancel"])
      expect(menuFor(everyone)).not.toHaveProperty(extra);
    expect(menuFor(headScope)).toMatchObject({
      appoint: "Топтун жетекчисин дайындоо",
      addappointer: "Экинчи кызмат адамын кошуу (анын билдирүүсүнө жооп катары)",
    });
    expect(menuFor(headScope)).not.toHaveProperty("meeting");

    await head.say("/language", chat);
    await head.press(languageData.pack({ target: `g${group.id}`, locale: "ru" }), chat);
    expect(menuFor(everyone)).toMatchObject({ members: "Состав группы", help: "Справка: что можно сделать" });
    expect(menuFor(headScope)).toMatchObject({ appoint: "Назначить руководителя группы" });

    const [leader] = await fiveMembers(h, group, head);
    await head.say("/appoint", chat);
    const member = h.db.$client.prepare("select id from members where user_id = ?").get(leader!.id) as { id: number };
    await head.press(appointData.pack({ group: groupId(group.id), member: memberId(member.id) }), chat);
    const leaderScope = { type: "chat_member", chat_id: chat.id, user_id: leader!.id };
    expect(menuFor(leaderScope)).toMatchObject({
      meeting: "Назначить заседание (руководитель)",
      attendance: "Отметить присутствующих (руководитель)",
    });
    expect(menuFor(leaderScope)).not.toHaveProperty("appoint");

    // The leader leaves: their own menu in the group is withdrawn.
    await leader!.say("/leave", chat);
    await leader!.press(leaveData.pack({ group: groupId(group.id), user: userId(leader!.id), answer: "y" }), chat);
    expect(h.tg.callsOf("deleteMyCommands").map((c) => c.payload.scope)).toEqual([leaderScope]);
  });

  test("a group that becomes a supergroup gets its menus in the new chat", async () => {
    const chat = { id: -4004, type: "group", title: "Ак-Суу" } as const;
    const head = h.person(11, "Бакыт", "ru");
    await setUpGroup(h, chat as never, head, { locale: "ru" });
    await head.say("", chat as never, { text: undefined, migrate_to_chat_id: -1004004 } as never);
    expect(menuFor({ type: "chat", chat_id: -1004004 })).toMatchObject({ members: "Состав группы" });
    expect(menuFor({ type: "chat_member", chat_id: -1004004, user_id: head.id })).toMatchObject({
      appoint: "Назначить руководителя группы",
    });
  });

  test("at start the menus are sent once; a later start sends only what changed", async () => {
    const refreshMenus = async (d: MenuDeps) => {
      await publishCommonMenus(d);
      await refreshChatMenus(d);
    };
    const deps: MenuDeps = { db: h.db, api: h.bot.api, t: loadTranslations("ky"), defaultLocale: "ky", logger: pino({ level: "silent" }) };
    await refreshMenus(deps);
    const sent = menuCalls().map((c) => `${c.payload.scope.type}/${c.payload.language_code ?? "default"}`);
    expect(sent.sort()).toEqual([
      "all_group_chats/default",
      "all_group_chats/ky",
      "all_group_chats/ru",
      "all_private_chats/default",
      "all_private_chats/ky",
      "all_private_chats/ru",
    ]);
    // Only the fields the Bot API defines.
    for (const call of menuCalls()) {
      expect(Object.keys(call.payload).sort()).toEqual(
        call.payload.language_code ? ["commands", "language_code", "scope"] : ["commands", "scope"],
      );
      for (const command of call.payload.commands) expect(Object.keys(command).sort()).toEqual(["command", "description"]);
    }
    const group = menuCalls().find((c) => c.payload.scope.type === "all_group_chats" && c.payload.language_code === "ru");
    expect(group?.payload.commands.map((c: { command: string }) => c.command)).toContain("setup");

    await setUpGroup(h, h.groupChat(-4002), h.person(11, "Бакыт", "ky"));
    const person = h.person(12, "Айгүл", "ru");
    await person.say("/start");
    await person.press(startLanguageData.pack({ locale: "ky" }));
    h.restart();
    h.tg.reset();
    await refreshMenus({ ...deps, db: h.db, api: h.bot.api });
    expect(menuCalls()).toEqual([]);

    // A person whose choice was made before menus followed it gets their menu once.
    h.db.$client.prepare("delete from published_menus where scope = ?").run(`chat:${person.id}`);
    await refreshMenus({ ...deps, db: h.db, api: h.bot.api });
    expect(menuCalls().map((c) => c.payload.scope)).toEqual([{ type: "chat", chat_id: person.id }]);
  });
});

describe("alerts", () => {
  test("an alert only the presser sees is in the presser's language, not the group's", async () => {
    const chat = h.groupChat(-4003);
    const head = h.person(11, "Бакыт", "ky");
    const group = await setUpGroup(h, chat, head);
    const visitor = h.person(501, "Ольга", "ru");
    await head.say("/language", chat);
    await visitor.press(languageData.pack({ target: `g${group.id}`, locale: "ru" }), chat);
    expect(h.lastAlert()).toBe(
      "Язык чата группы меняют глава айыл окмоту, председатель айылного кенеша и руководитель группы. Свой язык выберите командой /language в личном чате со мной.",
    );
    await visitor.forge(ballotData.pack({ vote: voteId(1), choice: "for" }), chat);
    expect(h.lastAlert()).toBe("Такого голосования нет.");

    // Someone who chose Kyrgyz gets Kyrgyz alerts in a Russian group.
    await head.press(languageData.pack({ target: `g${group.id}`, locale: "ru" }), chat);
    const chooser = h.person(502, "Айбек", "ru");
    await chooser.say("/language");
    await chooser.press(languageData.pack({ target: "me", locale: "ky" }));
    await chooser.forge(ballotData.pack({ vote: voteId(1), choice: "for" }), chat);
    expect(h.lastAlert()).toBe("Мындай добуш берүү жок.");
  });
});
