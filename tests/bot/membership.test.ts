import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { activeMembers } from "../../src/domain/members.js";
import { buttonsOf } from "../helpers/fake-telegram.js";
import { fillJoinForm, fiveMembers, setUpGroup } from "../helpers/flows.js";
import { Harness } from "../helpers/harness.js";
import { appointData, leaveData, requestData } from "../../src/callbacks/index.js";
import { groupId, memberId, requestId, userId } from "../../src/domain/types.js";

let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.finish());

describe("the whole membership life", () => {
  test.each(["ky", "ru"] as const)("setup → five members → leader → one leaves (%s group)", async (locale) => {
    const chat = h.groupChat(-1001);
    const head = h.person(11, "Бакыт", locale);
    const group = await setUpGroup(h, chat, head, { locale });

    const done = h.tg.lastTo(chat.id);
    expect(done.payload.text).toContain("Мин-Булак айыл аймагы");
    expect(done.payload.text).toContain(locale === "ky" ? "катталды" : "зарегистрирована");
    expect(buttonsOf(done.payload)[0]).toMatchObject({ url: `https://t.me/monitoring_group_bot?start=join-${group.id}` });

    const people = await fiveMembers(h, group, head);
    expect(activeMembers(h.db, group.id)).toHaveLength(5);
    // Each applicant was told in their own language.
    expect(h.tg.lastTo(people[0]!.id).payload.text).toContain("Арызыңыз жактырылды");
    expect(h.tg.lastTo(people[1]!.id).payload.text).toContain("Ваша заявка одобрена");

    await head.say("/appoint", chat);
    const pick = h.tg.lastTo(chat.id);
    expect(buttonsOf(pick.payload).map((b) => b.text)).toContain("Айгүл Осмонова");
    const aigul = activeMembers(h.db, group.id).find((m) => m.fullName === "Айгүл Осмонова")!;
    await head.press(appointData.pack({ group: groupId(group.id), member: memberId(aigul.id) }), chat);
    expect(h.tg.lastTo(chat.id).payload.text).toContain("Айгүл Осмонова");
    expect(h.tg.lastTo(people[0]!.id).payload.text).toContain("жетекчиси болуп дайындалдыңыз");

    await head.say("/members", chat);
    const members = String(h.tg.lastTo(chat.id).payload.text);
    expect(members.split("\n")[1]).toMatch(
      locale === "ky"
        ? /Айгүл Осмонова — жергиликтүү кеңештин депутаты, топтун жетекчиси/
        : /Айгүл Осмонова — депутат местного кенеша, руководитель группы/,
    );
    expect(members).toContain(locale === "ky" ? "Топто 5 мүчө" : "В группе 5 членов");
    expect(members).not.toContain("⚠️");

    await people[0]!.say("/status", chat);
    const status = String(h.tg.lastTo(chat.id).payload.text);
    expect(status).toContain(locale === "ky" ? "Топтун жетекчиси: Айгүл Осмонова" : "Руководитель группы: Айгүл Осмонова");
    expect(status).toContain(locale === "ky" ? "Айыл өкмөт башчысы: Бакыт" : "Глава айыл окмоту: Бакыт");

    const leaver = people[4]!;
    await leaver.say("/leave");
    await leaver.press(leaveData.pack({ group: groupId(group.id), user: userId(leaver.id), answer: "y" }));
    expect(activeMembers(h.db, group.id)).toHaveLength(4);
    const notice = String(h.tg.lastTo(chat.id).payload.text);
    expect(notice).toContain("Элмира Жумабаева");
    expect(notice).toContain("⚠️");

    await head.say("/status", chat);
    expect(h.tg.lastTo(chat.id).payload.text).toContain(locale === "ky" ? "5 мүчөдөн кем болбошу керек" : "не менее 5 членов");
  });
});

describe("refusals change nothing", () => {
  test("/setup by someone who is not a chat administrator", async () => {
    const chat = h.groupChat(-1002);
    const stranger = h.person(12, "Asel", "ru");
    await stranger.say("/setup", chat);
    expect(h.tg.lastTo(chat.id).payload.text).toBe(
      "Зарегистрировать группу может только администратор этого чата (глава айыл окмоту или председатель айылного кенеша).",
    );
    expect(h.tg.callsOf("getChatMember")).toHaveLength(1);
    expect(h.db.$client.prepare("select count(*) n from groups").get()).toEqual({ n: 0 });
  });

  test("a superadmin may set up without being a chat administrator", async () => {
    h.close();
    h = new Harness({ superadminIds: [99] });
    const chat = h.groupChat(-1003);
    const admin = h.person(99, "Root", "ru");
    await admin.say("/setup", chat);
    expect(h.tg.lastTo(chat.id).payload.text).toContain("Выберите вашу должность:");
  });

  test("/setup in private points to the group chat; /setup twice says it is registered", async () => {
    const head = h.person(11, "Бакыт", "ky");
    await head.say("/setup");
    expect(h.tg.lastTo(head.id).payload.text).toContain("топтун чатына кошуп");
    const chat = h.groupChat(-1004);
    await setUpGroup(h, chat, head);
    await head.say("/setup", chat);
    expect(h.tg.lastTo(chat.id).payload.text).toContain("мурунтан катталган");
  });

  test("/leave by someone who is not a member", async () => {
    const chat = h.groupChat(-1005);
    const head = h.person(11, "Бакыт", "ky");
    await setUpGroup(h, chat, head, { locale: "ru" });
    const stranger = h.person(13, "Nurlan", "ru");
    await stranger.say("/leave", chat);
    expect(h.tg.lastTo(chat.id).payload.text).toBe("Вы не член группы «Мин-Булак айыл аймагы».");
    await stranger.say("/leave");
    expect(h.tg.lastTo(stranger.id).payload.text).toContain("не состоите ни в одной группе");
  });

  test("a member pressing the approve button is refused, and the request stays pending", async () => {
    const chat = h.groupChat(-1006);
    const head = h.person(11, "Бакыт", "ru");
    const group = await setUpGroup(h, chat, head);
    const [, member] = await fiveMembers(h, group, head);
    const newcomer = h.person(300, "Азамат", "ru");
    await fillJoinForm(newcomer, group, "Азамат Бекмуратов");
    const request = h.db.$client.prepare("select id from membership_requests where user_id = 300").get() as { id: number };
    await member!.forge(requestData.pack({ request: requestId(request.id), decision: "a" }));
    expect(h.tg.alerts().pop()).toBe(
      "Решение по заявкам принимают глава айыл окмоту, председатель айылного кенеша или руководитель группы.",
    );
    expect(h.db.$client.prepare("select status from membership_requests where id = ?").get(request.id)).toEqual({ status: "pending" });
    expect(activeMembers(h.db, group.id)).toHaveLength(5);
  });

  test("a forged callback for another group's request is refused", async () => {
    const chatA = h.groupChat(-1007);
    const chatB = h.groupChat(-1008);
    const headA = h.person(11, "Бакыт", "ky");
    const headB = h.person(12, "Жылдыз", "ky");
    await setUpGroup(h, chatA, headA, { municipality: "Ак-Суу" });
    const groupB = await setUpGroup(h, chatB, headB, { municipality: "Кара-Суу" });
    const applicant = h.person(301, "Мирлан", "ky");
    await fillJoinForm(applicant, groupB, "Мирлан Асанов");
    const request = h.db.$client.prepare("select id from membership_requests").get() as { id: number };
    // The head of group A forges the approve button of group B's request.
    await headA.forge(requestData.pack({ request: requestId(request.id), decision: "a" }), chatA);
    expect(h.tg.alerts().pop()).toContain("Арыздар боюнча чечимди");
    expect(activeMembers(h.db, groupB.id)).toHaveLength(0);
    // And forges the appoint button of group B.
    await headA.forge(appointData.pack({ group: groupId(groupB.id), member: memberId(1) }), chatA);
    expect(h.tg.alerts().pop()).toBe("Топтун жетекчисин айыл өкмөт башчысы же айылдык кеңештин төрагасы дайындайт.");
  });

  test("/appoint of a non-member, and /appoint by a non-appointer", async () => {
    const chat = h.groupChat(-1009);
    const head = h.person(11, "Бакыт", "ru");
    const group = await setUpGroup(h, chat, head, { locale: "ru" });
    const [member] = await fiveMembers(h, group, head);
    const outsider = h.person(400, "Чолпон", "ru");
    await outsider.say("привет всем", chat);
    const outsiderMessage = { message_id: 77, date: 0, chat, from: outsider.user, text: "привет всем" };
    await head.say("/appoint", chat, { reply_to_message: outsiderMessage as never });
    expect(h.tg.lastTo(chat.id).payload.text).toBe("Чолпон — не член группы. Руководителем назначают только члена группы.");
    await member!.say("/appoint", chat);
    expect(h.tg.lastTo(chat.id).payload.text).toBe("Руководителя группы назначает глава айыл окмоту или председатель айылного кенеша.");
    expect(activeMembers(h.db, group.id).some((m) => m.isLeader)).toBe(false);
  });

  test("someone else cannot press another person's leave confirmation", async () => {
    const chat = h.groupChat(-1010);
    const head = h.person(11, "Бакыт", "ky");
    const group = await setUpGroup(h, chat, head);
    const [a, b] = await fiveMembers(h, group, head);
    await a!.say("/leave", chat);
    await b!.press(leaveData.pack({ group: groupId(group.id), user: userId(a!.id), answer: "y" }), chat);
    expect(h.tg.alerts().pop()).toBe("Эта кнопка не для вас.");
    expect(activeMembers(h.db, group.id)).toHaveLength(5);
  });
});
