import type { Chat } from "grammy/types";
import { beforeEach, describe, expect, test } from "vitest";
import { observationById, observationPage } from "../../src/domain/observations.js";
import { observationId, type Group } from "../../src/domain/types.js";
import { buttonsOf } from "../helpers/fake-telegram.js";
import { setUpGroup } from "../helpers/flows.js";
import { deliverTwice, updateOf as updateIn, type Act } from "../helpers/drafts.js";
import type { Harness, Person } from "../helpers/harness.js";
import { answerForm, draftOf, sendPhoto, serviceKeyed, useGroupWithMembers } from "../helpers/observations.js";
import {
  DRAFT_FORMS,
  draftButtonData,
  draftDiscardData,
  draftResumeData,
  draftScope,
  formButton,
  FORMS,
  observationViewData,
} from "../../src/callbacks/index.js";

let h: Harness;
let group: Group;
let members: Person[];
let chat: Chat;

const scene = useGroupWithMembers(-4101);
beforeEach(() => ({ h, chat, group, members } = scene()));

const last = (id: number) => String(h.tg.lastTo(id).payload.text);
const all = () => observationPage(h.db, { group: group.id }, 0, 1000).items;
const updateOf = (person: Person, act: Act) => updateIn(h, person, act);

/** The whole form, from /observe's first question to Save, with a correction on the way. */
function wholeForm(): Act[] {
  return [
    { press: formButton.pack(DRAFT_FORMS.observation, "svc", serviceKeyed(h, group, "water")) },
    { say: "23.11" },
    { say: "Ленин көчөсү, 12" },
    { press: formButton.pack(DRAFT_FORMS.observation, "q", "2") },
    { press: formButton.pack(DRAFT_FORMS.observation, "c", "no") },
    { press: formButton.pack(DRAFT_FORMS.observation, "r", "4") },
    { say: "Суу күнүнө эки саат гана берилет." },
    { photo: "tap" },
    { press: formButton.pack(DRAFT_FORMS.observation, "photo", "done") },
    { press: formButton.pack(DRAFT_FORMS.observation, "sum", "edit") },
    { press: formButton.pack(DRAFT_FORMS.observation, "field", "quality") },
    { press: formButton.pack(DRAFT_FORMS.observation, "q", "1") },
    { press: formButton.pack(DRAFT_FORMS.observation, "sum", "save") },
  ];
}

function expectTheWholeForm(): void {
  expect(all()).toMatchObject([
    {
      observedOn: "2026-11-23",
      place: "Ленин көчөсү, 12",
      quality: 1,
      compliance: "no",
      resources: 4,
      finding: "Суу күнүнө эки саат гана берилет.",
    },
  ]);
  expect(observationById(h.db, all()[0]!.id)?.photos).toEqual(["tap"]);
}

describe("the observation draft", () => {
  test("a restart at every step loses nothing", async () => {
    const aigul = members[0]!;
    await aigul.say("/observe");
    for (const act of wholeForm()) {
      h.restart();
      await h.bot.handleUpdate(updateOf(aigul, act));
    }
    expectTheWholeForm();
    expect(last(aigul.id)).toBe("Байкоо сакталды. Топтун бардык байкоолору — /observations, жаңысы — /observe.");
  });

  test("an update delivered twice at every step changes nothing the second time and says the question again", async () => {
    const aigul = members[0]!;
    await aigul.say("/observe");
    for (const act of wholeForm()) await deliverTwice(h, aigul, updateOf(aigul, act));
    expectTheWholeForm();
  });

  test("twenty corrections, then Save: nothing lost, the draft stays small", async () => {
    const aigul = members[0]!;
    await aigul.say("/observe");
    await answerForm(aigul, { service: serviceKeyed(h, group, "roads"), photos: ["pit"] });
    for (let n = 1; n <= 20; n++) {
      await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "sum", "edit"));
      await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "field", "finding"));
      await aigul.say(`Оңдоо ${n}: жолдо чуңкурлар бар.`);
      expect(last(aigul.id)).toContain(`Жыйынтык: Оңдоо ${n}: жолдо чуңкурлар бар.`);
    }
    expect(h.count("select length(answers) n from drafts")).toBeLessThan(1024);
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "sum", "save"));
    expect(all()).toMatchObject([
      { finding: "Оңдоо 20: жолдо чуңкурлар бар.", quality: 3, compliance: "partly", resources: 2, place: "Ленин көчөсү, 12" },
    ]);
    expect(observationById(h.db, all()[0]!.id)?.photos).toEqual(["pit"]);
  });

  test("a form left for another one is parked, then resumed where it was", async () => {
    const bakyt = members[1]!;
    const second = await setUpGroup(h, h.groupChat(-4102), h.person(12, "Жылдыз", "ru"), { municipality: "Кара-Суу айыл аймагы" });
    await bakyt.say("/observe");
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "svc", serviceKeyed(h, group, "lighting")));
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "date", "today"));
    await bakyt.say("у школы");
    // Another form: the join form of another group, a short one.
    await bakyt.say(`/start join-${second.id}`);
    await bakyt.say("Бакыт Токтогулов");
    await bakyt.press(formButton.pack(FORMS.join, "cat", "resident"));
    await bakyt.press(formButton.pack(FORMS.join, "consent", "yes"));
    // Typed now, a text is nobody's answer: the draft waits to be resumed.
    await bakyt.say("привет");
    expect(last(bakyt.id)).not.toContain("Качество");
    await bakyt.say("/observe");
    expect(last(bakyt.id)).toMatch(
      /^У вас есть незаконченная форма: наблюдение \(последнее изменение: 24 ноября 2026 г\. в \d\d:\d\d\)\. Продолжить её или удалить и начать новую\?$/,
    );
    expect(buttonsOf(h.tg.lastTo(bakyt.id).payload).map((b) => b.text)).toEqual(["Продолжить", "Удалить и начать новую"]);
    await bakyt.press(draftResumeData.pack({ draft: draftOf(h, bakyt) }));
    expect(last(bakyt.id)).toBe("Качество предоставления услуги: от 1 (очень плохо) до 5 (очень хорошо).");
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "q", "4"));
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "c", "yes"));
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "r", "4"));
    await bakyt.say("Горят все фонари.");
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "photo", "done"));
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "sum", "save"));
    expect(all()).toMatchObject([{ place: "у школы", quality: 4, finding: "Горят все фонари." }]);
  });

  test("old buttons of a finished or a discarded draft say they are stale and touch no newer draft", async () => {
    const aigul = members[0]!;
    await aigul.say("/observe");
    await answerForm(aigul, { service: serviceKeyed(h, group, "school") });
    const finished = h.tg.buttonMatching(aigul.id, draftButtonData.anyDraft(formButton.pack(DRAFT_FORMS.observation, "sum", "save")))!;
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "sum", "save"));
    await aigul.say("/observe");
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "svc", serviceKeyed(h, group, "waste")));
    const discardedDate = h.tg.buttonMatching(
      aigul.id,
      draftButtonData.anyDraft(formButton.pack(DRAFT_FORMS.observation, "date", "today")),
    )!;
    await aigul.say("/observe");
    await aigul.press(draftDiscardData.pack({ draft: draftOf(h, aigul), kind: "observation", token: String(group.id) }));
    expect(h.tg.textsTo(aigul.id).at(-3)).toBe("Аягына чыгарылбаган форма өчүрүлдү.");
    expect(last(aigul.id)).toBe("Кайсы кызмат көрсөтүүгө байкоо жүргүздүңүз?");
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "svc", serviceKeyed(h, group, "health")));

    await aigul.pressOn(finished.data, finished.message);
    expect(h.lastAlert()).toBe("Бул баскыч мындан ары иштебейт.");
    await aigul.pressOn(discardedDate.data, discardedDate.message);
    expect(h.lastAlert()).toBe("Бул баскыч мындан ары иштебейт.");
    // Someone else's draft button, forged, is stale for them too.
    await members[2]!.forge(formButton.pack(draftScope(DRAFT_FORMS.observation, draftOf(h, aigul)), "date", "today"));
    expect(h.lastAlert()).toBe("Бул баскыч мындан ары иштебейт.");
    // The newest draft still waits for its date.
    expect(last(aigul.id)).toContain("Качан?");
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "date", "yesterday"));
    expect(h.db.$client.prepare("select step from drafts where status = 'open'").all()).toEqual([{ step: "place" }]);
    expect(all()).toHaveLength(1);
  });

  test("a draft left for days is swept, and its owner told", async () => {
    const aigul = members[0]!;
    await aigul.say("/observe");
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "svc", serviceKeyed(h, group, "school")));
    h.clock.advance(8 * 24 * 60 * 60 * 1000);
    await h.bot.background.tick();
    expect(last(aigul.id)).toMatch(/^Аягына чыгарылбаган форма өчүрүлдү, ал көптөн бери толтурулган жок: байкоо \(акыркы өзгөртүү: /);
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "date", "today"));
    expect(h.lastAlert()).toBe("Бул баскыч мындан ары иштебейт.");
    await aigul.say("/observe");
    expect(last(aigul.id)).toBe("Кайсы кызмат көрсөтүүгө байкоо жүргүздүңүз?");
  });
});

describe("the finding as a photo's caption or a voice message", () => {
  test("a voice message is the finding: stored by file id, shown and listed like a text", async () => {
    const bakyt = members[1]!;
    await bakyt.say("/observe");
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "svc", serviceKeyed(h, group, "water")));
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "date", "today"));
    await bakyt.say("Родник");
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "q", "2"));
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "c", "no"));
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "r", "2"));
    await h.bot.handleUpdate(updateOf(bakyt, { voice: "voice-1" }));
    expect(last(bakyt.id)).toContain("Пришлите фото");
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "photo", "done"));
    expect(last(bakyt.id)).toContain("Вывод: 🎤 голосовое сообщение");
    await bakyt.pressDraft(formButton.pack(DRAFT_FORMS.observation, "sum", "save"));
    const [stored] = all();
    expect(observationById(h.db, stored!.id)).toMatchObject({ finding: "", findingVoice: "voice-1" });
    await bakyt.say("/observations");
    await bakyt.press(observationViewData.pack({ observation: observationId(stored!.id) }));
    expect(h.tg.callsOf("sendVoice", bakyt.id).map((c) => c.payload.voice)).toEqual(["voice-1"]);
    expect(last(bakyt.id)).toContain("Вывод: 🎤 голосовое сообщение");
    // In the group's language for the members who read it there.
    await members[0]!.say("/observations");
    await members[0]!.press(observationViewData.pack({ observation: observationId(stored!.id) }));
    expect(last(members[0]!.id)).toContain("Жыйынтык: 🎤 үн билдирүү");
    void chat;
  });

  test("a photo with a caption is the finding, and the photo is kept", async () => {
    const aigul = members[0]!;
    await aigul.say("/observe");
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "svc", serviceKeyed(h, group, "waste")));
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "date", "today"));
    await aigul.say("Базар");
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "q", "1"));
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "c", "no"));
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "r", "1"));
    await sendPhoto(aigul, "no-caption");
    expect(last(aigul.id)).toBe("Жыйынтыкты текст менен жазыңыз.");
    await h.bot.handleUpdate(updateOf(aigul, { photo: "heap", caption: "Таштанды үч күндөн бери чыгарылган жок." }));
    expect(last(aigul.id)).toBe("1-сүрөт алынды (5 сүрөткө чейин болот). Дагы жөнөтүңүз же «Даяр» баскычын басыңыз.");
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "photo", "done"));
    await aigul.pressDraft(formButton.pack(DRAFT_FORMS.observation, "sum", "save"));
    const [stored] = all();
    expect(observationById(h.db, stored!.id)).toMatchObject({
      finding: "Таштанды үч күндөн бери чыгарылган жок.",
      findingVoice: null,
      photos: ["heap"],
    });
  });
});
