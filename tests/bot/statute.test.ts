import type { Message } from "grammy/types";
import { afterEach, describe, expect, test } from "vitest";
import { onFinalReportPublished } from "../../src/bot/notices/final-report.js";
import { groupById } from "../../src/domain/groups.js";
import { buttonsOf } from "../helpers/fake-telegram.js";
import type { Harness, Person } from "../helpers/harness.js";
import { leaderScene, type Scene } from "../helpers/meetings.js";
import { sendPhoto } from "../helpers/observations.js";
import {
  assignmentAcceptData,
  assignmentDoneData,
  assignmentReportData,
  assignmentReturnData,
  formButton,
  FORMS,
  infoAnswerData,
  languageData,
  planApproveData,
  planRecordData,
  termDoneData,
} from "../../src/callbacks/index.js";
import { groupId } from "../../src/domain/types.js";

let h: Harness;
afterEach(() => h.finish());

/** A group with a leader, everyone in it speaking the group's language in private too. */
async function scene(locale: "ky" | "ru" = "ru"): Promise<Scene> {
  let s: Scene;
  ({ h, scene: s } = await leaderScene(locale));
  for (const person of [s.head, ...s.people]) {
    await person.say("/language");
    await person.press(languageData.pack({ target: "me", locale }));
  }
  return s;
}

const last = (p: Person | { id: number }) => String(h.tg.lastTo(p.id).payload.text);
const row = (sql: string, ...args: unknown[]) => h.db.$client.prepare(sql).get(...args) as Record<string, any>;

async function recordPlan(s: Scene): Promise<void> {
  await s.leader.say("/plan");
  await s.leader.press(planRecordData.pack({ group: groupId(s.group.id) }));
  await s.leader.say("Питьевая вода, уличное освещение");
  await s.leader.say("Часы подачи воды; работают ли фонари ночью");
  await s.leader.say("31.03");
}

async function sendDocument(person: Person, fileId: string): Promise<void> {
  const document = { file_id: fileId, file_unique_id: `${fileId}-u`, file_name: "answer.pdf" };
  await h.send({ message: person.messageIn(undefined, { document } as Partial<Message>) as never });
}

describe("the work plan", () => {
  test("the leader records it, the head approves it, members see it in /plan and /status; the plan sets the term", async () => {
    const s = await scene();
    await recordPlan(s);
    expect(last(s.leader)).toBe("План записан и отправлен на утверждение.");
    expect(last(s.head)).toContain("Услуги: Питьевая вода, уличное освещение");
    const plan = Number(row("select id from work_plans").id);
    await s.people[2]!.say("/plan");
    expect(last(s.people[2]!)).toContain("⏳ Ждёт утверждения");
    expect(buttonsOf(h.tg.lastTo(s.people[2]!.id).payload)).toEqual([]);
    await s.head.press(planApproveData.pack({ group: groupId(s.group.id), plan }));
    expect(h.lastAlert()).toBe("План утверждён.");
    expect(h.tg.textsTo(s.chat.id).pop()).toContain("✅ План работы группы утверждён.");
    expect(groupById(h.db, s.group.id)?.termEndsOn).toBe("2027-03-31");
    await s.people[2]!.say("/status", s.chat);
    expect(h.tg.textsTo(s.chat.id).pop()).toContain("План работы: утверждён, до 31 марта 2027 г.");
    await s.people[2]!.say("/plan");
    expect(last(s.people[2]!)).toContain("✅ Утверждён.");
  });
});

describe("the term", () => {
  test("an appointer ends it with a reason after confirming; the group is read-only, its records readable", async () => {
    const s = await scene();
    await s.head.say("/endterm", s.chat);
    expect(buttonsOf(h.tg.lastTo(s.chat.id).payload)[0]).toMatchObject({
      url: `https://t.me/monitoring_group_bot?start=endterm-${s.group.id}`,
    });
    await s.head.say(`/start endterm-${s.group.id}`);
    await s.head.say("Решение айылного кенеша");
    expect(last(s.head)).toContain("Причина: Решение айылного кенеша");
    await s.head.press(formButton.pack(FORMS.endTerm, "ok", "no"));
    expect(last(s.head)).toBe("Срок работы не завершён.");
    expect(groupById(h.db, s.group.id)?.endedAt).toBeNull();

    await s.head.say("/endterm");
    await s.head.say("Решение айылного кенеша № 5/2");
    await s.head.press(formButton.pack(FORMS.endTerm, "ok", "yes"));
    expect(h.tg.textsTo(s.head.id)).toContain("Срок работы группы завершён.");
    expect(h.tg.textsTo(s.chat.id).pop()).toContain("Причина: Решение айылного кенеша № 5/2");
    expect(last(s.leader)).toContain("Срок работы группы «Мин-Булак айыл аймагы» завершён");

    // Read-only: every changing command says so; reading still works.
    for (const command of ["/meeting", "/assign", "/inforequest", "/observe"]) {
      await s.leader.say(command);
      expect(last(s.leader)).toBe(
        "Срок работы группы «Мин-Булак айыл аймагы» окончен: её записи доступны только для чтения и больше не меняются.",
      );
    }
    await s.leader.say("/plan");
    expect(last(s.leader)).toBe("План работы группы ещё не записан.");
    expect(buttonsOf(h.tg.lastTo(s.leader.id).payload)).toEqual([]);
    await s.people[1]!.say("/status", s.chat);
    expect(h.tg.textsTo(s.chat.id).pop()).toContain("Срок работы завершён (24 ноября 2026 г.). Причина: Решение айылного кенеша № 5/2");
    await s.head.say("/endterm");
    expect(last(s.head)).toBe(
      "Срок работы группы «Мин-Булак айыл аймагы» окончен: её записи доступны только для чтения и больше не меняются.",
    );
  });

  test("a group without a term end is asked, when its final report is published, whether its work is done", async () => {
    const s = await scene("ky");
    await onFinalReportPublished(h.bot.background.app, s.group.id);
    const asked = h.tg.lastTo(s.chat.id);
    expect(String(asked.payload.text)).toContain("Топтун иши аяктадыбы?");
    await s.leader.press(termDoneData.pack({ group: groupId(s.group.id), answer: "y" }), s.chat);
    expect(h.lastAlert()).toBe("Топтун иш мөөнөтүн айыл өкмөт башчысы же айылдык кеңештин төрагасы гана аяктай алат.");
    await s.head.press(termDoneData.pack({ group: groupId(s.group.id), answer: "y" }), s.chat);
    expect(groupById(h.db, s.group.id)?.endedAt).not.toBeNull();
    expect(h.tg.textsTo(s.chat.id).pop()).toContain("Себеби: иштин жыйынтыктары боюнча жыйынтыктоочу отчет жарыяланды");
    // Once ended (or with a set term), the question is not asked again.
    const before = h.tg.sentTo(s.chat.id).length;
    await onFinalReportPublished(h.bot.background.app, s.group.id);
    expect(h.tg.sentTo(s.chat.id).length).toBe(before);
  });
});

describe("assignments", () => {
  test("given to two members, accepted, reported with a photo, returned, reported again and done", async () => {
    const s = await scene();
    const [, bakyt, gulnara] = s.people;
    await s.leader.say("/assign");
    expect(last(s.leader)).toContain("2. Бакыт Токтогулов");
    await s.leader.say("2, 3");
    await s.leader.say("Проверить часы подачи воды на улице Ленина");
    await s.leader.press(formButton.pack(FORMS.giveAssignment, "svc", "0"));
    await s.leader.say("30.11");
    expect(last(s.leader)).toBe("Поручение дано 2 членам группы.");
    expect(last(bakyt!)).toContain("Что сделать: Проверить часы подачи воды на улице Ленина");
    expect(last(bakyt!)).toContain("Срок: до 30 ноября 2026 г.");
    const id = Number(row("select id from assignments where member_id = (select id from members where user_id = ?)", bakyt!.id).id);

    await bakyt!.press(assignmentAcceptData.pack({ assignment: id }));
    expect(h.lastAlert()).toBe("Поручение принято.");
    await bakyt!.press(assignmentReportData.pack({ assignment: id }));
    await bakyt!.say("Вода подаётся с 7 до 9 утра");
    await sendPhoto(bakyt!, "tap-photo");
    await bakyt!.press(formButton.pack(FORMS.reportAssignment, "files", "done"));
    expect(last(bakyt!)).toBe("Отчёт отправлен руководителю группы.");
    const report = h.tg
      .sentTo(s.leader.id)
      .filter((c) => String(c.payload.text).includes("Отчёт о поручении"))
      .pop()!;
    expect(String(report.payload.text)).toContain("Фотографий: 1; наблюдений: 0.");
    expect(h.tg.callsOf("sendPhoto", s.leader.id).map((c) => c.payload.photo)).toEqual(["tap-photo"]);

    await s.leader.press(assignmentReturnData.pack({ assignment: id }));
    expect(last(bakyt!)).toContain("вернул отчёт на доработку");
    await bakyt!.press(assignmentReportData.pack({ assignment: id }));
    await bakyt!.say("Вода подаётся с 7 до 9 утра и с 18 до 20");
    await bakyt!.press(formButton.pack(FORMS.reportAssignment, "files", "done"));
    await s.leader.press(assignmentDoneData.pack({ assignment: id }));
    expect(last(bakyt!)).toContain("поручение выполнено");
    expect(row("select status, report from assignments where id = ?", id)).toEqual({
      status: "done",
      report: "Вода подаётся с 7 до 9 утра и с 18 до 20",
    });

    await gulnara!.say("/assignments");
    expect(last(gulnara!)).toContain(
      "1. Гүлнара Исаева: Проверить часы подачи воды на улице Ленина (без определённой услуги) — до 30 ноября 2026 г., не принято",
    );
    await s.people[1]!.say("/status", s.chat);
    expect(h.tg.textsTo(s.chat.id).pop()).toContain("Открытых поручений: 1");
  });

  test("the assignee is reminded once the day before and once when overdue, not again after a restart", async () => {
    const s = await scene();
    await s.leader.say("/assign");
    await s.leader.say("2");
    await s.leader.say("Сфотографировать свалку у реки");
    await s.leader.press(formButton.pack(FORMS.giveAssignment, "svc", "0"));
    await s.leader.say("26.11");
    const bakyt = s.people[1]!;
    await h.scheduler().tick();
    expect(h.count("select count(*) n from sent_reminders where kind like 'assignment%'")).toBe(0);
    h.clock.set("2026-11-25T05:00:00Z");
    await h.scheduler().tick();
    expect(last(bakyt)).toBe("Напоминание о поручении (срок: 26 ноября 2026 г.): Сфотографировать свалку у реки");
    h.clock.set("2026-11-27T05:00:00Z");
    await h.scheduler().tick();
    await h.scheduler().tick();
    h.restart();
    await h.scheduler().tick();
    const reminders = h.tg
      .sentTo(bakyt.id)
      .map((c) => String(c.payload.text))
      .filter((t) => t.includes("Сфотографировать свалку") && !t.includes("📌"));
    expect(reminders).toEqual([
      "Напоминание о поручении (срок: 26 ноября 2026 г.): Сфотографировать свалку у реки",
      "⚠️ Срок поручения истёк (26 ноября 2026 г.), а отчёта нет. Поручение: Сфотографировать свалку у реки",
    ]);
    await s.people[2]!.say("/status", s.chat);
    expect(h.tg.textsTo(s.chat.id).pop()).toContain("⚠️ Просроченных поручений: 1");
  });
});

describe("bad input and the wrong chat", () => {
  test("in the group chat /assign leads to the private chat; wrong numbers, a past or unreadable date get hints", async () => {
    const s = await scene("ky");
    await s.leader.say("/assign", s.chat);
    expect(buttonsOf(h.tg.lastTo(s.chat.id).payload)[0]).toMatchObject({
      url: `https://t.me/monitoring_group_bot?start=assign-${s.group.id}`,
    });
    await s.leader.say(`/start assign-${s.group.id}`);
    await s.leader.say("9");
    expect(last(s.leader)).toBe("Тизмедеги номерлерди (1ден 5 чейин) үтүр менен жазыңыз.");
    await s.leader.say("2");
    await s.leader.say("Текшерүү");
    await s.leader.say("суу");
    expect(last(s.leader)).toBe(h.bot.background.app.t("ky", "form-use-buttons"));
    await s.leader.press(formButton.pack(FORMS.giveAssignment, "svc", "0"));
    await s.leader.say("01.11.2026");
    expect(last(s.leader)).toBe("Бул күн өтүп кетти. Бүгүнкү же андан кийинки күндү жазыңыз.");
    await s.leader.say("эртең");
    expect(last(s.leader)).toBe("Күндү жазыңыз, мисалы 31.12 же 31.12.2027.");
    await s.leader.say("15.01");
    expect(row("select due_on from assignments")).toEqual({ due_on: "2027-01-15" });
    await s.people[1]!.say("/assignments", s.chat);
    expect(buttonsOf(h.tg.lastTo(s.chat.id).payload)).toEqual([]);
  });
});

describe("requests for information", () => {
  test("to the head: sent in private, answered with text and a file, dated; another one overdue in /status", async () => {
    const s = await scene();
    await s.leader.say("/inforequest");
    await s.leader.press(formButton.pack(FORMS.askInfo, "to", "head"));
    await s.leader.say("График подачи воды и смета на ремонт водопровода");
    await s.leader.say("01.12");
    expect(last(s.leader)).toBe("Запрос записан и отправлен главе айыл окмоту в личный чат.");
    expect(last(s.head)).toContain("Что нужно: График подачи воды и смета на ремонт водопровода");
    const id = Number(row("select id from info_requests").id);

    await s.leader.say("/inforequest");
    await s.leader.press(formButton.pack(FORMS.askInfo, "to", "provider"));
    await s.leader.say("Директор школы");
    await s.leader.say("Меню школьной столовой");
    await s.leader.say("25.11");
    expect(last(s.leader)).toBe("Запрос записан. Когда придёт ответ, запишите его в /inforequests.");

    h.clock.set("2026-11-26T05:00:00Z");
    await s.head.press(infoAnswerData.pack({ request: id }));
    await s.head.say("График: с 7 до 9 и с 18 до 20");
    await sendDocument(s.head, "smeta.pdf");
    await s.head.press(formButton.pack(FORMS.answerInfo, "files", "done"));
    expect(last(s.head)).toBe("Ответ записан.");
    expect(row("select answer, answered_on from info_requests where id = ?", id)).toEqual({
      answer: "График: с 7 до 9 и с 18 до 20",
      answered_on: "2026-11-26",
    });
    expect(h.count("select count(*) n from info_request_files where request_id = ? and kind = 'document'", id)).toBe(1);
    expect(h.tg.textsTo(s.chat.id).pop()).toContain("Ответ: График: с 7 до 9 и с 18 до 20");
    expect(h.tg.callsOf("sendDocument", s.chat.id).map((c) => c.payload.document)).toEqual(["smeta.pdf"]);

    await s.people[2]!.say("/status", s.chat);
    const status = h.tg.textsTo(s.chat.id).pop();
    expect(status).toContain("Запросов информации без ответа: 1");
    expect(status).toContain("⚠️ Просроченных запросов информации: 1");
    await s.people[2]!.say("/inforequests");
    expect(last(s.people[2]!)).toContain("1. ⚠️ Директор школы: Меню школьной столовой — срок истёк 25 ноября 2026 г.");
  });
});

describe("reaching people the bot cannot message", () => {
  test("the leader is told who and why, the group gets a button to the private chat, the message waits", async () => {
    const s = await scene();
    h.tg.fail = (call) =>
      call.method === "sendMessage" && Number(call.payload.chat_id) === s.head.id
        ? { error_code: 403, description: "Forbidden: bot can't initiate conversation with a user" }
        : undefined;
    await recordPlan(s);
    expect(last(s.leader)).toContain("Не могу написать в личный чат: Бакыт");
    expect(last(s.leader)).toContain("бот ещё не запущен");
    const notice = h.tg.lastTo(s.chat.id);
    expect(String(notice.payload.text)).toContain("Бакыт, для вас есть сообщения от бота");
    expect(buttonsOf(notice.payload)[0]).toMatchObject({ url: "https://t.me/monitoring_group_bot?start=inbox" });
    h.tg.fail = () => undefined;
    await s.head.say("/start inbox");
    const texts = h.tg.sentTo(s.head.id).map((c) => String(c.payload.text));
    expect(texts.some((t) => t.includes("Руководитель группы «Мин-Булак айыл аймагы» записал план работы"))).toBe(true);
    expect(buttonsOf(h.tg.sentTo(s.head.id).find((c) => String(c.payload.text).includes("записал план"))!.payload)[0]).toMatchObject({
      text: "Утвердить план",
    });
    // Delivered once: a second message does not repeat it.
    const count = h.tg.sentTo(s.head.id).length;
    await s.head.say("/help");
    expect(h.tg.sentTo(s.head.id).length).toBe(count + 1);
  });
});

describe("refusals for the wrong role", () => {
  test.each([
    [
      "ru",
      "Завершить срок работы группы может только глава айыл окмоту или председатель айылного кенеша.",
      "План записывает руководитель группы, утверждает — глава айыл окмоту или председатель айылного кенеша.",
      "Запросы записывает руководитель группы; ответ записывает руководитель группы или глава айыл окмоту, если запрос адресован ему.",
      "Поручения даёт и проверяет руководитель группы; принять поручение и отчитаться по нему может только тот, кому оно дано.",
    ],
    [
      "ky",
      "Топтун иш мөөнөтүн айыл өкмөт башчысы же айылдык кеңештин төрагасы гана аяктай алат.",
      "Планды топтун жетекчиси жазат, айыл өкмөт башчысы же айылдык кеңештин төрагасы бекитет.",
      "Суроолорду топтун жетекчиси жазат; жоопту топтун жетекчиси же, суроо ага жолдонгон болсо, айыл өкмөт башчысы жазат.",
      "Тапшырманы топтун жетекчиси берет жана текшерет; аны кабыл алып, отчет бере турган — тапшырма берилген адам гана.",
    ],
  ])("%s", async (locale, endterm, plan, info, assignment) => {
    const s = await scene(locale as "ky" | "ru");
    const member = s.people[2]!;

    await member.say("/endterm");
    expect(last(member)).toBe(endterm);
    await s.leader.say("/endterm");
    expect(last(s.leader)).toBe(endterm);
    await member.forge(planRecordData.pack({ group: groupId(s.group.id) }));
    expect(last(member)).toBe(plan);
    await recordPlan(s);
    const id = Number(row("select id from work_plans").id);
    await s.leader.forge(planApproveData.pack({ group: groupId(s.group.id), plan: id }));
    expect(h.lastAlert()).toBe(plan);
    await member.say("/inforequest");
    expect(last(member)).toBe(info);
    await member.say("/assign");
    expect(last(member)).toBe(assignment);

    await s.leader.say("/assign");
    await s.leader.say("2");
    await s.leader.say("Проверить фонари");
    await s.leader.press(formButton.pack(FORMS.giveAssignment, "svc", "0"));
    await s.leader.say("30.11");
    const given = Number(row("select id from assignments").id);
    await member.forge(assignmentAcceptData.pack({ assignment: given }));
    expect(h.lastAlert()).toBe(assignment);
    await member.forge(assignmentDoneData.pack({ assignment: given }));
    expect(h.lastAlert()).toBe(assignment);
    await s.leader.say("/inforequest");
    await s.leader.press(formButton.pack(FORMS.askInfo, "to", "head"));
    await s.leader.say("Смета");
    await s.leader.say("30.11");
    await member.forge(infoAnswerData.pack({ request: Number(row("select id from info_requests").id) }));
    expect(h.lastAlert()).toBe(info);
    expect(h.count("select count(*) n from assignments where status <> 'given'")).toBe(0);
    expect(groupById(h.db, s.group.id)?.termEndsOn).toBeNull();
  });
});
