import type { Chat } from "grammy/types";
import { beforeEach, describe, expect, test } from "vitest";
import { observationById, observationPage } from "../../src/domain/observations.js";
import { groupId, observationId, requestId, userId, type Group } from "../../src/domain/types.js";
import { buttonsOf } from "../helpers/fake-telegram.js";
import { setUpGroup } from "../helpers/flows.js";
import type { Harness, Person } from "../helpers/harness.js";
import { answerForm, useGroupWithMembers, sendLocation, sendPhoto, serviceKeyed } from "../helpers/observations.js";
import { DRAFT_FORMS, formButton, FORMS, leaveData, observeStartData, requestData } from "../../src/callbacks/index.js";

let h: Harness;
let group: Group;
let head: Person;
let members: Person[];
let chat: Chat;

const scene = useGroupWithMembers(-4001);
beforeEach(() => ({ h, chat, head, group, members } = scene()));

const last = (id: number) => String(h.tg.lastTo(id).payload.text);
const all = () => observationPage(h.db, { group: group.id }, 0, 1000).items;

describe("the observation form", () => {
  test("a member records an observation in Kyrgyz, step by step", async () => {
    const [aigul] = members as [Person];
    await aigul.say("/observe");
    expect(h.tg.textsTo(aigul.id).at(-2)).toBe("«Мин-Булак айыл аймагы» тобу үчүн жаңы байкоо. Каалаган убакта жокко чыгаруу — /cancel.");
    expect(last(aigul.id)).toBe("Кайсы кызмат көрсөтүүгө байкоо жүргүздүңүз?");
    expect(buttonsOf(h.tg.lastTo(aigul.id).payload).map((b) => b.text)).toEqual([
      "Ичүүчү суу",
      "Таштанды чыгаруу",
      "Көчө жарыгы",
      "Жолдор",
      "Сугат суусу",
      "Мектеп",
      "Бала бакча",
      "ФАП (медициналык пункт)",
      "Маданият үйү",
    ]);
    await answerForm(aigul, { service: serviceKeyed(h, group, "water"), quality: 2, compliance: "no", resources: 1, photos: ["p1", "p2"] });
    const summary = last(aigul.id);
    expect(summary).toContain("«Мин-Булак айыл аймагы» тобу үчүн байкоону текшериңиз:");
    expect(summary).toContain("Кызмат көрсөтүү: Ичүүчү суу");
    expect(summary).toContain("Дата: 2026-жылдын 24-ноябры");
    expect(summary).toContain("Стандартка шайкештиги: шайкеш эмес");
    expect(summary).toContain("Сүрөттөр: 2");
    expect(all()).toEqual([]);
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "sum", "save"));
    expect(last(aigul.id)).toContain("Байкоо сакталды.");
    expect(all()).toMatchObject([
      {
        observedOn: "2026-11-24",
        quarter: "2026-Q4",
        quality: 2,
        compliance: "no",
        resources: 1,
        place: "Ленин көчөсү, 12",
        status: "active",
      },
    ]);
    expect(observationById(h.db, all()[0]!.id)?.photos).toEqual(["p1", "p2"]);
  });

  test("in Russian, with a typed date, a location and its description", async () => {
    const bakyt = members[1]!;
    await bakyt.say("/observe");
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "svc", serviceKeyed(h, group, "lighting")));
    expect(last(bakyt.id)).toBe("Когда? Нажмите кнопку или напишите дату, например 25.11 или 25.11.2026.");
    await bakyt.say("23.11");
    expect(last(bakyt.id)).toContain("Где?");
    await sendLocation(bakyt, 42.87, 74.59);
    expect(last(bakyt.id)).toContain("Геопозиция получена");
    await bakyt.say("у школы");
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "q", "4"));
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "c", "unknown"));
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "r", "5"));
    await bakyt.say("Фонари горят,\nно два не работают.");
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "photo", "done"));
    expect(last(bakyt.id)).toContain("Геопозиция: 42.87000, 74.59000");
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "sum", "save"));
    expect(last(bakyt.id)).toBe("Наблюдение сохранено. Все наблюдения группы — /observations, новое — /observe.");
    expect(all()).toMatchObject([
      { observedOn: "2026-11-23", latitude: 42.87, longitude: 74.59, place: "у школы", finding: "Фонари горят,\nно два не работают." },
    ]);
  });
});

describe("bad input gets a clear answer and changes nothing", () => {
  test("text where a button was expected, a photo where text was expected, bad dates", async () => {
    const bakyt = members[1]!;
    await bakyt.say("/observe");
    await bakyt.say("вода");
    expect(last(bakyt.id)).toBe("Выберите ответ кнопкой под вопросом.");
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "svc", serviceKeyed(h, group, "water")));
    for (const [typed, answer] of [
      ["31.02", "Не понял дату. Напишите её так: 25.11 или 25.11.2026 — или нажмите «Сегодня» / «Вчера»."],
      ["25.11.2026", "Эта дата ещё не наступила. Напишите дату наблюдения — сегодня или раньше."],
      ["01.11.2025", "Дата наблюдения не может быть раньше, чем год назад. Напишите более близкую дату."],
      ["завтра", "Не понял дату. Напишите её так: 25.11 или 25.11.2026 — или нажмите «Сегодня» / «Вчера»."],
    ]) {
      await bakyt.say(typed!);
      expect(last(bakyt.id)).toBe(answer);
    }
    await sendPhoto(bakyt, "early");
    expect(last(bakyt.id)).toContain("Не понял дату");
    // Day and month alone mean the latest such day: 25.11 is last year's, within a year.
    await bakyt.say("25.11");
    await sendPhoto(bakyt, "not-a-place");
    expect(last(bakyt.id)).toBe("Напишите место текстом или отправьте геопозицию.");
    await bakyt.say("Кара-Суу");
    await bakyt.say("3");
    expect(last(bakyt.id)).toBe("Выберите ответ кнопкой под вопросом.");
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "q", "3"));
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "c", "yes"));
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "r", "3"));
    await sendPhoto(bakyt, "not-a-finding");
    expect(last(bakyt.id)).toBe("Напишите вывод текстом.");
    await bakyt.say("Я".repeat(2001));
    expect(last(bakyt.id)).toMatch(/^Слишком длинно: 2\s001 символ, можно не более 2\s000\. Сократите и отправьте снова\.$/);
    await bakyt.say("Я".repeat(2000));
    expect(last(bakyt.id)).toContain("Пришлите фото");
    await bakyt.say("вот фото");
    expect(last(bakyt.id)).toBe("Пришлите фото или нажмите «Готово».");
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "photo", "done"));
    expect(last(bakyt.id)).toContain("Дата: 25 ноября 2025 г.");
    expect(last(bakyt.id)).toContain("Место: Кара-Суу");
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "sum", "save"));
    expect(all()).toMatchObject([{ observedOn: "2025-11-25", finding: "Я".repeat(2000) }]);
  });

  test("a sixth photo is refused and the five are kept", async () => {
    const aigul = members[0]!;
    await aigul.say("/observe");
    await answerForm(aigul, { service: serviceKeyed(h, group, "roads") });
    // No photos at first; then the photos field is corrected, and six are sent.
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "sum", "edit"));
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "field", "photos"));
    for (const n of [1, 2, 3, 4, 5]) await sendPhoto(aigul, `photo-${n}`);
    expect(last(aigul.id)).toBe("5-сүрөт алынды: 5 сүрөттөн ашык тиркөөгө болбойт. «Даяр» баскычын басыңыз.");
    await sendPhoto(aigul, "photo-6");
    expect(last(aigul.id)).toBe("5 сүрөттөн ашык тиркөөгө болбойт. Бул сүрөт кошулган жок; «Даяр» баскычын басыңыз.");
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "photo", "done"));
    expect(last(aigul.id)).toContain("Сүрөттөр: 5");
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "sum", "save"));
    expect(observationById(h.db, all()[0]!.id)?.photos).toEqual(["photo-1", "photo-2", "photo-3", "photo-4", "photo-5"]);
  });

  test("a button of an old, finished form does nothing", async () => {
    const aigul = members[0]!;
    await aigul.say("/observe");
    await answerForm(aigul, { service: serviceKeyed(h, group, "school") });
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "sum", "save"));
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "sum", "save"));
    expect(h.tg.alerts().pop()).toBe("Бул баскыч мындан ары иштебейт.");
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "svc", serviceKeyed(h, group, "school")));
    expect(h.tg.alerts().pop()).toBe("Бул баскыч мындан ары иштебейт.");
    expect(all()).toHaveLength(1);
  });

  test("/cancel at any step saves nothing", async () => {
    const aigul = members[0]!;
    await aigul.say("/observe");
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "svc", serviceKeyed(h, group, "school")));
    await aigul.say("/cancel");
    expect(last(aigul.id)).toBe("Толтуруу жокко чыгарылды, эч нерсе сакталган жок.");
    await aigul.say("/observe");
    await answerForm(aigul, { service: serviceKeyed(h, group, "school") });
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "sum", "cancel"));
    expect(last(aigul.id)).toBe("Толтуруу жокко чыгарылды, эч нерсе сакталган жок.");
    expect(all()).toEqual([]);
  });

  test("/observe in a group chat points to the private chat through a deep link", async () => {
    await members[1]!.say("/observe", chat);
    const sent = h.tg.lastTo(chat.id).payload;
    expect(sent.text).toBe("Наблюдение для группы «Мин-Булак айыл аймагы» записывается в личном чате со мной: нажмите кнопку.");
    expect(buttonsOf(sent)).toEqual([{ text: "Добавить наблюдение", url: `https://t.me/monitoring_group_bot?start=obs-${group.id}` }]);
    await members[1]!.say(`/start obs-${group.id}`);
    expect(last(members[1]!.id)).toBe("За какой услугой вы наблюдали?");
  });

  test("a non-member is told how to join, by /observe and by the group's link", async () => {
    const stranger = h.person(900, "Азамат", "ru");
    await stranger.say("/observe");
    expect(last(900)).toContain("Вы пока не член ни одной группы: чтобы вступить, отправьте /join");
    await stranger.say(`/start obs-${group.id}`);
    const sent = h.tg.lastTo(900).payload;
    expect(sent.text).toContain("Наблюдения записывают члены группы «Мин-Булак айыл аймагы»");
    expect(buttonsOf(sent)).toEqual([{ text: "Вступить в группу", url: `https://t.me/monitoring_group_bot?start=join-${group.id}` }]);
    // An appointer who is not a member may see, not record.
    await head.say("/observe");
    expect(last(head.id)).toContain("эч бир топтун мүчөсү эмессиз");
    expect(all()).toEqual([]);
  });

  test("a member who left mid-form is told, and nothing is saved", async () => {
    const bakyt = members[1]!;
    await bakyt.say("/observe");
    await answerForm(bakyt, { service: serviceKeyed(h, group, "waste") });
    await bakyt.say("/leave");
    await bakyt.press(leaveData.pack({ group: groupId(group.id), user: userId(bakyt.id), answer: "y" }));
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "sum", "save"));
    expect(last(bakyt.id)).toBe("Вы больше не член группы «Мин-Булак айыл аймагы»: наблюдение не сохранено.");
    expect(all()).toEqual([]);
  });
});

describe("forms of many members, and restarts", () => {
  test("two members recording at once, step by step interleaved", async () => {
    const [a, b] = members as [Person, Person];
    await a.say("/observe");
    await b.say("/observe");
    await a.pressDraft(formButton.pack(DRAFT_FORMS.observation, "svc", serviceKeyed(h, group, "water")));
    await b.pressDraft(formButton.pack(DRAFT_FORMS.observation, "svc", serviceKeyed(h, group, "roads")));
    await b.pressDraft(formButton.pack(DRAFT_FORMS.observation, "date", "yesterday"));
    await a.pressDraft(formButton.pack(DRAFT_FORMS.observation, "date", "today"));
    await a.say("Борбордук көчө");
    await b.say("Трасса");
    for (const p of [a, b]) await p.pressDraft(formButton.pack(DRAFT_FORMS.observation, "q", "5"));
    await b.pressDraft(formButton.pack(DRAFT_FORMS.observation, "c", "no"));
    await a.pressDraft(formButton.pack(DRAFT_FORMS.observation, "c", "yes"));
    await a.pressDraft(formButton.pack(DRAFT_FORMS.observation, "r", "4"));
    await b.pressDraft(formButton.pack(DRAFT_FORMS.observation, "r", "1"));
    await b.say("Ямы");
    await a.say("Суу бар");
    await sendPhoto(b, "pit");
    await a.pressDraft(formButton.pack(DRAFT_FORMS.observation, "photo", "done"));
    await b.pressDraft(formButton.pack(DRAFT_FORMS.observation, "photo", "done"));
    await b.pressDraft(formButton.pack(DRAFT_FORMS.observation, "sum", "save"));
    await a.pressDraft(formButton.pack(DRAFT_FORMS.observation, "sum", "save"));
    expect(all().map((o) => [o.authorName, o.finding, o.observedOn, o.compliance])).toEqual([
      ["Айгүл Осмонова", "Суу бар", "2026-11-24", "yes"],
      ["Бакыт Токтогулов", "Ямы", "2026-11-23", "no"],
    ]);
  });

  test("a restart in the middle of the form continues where it was", async () => {
    const bakyt = members[1]!;
    await bakyt.say("/observe");
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "svc", serviceKeyed(h, group, "health")));
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "date", "today"));
    h.restart();
    await bakyt.say("ФАП в центре");
    expect(last(bakyt.id)).toContain("Качество предоставления услуги");
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "q", "3"));
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "c", "partly"));
    h.restart();
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "r", "3"));
    await bakyt.say("Нет лекарств.");
    await sendPhoto(bakyt, "shelf");
    h.restart();
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "photo", "done"));
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "sum", "save"));
    expect(all()).toMatchObject([{ place: "ФАП в центре", finding: "Нет лекарств.", compliance: "partly" }]);
    expect(observationById(h.db, all()[0]!.id)?.photos).toEqual(["shelf"]);
  });
});

describe("a member of several groups", () => {
  test("is asked which group first", async () => {
    const other = h.groupChat(-4002);
    const second = await setUpGroup(h, other, h.person(12, "Жылдыз", "ru"), { municipality: "Кара-Суу айыл аймагы" });
    const bakyt = members[1]!;
    await bakyt.say(`/start join-${second.id}`);
    await bakyt.say("Бакыт Токтогулов");
    await bakyt.press(formButton.pack(FORMS.join, "cat", "resident"));
    await bakyt.press(formButton.pack(FORMS.join, "consent", "yes"));
    const request = h.db.$client.prepare("select id from membership_requests where group_id = ? and status = 'pending'").get(second.id) as {
      id: number;
    };
    await h.person(12, "Жылдыз", "ru").press(requestData.pack({ request: requestId(request.id), decision: "a" }));
    await bakyt.say("/observe");
    expect(buttonsOf(h.tg.lastTo(bakyt.id).payload).map((b) => b.text)).toEqual(["Кара-Суу айыл аймагы", "Мин-Булак айыл аймагы"]);
    await bakyt.press(observeStartData.pack({ group: groupId(second.id) }));
    expect(h.tg.textsTo(bakyt.id).at(-2)).toContain("«Кара-Суу айыл аймагы»");
    await answerForm(bakyt, { service: serviceKeyed(h, second, "water") });
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "sum", "save"));
    expect(observationPage(h.db, { group: groupId(second.id) }, 0, 10).total).toBe(1);
    // A forged start on a group he does not belong to is refused.
    await h.person(950, "Чужой", "ru").forge(observeStartData.pack({ group: groupId(second.id) }));
    expect(last(950)).toContain("Наблюдения записывают члены группы «Кара-Суу айыл аймагы»");
    expect(observationById(h.db, observationId(999))).toBeUndefined();
  });
});
