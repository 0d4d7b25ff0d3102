import type { Message } from "grammy/types";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { addAppointer } from "../../src/domain/appointing.js";
import {
  changeRecommendationStatus,
  changeRefusal,
  isNextStatus,
  recommendationById,
  RECOMMENDATION_STATUSES,
} from "../../src/domain/recommendations.js";
import { groupId, userId } from "../../src/domain/types.js";
import { recommendationsOverdue } from "../../src/scheduler/rules/recommendations.js";
import { buttonsOf } from "../helpers/fake-telegram.js";
import { Harness, type Person } from "../helpers/harness.js";
import { groupWithLeader, leaderScene, type Scene } from "../helpers/meetings.js";
import { finalProtocol } from "../helpers/recommendations.js";
import {
  formButton,
  FORMS,
  recommendationAddresseeFilterData,
  recommendationCardData,
  recommendationListData,
  recommendationProtocolFilterData,
  recommendationStatusData,
} from "../../src/callbacks/index.js";

let h: Harness;
let scene: Scene;
let chair: Person;

const last = (id: number) => String(h.tg.lastTo(id).payload.text);
const buttons = (id: number) =>
  buttonsOf(h.tg.lastTo(id).payload).map((b) => ("callback_data" in b ? b.callback_data : "url" in b ? b.url : ""));
const status = (id: number) => recommendationById(h.db, id)?.status;

async function withChair(): Promise<void> {
  chair = h.person(12, "Нурлан", "ru");
  await chair.say("/start");
  const added = addAppointer(h.db, { group: scene.group.id, user: userId(chair.id), by: userId(scene.head.id), now: h.clock.now() });
  expect(added).toEqual({ ok: true, office: "chair" });
}

describe("who may change a recommendation's status", () => {
  beforeEach(async () => {
    ({ h, scene } = await leaderScene("ru", { reminderRules: [] }));
    await withChair();
  });
  afterEach(() => h.finish());

  test("every role tried on every change: only the addressee's office, or the leader for others", () => {
    const {
      recommendations: [toHead, toChair, toOther],
    } = finalProtocol(h, scene.group.id, [
      { text: "Оңдоо", to: "head", due: "2026-12-31" },
      { text: "Каржылоо", to: "chair", due: "2026-12-31" },
      { text: "Тазалоо", to: "other", name: "мектептин директору", due: "2026-12-31" },
    ]);
    const roles = { head: scene.head, chair, leader: scene.leader, member: scene.people[2]!, outsider: h.person(999, "Чужой") };
    const mayChange = { [toHead!]: ["head"], [toChair!]: ["chair"], [toOther!]: ["leader"] };
    const now = h.clock.now();
    for (const id of [toHead!, toChair!, toOther!]) {
      for (const from of RECOMMENDATION_STATUSES) {
        h.db.$client.prepare("update recommendations set status = ? where id = ?").run(from, id);
        for (const to of RECOMMENDATION_STATUSES) {
          for (const [role, person] of Object.entries(roles)) {
            const refusal = changeRefusal(h.db, recommendationById(h.db, id), to, userId(person.id), now);
            const expected = !mayChange[id]!.includes(role) ? "not-allowed" : isNextStatus(from, to) ? undefined : "not-next";
            expect({ id, from, to, role, refusal }).toEqual({ id, from, to, role, refusal: expected });
          }
        }
      }
    }
    // The write refuses by itself and leaves no history.
    h.db.$client.prepare("update recommendations set status = 'sent'").run();
    expect(changeRecommendationStatus(h.db, { id: toHead!, to: "accepted", by: userId(scene.leader.id), note: null, now })).toEqual({
      ok: false,
      reason: "not-allowed",
    });
    expect(h.count("select count(*) n from recommendation_events")).toBe(0);
  });

  test("with no council chair in the bot, the leader records the chair's answer", () => {
    h.db.$client.prepare("update appointers set removed_at = 1 where office = 'chair'").run();
    const {
      recommendations: [id],
    } = finalProtocol(h, scene.group.id, [{ text: "Каржылоо", to: "chair", due: "2026-12-31" }]);
    const result = changeRecommendationStatus(h.db, {
      id: id!,
      to: "accepted",
      by: userId(scene.leader.id),
      note: "Макул",
      now: h.clock.now(),
    });
    expect(result.ok).toBe(true);
  });

  test("the head accepts in private with the answer, then moves it on; the history keeps who, when and what", async () => {
    const {
      recommendations: [id],
    } = finalProtocol(h, scene.group.id, [{ text: "Суу түтүгүн оңдоо", to: "head", due: "2026-12-31" }]);
    const head = scene.head;
    await head.say("/recommendations");
    expect(last(head.id)).toContain(
      "1. № 1/2026-1: Суу түтүгүн оңдоо — адресат: глава айыл окмоту; срок: 31 декабря 2026 г.; статус: направлена",
    );
    await head.press(recommendationCardData.pack({ recommendation: id }));
    expect(buttons(head.id)).toEqual([
      recommendationStatusData.pack({ recommendation: id, status: "accepted" }),
      recommendationStatusData.pack({ recommendation: id, status: "rejected" }),
    ]);
    await head.press(recommendationStatusData.pack({ recommendation: id, status: "accepted" }));
    expect(last(head.id)).toContain("Напишите ответ адресата");
    await head.say("Примем в бюджет 2027 года");
    expect(last(head.id)).toBe("Статус рекомендации № 1/2026-1 изменён: принята.");
    await head.press(recommendationCardData.pack({ recommendation: id }));
    expect(buttons(head.id)).toEqual([recommendationStatusData.pack({ recommendation: id, status: "in-progress" })]);
    await head.press(recommendationStatusData.pack({ recommendation: id, status: "in-progress" }));
    await head.press(formButton.pack(FORMS.recommendationNote, "skip"));
    expect(status(id!)).toBe("in-progress");
    await head.press(recommendationCardData.pack({ recommendation: id }));
    const card = last(head.id);
    expect(card).toContain("Статус: выполняется");
    expect(card).toContain("— принята (Бакыт). Ответ: Примем в бюджет 2027 года");
    expect(card).toContain("— выполняется (Бакыт)");
    const history = h.db.$client.prepare("select from_status f, to_status t, note, by from recommendation_events order by id").all();
    expect(history).toEqual([
      { f: "sent", t: "accepted", note: "Примем в бюджет 2027 года", by: head.id },
      { f: "accepted", t: "in-progress", note: null, by: head.id },
    ]);
    // An old button pressed again is refused: the status has moved on.
    const old = h.tg.messageWithButton(head.id, recommendationStatusData.pack({ recommendation: id, status: "accepted" }))!;
    await head.pressOn(recommendationStatusData.pack({ recommendation: id, status: "accepted" }), old);
    expect(h.lastAlert()).toBe("Статус рекомендации уже изменён. Откройте её снова: /recommendations");
  });

  test("members only see: no change buttons, forged presses refused; in the group a link to the private chat", async () => {
    const {
      recommendations: [id],
    } = finalProtocol(h, scene.group.id, [{ text: "Жарык", to: "other", name: "РЭС", due: "2026-12-31" }]);
    const member = scene.people[1]!;
    await member.say("/recommendations");
    await member.press(recommendationCardData.pack({ recommendation: id }));
    expect(buttons(member.id)).toEqual([]);
    await member.forge(recommendationStatusData.pack({ recommendation: id, status: "accepted" }));
    expect(h.lastAlert()).toContain("Статус меняет тот, кому адресована рекомендация");
    await h.person(999, "Чужой", "ru").forge(recommendationCardData.pack({ recommendation: id }));
    expect(h.lastAlert()).toBe("Вы не состоите в этой группе.");
    // The leader in the group chat gets a link; a forged status button there is refused.
    await scene.leader.say("/recommendations", scene.chat);
    await scene.leader.press(recommendationCardData.pack({ recommendation: id }), scene.chat);
    expect(buttons(scene.chat.id)).toEqual([`https://t.me/${h.bot.botInfo.username}?start=rec-${id}`]);
    await scene.leader.forge(recommendationStatusData.pack({ recommendation: id, status: "accepted" }), scene.chat);
    expect(h.lastAlert()).toBe("Статус меняют в личном чате со мной.");
    expect(status(id!)).toBe("sent");
    expect(h.count("select count(*) n from recommendation_events")).toBe(0);
  });

  test("filters: open, overdue, all, by addressee, by protocol; pages of eight", async () => {
    h.clock.set("2027-01-10T06:00:00Z");
    const first = finalProtocol(h, scene.group.id, [
      { text: "Просроченная", to: "head", due: "2026-12-01" },
      { text: "Выполненная", to: "head", due: "2026-12-01", status: "done" },
    ]);
    const second = finalProtocol(
      h,
      scene.group.id,
      Array.from({ length: 10 }, (_, i) => ({ text: `Рек ${i}`, to: "other" as const, name: "ФАП", due: "2027-03-01" })),
    );
    const leader = scene.people[1]!; // a Russian-speaking member
    await leader.say("/recommendations");
    expect(last(leader.id)).toContain("Показаны: открытые; адресат: любой; протокол: любой.");
    expect(last(leader.id)).toContain("1–8 из 11.");
    expect(last(leader.id)).toContain("⚠️ № 1/2026-1: Просроченная");
    // Every press edits the list message (the fake keeps only its first buttons: press on it).
    const list = h.tg.lastTo(leader.id).result as Message;
    const press = (data: string) => leader.pressOn(data, list);
    const edited = () => String(h.tg.callsOf("editMessageText").at(-1)?.payload.text);
    const g = scene.group.id;
    await press(recommendationListData.pack({ group: groupId(g), view: "o", addressee: "-", protocol: 0, page: 1 }));
    expect(edited()).toContain("9–11 из 11.");
    await press(recommendationListData.pack({ group: groupId(g), view: "d", addressee: "-", protocol: 0, page: 0 }));
    expect(edited()).toContain("1–1 из 1.");
    await press(recommendationAddresseeFilterData.pack({ group: groupId(g), view: "a", protocol: 0 }));
    expect(
      h.tg
        .callsOf("editMessageReplyMarkup")
        .at(-1)
        ?.payload.reply_markup.inline_keyboard.flat()
        .map((b: { callback_data: string }) => b.callback_data),
    ).toEqual([
      recommendationListData.pack({ group: groupId(g), view: "a", addressee: "-", protocol: 0, page: 0 }),
      recommendationListData.pack({ group: groupId(g), view: "a", addressee: "head", protocol: 0, page: 0 }),
      recommendationListData.pack({ group: groupId(g), view: "a", addressee: "chair", protocol: 0, page: 0 }),
      recommendationListData.pack({ group: groupId(g), view: "a", addressee: "other", protocol: 0, page: 0 }),
    ]);
    await press(recommendationListData.pack({ group: groupId(g), view: "a", addressee: "head", protocol: 0, page: 0 }));
    expect(edited()).toContain("Показаны: все; адресат: глава айыл окмоту; протокол: любой.\n1–2 из 2.");
    await press(recommendationProtocolFilterData.pack({ group: groupId(g), view: "a", addressee: "-" }));
    await press(recommendationListData.pack({ group: groupId(g), view: "a", addressee: "-", protocol: second.protocol, page: 0 }));
    expect(edited()).toContain("протокол: 2/2026.\n1–8 из 10.");
    expect(first.recommendations).toHaveLength(2);
    // /status names the overdue one.
    await leader.say("/status");
    expect(last(leader.id)).toContain("⚠️ Просрочена 1 рекомендация:\n• ⚠️ № 1/2026-1: Просроченная");
  });
});

describe("weekly reminders of overdue recommendations", () => {
  afterEach(() => h.finish());

  test("once a week each, to the leader and the office's appointer, across a quarter and a restart", async () => {
    h = new Harness({ now: "2026-11-24T06:00:00Z", reminderRules: [recommendationsOverdue] });
    scene = await groupWithLeader(h, "ky");
    await withChair();
    const {
      recommendations: [toHead, toChair, toOther, done],
    } = finalProtocol(h, scene.group.id, [
      { text: "Суу", to: "head", due: "2026-12-01" },
      { text: "Жол", to: "chair", due: "2026-12-10" },
      { text: "Жарык", to: "other", name: "РЭС", due: "2026-12-01" },
      { text: "Бүттү", to: "head", due: "2026-12-01", status: "done" },
    ]);
    const sent: { at: Date; chat: number; text: string; button: string }[] = [];
    const SIX_HOURS = 6 * 60 * 60 * 1000;
    const runUntil = async (until: string) => {
      while (h.clock.now() < new Date(until)) {
        h.clock.advance(SIX_HOURS / 4);
        const from = h.tg.calls.length;
        await h.scheduler().tick();
        for (const call of h.tg.calls.slice(from).filter((c) => c.method === "sendMessage")) {
          const button = buttonsOf(call.payload).map((b) => ("callback_data" in b ? b.callback_data : ""))[0] ?? "";
          sent.push({ at: h.clock.now(), chat: Number(call.payload.chat_id), text: String(call.payload.text), button });
        }
      }
    };
    await runUntil("2027-01-15T00:00:00Z");
    h.restart();
    await runUntil("2027-02-01T00:00:00Z");
    // The chair's one is done on 1 February: no reminders after that.
    expect(
      changeRecommendationStatus(h.db, { id: toChair!, to: "rejected", by: userId(chair.id), note: "Акча жок", now: h.clock.now() }).ok,
    ).toBe(true);
    await runUntil("2027-03-01T00:00:00Z");

    const to = (chat: number, id: number) =>
      sent.filter((s) => s.chat === chat && s.button === recommendationCardData.pack({ recommendation: id }));
    const weekly = (list: typeof sent) => list.map((s) => s.at.toISOString());
    // Due 1 December: from 2 December, every 7 days, at the first tick after 10:00 in Bishkek.
    const fromDec2 = Array.from({ length: 13 }, (_, i) => new Date(Date.UTC(2026, 11, 2 + 7 * i, 4, 30)).toISOString());
    expect(weekly(to(scene.leader.id, toHead!))).toEqual(fromDec2);
    expect(weekly(to(scene.head.id, toHead!))).toEqual(fromDec2);
    expect(weekly(to(scene.leader.id, toOther!))).toEqual(fromDec2);
    expect(to(scene.head.id, toOther!)).toEqual([]);
    expect(to(chair.id, toHead!)).toEqual([]);
    // Due 10 December, rejected on 1 February: the weeks from 11 December up to then.
    const chairWeeks = Array.from({ length: 8 }, (_, i) => new Date(Date.UTC(2026, 11, 11 + 7 * i, 4, 30)).toISOString());
    expect(weekly(to(chair.id, toChair!))).toEqual(chairWeeks);
    expect(weekly(to(scene.leader.id, toChair!))).toEqual(chairWeeks);
    expect(sent.filter((s) => s.button === recommendationCardData.pack({ recommendation: done }))).toEqual([]);
    // Kyrgyz for the Kyrgyz-speaking leader, Russian for the chair.
    expect(to(scene.leader.id, toHead!)[0]!.text).toContain("Сунуштаманын аткаруу мөөнөтү өтүп кетти (№ 1/2026 протокол): Суу");
    expect(to(chair.id, toChair!)[0]!.text).toContain("Просрочена рекомендация по протоколу № 1/2026: Жол");
    expect(to(chair.id, toChair!)[0]!.text).toContain("Срок исполнения: 10 декабря 2026 г. (прошло дней: 1).");
  });

  test("after downtime only the current week's goes; nothing in quiet hours", async () => {
    h = new Harness({ now: "2026-12-01T06:00:00Z", reminderRules: [recommendationsOverdue] });
    scene = await groupWithLeader(h, "ru");
    finalProtocol(h, scene.group.id, [{ text: "Суу", to: "other", name: "Суу чарба", due: "2026-12-01" }]);
    h.restart();
    h.clock.set("2026-12-25T16:00:00Z"); // 22:00 in Bishkek, three weeks on
    expect((await h.scheduler().tick()).due).toBe(0);
    h.clock.set("2026-12-26T03:00:00Z"); // 09:00
    expect((await h.scheduler().tick()).sent).toBe(1);
    expect((await h.scheduler().tick()).due).toBe(0);
    expect(h.count("select count(*) n from sent_reminders where kind = 'recommendation-overdue'")).toBe(1);
    expect(h.count("select count(*) n from sent_reminders where key like 'rec-overdue:r%:w3:u%'")).toBe(1);
  });
});
