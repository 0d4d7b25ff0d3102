import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { groupByChat } from "../../src/domain/groups.js";
import { chatId, groupId } from "../../src/domain/types.js";
import { buttonsOf } from "../helpers/fake-telegram.js";
import { approve, fillJoinForm, fiveMembers, setUpGroup } from "../helpers/flows.js";
import { Harness } from "../helpers/harness.js";
import { languageData, pickGroupData } from "../../src/callbacks/index.js";

let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.finish());

const last = (chat: number) => String(h.tg.lastTo(chat).payload.text);

describe("language", () => {
  test("Telegram's ru gets Russian, ky gets Kyrgyz, anything else the default (ky)", async () => {
    for (const [id, code, expected] of [
      [1, "ru", "Каждый"],
      [2, "ky", "Ар бир адам"],
      [3, "en", "Ар бир адам"],
      [4, "ru-RU", "Каждый"],
      [5, undefined, "Ар бир адам"],
    ] as const) {
      const person = h.person(id, "Person", code);
      await person.say("/help");
      expect(last(id)).toContain(expected);
    }
  });

  test("/language overrides Telegram's language", async () => {
    const person = h.person(1, "Person", "ru");
    await person.say("/language");
    expect(buttonsOf(h.tg.lastTo(1).payload).map((b) => b.text)).toEqual(["Кыргызча", "Русский"]);
    await person.press(languageData.pack({ target: "me", locale: "ky" }));
    expect(h.tg.textsTo(1).pop()).toBe("Эми сизге кыргызча жазам.");
    await person.say("/help");
    expect(last(1)).toContain("Ар бир адам");
  });

  test("/language works inside an open form, and the form goes on in the new language", async () => {
    const chat = h.groupChat(-3001);
    const group = await setUpGroup(h, chat, h.person(11, "Бакыт", "ky"));
    const person = h.person(201, "Айгүл", "ru");
    await person.say(`/start join-${group.id}`);
    await person.say("/language");
    await person.press(languageData.pack({ target: "me", locale: "ky" }));
    await person.say("Айгүл Осмонова");
    expect(last(201)).toBe("Топто кимдин атынан катышасыз?");
    expect(buttonsOf(h.tg.lastTo(201).payload)[5]?.text).toBe("жергиликтүү жашоочу");
  });

  test("a group's language is changed only by its appointers or leader", async () => {
    const chat = h.groupChat(-3002);
    const head = h.person(11, "Бакыт", "ky");
    const group = await setUpGroup(h, chat, head);
    const [member] = await fiveMembers(h, group, head);
    await member!.say("/language", chat);
    await member!.press(languageData.pack({ target: `g${group.id}`, locale: "ru" }), chat);
    expect(h.tg.alerts().pop()).toContain("Топтун чатынын тилин");
    expect(groupByChat(h.db, chatId(chat.id))?.locale).toBe("ky");
    await head.press(languageData.pack({ target: `g${group.id}`, locale: "ru" }), chat);
    expect(groupByChat(h.db, chatId(chat.id))?.locale).toBe("ru");
    await member!.say("/members", chat);
    expect(last(chat.id)).toContain("Состав группы");
  });
});

describe("every command answers, in both languages", () => {
  test.each([
    [
      "ky",
      [
        "Тилди тандаңыз / Выберите язык",
        "Ар бир адам",
        "Кайсы топко",
        "эч бир топтун мүчөсү эмессиз",
        "эч бир топтун мүчөсү эмессиз",
        "эч бир топтун мүчөсү эмессиз",
        "эч бир топтун мүчөсү эмессиз",
        "Тилди тандаңыз",
        "Азыр жокко чыгара",
        "топтун чатына кошуп",
        "билдирүүсүнө жооп катары",
        "Мындай буйрукту билбейм",
        "Түшүнгөн жокмун",
      ],
    ],
    [
      "ru",
      [
        "Тилди тандаңыз / Выберите язык",
        "Каждый",
        "В какую группу",
        "не состоите ни в одной группе",
        "не состоите ни в одной группе",
        "не состоите ни в одной группе",
        "не состоите ни в одной группе",
        "Выберите язык",
        "нечего отменять",
        "добавьте меня в чат группы",
        "ответом на сообщение",
        "не знаю такой команды",
        "Я не понял",
      ],
    ],
  ] as const)("in private, to a newcomer (%s)", async (locale, expected) => {
    const chat = h.groupChat(-3003);
    await setUpGroup(h, chat, h.person(11, "Бакыт", "ky"));
    const person = h.person(500, "Person", locale);
    const commands = [
      "/start",
      "/help",
      "/join",
      "/members",
      "/status",
      "/leave",
      "/appoint",
      "/language",
      "/cancel",
      "/setup",
      "/addappointer",
      "/nonsense",
      "hello",
    ];
    for (const [i, command] of commands.entries()) {
      await person.say(command);
      expect(last(500), command).toContain(expected[i]);
    }
  });

  test.each([
    [
      "ky",
      [
        "Мен бул жерде буйруктар",
        "Ар бир адам",
        "кирүү арызы мен менен жеке чатта",
        "тобунун курамы",
        "биргелешкен мониторинг жана баалоо тобу",
        "тобунун мүчөсү эмессиз",
        "айыл өкмөт башчысы же айылдык кеңештин төрагасы дайындайт",
        "билдирүүлөрдүн тилин",
        "мурунтан катталган",
        "билдирүүсүнө жооп катары",
      ],
    ],
    [
      "ru",
      [
        "Я работаю здесь",
        "Каждый",
        "заполняется в личном чате",
        "Состав группы",
        "Группа совместного мониторинга и оценки",
        "Вы не член группы",
        "Руководителя группы назначает",
        "язык сообщений в этом чате",
        "уже зарегистрирован",
        "ответом на сообщение",
      ],
    ],
  ] as const)("in a registered group chat, to a newcomer (%s group)", async (locale, expected) => {
    const chat = h.groupChat(-3004);
    await setUpGroup(h, chat, h.person(11, "Бакыт", "ky"), { locale });
    const person = h.person(500, "Person", locale === "ky" ? "ru" : "ky");
    const commands = ["/start", "/help", "/join", "/members", "/status", "/leave", "/appoint", "/language", "/setup", "/addappointer"];
    for (const [i, command] of commands.entries()) {
      await person.say(command, chat);
      expect(last(chat.id), command).toContain(expected[i]);
    }
  });

  test("in an unregistered group chat, commands point to /setup; plain talk gets no answer", async () => {
    const chat = h.groupChat(-3005);
    const person = h.person(500, "Person", "ru");
    for (const command of ["/members", "/status", "/join", "/leave", "/appoint", "/language"]) {
      await person.say(command, chat);
      expect(last(chat.id), command).toContain("/setup");
    }
    const before = h.tg.calls.length;
    await person.say("Салам баарына", chat);
    await person.say("/weather", chat);
    expect(h.tg.calls.length).toBe(before);
    await person.say("/weather@monitoring_group_bot", chat);
    expect(last(chat.id)).toBe("Я не знаю такой команды. Список команд — /help.");
  });

  test("/help shows what this person can do, by role", async () => {
    const chat = h.groupChat(-3006);
    const head = h.person(11, "Бакыт", "ru");
    const group = await setUpGroup(h, chat, head, { locale: "ru" });
    const [member] = await fiveMembers(h, group, head);
    await head.say("/help", chat);
    expect(last(chat.id)).toContain("/appoint");
    await member!.say("/help", chat);
    expect(last(chat.id)).toContain("/leave");
    expect(last(chat.id)).not.toContain("/appoint");
  });
});

describe("groups", () => {
  test("a member of two groups is asked which one, and the buttons are checked", async () => {
    const chatA = h.groupChat(-3007);
    const chatB = h.groupChat(-3008);
    const head = h.person(11, "Бакыт", "ru");
    const groupA = await setUpGroup(h, chatA, head, { municipality: "Ак-Суу" });
    const groupB = await setUpGroup(h, chatB, head, { municipality: "Кара-Суу" });
    const person = h.person(201, "Айгүл", "ru");
    await fillJoinForm(person, groupA, "Айгүл Осмонова");
    await approve(h, head, groupA, person);
    await fillJoinForm(person, groupB, "Айгүл Осмонова");
    await approve(h, head, groupB, person);

    await person.say("/members");
    expect(last(201)).toBe("Какая группа?");
    expect(buttonsOf(h.tg.lastTo(201).payload).map((b) => b.text)).toEqual(["Ак-Суу", "Кара-Суу"]);
    await person.press(pickGroupData.pack({ command: "members", group: groupId(groupB.id) }));
    expect(last(201)).toContain("Состав группы «Кара-Суу»");

    const stranger = h.person(202, "Азамат", "ru");
    await stranger.forge(pickGroupData.pack({ command: "members", group: groupId(groupA.id) }));
    expect(h.tg.alerts().pop()).toBe("Вы не состоите в этой группе.");
  });

  test("a group that becomes a supergroup keeps its records", async () => {
    const chat = { id: -3009, type: "group", title: "Ак-Суу" } as const;
    const head = h.person(11, "Бакыт", "ky");
    const group = await setUpGroup(h, chat as never, head);
    await head.say("", chat as never, { text: undefined, migrate_to_chat_id: -1003009 } as never);
    const moved = groupByChat(h.db, chatId(-1003009));
    expect(moved?.id).toBe(group.id);
    const supergroup = h.groupChat(-1003009);
    await head.say("/status", supergroup);
    expect(last(supergroup.id)).toContain("Мин-Булак айыл аймагы");
  });

  test("an appointer adds the other office by replying to their message", async () => {
    const chat = h.groupChat(-3010);
    const head = h.person(11, "Бакыт", "ru");
    await setUpGroup(h, chat, head, { locale: "ru" });
    const chair = h.person(12, "Жылдыз", "ru");
    const chairMessage = { message_id: 5, date: 0, chat, from: chair.user, text: "Здравствуйте" };
    await chair.say("/addappointer", chat, { reply_to_message: { ...chairMessage, from: head.user } as never });
    expect(last(chat.id)).toContain("добавляет глава айыл окмоту или председатель");
    await head.say("/addappointer", chat, { reply_to_message: chairMessage as never });
    expect(last(chat.id)).toBe("Добавлено должностное лицо: Жылдыз (председатель айылного кенеша).");
    await head.say("/status", chat);
    expect(last(chat.id)).toContain("Председатель айылного кенеша: Жылдыз");
    const third = h.person(13, "Асан", "ru");
    await chair.say("/addappointer", chat, { reply_to_message: { ...chairMessage, from: third.user } as never });
    expect(last(chat.id)).toContain("Обе должности");
  });

  test("the bot added to a group says how to start", async () => {
    const chat = h.groupChat(-3011);
    const admin = h.person(11, "Бакыт", "ru");
    await h.send({
      my_chat_member: {
        chat,
        from: admin.user,
        date: 0,
        old_chat_member: { status: "left", user: { id: 7000000001, is_bot: true, first_name: "Monitoring" } },
        new_chat_member: { status: "member", user: { id: 7000000001, is_bot: true, first_name: "Monitoring" } },
      } as never,
    });
    expect(last(chat.id)).toContain("/setup");
  });
});
