import type { Chat } from "grammy/types";
import { beforeEach, describe, expect, test } from "vitest";
import { protocolObservations } from "../../src/db/schema.js";
import { ensureProtocol } from "../helpers/meetings.js";
import { appointLeader } from "../../src/domain/leadership.js";
import { activeMembership } from "../../src/domain/members.js";
import { observationById, observationPage } from "../../src/domain/observations.js";
import { servicesOf } from "../../src/domain/services.js";
import { groupId, observationId, serviceId, userId, type Group } from "../../src/domain/types.js";
import { buttonsOf } from "../helpers/fake-telegram.js";
import type { Harness, Person } from "../helpers/harness.js";
import { answerForm, draftOf, useGroupWithMembers, recordDirect, serviceKeyed } from "../helpers/observations.js";
import {
  DRAFT_FORMS,
  draftScope,
  formButton,
  observationEditData,
  observationListData,
  observationQuarterFilterData,
  observationServiceFilterData,
  observationViewData,
  observationWithdrawData,
  observationWithdrawYesData,
  serviceFormData,
  serviceToggleData,
} from "../../src/callbacks/index.js";

let h: Harness;
let group: Group;
let head: Person;
let members: Person[];
let chat: Chat;

const scene = useGroupWithMembers(-5001);
beforeEach(() => ({ h, chat, head, group, members } = scene()));

const last = (id: number) => String(h.tg.lastTo(id).payload.text);
const buttons = (id: number) => buttonsOf(h.tg.lastTo(id).payload).map((b) => ("callback_data" in b ? b.callback_data : b.text));
const lastEdit = () => h.tg.callsOf("editMessageText").at(-1)?.payload;
const makeLeader = (person: Person) =>
  appointLeader(h.db, {
    group: group.id,
    member: activeMembership(h.db, group.id, userId(person.id))!.id,
    by: userId(head.id),
    now: h.clock.now(),
  });
const lockIn = (protocolId: number, id: number, lockedAt: Date | null) => {
  ensureProtocol(h, group.id, protocolId);
  h.db.insert(protocolObservations).values({ protocolId, observationId: id, lockedAt }).run();
};

describe("correct and withdraw", () => {
  test("the author opens their observation, corrects a field, then withdraws it", async () => {
    const bakyt = members[1]!;
    const id = recordDirect(h, group, bakyt, { serviceId: serviceKeyed(h, group, "water"), finding: "Старый вывод" });
    await bakyt.say("/observations");
    expect(last(bakyt.id)).toContain(
      "1. 20 ноября 2026 г. — Питьевая вода: качество 3, ресурсы 3, стандарт: соответствует (Бакыт Токтогулов)",
    );
    await bakyt.press(observationViewData.pack({ observation: observationId(id) }));
    expect(last(bakyt.id)).toContain("Наблюдение: Питьевая вода, 20 ноября 2026 г.");
    expect(buttons(bakyt.id)).toEqual([
      observationEditData.pack({ observation: observationId(id) }),
      observationWithdrawData.pack({ observation: observationId(id) }),
    ]);
    await bakyt.press(observationEditData.pack({ observation: observationId(id) }));
    expect(last(bakyt.id)).toContain("Вывод: Старый вывод");
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "sum", "edit"));
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "field", "finding"));
    await bakyt.say("Новый вывод");
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "sum", "save"));
    expect(last(bakyt.id)).toBe("Наблюдение исправлено.");
    expect(observationById(h.db, observationId(id))).toMatchObject({ finding: "Новый вывод", status: "active" });

    await bakyt.press(observationWithdrawData.pack({ observation: observationId(id) }));
    expect(last(bakyt.id)).toContain("Отозвать наблюдение (Питьевая вода, 20 ноября 2026 г.)?");
    await bakyt.press(observationWithdrawYesData.pack({ observation: observationId(id) }));
    expect(lastEdit()?.text).toBe("Наблюдение отозвано (Питьевая вода, 20 ноября 2026 г.).");
    expect(observationById(h.db, observationId(id))?.status).toBe("withdrawn");
    expect(observationPage(h.db, { group: group.id }, 0, 10).total).toBe(0);
    await bakyt.forge(observationWithdrawData.pack({ observation: observationId(id) }));
    expect(h.tg.alerts().pop()).toBe("Это наблюдение уже отозвано.");
  });

  test("editing or withdrawing someone else's observation through a forged callback is refused", async () => {
    const [aigul, bakyt] = members as [Person, Person];
    const id = recordDirect(h, group, aigul, { serviceId: serviceKeyed(h, group, "school") });
    await bakyt.forge(observationViewData.pack({ observation: observationId(id) }));
    expect(buttons(bakyt.id)).toEqual([]);
    for (const data of [
      observationEditData.pack({ observation: observationId(id) }),
      observationWithdrawData.pack({ observation: observationId(id) }),
      observationWithdrawYesData.pack({ observation: observationId(id) }),
    ]) {
      await bakyt.forge(data);
      expect(h.tg.alerts().pop()).toBe("Исправить или отозвать наблюдение может только его автор, пока он член группы.");
    }
    await h.person(990, "Чужой", "ru").forge(observationViewData.pack({ observation: observationId(id) }));
    expect(h.tg.alerts().pop()).toBe("Вы не состоите в этой группе.");
    // Even the author cannot change it from a group chat.
    await aigul.forge(observationWithdrawYesData.pack({ observation: observationId(id) }), chat);
    expect(h.tg.alerts().pop()).toBe("Байкоолорду мен менен жеке чатта оңдоого жана кайтарып алууга болот.");
    expect(observationById(h.db, observationId(id))).toMatchObject({ status: "active", finding: "Жыйынтык" });
  });

  test("once a signed protocol includes it, the observation is locked and the bot says why", async () => {
    const aigul = members[0]!;
    const id = recordDirect(h, group, aigul, { serviceId: serviceKeyed(h, group, "roads") });
    lockIn(7, id, null);
    await aigul.forge(observationViewData.pack({ observation: observationId(id) }));
    expect(buttons(aigul.id)).toEqual([
      observationEditData.pack({ observation: observationId(id) }),
      observationWithdrawData.pack({ observation: observationId(id) }),
    ]);
    h.db.update(protocolObservations).set({ lockedAt: h.clock.now() }).run();
    await aigul.forge(observationViewData.pack({ observation: observationId(id) }));
    expect(last(aigul.id)).toContain("🔒 Кол коюлган протоколго киргизилген");
    expect(buttons(aigul.id)).toEqual([]);
    for (const data of [
      observationEditData.pack({ observation: observationId(id) }),
      observationWithdrawData.pack({ observation: observationId(id) }),
      observationWithdrawYesData.pack({ observation: observationId(id) }),
    ]) {
      await aigul.forge(data);
      expect(h.tg.alerts().pop()).toBe(
        "Байкоо кол коюлган протоколго киргизилген, ошондуктан аны мындан ары оңдоого же кайтарып алууга болбойт.",
      );
    }
    expect(observationById(h.db, observationId(id))?.status).toBe("active");
  });

  test("a protocol signed while the author is correcting locks the observation at save", async () => {
    const aigul = members[0]!;
    const id = recordDirect(h, group, aigul, { serviceId: serviceKeyed(h, group, "roads") });
    await aigul.forge(observationEditData.pack({ observation: observationId(id) }));
    lockIn(8, id, h.clock.now());
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "sum", "save"));
    expect(last(aigul.id)).toContain("кол коюлган протоколго киргизилген");
    expect(observationById(h.db, observationId(id))?.finding).toBe("Жыйынтык");
  });
});

describe("/observations", () => {
  test("250 observations: ten a page, paging both ways, filters by service and quarter", async () => {
    const services = servicesOf(h.db, group.id);
    const dates = ["2026-11-20", "2026-10-05", "2026-08-15", "2026-05-01", "2026-01-10"];
    for (let i = 0; i < 250; i++) {
      recordDirect(h, group, members[i % 5]!, {
        serviceId: services[i % services.length]!.id,
        observedOn: dates[i % dates.length]!,
        finding: `№${i}`,
      });
    }
    const reader = members[1]!;
    await reader.say("/observations");
    expect(last(reader.id)).toContain("1–10 (всего 250)");
    expect(buttons(reader.id).filter((b) => b.startsWith("ov:"))).toHaveLength(10);
    expect(buttons(reader.id)).toContain(observationListData.pack({ group: groupId(group.id), service: 0, quarter: "-", page: 1 }));
    expect(buttons(reader.id)).not.toContain(`ol:${group.id}:0:-:-1`);

    await reader.press(observationListData.pack({ group: groupId(group.id), service: 0, quarter: "-", page: 1 }));
    expect(lastEdit()?.text).toContain("11–20 (всего 250)");
    expect(buttonsOf(lastEdit()!).map((b) => b.text)).toEqual([
      "11",
      "12",
      "13",
      "14",
      "15",
      "16",
      "17",
      "18",
      "19",
      "20",
      "◀ Более поздние",
      "Более ранние ▶",
      "Услуга…",
      "Квартал…",
    ]);
    await reader.forge(observationListData.pack({ group: groupId(group.id), service: 0, quarter: "-", page: 24 }));
    expect(lastEdit()?.text).toContain("241–250 (всего 250)");
    const lastPage = buttonsOf(lastEdit()!).map((b) => ("callback_data" in b ? b.callback_data : ""));
    expect(lastPage).toContain(observationListData.pack({ group: groupId(group.id), service: 0, quarter: "-", page: 23 }));
    expect(lastPage).not.toContain(observationListData.pack({ group: groupId(group.id), service: 0, quarter: "-", page: 25 }));
    // Newest first: the last page holds the oldest date.
    expect(lastEdit()?.text).toContain("10 января 2026 г.");

    const water = serviceKeyed(h, group, "water");
    await reader.forge(observationServiceFilterData.pack({ group: groupId(group.id), quarter: "-" }));
    expect(buttonsOf(h.tg.callsOf("editMessageReplyMarkup").at(-1)!.payload).map((b) => b.text)).toContain("Питьевая вода");
    await reader.forge(observationListData.pack({ group: groupId(group.id), service: water, quarter: "-", page: 0 }));
    expect(lastEdit()?.text).toContain("Услуга: Питьевая вода; период: все кварталы");
    expect(lastEdit()?.text).toContain("1–10 (всего 28)");

    await reader.forge(observationQuarterFilterData.pack({ group: groupId(group.id), service: water }));
    expect(buttonsOf(h.tg.callsOf("editMessageReplyMarkup").at(-1)!.payload).map((b) => b.text)).toEqual([
      "все кварталы",
      "IV квартал 2026 г.",
      "III квартал 2026 г.",
      "II квартал 2026 г.",
      "I квартал 2026 г.",
    ]);
    await reader.forge(observationListData.pack({ group: groupId(group.id), service: water, quarter: "2026-Q4", page: 0 }));
    const q4water = observationPage(h.db, { group: group.id, service: water as never, quarter: "2026-Q4" }, 0, 100).total;
    expect(lastEdit()?.text).toContain(`1–10 (всего ${q4water})`);
    await reader.forge(observationListData.pack({ group: groupId(group.id), service: 0, quarter: "2026-Q4", page: 9 }));
    expect(lastEdit()?.text).toContain("91–100 (всего 100)");
    // A page beyond the end shows the last one.
    await reader.forge(observationListData.pack({ group: groupId(group.id), service: 0, quarter: "2026-Q4", page: 99 }));
    expect(lastEdit()?.text).toContain("91–100 (всего 100)");
  });

  test("an observation opens in full with its photos and its location", async () => {
    const reader = members[1]!;
    const two = recordDirect(h, group, members[0]!, {
      serviceId: serviceKeyed(h, group, "water"),
      photos: ["f1", "f2"],
      latitude: 42.8,
      longitude: 74.6,
    });
    const one = recordDirect(h, group, members[0]!, { serviceId: serviceKeyed(h, group, "water"), photos: ["f3"] });
    await reader.forge(observationViewData.pack({ observation: observationId(two) }));
    expect(
      h.tg
        .callsOf("sendMediaGroup", reader.id)
        .at(-1)
        ?.payload.media.map((m: { media: string }) => m.media),
    ).toEqual(["f1", "f2"]);
    expect(h.tg.callsOf("sendLocation", reader.id).at(-1)?.payload).toMatchObject({ latitude: 42.8, longitude: 74.6 });
    expect(last(reader.id)).toContain("Автор: Айгүл Осмонова");
    await reader.forge(observationViewData.pack({ observation: observationId(one) }));
    expect(h.tg.callsOf("sendPhoto", reader.id).at(-1)?.payload.photo).toBe("f3");
  });

  test("a stranger cannot read a group's list through forged buttons; an appointer can", async () => {
    recordDirect(h, group, members[0]!, { serviceId: serviceKeyed(h, group, "water") });
    await h.person(990, "Чужой", "ru").forge(observationListData.pack({ group: groupId(group.id), service: 0, quarter: "-", page: 0 }));
    expect(h.tg.alerts().pop()).toBe("Вы не состоите в этой группе.");
    await head.say("/observations");
    expect(last(head.id)).toContain("1–1");
  });

  test("in the group chat, in the group's language, with the button that opens the private chat", async () => {
    await members[0]!.say("/observations", chat);
    expect(last(chat.id)).toContain("Наблюдений пока нет. Записать — /observe.");
    expect(buttonsOf(h.tg.lastTo(chat.id).payload).at(-1)).toEqual({
      text: "Добавить наблюдение",
      url: `https://t.me/monitoring_group_bot?start=obs-${group.id}`,
    });
  });

  test("/help names the observation commands for members, the leader and the appointers", async () => {
    await members[1]!.say("/help");
    expect(last(members[1]!.id)).toContain("/observe — записать наблюдение за услугой");
    await head.say("/help");
    expect(last(head.id)).toContain("/observations — топтун байкоолору");
  });
});

describe("/status shows the quarter per service", () => {
  test.each([
    [
      "ru",
      "Наблюдения за IV квартал 2026 г.: 3",
      "• Питьевая вода: 2 — качество 2,5, ресурсы 3; стандарт: соответствует 50%, не соответствует 50%",
      "• Дороги: 1 — качество 1, ресурсы 2; стандарт: неизвестно 100%",
    ],
    [
      "ky",
      "2026-жылдын IV кварталы боюнча байкоолор: 3",
      "• Ичүүчү суу: 2 — сапаты 2,5, ресурстар 3; стандарт: шайкеш 50%, шайкеш эмес 50%",
      "• Жолдор: 1 — сапаты 1, ресурстар 2; стандарт: белгисиз 100%",
    ],
  ] as const)("%s", async (locale, title, water, roads) => {
    const water_ = serviceKeyed(h, group, "water");
    recordDirect(h, group, members[0]!, { serviceId: water_, quality: 2, resources: 3, compliance: "yes" });
    recordDirect(h, group, members[1]!, { serviceId: water_, quality: 3, resources: 3, compliance: "no" });
    recordDirect(h, group, members[2]!, { serviceId: serviceKeyed(h, group, "roads"), quality: 1, resources: 2, compliance: "unknown" });
    recordDirect(h, group, members[2]!, { serviceId: water_, observedOn: "2026-09-30" });
    const reader = locale === "ru" ? members[1]! : members[0]!;
    await reader.say("/status");
    const text = last(reader.id);
    expect(text).toContain(title);
    expect(text).toContain(water);
    expect(text).toContain(roads);
  });

  test("a quarter with no observations says so", async () => {
    await members[1]!.say("/status");
    expect(last(members[1]!.id)).toContain("Наблюдений за IV квартал 2026 г. пока нет.");
  });
});

describe("/services", () => {
  test("the leader adds, renames, retires and restores; a retired service is not offered", async () => {
    const leader = members[1]!;
    makeLeader(leader);
    await leader.say("/services");
    expect(last(leader.id)).toContain("Услуги, за которыми наблюдает группа «Мин-Булак айыл аймагы»:\n1. Питьевая вода");
    await leader.press(serviceFormData.pack({ action: "add", id: group.id }));
    await leader.say("Көпүрө");
    await leader.say("Мост");
    expect(last(leader.id)).toBe("Сохранено: «Мост». Список — /services.");
    const bridge = servicesOf(h.db, group.id).at(-1)!;
    expect(bridge).toMatchObject({ nameKy: "Көпүрө", nameRu: "Мост", key: null });

    const waste = serviceKeyed(h, group, "waste");
    await leader.say("/services");
    await leader.press(serviceFormData.pack({ action: "ren", id: waste }));
    await leader.say("Таштанды");
    await leader.say("Мусор и свалка");
    await leader.say("/services");
    await leader.press(serviceToggleData.pack({ action: "ret", service: serviceId(serviceKeyed(h, group, "culture")) }));
    expect(lastEdit()?.text).toContain("Выведены из списка (их наблюдения сохраняются):\n— Дом культуры");

    const member = members[0]!;
    await member.say("/observe");
    const offered = buttonsOf(h.tg.lastTo(member.id).payload).map((b) => b.text);
    expect(offered).toContain("Таштанды");
    expect(offered).toContain("Көпүрө");
    expect(offered).not.toContain("Маданият үйү");
    await member.forge(formButton.pack(draftScope(DRAFT_FORMS.observation, draftOf(h, member)), "svc", serviceKeyed(h, group, "culture")));
    expect(h.tg.alerts().pop()).toBe("Жоопту суроонун астындагы баскыч менен тандаңыз.");

    await leader.forge(serviceToggleData.pack({ action: "res", service: serviceId(serviceKeyed(h, group, "culture")) }));
    expect(servicesOf(h.db, group.id)).toHaveLength(10);
  });

  test("a service retired while a member fills the form: the save is refused, another service is chosen", async () => {
    const leader = members[1]!;
    makeLeader(leader);
    const aigul = members[0]!;
    await aigul.say("/observe");
    await answerForm(aigul, { service: serviceKeyed(h, group, "irrigation") });
    await leader.forge(serviceToggleData.pack({ action: "ret", service: serviceId(serviceKeyed(h, group, "irrigation")) }));
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "sum", "save"));
    expect(h.tg.textsTo(aigul.id).at(-2)).toBe(
      "Бул кызмат көрсөтүү топтун тизмесинен чыгарылган. «Оңдоо» баскычын басып, башка кызмат көрсөтүүнү тандаңыз.",
    );
    expect(last(aigul.id)).toContain("байкоону текшериңиз");
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "sum", "edit"));
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "field", "service"));
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "svc", serviceKeyed(h, group, "water")));
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "sum", "save"));
    expect(observationPage(h.db, { group: group.id }, 0, 10).items).toMatchObject([{ serviceId: serviceKeyed(h, group, "water") }]);
  });

  test("when every service is retired, the form says who adds them", async () => {
    const leader = members[1]!;
    makeLeader(leader);
    for (const s of servicesOf(h.db, group.id)) await leader.forge(serviceToggleData.pack({ action: "ret", service: serviceId(s.id) }));
    await members[0]!.say("/observe");
    expect(last(members[0]!.id)).toBe(
      "«Мин-Булак айыл аймагы» тобунун тизмесинде бир да иштеп турган кызмат көрсөтүү жок. Топтун жетекчиси аларды /services буйругу менен кошот.",
    );
  });

  test("an observation of a service retired since can still be corrected", async () => {
    const leader = members[1]!;
    makeLeader(leader);
    const aigul = members[0]!;
    const id = recordDirect(h, group, aigul, { serviceId: serviceKeyed(h, group, "kindergarten") });
    await leader.forge(serviceToggleData.pack({ action: "ret", service: serviceId(serviceKeyed(h, group, "kindergarten")) }));
    await aigul.forge(observationEditData.pack({ observation: observationId(id) }));
    expect(last(aigul.id)).toContain("Кызмат көрсөтүү: Бала бакча");
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "sum", "edit"));
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "field", "resources"));
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "r", "5"));
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "sum", "save"));
    expect(last(aigul.id)).toBe("Байкоо оңдолду.");
    expect(observationById(h.db, observationId(id))).toMatchObject({ resources: 5, serviceId: serviceKeyed(h, group, "kindergarten") });
  });

  test("members see the list; only the leader may change it", async () => {
    const member = members[0]!;
    await member.say("/services");
    expect(buttons(member.id)).toEqual([]);
    for (const data of [
      serviceToggleData.pack({ action: "ret", service: serviceId(serviceKeyed(h, group, "water")) }),
      serviceFormData.pack({ action: "add", id: group.id }),
    ]) {
      await member.forge(data);
      expect(h.tg.alerts().pop()).toBe("Кызмат көрсөтүүлөрдүн тизмесин топтун жетекчиси өзгөртөт.");
    }
    expect(servicesOf(h.db, group.id)).toHaveLength(9);
  });
});
