import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { activeMembers } from "../../src/domain/members.js";
import { pendingRequests } from "../../src/domain/requests.js";
import { FORMS_VERSION } from "../../src/bot/conversations/storage.js";
import { fillJoinForm, setUpGroup } from "../helpers/flows.js";
import { Harness, newUpdateId } from "../helpers/harness.js";
import type { Group } from "../../src/domain/types.js";
import { formButton, FORMS, requestData } from "../../src/callbacks/index.js";
import { requestId } from "../../src/domain/types.js";

let h: Harness;
let group: Group;
const chat = { id: -2001, type: "supergroup", title: "Ак-Суу" } as const;

beforeEach(async () => {
  h = new Harness();
  group = await setUpGroup(h, chat, h.person(11, "Бакыт", "ky"), { locale: "ru" });
});
afterEach(() => h.finish());

const requests = () => pendingRequests(h.db, group.id);

describe("the join form takes bad input calmly", () => {
  test("a name that is only spaces, 500 characters, or a sticker gets a hint and the question stays", async () => {
    const person = h.person(201, "Айгүл", "ru");
    await person.say(`/start join-${group.id}`);
    expect(h.tg.lastTo(person.id).payload.text).toContain("Напишите ваши фамилию, имя и отчество");

    await person.say("   ");
    expect(h.tg.lastTo(person.id).payload.text).toBe("Слишком коротко: нужно не менее 3 символов.");
    await person.say("А".repeat(500));
    expect(h.tg.lastTo(person.id).payload.text).toBe("Слишком длинно: 500 символов, можно не более 100. Сократите и отправьте снова.");
    await person.sendSticker();
    expect(h.tg.lastTo(person.id).payload.text).toBe("Напишите ваши фамилию, имя и отчество текстом.");
    await person.say("Айгүл Осмонова");
    expect(h.tg.lastTo(person.id).payload.text).toBe("Кого вы представляете в группе?");

    await person.say("житель");
    expect(h.tg.lastTo(person.id).payload.text).toBe("Выберите ответ кнопкой под вопросом.");
    await person.press(formButton.pack(FORMS.join, "cat", "ngo"));
    expect(h.tg.lastTo(person.id).payload.text).toContain("Категория: представитель неправительственной организации");
    await person.press(formButton.pack(FORMS.join, "consent", "yes"));
    expect(requests()).toMatchObject([{ fullName: "Айгүл Осмонова", category: "ngo" }]);
  });

  test("/cancel midway leaves nothing behind, and the old buttons say they are no longer active", async () => {
    const person = h.person(202, "Нурлан", "ky");
    await person.say(`/start join-${group.id}`);
    await person.say("Нурлан Асанов");
    await person.say("/cancel");
    expect(h.tg.lastTo(person.id).payload.text).toBe("Толтуруу жокко чыгарылды, эч нерсе сакталган жок.");
    await person.press(formButton.pack(FORMS.join, "cat", "resident"));
    expect(h.tg.alerts().pop()).toBe("Бул баскыч мындан ары иштебейт.");
    expect(requests()).toEqual([]);
    await person.say("/cancel");
    expect(h.tg.lastTo(person.id).payload.text).toBe("Азыр жокко чыгара турган эч нерсе жок.");
  });

  test("declining consent saves nothing", async () => {
    const person = h.person(203, "Асель", "ru");
    await person.say(`/start join-${group.id}`);
    await person.say("Асель Жээнбекова");
    await person.press(formButton.pack(FORMS.join, "cat", "resident"));
    await person.press(formButton.pack(FORMS.join, "consent", "no"));
    expect(h.tg.lastTo(person.id).payload.text).toContain("Заявка не отправлена");
    expect(requests()).toEqual([]);
  });

  test("a command in the middle of the form is answered and the form goes on", async () => {
    const person = h.person(204, "Айбек", "ru");
    await person.say(`/start join-${group.id}`);
    await person.say("/help");
    expect(h.tg.lastTo(person.id).payload.text).toContain("/join");
    await person.say("Айбек Мамытов");
    expect(h.tg.lastTo(person.id).payload.text).toBe("Кого вы представляете в группе?");
  });

  test("asking again while a request waits, and after approval, is refused", async () => {
    const person = h.person(205, "Жылдыз", "ru");
    await fillJoinForm(person, group, "Жылдыз Токтосунова");
    await person.say(`/start join-${group.id}`);
    expect(h.tg.lastTo(person.id).payload.text).toBe("Ваша заявка в группу «Мин-Булак айыл аймагы» уже ждёт решения.");
    await person.say("/join", chat);
    expect(h.tg.lastTo(chat.id).payload.text).toBe("Ваша заявка в группу «Мин-Булак айыл аймагы» уже ждёт решения.");
    expect(requests()).toHaveLength(1);
  });
});

describe("forms belong to one person in one chat", () => {
  test("two people filling the join form at the same time, step by step interleaved", async () => {
    const a = h.person(211, "Айгүл", "ky");
    const b = h.person(212, "Бакыт", "ru");
    await a.say(`/start join-${group.id}`);
    await b.say(`/start join-${group.id}`);
    await a.say("Айгүл Осмонова");
    await b.say("Бакыт Токтогулов");
    await b.press(formButton.pack(FORMS.join, "cat", "deputy"));
    await a.press(formButton.pack(FORMS.join, "cat", "ngo"));
    await a.press(formButton.pack(FORMS.join, "consent", "yes"));
    await b.press(formButton.pack(FORMS.join, "consent", "yes"));
    expect(requests().map((r) => [r.fullName, r.category])).toEqual([
      ["Айгүл Осмонова", "ngo"],
      ["Бакыт Токтогулов", "deputy"],
    ]);
  });

  test("in a group chat, another person's messages never answer an administrator's form", async () => {
    const other = h.groupChat(-2002);
    const admin = h.person(31, "Жылдыз", "ru");
    h.tg.chatMemberStatus.set(`${other.id}:${admin.id}`, "creator");
    const bystander = h.person(32, "Азамат", "ru");
    await admin.say("/setup", other);
    await admin.press(formButton.pack(FORMS.setup, "office", "chair"), other);
    await bystander.say("Всем привет!", other);
    await bystander.say("/join", other);
    expect(h.tg.lastTo(other.id).payload.text).toBe(
      "Этот чат не зарегистрирован как группа СМиО. Администратор чата регистрирует его командой /setup.",
    );
    // The bystander cannot press the administrator's buttons either.
    await admin.say("Кара-Кужур айыл аймагы", other);
    await admin.say("Кара-Кужурский айылный аймак", other);
    await bystander.say("-", other);
    await admin.say("-", other);
    await bystander.press(formButton.pack(FORMS.setup, "lang", "ky"), other);
    expect(h.tg.alerts().pop()).toBe("Эта кнопка больше не действует.");
    await admin.press(formButton.pack(FORMS.setup, "lang", "ru"), other);
    await admin.say("31.12.2027", other);
    expect(h.tg.lastTo(other.id).payload.text).toContain("«Кара-Кужурский айылный аймак» зарегистрирована");
    expect(h.tg.lastTo(other.id).payload.text).toContain("Должностное лицо: председатель айылного кенеша. Срок: 31 декабря 2027 г.");
  });
});

describe("nothing is lost or doubled", () => {
  test("the same update delivered twice changes nothing the second time", async () => {
    const person = h.person(221, "Гүлнара", "ky");
    await person.say(`/start join-${group.id}`);
    await person.say("Гүлнара Исаева");
    await person.press(formButton.pack(FORMS.join, "cat", "resident"));
    const consent = h.tg.messageWithButton(person.id, formButton.pack(FORMS.join, "consent", "yes"))!;
    const update = {
      update_id: newUpdateId(),
      callback_query: {
        id: "cb-1",
        from: person.user,
        chat_instance: "ci",
        data: formButton.pack(FORMS.join, "consent", "yes"),
        message: consent,
      },
    };
    await h.bot.handleUpdate(update as never);
    const sent = h.tg.calls.length;
    await h.bot.handleUpdate(update as never);
    expect(h.tg.calls.length).toBe(sent);
    expect(requests()).toHaveLength(1);

    // An approval delivered twice makes one member.
    const head = h.person(11, "Бакыт", "ky");
    const button = h.tg.messageWithButton(head.id, requestData.pack({ request: requestId(requests()[0]!.id), decision: "a" }))!;
    const approval = {
      update_id: newUpdateId(),
      callback_query: {
        id: "cb-2",
        from: head.user,
        chat_instance: "ci",
        data: requestData.pack({ request: requestId(requests()[0]!.id), decision: "a" }),
        message: button,
      },
    };
    await h.bot.handleUpdate(approval as never);
    await h.bot.handleUpdate(approval as never);
    expect(activeMembers(h.db, group.id)).toHaveLength(1);
  });

  test("a form interrupted by a restart continues where it was", async () => {
    const person = h.person(222, "Данияр", "ru");
    await person.say(`/start join-${group.id}`);
    await person.say("Данияр Абдыкадыров");
    h.restart();
    await person.press(formButton.pack(FORMS.join, "cat", "entrepreneur"));
    expect(h.tg.lastTo(person.id).payload.text).toContain("Категория: предприниматель");
    h.restart();
    await person.press(formButton.pack(FORMS.join, "consent", "yes"));
    expect(requests()).toMatchObject([{ fullName: "Данияр Абдыкадыров", category: "entrepreneur" }]);
  });

  test("a form stored by an older version of the bot is reset with a word to its owner", async () => {
    const person = h.person(223, "Элмира", "ru");
    await person.say(`/start join-${group.id}`);
    const [current, older] = [`"version":[0,${FORMS_VERSION}]`, `"version":[0,${FORMS_VERSION - 1}]`];
    h.db.$client.prepare("update conversation_states set state = replace(state, ?, ?)").run(current, older);
    await person.say("Элмира Жумабаева");
    expect(h.tg.textsTo(person.id)).toContain("Бот обновился, и начатая форма сброшена. Пожалуйста, начните заново.");
    expect(requests()).toEqual([]);
  });
});
